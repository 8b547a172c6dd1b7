//! Alipay certificate SNs, synchronous response signatures and AES content encryption, on the
//! vectors in testdata/alipay (sources: testdata/alipay/SOURCES.md).

use paysign::alipay;
use paysign::{Charset, Key, Status, Verdict};

fn data(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/testdata/alipay/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn text(name: &str) -> String {
    String::from_utf8(data(name)).unwrap()
}

const ROOT_SN: &str = "687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6";

/// gopay's AES vector (gopay_aes.txt, the file every language's tests read): (key, ciphertext,
/// plaintext).
fn aes_vector() -> (&'static str, &'static str, &'static str) {
    static V: std::sync::OnceLock<[String; 3]> = std::sync::OnceLock::new();
    let v = V.get_or_init(|| {
        let t = text("gopay_aes.txt");
        ["key", "ciphertext", "plaintext"].map(|name| {
            t.lines()
                .find_map(|l| l.strip_prefix(name).and_then(|v| v.strip_prefix('=')))
                .unwrap_or_else(|| panic!("gopay_aes.txt: no {name}"))
                .to_string()
        })
    });
    (&v[0], &v[1], &v[2])
}

#[test]
fn cert_sns_match_the_sdk_fixtures() {
    for (file, sn) in [
        ("yansongda_appPublicCert.crt", "e90dd23a37c5c7b616e003970817ff82"),
        (
            "nodejs_appCertPublicKey_2021001161683774.crt",
            "866efef280dec9137a87d047ac446315",
        ),
        (
            "nodejs_alipayCertPublicKey_RSA2.crt",
            "7513daaaa48aa3ba2e4018d84402479c",
        ),
        ("derived_alipay_cert.crt", "de242a14dcf0b6ecfc4270c65f459cdb"),
    ] {
        assert_eq!(alipay::cert_sn(&data(file)).unwrap(), sn, "{file}");
    }
    assert_eq!(alipay::root_cert_sn(&data("alipayRootCert.crt")).unwrap(), ROOT_SN);
}

#[test]
fn cert_sn_reads_der_and_bare_base64() {
    let pem = text("yansongda_appPublicCert.crt");
    let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    assert_eq!(
        alipay::cert_sn(b64.as_bytes()).unwrap(),
        "e90dd23a37c5c7b616e003970817ff82"
    );
    let der = base64_decode(&b64);
    assert_eq!(alipay::cert_sn(&der).unwrap(), "e90dd23a37c5c7b616e003970817ff82");
}

#[test]
fn bad_certificates_have_clear_statuses() {
    for bad in [
        &b""[..],
        b"hello",
        b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
    ] {
        let e = alipay::cert_sn(bad).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_KEY_ERROR, "{e}");
    }
    // A truncated DER certificate.
    let pem = text("yansongda_appPublicCert.crt");
    let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64_decode(&b64);
    let e = alipay::cert_sn(&der[..200]).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_ERROR);
    assert!(e.message.contains("certificate 1"), "{e}");
    // A bundle without RSA roots: only the SM2 root of the Alipay bundle.
    let root = text("alipayRootCert.crt");
    let sm2_only = &root[..root.find("-----END CERTIFICATE-----").unwrap() + 25];
    let e = alipay::root_cert_sn(sm2_only.as_bytes()).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_ERROR);
    assert!(e.message.contains("sha1WithRSA"), "{e}");
}

fn gopay_key() -> Key {
    Key::load(&data("gopay_alipay_public_key.txt"), None).unwrap()
}

#[test]
fn real_response_verifies_over_the_exact_node_text() {
    let body = data("gopay_trade_pay_response.json");
    let (v, r) = alipay::verify_response(&body, "alipay.trade.pay", &gopay_key(), None, Charset::Utf8).unwrap();
    assert_eq!(v, Verdict::Valid);
    assert_eq!(r.node, "alipay_trade_pay_response");
    assert!(r
        .signed
        .starts_with(r#"{"code":"10000","msg":"Success","buyer_logon_id""#));
    assert!(r.signed.ends_with(r#""trade_no":"2019082922001432790585666965"}"#));
    assert!(!r.encrypted && r.cert_sn.is_none());
    // The sign first, as some responses have it.
    let body = data("gopay_sync_verify_wrapped.json");
    let (v, _) = alipay::verify_response(&body, "alipay.trade.pay", &gopay_key(), Some("RSA2"), Charset::Utf8).unwrap();
    assert_eq!(v, Verdict::Valid);
}

#[test]
fn tampered_and_reserialised_responses_fail() {
    let body = text("gopay_trade_pay_response.json");
    let key = gopay_key();
    let check = |b: &str| alipay::verify_response(b.as_bytes(), "alipay.trade.pay", &key, None, Charset::Utf8);
    // One amount changed.
    let tampered = body.replacen(r#""total_amount":"0.01""#, r#""total_amount":"9.01""#, 1);
    assert!(matches!(check(&tampered).unwrap().0, Verdict::Invalid(_)));
    // Re-serialised with spaces: the signed text is the body's, so it no longer matches.
    let spaced = body.replacen(r#""code":"10000","#, r#""code": "10000", "#, 1);
    assert!(matches!(check(&spaced).unwrap().0, Verdict::Invalid(_)));
    // Spaces outside the node do not matter.
    let outside = body.replacen(
        r#"{"alipay_trade_pay_response":"#,
        "{ \"alipay_trade_pay_response\" :\n",
        1,
    );
    assert_eq!(check(&outside).unwrap().0, Verdict::Valid);
    // The wrong hash.
    let (v, _) =
        alipay::verify_response(body.as_bytes(), "alipay.trade.pay", &key, Some("RSA"), Charset::Utf8).unwrap();
    match v {
        Verdict::Invalid(why) => assert!(why.contains("SHA1withRSA"), "{why}"),
        Verdict::Valid => panic!("RSA must not verify an RSA2 signature"),
    }
}

#[test]
fn response_errors_name_the_field() {
    let key = gopay_key();
    let check = |b: &str, m: &str| alipay::verify_response(b.as_bytes(), m, &key, None, Charset::Utf8).unwrap_err();
    let body = text("gopay_trade_pay_response.json");
    let e = check(&body, "alipay.trade.query");
    assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
    assert!(e.message.contains("alipay_trade_query_response"), "{e}");
    let e = check(r#"{"alipay_trade_pay_response":{"code":"10000"}}"#, "alipay.trade.pay");
    assert_eq!(e.status, Status::PAYSIGN_MISSING_FIELD);
    assert!(e.message.contains("'sign'"));
    let e = check(r#"{"a_response":{},"a_response":{},"sign":"AA=="}"#, "a");
    assert_eq!(e.status, Status::PAYSIGN_DUPLICATE_FIELD);
    let e = check(r#"{"a_response":{},"sign":"@@@"}"#, "a");
    assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD);
    let e = check(r#"{"a_response":{},"sign":"AA==""#, "a");
    assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
    let e = check(&"[".repeat(50_000), "a");
    assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
    let e = alipay::verify_response(
        body.as_bytes(),
        "alipay.trade.pay",
        &Key::secret("k").unwrap(),
        None,
        Charset::Utf8,
    )
    .unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_MISMATCH);
    let e = alipay::verify_response(body.as_bytes(), "alipay.trade.pay", &key, Some("MD5"), Charset::Utf8).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_ARGUMENT);
}

#[test]
fn error_response_node_is_signed_too() {
    // DERIVED: the cert-mode response renamed to error_response is signed over the same text.
    let body = text("derived_cert_mode_response.json").replacen("alipay_trade_query_response", "error_response", 1);
    let key = Key::load(&data("derived_alipay_cert.crt"), None).unwrap();
    let (v, r) = query(&body, &key).unwrap();
    assert_eq!(v, Verdict::Valid);
    assert_eq!(r.node, "error_response");
}

#[test]
fn cert_mode_response_checks_alipay_cert_sn() {
    let body = text("derived_cert_mode_response.json");
    let cert = Key::load(&data("derived_alipay_cert.crt"), None).unwrap();
    let (v, r) = query(&body, &cert).unwrap();
    assert_eq!(v, Verdict::Valid);
    assert_eq!(r.cert_sn.as_deref(), Some("de242a14dcf0b6ecfc4270c65f459cdb"));
    // The signed text keeps `\/` and `\u` escapes as sent.
    assert!(r.signed.contains(r#""T\/1""#) && r.signed.contains(r#"\u6d4b"#));
    // A response naming another certificate.
    let other = body.replacen(
        "de242a14dcf0b6ecfc4270c65f459cdb",
        "7513daaaa48aa3ba2e4018d84402479c",
        1,
    );
    let e = query(&other, &cert).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_MISMATCH);
    assert!(
        e.message.contains("7513daaaa48aa3ba2e4018d84402479c") && e.message.contains("de242a14"),
        "{e}"
    );
    // The wrong certificate (the app's) is refused by SN before any RSA check.
    let app = Key::load(&data("nodejs_appCertPublicKey_2021001161683774.crt"), None).unwrap();
    let e = query(&body, &app).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_MISMATCH);
    // Tampered twin.
    let tampered = body.replacen("TRADE_SUCCESS", "TRADE_CLOSED", 1);
    assert!(matches!(query(&tampered, &cert).unwrap().0, Verdict::Invalid(_)));
}

#[test]
fn encrypted_response_is_signed_over_the_quoted_ciphertext() {
    let (aes_key, aes_ct, aes_plain) = aes_vector();
    let body = text("derived_encrypted_response.json");
    let cert = Key::load(&data("derived_alipay_cert.crt"), None).unwrap();
    let (v, r) = query(&body, &cert).unwrap();
    assert_eq!(v, Verdict::Valid);
    assert!(r.encrypted);
    assert_eq!(r.signed, format!("\"{aes_ct}\""));
    let ct = r.ciphertext().unwrap();
    assert_eq!(alipay::decrypt(aes_key, &ct).unwrap(), aes_plain.as_bytes());
    let tampered = body.replacen("MkvuiIZs", "MkvuiIZt", 1);
    assert!(matches!(query(&tampered, &cert).unwrap().0, Verdict::Invalid(_)));
}

#[test]
fn aes_matches_gopay_and_fails_cleanly() {
    let (aes_key, aes_ct, aes_plain) = aes_vector();
    assert_eq!(alipay::encrypt(aes_key, aes_plain.as_bytes()).unwrap(), aes_ct);
    assert_eq!(alipay::decrypt(aes_key, aes_ct).unwrap(), aes_plain.as_bytes());
    // Wrong key: bad padding (or, rarely, garbage that is not the plaintext).
    match alipay::decrypt("AAAAAAAAAAAAAAAAAAAAAA==", aes_ct) {
        Err(e) => assert_eq!(e.status, Status::PAYSIGN_DECRYPT_ERROR),
        Ok(p) => assert_ne!(p, aes_plain.as_bytes()),
    }
    let e = alipay::decrypt("c2hvcnQ=", aes_ct).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_ERROR);
    assert!(e.message.contains("5 bytes"), "{e}");
    let e = alipay::decrypt(aes_key, &aes_ct[..20]).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
    let e = alipay::decrypt(aes_key, "!!!").unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD);
}

#[test]
fn decrypt_response_reads_the_node_after_verifying() {
    let (aes_key, _, aes_plain) = aes_vector();
    let body = text("derived_encrypted_response.json");
    let plain = alipay::decrypt_response(body.as_bytes(), "alipay.trade.query", aes_key, Charset::Utf8).unwrap();
    assert_eq!(plain, aes_plain);
    let e = alipay::decrypt_response(
        body.as_bytes(),
        "alipay.trade.query",
        "AAAAAAAAAAAAAAAAAAAAAA==",
        Charset::Utf8,
    )
    .unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_DECRYPT_ERROR, "{e}");
    // A plain (unencrypted) node is refused, naming it.
    let plain_body = r#"{"alipay_trade_query_response":{"code":"10000"},"sign":"AAAA"}"#;
    let e = alipay::decrypt_response(plain_body.as_bytes(), "alipay.trade.query", aes_key, Charset::Utf8).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD);
    assert!(
        e.message.contains("alipay_trade_query_response") && !e.message.contains(aes_key),
        "{e}"
    );
    let e = alipay::decrypt_response(body.as_bytes(), "alipay.trade.pay", aes_key, Charset::Utf8).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT, "{e}");
}

fn base64_decode(s: &str) -> Vec<u8> {
    paysign::digest::unbase64_lenient(s, "test").unwrap()
}

fn query(body: &str, key: &Key) -> paysign::Result<(Verdict, alipay::Response)> {
    alipay::verify_response(body.as_bytes(), "alipay.trade.query", key, None, Charset::Utf8)
}
