//! UnionPay ACP: `paysign_unionpay_verify_body` over arbitrary bodies against the committed
//! test root and middle certificates, and `paysign_unionpay_cert_id` over keys loaded from
//! arbitrary bytes, each through the Rust API and the C ABI, which must agree.
//!
//! Input: one selector byte, then the body (or the key bytes). Selector bit 0: the profile
//! (notify, response); bits 1-2: the options (OPTIONS); bit 3: no root/middle given; bit 4:
//! the verify key (the 2015 test verify certificate of the 5.0.0 vectors) given; bit 5: the rest is key bytes for
//! cert_id instead of a body.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use common::{c_text, status_of, verdict_status};
use libfuzzer_sys::fuzz_target;
use paysign::ffi::keys::{paysign_key, paysign_key_free, paysign_key_load};
use paysign::ffi::unionpay::{paysign_unionpay_cert_id, paysign_unionpay_verify_body};
use paysign::{signer, unionpay, Format, Key, Options, Status};
use std::ffi::CString;
use std::sync::OnceLock;

const ROOT: &[u8] = include_bytes!("../../testdata/unionpay/acp_test_root.pem");
const MIDDLE: &[u8] = include_bytes!("../../testdata/unionpay/acp_test_middle.pem");
const VERIFY: &[u8] = include_bytes!("../../testdata/vectors/keys/unionpay_acp_test_verify_2015.pem");
const PROFILES: [&str; 2] = ["unionpay.acp.notify", "unionpay.acp.response"];
/// tests/unionpay.rs: the test chain is valid in October 2017 with the test owner accepted.
const OPTIONS: [&str; 4] = ["now=1509400000&test_cn=1", "now=1704441600", "now=1509400000", ""];

/// The verify key as (Rust key, C handle address); never freed.
fn verify_key() -> &'static (Key, usize) {
    static K: OnceLock<(Key, usize)> = OnceLock::new();
    K.get_or_init(|| {
        let mut out = std::ptr::null_mut();
        let st = unsafe { paysign_key_load(VERIFY.as_ptr(), VERIFY.len(), std::ptr::null(), &mut out) };
        assert_eq!(st, Status::PAYSIGN_OK);
        (Key::load(VERIFY, None).unwrap(), out as usize)
    })
}

fn cert_id(data: &[u8]) {
    let rust = Key::load(data, None);
    let mut out: *mut paysign_key = std::ptr::null_mut();
    let st = unsafe { paysign_key_load(data.as_ptr(), data.len(), std::ptr::null(), &mut out) };
    assert_eq!(st, status_of(&rust), "key_load: C ABI and Rust API disagree");
    let Ok(key) = rust else {
        assert!(out.is_null());
        return;
    };
    let rust = unionpay::cert_id(&key);
    let (st, text) = c_text(|b, cap, n| unsafe { paysign_unionpay_cert_id(out, b, cap, n) });
    unsafe { paysign_key_free(out) };
    assert_eq!(st, status_of(&rust), "cert_id: C ABI and Rust API disagree");
    if let Ok(id) = &rust {
        assert!(
            !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()),
            "certId not decimal: {id}"
        );
        assert_eq!(text.as_ref(), Some(id));
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    if sel & 32 != 0 {
        return cert_id(body);
    }
    let profile = PROFILES[usize::from(sel & 1)];
    let options = OPTIONS[usize::from((sel >> 1) & 3)];
    let trust = (sel & 8 == 0).then_some((ROOT, MIDDLE));
    let key = (sel & 16 != 0).then(verify_key);

    let p = signer::profile(profile).unwrap();
    let o = Options::parse(options).unwrap();
    let rust = signer::parse_body(p, &o, body, Format::Form, None)
        .and_then(|params| unionpay::verify(p, &o, &params, trust, key.map(|k| &k.0)));
    let (cp, co) = (CString::new(profile).unwrap(), CString::new(options).unwrap());
    let (rp, rl, mp, ml) = match trust {
        Some((r, m)) => (r.as_ptr(), r.len(), m.as_ptr(), m.len()),
        None => (std::ptr::null(), 0, std::ptr::null(), 0),
    };
    let kp = key.map_or(std::ptr::null(), |k| k.1 as *const paysign_key);
    let st = unsafe {
        paysign_unionpay_verify_body(cp.as_ptr(), body.as_ptr(), body.len(), rp, rl, mp, ml, kp, co.as_ptr())
    };
    assert_eq!(st, verdict_status(&rust), "verify_body: C ABI and Rust API disagree");
});
