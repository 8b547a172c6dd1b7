//! Inputs shared by the benchmarks: the shared vectors in testdata/vectors and messages built
//! from them (notifications signed here with the vectors' test keys, forms of a given size).
#![allow(dead_code)]

use paysign::{Charset, Format, Key, Options, Params};
use serde_json::Value;
use std::path::PathBuf;
use std::time::Duration;

/// Short runs: the whole `cargo bench` stays within about three minutes on two cores.
pub fn criterion() -> criterion::Criterion {
    criterion::Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
        .without_plots()
}

pub fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/vectors")
}

pub fn key_bytes(name: &str) -> Vec<u8> {
    std::fs::read(vectors_dir().join("keys").join(name)).expect("key file")
}

pub fn load_key(name: &str, password: Option<&str>) -> Key {
    Key::load(&key_bytes(name), password).expect("key loads")
}

/// The case `id` of the vector file `file`.
pub fn case(file: &str, id: &str) -> Value {
    let doc: Value = serde_json::from_slice(&std::fs::read(vectors_dir().join(file)).expect("vector file")).unwrap();
    doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no case {id} in {file}"))
        .clone()
}

/// The vector's fields, set as a merchant's code sets them (`Params::set`: names unique).
pub fn params_of(c: &Value) -> Params {
    let pairs = c["params"].as_array().unwrap();
    Params::from_pairs(pairs.iter().map(|p| (p[0].as_str().unwrap(), p[1].as_str().unwrap())))
}

pub fn options(text: &str) -> Options {
    Options::parse(text).expect("options")
}

/// The 99bill test merchant 10012140356: RSA-2048 private key (PFX) and its certificate.
pub fn kq_private() -> Key {
    load_key("99bill_10012140356.pfx", Some("123456"))
}

pub fn kq_public() -> Key {
    load_key("99bill_10012140356_cert.pem", None)
}

/// A 99bill RMB gateway bgUrl notification with signType 4, signed with the test merchant's
/// key (SHA256withRSA, as the CFCA-era gateway signs), as the raw query 99bill sends.
pub fn kq_rsa_notify_query() -> Vec<u8> {
    let mut p = params_of(&case("99bill.json", "99bill-md5-callback-midpay"));
    p.set("signType", "4");
    p.set("merchantAcctId", "1001214035601");
    p.remove("signMsg");
    let profile = paysign::profile("99bill.pay.notify").unwrap();
    paysign::sign(profile, &Options::default(), &mut p, Some(&kq_private())).expect("sign notify");
    p.encode(Format::Form, Charset::Utf8).unwrap().into_bytes()
}

/// The MD5 notification of the vectors as the raw query 99bill sends.
pub fn kq_md5_notify_query() -> Vec<u8> {
    let p = params_of(&case("99bill.json", "99bill-md5-callback-midpay"));
    p.encode(Format::Form, Charset::Utf8).unwrap().into_bytes()
}

/// An Alipay OpenAPI trade notification (the field set of alipay.trade.page.pay's
/// notify_url POST), signed RSA2 with the yansongda test app key, as the raw form body.
pub fn alipay_notify_body() -> Vec<u8> {
    let mut p = Params::from_pairs([
        ("gmt_create", "2024-03-11 10:12:35"),
        ("charset", "utf-8"),
        ("seller_email", "merchant@example.com"),
        ("subject", "测试订单 iPhone 15 Pro 256G"),
        ("buyer_id", "2088102177846880"),
        ("invoice_amount", "88.88"),
        ("notify_id", "2024031101222101236094151424993291"),
        (
            "fund_bill_list",
            "[{\"amount\":\"88.88\",\"fundChannel\":\"ALIPAYACCOUNT\"}]",
        ),
        ("notify_type", "trade_status_sync"),
        ("trade_status", "TRADE_SUCCESS"),
        ("receipt_amount", "88.88"),
        ("buyer_pay_amount", "88.88"),
        ("app_id", "2016082000295641"),
        ("sign_type", "RSA2"),
        ("seller_id", "2088102177649450"),
        ("gmt_payment", "2024-03-11 10:12:36"),
        ("notify_time", "2024-03-11 10:12:37"),
        ("version", "1.0"),
        ("out_trade_no", "20240311101233451234"),
        ("total_amount", "88.88"),
        ("trade_no", "2024031122001446880501234567"),
        ("auth_app_id", "2016082000295641"),
        ("buyer_logon_id", "csq***@sandbox.com"),
        ("point_amount", "0.00"),
    ]);
    let private = load_key("alipay_yansongda_app_private_pkcs1.pem", None);
    let profile = paysign::profile("alipay.openapi.notify").unwrap();
    paysign::sign(profile, &Options::default(), &mut p, Some(&private)).expect("sign notify");
    p.encode(Format::Form, Charset::Utf8).unwrap().into_bytes()
}

/// A form body of at least `size` bytes in `charset`: a 99bill-style request with Chinese
/// product, payer and address fields, repeated under numbered names until it is long enough.
pub fn form_body(size: usize, charset: Charset) -> Vec<u8> {
    let base = params_of(&case("99bill.json", "99bill-rsa-sha256-request-10012140356-pfx"));
    let extra = [
        ("productDesc", "华为 Mate 60 Pro 12GB+512GB 雅川青 全网通"),
        ("address", "上海市浦东新区张江高科技园区碧波路 690 号 3 号楼"),
        ("remark", "请于工作日送货，谢谢！"),
    ];
    let mut p = Params::new();
    for (n, v) in base.iter() {
        p.set(n, v);
    }
    let mut i = 0;
    while p.encode(Format::Form, charset).unwrap().len() < size {
        let (n, v) = extra[i % extra.len()];
        p.set(&format!("{n}{i}"), v);
        i += 1;
    }
    p.encode(Format::Form, charset).unwrap().into_bytes()
}
