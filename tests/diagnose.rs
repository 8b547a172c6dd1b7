//! `paysign::diagnose`: for each known mistake, a message made wrong in exactly that one way
//! (from the open vectors and keys in testdata/vectors) for which the diagnosis must name that
//! cause; correct messages for which it must find nothing wrong; and the C ABI and CLI around it.

mod common;
use common::*;
use paysign::diagnose::{self, Mode, Request, MAX_VARIANTS};
use paysign::profile::{Empty, Layout, Method, Methods, Profile};
use paysign::{Charset, Format, Key, Options, Params};
use serde_json::Value;
use std::ffi::CString;

/// 2026-01-01T00:00:00Z: fixed so that the expiry checks do not move with the clock.
const NOW: i64 = 1_767_225_600;

/// Secrets used in these tests; none may appear in any report.
const SECRETS: &[&str] = &[
    "APPSECRET",
    "hello-secret-7c1",
    "192006250b4c09247ec02edce69f6a2d",
    "hfgd_83yt_90hb_gf98n",
    "yeepay-test-secret",
    "8934e7d15453e97507ef794cf7b0519d",
    "c71530d016b3475579da8af971f7ca6c",
];

struct Run<'a> {
    profile: &'a str,
    options: &'a str,
    body: Vec<u8>,
    format: Format,
    charset: Option<Charset>,
    key: Option<&'a Key>,
    mode: Mode,
    extra: Vec<(&'a str, &'a Key)>,
}

impl<'a> Run<'a> {
    fn form(profile: &'a str, body: impl Into<Vec<u8>>, key: Option<&'a Key>) -> Run<'a> {
        Run {
            profile,
            options: "",
            body: body.into(),
            format: Format::Form,
            charset: None,
            key,
            mode: Mode::Verify,
            extra: Vec::new(),
        }
    }

    fn go(&self) -> Value {
        let p = paysign::profile(self.profile).unwrap();
        let o = Options::parse(self.options).unwrap();
        let mut req = Request::new(p, &o, &self.body, self.format, self.charset, self.key);
        req.mode = self.mode;
        req.extra_keys = &self.extra;
        req.now = Some(NOW);
        let report = diagnose::diagnose(&req);
        let text = report.to_json_string();
        for s in SECRETS {
            assert!(!text.contains(s), "a secret leaked into the report: {text}");
        }
        let j: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(&j, report.json());
        assert_eq!(j["max_variants"], MAX_VARIANTS);
        assert!(j["variants_tried"].as_u64().unwrap() as usize <= MAX_VARIANTS, "{j:#}");
        assert_eq!(report.verdict(), j["verdict"].as_str().unwrap());
        assert_eq!(report.cause(), j["cause"].as_str());
        j
    }
}

fn secret(s: &str) -> Key {
    Key::secret(s).unwrap()
}

fn key_file(name: &str, password: Option<&str>) -> Key {
    Key::load_file(&key_path(name), password).unwrap()
}

fn pfx() -> Key {
    key_file("99bill_10012140356.pfx", Some("123456"))
}

fn merchant_cert() -> Key {
    key_file("99bill_10012140356_cert.pem", None)
}

fn form(params: &Params) -> Vec<u8> {
    params.encode(Format::Form, Charset::Utf8).unwrap().into_bytes()
}

/// Signs with a profile (maybe a changed copy) and returns the params with the signature set.
fn signed(p: &Profile, options: &str, mut params: Params, key: &Key) -> Params {
    paysign::sign(p, &Options::parse(options).unwrap(), &mut params, Some(key)).unwrap();
    params
}

fn profile(id: &str) -> &'static Profile {
    paysign::profile(id).unwrap()
}

fn without(params: &Params, name: &str) -> Params {
    let mut p = params.clone();
    p.remove(name);
    p
}

fn assert_cause(j: &Value, cause: &str) {
    assert_eq!(j["cause"], cause, "{j:#}");
    assert_ne!(j["verdict"], "valid", "{j:#}");
    // Conclusions without a variant; cert_id is one when nothing verifies.
    let conclusion =
        ["merchant_own_key", "key_expired", "none"].contains(&cause) || (cause == "cert_id" && j["confirmed"] == false);
    if !conclusion {
        assert_eq!(j["variant"]["cause"], cause, "{j:#}");
    }
    assert_eq!(j["confirmed"], j["variant"].is_object(), "{j:#}");
    assert!(j["explanation"].as_str().is_some_and(|e| !e.is_empty()), "{j:#}");
}

fn assert_valid(j: &Value) {
    assert_eq!(j["verdict"], "valid", "{j:#}");
    assert_eq!(j["cause"], Value::Null, "{j:#}");
    assert_eq!(j["confirmed"], Value::Null, "{j:#}");
    assert_eq!(j["variant"], Value::Null, "{j:#}");
    assert_eq!(j["variants_tried"], 0, "{j:#}");
}

/// The 99bill MD5 callback vector (ext1, ext2, errCode empty), signature removed.
fn kq_md5_notify() -> Params {
    without(&params_of(&case("99bill-md5-callback-midpay")), "signMsg")
}

/// A 99bill RSA callback for merchant 10012140356 (signType=4), unsigned.
fn kq_rsa_notify(acct: &str) -> Params {
    Params::from_pairs([
        ("merchantAcctId", acct),
        ("version", "v2.0"),
        ("language", "1"),
        ("signType", "4"),
        ("payType", "10"),
        ("bankId", "ICBC"),
        ("orderId", "KQ20190220134835"),
        ("orderTime", "20190220134835"),
        ("orderAmount", "1"),
        ("dealId", "2958873157"),
        ("bankDealId", "190220134916"),
        ("dealTime", "20190220134915"),
        ("payAmount", "1"),
        ("fee", "0"),
        ("ext1", "扩展1"),
        ("ext2", ""),
        ("payResult", "10"),
        ("errCode", ""),
    ])
}

/// An Alipay mapi notification (MD5), unsigned.
fn alipay_mapi_notify() -> Params {
    Params::from_pairs([
        ("notify_time", "2024-03-01 12:00:00"),
        ("notify_type", "trade_status_sync"),
        ("notify_id", "ac05099524730693a8b330c5ecf72da9786"),
        ("sign_type", "MD5"),
        ("out_trade_no", "20240301-0001"),
        ("subject", "Apple iPhone case"),
        ("trade_no", "2024030122001400001000012345"),
        ("trade_status", "TRADE_SUCCESS"),
        ("total_fee", "9.90"),
        ("seller_id", "2088101122136241"),
    ])
}

/// An Alipay OpenAPI notification (RSA2), unsigned.
fn alipay_openapi_notify() -> Params {
    Params::from_pairs([
        ("app_id", "9021000122682882"),
        ("notify_id", "2024030100222120000123456789"),
        ("notify_time", "2024-03-01 12:00:00"),
        ("charset", "utf-8"),
        ("version", "1.0"),
        ("sign_type", "RSA2"),
        ("out_trade_no", "1703141270"),
        ("trade_no", "2024030122001400001000012345"),
        ("trade_status", "TRADE_SUCCESS"),
        ("total_amount", "9.90"),
        ("subject", "test"),
    ])
}

fn app_private() -> Key {
    key_file("alipay_yansongda_app_private_pkcs1.pem", None)
}

fn app_public() -> Key {
    key_file("alipay_yansongda_app_public.pem", None)
}

/// The WeChat notification of the shared vectors, as params (signature removed).
fn wechat_notify() -> Params {
    let c = case("wechat-notify-xml-md5-derived");
    let p = Params::parse(
        &body_of(&c),
        Format::Xml,
        Charset::Utf8,
        paysign::params::Duplicates::Reject,
    )
    .unwrap();
    without(&p, "sign")
}

const WX_KEY: &str = "192006250b4c09247ec02edce69f6a2d";

fn xml(params: &Params) -> Vec<u8> {
    params.encode(Format::Xml, Charset::Utf8).unwrap().into_bytes()
}

/// The official Allinpay RSA-SHA1 notification sample (the Java SecurityUtil sample that
/// specs/allinpay.md A2 checks; it verifies with the xingwang.php key, built in as
/// `allinpay.gateway`).
fn allinpay_genuine() -> Params {
    Params::from_pairs([
        ("merchantId", "100020091218002"),
        ("version", "v1.0"),
        ("language", "1"),
        ("signType", "1"),
        ("paymentOrderId", "20100127025940009"),
        ("orderNo", "NO20100127140930"),
        ("orderDatetime", "20100127140930"),
        ("orderAmount", "100"),
        ("payDatetime", "20100127025940"),
        ("payAmount", "100"),
        ("ext1", "附加参数1"),
        ("ext2", "附加参数2"),
        ("payResult", "1"),
        ("returnDatetime", "20100127025941"),
        (
            "signMsg",
            "L2cKYmgs2Au4i1QPLy/pvd/C8txvU83h2XdE4MM/PUsA1K+d+3Q9KPSWFT/i03xqIJQJqLy+4ZUH6rb6C0Y0QbgY+CKpxWPa8uEKFdFg\
             luMWLviILKweDkSsUq99wqKSbs169RFTjLAGqB8lIIeghk+79WKQZR6l+xDgLvXohM0=",
        ),
    ])
}

// ---------------------------------------------------------------------------------------
// Correct messages: nothing is wrong

#[test]
fn correct_messages_are_valid_with_no_cause() {
    let k = secret("APPSECRET");
    let body = form(&params_of(&case("99bill-md5-callback-midpay")));
    let j = Run::form("99bill.pay.notify", body, Some(&k)).go();
    assert_valid(&j);
    assert_eq!(j["status"], "PAYSIGN_OK");
    assert!(j["sign_string"].as_str().unwrap().ends_with("&key=***"), "{j:#}");
    assert_eq!(j["warnings"], serde_json::json!([]));

    let k = secret(WX_KEY);
    let c = case("wechat-notify-xml-md5-derived");
    let mut r = Run::form("wechatpay.notify", body_of(&c), Some(&k));
    r.format = Format::Xml;
    assert_valid(&r.go());

    // The genuine Allinpay sample with the built-in key.
    let gw = paysign::builtin::load("allinpay.gateway").unwrap();
    let j = Run::form("allinpay.pay.notify", form(&allinpay_genuine()), Some(&gw)).go();
    assert_valid(&j);
    assert_eq!(j["key"]["builtin"], "allinpay.gateway");

    // A request checked with the merchant's own private key is not a mistake.
    let k = pfx();
    let c = case("99bill-rsa-sha256-request-10012140356-pfx");
    let mut p = params_of(&c);
    p.set("signMsg", c["expect_signature"].as_str().unwrap());
    assert_valid(&Run::form("99bill.pay.request", form(&p), Some(&k)).go());
}

#[test]
fn an_expired_certificate_still_verifies_and_warns() {
    let p = signed(profile("99bill.pay.notify"), "", kq_rsa_notify("1001214035601"), &pfx());
    let cert = merchant_cert();
    let j = Run::form("99bill.pay.notify", form(&p), Some(&cert)).go();
    assert_valid(&j);
    assert_eq!(j["key"]["expired"], true);
    assert_eq!(j["warnings"][0]["code"], "key_expired", "{j:#}");
    assert_eq!(j["warnings"][0]["key"], "given");
    assert_eq!(j["warnings"][0]["not_after"], "2024-11-29T08:37:01Z");
}

// ---------------------------------------------------------------------------------------
// Charset

#[test]
fn charset_gbk_bytes_declared_as_utf8() {
    // 99bill signed GBK bytes and sent GBK percent-escapes; the message says nothing (UTF-8).
    let k = secret("APPSECRET");
    let mut params = kq_md5_notify();
    params.set("ext1", "中文备注");
    let p = signed(profile("99bill.pay.notify"), "charset=gbk", params, &k);
    let body = p.encode(Format::Form, Charset::Gbk).unwrap();
    let j = Run::form("99bill.pay.notify", body, Some(&k)).go();
    assert_eq!(j["verdict"], "error", "{j:#}");
    assert_eq!(j["status"], "PAYSIGN_CHARSET_ERROR");
    assert_cause(&j, "charset");
    assert_eq!(j["variant"]["detail"]["decoded_as"], "gbk");
    assert_eq!(j["variant"]["detail"]["signed_as"], "gbk");
}

#[test]
fn charset_utf8_body_signed_as_gbk() {
    // Alipay mapi: the body is UTF-8 as declared, but the signer digested GBK bytes.
    let k = secret("hello-secret-7c1");
    let mut params = alipay_mapi_notify();
    params.set("_input_charset", "utf-8");
    params.set("subject", "苹果手机壳");
    let p = signed(profile("alipay.mapi.notify"), "charset=gbk", params, &k);
    let j = Run::form("alipay.mapi.notify", form(&p), Some(&k)).go();
    assert_eq!(j["verdict"], "invalid", "{j:#}");
    assert_cause(&j, "charset");
    assert_eq!(j["variant"]["detail"]["decoded_as"], "utf-8");
    assert_eq!(j["variant"]["detail"]["signed_as"], "gbk");
}

// ---------------------------------------------------------------------------------------
// Decoding

#[test]
fn plus_turned_into_space() {
    // The merchant passes already-decoded text: the literal '+' of the subject becomes a space.
    let k = secret("hello-secret-7c1");
    let mut params = alipay_mapi_notify();
    params.set("subject", "iPhone+case");
    params.set("notify_time", "20240301120000");
    let p = signed(profile("alipay.mapi.notify"), "", params, &k);
    let decoded: Vec<String> = p.iter().map(|(n, v)| format!("{n}={v}")).collect();
    let j = Run::form("alipay.mapi.notify", decoded.join("&"), Some(&k)).go();
    assert_cause(&j, "plus_as_space");
}

#[test]
fn values_encoded_twice_on_the_wire() {
    let k = secret("APPSECRET");
    let mut params = kq_md5_notify();
    params.set("ext1", "a/b c");
    let p = signed(profile("99bill.pay.notify"), "", params, &k);
    let once = String::from_utf8(form(&p)).unwrap();
    assert!(once.contains("ext1=a%2Fb%20c"), "{once}");
    let twice = once.replace("ext1=a%2Fb%20c", "ext1=a%252Fb%2520c");
    let j = Run::form("99bill.pay.notify", twice, Some(&k)).go();
    assert_cause(&j, "double_decoded");
    assert_eq!(j["variant"]["detail"]["transform"], "values_decoded_again");
}

#[test]
fn body_given_already_decoded() {
    // A logged, already-decoded query: "50%off" no longer parses as a form body.
    let k = secret("APPSECRET");
    let mut params = kq_md5_notify();
    params.set("ext1", "50%off");
    let p = signed(profile("99bill.pay.notify"), "", params, &k);
    let decoded: Vec<String> = p.iter().map(|(n, v)| format!("{n}={v}")).collect();
    let j = Run::form("99bill.pay.notify", decoded.join("&"), Some(&k)).go();
    assert_eq!(j["status"], "PAYSIGN_MALFORMED_INPUT", "{j:#}");
    assert_cause(&j, "double_decoded");
    assert_eq!(j["variant"]["detail"]["transform"], "body_already_decoded");
}

// ---------------------------------------------------------------------------------------
// Digest

#[test]
fn digest_99bill_sha1_checked_as_sha256() {
    let p = signed(
        profile("99bill.pay.notify"),
        "hash=sha1",
        kq_rsa_notify("1001214035601"),
        &pfx(),
    );
    let cert = merchant_cert();
    let mut r = Run::form("99bill.pay.notify", form(&p), Some(&cert));
    r.options = "hash=sha256";
    let j = r.go();
    assert_cause(&j, "digest");
    assert_eq!(j["variant"]["detail"]["hash"], "sha1");
    assert_eq!(j["variant"]["method"], "SHA1withRSA");
    // Expired, and it verified: a warning, not the cause.
    assert_eq!(j["warnings"][0]["code"], "key_expired");
}

#[test]
fn digest_wechat_hmac_sha256_declared_md5() {
    let k = secret(WX_KEY);
    let mut params = wechat_notify();
    params.set("sign_type", "MD5");
    let hmac = Profile {
        methods: Methods::only(Method::HmacSha256(paysign::profile::Case::Upper)),
        ..*profile("wechatpay.notify")
    };
    let p = signed(&hmac, "", params, &k);
    let mut r = Run::form("wechatpay.notify", xml(&p), Some(&k));
    r.format = Format::Xml;
    let j = r.go();
    assert_eq!(j["status"], "PAYSIGN_INVALID_FIELD", "{j:#}");
    assert_cause(&j, "digest");
    assert_eq!(j["variant"]["detail"]["method"], "HMAC-SHA256");
}

#[test]
fn digest_alipay_rsa_declared_rsa2() {
    let p = signed(
        profile("alipay.openapi.notify"),
        "hash=sha1",
        alipay_openapi_notify(),
        &app_private(),
    );
    assert_eq!(p.get("sign_type"), Some("RSA2"));
    let k = app_public();
    let j = Run::form("alipay.openapi.notify", form(&p), Some(&k)).go();
    assert_cause(&j, "digest");
    assert_eq!(j["variant"]["detail"]["hash"], "sha1");
}

// ---------------------------------------------------------------------------------------
// Canonical form

#[test]
fn empty_fields_kept() {
    let k = secret("APPSECRET");
    let keep = Profile {
        empty: Empty::Keep,
        ..*profile("99bill.pay.notify")
    };
    let p = signed(&keep, "", kq_md5_notify(), &k);
    let j = Run::form("99bill.pay.notify", form(&p), Some(&k)).go();
    assert_cause(&j, "empty_kept");
    let diff = &j["variant"]["first_difference"];
    assert!(diff["field"].is_string(), "{j:#}");
    assert!(
        j["variant"]["sign_string"].as_str().unwrap().contains("&ext1=&ext2="),
        "{j:#}"
    );
}

#[test]
fn values_trimmed_and_not_trimmed() {
    // Alipay signs values untrimmed; this signer trimmed them.
    let k = secret("hello-secret-7c1");
    let mut params = alipay_mapi_notify();
    params.set("subject", " Apple ");
    let trimmed = Profile {
        trim: true,
        ..*profile("alipay.mapi.notify")
    };
    let p = signed(&trimmed, "", params, &k);
    let j = Run::form("alipay.mapi.notify", form(&p), Some(&k)).go();
    assert_cause(&j, "trimmed");

    // WeChat's SDK trims; this signer did not.
    let k = secret(WX_KEY);
    let mut params = wechat_notify();
    params.set("attach", "支付测试 ");
    let untrimmed = Profile {
        trim: false,
        ..*profile("wechatpay.notify")
    };
    let p = signed(&untrimmed, "", params, &k);
    let mut r = Run::form("wechatpay.notify", xml(&p), Some(&k));
    r.format = Format::Xml;
    assert_cause(&r.go(), "not_trimmed");
}

#[test]
fn sign_type_included_and_excluded() {
    let included = Profile {
        layout: Layout::Sorted { exclude: &[] },
        ..*profile("alipay.openapi.notify")
    };
    let p = signed(&included, "", alipay_openapi_notify(), &app_private());
    let k = app_public();
    let j = Run::form("alipay.openapi.notify", form(&p), Some(&k)).go();
    assert_cause(&j, "sign_type_included");
    assert_eq!(j["variant"]["first_difference"]["field"], "sign_type", "{j:#}");

    let k = secret(WX_KEY);
    let mut params = wechat_notify();
    params.set("sign_type", "MD5");
    let excluded = Profile {
        layout: Layout::Sorted {
            exclude: &["sign_type"],
        },
        ..*profile("wechatpay.notify")
    };
    let p = signed(&excluded, "", params, &k);
    let mut r = Run::form("wechatpay.notify", xml(&p), Some(&k));
    r.format = Format::Xml;
    assert_cause(&r.go(), "sign_type_excluded");
}

#[test]
fn sorted_instead_of_fixed_order() {
    let k = secret("APPSECRET");
    let sorted = Profile {
        layout: Layout::Sorted { exclude: &[] },
        ..*profile("99bill.pay.notify")
    };
    let p = signed(&sorted, "", kq_md5_notify(), &k);
    let j = Run::form("99bill.pay.notify", form(&p), Some(&k)).go();
    assert_cause(&j, "sorted_vs_fixed");
    assert_eq!(j["variant"]["detail"]["order"], "sorted");
    assert_eq!(j["variant"]["first_difference"]["offset"], 0);
}

#[test]
fn unsorted_instead_of_sorted() {
    // WeChat: the signer joined the fields in the order it had them, without sorting.
    let params = wechat_notify();
    let mut text: Vec<String> = params.iter().map(|(n, v)| format!("{n}={v}")).collect();
    text.push(format!("key={WX_KEY}"));
    let sig = paysign::digest::hex(
        &paysign::digest::md5(text.join("&").as_bytes()),
        paysign::profile::Case::Upper,
    );
    // Received order differs from sorted order: put mch_id first.
    let mut reordered = Params::new();
    reordered.set("mch_id", params.get("mch_id").unwrap());
    for (n, v) in params.iter().filter(|(n, _)| *n != "mch_id") {
        reordered.set(n, v);
    }
    let mut text: Vec<String> = reordered.iter().map(|(n, v)| format!("{n}={v}")).collect();
    text.push(format!("key={WX_KEY}"));
    let sig2 = paysign::digest::hex(
        &paysign::digest::md5(text.join("&").as_bytes()),
        paysign::profile::Case::Upper,
    );
    assert_ne!(sig, sig2);
    reordered.set("sign", &sig2);
    let k = secret(WX_KEY);
    let mut r = Run::form("wechatpay.notify", xml(&reordered), Some(&k));
    r.format = Format::Xml;
    let j = r.go();
    assert_cause(&j, "sorted_vs_fixed");
    assert_eq!(j["variant"]["detail"]["order"], "received");
}

#[test]
fn fixed_fields_in_received_order() {
    // ChinaBank notify signed in the order the fields arrived (amount first), not v_oid first.
    let fields = [
        ("v_amount", "0.01"),
        ("v_oid", "20050320-1001-000001234"),
        ("v_pstatus", "20"),
        ("v_moneytype", "CNY"),
    ];
    let joined: String = fields.iter().map(|(_, v)| *v).collect::<String>() + "cb-secret-2b9";
    let sig = paysign::digest::hex(&paysign::digest::md5(joined.as_bytes()), paysign::profile::Case::Upper);
    let mut p = Params::from_pairs(fields);
    p.set("v_md5str", &sig);
    let k = secret("cb-secret-2b9");
    let j = Run::form("chinabank.pay.notify", form(&p), Some(&k)).go();
    assert_cause(&j, "field_order");
    assert!(!j.to_string().contains("cb-secret-2b9"));
}

#[test]
fn a_field_added_to_the_notify_url() {
    // Alipay signed its fields; the merchant's notify URL carried ?shop_ref=77 and the
    // framework merged it into the body.
    let k = secret("hello-secret-7c1");
    let p = signed(profile("alipay.mapi.notify"), "", alipay_mapi_notify(), &k);
    let mut body = b"shop_ref=77&".to_vec();
    body.extend(form(&p));
    let j = Run::form("alipay.mapi.notify", body, Some(&k)).go();
    assert_cause(&j, "extra_field_signed");
    assert_eq!(j["variant"]["detail"]["field"], "shop_ref");
}

// ---------------------------------------------------------------------------------------
// Keys

#[test]
fn another_known_gateway_key_verifies() {
    // The genuine Allinpay sample checked with an unrelated public key.
    let wrong = key_file("alipay_omnipay_test_rsa1024_public.pem", None);
    let j = Run::form("allinpay.pay.notify", form(&allinpay_genuine()), Some(&wrong)).go();
    assert_cause(&j, "other_gateway_key");
    assert_eq!(j["variant"]["key"], "allinpay.gateway");

    // No key at all: the built-in one is found too.
    let j = Run::form("allinpay.pay.notify", form(&allinpay_genuine()), None).go();
    assert_eq!(j["status"], "PAYSIGN_NULL_ARGUMENT");
    assert_cause(&j, "other_gateway_key");

    // 99bill: none of the built-in certificates, but an extra key of the request verifies
    // (sandbox vs production is this case with the built-in names).
    let p = signed(profile("99bill.pay.notify"), "", kq_rsa_notify("1002109591401"), &pfx());
    let given = key_file("huxinghai_99bill-rsa_cert.pem", None);
    let other = merchant_cert();
    let mut r = Run::form("99bill.pay.notify", form(&p), Some(&given));
    r.extra = vec![("test.99bill.cfca", &other)];
    let j = r.go();
    assert_cause(&j, "other_gateway_key");
    assert_eq!(j["variant"]["key"], "test.99bill.cfca");
    let warned: Vec<&str> = j["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["key"].as_str().unwrap())
        .collect();
    assert_eq!(warned, ["given", "test.99bill.cfca"], "{j:#}");
}

#[test]
fn the_merchants_own_key() {
    // A private key given to check a gateway's notification; the gateway's key verifies.
    let own = key_file("dinpay_rsa_s_test_private_pkcs8.pem", None);
    let j = Run::form("allinpay.pay.notify", form(&allinpay_genuine()), Some(&own)).go();
    assert_cause(&j, "merchant_own_key");
    assert_eq!(j["variant"]["key"], "allinpay.gateway");

    // A private key, and nothing verifies: still the cause, without a variant.
    let hux = key_file("huxinghai_99bill-rsa.pfx", Some("123456"));
    let p = signed(profile("99bill.pay.notify"), "", kq_rsa_notify("1001214035601"), &hux);
    let k = pfx();
    let j = Run::form("99bill.pay.notify", form(&p), Some(&k)).go();
    assert_cause(&j, "merchant_own_key");
    assert_eq!(j["variant"], Value::Null);

    // The merchant's certificate (its CN names member code 10012140356 = merchantAcctId - "01").
    let cert = merchant_cert();
    let j = Run::form("99bill.pay.notify", form(&p), Some(&cert)).go();
    assert_cause(&j, "merchant_own_key");
    assert!(j["explanation"].as_str().unwrap().contains("certificate"), "{j:#}");
}

#[test]
fn an_expired_key_and_nothing_else() {
    let p = signed(profile("99bill.pay.notify"), "", kq_rsa_notify("1002109591401"), &pfx());
    let old = key_file("huxinghai_99bill-rsa_cert.pem", None);
    let j = Run::form("99bill.pay.notify", form(&p), Some(&old)).go();
    assert_cause(&j, "key_expired");
    assert_eq!(j["key"]["expired"], true);
    // The three built-in 99bill certificates were tried.
    assert!(j["variants_tried"].as_u64().unwrap() >= 3, "{j:#}");
}

// ---------------------------------------------------------------------------------------
// None of these

#[test]
fn tampered_data_is_none() {
    let k = secret("APPSECRET");
    let body = form(&params_of(&case("99bill-md5-callback-midpay-tampered-payamount")));
    let j = Run::form("99bill.pay.notify", body, Some(&k)).go();
    assert_cause(&j, "none");
    assert_eq!(j["variant"], Value::Null);
    assert!(j["variants_tried"].as_u64().unwrap() > 0);

    let k = secret(WX_KEY);
    let c = case("wechat-notify-xml-md5-derived-tampered-total-fee");
    let mut r = Run::form("wechatpay.notify", body_of(&c), Some(&k));
    r.format = Format::Xml;
    assert_cause(&r.go(), "none");

    // A wrong secret is "none" too.
    let k = secret("yeepay-test-secret");
    let body = form(&params_of(&case("99bill-md5-callback-midpay")));
    assert_cause(&Run::form("99bill.pay.notify", body, Some(&k)).go(), "none");
}

#[test]
fn binary_sign_strings_mask_the_secret_in_hex() {
    let k = secret("cmpp-secret-5e");
    let body = "source_addr=901234&timestamp=1031123456&version=48&sequence_id=1\
                &authenticator=000102030405060708090a0b0c0d0e0f";
    let j = Run::form("cmpp.connect", body, Some(&k)).go();
    assert_cause(&j, "none");
    let text = j.to_string();
    let hex: String = "cmpp-secret-5e".bytes().map(|b| format!("{b:02x}")).collect();
    assert!(!text.contains("cmpp-secret-5e") && !text.contains(&hex), "{j:#}");
    assert!(j["sign_string"].as_str().unwrap().contains("***"), "{j:#}");
}

#[test]
fn an_error_without_explanation() {
    let k = secret("APPSECRET");
    let body = form(&kq_md5_notify()); // no signMsg
    let j = Run::form("99bill.pay.notify", body, Some(&k)).go();
    assert_eq!(j["verdict"], "error");
    assert_eq!(j["status"], "PAYSIGN_MISSING_FIELD");
    assert!(j["reason"].as_str().unwrap().contains("signMsg"));
    assert_cause(&j, "none");
}

#[test]
fn conservative_on_every_vector() {
    // Every open vector: "ok" cases are valid with no cause; tampered ones are "none".
    for (file, c) in all_cases() {
        let op = c["op"].as_str().unwrap();
        if op != "verify" && op != "verify_body" {
            continue;
        }
        let (key, options) = key_and_options(&c);
        let (body, format, charset) = if op == "verify_body" {
            (
                body_of(&c),
                Format::from_name(c["format"].as_str().unwrap()).unwrap(),
                c["charset"].as_str().map(|s| Charset::from_name(s).unwrap()),
            )
        } else {
            // Sent as the gateway sends it: in its wire charset (NPS's values are GB2312).
            let wire = profile(c["profile"].as_str().unwrap()).wire_charset();
            let body = params_of(&c).encode(Format::Form, wire).unwrap().into_bytes();
            (body, Format::Form, None)
        };
        let mut r = Run::form(c["profile"].as_str().unwrap(), body, key.as_ref());
        r.options = &options;
        r.format = format;
        r.charset = charset;
        let j = r.go();
        let id = c["id"].as_str().unwrap();
        if c["expect"] == "ok" {
            assert_eq!(j["verdict"], "valid", "{file}/{id}: {j:#}");
            assert_eq!(j["cause"], Value::Null, "{file}/{id}");
        } else if j["key"]["expired"] == true {
            // Nothing verifies and the certificate given has expired: that is the guess.
            assert_eq!(j["cause"], "key_expired", "{file}/{id}: {j:#}");
            assert_eq!(j["confirmed"], false);
        } else {
            assert_eq!(j["cause"], "none", "{file}/{id}: {j:#}");
            assert_eq!(j["confirmed"], false);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Sign mode

#[test]
fn sign_mode_hex_case() {
    // The midpay library emits lower-case hex; 99bill wants upper-case.
    let c = case("99bill-md5-request-midpay");
    let mut p = params_of(&c);
    p.set("signMsg", &c["expect_signature"].as_str().unwrap().to_lowercase());
    let k = secret("APPSECRET");
    let mut r = Run::form("99bill.pay.request", form(&p), Some(&k));
    r.mode = Mode::Sign;
    let j = r.go();
    assert_eq!(j["mode"], "sign");
    assert_cause(&j, "hex_case");
    assert_eq!(j["paysign_signature"], c["expect_signature"]);

    // The same with the right case is valid.
    p.set("signMsg", c["expect_signature"].as_str().unwrap());
    let mut r = Run::form("99bill.pay.request", form(&p), Some(&k));
    r.mode = Mode::Sign;
    let j = r.go();
    assert_valid(&j);
    assert_eq!(j["paysign_signature"], c["expect_signature"]);
}

#[test]
fn sign_mode_names_the_first_difference() {
    // The merchant's code kept the empty fields of the RSA request (the vendor demo skips them).
    let c = case("99bill-rsa-sha256-request-10012140356-pfx");
    let keep = Profile {
        empty: Empty::Keep,
        ..*profile("99bill.pay.request")
    };
    let k = pfx();
    let p = signed(&keep, "hash=sha256", params_of(&c), &k);
    let mut r = Run::form("99bill.pay.request", form(&p), Some(&k));
    r.options = "hash=sha256";
    r.mode = Mode::Sign;
    let j = r.go();
    assert_cause(&j, "empty_kept");
    let d = &j["variant"]["first_difference"];
    assert_eq!(d["field"], "pageUrl", "{j:#}");
    assert_eq!(d["paysign_field"], "bgUrl", "{j:#}");
    assert_eq!(d["offset"], "inputCharset=1&".len());
    assert_eq!(j["paysign_signature"], c["expect_signature"]);
    // The merchant's key certificate has expired: a signing-side warning.
    assert_eq!(j["warnings"][0]["code"], "key_expired");
}

#[test]
fn sign_mode_with_the_signature_given_separately() {
    let c = case("chinabank-request-md5-crasader");
    let body = form(&params_of(&c));
    let p = profile("chinabank.pay.request");
    let o = Options::default();
    let k = secret("1234");
    let mut req = Request::new(p, &o, &body, Format::Form, None, Some(&k));
    req.mode = Mode::Sign;
    let lower = c["expect_signature"].as_str().unwrap().to_lowercase();
    req.signature = Some(&lower);
    let j = diagnose::diagnose(&req);
    assert_eq!(j.cause(), Some("hex_case"), "{:#}", j.json());
    let upper = c["expect_signature"].as_str().unwrap();
    req.signature = Some(upper);
    assert_eq!(diagnose::diagnose(&req).verdict(), "valid");
}

// ---------------------------------------------------------------------------------------
// Built-in keys

#[test]
fn builtin_keys_match_the_vector_files() {
    use paysign::builtin::BUILTINS;
    for b in BUILTINS {
        let from_file = std::fs::read(key_path(b.file)).unwrap();
        assert_eq!(from_file, b.data, "{} differs from testdata", b.name);
    }
    // The decimal exponent/modulus text is the same Allinpay key.
    let txt = key_file("allinpay_publickey.txt", None);
    let pem = paysign::builtin::load("allinpay.gateway").unwrap();
    assert_eq!(txt.rsa_public(), pem.rsa_public());
    // The sandbox key is the sandbox certificate's key.
    assert_eq!(
        paysign::builtin::load("alipay.sandbox").unwrap().rsa_public(),
        paysign::builtin::load("alipay.sandbox.key").unwrap().rsa_public()
    );
    let old = paysign::builtin::load("99bill.sandbox.2009").unwrap().info();
    assert_eq!(old.bits, 1024);
    assert_eq!(old.cert.as_ref().unwrap().not_after, 1_407_068_531); // 2014-08-03 12:22:11 UTC
}

// ---------------------------------------------------------------------------------------
// C ABI (called from Rust; tests/c/test_diagnose.c does the same from C)

#[test]
fn c_abi_diagnose_and_builtins() {
    use paysign::ffi::diagnose::*;
    use paysign::ffi::keys::{paysign_key, paysign_key_builtin, paysign_key_free, paysign_key_secret};
    use paysign::Status;
    use std::ptr::null;
    unsafe {
        let mut key: *mut paysign_key = std::ptr::null_mut();
        let s = CString::new("APPSECRET").unwrap();
        assert_eq!(paysign_key_secret(s.as_ptr(), &mut key), Status::PAYSIGN_OK);
        let profile = CString::new("99bill.pay.notify").unwrap();
        let keep = Profile {
            empty: Empty::Keep,
            ..*self::profile("99bill.pay.notify")
        };
        let body = form(&signed(&keep, "", kq_md5_notify(), &secret("APPSECRET")));
        let mut n = 0usize;
        let st = paysign_diagnose(
            profile.as_ptr(),
            null(),
            body.as_ptr(),
            body.len(),
            null(),
            null(),
            key,
            std::ptr::null_mut(),
            0,
            &mut n,
        );
        assert_eq!(st, Status::PAYSIGN_BUFFER_TOO_SMALL);
        assert!(n > 0);
        let mut buf = vec![0u8; n + 1];
        let st = paysign_diagnose(
            profile.as_ptr(),
            null(),
            body.as_ptr(),
            body.len(),
            null(),
            null(),
            key,
            buf.as_mut_ptr() as *mut _,
            buf.len(),
            &mut n,
        );
        assert_eq!(st, Status::PAYSIGN_OK);
        let text = std::str::from_utf8(&buf[..n]).unwrap();
        assert_eq!(buf[n], 0);
        assert!(!text.contains("APPSECRET"));
        let j: Value = serde_json::from_str(text).unwrap();
        assert_eq!(j["cause"], "empty_kept");

        let bad = CString::new("nope").unwrap();
        let st = paysign_diagnose(
            bad.as_ptr(),
            null(),
            body.as_ptr(),
            body.len(),
            null(),
            null(),
            key,
            buf.as_mut_ptr() as *mut _,
            buf.len(),
            &mut n,
        );
        assert_eq!(st, Status::PAYSIGN_UNKNOWN_PROFILE);
        let st = paysign_diagnose_sign(
            profile.as_ptr(),
            null(),
            null(),
            5,
            null(),
            null(),
            key,
            buf.as_mut_ptr() as *mut _,
            buf.len(),
            &mut n,
        );
        assert_eq!(st, Status::PAYSIGN_NULL_ARGUMENT);
        paysign_key_free(key);

        // Built-in keys.
        let total = paysign_builtin_keys(std::ptr::null_mut(), 0);
        let mut list = vec![0u8; total + 1];
        assert_eq!(paysign_builtin_keys(list.as_mut_ptr() as *mut _, list.len()), total);
        let names = std::str::from_utf8(&list[..total]).unwrap();
        assert_eq!(names, paysign::builtin::listing());
        assert!(names.lines().any(|l| l == "99bill.sandbox.2009"));
        let mut small = [0xffu8; 8];
        assert_eq!(paysign_builtin_keys(small.as_mut_ptr() as *mut _, 8), total);
        assert_eq!(&small, b"99bill.\0");

        let mut k: *mut paysign_key = std::ptr::null_mut();
        let name = CString::new("99bill.production").unwrap();
        assert_eq!(paysign_key_builtin(name.as_ptr(), &mut k), Status::PAYSIGN_OK);
        assert!(!k.is_null());
        paysign_key_free(k);
        let name = CString::new("99bill.prod").unwrap();
        assert_eq!(
            paysign_key_builtin(name.as_ptr(), &mut k),
            Status::PAYSIGN_INVALID_ARGUMENT
        );
        assert!(k.is_null());
        let mut err = vec![0u8; 512];
        let len = paysign::ffi::info::paysign_last_error(err.as_mut_ptr() as *mut _, err.len());
        let msg = std::str::from_utf8(&err[..len.min(511)]).unwrap();
        assert!(
            msg.contains("99bill.production") && msg.contains("allinpay.gateway"),
            "{msg}"
        );
        assert_eq!(
            paysign_key_builtin(name.as_ptr(), std::ptr::null_mut()),
            Status::PAYSIGN_NULL_ARGUMENT
        );
    }
}

// ---------------------------------------------------------------------------------------
// CLI

fn paysign_cli(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_paysign"))
        .args(args)
        .env("PAYSIGN_TEST_SECRET", "APPSECRET")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn cli_diagnose_readable_and_json() {
    let keep = Profile {
        empty: Empty::Keep,
        ..*profile("99bill.pay.notify")
    };
    let body = form(&signed(&keep, "", kq_md5_notify(), &secret("APPSECRET")));
    let (code, out, err) = paysign_cli(
        &[
            "diagnose",
            "99bill.pay.notify",
            "--body",
            "-",
            "--secret-env",
            "PAYSIGN_TEST_SECRET",
        ],
        &body,
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("verdict: invalid"), "{out}");
    assert!(out.contains("cause: empty_kept"), "{out}");
    assert!(out.contains("key=***"), "{out}");
    assert!(!out.contains("APPSECRET") && !err.contains("APPSECRET"));

    let (code, out, _) = paysign_cli(
        &[
            "diagnose",
            "99bill.pay.notify",
            "--json",
            "--secret-env",
            "PAYSIGN_TEST_SECRET",
        ],
        &body,
    );
    assert_eq!(code, 1);
    let j: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(j["cause"], "empty_kept");

    // Valid: exit 0.
    let body = form(&params_of(&case("99bill-md5-callback-midpay")));
    let (code, out, _) = paysign_cli(
        &["diagnose", "99bill.pay.notify", "--secret-env", "PAYSIGN_TEST_SECRET"],
        &body,
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("verdict: valid"), "{out}");

    // A built-in key by name.
    let (code, out, err) = paysign_cli(
        &[
            "diagnose",
            "allinpay.pay.notify",
            "--builtin",
            "allinpay.gateway",
            "--json",
        ],
        &form(&allinpay_genuine()),
    );
    assert_eq!(code, 0, "{out}{err}");

    // Sign mode: hex case.
    let c = case("99bill-md5-request-midpay");
    let mut p = params_of(&c);
    p.set("signMsg", &c["expect_signature"].as_str().unwrap().to_lowercase());
    let (code, out, _) = paysign_cli(
        &[
            "diagnose",
            "--sign",
            "99bill.pay.request",
            "--secret-env",
            "PAYSIGN_TEST_SECRET",
        ],
        &form(&p),
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("cause: hex_case"), "{out}");
    assert!(
        out.contains("paysign signature: B161C0227172E3529EB10B193CE79F62"),
        "{out}"
    );
}

#[test]
fn cli_keyinfo_builtin() {
    let (code, out, err) = paysign_cli(&["keyinfo", "--builtin"], b"");
    assert_eq!(code, 0, "{err}");
    for b in paysign::builtin::BUILTINS {
        assert!(out.contains(b.name), "{out}");
    }
    assert!(out.contains("CN=99Bill"), "{out}");
    assert!(
        out.contains("WARNING: certificate expired on 2014-08-03 12:22:11 UTC"),
        "{out}"
    );
    assert!(out.contains("SHA-256 fingerprint: "), "{out}");

    let (code, out, _) = paysign_cli(&["keyinfo", "--builtin", "99bill.production"], b"");
    assert_eq!(code, 0);
    assert!(out.contains("valid to: 2034-06-30 03:37:31 UTC"), "{out}");
    assert!(!out.contains("WARNING"), "{out}");

    let (code, _, err) = paysign_cli(&["keyinfo", "--builtin", "99bill.prod"], b"");
    assert_eq!(code, 2);
    assert!(
        err.contains("PAYSIGN_INVALID_ARGUMENT") && err.contains("99bill.sandbox.2009"),
        "{err}"
    );
}

/// NPS's usual mistakes in a merchant's own code: OrderMessage hex of the UTF-8 bytes, or in
/// lowercase. The merchants' digests were computed with Python hashlib by those wrong rules.
#[test]
fn sign_mode_nps_order_message_charset_and_hex_case() {
    let c = case("nps-request-md5-derived");
    let k = secret("NPS-TEST-KEY-0123456789");
    for (digest, cause) in [
        ("D9AA8F8BE22C14FE8276EFCC609A128B", "charset"),
        ("3FC2C4B554FE46CBA379BB20F3B29B7C", "packed_case"),
    ] {
        let mut p = params_of(&c);
        p.set("digest", digest);
        let body = p.encode(Format::Form, Charset::Gb2312).unwrap().into_bytes();
        let mut r = Run::form("nps.pay.request", body, Some(&k));
        r.mode = Mode::Sign;
        let j = r.go();
        assert_cause(&j, cause);
        assert_eq!(j["paysign_signature"], c["expect_signature"]);
        if cause == "charset" {
            assert_eq!(j["variant"]["detail"]["signed_as"], "utf-8", "{j:#}");
        } else {
            assert!(
                j["explanation"]
                    .as_str()
                    .unwrap()
                    .contains("OrderMessage written in lowercase hex"),
                "{j:#}"
            );
        }
    }
}

/// Tenpay gw: a merchant's code that signs the UTF-8 bytes while input_charset says GBK, and
/// one that writes lowercase hex (as the PHP SDK copies do). Digests computed with Python
/// hashlib over tenpay-gw-request-md5-derived's sign string by those wrong rules.
#[test]
fn sign_mode_tenpay_charset_and_hex_case() {
    let c = case("tenpay-gw-request-md5-derived");
    let k = secret("TENPAY-TEST-KEY-0123456789abcdef");
    for (sig, cause) in [
        ("A1D4B540BA0B051B5077B43B84398752", "charset"),
        ("0d31a45d3121c40cd8ab86514aa65a6c", "hex_case"),
    ] {
        let mut p = params_of(&c);
        p.set("sign", sig);
        let body = p.encode(Format::Form, Charset::Gbk).unwrap().into_bytes();
        let mut r = Run::form("tenpay.pay.request", body, Some(&k));
        r.mode = Mode::Sign;
        let j = r.go();
        assert_cause(&j, cause);
        assert_eq!(j["paysign_signature"], c["expect_signature"]);
    }
}

#[test]
fn unionpay_5_1_0_signed_with_the_5_0_0_digest_is_named() {
    // Made with openssl, not paysign (testdata/unionpay/SOURCES.md).
    let body = std::fs::read(vectors_dir().join("../unionpay/notify_5.1.0_sha1_digest_derived.txt")).unwrap();
    let cert = key_file("unionpay_acp_test_sign_2021_cert.pem", None);
    let j = Run::form("unionpay.acp.notify", body.clone(), Some(&cert)).go();
    assert_cause(&j, "digest");
    assert_eq!(j["variant"]["method"], "SHA1withRSA over SHA-1 hex", "{j:#}");
    assert!(j["explanation"].as_str().unwrap().contains("UnionPay 5.0.0"), "{j:#}");
    // The same bytes with version=5.0.0 are not a fix: version is signed, so nothing verifies.
    let other = String::from_utf8(body)
        .unwrap()
        .replace("version=5.1.0", "version=5.0.0");
    let j = Run::form("unionpay.acp.notify", other.into_bytes(), Some(&cert)).go();
    assert_ne!(j["verdict"], "valid", "{j:#}");
    assert_ne!(j["cause"], "digest", "{j:#}");
}

/// A 中介担保 return signed by the vendor PHP kit's rule, which keeps a present but empty field
/// (`attach=`): the fixture is made with hashlib (testdata/tenpay/SOURCES.md), not paysign.
#[test]
fn tenpay_medi_empty_attach_kept_by_the_php_kit() {
    let body = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/testdata/tenpay/medi_notify_empty_kept_derived.txt"
    ))
    .unwrap();
    let k = secret("123456");
    let j = Run::form("tenpay.medi.notify", body, Some(&k)).go();
    assert_cause(&j, "empty_kept");
    assert!(
        j["variant"]["sign_string"]
            .as_str()
            .unwrap()
            .starts_with("attach=&buyer_id=88886666&"),
        "{j:#}"
    );
}

fn unionpay_fixture(name: &str) -> Vec<u8> {
    std::fs::read(vectors_dir().join("../unionpay").join(name)).unwrap()
}

/// A request whose certId was copied from another PFX: signed with the 2015 test PFX (serial
/// 0x1002653215 = 68759663125), certId 69903319369 (the 2021 test PFX's). DERIVED with openssl
/// (testdata/unionpay/make_cert_id_derived.py).
#[test]
fn unionpay_request_cert_id_of_another_pfx_is_named() {
    let body = unionpay_fixture("request_5.0.0_cert_id_derived.txt");
    let pfx2015 = key_file("unionpay_acp_test_sign_2015.pfx", Some("000000"));
    for mode in [Mode::Sign, Mode::Verify] {
        let mut r = Run::form("unionpay.acp.request", body.clone(), Some(&pfx2015));
        r.mode = mode;
        let j = r.go();
        assert_cause(&j, "cert_id");
        assert_eq!(j["status"], "PAYSIGN_OK", "the signature itself verifies: {j:#}");
        assert_eq!(j["confirmed"], true, "{j:#}");
        assert_eq!(j["variant"]["detail"]["named"], "69903319369", "{j:#}");
        assert_eq!(j["variant"]["detail"]["given"], "68759663125", "{j:#}");
        let e = j["explanation"].as_str().unwrap();
        assert!(e.contains("69903319369") && e.contains("68759663125"), "{e}");
        assert!(e.contains("paysign unionpay cert-id"), "{e}");
    }
    // With the PFX certId names, the signature does not verify and certId is right: not cert_id.
    let pfx2021 = key_file("unionpay_acp_test_sign_2021.pfx", Some("000000"));
    let mut r = Run::form("unionpay.acp.request", body.clone(), Some(&pfx2021));
    r.mode = Mode::Sign;
    let j = r.go();
    assert_ne!(j["verdict"], "valid", "{j:#}");
    assert_ne!(j["cause"], "cert_id", "{j:#}");
    // certId set right, the signature is then wrong (certId is signed): nothing verifies, and
    // it is not cert_id either.
    let fixed = String::from_utf8(body)
        .unwrap()
        .replace("certId=69903319369", "certId=68759663125");
    let mut r = Run::form("unionpay.acp.request", fixed.into_bytes(), Some(&pfx2015));
    r.mode = Mode::Sign;
    let j = r.go();
    assert_cause(&j, "none");
}

/// A 5.0.0 notification whose certId (69678957876) names UnionPay's 2020 test verify
/// certificate, signed with the 2021 test key. DERIVED with openssl.
#[test]
fn unionpay_notify_cert_id_not_the_verify_certificate_is_named() {
    let body = unionpay_fixture("notify_5.0.0_cert_id_derived.txt");
    // The certificate given verifies the signature but is not the one certId names.
    let cert2021 = key_file("unionpay_acp_test_sign_2021_cert.pem", None);
    let j = Run::form("unionpay.acp.notify", body.clone(), Some(&cert2021)).go();
    assert_cause(&j, "cert_id");
    assert_eq!(j["confirmed"], true, "{j:#}");
    assert_eq!(j["variant"]["detail"]["named"], "69678957876", "{j:#}");
    assert_eq!(j["variant"]["detail"]["given"], "69903319369", "{j:#}");
    // paysign_unionpay_verify agrees: KEY_MISMATCH naming both serials.
    let p = paysign::profile("unionpay.acp.notify").unwrap();
    let params = Params::parse(&body, Format::Form, Charset::Utf8, paysign::params::Duplicates::Reject).unwrap();
    let e = paysign::unionpay::verify(p, &Options::default(), &params, None, Some(&cert2021)).unwrap_err();
    assert_eq!(e.status, paysign::Status::PAYSIGN_KEY_MISMATCH);
    assert!(
        e.message.contains("69678957876") && e.message.contains("69903319369"),
        "{}",
        e.message
    );

    // Another certificate, which neither verifies nor is named: cert_id, not confirmed.
    let cert2015 = key_file("unionpay_acp_test_verify_2015.pem", None);
    let given = paysign::unionpay::cert_id(&cert2015).unwrap();
    let j = Run::form("unionpay.acp.notify", body.clone(), Some(&cert2015)).go();
    assert_cause(&j, "cert_id");
    assert_eq!(j["confirmed"], false, "{j:#}");
    let e = j["explanation"].as_str().unwrap();
    assert!(e.contains("69678957876") && e.contains(&given), "{e}");

    // The certificate certId names: no cert_id (it did not sign this fixture, so nothing
    // verifies; it expired in 2025).
    let cert2020 = key_file("unionpay_acp_test_verify_2020.pem", None);
    let j = Run::form("unionpay.acp.notify", body, Some(&cert2020)).go();
    assert_cause(&j, "key_expired");

    // A certId that names the certificate given leaves the other causes alone.
    let body = unionpay_fixture("notify_5.1.0_sha1_digest_derived.txt");
    let j = Run::form("unionpay.acp.notify", body, Some(&cert2021)).go();
    assert_eq!(j["cause"], "digest", "{j:#}");
}

#[test]
fn cli_diagnose_unionpay_cert_id() {
    let path = vectors_dir().join("../unionpay/request_5.0.0_cert_id_derived.txt");
    let key = key_path("unionpay_acp_test_sign_2015.pfx");
    let (code, out, err) = paysign_cli(
        &[
            "diagnose",
            "--sign",
            "unionpay.acp.request",
            "--body",
            path.to_str().unwrap(),
            "--key",
            key.to_str().unwrap(),
            "--password",
            "000000",
        ],
        b"",
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("cause: cert_id"), "{out}");
    assert!(out.contains("69903319369") && out.contains("68759663125"), "{out}");

    let path = vectors_dir().join("../unionpay/notify_5.0.0_cert_id_derived.txt");
    let key = key_path("unionpay_acp_test_sign_2021_cert.pem");
    let (code, out, err) = paysign_cli(
        &[
            "diagnose",
            "unionpay.acp.notify",
            "--body",
            path.to_str().unwrap(),
            "--key",
            key.to_str().unwrap(),
            "--json",
        ],
        b"",
    );
    assert_eq!(code, 1, "{out}{err}");
    let j: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(j["cause"], "cert_id", "{j:#}");
    assert_eq!(j["variant"]["detail"]["named"], "69678957876", "{j:#}");
}

fn fixture(dir: &str, name: &str) -> Vec<u8> {
    std::fs::read(vectors_dir().join("..").join(dir).join(name)).unwrap()
}

/// Tenpay back-end API (issue 13): a request digest written in uppercase, and an answer signed
/// over untrimmed values. DERIVED with hashlib (testdata/tenpay/make_diagnose_derived.py).
#[test]
fn tenpay_api_hex_case_and_untrimmed_answer() {
    let k = secret("8934e7d15453e97507ef794cf7b0519d");
    let body = fixture("tenpay", "api_request_upper_md5_derived.txt");
    let mut r = Run::form("tenpay.api.request", body.clone(), Some(&k));
    r.mode = Mode::Sign;
    let j = r.go();
    assert_cause(&j, "hex_case");
    assert_eq!(j["paysign_signature"], "929f01404ffa8a665eb443bf4a8f0d8c", "{j:#}");
    // Verifying compares either case: the same message is valid.
    assert_valid(&Run::form("tenpay.api.request", body, Some(&k)).go());

    let body = fixture("tenpay", "api_response_not_trimmed_derived.xml");
    let mut r = Run::form("tenpay.api.response", body.clone(), Some(&k));
    r.format = Format::Xml;
    let j = r.go();
    assert_cause(&j, "not_trimmed");
    assert!(
        j["variant"]["sign_string"]
            .as_str()
            .unwrap()
            .contains("bank_type= CMB &"),
        "{j:#}"
    );
    // The same answer re-trimmed on the merchant's side (the spaces taken out of the XML): no
    // variant can put them back, so nothing verifies.
    let trimmed = String::from_utf8(body)
        .unwrap()
        .replace("> CMB <", ">CMB<")
        .replace("> ok <", ">ok<");
    let mut r = Run::form("tenpay.api.response", trimmed.into_bytes(), Some(&k));
    r.format = Format::Xml;
    let j = r.go();
    assert_cause(&j, "none");
}

/// IPS 7.0 (issue 13): IPS's own notification (PayumTW's published vector) pretty-printed;
/// requests sent with an empty element collapsed, signed without MerCode, and in uppercase
/// hex. DERIVED with hashlib (testdata/ips/make_diagnose_derived.py).
#[test]
fn ips_v7_document_rewritten_mercode_left_out_and_hex_case() {
    let k = secret("c71530d016b3475579da8af971f7ca6c");
    let j = Run::form(
        "ips.v7.notify",
        fixture("ips", "notify_v7_reformatted_derived.txt"),
        Some(&k),
    )
    .go();
    assert_cause(&j, "body_reserialised");
    assert_eq!(j["variant"]["family"], "document", "{j:#}");
    assert_eq!(j["variant"]["detail"]["transform"], "whitespace_between_tags", "{j:#}");
    assert!(j["explanation"].as_str().unwrap().contains("paymentResult"), "{j:#}");

    for mode in [Mode::Verify, Mode::Sign] {
        let mut r = Run::form(
            "ips.v7.request",
            fixture("ips", "request_v7_empty_element_derived.txt"),
            Some(&k),
        );
        r.mode = mode;
        let j = r.go();
        assert_cause(&j, "body_reserialised");
        assert_eq!(j["variant"]["detail"]["transform"], "empty_elements", "{j:#}");

        let mut r = Run::form(
            "ips.v7.request",
            fixture("ips", "request_v7_mercode_left_out_derived.txt"),
            Some(&k),
        );
        r.mode = mode;
        let j = r.go();
        assert_cause(&j, "field_left_out");
        assert_eq!(j["variant"]["detail"]["field"], "MerCode", "{j:#}");
        assert_eq!(
            j["variant"]["sign_string"].as_str().unwrap().rsplit("</body>").next(),
            Some("***"),
            "{j:#}"
        );
    }

    let body = fixture("ips", "request_v7_upper_md5_derived.txt");
    let mut r = Run::form("ips.v7.request", body.clone(), Some(&k));
    r.mode = Mode::Sign;
    let j = r.go();
    assert_cause(&j, "hex_case");
    assert_eq!(j["paysign_signature"], "527c01c2b04d4f8b198180ba72b0f66e", "{j:#}");
    assert_valid(&Run::form("ips.v7.request", body, Some(&k)).go());
}
