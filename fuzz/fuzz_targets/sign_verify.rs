//! Sign then verify, for every profile: whatever `sign` accepts and signs must verify with the
//! same key, and the C ABI must produce the same signature for secret keys.
//!
//! Input: three selector bytes, then a form body (UTF-8) holding the fields.
//! 0: the profile (index mod count); 1: the key (index mod count: none, the vectors' secrets,
//! public keys, private keys); 2: the options (index mod count).
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use paysign::ffi::params::{paysign_params_free, paysign_params_new, paysign_params_set};
use paysign::ffi::sign::paysign_sign;
use paysign::params::Duplicates;
use paysign::{Charset, Format, Options, Params, Status};
use std::ffi::{c_char, CStr, CString};

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let (sel, body) = data.split_at(3);
    let profiles = common::profiles();
    let keys = common::keys();
    let p = profiles[usize::from(sel[0]) % profiles.len()];
    let key_index = usize::from(sel[1]) % keys.len();
    let key = keys[key_index].as_ref();
    let options = common::OPTIONS[usize::from(sel[2]) % common::OPTIONS.len()];
    let opts = Options::parse(options).unwrap();
    let Ok(fields) = Params::parse(body, Format::Form, Charset::Utf8, Duplicates::Reject) else {
        return;
    };

    let mut params = fields.clone();
    let signed = paysign::sign(p, &opts, &mut params, key);
    let Ok(sig) = signed else {
        return;
    };
    if !opts.second {
        // hmac_safe=1 asks for a second signature that `sign` does not make.
        match paysign::verify(p, &opts, &params, key) {
            Ok(v) => assert!(
                v.is_valid(),
                "{}: signed with {options:?} but does not verify: {v:?}",
                p.id
            ),
            Err(e) => panic!("{}: signed with {options:?} but verify fails: {e}", p.id),
        }
    }

    // The C ABI gives the same signature (secret keys only: RSA signing is slow).
    if key.is_some_and(|k| !k.is_secret()) {
        return;
    }
    let c = paysign_params_new();
    for (name, value) in fields.iter() {
        let (n, v) = (CString::new(name).unwrap(), CString::new(value).unwrap());
        assert_eq!(
            unsafe { paysign_params_set(c, n.as_ptr(), v.as_ptr()) },
            Status::PAYSIGN_OK
        );
    }
    let c_profile = CString::new(p.id).unwrap();
    let c_options = CString::new(options).unwrap();
    let c_key = common::c_keys()[key_index] as *const paysign::ffi::keys::paysign_key;
    let mut buf = vec![0 as c_char; sig.len() + 1];
    let mut n = 0usize;
    let st = unsafe {
        paysign_sign(
            c_profile.as_ptr(),
            c_options.as_ptr(),
            c,
            c_key,
            buf.as_mut_ptr(),
            buf.len(),
            &mut n,
        )
    };
    assert_eq!(st, Status::PAYSIGN_OK, "{}: C ABI sign failed", p.id);
    assert_eq!(n, sig.len());
    assert_eq!(unsafe { CStr::from_ptr(buf.as_ptr()) }.to_str().unwrap(), sig);
    unsafe { paysign_params_free(c) };
});
