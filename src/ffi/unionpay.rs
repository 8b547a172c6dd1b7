//! UnionPay ACP (docs/specs/unionpay-acp.md): certId and notification/reply verification with
//! the certificate checks: argument checks, then `crate::unionpay`.

use super::keys::paysign_key;
use super::*;
use crate::options::Options;
use crate::params::Format;
use crate::{signer, unionpay};

/// UnionPay's `certId` of `key` (the merchant's PFX, or a certificate): its decimal serial.
/// PAYSIGN_KEY_MISMATCH for a key without a certificate.
#[no_mangle]
pub unsafe extern "C" fn paysign_unionpay_cert_id(
    key: *const paysign_key,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| write_text(&unionpay::cert_id(&handle(key, "key")?.inner)?, buf, cap, out_len))
}

/// Verifies a UnionPay notification or reply body (form-encoded, as received) with
/// `profile` `unionpay.acp.notify` or `unionpay.acp.response`.
/// 5.1.0: `root` and `middle` (PEM or DER, UnionPay's root and middle certificates) must be
/// given; `signPubKeyCert` must chain to them, be within its dates and name UnionPay, else
/// PAYSIGN_UNTRUSTED_CERT. `verify_key` may be NULL.
/// 5.0.0: `verify_key` is UnionPay's verify certificate, the one the body's `certId` names
/// (else PAYSIGN_KEY_MISMATCH); `root`/`middle` may be NULL with length 0.
/// `options` may be NULL; `now=UNIX` checks dates at that time, `test_cn=1` accepts the test
/// owner `00040000:SIGN`. PAYSIGN_OK when valid, PAYSIGN_BAD_SIGNATURE when not.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn paysign_unionpay_verify_body(
    profile: *const c_char,
    body: *const u8,
    len: usize,
    root: *const u8,
    root_len: usize,
    middle: *const u8,
    middle_len: usize,
    verify_key: *const paysign_key,
    options: *const c_char,
) -> paysign_status {
    guard(|| {
        let p = signer::profile(text(profile, "profile")?)?;
        if p.gateway() != "unionpay" {
            return Err(Error::invalid_argument(format!(
                "profile '{}' is not a UnionPay profile",
                p.id
            )));
        }
        let body = bytes(body, len, "body")?;
        let o = Options::parse(opt_text(options, "options")?.unwrap_or(""))?;
        let trust = match (root.is_null(), middle.is_null()) {
            (true, true) => None,
            _ => Some((bytes(root, root_len, "root")?, bytes(middle, middle_len, "middle")?)),
        };
        let params = signer::parse_body(p, &o, body, Format::Form, None)?;
        let key = verify_key.as_ref().map(|k| &k.inner);
        verdict(unionpay::verify(p, &o, &params, trust, key)?)
    })
}
