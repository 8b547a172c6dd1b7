//! `app_cert_sn`, `alipay_cert_sn` and `alipay_root_cert_sn`: MD5 hex of the issuer DN (RFC 2253
//! order, last RDN first) followed by the decimal serial (docs/specs/alipay-cert.md §1).

use crate::digest;
use crate::error::{Error, Result};
use crate::keys::asn1;
use crate::keys::cert::format_name;
use crate::keys::text;
use crate::keys::CertInfo;
use crate::profile::Case;

/// sha1WithRSAEncryption and sha256WithRSAEncryption: the only roots Alipay counts.
const RSA_SIGNATURES: [&[u8]; 2] = [
    &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x05],
    &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B],
];

/// The parts of one certificate the SN needs.
struct Parts {
    issuer: String,
    serial: String,
    signature_oid: Vec<u8>,
}

/// The SN of the first certificate in `data` (PEM, DER or bare base64 DER).
pub fn cert_sn(data: &[u8]) -> Result<String> {
    let certs = certificates(data)?;
    let first = parts(&certs[0], 1)?;
    Ok(sn(&first.issuer, &first.serial))
}

/// `alipay_root_cert_sn` of a root bundle: the SNs of its RSA-signed certificates joined by `_`.
pub fn root_cert_sn(data: &[u8]) -> Result<String> {
    let mut sns = Vec::new();
    for (i, der) in certificates(data)?.iter().enumerate() {
        let p = parts(der, i + 1)?;
        if RSA_SIGNATURES.contains(&p.signature_oid.as_slice()) {
            sns.push(sn(&p.issuer, &p.serial));
        }
    }
    if sns.is_empty() {
        return Err(Error::key(
            "root bundle holds no sha1WithRSA or sha256WithRSA certificate",
        ));
    }
    Ok(sns.join("_"))
}

/// The SN of the certificate a key was loaded from (its summary keeps issuer and serial).
pub fn cert_info_sn(info: &CertInfo) -> String {
    let bytes = digest::unhex(&info.serial_hex, "serial").unwrap_or_default();
    sn(&info.issuer, &crate::der_decimal::decimal(&bytes, false))
}

fn sn(issuer: &str, serial: &str) -> String {
    digest::hex(&digest::md5(format!("{issuer}{serial}").as_bytes()), Case::Lower)
}

/// The DER of every certificate in `data`.
fn certificates(data: &[u8]) -> Result<Vec<Vec<u8>>> {
    if data.is_empty() {
        return Err(Error::key("certificate data is empty"));
    }
    if asn1::looks_like_der(data) {
        return Ok(vec![data.to_vec()]);
    }
    let textual =
        std::str::from_utf8(data).map_err(|_| Error::key("certificate is neither DER nor PEM/base64 text"))?;
    if text::has_pem(textual) {
        let mut out = Vec::new();
        for block in text::pem_blocks(textual)? {
            if block.label == "CERTIFICATE" || block.label == "X509 CERTIFICATE" {
                out.push(block.decode()?.to_vec());
            }
        }
        if out.is_empty() {
            return Err(Error::key("no CERTIFICATE block in the PEM text"));
        }
        return Ok(out);
    }
    match text::decode_base64(textual) {
        Some(der) if asn1::looks_like_der(&der) => Ok(vec![der.to_vec()]),
        _ => Err(Error::key("certificate is neither DER nor PEM/base64 text")),
    }
}

/// Certificate ::= SEQUENCE { tbs SEQUENCE { [0] version?, serial INTEGER, signature,
/// issuer Name, ... }, signatureAlgorithm SEQUENCE { OID, params? }, signature BIT STRING }
fn parts(der: &[u8], index: usize) -> Result<Parts> {
    let bad = |what: &str| Error::key(format!("certificate {index}: {what}"));
    let outer = asn1::read(der)
        .filter(|t| t.tag == asn1::SEQUENCE && t.complete)
        .ok_or_else(|| bad("not a DER certificate (truncated or not a SEQUENCE)"))?;
    let top = asn1::children(outer.value);
    if top.len() != 3 || top[0].tag != asn1::SEQUENCE || top[1].tag != asn1::SEQUENCE {
        return Err(bad("not an X.509 certificate"));
    }
    let alg = asn1::children(top[1].value);
    let signature_oid = match alg.first() {
        Some(t) if t.tag == asn1::OID => t.value.to_vec(),
        _ => return Err(bad("signature algorithm has no OID")),
    };
    let tbs = asn1::children(top[0].value);
    let start = usize::from(tbs.first().is_some_and(|t| t.tag == asn1::CONTEXT_0));
    let (Some(serial), Some(issuer)) = (tbs.get(start), tbs.get(start + 2)) else {
        return Err(bad("TBSCertificate is too short"));
    };
    if serial.tag != asn1::INTEGER || serial.value.is_empty() || issuer.tag != asn1::SEQUENCE {
        return Err(bad("serial or issuer missing"));
    }
    let negative = serial.value[0] & 0x80 != 0;
    Ok(Parts {
        issuer: format_name(issuer.raw),
        serial: crate::der_decimal::decimal(serial.value, negative),
        signature_oid,
    })
}
