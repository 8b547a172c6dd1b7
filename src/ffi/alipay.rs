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
        let o = Options::parse(opt_text(options, "options")?.unwrap_or(""))?;
        if o.hash.is_some() || o.query_key.is_some() || o.second || o.allow_join {
            return Err(Error::invalid_argument(
                "paysign_alipay_verify_response takes only the options sign_type and charset",
            ));
        }
        let charset = o.charset.unwrap_or(Charset::Utf8);
        verdict(alipay::verify_response(body, method, key, o.sign_type.as_deref(), charset)?.0)
    })
}
