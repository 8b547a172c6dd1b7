//! `verify_body` for every profile, through the Rust API and the C ABI, which must agree.
//!
//! Input: four selector bytes, then the body as received.
//! 0: the profile (index mod count, in `paysign profiles` order);
//! 1: the key (index mod count: none, the vectors' secrets, public keys, private keys);
//! 2: bits 0-1 the format (form, xml, json, form), bits 2-4 the charset (declared/default,
//!    utf-8, gbk, gb18030, gb2312);
//! 3: the options (index mod count).
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use paysign::ffi::params::paysign_params_free;
use paysign::ffi::sign::paysign_verify_body;
use paysign::{Options, Status, Verdict};
use std::ffi::CString;

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (sel, body) = data.split_at(4);
    let profiles = common::profiles();
    let keys = common::keys();
    let p = profiles[usize::from(sel[0]) % profiles.len()];
    let key = keys[usize::from(sel[1]) % keys.len()].as_ref();
    let format = common::FORMATS[usize::from(sel[2] & 3)];
    let charset = common::CHARSETS[usize::from((sel[2] >> 2) & 7)];
    let options = common::OPTIONS[usize::from(sel[3]) % common::OPTIONS.len()];
    let opts = Options::parse(options).unwrap();

    let rust = paysign::verify_body(p, &opts, body, format, charset, key);
    let expected = match &rust {
        Ok((Verdict::Valid, _)) => Status::PAYSIGN_OK,
        Ok((Verdict::Invalid(_), _)) => Status::PAYSIGN_BAD_SIGNATURE,
        Err(e) => {
            assert!(!e.message.is_empty(), "an error without a message");
            e.status
        }
    };
    if let Ok((Verdict::Valid, params)) = &rust {
        // What verified must verify again from the parsed fields.
        let again = paysign::verify(p, &opts, params, key).expect("verify of parsed params");
        assert!(again.is_valid(), "verify_body valid but verify not");
    }

    // The same call through the C ABI.
    let c_profile = CString::new(p.id).unwrap();
    let c_options = CString::new(options).unwrap();
    let c_format = CString::new(format.name()).unwrap();
    let c_charset = charset.map(|c| CString::new(c.name()).unwrap());
    let c_key = common::c_keys()[usize::from(sel[1]) % keys.len()] as *const paysign::ffi::keys::paysign_key;
    let mut out = std::ptr::null_mut();
    let status = unsafe {
        paysign_verify_body(
            c_profile.as_ptr(),
            c_options.as_ptr(),
            body.as_ptr(),
            body.len(),
            c_format.as_ptr(),
            c_charset.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            c_key,
            &mut out,
        )
    };
    assert_eq!(status, expected, "C ABI and Rust API disagree for {}", p.id);
    assert_eq!(out.is_null(), status != Status::PAYSIGN_OK);
    unsafe { paysign_params_free(out) };
});
