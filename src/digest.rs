//! Digests, RSA PKCS#1 v1.5, hex/base64 forms and constant-time comparison.

use crate::error::{Error, Result};
use crate::profile::{Case, Hash};
use base64::Engine as _;
use hmac::{KeyInit, Mac};
use md5::{Digest, Md5};
use rsa::{Pkcs1v15Sign, PrivateKey, PublicKey};
use sha1::Sha1;
use sha2::Sha256;
use subtle::ConstantTimeEq;

pub fn md5(msg: &[u8]) -> [u8; 16] {
    Md5::digest(msg).into()
}

pub fn hmac_md5(key: &[u8], msg: &[u8]) -> Vec<u8> {
    // HMAC accepts keys of any length (RFC 2104: long keys are hashed first).
    let mut m = <hmac::Hmac<Md5> as KeyInit>::new_from_slice(key).expect("HMAC takes any key length");
    m.update(msg);
    m.finalize().into_bytes().to_vec()
}

pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> Vec<u8> {
    let mut m = <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes any key length");
    m.update(msg);
    m.finalize().into_bytes().to_vec()
}

pub fn hex(bytes: &[u8], case: Case) -> String {
    let digits: &[u8; 16] = match case {
        Case::Upper => b"0123456789ABCDEF",
        Case::Lower => b"0123456789abcdef",
    };
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(digits[(b >> 4) as usize] as char);
        s.push(digits[(b & 15) as usize] as char);
    }
    s
}

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

/// RSASSA-PKCS1-v1_5 signature (blinded by the rsa crate).
pub fn rsa_sign(key: &PrivateKey, hash: Hash, msg: &[u8]) -> Result<Vec<u8>> {
    key.sign(scheme(hash), &hashed(hash, msg))
        .map_err(|e| Error::key(format!("RSA signing failed: {e}")))
}

pub fn rsa_verify(key: &PublicKey, hash: Hash, msg: &[u8], sig: &[u8]) -> bool {
    key.verify(scheme(hash), &hashed(hash, msg), sig).is_ok()
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
