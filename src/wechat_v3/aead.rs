//! AEAD_AES_256_GCM with the APIv3 key: notification `resource` and certificate download
//! (docs/specs/wechatpay-v3.md §3). Ciphertext is base64 of the encrypted bytes + 16-byte tag.

use aes_gcm::aead::{Aead, KeyInit, Nonce, Payload};
use aes_gcm::Aes256Gcm;
use serde_json::Value;

use crate::digest;
use crate::error::{Error, Result, Status};

/// The only algorithm v3 names.
pub const ALGORITHM: &str = "AEAD_AES_256_GCM";
const TAG_LEN: usize = 16;
const NONCE_LEN: usize = 12;

fn cipher(apiv3_key: &[u8]) -> Result<Aes256Gcm> {
    if apiv3_key.len() != 32 {
        return Err(Error::key(format!(
            "the APIv3 key is {} bytes; it is 32 characters (APIv3密钥, set in the merchant platform)",
            apiv3_key.len()
        )));
    }
    Aes256Gcm::new_from_slice(apiv3_key).map_err(|_| Error::key("the APIv3 key is not 32 bytes"))
}

/// Decrypts one ciphertext. A wrong key, an altered nonce, associated data or ciphertext, or
/// a cut tag: PAYSIGN_DECRYPT_ERROR.
pub fn decrypt(apiv3_key: &[u8], nonce: &str, associated_data: &str, ciphertext_b64: &str) -> Result<Vec<u8>> {
    let c = cipher(apiv3_key)?;
    let iv = iv(nonce)?;
    let ct = digest::unbase64_lenient(ciphertext_b64, "ciphertext")?;
    if ct.len() < TAG_LEN {
        return Err(Error::new(
            Status::PAYSIGN_DECRYPT_ERROR,
            format!("ciphertext is {} bytes, shorter than the 16-byte GCM tag", ct.len()),
        ));
    }
    c.decrypt(
        &iv,
        Payload {
            msg: &ct,
            aad: associated_data.as_bytes(),
        },
    )
    .map_err(|_| {
        Error::new(
            Status::PAYSIGN_DECRYPT_ERROR,
            "GCM tag does not match: wrong APIv3 key (the v2 API key is the same length), or altered ciphertext, nonce or associated_data",
        )
    })
}

/// Encrypts as WeChat Pay does (for tests and sandboxes): base64 of ciphertext + tag.
pub fn encrypt(apiv3_key: &[u8], nonce: &str, associated_data: &str, plaintext: &[u8]) -> Result<String> {
    let c = cipher(apiv3_key)?;
    let iv = iv(nonce)?;
    let ct = c
        .encrypt(
            &iv,
            Payload {
                msg: plaintext,
                aad: associated_data.as_bytes(),
            },
        )
        .map_err(|_| Error::invalid_argument("plaintext too long for AES-GCM"))?;
    Ok(digest::base64(&ct))
}

/// The plaintext of a notification body's `resource` (the transaction or refund JSON).
pub fn decrypt_resource(body: &[u8], apiv3_key: &[u8]) -> Result<String> {
    let v: Value =
        serde_json::from_slice(body).map_err(|e| Error::malformed(format!("notification body is not JSON ({e})")))?;
    let r = v.get("resource").ok_or_else(|| Error::missing_field("resource"))?;
    let plain = decrypt_object(r, "resource", apiv3_key)?;
    String::from_utf8(plain).map_err(|_| Error::malformed("the decrypted resource is not UTF-8"))
}

/// Decrypts one `{algorithm, nonce, associated_data, ciphertext}` object (a notification's
/// `resource`, a downloaded certificate's `encrypt_certificate`); `path` names it in errors.
pub(crate) fn decrypt_object(r: &Value, path: &str, apiv3_key: &[u8]) -> Result<Vec<u8>> {
    if !r.is_object() {
        return Err(Error::invalid_field(path, "not an object"));
    }
    let text = |name: &str| -> Result<Option<&str>> {
        match r.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => Err(Error::invalid_field(&format!("{path}.{name}"), "not a string")),
        }
    };
    let need = |name: &str| -> Result<&str> {
        text(name)?
            .filter(|s| !s.is_empty())
            .ok_or_else(|| Error::missing_field(&format!("{path}.{name}")))
    };
    let algorithm = need("algorithm")?;
    if algorithm != ALGORITHM {
        return Err(Error::unsupported(format!(
            "{path}.algorithm '{}' (only {ALGORITHM})",
            algorithm.escape_debug()
        )));
    }
    decrypt(
        apiv3_key,
        need("nonce")?,
        text("associated_data")?.unwrap_or(""),
        need("ciphertext")?,
    )
}

fn iv(nonce: &str) -> Result<Nonce<Aes256Gcm>> {
    let b = nonce.as_bytes();
    if b.len() != NONCE_LEN {
        return Err(Error::invalid_field(
            "nonce",
            format!("{} bytes; AEAD_AES_256_GCM nonces are 12", b.len()),
        ));
    }
    Nonce::<Aes256Gcm>::try_from(b).map_err(|_| Error::invalid_field("nonce", "not 12 bytes"))
}
