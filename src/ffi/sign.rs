//! Sign string, sign, verify, verify_body, reply: argument checks, then the Rust API.

use super::keys::paysign_key;
use super::params::{boxed, charset_arg, paysign_params};
use super::*;
use crate::keys::Key;
use crate::options::Options;
use crate::params::Format;
use crate::signer;

unsafe fn common<'a>(
    profile: *const c_char,
    options: *const c_char,
    key: *const paysign_key,
) -> Result<(&'static crate::profile::Profile, Options, Option<&'a Key>)> {
    let p = signer::profile(text(profile, "profile")?)?;
    let o = Options::parse(opt_text(options, "options")?.unwrap_or(""))?;
    Ok((p, o, key.as_ref().map(|k| &k.inner)))
}

/// The exact text that is digested or signed, secret included where the algorithm embeds it
/// (hex of the bytes for the CMPP/SMGP profiles). `key` may be NULL when no secret enters.
#[no_mangle]
pub unsafe extern "C" fn paysign_sign_string(
    profile: *const c_char,
    options: *const c_char,
    params: *const paysign_params,
    key: *const paysign_key,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let (p, o, k) = common(profile, options, key)?;
        let params = handle(params, "params")?;
        let s = signer::sign_string(p, &o, &params.inner, k)?;
        write_text(&s, buf, cap, out_len)
    })
}

/// Computes the signature into `buf` and sets the profile's signature field in `params`.
/// On BUFFER_TOO_SMALL `params` is left unchanged.
#[no_mangle]
pub unsafe extern "C" fn paysign_sign(
    profile: *const c_char,
    options: *const c_char,
    params: *mut paysign_params,
    key: *const paysign_key,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let (p, o, k) = common(profile, options, key)?;
        let params = handle_mut(params, "params")?;
        let s = signer::signed(p, &o, &params.inner, k)?;
        check_room(buf, cap, s.sig.len(), out_len)?;
        s.place(p, &mut params.inner);
        write_text(&s.sig, buf, cap, out_len)
    })
}

/// PAYSIGN_OK when the signature holds, PAYSIGN_BAD_SIGNATURE when it does not, else an error.
#[no_mangle]
pub unsafe extern "C" fn paysign_verify(
    profile: *const c_char,
    options: *const c_char,
    params: *const paysign_params,
    key: *const paysign_key,
) -> paysign_status {
    guard(|| {
        let (p, o, k) = common(profile, options, key)?;
        let params = handle(params, "params")?;
        verdict(signer::verify(p, &o, &params.inner, k)?)
    })
}

/// Parses the body as received (one decoding) and verifies it. `charset` NULL: the charset the
/// message declares, else the gateway's default. When `out` is not NULL and the signature
/// holds, `*out` owns the parsed params; otherwise `*out` is NULL.
#[no_mangle]
pub unsafe extern "C" fn paysign_verify_body(
    profile: *const c_char,
    options: *const c_char,
    body: *const u8,
    len: usize,
    format: *const c_char,
    charset: *const c_char,
    key: *const paysign_key,
    out: *mut *mut paysign_params,
) -> paysign_status {
    guard(|| {
        if !out.is_null() {
            *out = std::ptr::null_mut();
        }
        let (p, o, k) = common(profile, options, key)?;
        let body = bytes(body, len, "body")?;
        let format = Format::from_name(opt_text(format, "format")?.unwrap_or("form"))?;
        let cs = charset_arg(charset)?;
        let (v, parsed) = signer::verify_body(p, &o, body, format, cs, k)?;
        if v.is_valid() && !out.is_null() {
            *out = boxed(parsed);
        }
        verdict(v)
    })
}

/// The exact body a notification handler sends back (`success` non-zero for success).
#[no_mangle]
pub unsafe extern "C" fn paysign_reply(
    profile: *const c_char,
    success: i32,
    redirect_url: *const c_char,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let p = signer::profile(text(profile, "profile")?)?;
        let r = signer::reply(p, success != 0, opt_text(redirect_url, "redirect_url")?)?;
        write_text(&r, buf, cap, out_len)
    })
}

/// Alipay legacy mapi: the `notify_verify` (ATN) URL for a received `notify_id`. GET it
/// yourself and accept the notification only if the body is exactly `true`.
#[no_mangle]
pub unsafe extern "C" fn paysign_alipay_notify_verify_url(
    partner: *const c_char,
    notify_id: *const c_char,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let partner = text(partner, "partner")?;
        let notify_id = text(notify_id, "notify_id")?;
        for (name, v) in [("partner", partner), ("notify_id", notify_id)] {
            if v.is_empty() {
                return Err(Error::missing_field(name));
            }
        }
        write_text(
            &crate::gateways::alipay::notify_verify_url(partner, notify_id),
            buf,
            cap,
            out_len,
        )
    })
}
