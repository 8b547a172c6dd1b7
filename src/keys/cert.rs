//! Certificate summaries: names in RFC 2253 form (as `openssl x509 -nameopt RFC2253,-esc_msb`
//! prints them), serial, validity and fingerprints.

use der::asn1::ObjectIdentifier;
use der::Encode;
use sha1::Sha1;
use sha2::{Digest, Sha256};

use super::asn1;
use super::CertInfo;

/// Builds the summary of a decoded certificate; `der` is the exact encoding it came from.
pub(crate) fn cert_info(cert: &x509_cert::Certificate, der: &[u8]) -> CertInfo {
    let tbs = cert.tbs_certificate();
    let name = |n: &x509_cert::name::Name| match n.to_der() {
        Ok(d) => format_name(&d),
        Err(_) => String::new(),
    };
    let serial = tbs.serial_number().as_bytes();
    let serial = &serial[serial.iter().position(|&b| b != 0).unwrap_or(serial.len())..];
    let validity = tbs.validity();
    CertInfo {
        subject: name(tbs.subject()),
        issuer: name(tbs.issuer()),
        serial_hex: if serial.is_empty() {
            "00".to_string()
        } else {
            hex(serial)
        },
        not_before: unix(validity.not_before),
        not_after: unix(validity.not_after),
        sha1_fingerprint: hex(&Sha1::digest(der)),
        sha256_fingerprint: hex(&Sha256::digest(der)),
    }
}

fn unix(t: x509_cert::time::Time) -> i64 {
    i64::try_from(t.to_unix_duration().as_secs()).unwrap_or(i64::MAX)
}

/// Lowercase hex without separators.
pub(crate) fn hex(bytes: &[u8]) -> String {
    crate::digest::hex(bytes, crate::profile::Case::Lower)
}

/// Formats the DER of an X.501 Name: RDNs last to first, joined by `,`; multi-valued RDNs
/// joined by `+`; OpenSSL's short names; values as UTF-8 with RFC 2253 escapes; attributes
/// of unknown type or string kind as `oid=#hex`.
pub(crate) fn format_name(der: &[u8]) -> String {
    let Some(seq) = asn1::read(der) else {
        return String::new();
    };
    let mut rdns: Vec<String> = Vec::new();
    for rdn in asn1::children(seq.value) {
        if rdn.tag != asn1::SET {
            continue;
        }
        let mut avas: Vec<String> = Vec::new();
        for ava in asn1::children(rdn.value) {
            let parts = asn1::children(ava.value);
            if parts.len() != 2 || parts[0].tag != asn1::OID {
                continue;
            }
            let oid = match ObjectIdentifier::from_bytes(parts[0].value) {
                Ok(oid) => oid.to_string(),
                Err(_) => continue,
            };
            let short = short_name(&oid);
            match (short, string_value(parts[1].tag, parts[1].value)) {
                (Some(short), Some(value)) => avas.push(format!("{short}={}", escape(&value))),
                (_, _) => avas.push(format!("{oid}=#{}", hex(parts[1].raw).to_uppercase())),
            }
        }
        rdns.push(avas.join("+"));
    }
    rdns.reverse();
    rdns.join(",")
}

fn short_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.4.3" => "CN",
        "2.5.4.4" => "SN",
        "2.5.4.5" => "serialNumber",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.9" => "street",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.12" => "title",
        "2.5.4.13" => "description",
        "2.5.4.15" => "businessCategory",
        "2.5.4.17" => "postalCode",
        "2.5.4.41" => "name",
        "2.5.4.42" => "GN",
        "2.5.4.43" => "initials",
        "2.5.4.44" => "generationQualifier",
        "2.5.4.46" => "dnQualifier",
        "2.5.4.65" => "pseudonym",
        "2.5.4.97" => "organizationIdentifier",
        "1.2.840.113549.1.9.1" => "emailAddress",
        "1.2.840.113549.1.9.2" => "unstructuredName",
        "0.9.2342.19200300.100.1.1" => "UID",
        "0.9.2342.19200300.100.1.25" => "DC",
        "1.3.6.1.4.1.311.60.2.1.1" => "jurisdictionL",
        "1.3.6.1.4.1.311.60.2.1.2" => "jurisdictionST",
        "1.3.6.1.4.1.311.60.2.1.3" => "jurisdictionC",
        _ => return None,
    })
}

/// The text of a directory string of any of the usual kinds.
fn string_value(tag: u8, value: &[u8]) -> Option<String> {
    match tag {
        // UTF8String, NumericString, PrintableString, IA5String, VisibleString
        0x0c | 0x12 | 0x13 | 0x16 | 0x1a => Some(String::from_utf8_lossy(value).into_owned()),
        // T61String: OpenSSL reads it as Latin-1
        0x14 => Some(value.iter().map(|&b| char::from(b)).collect()),
        // BMPString: UTF-16BE
        0x1e if value.len() % 2 == 0 => {
            let units: Vec<u16> = value
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            Some(String::from_utf16_lossy(&units))
        }
        // UniversalString: UTF-32BE
        0x1c if value.len() % 4 == 0 => Some(
            value
                .chunks_exact(4)
                .map(|c| {
                    char::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]])).unwrap_or(char::REPLACEMENT_CHARACTER)
                })
                .collect(),
        ),
        _ => None,
    }
}

/// RFC 2253 escaping as OpenSSL applies it.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        match c {
            ',' | '+' | '"' | '\\' | '<' | '>' | ';' => {
                out.push('\\');
                out.push(c);
            }
            '#' if i == 0 => out.push_str("\\#"),
            ' ' if i == 0 || i == last => out.push_str("\\ "),
            c if (c as u32) < 0x20 || c == '\x7f' => {
                out.push_str(&format!("\\{:02X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape("a,b+c"), "a\\,b\\+c");
        assert_eq!(escape(" #x "), "\\ #x\\ ");
        assert_eq!(escape("#x"), "\\#x");
        assert_eq!(escape("a\nb"), "a\\0Ab");
    }

    #[test]
    fn string_kinds() {
        assert_eq!(string_value(0x1e, &[0x5f, 0xeb, 0x94, 0xb1]).unwrap(), "快钱");
        assert_eq!(string_value(0x14, &[0xe9]).unwrap(), "é");
        assert_eq!(string_value(0x0c, "胡".as_bytes()).unwrap(), "胡");
        assert!(string_value(0x04, b"x").is_none());
    }

    #[test]
    fn hex_is_lowercase() {
        assert_eq!(hex(&[0x00, 0xab, 0x10]), "00ab10");
    }
}
