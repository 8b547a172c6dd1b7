//! PayPal IPN (docs/specs/paypal.md): argument checks, then `crate::paypal`. No network I/O:
//! the caller POSTs the postback body and hands PayPal's answer back.

use super::*;
use crate::paypal::{self, Expect};

/// The exact postback body for a received IPN body: `cmd=_notify-validate&` + the raw bytes
/// unchanged. POST it (`application/x-www-form-urlencoded`) to
/// `https://ipnpb.paypal.com/cgi-bin/webscr` (sandbox: `ipnpb.sandbox.paypal.com`).
/// PAYSIGN_MALFORMED_INPUT: not form-encoded; PAYSIGN_INVALID_FIELD: already holds the cmd.
#[no_mangle]
pub unsafe extern "C" fn paysign_paypal_postback(
    body: *const u8,
    len: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let out = paypal::postback(bytes(body, len, "body")?)?;
        // The body was checked to be printable ASCII.
        let text = String::from_utf8(out).map_err(|_| Error::malformed("postback body is not ASCII"))?;
        write_text(&text, buf, cap, out_len)
    })
}

/// Judges PayPal's answer body: `VERIFIED` → PAYSIGN_OK, `INVALID` → PAYSIGN_BAD_SIGNATURE,
/// anything else (an HTML page, empty) → PAYSIGN_MALFORMED_INPUT.
#[no_mangle]
pub unsafe extern "C" fn paysign_paypal_verdict(answer: *const u8, len: usize) -> paysign_status {
    guard(|| verdict(paypal::verdict(bytes(answer, len, "answer")?)?))
}

/// The merchant's checks on a VERIFIED body. `options` may be NULL; known: `receiver_email`,
/// `business`, `receiver_id`, `amount` (mc_gross as text), `currency`, `payment_status`,
/// `sandbox` (0|1 against `test_ipn`). A mismatch is PAYSIGN_INVALID_FIELD naming the field,
/// a configured field absent PAYSIGN_MISSING_FIELD. The `txn_id` duplicate check is the
/// caller's (read it with paysign_paypal_field).
#[no_mangle]
pub unsafe extern "C" fn paysign_paypal_check(body: *const u8, len: usize, options: *const c_char) -> paysign_status {
    guard(|| {
        let body = bytes(body, len, "body")?;
        let e = Expect::parse(opt_text(options, "options")?.unwrap_or(""))?;
        paypal::check(body, &e)?;
        Ok(Status::PAYSIGN_OK)
    })
}

/// One field of an IPN body, decoded per its `charset` field (windows-1252 when absent), as
/// UTF-8. PAYSIGN_MISSING_FIELD when absent.
#[no_mangle]
pub unsafe extern "C" fn paysign_paypal_field(
    body: *const u8,
    len: usize,
    name: *const c_char,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let body = bytes(body, len, "body")?;
        let name = text(name, "name")?;
        let p = paypal::fields(body)?;
        let v = p.get(name).ok_or_else(|| Error::missing_field(name))?;
        write_text(v, buf, cap, out_len)
    })
}

/// Why PayPal answered INVALID: compares the raw notification `body` with the postback the
/// merchant sent (`sent`, may be NULL with length 0) and the `host` it was posted to (may be
/// NULL). Writes `{"mode":"paypal_postback","findings":[{"cause":…,"detail":…}]}`; causes:
/// `sandbox_to_live_host`, `live_to_sandbox_host`, `charset_field`, `plus_vs_pct20`,
/// `hex_case`, `reencoded`, `fields_reordered`, `fields_changed`. PAYSIGN_OK whenever the
/// report is written, an empty list when nothing explains it.
#[no_mangle]
pub unsafe extern "C" fn paysign_paypal_diagnose(
    body: *const u8,
    len: usize,
    sent: *const u8,
    sent_len: usize,
    host: *const c_char,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let body = bytes(body, len, "body")?;
        let sent = if sent.is_null() && sent_len == 0 {
            None
        } else {
            Some(bytes(sent, sent_len, "sent")?)
        };
        let host = opt_text(host, "host")?;
        let findings = crate::diagnose::paypal::postback(body, sent, host);
        write_text(&crate::diagnose::paypal::findings_json(&findings), buf, cap, out_len)
    })
}
