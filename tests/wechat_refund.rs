//! WeChat Pay v2 refund notifications: `req_info` decryption on the fixtures in
//! testdata/wechatpay (sources: testdata/wechatpay/SOURCES.md), through Rust and the C ABI,
//! with altered, cut-short and wrong-key twins.

use base64::Engine;
use paysign::digest;
use paysign::ffi::keys::{paysign_key, paysign_key_free, paysign_key_load, paysign_key_secret};
use paysign::ffi::params::{paysign_params, paysign_params_count, paysign_params_free};
use paysign::ffi::wechatpay::paysign_wechat_refund_decrypt;
use paysign::params::{Duplicates, Format};
use paysign::profile::Case;
use paysign::wechatpay::{decrypt_refund_notify, decrypt_req_info};
use paysign::{Charset, Key, Params, Status};
use std::ffi::CString;

/// go-pay/gopay wechat/payment_api_test.go TestDecryptRefundNotifyReqInfo.
const GOPAY_KEY: &str = "ziR0QKsTUfMOuochC9RfCdmfHECorQAP";
/// go-pay/gopay wechat/client_test.go: the key of derived_fullpad_notify.xml.
const OTHER_KEY: &str = "GFDS8j98rewnmgl45wHTt980jg543wmg";

fn data(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/testdata/wechatpay/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn req_info() -> String {
    String::from_utf8(data("gopay_req_info.txt"))
        .unwrap()
        .trim()
        .to_string()
}

fn key(s: &str) -> Key {
    Key::secret(s).unwrap()
}

fn status<T>(r: paysign::Result<T>) -> Status {
    r.err().map_or(Status::PAYSIGN_OK, |e| e.status)
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn ciphertext() -> Vec<u8> {
    base64::engine::general_purpose::STANDARD.decode(req_info()).unwrap()
}

/// The notification body around another req_info.
fn notify_with(req_info: &str) -> Vec<u8> {
    let body = String::from_utf8(data("derived_refund_notify.xml")).unwrap();
    body.replace(&self::req_info(), req_info).into_bytes()
}

#[test]
fn gopay_req_info_decrypts_to_the_openssl_plaintext() {
    let got = decrypt_req_info(&key(GOPAY_KEY), &req_info()).unwrap();
    // The plaintext as `openssl enc -d -aes-256-ecb` gives it (make_derived.py checks that).
    let want = Params::parse(
        &data("gopay_refund_req_info.xml"),
        Format::Xml,
        Charset::Utf8,
        Duplicates::Reject,
    )
    .unwrap();
    assert_eq!(got.iter().collect::<Vec<_>>(), want.iter().collect::<Vec<_>>());
    assert_eq!(got.len(), 13);
    assert_eq!(got.name_at(0), Some("out_refund_no"));
    assert_eq!(got.get("out_refund_no"), Some("50fd012ed1b311e7af7800163e32c503"));
    assert_eq!(got.get("out_trade_no"), Some("4893e76d8c8b434cb64e9cd536338e33"));
    assert_eq!(got.get("refund_id"), Some("50000404922017112502468056157"));
    assert_eq!(got.get("transaction_id"), Some("4200000015201711256947025404"));
    assert_eq!(got.get("refund_status"), Some("SUCCESS"));
    assert_eq!(got.get("refund_fee"), Some("6"));
    assert_eq!(got.get("refund_recv_accout"), Some("支付用户零钱"));
    assert_eq!(got.get("success_time"), Some("2017-11-25 15:36:17"));
}

#[test]
fn whole_notification_hands_back_outer_then_decrypted_fields() {
    let got = decrypt_refund_notify(&key(GOPAY_KEY), &data("derived_refund_notify.xml")).unwrap();
    assert_eq!(got.len(), 4 + 13);
    let names: Vec<_> = (0..5).map(|i| got.name_at(i).unwrap()).collect();
    assert_eq!(names, ["return_code", "appid", "mch_id", "nonce_str", "out_refund_no"]);
    assert_eq!(got.get("req_info"), None);
    assert_eq!(got.get("return_code"), Some("SUCCESS"));
    assert_eq!(got.get("mch_id"), Some("10000100"));
    assert_eq!(got.get("refund_status"), Some("SUCCESS"));
    assert_eq!(got.name_at(16), Some("transaction_id"));
}

#[test]
fn a_whole_padding_block_is_removed() {
    let got = decrypt_refund_notify(&key(OTHER_KEY), &data("derived_fullpad_notify.xml")).unwrap();
    assert_eq!(got.len(), 4 + 2);
    assert_eq!(got.get("out_refund_no"), Some("R1"));
    assert_eq!(got.get("refund_status"), Some("CHANGE"));
}

#[test]
fn wrong_key_is_a_decrypt_error_without_key_material() {
    for (api_key, body) in [
        (OTHER_KEY, data("derived_refund_notify.xml")),
        (GOPAY_KEY, data("derived_fullpad_notify.xml")),
        // The upper-case hex key a broken implementation uses is not the secret either.
        ("ZIR0QKSTUFMOUOCHC9RFCDMFHECORQAP", data("derived_refund_notify.xml")),
    ] {
        let e = decrypt_refund_notify(&key(api_key), &body).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_DECRYPT_ERROR, "{api_key}: {}", e.message);
        assert!(e.message.contains("req_info"), "{}", e.message);
        let md5hex = digest::hex(&digest::md5(api_key.as_bytes()), Case::Lower);
        assert!(
            !e.message.contains(api_key) && !e.message.contains(&md5hex),
            "{}",
            e.message
        );
    }
}

#[test]
fn cut_short_or_altered_ciphertext_is_a_decrypt_error() {
    let ct = ciphertext();
    assert_eq!(ct.len(), 832);
    let k = key(GOPAY_KEY);
    let cases: Vec<(&str, String)> = vec![
        ("cut to 830 bytes", b64(&ct[..830])),
        ("last block dropped", b64(&ct[..816])),
        ("one block", b64(&ct[..16])),
        ("base64 text cut by 4", req_info()[..req_info().len() - 4].to_string()),
        ("first block altered", {
            let mut c = ct.clone();
            c[3] ^= 0x01;
            b64(&c)
        }),
        ("last block altered", {
            let mut c = ct.clone();
            c[831] ^= 0x80;
            b64(&c)
        }),
        ("blocks swapped at the start", {
            let mut c = ct.clone();
            c[..32].rotate_left(16);
            b64(&c)
        }),
    ];
    for (what, ri) in cases {
        let s = status(decrypt_req_info(&k, &ri));
        assert_eq!(s, Status::PAYSIGN_DECRYPT_ERROR, "{what}");
        assert_eq!(
            status(decrypt_refund_notify(&k, &notify_with(&ri))),
            Status::PAYSIGN_DECRYPT_ERROR,
            "{what} (whole body)"
        );
    }
}

#[test]
fn bad_notifications_have_precise_statuses() {
    let k = key(GOPAY_KEY);
    let body = data("derived_refund_notify.xml");
    let text = String::from_utf8(body.clone()).unwrap();
    let no_req_info = text.replace(&format!("<req_info><![CDATA[{}]]></req_info>", req_info()), "");
    let e = decrypt_refund_notify(&k, no_req_info.as_bytes()).unwrap_err();
    assert_eq!(
        (e.status, e.message.as_str()),
        (Status::PAYSIGN_MISSING_FIELD, "field 'req_info' is missing or empty")
    );
    assert_eq!(
        status(decrypt_refund_notify(&k, &notify_with(""))),
        Status::PAYSIGN_MISSING_FIELD
    );
    let e = decrypt_refund_notify(&k, &notify_with("not base64!")).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD, "{}", e.message);
    assert!(e.message.contains("req_info"), "{}", e.message);
    // A refund field outside req_info as well as inside it: which one would the merchant read?
    let twice = text.replace("<return_code>", "<refund_status>CHANGE</refund_status><return_code>");
    let e = decrypt_refund_notify(&k, twice.as_bytes()).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_DUPLICATE_FIELD, "{}", e.message);
    assert!(e.message.contains("refund_status"), "{}", e.message);
    let two_req_infos = text.replace("<return_code>", "<req_info>x</req_info><return_code>");
    assert_eq!(
        status(decrypt_refund_notify(&k, two_req_infos.as_bytes())),
        Status::PAYSIGN_DUPLICATE_FIELD
    );
    assert_eq!(
        status(decrypt_refund_notify(&k, b"<xml><req_info>")),
        Status::PAYSIGN_MALFORMED_INPUT
    );
    assert_eq!(
        status(decrypt_refund_notify(&k, &body[..body.len() - 3])),
        Status::PAYSIGN_MALFORMED_INPUT
    );
    let cert = std::fs::read(format!(
        "{}/testdata/vectors/keys/99bill.cert.rsa.20340630.cer",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let rsa = Key::load(&cert, None).unwrap();
    assert_eq!(status(decrypt_refund_notify(&rsa, &body)), Status::PAYSIGN_KEY_MISMATCH);
    assert_eq!(
        status(decrypt_req_info(&rsa, &req_info())),
        Status::PAYSIGN_KEY_MISMATCH
    );
}

unsafe fn c_decrypt(key: *const paysign_key, body: &[u8]) -> (Status, *mut paysign_params) {
    let mut out: *mut paysign_params = std::ptr::null_mut();
    let s = paysign_wechat_refund_decrypt(key, body.as_ptr(), body.len(), &mut out);
    (s, out)
}

#[test]
fn c_abi_decrypts_and_checks_its_arguments() {
    unsafe {
        let secret = CString::new(GOPAY_KEY).unwrap();
        let mut k: *mut paysign_key = std::ptr::null_mut();
        assert_eq!(paysign_key_secret(secret.as_ptr(), &mut k), Status::PAYSIGN_OK);
        let (s, out) = c_decrypt(k, &data("derived_refund_notify.xml"));
        assert_eq!(s, Status::PAYSIGN_OK);
        assert_eq!(paysign_params_count(out), 17);
        paysign_params_free(out);

        let (s, out) = c_decrypt(k, &data("derived_fullpad_notify.xml"));
        assert_eq!((s, out.is_null()), (Status::PAYSIGN_DECRYPT_ERROR, true));
        let (s, out) = c_decrypt(k, &notify_with(&b64(&ciphertext()[..830])));
        assert_eq!((s, out.is_null()), (Status::PAYSIGN_DECRYPT_ERROR, true));

        let body = data("derived_refund_notify.xml");
        let mut out: *mut paysign_params = std::ptr::dangling_mut(); // cleared on error
        let s = paysign_wechat_refund_decrypt(std::ptr::null(), body.as_ptr(), body.len(), &mut out);
        assert_eq!((s, out.is_null()), (Status::PAYSIGN_NULL_ARGUMENT, true));
        let s = paysign_wechat_refund_decrypt(k, std::ptr::null(), 10, &mut out);
        assert_eq!(s, Status::PAYSIGN_NULL_ARGUMENT);
        let s = paysign_wechat_refund_decrypt(k, std::ptr::null(), 0, &mut out);
        assert_eq!(s, Status::PAYSIGN_MALFORMED_INPUT);
        let s = paysign_wechat_refund_decrypt(k, body.as_ptr(), body.len(), std::ptr::null_mut());
        assert_eq!(s, Status::PAYSIGN_NULL_ARGUMENT);

        let cert = std::fs::read(format!(
            "{}/testdata/vectors/keys/99bill.cert.rsa.20340630.cer",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let mut rsa: *mut paysign_key = std::ptr::null_mut();
        assert_eq!(
            paysign_key_load(cert.as_ptr(), cert.len(), std::ptr::null(), &mut rsa),
            Status::PAYSIGN_OK
        );
        assert_eq!(c_decrypt(rsa, &body).0, Status::PAYSIGN_KEY_MISMATCH);
        paysign_key_free(rsa);
        paysign_key_free(k);
    }
}
