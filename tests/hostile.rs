//! Hostile input (issue 5): every class of bad input a payment notification endpoint can be
//! sent, with the exact status paysign answers, through the Rust API and, where the C layer
//! adds something (lengths, NUL, out-pointers), through the C ABI functions as well.
//! docs/security.md has the same classes as a table.

mod common;
use common::key_path;
use paysign::ffi::keys::{paysign_key, paysign_key_free, paysign_key_load, paysign_key_secret};
use paysign::ffi::params::paysign_params_free;
use paysign::ffi::sign::paysign_verify_body;
use paysign::params::{Duplicates, MAX_BODY};
use paysign::{Charset, Format, Key, Options, Params, Status, Verdict};
use std::ffi::CString;
use std::time::{Duration, Instant};

use paysign::error::paysign_status::*;

const SECRET: &str = "TEST-hostile-secret-42";

fn secret() -> Key {
    Key::secret(SECRET).unwrap()
}
fn merchant() -> Key {
    Key::load_file(&key_path("99bill_10012140356.pfx"), Some("123456")).unwrap()
}
fn merchant_cert() -> Key {
    Key::load_file(&key_path("99bill_10012140356_cert.pem"), None).unwrap()
}
fn profile(id: &str) -> &'static paysign::Profile {
    paysign::profile(id).unwrap()
}
fn no_opts() -> Options {
    Options::default()
}

/// The status of a verify_body call: OK, BAD_SIGNATURE or the error.
fn body_status(id: &str, body: &[u8], format: Format, charset: Option<Charset>, key: &Key) -> Status {
    match paysign::verify_body(profile(id), &no_opts(), body, format, charset, Some(key)) {
        Ok((Verdict::Valid, _)) => PAYSIGN_OK,
        Ok((Verdict::Invalid(_), _)) => PAYSIGN_BAD_SIGNATURE,
        Err(e) => e.status,
    }
}

fn verify_status(id: &str, opts: &str, params: &Params, key: &Key) -> Status {
    match paysign::verify(profile(id), &Options::parse(opts).unwrap(), params, Some(key)) {
        Ok(Verdict::Valid) => PAYSIGN_OK,
        Ok(Verdict::Invalid(_)) => PAYSIGN_BAD_SIGNATURE,
        Err(e) => e.status,
    }
}

/// The same verify_body through the C ABI (body by pointer and length), the secret key.
fn c_body_status(id: &str, body: &[u8], format: &str, charset: Option<&str>) -> Status {
    let secret = CString::new(SECRET).unwrap();
    let mut key: *mut paysign_key = std::ptr::null_mut();
    assert_eq!(unsafe { paysign_key_secret(secret.as_ptr(), &mut key) }, PAYSIGN_OK);
    let (id, format) = (CString::new(id).unwrap(), CString::new(format).unwrap());
    let charset = charset.map(|c| CString::new(c).unwrap());
    let mut out = std::ptr::null_mut();
    let st = unsafe {
        paysign_verify_body(
            id.as_ptr(),
            std::ptr::null(),
            body.as_ptr(),
            body.len(),
            format.as_ptr(),
            charset.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            key,
            &mut out,
        )
    };
    // Parsed params are handed over only when the signature holds.
    assert_eq!(out.is_null(), st != PAYSIGN_OK, "out for {st:?}");
    unsafe {
        paysign_params_free(out);
        paysign_key_free(key);
    }
    st
}

/// A 99bill RMB-gateway notification (MD5, signType 1), signed with SECRET.
fn kq_notify_fields() -> Params {
    Params::from_pairs([
        ("merchantAcctId", "1001214035601"),
        ("version", "v2.0"),
        ("language", "1"),
        ("signType", "1"),
        ("payType", "10"),
        ("orderId", "A100"),
        ("orderTime", "20240101120000"),
        ("orderAmount", "100"),
        ("dealId", "9"),
        ("dealTime", "20240101120100"),
        ("payAmount", "100"),
        ("fee", "1"),
        ("ext1", "备注"),
        ("payResult", "10"),
    ])
}

fn signed(id: &str, opts: &str, mut params: Params, key: &Key) -> Params {
    paysign::sign(profile(id), &Options::parse(opts).unwrap(), &mut params, Some(key)).unwrap();
    params
}

fn kq_notify_body() -> String {
    signed("99bill.pay.notify", "", kq_notify_fields(), &secret())
        .encode(Format::Form, Charset::Utf8)
        .unwrap()
}

/// A WeChat Pay notification (XML, MD5), signed with SECRET.
fn wx_notify() -> Params {
    signed(
        "wechatpay.notify",
        "",
        Params::from_pairs([
            ("appid", "wx2421b1c4370ec43b"),
            ("mch_id", "10000100"),
            ("nonce_str", "5d2b6c2a8db53831f7eda20af46e531c"),
            ("out_trade_no", "1409811653"),
            ("result_code", "SUCCESS"),
            ("return_code", "SUCCESS"),
            ("total_fee", "1"),
            ("transaction_id", "1004400740201409030005092168"),
        ]),
        &secret(),
    )
}

fn wx_notify_xml() -> String {
    wx_notify().encode(Format::Xml, Charset::Utf8).unwrap()
}

// ---------------------------------------------------------------------------------------
// Size limits

#[test]
fn body_at_the_limit_is_accepted_and_one_byte_more_is_malformed() {
    // A signed notification padded with an unsigned field to exactly MAX_BODY bytes.
    let base = kq_notify_body();
    let pad = MAX_BODY - base.len() - "&pad=".len();
    let at_limit = format!("{base}&pad={}", "x".repeat(pad));
    assert_eq!(at_limit.len(), MAX_BODY);
    let t = Instant::now();
    assert_eq!(
        body_status("99bill.pay.notify", at_limit.as_bytes(), Format::Form, None, &secret()),
        PAYSIGN_OK
    );
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "1 MiB body took {:?}",
        t.elapsed()
    );
    assert_eq!(
        c_body_status("99bill.pay.notify", at_limit.as_bytes(), "form", None),
        PAYSIGN_OK
    );

    let over = format!("{at_limit}x");
    let e = paysign::verify_body(
        profile("99bill.pay.notify"),
        &no_opts(),
        over.as_bytes(),
        Format::Form,
        None,
        Some(&secret()),
    )
    .unwrap_err();
    assert_eq!(e.status, PAYSIGN_MALFORMED_INPUT);
    assert_eq!(
        e.message,
        format!("body is {} bytes, over the {MAX_BODY}-byte limit", MAX_BODY + 1)
    );
    assert_eq!(
        c_body_status("99bill.pay.notify", over.as_bytes(), "form", None),
        PAYSIGN_MALFORMED_INPUT
    );
    // Every format and every parse entry point has the same limit.
    for format in [Format::Form, Format::Xml, Format::Json] {
        let e = Params::parse(over.as_bytes(), format, Charset::Utf8, Duplicates::Reject).unwrap_err();
        assert_eq!(e.status, PAYSIGN_MALFORMED_INPUT, "{format:?}");
    }
}

#[test]
fn document_bodies_have_the_same_byte_limit() {
    // Allinpay AIPG keeps the whole (GBK) document; the limit counts the body's bytes, so a
    // 1 MiB GBK body of Chinese text (1.5 MiB once decoded) is still within it.
    let head = "<?xml version=\"1.0\" encoding=\"GBK\"?><AIPG><INFO><SIGNED_MSG></SIGNED_MSG></INFO><BODY><M>";
    let tail = "</M></BODY></AIPG>";
    let han = MAX_BODY - head.len() - tail.len();
    let doc = format!("{head}{}{}{tail}", "汉".repeat(han / 2), "x".repeat(han % 2));
    let body = Charset::Gbk.encode(&doc, "doc").unwrap().into_owned();
    assert_eq!(body.len(), MAX_BODY);
    // Parsed and verified: the unsigned document is a bad signature, not an oversized body.
    assert_eq!(
        body_status("allinpay.aipg.response", &body, Format::Form, None, &merchant_cert()),
        PAYSIGN_MISSING_FIELD,
        "the empty <SIGNED_MSG> is a missing signature"
    );
    let mut over = body.clone();
    over.push(b'x');
    let e = paysign::verify_body(
        profile("allinpay.aipg.response"),
        &no_opts(),
        &over,
        Format::Form,
        None,
        Some(&merchant_cert()),
    )
    .unwrap_err();
    assert_eq!(e.status, PAYSIGN_MALFORMED_INPUT);
    assert_eq!(
        e.message,
        format!("body is {} bytes, over the {MAX_BODY}-byte limit", MAX_BODY + 1)
    );
}

#[test]
fn many_fields_within_the_limit_are_fast() {
    // ~100k fields in 1 MiB: sorted profile (all signed) and fixed profile (all ignored).
    let mut body = kq_notify_body();
    let mut i = 0;
    while body.len() < MAX_BODY - 16 {
        body.push_str(&format!("&f{i}=1"));
        i += 1;
    }
    let t = Instant::now();
    assert_eq!(
        body_status("99bill.pay.notify", body.as_bytes(), Format::Form, None, &secret()),
        PAYSIGN_OK
    );
    let mut xml = wx_notify_xml();
    xml.truncate(xml.len() - "</xml>".len());
    let mut i = 0;
    while xml.len() < MAX_BODY - 32 {
        xml.push_str(&format!("<f{i}>1</f{i}>"));
        i += 1;
    }
    xml.push_str("</xml>");
    // Every extra field of a sorted profile is signed: the signature no longer matches.
    assert_eq!(
        body_status("wechatpay.notify", xml.as_bytes(), Format::Xml, None, &secret()),
        PAYSIGN_BAD_SIGNATURE
    );
    // The same as one flat JSON object.
    let mut json = wx_notify().encode(Format::Json, Charset::Utf8).unwrap();
    json.pop();
    let mut i = 0;
    while json.len() < MAX_BODY - 32 {
        json.push_str(&format!(",\"f{i}\":\"1\""));
        i += 1;
    }
    json.push('}');
    assert_eq!(
        body_status("wechatpay.notify", json.as_bytes(), Format::Json, None, &secret()),
        PAYSIGN_BAD_SIGNATURE
    );
    assert!(t.elapsed() < Duration::from_secs(10), "took {:?}", t.elapsed());
}

#[test]
fn overlong_fields_are_signed_like_any_other() {
    // One value of nearly 1 MiB, and a long name, sign and verify.
    let mut p = Params::from_pairs([("appid", "wx1"), ("mch_id", "1")]);
    p.set("attach", &"长".repeat(300_000));
    p.set(&"n".repeat(10_000), "v");
    let p = signed("wechatpay.request", "", p, &secret());
    let body = p.encode(Format::Xml, Charset::Utf8).unwrap();
    assert!(body.len() < MAX_BODY);
    assert_eq!(
        body_status("wechatpay.request", body.as_bytes(), Format::Xml, None, &secret()),
        PAYSIGN_OK
    );
    // An overlong signature is a malformed signature field, not a verdict.
    let mut bad = p.clone();
    bad.set("sign", &"A".repeat(500_000));
    assert_eq!(
        verify_status("wechatpay.request", "", &bad, &secret()),
        PAYSIGN_INVALID_FIELD
    );
    // An overlong RSA signature (valid base64) is simply a bad signature.
    let mut rsa = signed("99bill.pay.notify", "", kq_rsa_notify_fields(), &merchant());
    rsa.set("signMsg", &"QUJD".repeat(100_000));
    assert_eq!(
        verify_status("99bill.pay.notify", "", &rsa, &merchant_cert()),
        PAYSIGN_BAD_SIGNATURE
    );
    // A very long secret works (HMAC hashes long keys first).
    let long = Key::secret(&"k".repeat(1 << 20)).unwrap();
    let p = signed("wechatpay.request", "sign_type=HMAC-SHA256", wx_notify(), &long);
    assert_eq!(
        verify_status("wechatpay.request", "sign_type=HMAC-SHA256", &p, &long),
        PAYSIGN_OK
    );
}

// ---------------------------------------------------------------------------------------
// Nesting and structure

#[test]
fn deeply_nested_xml_and_json_are_malformed_not_a_stack_overflow() {
    for depth in [33, 1_000, 100_000] {
        let xml = format!("{}1{}", "<a>".repeat(depth), "</a>".repeat(depth));
        let e = Params::parse(xml.as_bytes(), Format::Xml, Charset::Utf8, Duplicates::Reject).unwrap_err();
        assert_eq!(e.status, PAYSIGN_MALFORMED_INPUT, "xml depth {depth}");
        assert!(e.message.contains("nested deeper than 32"), "{}", e.message);
        let json = format!("{{\"a\":{}1{}}}", "[".repeat(depth), "]".repeat(depth));
        let e = Params::parse(json.as_bytes(), Format::Json, Charset::Utf8, Duplicates::Reject).unwrap_err();
        assert_eq!(e.status, PAYSIGN_MALFORMED_INPUT, "json depth {depth}");
        let json = format!("{{\"a\":{}1{}}}", "{\"b\":".repeat(depth), "}".repeat(depth));
        let e = Params::parse(json.as_bytes(), Format::Json, Charset::Utf8, Duplicates::Reject).unwrap_err();
        assert_eq!(e.status, PAYSIGN_MALFORMED_INPUT, "json object depth {depth}");
    }
    // 32 levels is fine: the leaf is the field.
    let xml = format!("{}1{}", "<a>".repeat(32), "</a>".repeat(32));
    assert_eq!(
        Params::parse(xml.as_bytes(), Format::Xml, Charset::Utf8, Duplicates::Reject)
            .unwrap()
            .get("a"),
        Some("1")
    );
    assert_eq!(
        body_status("wechatpay.notify", xml.as_bytes(), Format::Xml, None, &secret()),
        PAYSIGN_MISSING_FIELD
    );
}

#[test]
fn entity_tricks_and_doctype_are_refused() {
    let laughs = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><xml><sign>&b;</sign></xml>";
    let e = Params::parse(laughs.as_bytes(), Format::Xml, Charset::Utf8, Duplicates::Reject).unwrap_err();
    assert_eq!(
        (e.status, e.message.as_str()),
        (PAYSIGN_MALFORMED_INPUT, "DOCTYPE not allowed")
    );
    let external = "<xml><a>&xxe;</a></xml>";
    let e = Params::parse(external.as_bytes(), Format::Xml, Charset::Utf8, Duplicates::Reject).unwrap_err();
    assert_eq!(e.status, PAYSIGN_MALFORMED_INPUT);
    // Two roots, text outside the root, mixed content, unclosed: malformed.
    for bad in [
        "<xml><a>1</a></xml><xml/>",
        "x<xml><a>1</a></xml>",
        "<xml><a>1<b>2</b></a></xml>",
        "<xml><a>1</a>",
        "",
    ] {
        let e = Params::parse(bad.as_bytes(), Format::Xml, Charset::Utf8, Duplicates::Reject).unwrap_err();
        assert_eq!(e.status, PAYSIGN_MALFORMED_INPUT, "{bad:?}");
    }
    for bad in ["[1]", "{\"a\":1,}", "{\"a\":1}x", "{\"a\":\"\\ud800\"}", ""] {
        let e = Params::parse(bad.as_bytes(), Format::Json, Charset::Utf8, Duplicates::Reject).unwrap_err();
        assert_eq!(e.status, PAYSIGN_MALFORMED_INPUT, "{bad:?}");
    }
}

// ---------------------------------------------------------------------------------------
// NUL, charset

#[test]
fn nul_bytes_are_malformed_in_every_format() {
    let base = kq_notify_body();
    for body in [
        format!("{base}&x=%00"),
        format!("{base}&x=a\0b"),
        format!("{base}&x%00=1"),
        base.replacen("orderId=A100", "orderId=A100%00", 1),
    ] {
        assert_eq!(
            body_status("99bill.pay.notify", body.as_bytes(), Format::Form, None, &secret()),
            PAYSIGN_MALFORMED_INPUT,
            "{body:?}"
        );
        // Through the C ABI the body is (pointer, length): the NUL arrives and is refused.
        assert_eq!(
            c_body_status("99bill.pay.notify", body.as_bytes(), "form", None),
            PAYSIGN_MALFORMED_INPUT
        );
    }
    let xml = wx_notify_xml().replacen("<mch_id>", "<mch_id>&#0;", 1);
    assert_eq!(
        body_status("wechatpay.notify", xml.as_bytes(), Format::Xml, None, &secret()),
        PAYSIGN_MALFORMED_INPUT
    );
    let xml = wx_notify_xml().replacen("10000100", "1000\u{0}0100", 1);
    assert_eq!(
        body_status("wechatpay.notify", xml.as_bytes(), Format::Xml, None, &secret()),
        PAYSIGN_MALFORMED_INPUT
    );
    let json = "{\"appid\":\"wx\\u0000\",\"sign\":\"00\"}";
    assert_eq!(
        body_status("wechatpay.notify", json.as_bytes(), Format::Json, None, &secret()),
        PAYSIGN_MALFORMED_INPUT
    );
}

#[test]
fn invalid_bytes_in_the_charset_are_charset_errors() {
    // ChinaBank notifications are GBK; 0x81 0x20 and a lone 0xFF are not GBK.
    let notify = signed(
        "chinabank.pay.notify",
        "",
        Params::from_pairs([
            ("v_oid", "20240101-1001-1"),
            ("v_pstatus", "20"),
            ("v_pstring", "支付完成"),
            ("v_amount", "0.01"),
            ("v_moneytype", "CNY"),
        ]),
        &secret(),
    );
    let good = notify.encode(Format::Form, Charset::Gbk).unwrap();
    assert_eq!(
        body_status("chinabank.pay.notify", good.as_bytes(), Format::Form, None, &secret()),
        PAYSIGN_OK
    );
    for junk in ["%81%20", "%FF", "%81"] {
        let body = good.replacen("v_pstring=", &format!("v_pstring={junk}"), 1);
        assert_eq!(
            body_status("chinabank.pay.notify", body.as_bytes(), Format::Form, None, &secret()),
            PAYSIGN_CHARSET_ERROR,
            "{junk}"
        );
        assert_eq!(
            c_body_status("chinabank.pay.notify", body.as_bytes(), "form", Some("gbk")),
            PAYSIGN_CHARSET_ERROR
        );
    }
    // The same GBK bytes in a UTF-8 profile: invalid UTF-8.
    let kq = kq_notify_body().replacen("ext1=", "ext1=%B1%B8", 1);
    assert_eq!(
        body_status("99bill.pay.notify", kq.as_bytes(), Format::Form, None, &secret()),
        PAYSIGN_CHARSET_ERROR
    );
    // 99bill says inputCharset=2 (GBK) but sends bytes that are not GBK.
    let mut gbk = kq_notify_fields();
    gbk.set("inputCharset", "2");
    let body = format!("{}&ext2=%FF", gbk.encode(Format::Form, Charset::Gbk).unwrap());
    assert_eq!(
        body_status("99bill.pay.notify", body.as_bytes(), Format::Form, None, &secret()),
        PAYSIGN_CHARSET_ERROR
    );
    // An unknown declared charset is a bad field.
    let mut p = wx_notify();
    p.set("_input_charset", "utf-8");
    let p = signed("alipay.mapi.notify", "", p, &secret());
    let mut q = p.clone();
    q.set("_input_charset", "koi8-r");
    assert_eq!(
        verify_status("alipay.mapi.notify", "", &q, &secret()),
        PAYSIGN_INVALID_FIELD
    );
}

// ---------------------------------------------------------------------------------------
// The signature field

#[test]
fn a_second_signature_field() {
    let body = kq_notify_body();
    let sig_at = body.find("&signMsg=").unwrap();
    let sig = &body[sig_at + "&signMsg=".len()..];
    // 99bill notifications keep the last occurrence (99bill appends after the merchant's
    // bgUrl query): a forged signature before the real one is ignored ...
    let forged_first = format!("signMsg={}&{body}", "0".repeat(32));
    assert_eq!(
        body_status(
            "99bill.pay.notify",
            forged_first.as_bytes(),
            Format::Form,
            None,
            &secret()
        ),
        PAYSIGN_OK
    );
    // ... and one after it is the one checked.
    let forged_last = format!("{body}&signMsg={}", "0".repeat(32));
    assert_eq!(
        body_status(
            "99bill.pay.notify",
            forged_last.as_bytes(),
            Format::Form,
            None,
            &secret()
        ),
        PAYSIGN_BAD_SIGNATURE
    );
    // Appending a signed field again (parameter pollution) changes what is signed.
    let polluted = format!("{body}&orderAmount=1");
    assert_eq!(
        body_status("99bill.pay.notify", polluted.as_bytes(), Format::Form, None, &secret()),
        PAYSIGN_BAD_SIGNATURE
    );
    assert_eq!(
        c_body_status("99bill.pay.notify", polluted.as_bytes(), "form", None),
        PAYSIGN_BAD_SIGNATURE
    );
    // Every other gateway refuses the repeat outright.
    let xml = wx_notify_xml().replacen("</xml>", &format!("<sign>{}</sign></xml>", "0".repeat(32)), 1);
    assert_eq!(
        body_status("wechatpay.notify", xml.as_bytes(), Format::Xml, None, &secret()),
        PAYSIGN_DUPLICATE_FIELD
    );
    assert_eq!(
        c_body_status("wechatpay.notify", xml.as_bytes(), "xml", None),
        PAYSIGN_DUPLICATE_FIELD
    );
    let mut p = wx_notify();
    p.push("sign", sig);
    assert_eq!(
        verify_status("wechatpay.notify", "", &p, &secret()),
        PAYSIGN_DUPLICATE_FIELD
    );
    // YeePay's optional second signature is checked only when asked for.
    let yp = signed(
        "yeepay.pay.notify",
        "",
        Params::from_pairs([
            ("p1_MerId", "1"),
            ("r0_Cmd", "Buy"),
            ("r1_Code", "1"),
            ("r3_Amt", "0.01"),
        ]),
        &secret(),
    );
    assert_eq!(verify_status("yeepay.pay.notify", "", &yp, &secret()), PAYSIGN_OK);
    assert_eq!(
        verify_status("yeepay.pay.notify", "hmac_safe=1", &yp, &secret()),
        PAYSIGN_MISSING_FIELD
    );
    let mut bad = yp.clone();
    bad.set("hmac_safe", &"0".repeat(32));
    assert_eq!(
        verify_status("yeepay.pay.notify", "hmac_safe=1", &bad, &secret()),
        PAYSIGN_BAD_SIGNATURE
    );
}

#[test]
fn hex_signature_forms() {
    let p = wx_notify();
    let sig = p.get("sign").unwrap().to_string();
    let with = |s: &str| {
        let mut q = p.clone();
        q.set("sign", s);
        verify_status("wechatpay.notify", "", &q, &secret())
    };
    assert_eq!(with(&sig), PAYSIGN_OK);
    // Hex is compared case-insensitively; surrounding whitespace is trimmed.
    assert_eq!(with(&sig.to_lowercase()), PAYSIGN_OK);
    assert_eq!(with(&format!(" {sig}\r\n")), PAYSIGN_OK);
    // Inner whitespace or a non-hex digit: the field is unusable.
    assert_eq!(with(&format!("{} {}", &sig[..16], &sig[16..31])), PAYSIGN_INVALID_FIELD);
    assert_eq!(with(&format!("{}G", &sig[..31])), PAYSIGN_INVALID_FIELD);
    // Wrong length: 31 and 33 digits fit no known sign type; 64 is HMAC-SHA256 by length.
    assert_eq!(with(&sig[..31]), PAYSIGN_INVALID_FIELD);
    assert_eq!(with(&format!("{sig}0")), PAYSIGN_INVALID_FIELD);
    assert_eq!(with(&sig.repeat(2)), PAYSIGN_BAD_SIGNATURE);
    // With sign_type given the length is simply wrong.
    let mut q = p.clone();
    q.set("sign_type", "MD5");
    let q = signed("wechatpay.notify", "", q, &secret());
    let mut r = q.clone();
    r.set("sign", &q.get("sign").unwrap().repeat(2));
    assert_eq!(
        verify_status("wechatpay.notify", "", &r, &secret()),
        PAYSIGN_INVALID_FIELD
    );
    // An empty or blank signature is a missing one.
    assert_eq!(with(""), PAYSIGN_MISSING_FIELD);
    assert_eq!(with("   "), PAYSIGN_MISSING_FIELD);
    // Fixed-length MD5 profiles: 99bill MD5.
    let kq = signed("99bill.pay.notify", "", kq_notify_fields(), &secret());
    for (s, want) in [
        (kq.get("signMsg").unwrap().to_lowercase(), PAYSIGN_OK),
        (kq.get("signMsg").unwrap()[..30].to_string(), PAYSIGN_INVALID_FIELD),
        ("Z".repeat(32), PAYSIGN_INVALID_FIELD),
        ("0".repeat(32), PAYSIGN_BAD_SIGNATURE),
    ] {
        let mut q = kq.clone();
        q.set("signMsg", &s);
        assert_eq!(verify_status("99bill.pay.notify", "", &q, &secret()), want, "{s}");
    }
}

fn kq_rsa_notify_fields() -> Params {
    let mut p = kq_notify_fields();
    p.set("signType", "4");
    p
}

#[test]
fn base64_signature_forms() {
    let p = signed("99bill.pay.notify", "", kq_rsa_notify_fields(), &merchant());
    let sig = p.get("signMsg").unwrap().to_string();
    assert!(sig.ends_with('=') && sig.contains('+') || sig.contains('/'), "{sig}");
    let with = |s: &str| {
        let mut q = p.clone();
        q.set("signMsg", s);
        verify_status("99bill.pay.notify", "", &q, &merchant_cert())
    };
    assert_eq!(with(&sig), PAYSIGN_OK);
    // `+` that became a space (an unencoded form value), line breaks every 64 or 76 characters
    // (demo output), surrounding whitespace, missing padding: all the same signature.
    assert_eq!(with(&sig.replace('+', " ")), PAYSIGN_OK);
    let wrapped: Vec<String> = sig
        .as_bytes()
        .chunks(64)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    assert_eq!(with(&wrapped.join("\r\n")), PAYSIGN_OK);
    assert_eq!(with(&wrapped.join("\n")), PAYSIGN_OK);
    assert_eq!(with(&format!("\t{sig} \n")), PAYSIGN_OK);
    assert_eq!(with(sig.trim_end_matches('=')), PAYSIGN_OK);
    // Too much padding, characters outside base64, URL-safe alphabet: unusable field.
    assert_eq!(with(&format!("{sig}==")), PAYSIGN_INVALID_FIELD);
    assert_eq!(with(&format!("{}*", &sig[..sig.len() - 1])), PAYSIGN_INVALID_FIELD);
    assert_eq!(with(&sig.replace('+', "-").replace('/', "_")), PAYSIGN_INVALID_FIELD);
    // Valid base64 of the wrong length, or one flipped character: a bad signature.
    assert_eq!(with(&sig[4..]), PAYSIGN_BAD_SIGNATURE);
    let flipped = match sig.strip_prefix('A') {
        Some(rest) => format!("B{rest}"),
        None => format!("A{}", &sig[1..]),
    };
    assert_eq!(with(&flipped), PAYSIGN_BAD_SIGNATURE);

    // Through a form body: a raw `+` decodes to a space, `%2B` to `+`; both verify.
    let body = p.encode(Format::Form, Charset::Utf8).unwrap();
    assert!(body.contains("%2B") || !sig.contains('+'));
    assert_eq!(
        body_status(
            "99bill.pay.notify",
            body.as_bytes(),
            Format::Form,
            None,
            &merchant_cert()
        ),
        PAYSIGN_OK
    );
    let raw_plus = body.replace("%2B", "+").replace("%2F", "/").replace("%3D", "=");
    assert_eq!(
        body_status(
            "99bill.pay.notify",
            raw_plus.as_bytes(),
            Format::Form,
            None,
            &merchant_cert()
        ),
        PAYSIGN_OK
    );
}

#[test]
fn hex_rsa_signature_forms() {
    // Allinpay AIPG: lowercase hex of the RSA signature inside <SIGNED_MSG>.
    let doc = "<?xml version=\"1.0\" encoding=\"GBK\"?><AIPG><INFO><TRX_CODE>100001</TRX_CODE><SIGNED_MSG></SIGNED_MSG></INFO></AIPG>";
    let p = signed(
        "allinpay.aipg.request",
        "",
        Params::from_pairs([("document", doc)]),
        &merchant(),
    );
    let signed_doc = p.get("document").unwrap().to_string();
    let sig = paysign::canon::element_content(&signed_doc, "SIGNED_MSG")
        .unwrap()
        .to_string();
    assert_eq!(sig.len(), 512);
    let with = |s: &str| {
        let d = signed_doc.replacen(&sig, s, 1);
        verify_status(
            "allinpay.aipg.request",
            "",
            &Params::from_pairs([("document", d)]),
            &merchant_cert(),
        )
    };
    assert_eq!(with(&sig), PAYSIGN_OK);
    assert_eq!(with(&sig.to_uppercase()), PAYSIGN_OK);
    assert_eq!(with(&sig[..511]), PAYSIGN_INVALID_FIELD);
    assert_eq!(with(&sig[..510]), PAYSIGN_BAD_SIGNATURE);
    assert_eq!(with(&format!("{}zz", &sig[..510])), PAYSIGN_INVALID_FIELD);
}

// ---------------------------------------------------------------------------------------
// Cross-protocol replay

#[test]
fn a_signature_from_another_profile_does_not_verify() {
    // 99bill: a payment request signed by the merchant, presented as 99bill's notification.
    let request = signed(
        "99bill.pay.request",
        "",
        Params::from_pairs([
            ("inputCharset", "1"),
            ("bgUrl", "http://m/notify"),
            ("version", "v2.0"),
            ("language", "1"),
            ("signType", "4"),
            ("merchantAcctId", "1001214035601"),
            ("orderId", "A100"),
            ("orderAmount", "100"),
            ("orderTime", "20240101120000"),
            ("payType", "00"),
        ]),
        &merchant(),
    );
    assert_eq!(
        verify_status("99bill.pay.request", "", &request, &merchant_cert()),
        PAYSIGN_OK
    );
    assert_eq!(
        verify_status("99bill.pay.notify", "", &request, &merchant_cert()),
        PAYSIGN_BAD_SIGNATURE
    );
    assert_eq!(
        verify_status("99bill.split.notify", "", &request, &merchant_cert()),
        PAYSIGN_BAD_SIGNATURE
    );
    // The MD5 forms, with the same merchant key.
    let mut md5 = request.clone();
    md5.set("signType", "1");
    let md5 = signed("99bill.pay.request", "", md5, &secret());
    assert_eq!(
        verify_status("99bill.pay.notify", "", &md5, &secret()),
        PAYSIGN_BAD_SIGNATURE
    );

    // WeChat: a unified-order request signature presented as APP payment parameters: the APP
    // profile signs a fixed list, which the request does not have.
    let wx_request = signed(
        "wechatpay.request",
        "",
        Params::from_pairs([
            ("appid", "wx1"),
            ("mch_id", "100"),
            ("nonce_str", "n"),
            ("body", "b"),
            ("total_fee", "1"),
            ("prepay_id", "p"),
        ]),
        &secret(),
    );
    assert_eq!(
        verify_status("wechatpay.app.payreq", "", &wx_request, &secret()),
        PAYSIGN_MISSING_FIELD
    );
    // With the APP fields present but others beside them, the request signed them too.
    let mut app = Params::from_pairs([
        ("appid", "wx1"),
        ("partnerid", "100"),
        ("prepayid", "p"),
        ("package", "Sign=WXPay"),
        ("noncestr", "n"),
        ("timestamp", "1398746574"),
    ]);
    app.set("total_fee", "1");
    let app = signed("wechatpay.request", "", app, &secret());
    assert_eq!(
        verify_status("wechatpay.app.payreq", "", &app, &secret()),
        PAYSIGN_BAD_SIGNATURE
    );

    // One secret shared across gateways: WeChat's and Dinpay's MD5 rules coincide when the
    // message has no sign_type (sorted pairs, `&key=`, hex compared case-insensitively), so a
    // WeChat signature verifies as Dinpay's. That is the gateways' design, not something a
    // library can tell apart: never give two gateways the same secret (docs/security.md).
    let wx = wx_notify();
    assert_eq!(verify_status("dinpay.pay.request", "", &wx, &secret()), PAYSIGN_OK);
    // WeChat signs sign_type, Dinpay does not: with it present they differ.
    let mut wx_md5 = wx.clone();
    wx_md5.set("sign_type", "MD5");
    let wx_md5 = signed("wechatpay.notify", "", wx_md5, &secret());
    assert_eq!(
        verify_status("dinpay.pay.request", "", &wx_md5, &secret()),
        PAYSIGN_BAD_SIGNATURE
    );
    // Alipay mapi appends the key with no `&key=`.
    assert_eq!(
        verify_status("alipay.mapi.notify", "", &wx, &secret()),
        PAYSIGN_BAD_SIGNATURE
    );

    // Alipay: an OpenAPI request (sign_type signed) is not a notification (sign_type excluded).
    let open = signed(
        "alipay.openapi.request",
        "",
        Params::from_pairs([
            ("app_id", "2021"),
            ("charset", "utf-8"),
            ("sign_type", "RSA2"),
            ("total_amount", "1.00"),
        ]),
        &merchant(),
    );
    assert_eq!(
        verify_status("alipay.openapi.notify", "", &open, &merchant_cert()),
        PAYSIGN_BAD_SIGNATURE
    );
    // A sign string from the legacy mapi with RSA is SHA-1; the OpenAPI default is SHA-256.
    let mut mapi = open.clone();
    mapi.set("sign_type", "RSA");
    let mapi = signed("alipay.mapi.notify", "", mapi, &merchant());
    let mut as_open = mapi.clone();
    as_open.set("sign_type", "RSA2");
    assert_eq!(
        verify_status("alipay.openapi.notify", "", &as_open, &merchant_cert()),
        PAYSIGN_BAD_SIGNATURE
    );
}

// ---------------------------------------------------------------------------------------
// Keys

fn pfx() -> Vec<u8> {
    std::fs::read(key_path("99bill_10012140356.pfx")).unwrap()
}

fn c_key_load(data: &[u8], password: Option<&str>) -> Status {
    let pw = password.map(|p| CString::new(p).unwrap());
    let mut out: *mut paysign_key = std::ptr::null_mut();
    let st = unsafe {
        paysign_key_load(
            data.as_ptr(),
            data.len(),
            pw.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
            &mut out,
        )
    };
    assert_eq!(out.is_null(), st != PAYSIGN_OK);
    unsafe { paysign_key_free(out) };
    st
}

#[test]
fn truncated_pkcs12() {
    let data = pfx();
    for cut in [1, 2, 4, 16, 100, data.len() / 2, data.len() - 1] {
        let e = Key::load(&data[..cut], Some("123456")).unwrap_err();
        assert_eq!(e.status, PAYSIGN_KEY_ERROR, "cut at {cut}: {}", e.message);
        assert_eq!(c_key_load(&data[..cut], Some("123456")), PAYSIGN_KEY_ERROR);
    }
    let e = Key::load(&data[..data.len() / 2], Some("123456")).unwrap_err();
    assert_eq!(e.message, "PKCS#12 data is truncated or corrupt");
    // Flipped bytes inside: the MAC (or the structure) catches it.
    let mut bad = data.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 0x55;
    assert_eq!(Key::load(&bad, Some("123456")).unwrap_err().status, PAYSIGN_KEY_ERROR);
}

#[test]
fn wrong_or_missing_passwords() {
    let data = pfx();
    assert!(Key::load(&data, Some("123456")).is_ok());
    for pw in ["12345", "1234567", "", "123456 ", "密码"] {
        let e = Key::load(&data, Some(pw)).unwrap_err();
        assert_eq!(e.status, PAYSIGN_KEY_ERROR, "{pw:?}");
        assert_eq!(e.message, "wrong PKCS#12 password (or corrupt file)");
        assert_eq!(c_key_load(&data, Some(pw)), PAYSIGN_KEY_ERROR);
    }
    let e = Key::load(&data, None).unwrap_err();
    assert_eq!(
        (e.status, e.message.as_str()),
        (PAYSIGN_KEY_ERROR, "key is encrypted: a password is needed")
    );
    assert_eq!(c_key_load(&data, None), PAYSIGN_KEY_ERROR);
    // A password given for an unencrypted key is ignored.
    let pem = std::fs::read(key_path("99bill_10012140356.pem")).unwrap();
    assert!(Key::load(&pem, Some("whatever")).is_ok());
    // Junk and empty input.
    assert_eq!(Key::load(b"", None).unwrap_err().status, PAYSIGN_KEY_ERROR);
    assert_eq!(c_key_load(b"\0\0\0", None), PAYSIGN_KEY_ERROR);
}

#[test]
fn expired_certificate_still_verifies_and_keyinfo_warns() {
    let cert = merchant_cert();
    let info = cert.info();
    let not_after = info.cert.as_ref().unwrap().not_after;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    assert!(not_after < now, "the sandbox certificate was expected to have expired");
    // Verification is a check of the signature; validity dates are the merchant's policy.
    let p = signed("99bill.pay.notify", "", kq_rsa_notify_fields(), &merchant());
    assert_eq!(verify_status("99bill.pay.notify", "", &p, &cert), PAYSIGN_OK);
    // The CLI warns.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_paysign"))
        .args(["keyinfo", key_path("99bill_10012140356_cert.pem").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("WARNING: certificate expired on 20"), "{stdout}");
}

#[test]
fn key_of_the_wrong_kind() {
    let p = signed("99bill.pay.notify", "", kq_rsa_notify_fields(), &merchant());
    assert_eq!(
        verify_status("99bill.pay.notify", "", &p, &secret()),
        PAYSIGN_KEY_MISMATCH
    );
    let m = signed("99bill.pay.notify", "", kq_notify_fields(), &secret());
    assert_eq!(
        verify_status("99bill.pay.notify", "", &m, &merchant_cert()),
        PAYSIGN_KEY_MISMATCH
    );
    let mut q = kq_notify_fields();
    let e = paysign::sign(profile("99bill.pay.notify"), &no_opts(), &mut q, None).unwrap_err();
    assert_eq!(e.status, PAYSIGN_NULL_ARGUMENT);
    let mut r = kq_rsa_notify_fields();
    let e = paysign::sign(profile("99bill.pay.notify"), &no_opts(), &mut r, Some(&merchant_cert())).unwrap_err();
    assert_eq!(e.status, PAYSIGN_KEY_MISMATCH);
}

#[test]
fn unknown_algorithm_fields() {
    let mut p = signed("99bill.pay.notify", "", kq_notify_fields(), &secret());
    for v in ["2", "3", "5", "RSA", " 1"] {
        p.set("signType", v);
        assert_eq!(
            verify_status("99bill.pay.notify", "", &p, &secret()),
            PAYSIGN_INVALID_FIELD,
            "{v}"
        );
    }
    p.set("signType", "");
    assert_eq!(
        verify_status("99bill.pay.notify", "", &p, &secret()),
        PAYSIGN_MISSING_FIELD
    );
    let mut w = wx_notify();
    w.set("sign_type", "SHA1");
    assert_eq!(
        verify_status("wechatpay.notify", "", &w, &secret()),
        PAYSIGN_INVALID_FIELD
    );
}

#[test]
fn cross_profile_replay_matrix() {
    // Every profile's message, signed, presented to every other profile with the signature
    // moved to that profile's signature field. Exactly these pairs accept each other's
    // signatures, and each is a pair of identical rules over the same fields with the same
    // key (docs/security.md, "Replay across messages"): a request and a notification of the
    // same gateway (the merchant's secret signs both), or a shared secret across gateways.
    let mut accepted = std::collections::BTreeSet::new();
    let profiles: Vec<_> = paysign::gateways::all().collect();
    for rsa in [false, true] {
        let (sign_key, verify_key) = if rsa {
            (merchant(), merchant_cert())
        } else {
            (secret(), secret())
        };
        for a in &profiles {
            let Some(mut params) = common::natural_message(a, rsa) else {
                continue;
            };
            let Ok(sig) = paysign::sign(a, &no_opts(), &mut params, Some(&sign_key)) else {
                continue;
            };
            for b in profiles.iter().filter(|b| b.id != a.id) {
                let mut q = params.clone();
                q.remove(a.sig_field());
                q.set(b.sig_field(), &sig);
                if verify_status(b.id, "", &q, &verify_key) == PAYSIGN_OK {
                    accepted.insert(format!("{} {} -> {}", if rsa { "rsa" } else { "secret" }, a.id, b.id));
                }
            }
        }
    }
    let expected = [
        // Same gateway, same rule: a request is signed like a response/notification.
        "secret wechatpay.request -> wechatpay.notify",
        "secret wechatpay.notify -> wechatpay.request",
        "secret alipay.mapi.request -> alipay.mapi.notify",
        "secret alipay.mapi.notify -> alipay.mapi.request",
        "secret chinabank.pay.notify -> chinabank.query.response",
        "secret chinabank.query.response -> chinabank.pay.notify",
        "secret dinpay.pay.request -> dinpay.query.request",
        "secret dinpay.query.request -> dinpay.pay.request",
        "secret dinpay.query.response -> dinpay.pay.notify",
        // Across gateways, only with the same secret at both: WeChat's APP rule (no sign_type
        // signed) is Dinpay's MD5 rule.
        "secret wechatpay.app.payreq -> dinpay.pay.request",
        "secret wechatpay.app.payreq -> dinpay.query.request",
        // The JSAPI paySign signs its five fields (signType among them) by the general v2 rule,
        // so its parameters, which the payer's browser sees, verify as a v2 message with those
        // five fields and no result_code: check result_code, out_trade_no and total_fee.
        "secret wechatpay.jsapi.paysign -> wechatpay.request",
        "secret wechatpay.jsapi.paysign -> wechatpay.notify",
        "secret wechatpay.jsapi.paysign -> dinpay.pay.request",
        "secret wechatpay.jsapi.paysign -> dinpay.query.request",
        // ... and as Tenpay's gw.tenpay.com messages, whose rule WeChat's is.
        "secret wechatpay.jsapi.paysign -> tenpay.pay.request",
        "secret wechatpay.jsapi.paysign -> tenpay.pay.notify",
        // Tenpay's gw.tenpay.com rule is WeChat Pay v2's (built on Tenpay's) and Dinpay's MD5
        // rule but for the hex case, which verification does not compare; its request and
        // notification share one rule too.
        // Tenpay's back-end API messages sign by the same rule; the answer requires retcode
        // and the request partner, so nothing else verifies as them, but they verify as the
        // rest. A signed order-query answer presented as a notification is why a merchant
        // confirms notify_id (verifynotifyid.xml) before trusting tenpay.pay.notify.
        "secret tenpay.api.request -> dinpay.pay.request",
        "secret tenpay.api.request -> dinpay.query.request",
        "secret tenpay.api.request -> tenpay.pay.notify",
        "secret tenpay.api.request -> tenpay.pay.request",
        "secret tenpay.api.request -> wechatpay.notify",
        "secret tenpay.api.request -> wechatpay.request",
        "secret tenpay.api.response -> dinpay.pay.request",
        "secret tenpay.api.response -> dinpay.query.request",
        "secret tenpay.api.response -> tenpay.pay.notify",
        "secret tenpay.api.response -> tenpay.pay.request",
        "secret tenpay.api.response -> wechatpay.notify",
        "secret tenpay.api.response -> wechatpay.request",
        // MediPay's request lists its fields in a-z order, so a request holding only those
        // fields is also the sorted rule's message; its MD5 key is the escrow channel's own.
        "secret tenpay.medi.request -> dinpay.pay.request",
        "secret tenpay.medi.request -> dinpay.query.request",
        "secret tenpay.medi.request -> tenpay.pay.notify",
        "secret tenpay.medi.request -> tenpay.pay.request",
        "secret tenpay.medi.request -> wechatpay.notify",
        "secret tenpay.medi.request -> wechatpay.request",
        "secret tenpay.pay.request -> tenpay.pay.notify",
        "secret tenpay.pay.notify -> tenpay.pay.request",
        "secret tenpay.pay.request -> wechatpay.request",
        "secret tenpay.pay.request -> wechatpay.notify",
        "secret tenpay.pay.notify -> wechatpay.request",
        "secret tenpay.pay.notify -> wechatpay.notify",
        "secret wechatpay.request -> tenpay.pay.request",
        "secret wechatpay.request -> tenpay.pay.notify",
        "secret wechatpay.notify -> tenpay.pay.request",
        "secret wechatpay.notify -> tenpay.pay.notify",
        "secret tenpay.pay.request -> dinpay.pay.request",
        "secret tenpay.pay.request -> dinpay.query.request",
        "secret tenpay.pay.notify -> dinpay.pay.request",
        "secret tenpay.pay.notify -> dinpay.query.request",
        // Tenpay's WAP interface (wappay_init.cgi and its notification) signs by the same rule;
        // its required notify_url / transaction_id and the kit's name list keep the other
        // messages from verifying as it.
        "secret tenpay.wap.request -> dinpay.pay.request",
        "secret tenpay.wap.request -> dinpay.query.request",
        "secret tenpay.wap.request -> tenpay.pay.notify",
        "secret tenpay.wap.request -> tenpay.pay.request",
        "secret tenpay.wap.request -> wechatpay.notify",
        "secret tenpay.wap.request -> wechatpay.request",
        "secret tenpay.wap.notify -> dinpay.pay.request",
        "secret tenpay.wap.notify -> dinpay.query.request",
        "secret tenpay.wap.notify -> tenpay.pay.notify",
        "secret tenpay.wap.notify -> tenpay.pay.request",
        "secret tenpay.wap.notify -> wechatpay.notify",
        "secret tenpay.wap.notify -> wechatpay.request",
        // RSA: only with the same key pair, which a merchant's key and a gateway's are not.
        "rsa alipay.mapi.request -> alipay.mapi.notify",
        "rsa alipay.mapi.notify -> alipay.mapi.request",
        "rsa alipay.mapi.request -> alipay.openapi.notify",
        "rsa alipay.mapi.notify -> alipay.openapi.notify",
        "rsa dinpay.pay.request -> dinpay.query.request",
        "rsa dinpay.query.request -> dinpay.pay.request",
        "rsa dinpay.query.response -> dinpay.pay.notify",
        "rsa allinpay.aipg.request -> allinpay.aipg.response",
        "rsa allinpay.aipg.response -> allinpay.aipg.request",
        // UnionPay ACP signs request, notification and response by one rule; the merchant's
        // key signs requests, UnionPay's certificate the other two (and 5.1.0 checks its chain).
        "rsa unionpay.acp.request -> unionpay.acp.notify",
        "rsa unionpay.acp.request -> unionpay.acp.response",
        "rsa unionpay.acp.notify -> unionpay.acp.response",
        "rsa unionpay.acp.response -> unionpay.acp.notify",
    ];
    let expected: std::collections::BTreeSet<String> = expected.iter().map(|s| s.to_string()).collect();
    assert_eq!(accepted, expected);
}

/// DER, minimally: tag, length, content.
fn der(tag: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    if body.len() < 128 {
        out.push(body.len() as u8);
    } else {
        let len = (body.len() as u32).to_be_bytes();
        let skip = len.iter().position(|&b| b != 0).unwrap();
        out.push(0x80 | (4 - skip) as u8);
        out.extend_from_slice(&len[skip..]);
    }
    out.extend_from_slice(body);
    out
}

fn der_seq(parts: &[Vec<u8>]) -> Vec<u8> {
    der(0x30, &parts.concat())
}

fn der_uint(v: u64) -> Vec<u8> {
    let mut b = v.to_be_bytes().to_vec();
    while b.len() > 1 && b[0] == 0 && b[1] & 0x80 == 0 {
        b.remove(0);
    }
    if b[0] & 0x80 != 0 {
        b.insert(0, 0);
    }
    der(0x02, &b)
}

/// An EncryptedPrivateKeyInfo with PBES2, the given key derivation, AES-256-CBC, and junk data.
fn pbes2_key(kdf: Vec<u8>) -> Vec<u8> {
    let oid = |bytes: &[u8]| der(0x06, bytes);
    let pbes2 = oid(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d]);
    let aes256 = der_seq(&[
        oid(&[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2a]),
        der(0x04, &[0; 16]),
    ]);
    der_seq(&[der_seq(&[pbes2, der_seq(&[kdf, aes256])]), der(0x04, &[0x11; 1232])])
}

#[test]
fn encrypted_key_cost_is_bounded() {
    // A crafted encrypted PKCS#8 key used to make Key::load run PBKDF2 for 2^31 rounds (half
    // an hour) or ask scrypt for 128 TiB (an allocation failure aborts the whole host process).
    let oid = |bytes: &[u8]| der(0x06, bytes);
    let pbkdf2 = |iterations: u64| {
        der_seq(&[
            oid(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c]),
            der_seq(&[
                der(0x04, &[0x22; 8]),
                der_uint(iterations),
                der_seq(&[oid(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x09]), der(0x05, &[])]),
            ]),
        ])
    };
    let scrypt = |n: u64, r: u64, p: u64| {
        der_seq(&[
            oid(&[0x2b, 0x06, 0x01, 0x04, 0x01, 0xda, 0x47, 0x04, 0x0b]),
            der_seq(&[der(0x04, &[0x22; 8]), der_uint(n), der_uint(r), der_uint(p)]),
        ])
    };
    let t = Instant::now();
    for (kdf, message) in [
        (pbkdf2(0x7fff_ffff), "encrypted key: iteration count too large"),
        (pbkdf2(10_000_001), "encrypted key: iteration count too large"),
        (scrypt(1 << 40, 8, 1), "encrypted key: scrypt cost too large"),
        (scrypt(1 << 22, 8, 1), "encrypted key: scrypt cost too large"),
        (scrypt(1 << 18, 8, 64), "encrypted key: scrypt cost too large"),
    ] {
        let key = pbes2_key(kdf);
        let e = Key::load(&key, Some("x")).unwrap_err();
        assert_eq!((e.status, e.message.as_str()), (PAYSIGN_KEY_ERROR, message));
        assert_eq!(c_key_load(&key, Some("x")), PAYSIGN_KEY_ERROR);
    }
    assert!(t.elapsed() < Duration::from_secs(2), "took {:?}", t.elapsed());
    // Within the limits the derivation runs, and the junk data is a wrong password.
    for kdf in [pbkdf2(2048), scrypt(1 << 14, 8, 1)] {
        let e = Key::load(&pbes2_key(kdf), Some("x")).unwrap_err();
        assert_eq!(e.status, PAYSIGN_KEY_ERROR);
        assert!(e.message.starts_with("wrong password"), "{}", e.message);
    }
}
