//! The simulator's own gateway key pairs: made at first start, kept in the state folder.
//!
//! A gateway that signs its notifications with RSA (99bill) is played with a key the simulator
//! makes for itself, never a real gateway's key (there is none to have). The merchant configures
//! its certificate (`paysign simulate --cert 99bill`) in place of the gateway's for test mode.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use paysign::{Error, Key, Result};
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::{EncodePrivateKey, LineEnding};
use rsa::PrivateKey;
use sha2::Sha256;
use x509_cert::builder::{profile::cabf::Root, Builder, CertificateBuilder};
use x509_cert::der::EncodePem;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::Validity;

/// One gateway's simulated signing key and its certificate (PEM).
pub struct GatewayKey {
    pub key: Key,
    pub cert_pem: String,
}

fn paths(state: &Path, gateway: &str) -> (PathBuf, PathBuf) {
    (
        state.join(format!("{gateway}.key.pem")),
        state.join(format!("{gateway}.cert.pem")),
    )
}

/// Loads the gateway's key pair from `state`, making it first if it is not there.
pub fn load_or_create(state: &Path, gateway: &str) -> Result<GatewayKey> {
    let (key_path, cert_path) = paths(state, gateway);
    if !key_path.exists() || !cert_path.exists() {
        create(state, gateway, &key_path, &cert_path)?;
    }
    let key = Key::load_file(&key_path, None)?;
    let cert_pem =
        fs::read_to_string(&cert_path).map_err(|e| Error::io(format!("cannot read {}: {e}", cert_path.display())))?;
    Ok(GatewayKey { key, cert_pem })
}

fn create(state: &Path, gateway: &str, key_path: &Path, cert_path: &Path) -> Result<()> {
    fs::create_dir_all(state).map_err(|e| Error::io(format!("cannot create {}: {e}", state.display())))?;
    let private = PrivateKey::new(&mut getrandom::SysRng, 2048)
        .map_err(|e| Error::key(format!("cannot make the {gateway} simulator key: {e}")))?;
    let key_pem = private
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| Error::key(format!("cannot encode the {gateway} simulator key: {e}")))?;
    let cert_pem = certificate(&private, gateway)?;
    write_private(key_path, key_pem.as_bytes())?;
    fs::write(cert_path, cert_pem).map_err(|e| Error::io(format!("cannot write {}: {e}", cert_path.display())))?;
    Ok(())
}

/// A self-signed certificate over the key, valid ten years, named so that nobody mistakes it
/// for the gateway's own.
fn certificate(private: &PrivateKey, gateway: &str) -> Result<String> {
    let fail = |what: &str, e: &dyn std::fmt::Display| {
        Error::key(format!("cannot make the {gateway} simulator certificate ({what}): {e}"))
    };
    let subject = Name::from_str(&format!(
        "CN=paysign simulate {gateway} (TEST ONLY),O=paysign simulator,C=CN"
    ))
    .map_err(|e| fail("name", &e))?;
    let profile = Root::new(false, subject).map_err(|e| fail("profile", &e))?;
    let spki = SubjectPublicKeyInfoOwned::from_key(&private.to_public_key()).map_err(|e| fail("public key", &e))?;
    let validity = Validity::from_now(Duration::from_secs(10 * 366 * 86_400)).map_err(|e| fail("validity", &e))?;
    let serial = SerialNumber::from(u32::try_from(super::now_secs() % i64::from(u32::MAX)).unwrap_or(1));
    let signer = SigningKey::<Sha256>::new(private.clone());
    let cert = CertificateBuilder::new(profile, serial, validity, spki)
        .map_err(|e| fail("builder", &e))?
        .build::<_, rsa::pkcs1v15::Signature>(&signer)
        .map_err(|e| fail("signature", &e))?;
    cert.to_pem(LineEnding::LF).map_err(|e| fail("PEM", &e))
}

/// Writes a private key readable by its owner only.
pub fn write_private(path: &Path, data: &[u8]) -> Result<()> {
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts
        .open(path)
        .map_err(|e| Error::io(format!("cannot write {}: {e}", path.display())))?;
    f.write_all(data)
        .map_err(|e| Error::io(format!("cannot write {}: {e}", path.display())))
}
