//! Alipay certificate mode and synchronous responses (docs/specs/alipay-cert.md): argument
//! checks, then `crate::alipay`.

use super::keys::paysign_key;
use super::*;
use crate::alipay;
use crate::charset::Charset;
use crate::options::Options;

/// The SN (`app_cert_sn`, `alipay_cert_sn`) of the first certificate in `data` (PEM, DER or
/// bare base64): 32 lowercase hex characters.
#[no_mangle]
pub unsafe extern "C" fn paysign_alipay_cert_sn(
    data: *const u8,
    len: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    sn_out(alipay::cert_sn, data, len, buf, cap, out_len)
}

/// `alipay_root_cert_sn` of a root bundle (alipayRootCert.crt): the SNs of its RSA-signed
/// certificates joined by `_`. PAYSIGN_KEY_ERROR when it holds none.
#[no_mangle]
pub unsafe extern "C" fn paysign_alipay_root_cert_sn(
    data: *const u8,
    len: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    sn_out(alipay::root_cert_sn, data, len, buf, cap, out_len)
}

unsafe fn sn_out(
    f: fn(&[u8]) -> Result<String>,
    data: *const u8,
    len: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| write_text(&f(bytes(data, len, "data")?)?, buf, cap, out_len))
}

/// Verifies a synchronous OpenAPI response body over the exact text of its
/// `<method>_response` (or `error_response`) node. `method` e.g. `"alipay.trade.query"`.
/// `key`: the Alipay public key or public-key certificate (a certificate must have the SN the
/// body's `alipay_cert_sn` names, else PAYSIGN_KEY_MISMATCH). `options` may be NULL; known:
/// `sign_type` (`RSA2` default, or `RSA`) and `charset` (of the body, default UTF-8).
/// PAYSIGN_OK when valid, PAYSIGN_BAD_SIGNATURE when not.
#[no_mangle]
pub unsafe extern "C" fn paysign_alipay_verify_response(
    body: *const u8,
    len: usize,
    method: *const c_char,
    key: *const paysign_key,
    options: *const c_char,
) -> paysign_status {
    guard(|| {
        let body = bytes(body, len, "body")?;
        let method = text(method, "method")?;
        let key = &handle(key, "key")?.inner;
        let o = Options::parse_only(
            opt_text(options, "options")?.unwrap_or(""),
            &["sign_type", "charset"],
            "paysign_alipay_verify_response",
        )?;
        let charset = o.charset.unwrap_or(Charset::Utf8);
        verdict(alipay::verify_response(body, method, key, o.sign_type.as_deref(), charset)?.0)
    })
}

/// AES content encryption (`encrypt_type=AES`): the base64 ciphertext of `plain` (the
/// `biz_content` JSON) under `aes_key`, the base64 key Alipay issues given to
/// `paysign_key_secret`. Put it in `biz_content`, add `encrypt_type=AES`, then sign.
/// PAYSIGN_KEY_ERROR: the key is not 16, 24 or 32 bytes of base64; PAYSIGN_KEY_MISMATCH: not a
/// secret key.
#[no_mangle]
pub unsafe extern "C" fn paysign_alipay_encrypt(
    aes_key: *const paysign_key,
    plain: *const u8,
    len: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let key = alipay::aes::key_text(&handle(aes_key, "aes_key")?.inner)?;
        let plain = bytes(plain, len, "plain")?;
        write_text(&alipay::encrypt(&key, plain)?, buf, cap, out_len)
    })
}

/// The plaintext of an AES-encrypted synchronous response: the `<method>_response` node's
/// ciphertext decrypted with `aes_key` (as for paysign_alipay_encrypt). Verify the body first
/// with paysign_alipay_verify_response: its signature covers the ciphertext. `options` may be
/// NULL; known: `charset` (of the body, default UTF-8). PAYSIGN_DECRYPT_ERROR: wrong key or
/// altered ciphertext; PAYSIGN_INVALID_FIELD: the node is not encrypted.
#[no_mangle]
pub unsafe extern "C" fn paysign_alipay_decrypt_response(
    body: *const u8,
    len: usize,
    method: *const c_char,
    aes_key: *const paysign_key,
    options: *const c_char,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let body = bytes(body, len, "body")?;
        let method = text(method, "method")?;
        let key = alipay::aes::key_text(&handle(aes_key, "aes_key")?.inner)?;
        let o = Options::parse_only(
            opt_text(options, "options")?.unwrap_or(""),
            &["charset"],
            "paysign_alipay_decrypt_response",
        )?;
        let plain = alipay::decrypt_response(body, method, &key, o.charset.unwrap_or(Charset::Utf8))?;
        write_text(&plain, buf, cap, out_len)
    })
}
