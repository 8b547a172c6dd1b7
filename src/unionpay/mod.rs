//! UnionPay ACP: certId, and notification/reply verification. 5.1.0 messages carry UnionPay's
//! certificate in `signPubKeyCert`, trusted only after [`chain`]'s checks; 5.0.0 messages name
//! the caller's verify certificate by `certId`; `signMethod` must be 01. [`encrypt`]:
//! `encryptCertId` and the sensitive fields of requests. Rules: docs/specs/unionpay-acp.md.

pub mod chain;
pub mod encrypt;

use crate::error::{Error, Result};
use crate::keys::Key;
use crate::options::Options;
use crate::params::Params;
use crate::profile::Profile;
use crate::signer::{self, Verdict};

/// UnionPay's `certId`: the decimal serial of the key's certificate (a PFX or a certificate).
pub fn cert_id(key: &Key) -> Result<String> {
    let info = key
        .cert()
        .ok_or_else(|| Error::key_mismatch("certId needs a certificate or a PFX that holds one"))?;
    let bytes = crate::digest::unhex(&info.serial_hex, "serial")?;
    Ok(crate::der_decimal::decimal(&bytes, false))
}

/// Verifies a UnionPay notification or reply (`unionpay.acp.notify` / `.response`).
/// 5.1.0: `signPubKeyCert` must chain to `root` and `middle` (PEM or DER), be within its dates
/// (at option `now=`, else the clock) and belong to UnionPay (CN rule; option `test_cn=1` also
/// takes the test owner), else UNTRUSTED_CERT; then its key checks the signature.
/// 5.0.0: `verify_key` (UnionPay's verify certificate) must be the one `certId` names.
pub fn verify(
    p: &Profile,
    opts: &Options,
    params: &Params,
    trust: Option<(&[u8], &[u8])>,
    verify_key: Option<&Key>,
) -> Result<Verdict> {
    if let Some(d) = params.first_duplicate() {
        return Err(Error::duplicate_field(d));
    }
    sign_method(params)?;
    match params.get("version").unwrap_or_default() {
        "5.1.0" => {
            let pem = params
                .get("signPubKeyCert")
                .filter(|v| !v.trim().is_empty())
                .ok_or_else(|| Error::missing_field("signPubKeyCert"))?;
            let (root, middle) = trust.ok_or_else(|| {
                Error::new(
                    crate::Status::PAYSIGN_NULL_ARGUMENT,
                    "5.1.0 needs UnionPay's root and middle certificates to check signPubKeyCert",
                )
            })?;
            let now = opts.now.unwrap_or_else(chain::unix_now);
            let key = chain::trusted_leaf(pem.as_bytes(), root, middle, now, opts.test_cn)?;
            signer::verify(p, opts, params, Some(&key))
        }
        "5.0.0" => {
            let key = verify_key.ok_or_else(|| {
                Error::new(
                    crate::Status::PAYSIGN_NULL_ARGUMENT,
                    "5.0.0 needs UnionPay's verify certificate (the one certId names)",
                )
            })?;
            let want = params
                .get("certId")
                .filter(|v| !v.is_empty())
                .ok_or_else(|| Error::missing_field("certId"))?;
            let have = cert_id(key)?;
            if have != want {
                return Err(Error::key_mismatch(format!(
                    "field 'certId': the message names certificate {want}, the given certificate is {have}"
                )));
            }
            signer::verify(p, opts, params, Some(key))
        }
        "" => Err(Error::missing_field("version")),
        v => Err(Error::invalid_field("version", format!("'{v}' is not 5.0.0 or 5.1.0"))),
    }
}

/// The `signMethod` values of the spec: 01 (RSA with the certificates) is what paysign
/// verifies; 11 and 12 are the secure-key modes, refused by name rather than checked as RSA and
/// failed.
const SIGN_METHODS: &[(&str, Option<&str>)] = &[
    ("01", None),
    ("11", Some("SHA-256 with the secure key")),
    ("12", Some("SM3 with the secure key")),
];

fn sign_method(params: &Params) -> Result<()> {
    let m = params.get("signMethod").unwrap_or_default();
    match SIGN_METHODS.iter().find(|(code, _)| *code == m) {
        Some((_, None)) => Ok(()),
        Some((_, Some(name))) => Err(Error::unsupported(format!(
            "field 'signMethod': {m} ({name}) is not supported; paysign verifies 01 (RSA)"
        ))),
        None if m.is_empty() => Err(Error::missing_field("signMethod")),
        None => Err(Error::invalid_field("signMethod", format!("'{m}' is not 01, 11 or 12"))),
    }
}
