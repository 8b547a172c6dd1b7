//! The platform-certificate download (`GET /v3/certificates`, docs/specs/wechatpay-v3.md §3):
//! each entry's `encrypt_certificate` decrypted to its PEM, which must be an X.509 certificate
//! with the serial the entry's `serial_no` names. The response's own signature is checked
//! first, by the caller, with [`super::verify`].

use serde_json::{json, Value};

use super::aead::decrypt_object;
use crate::error::{Error, Result};
use crate::keys::Key;

/// One downloaded platform certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlatformCertificate {
    /// Upper-case hex, as the response writes it.
    pub serial_no: String,
    /// RFC 3339 text as sent (`2023-09-19T23:15:58+08:00`).
    pub effective_time: String,
    pub expire_time: String,
    /// The decrypted PEM text, byte for byte.
    pub pem: String,
}

/// The certificates of a download response body, in its order. An entry that fails names
/// itself: `data[1] (serial_no 5DEA…): …`.
pub fn download_certificates(body: &[u8], apiv3_key: &[u8]) -> Result<Vec<PlatformCertificate>> {
    let v: Value = serde_json::from_slice(body)
        .map_err(|e| Error::malformed(format!("certificate download body is not JSON ({e})")))?;
    let data = match v.get("data") {
        None | Some(Value::Null) => return Err(Error::missing_field("data")),
        Some(Value::Array(a)) if a.is_empty() => return Err(Error::missing_field("data")),
        Some(Value::Array(a)) => a,
        Some(_) => return Err(Error::invalid_field("data", "not an array")),
    };
    data.iter()
        .enumerate()
        .map(|(i, entry)| certificate(entry, i, apiv3_key))
        .collect()
}

/// [`download_certificates`] as the C call hands it back: a JSON array of
/// `{"serial_no","effective_time","expire_time","pem"}` objects, in the response's order.
pub fn download_certificates_json(body: &[u8], apiv3_key: &[u8]) -> Result<String> {
    let list: Vec<Value> = download_certificates(body, apiv3_key)?
        .into_iter()
        .map(|c| {
            json!({
                "serial_no": c.serial_no,
                "effective_time": c.effective_time,
                "expire_time": c.expire_time,
                "pem": c.pem,
            })
        })
        .collect();
    Ok(Value::Array(list).to_string())
}

fn certificate(entry: &Value, i: usize, apiv3_key: &[u8]) -> Result<PlatformCertificate> {
    let path = format!("data[{i}]");
    if !entry.is_object() {
        return Err(Error::invalid_field(&path, "not an object"));
    }
    let need = |name: &str| -> Result<String> {
        match entry.get(name) {
            Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
            None | Some(Value::Null) | Some(Value::String(_)) => Err(Error::missing_field(&format!("{path}.{name}"))),
            Some(_) => Err(Error::invalid_field(&format!("{path}.{name}"), "not a string")),
        }
    };
    let serial_no = need("serial_no")?;
    let effective_time = need("effective_time")?;
    let expire_time = need("expire_time")?;
    let named = format!("{path} (serial_no {})", serial_no.escape_debug());
    let within = |e: Error| Error::new(e.status, format!("{named}: {}", e.message));
    let enc = entry
        .get("encrypt_certificate")
        .ok_or_else(|| Error::missing_field(&format!("{path}.encrypt_certificate")))?;
    let plain = decrypt_object(enc, &format!("{path}.encrypt_certificate"), apiv3_key).map_err(within)?;
    let pem =
        String::from_utf8(plain).map_err(|_| within(Error::malformed("the decrypted certificate is not UTF-8")))?;
    let key = Key::load(pem.as_bytes(), None).map_err(within)?;
    let own = key
        .cert()
        .ok_or_else(|| within(Error::key("the decrypted text is a key, not an X.509 certificate")))?;
    if !own.serial_hex.eq_ignore_ascii_case(&serial_no) {
        return Err(within(Error::key_mismatch(format!(
            "the decrypted certificate's serial is {}",
            own.serial_hex.to_ascii_uppercase()
        ))));
    }
    Ok(PlatformCertificate {
        serial_no,
        effective_time,
        expire_time,
        pem,
    })
}
