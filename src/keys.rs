//! One loader for every key a merchant is handed: shared secrets, RSA private keys (PEM
//! PKCS#1 / PKCS#8, encrypted or not, DER, bare base64, PKCS#12 `.pfx` including the legacy
//! RC2-40/3DES files 99bill ships), RSA public keys (SPKI, PKCS#1, X.509 certificates in PEM,
//! DER or base64, PKCS#7 bundles) and Allinpay's decimal `exponent=`/`modulus=` text.
//!
//! [`Key::load`] detects the format; [`Key::info`] says what was found. Error messages name
//! the format and what is wrong with it, never key bytes, passwords or the input text.

pub(crate) mod asn1;
pub(crate) mod cert;
mod encrypted;
pub(crate) mod text;

use crate::der_decimal::decimal_to_be_bytes;
use std::fmt;
use std::io::Read as _;
use std::path::Path;

use der::{Decode, Encode};
use rsa::traits::PublicKeyParts;
use rsa::{BoxedUint, PrivateKey as RsaPrivateKey, PublicKey as RsaPublicKey};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::error::{Error, Result, Status};

/// Inputs longer than this are refused by [`Key::load`] and [`Key::load_file`].
pub const MAX_KEY_DATA: usize = 1 << 20;

/// Modulus sizes accepted (the limits of the `rsa` crate).
const MIN_RSA_BITS: usize = 1024;
const MAX_RSA_BITS: usize = 8192;

/// A shared secret (MD5/HMAC key). The bytes are wiped when it is dropped and never printed.
#[derive(Clone)]
pub struct Secret(Zeroizing<Vec<u8>>);

impl Secret {
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// A loaded key. Immutable once loaded; `Send + Sync`, so one key may serve many threads.
// Keys are few and long-lived (one per handle), so the size of the RSA variants is no concern.
#[allow(clippy::large_enum_variant)]
#[derive(Clone)]
pub enum Key {
    Secret(Secret),
    RsaPrivate {
        key: RsaPrivateKey,
        /// The certificate found beside the key (PKCS#12, or a PEM bundle) whose public key
        /// matches it.
        cert: Option<CertInfo>,
        /// How the key was stored: see [`KeyInfo::format`].
        format: &'static str,
        /// The RSA backend's converted key, made on first use ([`crate::digest::RsaCache`]).
        cache: crate::digest::RsaCache,
    },
    RsaPublic {
        key: RsaPublicKey,
        /// `Some` when loaded from an X.509 certificate.
        cert: Option<CertInfo>,
        /// How the key was stored: see [`KeyInfo::format`].
        format: &'static str,
        /// The RSA backend's converted key, made on first use ([`crate::digest::RsaCache`]).
        cache: crate::digest::RsaCache,
    },
}

/// A summary of an X.509 certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertInfo {
    /// RFC 2253 form, last RDN first, UTF-8, OpenSSL short names
    /// (as `openssl x509 -noout -subject -nameopt RFC2253,-esc_msb` prints it).
    pub subject: String,
    /// Same form as `subject`.
    pub issuer: String,
    /// Lowercase hex, leading zero bytes removed (`"00"` for zero).
    pub serial_hex: String,
    /// Unix seconds.
    pub not_before: i64,
    /// Unix seconds.
    pub not_after: i64,
    /// SHA-1 of the certificate's DER, plain lowercase hex.
    pub sha1_fingerprint: String,
    /// SHA-256 of the certificate's DER, plain lowercase hex.
    pub sha256_fingerprint: String,
}

/// What a key is, for diagnostics and `paysign key-info`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyInfo {
    /// `"secret"`, `"rsa-private"`, `"rsa-public"` or `"certificate"` (a public key that came
    /// with its certificate).
    pub kind: &'static str,
    /// How the key was stored: `"secret"`, `"pkcs12"`, `"base64-pkcs12"`,
    /// `"allinpay-decimal"`, or `<armour>-<structure>` with armour `pem`, `der`, `base64` and
    /// structure `pkcs1` (private or public), `pkcs8`, `pkcs8-encrypted`, `spki`, `x509`,
    /// `pkcs7`; also `"pem-pkcs1-encrypted"` (OpenSSL traditional `Proc-Type: 4,ENCRYPTED`).
    pub format: &'static str,
    /// Modulus size in bits; 0 for secrets.
    pub bits: usize,
    pub cert: Option<CertInfo>,
    /// SHA-256 of the public key's SubjectPublicKeyInfo DER, lowercase hex; `""` for secrets.
    /// Equal for a private key and its certificate.
    pub public_sha256: String,
}

impl Key {
    /// A shared secret from text, taken byte for byte (no trimming).
    pub fn secret(s: &str) -> Result<Key> {
        Key::secret_bytes(s.as_bytes())
    }

    /// A shared secret from bytes.
    pub fn secret_bytes(b: &[u8]) -> Result<Key> {
        if b.is_empty() {
            return Err(Error::key("secret is empty"));
        }
        Ok(Key::Secret(Secret(Zeroizing::new(b.to_vec()))))
    }

    /// Loads an RSA key or certificate, detecting the format (see the module documentation).
    /// `password` is used by PKCS#12 files and encrypted private keys and ignored otherwise;
    /// a PKCS#12 file is tried with the empty password when none is given.
    pub fn load(data: &[u8], password: Option<&str>) -> Result<Key> {
        if data.len() > MAX_KEY_DATA {
            return Err(Error::key("key data over 1 MiB"));
        }
        if asn1::looks_like_der(data) {
            return load_der(data, password, Armour::Der);
        }
        if data.starts_with(&[0x30, 0x80]) {
            return Err(Error::unsupported(
                "BER indefinite-length encoding is not supported: re-encode the file as DER",
            ));
        }
        let text = decode_text(data)?;
        let text = unescape_newlines(&text);
        let text = text::strip_quotes(text.trim_matches(|c: char| c.is_whitespace() || c == '\0'));
        if text.is_empty() {
            return Err(Error::key("key data is empty"));
        }
        if text::has_pem(text) {
            return load_pem(text, password);
        }
        if let Some((exponent, modulus)) = text::allinpay_fields(text) {
            return load_allinpay(exponent, modulus);
        }
        if text.starts_with("ssh-rsa ") {
            return Err(Error::unsupported(
                "OpenSSH public key lines are not supported: convert with `ssh-keygen -e -m PKCS8 -f FILE`",
            ));
        }
        if text::is_base64_text(text) {
            if let Some(der) = text::decode_base64(text) {
                if asn1::looks_like_der(&der) {
                    return load_der(&der, password, Armour::Base64);
                }
            }
        }
        Err(unrecognised())
    }

    /// Reads a file and [`Key::load`]s it.
    pub fn load_file(path: &Path, password: Option<&str>) -> Result<Key> {
        let io_error = |e: std::io::Error| Error::io(format!("cannot read key file '{}': {e}", path.display()));
        let file = std::fs::File::open(path).map_err(io_error)?;
        let mut data = Zeroizing::new(Vec::new());
        file.take(MAX_KEY_DATA as u64 + 1)
            .read_to_end(&mut data)
            .map_err(io_error)?;
        Key::load(&data, password)
    }

    pub fn is_secret(&self) -> bool {
        matches!(self, Key::Secret(_))
    }

    pub fn secret_value(&self) -> Option<&Secret> {
        match self {
            Key::Secret(s) => Some(s),
            _ => None,
        }
    }

    pub fn rsa_private(&self) -> Option<&RsaPrivateKey> {
        match self {
            Key::RsaPrivate { key, .. } => Some(key),
            _ => None,
        }
    }

    /// The public key of either RSA variant (a clone; see [`Key::rsa_public_ref`]).
    pub fn rsa_public(&self) -> Option<RsaPublicKey> {
        self.rsa_public_ref().cloned()
    }

    /// The public key of either RSA variant, borrowed.
    pub fn rsa_public_ref(&self) -> Option<&RsaPublicKey> {
        match self {
            Key::Secret(_) => None,
            Key::RsaPrivate { key, .. } => Some(key.as_public_key()),
            Key::RsaPublic { key, .. } => Some(key),
        }
    }

    /// The certificate that came with the key, if any.
    pub fn cert(&self) -> Option<&CertInfo> {
        match self {
            Key::Secret(_) => None,
            Key::RsaPrivate { cert, .. } | Key::RsaPublic { cert, .. } => cert.as_ref(),
        }
    }

    /// How the key was stored (see [`KeyInfo::format`]).
    pub fn format(&self) -> &'static str {
        match self {
            Key::Secret(_) => "secret",
            Key::RsaPrivate { format, .. } | Key::RsaPublic { format, .. } => format,
        }
    }

    pub fn info(&self) -> KeyInfo {
        let kind = match self {
            Key::Secret(_) => "secret",
            Key::RsaPrivate { .. } => "rsa-private",
            Key::RsaPublic { cert: Some(_), .. } => "certificate",
            Key::RsaPublic { cert: None, .. } => "rsa-public",
        };
        let (bits, public_sha256) = match self.rsa_public_ref() {
            Some(public) => (
                public.n().as_ref().bit_width_vartime() as usize,
                public_key_sha256(public),
            ),
            None => (0, String::new()),
        };
        KeyInfo {
            kind,
            format: self.format(),
            bits,
            cert: self.cert().cloned(),
            public_sha256,
        }
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Secret(s) => f.debug_tuple("Key::Secret").field(s).finish(),
            Key::RsaPrivate { key, cert, format, .. } => f
                .debug_struct("Key::RsaPrivate")
                .field("bits", &key.n().as_ref().bit_width_vartime())
                .field("format", format)
                .field("cert", &cert.as_ref().map(|c| c.subject.as_str()))
                .finish_non_exhaustive(),
            Key::RsaPublic { key, cert, format, .. } => f
                .debug_struct("Key::RsaPublic")
                .field("bits", &key.n().as_ref().bit_width_vartime())
                .field("format", format)
                .field("cert", &cert.as_ref().map(|c| c.subject.as_str()))
                .finish_non_exhaustive(),
        }
    }
}

fn public_key_sha256(key: &RsaPublicKey) -> String {
    use rsa::pkcs8::EncodePublicKey as _;
    match key.to_public_key_der() {
        Ok(doc) => cert::hex(&Sha256::digest(doc.as_bytes())),
        Err(_) => String::new(),
    }
}

fn unrecognised() -> Error {
    Error::key("unrecognised key format: not PEM, DER, base64, PKCS#12 or Allinpay text")
}

// ---------------------------------------------------------------------------------------
// Text

/// The input as text: UTF-8 (BOM removed) or UTF-16 with a BOM.
fn decode_text(data: &[u8]) -> Result<Zeroizing<String>> {
    let utf16 = |le: bool| -> Result<Zeroizing<String>> {
        let body = &data[2..];
        if body.len() % 2 != 0 {
            return Err(unrecognised());
        }
        let units: Zeroizing<Vec<u16>> = Zeroizing::new(
            body.chunks_exact(2)
                .map(|c| {
                    if le {
                        u16::from_le_bytes([c[0], c[1]])
                    } else {
                        u16::from_be_bytes([c[0], c[1]])
                    }
                })
                .collect(),
        );
        String::from_utf16(&units)
            .map(Zeroizing::new)
            .map_err(|_| unrecognised())
    };
    if data.starts_with(&[0xff, 0xfe]) {
        return utf16(true);
    }
    if data.starts_with(&[0xfe, 0xff]) {
        return utf16(false);
    }
    let data = data.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(data);
    match std::str::from_utf8(data) {
        Ok(s) => Ok(Zeroizing::new(s.to_string())),
        Err(_) => Err(unrecognised()),
    }
}

/// Keys copied out of JSON or source code carry `\n` escapes instead of line breaks;
/// neither PEM nor base64 contains a backslash, so they can be turned back.
fn unescape_newlines(text: &str) -> Zeroizing<String> {
    if text.contains("\\n") || text.contains("\\r") {
        Zeroizing::new(text.replace("\\r", "\r").replace("\\n", "\n"))
    } else {
        Zeroizing::new(text.to_string())
    }
}

fn load_pem(text: &str, password: Option<&str>) -> Result<Key> {
    let blocks = text::pem_blocks(text)?;
    let is_private = |b: &&text::PemBlock<'_>| b.label.ends_with("PRIVATE KEY");
    let is_public = |b: &&text::PemBlock<'_>| b.label == "PUBLIC KEY" || b.label == "RSA PUBLIC KEY";
    let is_cert = |b: &&text::PemBlock<'_>| {
        matches!(
            b.label.as_str(),
            "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" | "PKCS7" | "PKCS #7 SIGNED DATA"
        )
    };
    let primary = blocks
        .iter()
        .find(is_private)
        .or_else(|| blocks.iter().find(is_public))
        .or_else(|| blocks.iter().find(is_cert));
    let Some(block) = primary else {
        return Err(match blocks.first() {
            Some(b) if b.label.contains("CERTIFICATE REQUEST") => {
                Error::key("PEM holds a certificate request (CSR), not a key or certificate")
            }
            Some(b) => Error::key(format!(
                "unsupported PEM block '{}': expected a private key, public key or certificate",
                b.printable_label()
            )),
            None => unrecognised(),
        });
    };
    let mut key = load_pem_block(block, password)?;
    if let Key::RsaPrivate { key: private, cert, .. } = &mut key {
        let public = private.as_public_key();
        for b in blocks.iter().filter(is_cert) {
            let Ok(der) = b.decode() else { continue };
            if let Ok(Key::RsaPublic {
                key: k,
                cert: Some(info),
                ..
            }) = load_der(&der, None, Armour::Pem)
            {
                if k == *public {
                    *cert = Some(info);
                    break;
                }
            }
        }
    }
    Ok(key)
}

fn load_pem_block(block: &text::PemBlock<'_>, password: Option<&str>) -> Result<Key> {
    match block.label.as_str() {
        "OPENSSH PRIVATE KEY" => {
            return Err(Error::unsupported(
                "OpenSSH private keys are not supported: convert with `ssh-keygen -p -m PEM -f FILE`",
            ))
        }
        "SSH2 PUBLIC KEY" => {
            return Err(Error::unsupported(
                "SSH2 public keys are not supported: convert with `ssh-keygen -i -m PKCS8 -f FILE`",
            ))
        }
        _ => {}
    }
    let der = block.decode()?;
    let encrypted = block
        .header("Proc-Type")
        .is_some_and(|v| v.to_ascii_uppercase().contains("ENCRYPTED"));
    if encrypted {
        let plain = encrypted::decrypt_pem(&der, block.header("DEK-Info"), password)?;
        return match classify(&plain) {
            Ok((Container::Pkcs1Private, exact)) => Ok(Key::RsaPrivate {
                key: rsa_private_pkcs1(exact)?,
                cert: None,
                format: "pem-pkcs1-encrypted",
                cache: Default::default(),
            }),
            Ok((Container::Pkcs8, exact)) => Ok(Key::RsaPrivate {
                key: rsa_private_pkcs8(exact)?,
                cert: None,
                format: "pem-pkcs8-encrypted",
                cache: Default::default(),
            }),
            Err(e) if e.status == Status::PAYSIGN_UNSUPPORTED => Err(e),
            _ => Err(encrypted::wrong_password()),
        };
    }
    if block.label == "TRUSTED CERTIFICATE" {
        // OpenSSL appends trust settings after the certificate.
        if let Some(first) = asn1::read(&der).filter(|t| t.complete) {
            return load_der(first.raw, password, Armour::Pem);
        }
    }
    load_der(&der, password, Armour::Pem)
}

fn load_allinpay(exponent: Option<&str>, modulus: &str) -> Result<Key> {
    let exponent = exponent.ok_or_else(|| Error::key("Allinpay key text has a modulus line but no exponent line"))?;
    let n = decimal_to_be_bytes(modulus)
        .ok_or_else(|| Error::key("Allinpay key text: the modulus is not a decimal number of at most 8192 bits"))?;
    let e = decimal_to_be_bytes(exponent)
        .ok_or_else(|| Error::key("Allinpay key text: the exponent is not a decimal number"))?;
    Ok(Key::RsaPublic {
        key: rsa_public_from_parts(&n, &e)?,
        cert: None,
        format: "allinpay-decimal",
        cache: Default::default(),
    })
}

// ---------------------------------------------------------------------------------------
// DER

#[derive(Clone, Copy, PartialEq, Eq)]
enum Armour {
    Pem,
    Der,
    Base64,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Container {
    Pkcs1Private,
    Pkcs1Public,
    Pkcs8,
    Pkcs8Encrypted,
    Spki,
    X509,
    Pkcs7,
    Pkcs12,
}

fn format_name(armour: Armour, container: Container) -> &'static str {
    use Armour::*;
    use Container::*;
    match (armour, container) {
        (Pem, Pkcs1Private | Pkcs1Public) => "pem-pkcs1",
        (Pem, Pkcs8) => "pem-pkcs8",
        (Pem, Pkcs8Encrypted) => "pem-pkcs8-encrypted",
        (Pem, Spki) => "pem-spki",
        (Pem, X509) => "pem-x509",
        (Pem, Pkcs7) => "pem-pkcs7",
        (Pem, Pkcs12) => "pem-pkcs12",
        (Der, Pkcs1Private | Pkcs1Public) => "der-pkcs1",
        (Der, Pkcs8) => "der-pkcs8",
        (Der, Pkcs8Encrypted) => "der-pkcs8-encrypted",
        (Der, Spki) => "der-spki",
        (Der, X509) => "der-x509",
        (Der, Pkcs7) => "der-pkcs7",
        (Der, Pkcs12) => "pkcs12",
        (Base64, Pkcs1Private | Pkcs1Public) => "base64-pkcs1",
        (Base64, Pkcs8) => "base64-pkcs8",
        (Base64, Pkcs8Encrypted) => "base64-pkcs8-encrypted",
        (Base64, Spki) => "base64-spki",
        (Base64, X509) => "base64-x509",
        (Base64, Pkcs7) => "base64-pkcs7",
        (Base64, Pkcs12) => "base64-pkcs12",
    }
}

/// Works out which structure a DER blob holds from its first tags, and returns the exact
/// encoding (trailing NULs or whitespace cut off).
fn classify(data: &[u8]) -> Result<(Container, &[u8])> {
    let top = asn1::read(data)
        .filter(|t| t.tag == asn1::SEQUENCE)
        .ok_or_else(unrecognised)?;
    if !top.complete {
        let pkcs12 = asn1::read(top.value).is_some_and(|t| t.tag == asn1::INTEGER && t.value == [3]);
        return Err(Error::key(if pkcs12 {
            "PKCS#12 data is truncated or corrupt"
        } else {
            "key data is truncated or corrupt: the DER structure is shorter than its header says"
        }));
    }
    let exact = &data[..top.total];
    if !data[top.total..].iter().all(|&b| b == 0 || b.is_ascii_whitespace()) {
        return Err(Error::key(
            "key data is corrupt: unexpected bytes after the end of the DER structure",
        ));
    }
    let kids = asn1::children(top.value);
    let tag_of = |i: usize| kids.get(i).map(|t| t.tag);
    let not_key =
        || Error::key("unrecognised DER structure: not PKCS#1, PKCS#8, SubjectPublicKeyInfo, X.509, PKCS#7 or PKCS#12");
    let first = kids.first().ok_or_else(not_key)?;
    let container = match first.tag {
        asn1::INTEGER => match (first.value, tag_of(1)) {
            ([3], Some(asn1::SEQUENCE)) => Container::Pkcs12,
            ([0] | [1], Some(asn1::SEQUENCE)) => Container::Pkcs8,
            ([0], Some(asn1::INTEGER)) => match kids.len() {
                9 => Container::Pkcs1Private,
                6 => return Err(Error::unsupported("only RSA keys are supported (found DSA)")),
                _ => return Err(Error::key("RSA private key (PKCS#1) is malformed")),
            },
            ([1], Some(asn1::OCTET_STRING)) => {
                return Err(Error::unsupported("only RSA keys are supported (found EC)"))
            }
            ([1], Some(asn1::INTEGER)) => return Err(Error::unsupported("multi-prime RSA keys are not supported")),
            (_, Some(asn1::INTEGER)) if kids.len() == 2 => Container::Pkcs1Public,
            _ => return Err(not_key()),
        },
        asn1::SEQUENCE => {
            let inner = asn1::read(first.value).map(|t| t.tag);
            match (inner, tag_of(1)) {
                (Some(asn1::OID), Some(asn1::BIT_STRING)) => Container::Spki,
                (Some(asn1::OID), Some(asn1::OCTET_STRING)) => Container::Pkcs8Encrypted,
                (Some(asn1::CONTEXT_0 | asn1::INTEGER), Some(asn1::SEQUENCE)) => Container::X509,
                _ => return Err(not_key()),
            }
        }
        // ContentInfo { signedData, [0] ... }: a PKCS#7 certificate bundle (.p7b)
        asn1::OID if first.value == PKCS7_SIGNED_DATA && tag_of(1) == Some(asn1::CONTEXT_0) => Container::Pkcs7,
        asn1::OID => {
            return Err(Error::key(
                "unsupported PKCS#7 content: only certificate bundles (signedData) are read",
            ))
        }
        _ => return Err(not_key()),
    };
    Ok((container, exact))
}

/// DER of OID 1.2.840.113549.1.7.2 (signedData), without tag and length.
const PKCS7_SIGNED_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

fn load_der(data: &[u8], password: Option<&str>, armour: Armour) -> Result<Key> {
    let (container, der) = classify(data)?;
    let format = format_name(armour, container);
    let private = |key| Key::RsaPrivate {
        key,
        cert: None,
        format,
        cache: Default::default(),
    };
    let public = |key| Key::RsaPublic {
        key,
        cert: None,
        format,
        cache: Default::default(),
    };
    Ok(match container {
        Container::Pkcs1Private => private(rsa_private_pkcs1(der)?),
        Container::Pkcs8 => private(rsa_private_pkcs8(der)?),
        Container::Pkcs8Encrypted => {
            let plain = encrypted::decrypt_pkcs8(der, password)?;
            private(rsa_private_pkcs8(&plain)?)
        }
        Container::Pkcs1Public => public(rsa_public_pkcs1(der)?),
        Container::Spki => public(rsa_public_spki(der)?),
        Container::X509 => {
            let (key, info) = load_cert(der)?;
            Key::RsaPublic {
                key,
                cert: Some(info),
                format,
                cache: Default::default(),
            }
        }
        Container::Pkcs7 => {
            let certs = pkcs7_certificates(der);
            let leaf = pick_leaf(&certs).ok_or_else(|| Error::key("PKCS#7 data holds no certificate"))?;
            let (key, info) = load_cert(leaf)?;
            Key::RsaPublic {
                key,
                cert: Some(info),
                format,
                cache: Default::default(),
            }
        }
        Container::Pkcs12 => load_pkcs12(der, password, format)?,
    })
}

/// The certificates of a PKCS#7 `signedData` (the `certificates [0] IMPLICIT SET` field).
fn pkcs7_certificates(der: &[u8]) -> Vec<&[u8]> {
    let Some(top) = asn1::read(der) else {
        return Vec::new();
    };
    let kids = asn1::children(top.value);
    let Some(explicit) = kids.get(1) else {
        return Vec::new();
    };
    let Some(signed_data) = asn1::read(explicit.value).filter(|t| t.tag == asn1::SEQUENCE) else {
        return Vec::new();
    };
    asn1::children(signed_data.value)
        .into_iter()
        .find(|t| t.tag == asn1::CONTEXT_0)
        .map(|set| {
            asn1::children(set.value)
                .into_iter()
                .filter(|t| t.tag == asn1::SEQUENCE)
                .map(|t| t.raw)
                .collect()
        })
        .unwrap_or_default()
}

/// Of several certificates, the one that issued none of the others (the end-entity
/// certificate of a chain); the first when that cannot be told.
fn pick_leaf<'a>(certs: &[&'a [u8]]) -> Option<&'a [u8]> {
    let parsed: Vec<Option<x509_cert::Certificate>> =
        certs.iter().map(|d| x509_cert::Certificate::from_der(d).ok()).collect();
    let issues_another = |i: usize| {
        let Some(c) = &parsed[i] else { return false };
        let subject = c.tbs_certificate().subject();
        parsed.iter().enumerate().any(|(j, other)| {
            j != i
                && other.as_ref().is_some_and(|o| {
                    o.tbs_certificate().issuer() == subject && o.tbs_certificate().subject() != subject
                })
        })
    };
    (0..certs.len())
        .find(|&i| parsed[i].is_some() && !issues_another(i))
        .or(if certs.is_empty() { None } else { Some(0) })
        .map(|i| certs[i])
}

fn load_cert(der: &[u8]) -> Result<(RsaPublicKey, CertInfo)> {
    let cert = x509_cert::Certificate::from_der(der).map_err(|_| Error::key("X.509 certificate is malformed"))?;
    let spki = cert
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .map_err(|_| Error::key("X.509 certificate is malformed"))?;
    let key = rsa_public_spki(&spki)?;
    Ok((key, cert::cert_info(&cert, der)))
}

fn load_pkcs12(der: &[u8], password: Option<&str>, format: &'static str) -> Result<Key> {
    use p12_keystore::error::Error as P12;
    let archive = match p12_keystore::Pkcs12Archive::from_pkcs12(der, password.unwrap_or("")) {
        Ok(a) => a,
        Err(P12::MacError(_) | P12::UnpadError | P12::Pkcs5Error(_)) => {
            return Err(if password.is_none() {
                encrypted::need_password()
            } else {
                Error::key("wrong PKCS#12 password (or corrupt file)")
            })
        }
        Err(P12::UnsupportedEncryptionScheme | P12::UnsupportedMacAlgorithm) => {
            return Err(Error::unsupported(
                "PKCS#12 file uses an encryption or MAC algorithm this build does not support",
            ))
        }
        Err(P12::UnsupportedContentType) => {
            return Err(Error::unsupported(
                "PKCS#12 file uses public-key (not password) protection, which is not supported",
            ))
        }
        Err(P12::InvalidVersion) => return Err(Error::key("PKCS#12 file has an unsupported version")),
        Err(_) => return Err(Error::key("PKCS#12 data is corrupt or truncated")),
    };
    if let Some(bag) = archive.keys.first() {
        let key = rsa_private_pkcs8(bag.key.as_der())?;
        let public = key.as_public_key();
        let cert = archive.certs.iter().find_map(|c| {
            let (k, info) = load_cert(c.cert.as_der()).ok()?;
            (k == *public).then_some(info)
        });
        return Ok(Key::RsaPrivate {
            key,
            cert,
            format,
            cache: Default::default(),
        });
    }
    let certs: Vec<&[u8]> = archive.certs.iter().map(|c| c.cert.as_der()).collect();
    let leaf = pick_leaf(&certs).ok_or_else(|| Error::key("PKCS#12 file holds no private key and no certificate"))?;
    let (key, info) = load_cert(leaf)?;
    Ok(Key::RsaPublic {
        key,
        cert: Some(info),
        format,
        cache: Default::default(),
    })
}

// ---------------------------------------------------------------------------------------
// RSA structures

fn bit_length(be: &[u8]) -> usize {
    match be.iter().position(|&b| b != 0) {
        Some(i) => (be.len() - i - 1) * 8 + (8 - be[i].leading_zeros() as usize),
        None => 0,
    }
}

fn check_size(modulus: &[u8]) -> Result<()> {
    let bits = bit_length(modulus);
    if bits < MIN_RSA_BITS {
        return Err(Error::unsupported(format!(
            "RSA keys under {MIN_RSA_BITS} bits are not supported (this key has {bits} bits)"
        )));
    }
    if bits > MAX_RSA_BITS {
        return Err(Error::unsupported(format!(
            "RSA keys over {MAX_RSA_BITS} bits are not supported (this key has {bits} bits)"
        )));
    }
    Ok(())
}

fn rsa_private_pkcs1(der: &[u8]) -> Result<RsaPrivateKey> {
    let k = pkcs1::RsaPrivateKeyRef::from_der(der).map_err(|_| Error::key("RSA private key (PKCS#1) is malformed"))?;
    if k.version() != pkcs1::Version::TwoPrime {
        return Err(Error::unsupported("multi-prime RSA keys are not supported"));
    }
    check_size(k.modulus.as_bytes())?;
    RsaPrivateKey::try_from(k).map_err(|_| Error::key("RSA private key is invalid: its components do not agree"))
}

fn rsa_private_pkcs8(der: &[u8]) -> Result<RsaPrivateKey> {
    let info = pkcs8::PrivateKeyInfoRef::from_der(der).map_err(|_| Error::key("private key (PKCS#8) is malformed"))?;
    require_rsa(&info.algorithm)?;
    rsa_private_pkcs1(info.private_key.as_bytes())
}

fn rsa_public_pkcs1(der: &[u8]) -> Result<RsaPublicKey> {
    let k = pkcs1::RsaPublicKeyRef::from_der(der).map_err(|_| Error::key("RSA public key (PKCS#1) is malformed"))?;
    rsa_public_from_parts(k.modulus.as_bytes(), k.public_exponent.as_bytes())
}

fn rsa_public_spki(der: &[u8]) -> Result<RsaPublicKey> {
    let spki = spki::SubjectPublicKeyInfoRef::from_der(der)
        .map_err(|_| Error::key("public key (SubjectPublicKeyInfo) is malformed"))?;
    require_rsa(&spki.algorithm)?;
    let bits = spki
        .subject_public_key
        .as_bytes()
        .ok_or_else(|| Error::key("public key (SubjectPublicKeyInfo) is malformed"))?;
    rsa_public_pkcs1(bits)
}

fn rsa_public_from_parts(n: &[u8], e: &[u8]) -> Result<RsaPublicKey> {
    check_size(n)?;
    let invalid = || Error::key("RSA public key is invalid (bad modulus or exponent)");
    let n = BoxedUint::from_be_slice(n, (n.len() * 8) as u32).map_err(|_| invalid())?;
    let e = BoxedUint::from_be_slice(e, (e.len().max(1) * 8) as u32).map_err(|_| invalid())?;
    RsaPublicKey::new(n, e).map_err(|_| invalid())
}

/// Accepts rsaEncryption and RSASSA-PSS; names anything else.
fn require_rsa(alg: &spki::AlgorithmIdentifierRef<'_>) -> Result<()> {
    let oid = alg.oid.to_string();
    let name = match oid.as_str() {
        "1.2.840.113549.1.1.1" | "1.2.840.113549.1.1.10" => return Ok(()),
        "1.2.840.10045.2.1" => match alg.parameters_oid().map(|o| o.to_string()).as_deref() {
            Ok("1.2.156.10197.1.301") => "EC, curve SM2".to_string(),
            Ok("1.2.840.10045.3.1.7") => "EC, curve P-256".to_string(),
            Ok("1.3.132.0.34") => "EC, curve P-384".to_string(),
            Ok("1.3.132.0.35") => "EC, curve P-521".to_string(),
            Ok("1.3.132.0.10") => "EC, curve secp256k1".to_string(),
            _ => "EC".to_string(),
        },
        "1.2.156.10197.1.301" => "SM2".to_string(),
        "1.2.840.10040.4.1" => "DSA".to_string(),
        "1.3.101.110" => "X25519".to_string(),
        "1.3.101.111" => "X448".to_string(),
        "1.3.101.112" => "Ed25519".to_string(),
        "1.3.101.113" => "Ed448".to_string(),
        "1.2.840.113549.1.3.1" | "1.2.840.10046.2.1" => "DH".to_string(),
        other => format!("algorithm {other}"),
    };
    Err(Error::unsupported(format!(
        "only RSA keys are supported (found {name})"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_lengths() {
        assert_eq!(bit_length(&[]), 0);
        assert_eq!(bit_length(&[0, 0, 1]), 1);
        assert_eq!(bit_length(&[0, 0x80, 0]), 16);
    }

    #[test]
    fn secret_is_not_printed() {
        let k = Key::secret("hunter2-secret").unwrap();
        assert_eq!(format!("{k:?}"), "Key::Secret(Secret(***))");
        assert_eq!(k.info().kind, "secret");
        assert_eq!(k.secret_value().unwrap().as_bytes(), b"hunter2-secret");
        assert_eq!(Key::secret("").unwrap_err().message, "secret is empty");
    }

    #[test]
    fn key_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Key>();
    }
}
