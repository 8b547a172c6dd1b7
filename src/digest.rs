//! Digests, RSA PKCS#1 v1.5, hex/base64 forms and constant-time comparison.

use crate::error::{Error, Result};
use crate::keys::Key;
use crate::profile::{Case, Hash};
use base64::Engine as _;
use hmac::KeyInit;
use md5::digest::{FixedOutput, Update};
use md5::{Digest, Md5};
use rsa::{Pkcs1v15Sign, PrivateKey, PublicKey};
use sha1::Sha1;
use sha2::Sha256;
use subtle::ConstantTimeEq;

#[cfg(feature = "aws-lc")]
mod native;

pub fn md5(msg: &[u8]) -> [u8; 16] {
    Md5::digest(msg).into()
}

pub fn hmac_md5(key: &[u8], msg: &[u8]) -> Vec<u8> {
    keyed_once(Keyed::HmacMd5, key, msg)
}

pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> Vec<u8> {
    keyed_once(Keyed::HmacSha256, key, msg)
}

/// [`keyed`] of one whole message.
pub fn keyed_once(kind: Keyed, key: &[u8], msg: &[u8]) -> Vec<u8> {
    let whole = |out: &mut dyn FnMut(&[u8])| {
        out(msg);
        Ok(())
    };
    let (d, n) = keyed(kind, key, whole).expect("a whole message cannot fail");
    d[..n].to_vec()
}

/// The digests and MACs of the non-RSA methods.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyed {
    /// Plain MD5: the key is not used (it is inside the message).
    Md5,
    HmacMd5,
    HmacSha256,
}

/// The digest or MAC of whatever `feed` hands to its writer, in pieces (a streamed sign
/// string), as 16 or 32 bytes at the start of the array. Each algorithm runs in its own
/// instance of `run`: no state is moved around or boxed.
pub fn keyed(
    kind: Keyed,
    key: &[u8],
    feed: impl FnOnce(&mut dyn FnMut(&[u8])) -> Result<()>,
) -> Result<([u8; 32], usize)> {
    fn run<D: Update + FixedOutput>(
        mut d: D,
        feed: impl FnOnce(&mut dyn FnMut(&[u8])) -> Result<()>,
    ) -> Result<([u8; 32], usize)> {
        feed(&mut |b| d.update(b))?;
        let digest = d.finalize_fixed();
        let mut out = [0; 32];
        out[..digest.len()].copy_from_slice(&digest);
        Ok((out, digest.len()))
    }
    // HMAC accepts keys of any length (RFC 2104: long keys are hashed first).
    match kind {
        Keyed::Md5 => run(Md5::new(), feed),
        Keyed::HmacMd5 => run(
            <hmac::Hmac<Md5> as KeyInit>::new_from_slice(key).expect("any key length"),
            feed,
        ),
        Keyed::HmacSha256 => run(
            <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("any key length"),
            feed,
        ),
    }
}

pub fn hex(bytes: &[u8], case: Case) -> String {
    let table = match case {
        Case::Upper => &HEX_UPPER,
        Case::Lower => &HEX_LOWER,
    };
    // Byte pairs from a table, then one conversion: pushing chars checks capacity and encodes
    // each one, which cost a signature more than its 32 digits.
    let mut s = Vec::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.extend_from_slice(&table[usize::from(b)]);
    }
    String::from_utf8(s).expect("hex digits are ASCII")
}

/// The two hex digits of every byte value.
const fn hex_pairs(digits: &[u8; 16]) -> [[u8; 2]; 256] {
    let mut t = [[0; 2]; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = [digits[b >> 4], digits[b & 15]];
        b += 1;
    }
    t
}
static HEX_UPPER: [[u8; 2]; 256] = hex_pairs(b"0123456789ABCDEF");
static HEX_LOWER: [[u8; 2]; 256] = hex_pairs(b"0123456789abcdef");

/// Hex text (either case) to bytes; `field` names the field in the error.
pub fn unhex(text: &str, field: &str) -> Result<Vec<u8>> {
    let t = text.as_bytes();
    if t.len() % 2 != 0 {
        return Err(Error::invalid_field(
            field,
            format!("odd number of hex digits ({})", t.len()),
        ));
    }
    let val = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    };
    t.chunks(2)
        .enumerate()
        .map(|(i, p)| match (val(p[0]), val(p[1])) {
            (Some(h), Some(l)) => Ok(h << 4 | l),
            _ => Err(Error::invalid_field(field, format!("not hex at character {}", i * 2))),
        })
        .collect()
}

/// Constant-time equality of a computed digest and the received hex text (case-insensitive).
/// A received value of the wrong length is INVALID_FIELD (lengths are public).
pub fn hex_matches(expected: &[u8], received: &str, field: &str) -> Result<bool> {
    let r = received.trim();
    if r.len() != expected.len() * 2 {
        return Err(Error::invalid_field(
            field,
            format!("expected {} hex digits, got {}", expected.len() * 2, r.len()),
        ));
    }
    let got = unhex(r, field)?;
    Ok(ct_eq(expected, &got))
}

/// The one comparison used for secrets-derived values: constant time in the contents.
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

pub fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Decodes a received base64 signature: a `+` that became a space is mapped back, CR/LF and
/// other whitespace (line-wrapped demo output) are dropped, padding may be absent.
pub fn unbase64_lenient(text: &str, field: &str) -> Result<Vec<u8>> {
    // `%` is not a base64 character: a signature still percent-encoded (99bill's query
    // responses show `%2B`, `%2F`, `%3D` inside JSON) is decoded once here.
    let unescaped;
    let text = if text.contains('%') {
        unescaped = percent_decoded(text).ok_or_else(|| Error::invalid_field(field, "bad percent-encoding"))?;
        unescaped.as_str()
    } else {
        text
    };
    let cleaned: String = text
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('+'),
            '\r' | '\n' | '\t' => None,
            c => Some(c),
        })
        .collect();
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    engine
        .decode(cleaned.as_bytes())
        .map_err(|e| Error::invalid_field(field, format!("not base64 ({e})")))
}

fn percent_decoded(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let h = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(h, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn scheme(hash: Hash) -> Pkcs1v15Sign {
    match hash {
        Hash::Sha1 => Pkcs1v15Sign::new::<Sha1>(),
        Hash::Sha256 => Pkcs1v15Sign::new::<Sha256>(),
        Hash::Md5 => Pkcs1v15Sign::new::<Md5>(),
    }
}

fn hashed(hash: Hash, msg: &[u8]) -> Vec<u8> {
    match hash {
        Hash::Sha1 => Sha1::digest(msg).to_vec(),
        Hash::Sha256 => Sha256::digest(msg).to_vec(),
        Hash::Md5 => Md5::digest(msg).to_vec(),
    }
}

/// The digest of `msg` as lowercase hex text (what UnionPay ACP signs with RSA).
pub fn digest_hex(hash: Hash, msg: &[u8]) -> String {
    hex(&hashed(hash, msg), Case::Lower)
}

/// RSASSA-PKCS1-v1_5 signature (blinded by the rsa crate).
pub fn rsa_sign(key: &PrivateKey, hash: Hash, msg: &[u8]) -> Result<Vec<u8>> {
    key.sign(scheme(hash), &hashed(hash, msg))
        .map_err(|e| Error::key(format!("RSA signing failed: {e}")))
}

pub fn rsa_verify(key: &PublicKey, hash: Hash, msg: &[u8], sig: &[u8]) -> bool {
    key.verify(scheme(hash), &hashed(hash, msg), sig).is_ok()
}

// ---------------------------------------------------------------------------------------
// RSA through the key's backend

/// Which RSA implementation [`rsa_sign_key`] and [`rsa_verify_key`] use in this build:
/// `"aws-lc"` (cargo feature `aws-lc`: AWS-LC, constant-time C and assembly, symbols
/// prefixed so it cannot clash with a host's OpenSSL) or `"rsa-crate"` (pure Rust).
pub const RSA_BACKEND: &str = if cfg!(feature = "aws-lc") {
    "aws-lc"
} else {
    "rsa-crate"
};

/// The backend's own form of an RSA key, made from the key on first use and kept inside the
/// [`Key`] for its lifetime (so a key is converted once, not per call). Empty without a
/// C backend.
#[derive(Clone, Default)]
pub struct RsaCache {
    #[cfg(feature = "aws-lc")]
    native: std::sync::OnceLock<Option<native::Rsa>>,
}

impl std::fmt::Debug for RsaCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RsaCache")
    }
}

#[cfg(feature = "aws-lc")]
impl RsaCache {
    /// The converted key, or None when the backend refuses it (then the `rsa` crate serves).
    fn get(&self, convert: impl FnOnce() -> Option<native::Rsa>) -> Option<&native::Rsa> {
        self.native.get_or_init(convert).as_ref()
    }
}

/// RSASSA-PKCS1-v1_5 signature with the private key in `key`, through [`RSA_BACKEND`].
/// The same bytes as [`rsa_sign`] (PKCS#1 v1.5 signatures are deterministic); digests or
/// keys the C backend refuses (multi-prime keys, say) go through the `rsa` crate.
pub fn rsa_sign_key(key: &Key, hash: Hash, msg: &[u8]) -> Result<Vec<u8>> {
    let Key::RsaPrivate {
        key: private, cache, ..
    } = key
    else {
        return Err(Error::key_mismatch("only an RSA private key can sign"));
    };
    #[cfg(feature = "aws-lc")]
    if let Some(native) = cache.get(|| native::Rsa::private(private)) {
        if let Some(sig) = native.sign(hash, &hashed(hash, msg)) {
            return Ok(sig);
        }
    }
    #[cfg(not(feature = "aws-lc"))]
    let _ = cache;
    rsa_sign(private, hash, msg)
}

/// Checks an RSASSA-PKCS1-v1_5 signature with the public key of `key` (either RSA variant),
/// through [`RSA_BACKEND`]; the same verdict as [`rsa_verify`]. False for a secret.
pub fn rsa_verify_key(key: &Key, hash: Hash, msg: &[u8], sig: &[u8]) -> bool {
    let (public, cache) = match key {
        Key::Secret(_) => return false,
        Key::RsaPrivate { key, cache, .. } => (key.as_public_key(), cache),
        Key::RsaPublic { key, cache, .. } => (key, cache),
    };
    #[cfg(feature = "aws-lc")]
    if let Some(native) = cache.get(|| match key {
        Key::RsaPrivate { key, .. } => native::Rsa::private(key),
        _ => native::Rsa::public(public),
    }) {
        return native.verify(hash, &hashed(hash, msg), sig);
    }
    #[cfg(not(feature = "aws-lc"))]
    let _ = cache;
    rsa_verify(public, hash, msg, sig)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_vectors() {
        // RFC 1321 and RFC 2202 / RFC 4231 test cases.
        assert_eq!(hex(&md5(b"abc"), Case::Lower), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(
            hex(&hmac_md5(b"Jefe", b"what do ya want for nothing?"), Case::Lower),
            "750c783e6ab0b503eaa86e310a5db738"
        );
        assert_eq!(
            hex(&hmac_sha256(b"Jefe", b"what do ya want for nothing?"), Case::Lower),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn hex_compare_is_case_insensitive_and_length_checked() {
        let d = md5(b"abc");
        assert!(hex_matches(&d, "900150983CD24FB0D6963F7D28E17F72", "s").unwrap());
        assert!(!hex_matches(&d, "900150983CD24FB0D6963F7D28E17F73", "s").unwrap());
        assert!(hex_matches(&d, "900150983CD24FB0D6963F7D28E17F7", "s").is_err());
        assert!(hex_matches(&d, "900150983CD24FB0D6963F7D28E17FZZ", "s").is_err());
    }

    #[test]
    fn hex_writes_every_byte_value_in_both_cases() {
        let all: Vec<u8> = (0..=255).collect();
        let expect: String = all.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex(&all, Case::Lower), expect);
        assert_eq!(hex(&all, Case::Upper), expect.to_uppercase());
        assert_eq!(hex(&md5(b"abc"), Case::Lower), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(hex(&[], Case::Upper), "");
    }

    fn test_key(name: &str, password: Option<&str>) -> Key {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testdata/vectors/keys")
            .join(name);
        Key::load_file(&path, password).unwrap()
    }

    /// The backend behind rsa_sign_key/rsa_verify_key gives the `rsa` crate's bytes and verdicts
    /// (PKCS#1 v1.5 is deterministic), for every digest and for 1024- and 2048-bit keys.
    #[test]
    fn rsa_backend_matches_rsa_crate() {
        let keys = [
            ("99bill_10012140356.pfx", Some("123456")),
            ("alipay_yansongda_app_private_pkcs1.pem", None),
            ("dinpay_rsa_s_test_private_pkcs8.pem", None),
            ("huxinghai_99bill-rsa.pfx", Some("123456")),
        ];
        for (name, password) in keys {
            let key = test_key(name, password);
            let private = key.rsa_private().unwrap();
            let public = Key::RsaPublic {
                key: private.as_public_key().clone(),
                cert: None,
                format: "test",
                cache: RsaCache::default(),
            };
            for hash in [Hash::Md5, Hash::Sha1, Hash::Sha256] {
                for msg in [
                    &b""[..],
                    b"inputCharset=1&orderId=A1",
                    "payerName=\u{5f20}\u{4e09}".as_bytes(),
                ] {
                    let expected = rsa_sign(private, hash, msg).unwrap();
                    assert_eq!(rsa_sign_key(&key, hash, msg).unwrap(), expected, "{name} {hash:?}");
                    #[cfg(feature = "aws-lc")]
                    {
                        // AWS-LC itself takes these keys and digests: no silent fallback.
                        let native = native::Rsa::private(private).expect("AWS-LC takes the key");
                        assert_eq!(native.sign(hash, &hashed(hash, msg)).as_ref(), Some(&expected));
                        let native = native::Rsa::public(private.as_public_key()).expect("AWS-LC takes it");
                        assert!(native.verify(hash, &hashed(hash, msg), &expected));
                    }
                    for k in [&key, &public] {
                        assert!(rsa_verify_key(k, hash, msg, &expected), "{name} {hash:?}");
                        let mut bad = expected.clone();
                        let mid = bad.len() / 2;
                        bad[mid] ^= 1;
                        assert!(!rsa_verify_key(k, hash, msg, &bad));
                        assert!(!rsa_verify_key(k, hash, msg, &expected[1..]));
                        assert!(!rsa_verify_key(k, hash, msg, &vec![0xff; expected.len()]));
                        let other = if hash == Hash::Sha256 { Hash::Sha1 } else { Hash::Sha256 };
                        assert!(!rsa_verify_key(k, other, msg, &expected));
                        assert!(!rsa_verify_key(k, hash, b"tampered", &expected));
                    }
                }
            }
        }
        let secret = Key::secret("k").unwrap();
        assert!(rsa_sign_key(&secret, Hash::Sha256, b"m").is_err());
        assert!(!rsa_verify_key(&secret, Hash::Sha256, b"m", &[0; 256]));
    }

    /// The backend's key lives behind a pointer: a key handle stays small whatever the backend.
    #[test]
    fn key_handles_stay_small() {
        assert!(std::mem::size_of::<RsaCache>() <= 2 * std::mem::size_of::<usize>());
        assert!(std::mem::size_of::<Key>() <= 1024, "{}", std::mem::size_of::<Key>());
    }

    /// One key may serve many threads (design.md): concurrent first use fills the cache once.
    #[test]
    fn rsa_key_shared_across_threads() {
        let key = test_key("99bill_10012140356.pfx", Some("123456"));
        let expected = rsa_sign(key.rsa_private().unwrap(), Hash::Sha256, b"m").unwrap();
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..3 {
                        assert_eq!(rsa_sign_key(&key, Hash::Sha256, b"m").unwrap(), expected);
                        assert!(rsa_verify_key(&key, Hash::Sha256, b"m", &expected));
                    }
                });
            }
        });
    }

    #[test]
    fn lenient_base64() {
        assert_eq!(
            unbase64_lenient("a+b/\r\nYQ==", "s").unwrap(),
            unbase64_lenient("a b/YQ", "s").unwrap()
        );
        assert!(unbase64_lenient("@@@", "s").is_err());
        assert_eq!(
            unbase64_lenient("a%2Bb%2FYQ%3D%3D", "s").unwrap(),
            unbase64_lenient("a+b/YQ==", "s").unwrap()
        );
        assert!(unbase64_lenient("a%2", "s").is_err());
    }
}
