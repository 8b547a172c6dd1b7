//! UnionPay ACP (docs/specs/unionpay-acp.md): certId, notification/reply verification with
//! the certificate checks, encryptCertId and sensitive-field encryption: argument checks, then
//! `crate::unionpay`.

use super::keys::paysign_key;
use super::params::paysign_params;
use super::*;
use crate::options::Options;
use crate::params::Format;
use crate::unionpay::encrypt;
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

/// `encryptCertId`: the decimal serial of UnionPay's encryption certificate `cert` (PEM or DER
/// X.509, `cert_len` bytes). PAYSIGN_KEY_ERROR when `cert` is not a certificate.
#[no_mangle]
pub unsafe extern "C" fn paysign_unionpay_encrypt_cert_id(
    cert: *const u8,
    cert_len: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let id = encrypt::encrypt_cert_id(bytes(cert, cert_len, "cert")?)?;
        write_text(&id, buf, cap, out_len)
    })
}

/// A sensitive value (`accNo` …, `plaintext_len` bytes) RSA-encrypted with PKCS#1 v1.5
/// padding under the encryption certificate `cert`, as base64 text. The padding is random:
/// each call gives a different text of the same length (a size query does not fix the
/// ciphertext). PAYSIGN_INVALID_FIELD for an empty value or one longer than the key takes.
#[no_mangle]
pub unsafe extern "C" fn paysign_unionpay_encrypt(
    cert: *const u8,
    cert_len: usize,
    plaintext: *const u8,
    plaintext_len: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let key = encrypt::encryption_cert(bytes(cert, cert_len, "cert")?)?;
        let value = bytes(plaintext, plaintext_len, "plaintext")?;
        write_text(&encrypt::encrypt(&key, value, "plaintext")?, buf, cap, out_len)
    })
}

/// `customerInfo` from the sub-fields in `fields` (in their order), for `version` 5.0.0
/// (plain) or 5.1.0 (`phoneNo`, `cvn2`, `expired` encrypted into `encryptedInfo` with `cert`).
/// A `pin` sub-field becomes its encrypted PIN block (ANSI X9.8 with the card number `acc_no`,
/// required then) in both. `cert` may be NULL with length 0 and `acc_no` NULL when nothing
/// needs them. An empty list gives "".
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn paysign_unionpay_customer_info(
    fields: *const paysign_params,
    version: *const c_char,
    cert: *const u8,
    cert_len: usize,
    acc_no: *const c_char,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let fields = &handle(fields, "fields")?.inner;
        let version = text(version, "version")?;
        let cert = bytes(cert, cert_len, "cert")?;
        let key = if cert.is_empty() {
            None
        } else {
            Some(encrypt::encryption_cert(cert)?)
        };
        let acc_no = opt_text(acc_no, "acc_no")?;
        let info = encrypt::customer_info(version, fields, key.as_ref(), acc_no)?;
        write_text(&info, buf, cap, out_len)
    })
}

/// The encrypted PIN (`pin`, 4 to 12 digits) for the card number `acc_no` (11 to 19
/// digits): the ANSI X9.8 PIN block RSA-encrypted (PKCS#1 v1.5) with the encryption
/// certificate `cert`, as base64 text (random padding: a new text each call).
#[no_mangle]
pub unsafe extern "C" fn paysign_unionpay_encrypt_pin(
    cert: *const u8,
    cert_len: usize,
    pin: *const c_char,
    acc_no: *const c_char,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let key = encrypt::encryption_cert(bytes(cert, cert_len, "cert")?)?;
        let sealed = encrypt::encrypt_pin(&key, text(pin, "pin")?, text(acc_no, "acc_no")?)?;
        write_text(&sealed, buf, cap, out_len)
    })
}
