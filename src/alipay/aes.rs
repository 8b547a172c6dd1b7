//! Alipay content encryption (`encrypt_type=AES`): AES-CBC, zero IV, PKCS#7, base64, with the
//! base64 key Alipay issues (docs/specs/alipay-cert.md §3).

use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockCipherDecrypt, BlockCipherEncrypt, BlockModeDecrypt, BlockModeEncrypt, KeyInit, KeyIvInit};
use zeroize::Zeroizing;

use crate::charset::Charset;
use crate::digest;
use crate::error::{Error, Result, Status};
use crate::keys::{text, Key};

use super::response::parse_response;

const IV: [u8; 16] = [0; 16];

fn key_bytes(key_b64: &str) -> Result<Zeroizing<Vec<u8>>> {
    let key = text::decode_base64(key_b64.trim()).ok_or_else(|| Error::key("AES key is not base64"))?;
    match key.len() {
        16 | 24 | 32 => Ok(key),
        n => Err(Error::key(format!(
            "AES key is {n} bytes after base64 decoding (16, 24 or 32 expected)"
        ))),
    }
}

/// Encrypts `plain` (e.g. the `biz_content` JSON) and returns base64 ciphertext.
pub fn encrypt(key_b64: &str, plain: &[u8]) -> Result<String> {
    let key = key_bytes(key_b64)?;
    let mut buf = plain.to_vec();
    buf.resize(plain.len() + 16 - plain.len() % 16, 0);
    let n = plain.len();
    let len = match key.len() {
        16 => enc::<aes::Aes128>(&key, &mut buf, n),
        24 => enc::<aes::Aes192>(&key, &mut buf, n),
        _ => enc::<aes::Aes256>(&key, &mut buf, n),
    }
    .ok_or_else(|| Error::key("AES encryption failed"))?;
    Ok(digest::base64(&buf[..len]))
}

/// Decrypts base64 ciphertext; a wrong key shows as bad padding.
pub fn decrypt(key_b64: &str, ct_b64: &str) -> Result<Vec<u8>> {
    let key = key_bytes(key_b64)?;
    let ct = digest::unbase64_lenient(ct_b64, "ciphertext")?;
    if ct.is_empty() || ct.len() % 16 != 0 {
        return Err(Error::malformed(format!(
            "AES ciphertext is {} bytes, not a positive multiple of 16",
            ct.len()
        )));
    }
    let mut buf = ct;
    let len = match key.len() {
        16 => dec::<aes::Aes128>(&key, &mut buf),
        24 => dec::<aes::Aes192>(&key, &mut buf),
        _ => dec::<aes::Aes256>(&key, &mut buf),
    }
    .ok_or_else(|| {
        Error::new(
            Status::PAYSIGN_DECRYPT_ERROR,
            "AES padding is invalid after decryption (wrong AES key or altered ciphertext)",
        )
    })?;
    buf.truncate(len);
    Ok(buf)
}

/// The base64 AES key held by a secret key handle (Alipay issues it as base64 text).
pub fn key_text(key: &Key) -> Result<Zeroizing<String>> {
    let s = key
        .secret_value()
        .ok_or_else(|| Error::key_mismatch("the AES key must be a secret key (the base64 text Alipay issues)"))?;
    let t = std::str::from_utf8(s.as_bytes()).map_err(|_| Error::key("AES key is not base64 text"))?;
    Ok(Zeroizing::new(t.to_string()))
}

/// The plaintext of an encrypted response's `<method>_response` node, in the body's `charset`.
/// Verify the body first: the signature covers the ciphertext, so decrypt only what verified.
pub fn decrypt_response(body: &[u8], method: &str, key_b64: &str, charset: Charset) -> Result<String> {
    let r = parse_response(body, method, charset)?;
    let ct = r.ciphertext().ok_or_else(|| {
        Error::invalid_field(
            &r.node,
            "is not AES-encrypted (a JSON object, not a string): read it as it is",
        )
    })?;
    let plain = decrypt(key_b64, &ct)?;
    // Valid padding under a wrong key happens (about 1 in 256); its garbage is rarely text.
    match charset.decode(&plain, "decrypted response") {
        Ok(t) => Ok(t.into_owned()),
        Err(_) => Err(Error::new(
            Status::PAYSIGN_DECRYPT_ERROR,
            format!("the decrypted response is not {} text (wrong AES key?)", charset.name()),
        )),
    }
}

fn enc<C>(key: &[u8], buf: &mut [u8], n: usize) -> Option<usize>
where
    C: BlockCipherEncrypt + KeyInit,
{
    let c = cbc::Encryptor::<C>::new_from_slices(key, &IV).ok()?;
    c.encrypt_padded::<Pkcs7>(buf, n).ok().map(|ct| ct.len())
}

fn dec<C>(key: &[u8], buf: &mut [u8]) -> Option<usize>
where
    C: BlockCipherDecrypt + KeyInit,
{
    let c = cbc::Decryptor::<C>::new_from_slices(key, &IV).ok()?;
    c.decrypt_padded::<Pkcs7>(buf).ok().map(|pt| pt.len())
}
