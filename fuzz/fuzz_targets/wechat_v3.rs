//! WeChat Pay API v3 received messages: `verify` of arbitrary headers and body, then
//! `decrypt_resource` and the certificate-download parser on the same body, each through the
//! Rust API and the C ABI, which must agree.
//!
//! Input: one selector byte, then `timestamp\0nonce\0signature\0serial\0body` (missing fields
//! are empty). Selector bits 0-1: the key (the DERIVED platform certificate, the WeChat Pay
//! public key, the merchant private key, a secret); bits 2-3: the options (`now=1700000000`,
//! the default window, `window=0`, a pinned `key_id`); bit 4: the APIv3 key is cut to 31 bytes.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use common::{status_of, verdict_status};
use libfuzzer_sys::fuzz_target;
use paysign::ffi::keys::{paysign_key, paysign_key_load, paysign_key_secret};
use paysign::ffi::wechat_v3::{paysign_wechat_v3_certificates, paysign_wechat_v3_decrypt, paysign_wechat_v3_verify};
use paysign::wechat_v3::{self, Headers, VerifyOptions};
use paysign::{Key, Status};
use std::ffi::CString;
use std::sync::OnceLock;

const KEYS: [&[u8]; 3] = [
    include_bytes!("../../testdata/wechat_v3/derived_platform_certificate.pem"),
    include_bytes!("../../testdata/wechat_v3/wechat_pay_public_key.pem"),
    include_bytes!("../../testdata/wechat_v3/merchant_private_key.pem"),
];
const SECRET: &str = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
const APIV3_KEY: &[u8] = SECRET.as_bytes();
const OPTIONS: [&str; 4] = [
    "now=1700000000",
    "",
    "window=0",
    "now=1700000000&key_id=PUB_KEY_ID_0114232134912410000000000000",
];

/// The keys as (Rust key, C handle address); never freed.
fn keys() -> &'static [(Key, usize)] {
    static K: OnceLock<Vec<(Key, usize)>> = OnceLock::new();
    K.get_or_init(|| {
        let mut v = Vec::new();
        for d in KEYS {
            let mut out = std::ptr::null_mut();
            let st = unsafe { paysign_key_load(d.as_ptr(), d.len(), std::ptr::null(), &mut out) };
            assert_eq!(st, Status::PAYSIGN_OK);
            v.push((Key::load(d, None).unwrap(), out as usize));
        }
        let c = CString::new(SECRET).unwrap();
        let mut out = std::ptr::null_mut();
        assert_eq!(unsafe { paysign_key_secret(c.as_ptr(), &mut out) }, Status::PAYSIGN_OK);
        v.push((Key::secret(SECRET).unwrap(), out as usize));
        v
    })
}

/// A text-returning (body, APIv3 key) C call.
fn c_text(
    call: unsafe extern "C" fn(*const u8, usize, *const u8, usize, *mut std::ffi::c_char, usize, *mut usize) -> Status,
    body: &[u8],
    k: &[u8],
) -> (Status, Option<String>) {
    common::c_text(|buf, cap, out| unsafe { call(body.as_ptr(), body.len(), k.as_ptr(), k.len(), buf, cap, out) })
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let mut parts = rest.splitn(5, |&b| b == 0);
    let mut field = || std::str::from_utf8(parts.next().unwrap_or(b"")).ok().map(str::to_owned);
    let (Some(timestamp), Some(nonce), Some(signature), Some(serial)) = (field(), field(), field(), field()) else {
        return;
    };
    let body = parts.next().unwrap_or(b"");
    let (key, c_key) = &keys()[usize::from(sel & 3)];
    let options = OPTIONS[usize::from((sel >> 2) & 3)];
    let apiv3: &[u8] = if sel & 16 != 0 { &APIV3_KEY[..31] } else { APIV3_KEY };

    // verify
    let h = Headers {
        timestamp: &timestamp,
        nonce: &nonce,
        signature: &signature,
        serial: &serial,
    };
    let o = VerifyOptions::parse(options).unwrap();
    let rust = wechat_v3::verify(&h, body, key, &o);
    let expected = verdict_status(&rust);
    let c = |s: &str| CString::new(s).unwrap();
    let (ct, cn, cs, cse, co) = (c(&timestamp), c(&nonce), c(&signature), c(&serial), c(options));
    let status = unsafe {
        paysign_wechat_v3_verify(
            ct.as_ptr(),
            cn.as_ptr(),
            cs.as_ptr(),
            cse.as_ptr(),
            body.as_ptr(),
            body.len(),
            *c_key as *const paysign_key,
            co.as_ptr(),
        )
    };
    assert_eq!(status, expected, "verify: C ABI and Rust API disagree");

    // decrypt the resource
    let rust = wechat_v3::decrypt_resource(body, apiv3);
    let (status, text) = c_text(paysign_wechat_v3_decrypt, body, apiv3);
    assert_eq!(status, status_of(&rust), "decrypt: C ABI and Rust API disagree");
    assert_eq!(text.as_ref(), rust.as_ref().ok());

    // the certificate download
    let rust = wechat_v3::download_certificates(body, apiv3);
    let (status, text) = c_text(paysign_wechat_v3_certificates, body, apiv3);
    assert_eq!(status, status_of(&rust), "certificates: C ABI and Rust API disagree");
    if let Ok(certs) = &rust {
        for cert in certs {
            let k = Key::load(cert.pem.as_bytes(), None).expect("a returned PEM loads");
            let serial = &k.cert().expect("a returned PEM is a certificate").serial_hex;
            assert!(serial.eq_ignore_ascii_case(&cert.serial_no), "serial_no differs");
        }
        let list: Vec<serde_json::Value> = serde_json::from_str(&text.unwrap()).expect("the C text is JSON");
        assert_eq!(list.len(), certs.len());
    }
});
