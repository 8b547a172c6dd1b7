//! Gateway rules beyond the shared vectors. Expected digests were computed independently with
//! Python's hashlib/hmac from the rule in ../shared/specs (the snippet is beside each value);
//! RSA cases start from the shared vectors (signed by OpenSSL) or are checked with the openssl CLI.

mod common;
use common::*;
use paysign::{Charset, Format, Key, Options, Params, Status};

fn opts(s: &str) -> Options {
    Options::parse(s).unwrap()
}

fn verify_params(profile: &str, o: &str, params: &Params, key: &Key) -> paysign::Result<bool> {
    paysign::verify(paysign::profile(profile).unwrap(), &opts(o), params, Some(key)).map(|v| v.is_valid())
}

// ------------------------------------------------------------------------------------ 99bill

#[test]
fn kuaiqian_signmsg_survives_plus_as_space_and_line_breaks() {
    let c = case("99bill-rsa-sha256-request-10012140356-verify-cert");
    let (key, o) = key_and_options(&c);
    let key = key.unwrap();
    let mut p = params_of(&c);
    let sig = p.get("signMsg").unwrap().to_string();
    assert!(sig.contains('+'), "the vector's signature has a '+' to lose");
    p.set("signMsg", &sig.replace('+', " "));
    assert!(
        verify_params("99bill.pay.request", &o, &p, &key).unwrap(),
        "'+' as space"
    );
    let wrapped: String = sig
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join("\r\n");
    p.set("signMsg", &wrapped);
    assert!(
        verify_params("99bill.pay.request", &o, &p, &key).unwrap(),
        "line-wrapped base64"
    );
    // Anything else changed in the signature fails.
    let mut bad = sig.clone().into_bytes();
    bad[10] = if bad[10] == b'A' { b'B' } else { b'A' };
    p.set("signMsg", std::str::from_utf8(&bad).unwrap());
    assert!(!verify_params("99bill.pay.request", &o, &p, &key).unwrap());
}

#[test]
fn kuaiqian_rsa_accepts_sha1_or_sha256_unless_pinned() {
    let c = case("99bill-rsa-sha1-request-legacy-rc2-verify-cert");
    let (key, _) = key_and_options(&c);
    let (key, p) = (key.unwrap(), params_of(&c));
    assert!(
        verify_params("99bill.pay.request", "", &p, &key).unwrap(),
        "SHA-1 accepted by default"
    );
    assert!(verify_params("99bill.pay.request", "hash=sha1", &p, &key).unwrap());
    assert!(
        !verify_params("99bill.pay.request", "hash=sha256", &p, &key).unwrap(),
        "pinned SHA-256"
    );
    let c = case("99bill-rsa-sha256-request-10012140356-verify-cert");
    let (key, _) = key_and_options(&c);
    assert!(
        verify_params("99bill.pay.request", "", &params_of(&c), &key.unwrap()).unwrap(),
        "SHA-256 by default"
    );
}

#[test]
fn kuaiqian_signs_sha256_by_default_and_sha1_on_request() {
    // Same params as the OpenSSL-made vectors, without the hash option.
    let c = case("99bill-rsa-sha256-request-10012140356-pem");
    let (key, _) = key_and_options(&c);
    let p = paysign::profile("99bill.pay.request").unwrap();
    let sig = paysign::sign(p, &Options::default(), &mut params_of(&c), key.as_ref()).unwrap();
    assert_eq!(Some(sig.as_str()), c["expect_signature"].as_str());
    let c1 = case("99bill-rsa-sha1-request-10012140356-pem");
    let sig1 = paysign::sign(p, &opts("hash=sha1"), &mut params_of(&c1), key.as_ref()).unwrap();
    assert_eq!(Some(sig1.as_str()), c1["expect_signature"].as_str());
}

#[test]
fn kuaiqian_input_charset_gbk_signs_gbk_bytes() {
    // python3: hashlib.md5(s.encode('gbk')).hexdigest().upper() with
    // s = 'inputCharset=2&version=v2.0&language=1&signType=1&merchantAcctId=1001214035601&orderId=A1&orderAmount=100&productName=中文书&key=K123'
    let gbk = "5B4276BEA059B0400C0538D8E7A56E4B";
    let utf8 = "AAB355F978E4D01168243949EAFC7930"; // the same string over UTF-8 bytes (charset= override)
    let key = Key::secret("K123").unwrap();
    let p = paysign::profile("99bill.pay.request").unwrap();
    let mut params = Params::from_pairs([
        ("inputCharset", "2"),
        ("version", "v2.0"),
        ("language", "1"),
        ("signType", "1"),
        ("merchantAcctId", "1001214035601"),
        ("orderId", "A1"),
        ("orderAmount", "100"),
        ("productName", "中文书"),
    ]);
    assert_eq!(
        paysign::sign(p, &Options::default(), &mut params.clone(), Some(&key)).unwrap(),
        gbk
    );
    assert_eq!(
        paysign::sign(p, &opts("charset=utf-8"), &mut params.clone(), Some(&key)).unwrap(),
        utf8
    );
    // inputCharset=1: the same fields over UTF-8, python3 gives 5822C34C6FDAA2A52DFA7B541D92AF68
    params.set("inputCharset", "1");
    assert_eq!(
        paysign::sign(p, &Options::default(), &mut params, Some(&key)).unwrap(),
        "5822C34C6FDAA2A52DFA7B541D92AF68"
    );
    // The body as a GBK form: decoded in the charset the message declares, without being told.
    let body = format!(
        "inputCharset=2&version=v2.0&language=1&signType=1&merchantAcctId=1001214035601&orderId=A1&orderAmount=100&productName=%D6%D0%CE%C4%CA%E9&signMsg={gbk}"
    );
    let (v, parsed) =
        paysign::verify_body(p, &Options::default(), body.as_bytes(), Format::Form, None, Some(&key)).unwrap();
    assert!(v.is_valid(), "{v:?}");
    assert_eq!(parsed.get("productName"), Some("中文书"));
    // Declared GBK but the caller insists on UTF-8 for the body: the bytes are not UTF-8.
    let e = paysign::verify_body(
        p,
        &Options::default(),
        body.as_bytes(),
        Format::Form,
        Some(Charset::Utf8),
        Some(&key),
    );
    assert_eq!(e.unwrap_err().status, Status::PAYSIGN_CHARSET_ERROR);
}

#[test]
fn kuaiqian_notify_takes_the_last_occurrence_and_ignores_merchant_query() {
    // bgUrl was http://shop/notify?orderId=MINE&from=99bill; 99bill appends its own fields.
    let c = case("99bill-md5-callback-midpay");
    let (key, _) = key_and_options(&c);
    let mut body = String::from("orderId=MINE&from=99bill&");
    let fields: Vec<String> = params_of(&c)
        .iter()
        .map(|(n, v)| format!("{n}={}", v.replace('+', "%2B")))
        .collect();
    body.push_str(&fields.join("&"));
    let p = paysign::profile("99bill.pay.notify").unwrap();
    let (v, parsed) = paysign::verify_body(
        p,
        &Options::default(),
        body.as_bytes(),
        Format::Form,
        None,
        key.as_ref(),
    )
    .unwrap();
    assert!(v.is_valid(), "{v:?}");
    assert_eq!(parsed.get("orderId"), Some("5094e515bcc1261dc1000013"));
    assert_eq!(parsed.get("from"), Some("99bill"));
    // Elsewhere a repeated name is an error.
    let p = paysign::profile("dinpay.pay.notify").unwrap();
    let e = paysign::verify_body(
        p,
        &Options::default(),
        b"order_no=1&order_no=2&sign=x",
        Format::Form,
        None,
        key.as_ref(),
    );
    assert_eq!(e.unwrap_err().status, Status::PAYSIGN_DUPLICATE_FIELD);
}

#[test]
fn kuaiqian_replies() {
    let p = paysign::profile("99bill.pay.notify").unwrap();
    assert_eq!(
        paysign::reply(p, true, Some("http://m/ok?a=1")).unwrap(),
        "<result>1</result><redirecturl>http://m/ok?a=1</redirecturl>"
    );
    assert_eq!(
        paysign::reply(p, false, Some("http://m/f")).unwrap(),
        "<result>0</result><redirecturl>http://m/f</redirecturl>"
    );
    assert_eq!(
        paysign::reply(p, true, None).unwrap_err().status,
        Status::PAYSIGN_INVALID_ARGUMENT
    );
    assert_eq!(
        paysign::reply(p, true, Some("http://m/<x>")).unwrap_err().status,
        Status::PAYSIGN_INVALID_ARGUMENT
    );
}

#[test]
fn kuaiqian_query_rsa_needs_the_query_key() {
    let key = Key::load_file(&key_path("99bill_10012140356.pfx"), Some("123456")).unwrap();
    let p = paysign::profile("99bill.query.request").unwrap();
    let params = Params::from_pairs([
        ("inputCharset", "1"),
        ("version", "v2.0"),
        ("signType", "2"),
        ("merchantAcctId", "1001214035601"),
        ("queryType", "0"),
        ("queryMode", "1"),
        ("orderId", "A1"),
    ]);
    let e = paysign::sign_string(p, &Options::default(), &params, Some(&key)).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_ARGUMENT);
    assert!(e.message.contains("query_key"));
    let s = paysign::sign_string(p, &opts("query_key=27YKWKBKHT2IZSQ4"), &params, Some(&key)).unwrap();
    assert_eq!(*s, "inputCharset=1&version=v2.0&signType=2&merchantAcctId=1001214035601&queryType=0&queryMode=1&orderId=A1&key=27YKWKBKHT2IZSQ4");
}

// ------------------------------------------------------------------------------------ WeChat

#[test]
fn wechat_trims_like_java_and_infers_hmac_from_length() {
    let key = Key::secret("K").unwrap();
    let p = paysign::profile("wechatpay.request").unwrap();
    // python3: hashlib.md5('a=1&b=x&key=K'.encode()).hexdigest().upper()
    let mut params = Params::from_pairs([("a", " 1 "), ("b", "x\t"), ("c", "  ")]);
    assert_eq!(
        paysign::sign(p, &Options::default(), &mut params, Some(&key)).unwrap(),
        "97145D158A23A2F561FFC8FFA81ED071"
    );
    // U+3000 is not trimmed by Java's String.trim(): md5('a=1&b=x\u3000&key=K')
    let mut params = Params::from_pairs([("a", "1"), ("b", "x\u{3000}")]);
    assert_eq!(
        paysign::sign(p, &Options::default(), &mut params, Some(&key)).unwrap(),
        "F238FB83CF6D07A9582AEC2B3DA765DC"
    );
    // A notification without sign_type whose sign is 64 hex digits is HMAC-SHA256:
    // hmac.new(b'K', b'appid=wx1&mch_id=100&key=K', hashlib.sha256).hexdigest().upper()
    let hmac = "02C9199BD66A253034EAECCC851003524B3C33590D755722B288DDF9910C91AB";
    let n = paysign::profile("wechatpay.notify").unwrap();
    let params = Params::from_pairs([("appid", "wx1"), ("mch_id", "100"), ("sign", hmac)]);
    assert!(paysign::verify(n, &Options::default(), &params, Some(&key))
        .unwrap()
        .is_valid());
    assert!(paysign::verify(n, &opts("sign_type=HMAC-SHA256"), &params, Some(&key))
        .unwrap()
        .is_valid());
    let params = Params::from_pairs([("appid", "wx1"), ("mch_id", "100"), ("sign", &hmac[..40])]);
    assert_eq!(
        paysign::verify(n, &Options::default(), &params, Some(&key))
            .unwrap_err()
            .status,
        Status::PAYSIGN_INVALID_FIELD
    );
}

#[test]
fn wechat_replies() {
    let p = paysign::profile("wechatpay.notify").unwrap();
    assert_eq!(
        paysign::reply(p, true, None).unwrap(),
        "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>"
    );
    assert!(paysign::reply(p, false, None).unwrap().contains("<![CDATA[FAIL]]>"));
}

#[test]
fn a_character_the_charset_lacks_is_the_same_error_signing_and_showing() {
    // Signing streams the string into MD5 piece by piece; sign_string builds it whole. Both
    // must refuse U+1F600 in a GBK request the same way, naming the sign string.
    let key = Key::secret("K123").unwrap();
    let p = paysign::profile("99bill.pay.request").unwrap();
    let params = Params::from_pairs([
        ("inputCharset", "2"),
        ("version", "v2.0"),
        ("signType", "1"),
        ("merchantAcctId", "1001214035601"),
        ("orderId", "A1"),
        ("orderAmount", "100"),
        ("productName", "书\u{1F600}"),
    ]);
    let signed = paysign::sign(p, &Options::default(), &mut params.clone(), Some(&key)).unwrap_err();
    let shown = paysign::sign_string(p, &Options::default(), &params, Some(&key)).unwrap_err();
    assert_eq!(signed.status, Status::PAYSIGN_CHARSET_ERROR);
    assert_eq!(signed.message, shown.message);
    assert!(signed.message.contains("sign string"), "{}", signed.message);
    assert!(!signed.message.contains("K123"), "{}", signed.message);
}

#[test]
fn an_empty_name_signs_as_the_sign_string_shows_it() {
    // Only the Rust API can set an empty name. Signing streams pieces, sign_string builds the
    // text: both must write `=value` for it (python3: hashlib.md5(b'=x&appid=wx1&key=K').hexdigest()).
    let key = Key::secret("K").unwrap();
    let p = paysign::profile("wechatpay.request").unwrap();
    let params = Params::from_pairs([("", "x"), ("appid", "wx1")]);
    let o = opts("sign_type=MD5");
    assert_eq!(
        paysign::sign_string(p, &o, &params, Some(&key)).unwrap().as_str(),
        "=x&appid=wx1&key=K"
    );
    assert_eq!(
        paysign::sign(p, &o, &mut params.clone(), Some(&key)).unwrap(),
        "140C9487E6EC18A9205DBFAF1F4A0627"
    );
}

// ------------------------------------------------------------------------------------ Alipay

#[test]
fn alipay_mapi_notify_in_gbk() {
    // python3: hashlib.md5(('body=中文&notify_id=n1&total_fee=0.01' + 'alikey').encode('gbk')).hexdigest()
    let key = Key::secret("alikey").unwrap();
    let p = paysign::profile("alipay.mapi.notify").unwrap();
    let body = b"body=%D6%D0%CE%C4&notify_id=n1&total_fee=0.01&_input_charset=gbk&sign_type=MD5&sign=e8596cc7a6306f7cf0f2ca51c3e92e09";
    // _input_charset itself is signed when present: this body's string includes it, so build the
    // expected string without it first, then show the real rule.
    let (v, _) = paysign::verify_body(p, &Options::default(), body, Format::Form, None, Some(&key)).unwrap();
    assert!(!v.is_valid(), "_input_charset is a signed field");
    let body = b"body=%D6%D0%CE%C4&notify_id=n1&total_fee=0.01&sign_type=MD5&sign=e8596cc7a6306f7cf0f2ca51c3e92e09";
    let (v, parsed) = paysign::verify_body(
        p,
        &opts("charset=gbk"),
        body,
        Format::Form,
        Some(Charset::Gbk),
        Some(&key),
    )
    .unwrap();
    assert!(v.is_valid(), "{v:?}");
    assert_eq!(parsed.get("body"), Some("中文"));
    assert_eq!(paysign::reply(p, true, None).unwrap(), "success");
}

#[test]
fn alipay_notify_verify_url() {
    assert_eq!(
        paysign::gateways::alipay::notify_verify_url("2088101122136241", "ab+c/d="),
        "https://mapi.alipay.com/gateway.do?service=notify_verify&partner=2088101122136241&notify_id=ab%2Bc%2Fd%3D"
    );
}

// ------------------------------------------------------------------------------------ YeePay

const YEEPAY_KEY: &str = "69cl522AV6q613Ii4W6u8K6XuW8vM1N6bFgyv769220IuYe9u37N4y7rI4Pl";

fn yeepay_callback(hmac: &str, hmac_safe: Option<&str>) -> String {
    // r5_Pid=中文书 and r8_MP=附言 as GBK percent-escapes, unsigned rb_BankId extra.
    let mut s = format!(
        "p1_MerId=10001126856&r0_Cmd=Buy&r1_Code=1&r2_TrxId=T100&r3_Amt=0.01&r4_Cur=RMB&r5_Pid=%D6%D0%CE%C4%CA%E9&r6_Order=A1&r7_Uid=&r8_MP=%B8%BD%D1%D4&r9_BType=2&rb_BankId=ICBC-NET&hmac={hmac}"
    );
    if let Some(h) = hmac_safe {
        s.push_str("&hmac_safe=");
        s.push_str(h);
    }
    s
}

#[test]
fn yeepay_gbk_callback_hmac_over_utf8() {
    // python3: hmac.new(KEY, ''.join(['10001126856','Buy','1','T100','0.01','RMB','中文书','A1','','附言','2']).encode('utf-8'), hashlib.md5).hexdigest()
    let hmac = "c9a72935d89ae54f72f66531e8992b45";
    // the same values joined with '#', empties skipped
    let safe = "e378c0328b9710cda42a36ad219280fd";
    let key = Key::secret(YEEPAY_KEY).unwrap();
    let p = paysign::profile("yeepay.pay.notify").unwrap();
    let check = |body: String, o: &str| {
        paysign::verify_body(p, &opts(o), body.as_bytes(), Format::Form, None, Some(&key)).map(|(v, _)| v.is_valid())
    };
    assert!(check(yeepay_callback(hmac, None), "").unwrap(), "GBK wire, UTF-8 HMAC");
    assert!(check(yeepay_callback(hmac, Some(safe)), "hmac_safe=1").unwrap());
    assert!(
        check(yeepay_callback(hmac, Some("00000000000000000000000000000000")), "").unwrap(),
        "hmac_safe unchecked by default"
    );
    assert!(!check(
        yeepay_callback(hmac, Some("00000000000000000000000000000000")),
        "hmac_safe=1"
    )
    .unwrap());
    assert_eq!(
        check(yeepay_callback(hmac, None), "hmac_safe=1").unwrap_err().status,
        Status::PAYSIGN_MISSING_FIELD
    );
    // Signing with the option sets hmac_safe too (the value above); without it, only hmac.
    let (_, fields) = paysign::verify_body(
        p,
        &Options::default(),
        yeepay_callback(hmac, None).as_bytes(),
        Format::Form,
        None,
        Some(&key),
    )
    .unwrap();
    let mut signed = fields.clone();
    paysign::sign(p, &opts("hmac_safe=1"), &mut signed, Some(&key)).unwrap();
    assert_eq!((signed.get("hmac"), signed.get("hmac_safe")), (Some(hmac), Some(safe)));
    let mut plain = fields.clone();
    plain.remove("hmac_safe");
    paysign::sign(p, &Options::default(), &mut plain, Some(&key)).unwrap();
    assert_eq!((plain.get("hmac"), plain.get("hmac_safe")), (Some(hmac), None));
    // Decoding the GBK query as UTF-8 is a charset error, not a silent mismatch.
    let e = paysign::verify_body(
        p,
        &Options::default(),
        yeepay_callback(hmac, None).as_bytes(),
        Format::Form,
        Some(Charset::Utf8),
        Some(&key),
    );
    assert_eq!(e.unwrap_err().status, Status::PAYSIGN_CHARSET_ERROR);
    assert_eq!(paysign::reply(p, true, None).unwrap(), "success");
}

// ------------------------------------------------------------------------------------ Allinpay

#[test]
fn allinpay_decimal_public_key_verifies_like_the_pem() {
    let dec = Key::load_file(&key_path("allinpay_publickey.txt"), None).unwrap();
    let pem = Key::load_file(&key_path("allinpay_gateway_public.pem"), None).unwrap();
    assert_eq!(dec.info().public_sha256, pem.info().public_sha256);
}

#[test]
fn allinpay_aipg_signs_exactly_the_gbk_document_with_an_empty_signed_msg() {
    let key = Key::load_file(&key_path("99bill_10012140356.pfx"), Some("123456")).unwrap();
    let p = paysign::profile("allinpay.aipg.request").unwrap();
    let doc = "<?xml version=\"1.0\" encoding=\"GBK\"?><AIPG><INFO><TRX_CODE>100001</TRX_CODE><USER_NAME>张三</USER_NAME><SIGNED_MSG></SIGNED_MSG></INFO><BODY><AMOUNT>100</AMOUNT></BODY></AIPG>";
    let mut params = Params::from_pairs([("document", doc)]);
    let sig = paysign::sign(p, &Options::default(), &mut params, Some(&key)).unwrap();
    assert!(
        sig.len() == 512 && sig.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()),
        "lowercase hex"
    );
    let signed_doc = params.get("document").unwrap();
    assert_eq!(
        signed_doc,
        doc.replace("<SIGNED_MSG></SIGNED_MSG>", &format!("<SIGNED_MSG>{sig}</SIGNED_MSG>"))
    );
    // The signed bytes are the GBK encoding of the document with an empty SIGNED_MSG: check
    // with the openssl CLI, independently of this library.
    let dir = std::env::temp_dir().join(format!("paysign-aipg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(doc);
    assert!(gbk.windows(2).any(|w| w == [0xD5, 0xC5]), "张 is GBK D5C5");
    std::fs::write(dir.join("msg"), &gbk).unwrap();
    std::fs::write(dir.join("sig"), paysign::digest::unhex(&sig, "sig").unwrap()).unwrap();
    let out = std::process::Command::new("openssl")
        .args(["dgst", "-sha1", "-prverify"])
        .arg(key_path("99bill_10012140356.pem"))
        .arg("-signature")
        .arg(dir.join("sig"))
        .arg(dir.join("msg"))
        .output();
    match out {
        Ok(o) => assert!(String::from_utf8_lossy(&o.stdout).contains("Verified OK"), "{o:?}"),
        Err(e) => eprintln!("openssl CLI not available ({e}); byte-level check skipped"),
    }
    std::fs::remove_dir_all(&dir).ok();
    // The response profile verifies the same document (emptied element) with the certificate,
    // and also the "element removed" form some implementations signed.
    let cert = Key::load_file(&key_path("99bill_10012140356_cert.pem"), None).unwrap();
    let r = paysign::profile("allinpay.aipg.response").unwrap();
    let (v, _) = paysign::verify_body(
        r,
        &Options::default(),
        &encoding_rs::GBK.encode(signed_doc).0,
        Format::Xml,
        None,
        Some(&cert),
    )
    .unwrap();
    assert!(v.is_valid(), "{v:?}");
}

// ------------------------------------------------------------------------------------ CMPP/SMGP

#[test]
fn cmpp_timestamp_is_zero_padded_to_ten_digits() {
    let key = Key::secret("888888").unwrap();
    let p = paysign::profile("cmpp.connect").unwrap();
    let params = Params::from_pairs([("source_addr", "900001"), ("timestamp", "301000000")]);
    let s = paysign::sign_string(p, &Options::default(), &params, Some(&key)).unwrap();
    // "900001" + 9 zero bytes + "888888" + "0301000000"
    assert_eq!(
        *s,
        format!("393030303031{}383838383838{}", "00".repeat(9), "30333031303030303030")
    );
    let params = Params::from_pairs([("source_addr", "900001"), ("timestamp", "4294967296")]);
    assert_eq!(
        paysign::sign_string(p, &Options::default(), &params, Some(&key))
            .unwrap_err()
            .status,
        Status::PAYSIGN_INVALID_FIELD
    );
}

#[test]
fn every_notification_profile_has_its_exact_reply() {
    let want = [
        ("chinabank.pay.notify", "ok", "error"),
        ("dinpay.pay.notify", "SUCCESS", "FAIL"),
        ("alipay.openapi.notify", "success", "fail"),
        ("allinpay.pay.notify", "success", "fail"),
        ("yeepay.pay.notify", "success", "fail"),
    ];
    for (id, ok, fail) in want {
        let p = paysign::profile(id).unwrap();
        assert_eq!(paysign::reply(p, true, None).unwrap(), ok, "{id}");
        assert_eq!(paysign::reply(p, false, None).unwrap(), fail, "{id}");
    }
}

#[test]
fn documented_but_unspecified_algorithms_are_unsupported() {
    let key = Key::secret("k").unwrap();
    for (id, field, value) in [
        ("alipay.mapi.request", "sign_type", "DSA"),
        ("dinpay.pay.request", "sign_type", "RSA"),
    ] {
        let p = paysign::profile(id).unwrap();
        let params = Params::from_pairs([("a", "1"), (field, value)]);
        let e = paysign::sign(p, &Options::default(), &mut params.clone(), Some(&key)).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_UNSUPPORTED, "{id}");
        let params = Params::from_pairs([("a", "1"), (field, "SM3")]);
        let e = paysign::sign(p, &Options::default(), &mut params.clone(), Some(&key)).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD, "{id}");
    }
}

// --------------------------------------------------------------------------------------- NPS

#[test]
fn nps_signing_sets_order_message_to_the_hex_of_the_gb2312_values() {
    let c = case("nps-request-md5-derived");
    let (key, o) = key_and_options(&c);
    let mut params = params_of(&c);
    let sig = paysign::sign(
        paysign::profile("nps.pay.request").unwrap(),
        &opts(&o),
        &mut params,
        key.as_ref(),
    )
    .unwrap();
    assert_eq!(params.get("digest"), Some(sig.as_str()));
    let hex = params.get("OrderMessage").unwrap();
    let with_key = c["expect_sign_string"].as_str().unwrap();
    assert_eq!(hex, &with_key[..with_key.len() - "NPS-TEST-KEY-0123456789".len()]);
    // The order's 19 values, |-joined, in GB2312: 张 is D5C5 there (B5E5 would be UTF-8 bytes).
    assert!(hex.starts_with("31303030317C") && hex.contains("D5C5C8FD"), "{hex}");
}

#[test]
fn nps_refuses_a_byte_the_gateway_hex_would_write_as_one_digit() {
    let p = paysign::profile("nps.pay.request").unwrap();
    let mut params = params_of(&case("nps-request-md5-derived"));
    params.set("s_addr", "line one\tline two");
    let key = Key::secret("NPS-TEST-KEY-0123456789").unwrap();
    let e = paysign::sign(p, &opts(""), &mut params, Some(&key)).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD);
    assert!(
        e.message.starts_with("field 's_addr': holds a control character"),
        "{}",
        e.message
    );
    assert!(params.get("OrderMessage").is_none(), "nothing written on error");
    // 0x10 and above write two digits: signed.
    params.set("s_addr", "a\u{1f}b");
    assert!(paysign::sign(p, &opts(""), &mut params, Some(&key)).is_ok());
}

#[test]
fn nps_vir_signs_13_fields_and_leaves_names_addresses_comment_and_state_unsigned() {
    let c = case("nps-vir-request-md5-derived");
    let (key, o) = key_and_options(&c);
    let p = paysign::profile("nps.vir.request").unwrap();
    let want = c["expect_signature"].as_str().unwrap();
    let mut params = params_of(&c);
    assert_eq!(paysign::sign(p, &opts(&o), &mut params, key.as_ref()).unwrap(), want);
    assert_eq!(params.get("digestinfo"), Some(want));
    // The sources sign none of these; the gateway cannot tell them changed.
    for f in ["S_Name", "S_Address", "R_Name", "R_Address", "MOComment", "State"] {
        let mut q = params_of(&c);
        q.set(f, "changed");
        assert_eq!(paysign::sign(p, &opts(&o), &mut q, key.as_ref()).unwrap(), want, "{f}");
    }
    let mut q = params_of(&c);
    q.set("S_Email", "other@example.com");
    assert_ne!(paysign::sign(p, &opts(&o), &mut q, key.as_ref()).unwrap(), want);
}

#[test]
fn nps_vir_notify_is_newmd5info_alone() {
    let c = case("nps-vir-notify-md5-derived");
    let key = key_and_options(&c).0.unwrap();
    let mut params = params_of(&c);
    assert!(verify_params("nps.vir.notify", "", &params, &key).unwrap());
    // No OrderMessage or Digest in this interface's notification: nothing else is needed.
    assert!(params.get("OrderMessage").is_none() && params.get("Digest").is_none());
    params.remove("newmd5info");
    let e = verify_params("nps.vir.notify", "", &params, &key).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_MISSING_FIELD);
    assert!(e.message.contains("newmd5info"), "{}", e.message);
}

#[test]
fn nps_notify_checks_newmd5info_always() {
    let c = case("nps-notify-md5-derived");
    let (key, _) = key_and_options(&c);
    let key = key.unwrap();
    let mut params = params_of(&c);
    assert!(verify_params("nps.pay.notify", "", &params, &key).unwrap());
    params.remove("newmd5info");
    let e = verify_params("nps.pay.notify", "", &params, &key).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_MISSING_FIELD);
    assert!(e.message.contains("newmd5info"), "{}", e.message);
    // The verdict names the check that failed.
    let t = params_of(&case("nps-notify-md5-derived-tampered-m_oamount"));
    let v = paysign::verify(paysign::profile("nps.pay.notify").unwrap(), &opts(""), &t, Some(&key)).unwrap();
    assert_eq!(
        v,
        paysign::Verdict::Invalid("Digest matches but newmd5info does not".into())
    );
    let e = paysign::reply(paysign::profile("nps.pay.notify").unwrap(), true, None).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_ARGUMENT);
    assert!(e.message.contains("documents no reply body"), "{}", e.message);
}

// --------------------------------------------------------------------------------------- IPS

#[test]
fn ips_encode_types_other_than_the_md5_ones_are_named() {
    let p = paysign::profile("ips.pay.request").unwrap();
    let key = Key::secret("cert").unwrap();
    let mut params = params_of(&case("ips-request-md5-crasader"));
    params.set("OrderEncodeType", "2");
    let e = paysign::sign(p, &opts(""), &mut params.clone(), Some(&key)).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_UNSUPPORTED, "{}", e.message);
    params.set("OrderEncodeType", "9");
    let e = paysign::sign(p, &opts(""), &mut params.clone(), Some(&key)).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD);
    assert!(e.message.starts_with("field 'OrderEncodeType'"), "{}", e.message);
    params.remove("OrderEncodeType");
    let e = paysign::sign(p, &opts(""), &mut params, Some(&key)).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_MISSING_FIELD);
    let n = paysign::profile("ips.pay.notify").unwrap();
    let mut t = params_of(&case("ips-notify-md5-crasader"));
    t.set("retencodetype", "16");
    let e = paysign::verify(n, &opts(""), &t, Some(&key)).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_UNSUPPORTED, "{}", e.message);
}

#[test]
fn ips_notify_accepts_uppercase_hex_and_replies_ipscheckok() {
    let c = case("ips-notify-md5-crasader");
    let (key, _) = key_and_options(&c);
    let mut params = params_of(&c);
    let upper = params.get("signature").unwrap().to_uppercase();
    params.set("signature", &upper);
    assert!(verify_params("ips.pay.notify", "", &params, &key.unwrap()).unwrap());
    let p = paysign::profile("ips.pay.notify").unwrap();
    assert_eq!(paysign::reply(p, true, None).unwrap(), "ipscheckok");
}

// ------------------------------------------------------------------------------------ Tenpay

#[test]
fn tenpay_cmdno_keeps_empties_but_signs_spbill_create_ip_only_when_set() {
    let p = paysign::profile("tenpay.cmdno.request").unwrap();
    let c = case("tenpay-cmdno-request-md5-crasader");
    let (key, _) = key_and_options(&c);
    let mut params = params_of(&c);
    params.set("attach", "");
    params.remove("spbill_create_ip");
    let s = paysign::sign_string(p, &opts(""), &params, key.as_ref()).unwrap();
    assert!(
        s.ends_with("&hallid=6&attach=&key=b4c881732169515577e42abdadec50b3"),
        "{}",
        *s
    );
    params.set("spbill_create_ip", "");
    assert_eq!(*paysign::sign_string(p, &opts(""), &params, key.as_ref()).unwrap(), *s);
}

#[test]
fn tenpay_gw_signs_the_bytes_input_charset_names() {
    // The vector signs with option charset=gbk; its input_charset=GBK says the same.
    let c = case("tenpay-gw-request-md5-derived");
    let (key, _) = key_and_options(&c);
    let mut params = params_of(&c);
    let p = paysign::profile("tenpay.pay.request").unwrap();
    let sig = paysign::sign(p, &opts(""), &mut params, key.as_ref()).unwrap();
    assert_eq!(sig, c["expect_signature"].as_str().unwrap());
    params.set("input_charset", "UTF-8");
    let utf8 = paysign::sign(p, &opts(""), &mut params, key.as_ref()).unwrap();
    assert_ne!(utf8, sig, "图书 has other bytes in UTF-8");
}

#[test]
fn tenpay_api_answer_trims_values_and_an_unsigned_error_names_sign() {
    let p = paysign::profile("tenpay.api.response").unwrap();
    let c = case("tenpay-api-refund-response-derived");
    let (key, _) = key_and_options(&c);
    let key = key.unwrap();
    let body = body_of(&c);
    let (v, parsed) = paysign::verify_body(p, &opts(""), &body, Format::Xml, Some(Charset::Gbk), Some(&key)).unwrap();
    assert!(v.is_valid());
    assert_eq!(parsed.get("reccv_user_name"), Some("财付通测试商户"));
    // The vendor's handler trims each value, so padding the signed refund_fee changes nothing.
    let padded = Charset::Gbk
        .decode(&body, "body")
        .unwrap()
        .replace("<refund_fee>1</refund_fee>", "<refund_fee>\n  1 </refund_fee>");
    let gbk = Charset::Gbk.encode(&padded, "body").unwrap();
    let (v, _) = paysign::verify_body(p, &opts(""), &gbk, Format::Xml, Some(Charset::Gbk), Some(&key)).unwrap();
    assert!(v.is_valid());
    // An error answer carries retcode and retmsg and no sign: not a verdict, a missing field.
    let err = "<?xml version=\"1.0\" encoding=\"GBK\"?><root><retcode>88222001</retcode><retmsg>order not found</retmsg></root>";
    let e = paysign::verify_body(
        p,
        &opts(""),
        err.as_bytes(),
        Format::Xml,
        Some(Charset::Gbk),
        Some(&key),
    )
    .unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_MISSING_FIELD);
    assert!(e.message.contains("sign"), "{}", e.message);
}

// ------------------------------------------------------------------------------------ IPS 7.0

#[test]
fn ips_v7_signs_into_the_head_and_leaves_the_head_unsigned() {
    let c = case("ips-v7-request-md5-payumtw");
    let (key, _) = key_and_options(&c);
    let key = key.unwrap();
    let published = params_of(&c).get("pGateWayReq").unwrap().to_string();
    let p = paysign::profile("ips.v7.request").unwrap();
    // Signing the document with an empty <Signature> writes PayumTW's published value into it.
    let blank = published.replace("527c01c2b04d4f8b198180ba72b0f66e", "");
    let mut params = Params::from_pairs([("pGateWayReq", blank.as_str())]);
    let sig = paysign::sign(p, &opts(""), &mut params, Some(&key)).unwrap();
    assert_eq!(sig, "527c01c2b04d4f8b198180ba72b0f66e");
    assert_eq!(params.get("pGateWayReq"), Some(published.as_str()));

    // The notification: IPS signs <body> only, so the head's RspCode is not protected.
    let c = case("ips-v7-notify-md5-payumtw");
    let n = paysign::profile("ips.v7.notify").unwrap();
    let good = params_of(&c);
    let mut head = good.clone();
    let doc = head
        .get("paymentResult")
        .unwrap()
        .replace("<RspCode>000000</RspCode>", "<RspCode>999999</RspCode>");
    head.set("paymentResult", &doc);
    assert!(paysign::verify(n, &opts(""), &head, Some(&key)).unwrap().is_valid());
    // Its head carries no MerCode: without the merchant's own, a missing field named MerCode.
    let mut bare = good.clone();
    bare.remove("MerCode");
    let e = paysign::verify(n, &opts(""), &bare, Some(&key)).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_MISSING_FIELD);
    assert!(e.message.contains("MerCode"), "{}", e.message);
    // As posted (a form field), with the merchant's code appended to the body.
    let xml = good.get("paymentResult").unwrap();
    let enc: String = xml
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let body = format!("paymentResult={enc}&MerCode=c5374addd1a3d024c3a026199cb8feaf");
    let (v, parsed) = paysign::verify_body(n, &opts(""), body.as_bytes(), Format::Form, None, Some(&key)).unwrap();
    assert!(v.is_valid());
    assert_eq!(parsed.get("paymentResult"), Some(xml));
    assert_eq!(paysign::reply(n, true, None).unwrap(), "ipscheckok");
}

// ------------------------------------------------------------------------------ Tenpay WAP

#[test]
fn tenpay_wap_notify_signs_the_kits_list_only() {
    let c = case("tenpay-wap-notify-md5-derived");
    let key = key_and_options(&c).0.unwrap();
    let mut params = params_of(&c);
    // A query the merchant put on notify_url is outside WapNotifyResponseHandler's list.
    params.set("channelType", "TENPAY_WAP");
    assert!(verify_params("tenpay.wap.notify", "", &params, &key).unwrap());
    // gw.tenpay.com's rule signs every field: the same message is not its notification.
    assert!(!verify_params("tenpay.pay.notify", "", &params, &key).unwrap());
}
