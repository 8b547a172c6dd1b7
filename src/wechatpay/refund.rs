//! Refund notifications (退款结果通知): `req_info` is base64 of AES-256-ECB/PKCS#7 ciphertext
//! under the 32 ASCII bytes of the lowercase hex MD5 of the API key; the plaintext is a
//! `<root>` XML document of the refund's fields (docs/specs/wechatpay-v2-additions.md §2).

use aes::cipher::{BlockCipherDecrypt, KeyInit};
// PKCS#7 unpadding is the one Alipay's AES (src/alipay/aes.rs) uses too: one way to do it.
use cbc::cipher::block_padding::{Padding, Pkcs7};
use zeroize::Zeroizing;

use crate::charset::Charset;
use crate::digest;
use crate::error::{Error, Result, Status};
use crate::keys::Key;
use crate::params::{Duplicates, Format, Params};
use crate::profile::Case;

const FIELD: &str = "req_info";

/// One message for every failure after base64, so that a caller's reply cannot tell a
/// padding failure from a plaintext failure (no padding oracle), and no key material.
fn undecryptable() -> Error {
    Error::new(
        Status::PAYSIGN_DECRYPT_ERROR,
        format!("field '{FIELD}' does not decrypt with this API key (wrong key, or altered or cut-short ciphertext)"),
    )
}

/// The API key's bytes: a secret key, never an RSA key or certificate.
fn secret_of(api_key: &Key) -> Result<&[u8]> {
    api_key.secret_value().map(|s| s.as_bytes()).ok_or_else(|| {
        Error::key_mismatch("the WeChat Pay API key must be a secret key, not an RSA key or certificate")
    })
}

/// Decrypts one `req_info` value with the merchant's API key and returns the refund fields
/// in document order.
pub fn decrypt_req_info(api_key: &Key, req_info: &str) -> Result<Params> {
    let api_key = secret_of(api_key)?;
    if req_info.trim().is_empty() {
        return Err(Error::missing_field(FIELD));
    }
    let mut buf = Zeroizing::new(digest::unbase64_lenient(req_info, FIELD)?);
    if buf.is_empty() || buf.len() % 16 != 0 {
        return Err(Error::new(
            Status::PAYSIGN_DECRYPT_ERROR,
            format!(
                "field '{FIELD}': ciphertext is {} bytes, not a positive multiple of 16 (cut short?)",
                buf.len()
            ),
        ));
    }
    // The AES key is the hex text itself, not the 16 digest bytes.
    let key = Zeroizing::new(digest::hex(&digest::md5(api_key), Case::Lower));
    let cipher = aes::Aes256::new_from_slice(key.as_bytes()).map_err(|_| undecryptable())?;
    let (blocks, rest) = aes::Block::slice_as_chunks_mut(&mut buf);
    debug_assert!(rest.is_empty());
    cipher.decrypt_blocks(blocks);
    let plain = Pkcs7::unpad_blocks(blocks).map_err(|_| undecryptable())?;
    let fields = Params::parse(plain, Format::Xml, Charset::Utf8, Duplicates::Reject).map_err(|_| undecryptable())?;
    if fields.is_empty() {
        return Err(undecryptable());
    }
    Ok(fields)
}

/// Parses a whole refund notification body (v2 XML, UTF-8), decrypts its `req_info` and
/// returns the notification's other fields followed by the decrypted ones. A decrypted name
/// that repeats an outer one is `PAYSIGN_DUPLICATE_FIELD`.
pub fn decrypt_refund_notify(api_key: &Key, body: &[u8]) -> Result<Params> {
    secret_of(api_key)?;
    let mut outer = Params::parse(body, Format::Xml, Charset::Utf8, Duplicates::Reject)?;
    let req_info = outer.remove(FIELD).ok_or_else(|| Error::missing_field(FIELD))?;
    let inner = decrypt_req_info(api_key, &req_info)?;
    for (name, value) in inner.iter() {
        if outer.get(name).is_some() {
            return Err(Error::duplicate_field(name));
        }
        outer.push(name, value);
    }
    Ok(outer)
}
