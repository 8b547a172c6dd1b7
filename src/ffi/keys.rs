//! `paysign_key`: an immutable key, shareable by any number of threads.

use super::*;
use crate::keys::Key;

/// A secret, an RSA private key or an RSA public key/certificate. Immutable; thread-safe.
pub struct paysign_key {
    pub(crate) inner: Key,
}

unsafe fn hand_over(out: *mut *mut paysign_key, k: Result<Key>) -> Result<Status> {
    *out = Box::into_raw(Box::new(paysign_key { inner: k? }));
    Ok(Status::PAYSIGN_OK)
}

unsafe fn out_arg(out: *mut *mut paysign_key) -> Result<()> {
    if out.is_null() {
        return Err(Error::new(Status::PAYSIGN_NULL_ARGUMENT, "argument 'out' is NULL"));
    }
    *out = std::ptr::null_mut();
    Ok(())
}

/// A secret key (MD5/HMAC key, CMPP/SMGP shared secret).
#[no_mangle]
pub unsafe extern "C" fn paysign_key_secret(secret: *const c_char, out: *mut *mut paysign_key) -> paysign_status {
    guard(|| {
        out_arg(out)?;
        hand_over(out, Key::secret(text(secret, "secret")?))
    })
}

/// Loads a key from bytes: PEM (PKCS#1, PKCS#8, encrypted PKCS#8, SPKI, X.509), DER, bare
/// base64, PKCS#12 (with `password`), or Allinpay `exponent=`/`modulus=` text.
#[no_mangle]
pub unsafe extern "C" fn paysign_key_load(
    data: *const u8,
    len: usize,
    password: *const c_char,
    out: *mut *mut paysign_key,
) -> paysign_status {
    guard(|| {
        out_arg(out)?;
        let data = bytes(data, len, "data")?;
        hand_over(out, Key::load(data, opt_text(password, "password")?))
    })
}

/// Loads a key file (formats as `paysign_key_load`).
#[no_mangle]
pub unsafe extern "C" fn paysign_key_load_file(
    path: *const c_char,
    password: *const c_char,
    out: *mut *mut paysign_key,
) -> paysign_status {
    guard(|| {
        out_arg(out)?;
        let path = text(path, "path")?;
        hand_over(
            out,
            Key::load_file(std::path::Path::new(path), opt_text(password, "password")?),
        )
    })
}

/// A gateway's public certificate or key compiled into the library, by name
/// (`99bill.production`, `99bill.sandbox`, `alipay.sandbox`, ...; see `paysign_builtin_keys`).
/// An unknown name is PAYSIGN_INVALID_ARGUMENT, and the last error lists the names. An expired
/// certificate still loads and verifies what was signed with it. Free with `paysign_key_free`.
#[no_mangle]
pub unsafe extern "C" fn paysign_key_builtin(name: *const c_char, out: *mut *mut paysign_key) -> paysign_status {
    guard(|| {
        out_arg(out)?;
        hand_over(out, crate::builtin::load(text(name, "name")?))
    })
}

/// Frees a key (its secret bytes are zeroized); NULL does nothing.
#[no_mangle]
pub unsafe extern "C" fn paysign_key_free(key: *mut paysign_key) {
    guard_value((), || {
        if !key.is_null() {
            drop(Box::from_raw(key));
        }
    })
}
