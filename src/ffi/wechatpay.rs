//! WeChat Pay v2 refund notifications (docs/specs/wechatpay-v2-additions.md §2): argument
//! checks, then `crate::wechatpay`.

use super::keys::paysign_key;
use super::params::{boxed, paysign_params};
use super::*;
use crate::wechatpay;

/// A WeChat Pay v2 refund notification (退款结果通知): parses the whole XML body as received,
/// decrypts its `req_info` with the merchant's API key (`paysign_key_secret`) and, on
/// PAYSIGN_OK only, sets `*out` to the notification's fields without `req_info` followed by
/// the decrypted refund fields (`out_refund_no`, `refund_status`, `refund_fee`, ...); free it
/// with `paysign_params_free`. Refund notifications carry no signature.
/// PAYSIGN_DECRYPT_ERROR: `req_info` does not decrypt with this key (wrong key, altered or
/// cut short); PAYSIGN_MISSING_FIELD: no `req_info`; PAYSIGN_INVALID_FIELD: not base64;
/// PAYSIGN_KEY_MISMATCH: not a secret key.
#[no_mangle]
pub unsafe extern "C" fn paysign_wechat_refund_decrypt(
    api_key: *const paysign_key,
    body: *const u8,
    len: usize,
    out: *mut *mut paysign_params,
) -> paysign_status {
    guard(|| {
        let out = handle_mut(out, "out")?;
        *out = std::ptr::null_mut();
        let key = &handle(api_key, "api_key")?.inner;
        let body = bytes(body, len, "body")?;
        *out = boxed(wechatpay::decrypt_refund_notify(key, body)?);
        Ok(Status::PAYSIGN_OK)
    })
}
