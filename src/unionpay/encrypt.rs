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

/// `customerInfo`: base64 of `{name=value&name=value}`, the sub-fields in `fields`' order.
/// `version` 5.1.0 moves `phoneNo`, `cvn2`, `expired` into `encryptedInfo` (their
/// `name=value&…` encrypted with `cert`, appended last); 5.0.0 keeps every sub-field plain.
/// An empty list gives `""`. `pin` is refused (UNSUPPORTED): PIN blocks are not built.
pub fn customer_info(version: &str, fields: &Params, cert: Option<&Key>) -> Result<String> {
    let gather = match version {
        "5.1.0" => true,
        "5.0.0" => false,
        "" => return Err(Error::missing_field("version")),
        v => return Err(Error::invalid_field("version", format!("'{v}' is not 5.0.0 or 5.1.0"))),
    };
    if let Some(d) = fields.first_duplicate() {
        return Err(Error::duplicate_field(d));
    }
    let mut plain = Vec::new();
    let mut secret = Vec::new();
    for (name, value) in fields.iter() {
        check_sub_field(name, value)?;
        let pair = format!("{name}={value}");
        if gather && ENCRYPTED_INFO_FIELDS.contains(&name) {
            secret.push(pair);
        } else {
            plain.push(pair);
        }
    }
    if plain.is_empty() && secret.is_empty() {
        return Ok(String::new());
    }
    if !secret.is_empty() {
        let cert = cert.ok_or_else(|| {
            Error::new(
                Status::PAYSIGN_NULL_ARGUMENT,
                "customerInfo: 5.1.0 phoneNo, cvn2 and expired need UnionPay's encryption certificate",
            )
        })?;
        let sealed = encrypt(cert, secret.join("&").as_bytes(), "encryptedInfo")?;
        plain.push(format!("encryptedInfo={sealed}"));
    }
    Ok(crate::digest::base64(format!("{{{}}}", plain.join("&")).as_bytes()))
}

/// A sub-field must survive the `{k=v&k=v}` layout, which has no escapes.
fn check_sub_field(name: &str, value: &str) -> Result<()> {
    match name {
        "" => return Err(Error::invalid_field("customerInfo", "a sub-field has an empty name")),
        "pin" => {
            return Err(Error::unsupported(
                "customerInfo: sub-field 'pin' needs an ANSI X9.8 PIN block, which paysign does not build",
            ))
        }
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
        assert_eq!(customer_info("5.1.0", &p, None).unwrap(), "e3Ntc0NvZGU9MTExMTExfQ==");
        assert_eq!(customer_info("5.0.0", &p, None).unwrap(), "e3Ntc0NvZGU9MTExMTExfQ==");
    }

    #[test]
    fn sub_field_rules() {
        let e = customer_info("5.0.0", &Params::from_pairs([("pin", "123456")]), None).unwrap_err();
        assert_eq!(
            (e.status, e.message.contains("'pin'")),
            (Status::PAYSIGN_UNSUPPORTED, true)
        );
        let e = customer_info("5.0.0", &Params::from_pairs([("customerNm", "a&b")]), None).unwrap_err();
        assert_eq!(
            e.message,
            "field 'customerNm': the value holds '&', which the customerInfo layout cannot carry"
        );
        let e = customer_info("5.1.0", &Params::from_pairs([("cvn2", "248")]), None).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_NULL_ARGUMENT);
        let e = customer_info("5.2.0", &Params::new(), None).unwrap_err();
        assert_eq!(e.message, "field 'version': '5.2.0' is not 5.0.0 or 5.1.0");
        assert_eq!(customer_info("5.1.0", &Params::new(), None).unwrap(), "");
    }
}
