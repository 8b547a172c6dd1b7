//! RSA PKCS#1 v1.5 through AWS-LC (cargo feature `aws-lc`): constant-time C and assembly with
//! blinding, the same bytes and verdicts as the `rsa` crate. Every AWS-LC symbol carries the
//! crate's version prefix (`aws_lc_0_47_0_`), so a host process that has OpenSSL loaded (PHP's
//! openssl extension, libcurl, a JDK's or Mono's native libraries) sees no clash when paysign is
//! linked in statically.
//!
//! A key is converted once, from its PKCS#1 DER, and kept in the key's [`super::RsaCache`].
//! AWS-LC refuses what it does not support (more than two primes, say); the caller then uses
//! the `rsa` crate.

use crate::profile::Hash;
use aws_lc_sys as sys;
use rsa::pkcs1::{EncodeRsaPrivateKey as _, EncodeRsaPublicKey as _};
use std::os::raw::c_int;
use std::ptr::NonNull;

/// An AWS-LC `RSA` object, owned (reference-counted by AWS-LC).
pub(crate) struct Rsa(NonNull<sys::RSA>);

// SAFETY: AWS-LC's rsa.h: an RSA object may be used concurrently on several threads by
// non-mutating functions (RSA_sign and RSA_verify are; the lazily built Montgomery and blinding
// state is behind the object's own lock). paysign calls nothing else after it is made.
unsafe impl Send for Rsa {}
unsafe impl Sync for Rsa {}

impl Drop for Rsa {
    fn drop(&mut self) {
        // SAFETY: we own one reference. AWS-LC's OPENSSL_free cleanses every block it frees,
        // the private numbers included.
        unsafe { sys::RSA_free(self.0.as_ptr()) }
    }
}

impl Clone for Rsa {
    fn clone(&self) -> Rsa {
        // SAFETY: the pointer is a live RSA object; up_ref adds the reference the clone owns.
        unsafe { sys::RSA_up_ref(self.0.as_ptr()) };
        Rsa(self.0)
    }
}

/// AWS-LC keeps errors on a thread-local queue; a refusal here is handled by the caller, so the
/// queue is emptied to keep it from growing.
fn refused<T>() -> Option<T> {
    // SAFETY: no arguments; affects only this thread's error queue.
    unsafe { sys::ERR_clear_error() };
    None
}

fn nid(hash: Hash) -> c_int {
    match hash {
        Hash::Sha1 => sys::NID_sha1,
        Hash::Sha256 => sys::NID_sha256,
        Hash::Md5 => sys::NID_md5,
    }
}

impl Rsa {
    fn adopt(p: *mut sys::RSA) -> Option<Rsa> {
        match NonNull::new(p) {
            Some(p) => Some(Rsa(p)),
            None => refused(),
        }
    }

    /// A private key, from its PKCS#1 `RSAPrivateKey` DER (zeroized when dropped).
    pub(crate) fn private(key: &rsa::PrivateKey) -> Option<Rsa> {
        let der = key.to_pkcs1_der().ok()?;
        let der = der.as_bytes();
        // SAFETY: reads `der.len()` bytes; returns NULL or a new object with one reference.
        Rsa::adopt(unsafe { sys::RSA_private_key_from_bytes(der.as_ptr(), der.len()) })
    }

    /// A public key, from its PKCS#1 `RSAPublicKey` DER.
    pub(crate) fn public(key: &rsa::PublicKey) -> Option<Rsa> {
        let der = key.to_pkcs1_der().ok()?;
        let der = der.as_bytes();
        // SAFETY: as above.
        Rsa::adopt(unsafe { sys::RSA_public_key_from_bytes(der.as_ptr(), der.len()) })
    }

    /// The signature of a digest made with `hash`; None if AWS-LC refuses.
    pub(crate) fn sign(&self, hash: Hash, digest: &[u8]) -> Option<Vec<u8>> {
        // SAFETY: the object is live.
        let size = unsafe { sys::RSA_size(self.0.as_ptr()) } as usize;
        let mut out = vec![0u8; size];
        let mut len: std::os::raw::c_uint = 0;
        // SAFETY: `out` has RSA_size bytes, the most RSA_sign writes; `digest` is read for
        // its length. The object is not modified in a way visible to other threads.
        let ok = unsafe {
            sys::RSA_sign(
                nid(hash),
                digest.as_ptr(),
                digest.len(),
                out.as_mut_ptr(),
                &mut len,
                self.0.as_ptr(),
            )
        };
        if ok != 1 || len as usize != size {
            return refused();
        }
        Some(out)
    }

    /// Whether `sig` is a valid signature of a digest made with `hash`. Like the `rsa` crate,
    /// AWS-LC takes only a signature exactly as long as the modulus, below the modulus, with
    /// the exact DigestInfo encoding.
    pub(crate) fn verify(&self, hash: Hash, digest: &[u8], sig: &[u8]) -> bool {
        // SAFETY: both slices are read for their lengths; the object is live.
        let ok = unsafe {
            sys::RSA_verify(
                nid(hash),
                digest.as_ptr(),
                digest.len(),
                sig.as_ptr(),
                sig.len(),
                self.0.as_ptr(),
            )
        };
        if ok != 1 {
            // SAFETY: no arguments; affects only this thread's error queue.
            unsafe { sys::ERR_clear_error() };
        }
        ok == 1
    }
}
