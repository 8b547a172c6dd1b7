//! Diagnosis of a failing signature, and the gateways' built-in certificates.

use super::keys::paysign_key;
use super::params::charset_arg;
use super::*;
use crate::builtin;
use crate::diagnose::{self, Mode, Request};
use crate::options::Options;
use crate::params::Format;
use crate::signer;

#[allow(clippy::too_many_arguments)]
unsafe fn run(
    mode: Mode,
    profile: *const c_char,
    options: *const c_char,
    body: *const u8,
    len: usize,
    format: *const c_char,
    charset: *const c_char,
    key: *const paysign_key,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let p = signer::profile(text(profile, "profile")?)?;
        let o = Options::parse(opt_text(options, "options")?.unwrap_or(""))?;
        let body = bytes(body, len, "body")?;
        let format = Format::from_name(opt_text(format, "format")?.unwrap_or("form"))?;
        let cs = charset_arg(charset)?;
        let k = key.as_ref().map(|k| &k.inner);
        let mut req = Request::new(p, &o, body, format, cs, k);
        req.mode = mode;
        let report = diagnose::diagnose(&req);
        write_text(&report.to_json_string(), buf, cap, out_len)
    })
}

/// Verifies like `paysign_verify_body` (NULL `format` is "form", NULL `charset` the one the
/// message declares) and, when that fails, searches the known mistakes (charset, digest,
/// canonical form, key; at most a documented number of variants, "max_variants" in the JSON)
/// for the one that explains it. Writes one JSON object to `buf`: the verdict ("valid", "invalid" or
/// "error"), the sign string with any secret masked as `***`, the machine-readable `cause`
/// (null when valid) and the variant that verifies, if any.
/// Returns PAYSIGN_OK whenever the report is written, whatever the verdict; errors of the
/// verification itself (a body that does not decode, a missing field) are in the report.
/// Bad arguments (NULL, unknown profile, option, format or charset) return their status.
/// `key` may be NULL (the report then says what is missing). Buffer rules as everywhere:
/// `buf = NULL, cap = 0` asks for the length (the search runs again on the second call).
#[no_mangle]
pub unsafe extern "C" fn paysign_diagnose(
    profile: *const c_char,
    options: *const c_char,
    body: *const u8,
    len: usize,
    format: *const c_char,
    charset: *const c_char,
    key: *const paysign_key,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    run(
        Mode::Verify,
        profile,
        options,
        body,
        len,
        format,
        charset,
        key,
        buf,
        cap,
        out_len,
    )
}

/// The same for the merchant's own signature: `body` holds the fields the merchant signed and
/// the signature their code (or the vendor demo) computed, `key` the merchant's key. Reports
/// whether paysign signs the same ("paysign_signature" in the JSON), and when not, the
/// variant that matches the merchant's signature and the first difference in the sign string.
/// Same JSON and statuses as `paysign_diagnose`, with "mode": "sign".
#[no_mangle]
pub unsafe extern "C" fn paysign_diagnose_sign(
    profile: *const c_char,
    options: *const c_char,
    body: *const u8,
    len: usize,
    format: *const c_char,
    charset: *const c_char,
    key: *const paysign_key,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    run(
        Mode::Sign,
        profile,
        options,
        body,
        len,
        format,
        charset,
        key,
        buf,
        cap,
        out_len,
    )
}

/// Every built-in key name, each followed by a newline. Truncates to fit like
/// `paysign_profiles`; returns the full length.
#[no_mangle]
pub unsafe extern "C" fn paysign_builtin_keys(buf: *mut c_char, cap: usize) -> usize {
    guard_value(0, || copy_truncating(&builtin::listing(), buf, cap))
}
