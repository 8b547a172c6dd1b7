//! `Key::load` (PEM, DER, bare base64, PKCS#12, encrypted PKCS#8/PEM, Allinpay text), through the
//! Rust API and the C ABI, which must agree.
//!
//! Input: one selector byte, then the key data. Selector (mod 4): 0 no password, 1 "123456"
//! (the sandbox PKCS#12 files' password), 2 the empty password, 3 the password is the data up
//! to its first NUL byte and the key data follows it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paysign::ffi::keys::{paysign_key_free, paysign_key_load};
use paysign::{Key, Status};
use std::ffi::CString;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let (password, key_data): (Option<String>, &[u8]) = match sel % 4 {
        0 => (None, rest),
        1 => (Some("123456".into()), rest),
        2 => (Some(String::new()), rest),
        _ => match rest.iter().position(|&b| b == 0) {
            Some(i) => (Some(String::from_utf8_lossy(&rest[..i]).into_owned()), &rest[i + 1..]),
            None => (None, rest),
        },
    };
    let rust = Key::load(key_data, password.as_deref());
    match &rust {
        Ok(key) => {
            let info = key.info();
            assert!(!key.is_secret());
            assert!((1024..=8192).contains(&info.bits), "accepted a {}-bit key", info.bits);
            assert_eq!(info.public_sha256.len(), 64);
            let _ = format!("{key:?}");
        }
        Err(e) => assert_ne!(e.status, Status::PAYSIGN_OK),
    }

    // The same through the C ABI.
    let c_password = password.map(|p| CString::new(p.replace('\0', "")).unwrap());
    let mut out = std::ptr::null_mut();
    let status = unsafe {
        paysign_key_load(
            key_data.as_ptr(),
            key_data.len(),
            c_password.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
            &mut out,
        )
    };
    let expected = rust.as_ref().map_or_else(|e| e.status, |_| Status::PAYSIGN_OK);
    assert_eq!(status, expected, "C ABI and Rust API disagree");
    assert_eq!(out.is_null(), status != Status::PAYSIGN_OK);
    unsafe { paysign_key_free(out) };
});
