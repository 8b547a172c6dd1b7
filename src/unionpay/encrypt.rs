//! Sensitive fields of UnionPay ACP requests (docs/specs/unionpay-acp.md, "Sensitive fields"):
//! RSA PKCS#1 v1.5 encryption with UnionPay's encryption certificate, base64ed;
//! `encryptCertId` (that certificate's decimal serial); the `customerInfo` layouts.

use rsa::Pkcs1v15Encrypt;

use crate::error::{Error, Result};
use crate::keys::Key;
use crate::params::Params;
use crate::Status;

/// The `customerInfo` sub-fields that 5.1.0 gathers into the encrypted `encryptedInfo`.
pub const ENCRYPTED_INFO_FIELDS: &[&str] = &["phoneNo", "cvn2", "expired"];

/// UnionPay's encryption certificate (PEM or DER X.509); KEY_ERROR for anything else,
/// a bare public key or a PFX included: `encryptCertId` needs the certificate's serial.
pub fn encryption_cert(data: &[u8]) -> Result<Key> {
    let not_cert = || Error::key("encryption certificate: not a PEM or DER X.509 certificate");
    match Key::load(data, None) {
        Ok(key @ Key::RsaPublic { cert: Some(_), .. }) => Ok(key),
        _ => Err(not_cert()),
    }
}

/// `encryptCertId`: the decimal serial of the encryption certificate in `data`.
pub fn encrypt_cert_id(data: &[u8]) -> Result<String> {
    super::cert_id(&encryption_cert(data)?)
}

/// `value` RSA-encrypted (PKCS#1 v1.5, random padding: a new ciphertext each call) with the
/// certificate's key, base64ed. `what` names the value in errors (`accNo`, `encryptedInfo`).
pub fn encrypt(cert: &Key, value: &[u8], what: &str) -> Result<String> {
    let key = cert
        .rsa_public_ref()
        .ok_or_else(|| Error::key_mismatch("encryption certificate: no RSA public key"))?;
    if value.is_empty() {
        return Err(Error::invalid_field(what, "is empty: nothing to encrypt"));
    }
    let max = rsa::traits::PublicKeyParts::size(key).saturating_sub(11);
    if value.len() > max {
        return Err(Error::invalid_field(
            what,
            format!("{} bytes, the encryption key takes at most {max}", value.len()),
        ));
    }
    let sealed = key
        .encrypt(&mut getrandom::SysRng, Pkcs1v15Encrypt, value)
        .map_err(|e| Error::unsupported(format!("{what}: encryption failed ({e})")))?;
    Ok(crate::digest::base64(&sealed))
}

/// The 8-byte ISO 9564 format 0 (ANSI X9.8) PIN block: `len ‖ PIN digits ‖ F…` XOR
/// `00 00 ‖ the 12 card digits left of the check digit`. `pin`: 4 to 12 digits; `card`: 11 to
/// 19 digits (11 and 12 are left-padded with 0 to 13, as the UnionPay kits do).
pub fn pin_block(pin: &str, card: &str) -> Result<[u8; 8]> {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(4..=12).contains(&pin.len()) || !digits(pin) {
        return Err(Error::invalid_field("pin", "must be 4 to 12 digits"));
    }
    if !(11..=19).contains(&card.len()) || !digits(card) {
        return Err(Error::invalid_field("accNo", "the card number must be 11 to 19 digits"));
    }
    let nibble = |b: u8| b - b'0';
    let mut block = [0xFFu8; 8];
    block[0] = pin.len() as u8;
    for (i, d) in pin.bytes().enumerate() {
        let byte = &mut block[1 + i / 2];
        *byte = if i % 2 == 0 {
            (nibble(d) << 4) | 0x0F
        } else {
            (*byte & 0xF0) | nibble(d)
        };
    }
    let padded = format!("{card:0>13}");
    let pan = &padded.as_bytes()[padded.len() - 13..padded.len() - 1];
    for (i, pair) in pan.chunks(2).enumerate() {
        block[2 + i] ^= (nibble(pair[0]) << 4) | nibble(pair[1]);
    }
    Ok(block)
}

/// The encrypted PIN: [`pin_block`] RSA-encrypted with the certificate's key, base64ed.
pub fn encrypt_pin(cert: &Key, pin: &str, card: &str) -> Result<String> {
    let block = zeroize::Zeroizing::new(pin_block(pin, card)?);
    encrypt(cert, &block[..], "pin")
}

/// `customerInfo`: base64 of `{name=value&name=value}`, the sub-fields in `fields`' order.
/// `version` 5.1.0 moves `phoneNo`, `cvn2`, `expired` into `encryptedInfo` (their
/// `name=value&…` encrypted with `cert`, appended last); 5.0.0 keeps them plain. In both,
/// `pin` becomes [`encrypt_pin`] with the card number `acc_no` (required then), in its place.
/// An empty list gives `""`.
pub fn customer_info(version: &str, fields: &Params, cert: Option<&Key>, acc_no: Option<&str>) -> Result<String> {
    let gather = match version {
        "5.1.0" => true,
        "5.0.0" => false,
        "" => return Err(Error::missing_field("version")),
        v => return Err(Error::invalid_field("version", format!("'{v}' is not 5.0.0 or 5.1.0"))),
    };
    if let Some(d) = fields.first_duplicate() {
        return Err(Error::duplicate_field(d));
    }
    let need_cert = |what: &str| {
        cert.ok_or_else(|| {
            Error::new(
                Status::PAYSIGN_NULL_ARGUMENT,
                format!("customerInfo: {what} needs UnionPay's encryption certificate"),
            )
        })
    };
    let mut plain = Vec::new();
    let mut secret = Vec::new();
    for (name, value) in fields.iter() {
        check_sub_field(name, value)?;
        if name == "pin" {
            let card = acc_no
                .filter(|c| !c.is_empty())
                .ok_or_else(|| Error::missing_field("accNo"))?;
            plain.push(format!("pin={}", encrypt_pin(need_cert("pin")?, value, card)?));
        } else if gather && ENCRYPTED_INFO_FIELDS.contains(&name) {
            secret.push(format!("{name}={value}"));
        } else {
            plain.push(format!("{name}={value}"));
        }
    }
    if plain.is_empty() && secret.is_empty() {
        return Ok(String::new());
    }
    if !secret.is_empty() {
        let cert = need_cert("5.1.0 phoneNo, cvn2 and expired")?;
        let sealed = encrypt(cert, secret.join("&").as_bytes(), "encryptedInfo")?;
        plain.push(format!("encryptedInfo={sealed}"));
    }
    Ok(crate::digest::base64(format!("{{{}}}", plain.join("&")).as_bytes()))
}

/// A sub-field must survive the `{k=v&k=v}` layout, which has no escapes.
fn check_sub_field(name: &str, value: &str) -> Result<()> {
    match name {
        "" => return Err(Error::invalid_field("customerInfo", "a sub-field has an empty name")),
        "encryptedInfo" => {
            return Err(Error::invalid_field(
                "encryptedInfo",
                "is built from phoneNo, cvn2 and expired; do not pass it",
            ))
        }
        _ => {}
    }
    if let Some(c) = name.chars().find(|c| matches!(c, '&' | '=' | '{' | '}')) {
        return Err(Error::invalid_field(
            name,
            format!("the name holds '{c}', which the customerInfo layout cannot carry"),
        ));
    }
    if let Some(c) = value.chars().find(|c| matches!(c, '&' | '{' | '}')) {
        return Err(Error::invalid_field(
            name,
            format!("the value holds '{c}', which the customerInfo layout cannot carry"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_layout_published_vector() {
        // `customerInfo=e3Ntc0NvZGU9MTExMTExfQ==` in published ACP test request logs.
        let p = Params::from_pairs([("smsCode", "111111")]);
        assert_eq!(
            customer_info("5.1.0", &p, None, None).unwrap(),
            "e3Ntc0NvZGU9MTExMTExfQ=="
        );
        assert_eq!(
            customer_info("5.0.0", &p, None, None).unwrap(),
            "e3Ntc0NvZGU9MTExMTExfQ=="
        );
    }

    #[test]
    fn pin_block_derived() {
        // DERIVED (Python, by the written rule: bytes.fromhex('%02x' % len + pin + 'F'*…) XOR
        // bytes.fromhex('0000' + card[-13:-1])).
        let b = pin_block("123456", "6226388000000095").unwrap();
        assert_eq!(crate::digest::hex(&b, crate::profile::Case::Lower), "061257defffffff6");
        let b = pin_block("12345", "62263880000").unwrap();
        assert_eq!(crate::digest::hex(&b, crate::profile::Case::Lower), "0512343dd9c77fff");
        assert_eq!(
            pin_block("123", "6226388000000095").unwrap_err().message,
            "field 'pin': must be 4 to 12 digits"
        );
        assert!(pin_block("123456", "6226388000")
            .unwrap_err()
            .message
            .starts_with("field 'accNo'"));
        assert!(pin_block("12a456", "6226388000000095").is_err());
    }

    #[test]
    fn sub_field_rules() {
        let pin = Params::from_pairs([("pin", "123456")]);
        let e = customer_info("5.0.0", &pin, None, None).unwrap_err();
        assert_eq!(e.message, "field 'accNo' is missing or empty");
        let e = customer_info("5.0.0", &pin, None, Some("6226388000000095")).unwrap_err();
        assert_eq!(e.message, "customerInfo: pin needs UnionPay's encryption certificate");
        let e = customer_info("5.0.0", &Params::from_pairs([("customerNm", "a&b")]), None, None).unwrap_err();
        assert_eq!(
            e.message,
            "field 'customerNm': the value holds '&', which the customerInfo layout cannot carry"
        );
        let e = customer_info("5.1.0", &Params::from_pairs([("cvn2", "248")]), None, None).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_NULL_ARGUMENT);
        let e = customer_info("5.2.0", &Params::new(), None, None).unwrap_err();
        assert_eq!(e.message, "field 'version': '5.2.0' is not 5.0.0 or 5.1.0");
        assert_eq!(customer_info("5.1.0", &Params::new(), None, None).unwrap(), "");
    }
}
