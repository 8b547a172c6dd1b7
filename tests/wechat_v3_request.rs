//! WeChat Pay API v3, the gateway's side of a request (src/wechat_v3/request.rs): the
//! `Authorization` header read back and verified with the merchant API certificate. The
//! signatures are the DERIVED `GET_SIG` / `POST_SIG` of testdata/wechat_v3/SOURCES.md and two
//! more made the same way (`HOST_SIG`, `PATH_SIG`: the openssl CLI over the written messages
//! with the SDK's test merchant key), not paysign's.

use paysign::wechat_v3::{self, Authorization, VerifyOptions};
use paysign::{Key, Status, Verdict};

const GET_SIG: &str = "Yql2HJi5R+/B/WzOlH5KqIUNOCTrECi808qopAT8Pk2vUdtZln2Wmz/zkA6+HpMD7BuThk5ikNOpI7+8yVt+wLdak6RZPOd3ZUMwfgmrN2Vl2aF7yjFov07paW3Dix7NAL+J402H92DUu8LCSbzoU2XnNNHGFCxR7Zkkp3V/QYau9vml2BTQi87rqaq5xpYGPfBbPtPUEcvoYjhIlrplVh89P8/ktk4H+PG22zBongaOlQYPVTx3k2vlik7PWc+wX225vk4C8ryZ8e/l4XwyRQf7kWEJCBKT1GBPNzbO18N2UMJDyGkyuYwhyWSJ9QomxYwZWUGExbo/68Ao6yLcKA==";
const POST_SIG: &str = "dpLu+7G/fhUBETeDX8FsvSvcEeThkWtZ9r5+1zBT5UQZqnXqK8EI9osb5OeR8ku6RzN8Khfb8QgVASNZKc+5mbHnmUyYzBsnS7IuGWbfmDykXa8dKp1WLpqD7kzQOicvle7Uu0t76E4UBI2SGSQSqlNOCNOurgNGKnCB48yvs0BaKJiD07FHLiCCoT6LgfG6+vUFfyUGdArGTJZy4wYKCj8Len50toxmLgMfOARBw8voo2RFxbbXOvmKpe3MBCEn3E9Ho7dahiJb424zXpSmh4HQaitkVZxLrXaMeBIG0h1anPDPUj+u+J3IFR/seRqsNCdWGSi5EBd7EzcnakSlkQ==";
/// DERIVED: the POST message with `https://api.mch.weixin.qq.com` before the URL.
const HOST_SIG: &str = "dv0bL+AQraDGAnUfOLgY+yAp3MSsXS1uAAK5qE/K/+rPjuKOH1mIpJbeh68u0jK4sUpnn9HqRb1zpM/USl4/mqBW/R//nqopR0tAFCvQBij5ReVVE2VSUIrIaF8t6ryLcoc32kGk7DiOUgA2sioRpRbUeiV4nIuQnD+xBq6jLHCEOqN81FpvCDVpPsybVtMS6EBUtjJDtvm1IiEj7XWhUmvkmBlETGKy7cez7w19jbYBNFgqP5EL40JOReOOv1faFLFEKtqApjdyAdRWjYsIe8WYVOLR7z13bVNVwA4qPXR2qbcPZbkb8T7ewf6jOvq4gKaiW6On6Zzwe7mOfUEBOA==";
/// DERIVED: the POST message with the URL `/v3/pay/transactions/jsapi` (no query).
const PATH_SIG: &str = "ZN6vWL7+kXX0AU0Hft1F+CNmWAbSXCorfmzG7rmnt1oMusM0WumnJemwCApkNSPf56EuyJqjHvryLzlSYTghk1BtmiJM+TX4HcaKYNE51dQN9OWKtGykndJxMZcz1m3IeSD+/yvSy6vxBVIHHCg7ry9wcmawdpVxHwoga66mT4FI9OTOz2z07v6qKNoY/6Tc5KFR7j+VHe72ab1UrAgDPA3orj0d7P1nfv1DTlSLmC8T3XpizOJ3+IBs9Oe0970DkfHFvpKsc5ACZ97vX0t7TQhE9Mpb11vwhwVKN7PvKobFB0seC7EWNY73LATO8VzJIN7ve2um2Z44Pw0IphIxBw==";
const MERCHANT_SERIAL: &str = "5F1C72E2A8931B72A2E13AF8DEE92471EB397115";
const PLATFORM_SERIAL: &str = "440024045C4A427599D09BB4E3DE0279F2E813FD";
const NONCE: &str = "593BEC0C930BF1AFEB40B4A08C8FB242";
const POST_BODY: &[u8] = br#"{"appid":"wxd678efh567hg6787","mchid":"1230000109","amount":{"total":1}}"#;

fn key(name: &str) -> Key {
    Key::load_file(
        std::path::Path::new(&format!("{}/testdata/wechat_v3/{name}", env!("CARGO_MANIFEST_DIR"))),
        None,
    )
    .unwrap()
}

fn auth(sig: &str, serial: &str) -> Authorization {
    Authorization::parse(&format!(
        "WECHATPAY2-SHA256-RSA2048 mchid=\"1230000109\",nonce_str=\"{NONCE}\",signature=\"{sig}\",timestamp=\"1554208460\",serial_no=\"{serial}\""
    ))
    .unwrap()
}

fn at(now: &str) -> VerifyOptions {
    VerifyOptions::parse(&format!("now={now}")).unwrap()
}

/// `GET /v3/certificates` (the request `GET_SIG` signs) checked with `key` at `now`.
fn get(a: &Authorization, key: &Key, now: &str) -> paysign::Result<Verdict> {
    wechat_v3::verify_request(a, "GET", "/v3/certificates", b"", key, &at(now))
}

fn invalid(v: Verdict) -> String {
    match v {
        Verdict::Invalid(why) => why,
        Verdict::Valid => panic!("valid"),
    }
}

#[test]
fn the_derived_get_and_post_signatures_verify_with_the_merchant_certificate() {
    let cert = key("merchant_certificate.pem");
    let o = at("1554208460");
    assert_eq!(
        get(&auth(GET_SIG, MERCHANT_SERIAL), &cert, "1554208460").unwrap(),
        Verdict::Valid
    );
    let lower = MERCHANT_SERIAL.to_ascii_lowercase();
    let post = wechat_v3::verify_request(
        &auth(POST_SIG, &lower),
        "POST",
        "/v3/pay/transactions/jsapi?x=1",
        POST_BODY,
        &cert,
        &o,
    );
    assert_eq!(post.unwrap(), Verdict::Valid);
}

#[test]
fn tampered_twins_fail_and_the_usual_mistake_is_named() {
    let cert = key("merchant_certificate.pem");
    let o = at("1554208460");
    let check = |method: &str, url: &str, body: &[u8], sig: &str| {
        invalid(wechat_v3::verify_request(&auth(sig, MERCHANT_SERIAL), method, url, body, &cert, &o).unwrap())
    };
    let other = check("POST", "/v3/pay/transactions/jsapi?x=1", &more(POST_BODY), POST_SIG);
    assert!(
        other.contains("does not match") && other.contains("exact method"),
        "{other}"
    );
    // Signed over the path with its query; the query left off when sent is another URL.
    assert!(check("POST", "/v3/pay/transactions/jsapi?x=2", POST_BODY, POST_SIG).contains("does not match"));
    // GET_SIG signs an empty body: the same request sent with a body.
    let why = check("GET", "/v3/certificates", b"{}", GET_SIG);
    assert!(why.contains("empty body"), "{why}");
    // The body sent pretty-printed, the one signed compact.
    let pretty = b"{\"appid\": \"wxd678efh567hg6787\", \"mchid\": \"1230000109\", \"amount\": {\"total\": 1}}";
    let why = check("POST", "/v3/pay/transactions/jsapi?x=1", pretty, POST_SIG);
    assert!(why.contains("compact JSON"), "{why}");
    let why = check("POST", "/v3/pay/transactions/jsapi?x=1", POST_BODY, HOST_SIG);
    assert!(
        why.contains("with https://api.mch.weixin.qq.com before the path"),
        "{why}"
    );
    let why = check("POST", "/v3/pay/transactions/jsapi?x=1", POST_BODY, PATH_SIG);
    assert!(why.contains("without its ?query"), "{why}");
    let why = check(
        "POST",
        "/v3/pay/transactions/jsapi?x=1",
        &[POST_BODY, b"\n"].concat(),
        POST_SIG,
    );
    assert!(why.contains("newline was added"), "{why}");
}

/// The body with the amount changed after signing.
fn more(body: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(body)
        .replace("\"total\":1", "\"total\":100")
        .into_bytes()
}

#[test]
fn stale_timestamps_wrong_serials_and_wrong_keys_are_errors() {
    let cert = key("merchant_certificate.pem");
    let a = auth(GET_SIG, MERCHANT_SERIAL);
    let e = get(&a, &cert, "1554208761").unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_STALE_TIMESTAMP);
    assert!(
        e.message
            .starts_with("Authorization.timestamp 1554208460 is 301 s from now"),
        "{}",
        e.message
    );
    assert_eq!(get(&a, &cert, "1554208760").unwrap(), Verdict::Valid);
    let e = get(&auth(GET_SIG, PLATFORM_SERIAL), &cert, "1554208460").unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_MISMATCH);
    assert!(
        e.message.contains(PLATFORM_SERIAL) && e.message.contains(MERCHANT_SERIAL),
        "{}",
        e.message
    );
    let private = key("merchant_private_key.pem");
    let e = get(&a, &private, "1554208460").unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_MISMATCH);
    let mut bad = a.clone();
    bad.timestamp = "15542084x0".into();
    let e = get(&bad, &cert, "1554208460").unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD);
    // The platform certificate's key does not verify a merchant's signature.
    let platform = key("derived_platform_certificate.pem");
    let v = get(&auth(GET_SIG, PLATFORM_SERIAL), &platform, "1554208460").unwrap();
    assert!(matches!(v, Verdict::Invalid(_)));
}
