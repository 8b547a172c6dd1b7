//! `decrypt_refund_notify` (WeChat Pay v2 refund notification: the XML body, its `req_info`
//! AES-256-ECB under MD5 of the API key), through the Rust API and the C ABI, which must agree.
//!
//! Input: one selector byte, then the body as received. Selector (mod 4): the API key of
//! `testdata/wechatpay/derived_refund_notify.xml` (gopay's), of `derived_fullpad_notify.xml`,
//! another secret, an RSA public key (KEY_MISMATCH).
#![no_main]

use libfuzzer_sys::fuzz_target;
use paysign::ffi::keys::{paysign_key, paysign_key_load, paysign_key_secret};
use paysign::ffi::params::{paysign_params_count, paysign_params_free};
use paysign::ffi::wechatpay::paysign_wechat_refund_decrypt;
use paysign::{Key, Status};
use std::sync::OnceLock;

const SECRETS: [&str; 3] = [
    "ziR0QKsTUfMOuochC9RfCdmfHECorQAP",
    "GFDS8j98rewnmgl45wHTt980jg543wmg",
    "192006250b4c09247ec02edce69f6a2d",
];
const PUBLIC: &[u8] = include_bytes!("../../testdata/wechat_v3/wechat_pay_public_key.pem");

/// The keys as (Rust key, C handle address); never freed.
fn keys() -> &'static [(Key, usize)] {
    static K: OnceLock<Vec<(Key, usize)>> = OnceLock::new();
    K.get_or_init(|| {
        let mut v = Vec::new();
        for s in SECRETS {
            let c = std::ffi::CString::new(s).unwrap();
            let mut out = std::ptr::null_mut();
            assert_eq!(unsafe { paysign_key_secret(c.as_ptr(), &mut out) }, Status::PAYSIGN_OK);
            v.push((Key::secret(s).unwrap(), out as usize));
        }
        let mut out = std::ptr::null_mut();
        let st = unsafe { paysign_key_load(PUBLIC.as_ptr(), PUBLIC.len(), std::ptr::null(), &mut out) };
        assert_eq!(st, Status::PAYSIGN_OK);
        v.push((Key::load(PUBLIC, None).unwrap(), out as usize));
        v
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let (key, c_key) = &keys()[usize::from(sel) % 4];
    let rust = paysign::wechatpay::decrypt_refund_notify(key, body);
    let expected = match &rust {
        Ok(fields) => {
            assert!(fields.get("req_info").is_none(), "req_info left in the result");
            for (name, _) in fields.iter() {
                assert!(!name.is_empty() && !name.contains('\0'), "bad field name");
            }
            Status::PAYSIGN_OK
        }
        Err(e) => {
            assert!(!e.message.is_empty(), "an error without a message");
            assert_ne!(e.status, Status::PAYSIGN_PANIC);
            e.status
        }
    };
    let mut out = std::ptr::null_mut();
    let status =
        unsafe { paysign_wechat_refund_decrypt(*c_key as *const paysign_key, body.as_ptr(), body.len(), &mut out) };
    assert_eq!(status, expected, "C ABI and Rust API disagree");
    assert_eq!(out.is_null(), status != Status::PAYSIGN_OK);
    if let Ok(fields) = &rust {
        assert_eq!(unsafe { paysign_params_count(out) }, fields.len());
    }
    unsafe { paysign_params_free(out) };
});
