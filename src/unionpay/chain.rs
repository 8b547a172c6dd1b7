//! Trusting a certificate a UnionPay message brings (`signPubKeyCert`): it must be issued by
//! the caller's middle certificate, which the root issues, all within their dates, and its
//! subject CN must name UnionPay. Signatures over the TBS DER are checked with the rsa crate.

use der::{Decode, Encode};
use x509_cert::Certificate;

use crate::error::{Error, Result};
use crate::keys::Key;
use crate::profile::Hash;

/// The third `@`-part of the CN of UnionPay's production signing certificates.
pub const UNIONPAY_OWNER: &str = "中国银联股份有限公司";
/// The owner in the test environment's older certificates (SDKs' `ifValidateCNName=false`).
pub const TEST_OWNER: &str = "00040000:SIGN";

pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The key of `leaf_pem` once every check passed; UNTRUSTED_CERT naming the failed check.
pub fn trusted_leaf(leaf_pem: &[u8], root: &[u8], middle: &[u8], now: i64, test_owner: bool) -> Result<Key> {
    let leaf = parse(leaf_pem, "signPubKeyCert", Error::malformed)?;
    let middle_c = parse(middle, "middle certificate", Error::key)?;
    let root_c = parse(root, "root certificate", Error::key)?;
    issued_by(&leaf, &middle_c, "signPubKeyCert", "middle")?;
    issued_by(&middle_c, &root_c, "middle certificate", "root")?;
    issued_by(&root_c, &root_c, "root certificate", "root (self-signed)")?;
    for (c, what) in [
        (&leaf, "signPubKeyCert"),
        (&middle_c, "middle certificate"),
        (&root_c, "root certificate"),
    ] {
        within_dates(c, what, now)?;
    }
    let owner = owner(&leaf)?;
    if owner != UNIONPAY_OWNER && !(test_owner && owner == TEST_OWNER) {
        return Err(Error::untrusted_cert(format!(
            "signPubKeyCert: CN owner '{owner}' is not {UNIONPAY_OWNER}{}",
            if test_owner { " or 00040000:SIGN" } else { "" }
        )));
    }
    let der = leaf
        .to_der()
        .map_err(|_| Error::malformed("signPubKeyCert: certificate is malformed"))?;
    Key::load(&der, None)
}

/// A certificate from PEM (any line length, CRLF allowed: the first CERTIFICATE block) or DER.
fn parse(data: &[u8], what: &str, err: fn(String) -> Error) -> Result<Certificate> {
    let bad = || err(format!("{what}: not a PEM or DER X.509 certificate"));
    let der = match std::str::from_utf8(data)
        .ok()
        .filter(|t| t.contains("-----BEGIN CERTIFICATE-----"))
    {
        Some(text) => {
            let body = text.split("-----BEGIN CERTIFICATE-----").nth(1).unwrap_or_default();
            let body = body.split("-----END CERTIFICATE-----").next().unwrap_or_default();
            let b64: String = body.chars().filter(|c| !c.is_ascii_whitespace()).collect();
            crate::digest::unbase64_lenient(&b64, what).map_err(|_| bad())?
        }
        None => data.to_vec(),
    };
    Certificate::from_der(&der).map_err(|_| bad())
}

/// `cert`'s issuer is `issuer`'s subject and `issuer`'s key verifies `cert`'s signature.
fn issued_by(cert: &Certificate, issuer: &Certificate, what: &str, by: &str) -> Result<()> {
    let tbs = cert.tbs_certificate();
    if tbs.issuer() != issuer.tbs_certificate().subject() {
        return Err(Error::untrusted_cert(format!(
            "{what}: not issued by the {by} certificate"
        )));
    }
    let hash = match cert.signature_algorithm().oid.to_string().as_str() {
        "1.2.840.113549.1.1.5" => Hash::Sha1,
        "1.2.840.113549.1.1.11" => Hash::Sha256,
        oid => {
            return Err(Error::untrusted_cert(format!(
                "{what}: signature algorithm {oid} is not SHA1withRSA or SHA256withRSA"
            )))
        }
    };
    let spki = issuer.tbs_certificate().subject_public_key_info().to_der();
    let key = spki.ok().and_then(|d| Key::load(&d, None).ok());
    let Some(key) = key else {
        return Err(Error::key(format!("the {by} certificate has no RSA key")));
    };
    let tbs_der = tbs
        .to_der()
        .map_err(|_| Error::malformed(format!("{what}: certificate is malformed")))?;
    let sig = cert.signature().raw_bytes();
    if !crate::digest::rsa_verify_key(&key, hash, &tbs_der, sig) {
        return Err(Error::untrusted_cert(format!(
            "{what}: its signature does not verify with the {by} certificate's key"
        )));
    }
    Ok(())
}

fn within_dates(c: &Certificate, what: &str, now: i64) -> Result<()> {
    let v = c.tbs_certificate().validity();
    let secs = |t: x509_cert::time::Time| i64::try_from(t.to_unix_duration().as_secs()).unwrap_or(i64::MAX);
    let (from, to) = (secs(v.not_before), secs(v.not_after));
    if now < from || now > to {
        return Err(Error::untrusted_cert(format!(
            "{what}: valid from {from} to {to} (Unix seconds), not at {now}"
        )));
    }
    Ok(())
}

/// The third `@`-separated part of the subject CN (`041@8310000000083040@<owner>@00016495`).
fn owner(c: &Certificate) -> Result<String> {
    let der = c
        .tbs_certificate()
        .subject()
        .to_der()
        .map_err(|_| Error::malformed("signPubKeyCert: subject is malformed"))?;
    let subject = crate::keys::cert::format_name(&der);
    let cn = subject
        .split(',')
        .find_map(|rdn| rdn.strip_prefix("CN="))
        .ok_or_else(|| Error::untrusted_cert("signPubKeyCert: the subject has no CN"))?;
    Ok(cn.split('@').nth(2).unwrap_or_default().to_string())
}
