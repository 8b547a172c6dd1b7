//! The simulator's own UnionPay-like certificate chain: a root, a middle the root issues, and a
//! signing certificate the middle issues, made at first start and kept in the state folder.
//!
//! UnionPay ACP 5.1.0 messages carry the signing certificate (`signPubKeyCert`), which the
//! merchant trusts only when it chains to the root and middle it configured and its subject CN
//! names UnionPay as owner (docs/specs/unionpay-acp.md "Notifications and replies"); 5.0.0
//! messages name the signing certificate by `certId`, its decimal serial. So the simulator needs
//! all three, shaped like UnionPay's: the CN's third `@` part is `中国银联股份有限公司` and the
//! merchant verifies without `test_cn`. Every name also says `paysign simulate (TEST ONLY)`:
//! this is never UnionPay's key (the simulator has none). Only the signing key is kept; the
//! root's and middle's keys are dropped once they have signed (nothing else is ever issued).

use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use paysign::{Error, Key, Result};
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::{EncodePrivateKey, LineEnding};
use rsa::PrivateKey;
use sha2::Sha256;
use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::certificate::TbsCertificate;
use x509_cert::der::EncodePem;
use x509_cert::ext::pkix::{AuthorityKeyIdentifier, BasicConstraints, KeyUsage, KeyUsages, SubjectKeyIdentifier};
use x509_cert::ext::{Extension, ToExtension};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::{SubjectPublicKeyInfoOwned, SubjectPublicKeyInfoRef};
use x509_cert::time::Validity;

use super::keys::write_private;

/// What `--cert` prints for each part: `unionpay-root`, `unionpay-middle` (5.1.0: the merchant's
/// acp_root.cer / acp_middle.cer) and `unionpay-sign` (5.0.0: acp_verify_sign.cer).
pub const PARTS: [&str; 3] = ["root", "middle", "sign"];

const OWNER: &str = "中国银联股份有限公司";
const ROOT_NAME: &str = "CN=paysign simulate UnionPay TEST ROOT,O=paysign simulator (TEST ONLY),C=CN";
const MIDDLE_NAME: &str = "CN=paysign simulate UnionPay TEST MIDDLE,O=paysign simulator (TEST ONLY),C=CN";

/// The chain, as the simulator signs with it.
pub struct Chain {
    /// The signing certificate, PEM with `\r\n` line ends as UnionPay sends `signPubKeyCert`.
    pub sign_pem_crlf: String,
    pub sign_key: Key,
    /// The signing certificate's decimal serial: 5.0.0's `certId`.
    pub cert_id: String,
}

fn cert_path(state: &Path, part: &str) -> PathBuf {
    state.join(format!("unionpay-{part}.cert.pem"))
}

fn key_path(state: &Path) -> PathBuf {
    state.join("unionpay-sign.key.pem")
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| Error::io(format!("cannot read {}: {e}", path.display())))
}

/// Loads the chain from `state`, making it first if any part is missing.
pub fn load_or_create(state: &Path) -> Result<Chain> {
    let missing = PARTS.iter().any(|p| !cert_path(state, p).exists()) || !key_path(state).exists();
    if missing {
        create(state)?;
    }
    let sign_pem = read(&cert_path(state, "sign"))?;
    let cert = Key::load(sign_pem.as_bytes(), None)?;
    Ok(Chain {
        sign_pem_crlf: sign_pem.trim_end().replace("\r\n", "\n").replace('\n', "\r\n"),
        sign_key: Key::load_file(&key_path(state), None)?,
        cert_id: paysign::unionpay::cert_id(&cert)?,
    })
}

/// `--cert unionpay-PART`: that certificate's PEM, the chain made first if need be.
pub fn cert(state: &Path, part: &str) -> Result<String> {
    if !PARTS.contains(&part) {
        return Err(Error::invalid_argument(format!(
            "--cert: 'unionpay-{}' is not one of unionpay-root, unionpay-middle, unionpay-sign",
            super::printable(part)
        )));
    }
    load_or_create(state)?;
    read(&cert_path(state, part))
}

fn fail(what: &str, e: &dyn std::fmt::Display) -> Error {
    Error::key(format!("cannot make the UnionPay simulator chain ({what}): {e}"))
}

fn new_key(what: &str) -> Result<PrivateKey> {
    PrivateKey::new(&mut getrandom::SysRng, 2048).map_err(|e| fail(what, &e))
}

/// A positive serial of five random bytes, the size of UnionPay's (certId 69903319369 is
/// 0x1046900149): eleven or twelve decimal digits.
fn serial() -> Result<SerialNumber> {
    let mut b = [0u8; 5];
    getrandom::fill(&mut b).map_err(|e| fail("serial", &e))?;
    b[0] = 0x10 | (b[0] & 0x3f);
    SerialNumber::new(&b).map_err(|e| fail("serial", &e))
}

fn create(state: &Path) -> Result<()> {
    fs::create_dir_all(state).map_err(|e| Error::io(format!("cannot create {}: {e}", state.display())))?;
    let name = |text: &str| Name::from_str(text).map_err(|e| fail("name", &e));
    let (root_name, middle_name) = (name(ROOT_NAME)?, name(MIDDLE_NAME)?);
    let sign_name = name(&format!(
        "CN=041@PAYSIGNSIMULATE@{OWNER}@00000001,OU=paysign simulate (TEST ONLY),O=paysign simulator (TEST ONLY),C=CN"
    ))?;
    let (root_key, middle_key, sign_key) = (new_key("root key")?, new_key("middle key")?, new_key("signing key")?);
    let root = issue(&root_key, &root_name, &root_key, &root_name, true)?;
    let middle = issue(&middle_key, &middle_name, &root_key, &root_name, true)?;
    let sign = issue(&sign_key, &sign_name, &middle_key, &middle_name, false)?;
    let key_pem = sign_key.to_pkcs8_pem(LineEnding::LF).map_err(|e| fail("key PEM", &e))?;
    write_private(&key_path(state), key_pem.as_bytes())?;
    for (part, pem) in PARTS.iter().zip([root, middle, sign]) {
        let path = cert_path(state, part);
        fs::write(&path, pem).map_err(|e| Error::io(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

/// `subject`'s certificate over `key`, issued by `issuer` (its name and key), SHA256withRSA,
/// valid ten years.
fn issue(key: &PrivateKey, subject: &Name, issuer_key: &PrivateKey, issuer: &Name, ca: bool) -> Result<String> {
    let profile = Issued {
        subject: subject.clone(),
        issuer: issuer.clone(),
        ca,
    };
    let spki = SubjectPublicKeyInfoOwned::from_key(&key.to_public_key()).map_err(|e| fail("public key", &e))?;
    let validity = Validity::from_now(Duration::from_secs(10 * 366 * 86_400)).map_err(|e| fail("validity", &e))?;
    let signer = SigningKey::<Sha256>::new(issuer_key.clone());
    let cert = CertificateBuilder::new(profile, serial()?, validity, spki)
        .map_err(|e| fail("builder", &e))?
        .build::<_, rsa::pkcs1v15::Signature>(&signer)
        .map_err(|e| fail("signature", &e))?;
    cert.to_pem(LineEnding::LF).map_err(|e| fail("PEM", &e))
}

/// A certificate `issuer` issues to `subject`: a CA (root, middle) or the signing certificate.
struct Issued {
    subject: Name,
    issuer: Name,
    ca: bool,
}

impl BuilderProfile for Issued {
    fn get_issuer(&self, _subject: &Name) -> Name {
        self.issuer.clone()
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        spk: SubjectPublicKeyInfoRef<'_>,
        issuer_spk: SubjectPublicKeyInfoRef<'_>,
        tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        let mut ext = Vec::new();
        let usage = if self.ca {
            KeyUsages::KeyCertSign | KeyUsages::CRLSign
        } else {
            KeyUsages::DigitalSignature | KeyUsages::NonRepudiation
        };
        ext.push(
            BasicConstraints {
                ca: self.ca,
                path_len_constraint: None,
            }
            .to_extension(tbs.subject(), &ext)?,
        );
        ext.push(KeyUsage(usage).to_extension(tbs.subject(), &ext)?);
        ext.push(SubjectKeyIdentifier::try_from(spk)?.to_extension(tbs.subject(), &ext)?);
        let aki = AuthorityKeyIdentifier {
            key_identifier: Some(SubjectKeyIdentifier::try_from(issuer_spk)?.0),
            ..Default::default()
        };
        ext.push(aki.to_extension(tbs.subject(), &ext)?);
        Ok(ext)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chain_is_trusted_by_paysign_and_names_unionpay() {
        let dir = std::env::temp_dir().join(format!("paysign-sim-unionpay-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let chain = load_or_create(&dir).unwrap();
        let (root, middle) = (cert(&dir, "root").unwrap(), cert(&dir, "middle").unwrap());
        let now = super::super::now_secs();
        // Without test_cn: the owner is UnionPay's.
        let leaf = paysign::unionpay::chain::trusted_leaf(
            chain.sign_pem_crlf.as_bytes(),
            root.as_bytes(),
            middle.as_bytes(),
            now,
            false,
        );
        assert!(leaf.is_ok(), "{:?}", leaf.err().map(|e| e.message));
        // The middle is not the issuer of itself: a chain given the wrong way round fails.
        let swapped = paysign::unionpay::chain::trusted_leaf(
            chain.sign_pem_crlf.as_bytes(),
            middle.as_bytes(),
            root.as_bytes(),
            now,
            false,
        );
        assert_eq!(swapped.err().unwrap().status, paysign::Status::PAYSIGN_UNTRUSTED_CERT);
        assert!(chain.sign_pem_crlf.contains("\r\n") && !chain.sign_pem_crlf.ends_with('\n'));
        assert!((11..=12).contains(&chain.cert_id.len()), "{}", chain.cert_id);
        // Kept: a second start reads the same chain.
        assert_eq!(load_or_create(&dir).unwrap().cert_id, chain.cert_id);
        assert!(root.starts_with("-----BEGIN CERTIFICATE-----\n") && root != middle);
        assert!(cert(&dir, "leaf").unwrap_err().message.contains("unionpay-root"));
        fs::remove_dir_all(&dir).unwrap();
    }
}
