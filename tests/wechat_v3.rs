//! WeChat Pay API v3: sign strings, Authorization header, client paySign, response and
//! notification verification with the replay window, AEAD_AES_256_GCM decryption.
//! Vectors and their sources: testdata/wechat_v3/SOURCES.md (outside ones from the official
//! Java SDK's tests; DERIVED ones from the openssl CLI / python `cryptography`).

use paysign::wechat_v3::{self, message, Client, Headers, Request, VerifyOptions};
use paysign::{Key, Status, Verdict};

fn data(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/testdata/wechat_v3/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}
fn key(name: &str) -> Key {
    Key::load(&data(name), None).unwrap()
}

const PUBLISHED_SIG: &str = "Rq+5ZpWV6IHTWE1+9gCrYJKguNgbItpMdlIA+PVCPCdUAKNlohZz7CL7Y8xWDIFJjdGnErMj6Z+Q/h9CF5MV+nAVkqDmBR0uP5ppsUEzco4ijvKHsvI2ro4boSW6vSfQs3W8I4QSI9a0/NFIgvj83Fv27LIYZf7deaFWmEwd1fpAeJRCyoKyBeJPdsjVx0//Lqe6Wze2zVdliLcBvaHCfpd8+rAVGS+FQDeWgHqJ7n/Zy09LmV1/ghs7pO1mdjdD16SHKlysAD3K5hNGUJX/SHrEXEcu1yO1AOb/YvOVkjNh8243rcfXNE5L4ph2XS11vS+2aToKYSOcKUagf0LLaw==";
const GET_SIG: &str = "Yql2HJi5R+/B/WzOlH5KqIUNOCTrECi808qopAT8Pk2vUdtZln2Wmz/zkA6+HpMD7BuThk5ikNOpI7+8yVt+wLdak6RZPOd3ZUMwfgmrN2Vl2aF7yjFov07paW3Dix7NAL+J402H92DUu8LCSbzoU2XnNNHGFCxR7Zkkp3V/QYau9vml2BTQi87rqaq5xpYGPfBbPtPUEcvoYjhIlrplVh89P8/ktk4H+PG22zBongaOlQYPVTx3k2vlik7PWc+wX225vk4C8ryZ8e/l4XwyRQf7kWEJCBKT1GBPNzbO18N2UMJDyGkyuYwhyWSJ9QomxYwZWUGExbo/68Ao6yLcKA==";
const POST_SIG: &str = "dpLu+7G/fhUBETeDX8FsvSvcEeThkWtZ9r5+1zBT5UQZqnXqK8EI9osb5OeR8ku6RzN8Khfb8QgVASNZKc+5mbHnmUyYzBsnS7IuGWbfmDykXa8dKp1WLpqD7kzQOicvle7Uu0t76E4UBI2SGSQSqlNOCNOurgNGKnCB48yvs0BaKJiD07FHLiCCoT6LgfG6+vUFfyUGdArGTJZy4wYKCj8Len50toxmLgMfOARBw8voo2RFxbbXOvmKpe3MBCEn3E9Ho7dahiJb424zXpSmh4HQaitkVZxLrXaMeBIG0h1anPDPUj+u+J3IFR/seRqsNCdWGSi5EBd7EzcnakSlkQ==";
const JSAPI_SIG: &str = "Uvgm57c+/kZHCS8g8wjy/Bu2kE4+UrHnpshEwMRp0Wl3t6bnnTtecnAKboVjgd5B8uzf3qW+mWgJM3lD4AzduLt9W3AIWniYMwUEoReisulc0JilQklPvjWNQC5YKq49auOxooRcFgu3sRMSe1oSq7fBV40AlPdLp399hrriLv6Omy38ifJfsEk1X7IAaOotNTaoT/+ZpraGPTNhkxot2FfU7fM0n3r0JMODKpfeerCKiirMDczqJUBQvZ9hYZYv14O0qcghyvrSVuoXnI/1qaqnXB9lsrudXLKP7uLAPcpkVRA8/2WV3C9KTn00qSP29Tc5e7TNjQWMGSj0/FEAug==";
const APP_SIG: &str = "LUb6W20Ijj/Tf06cmW9ZnTRsgK5TZOBvG3k08/rVqHqfCwbjhWTfiKg3yj+8t0ORJNSQUv8X89xqyvG19Yic6hPKTBLLRnkax9/YvC+Z1W5L5ItZw3ameJEwYDfHNf9w4Gc8mKVtzFjC0hkeh6j5NUMUrwSdFKhfeo/sRBhTg7jJiBf/S3Ctmk+Is2GE5GbjJUgC/m5HY5cR+SdAy0Lkte46ABUQYbJjQZPyJ3HkpWW+KRVbc9Ba7sj7r70WJ8hKuXGMm1EZzpsqgW3l06UHH4mb/85MdbZqbVPNrqHc/GKxvGsFKsejBF36EI4traDlmdlW7ix7KtmhboMzZzc3Cw==";
const RESP_SIG: &str = "1EvJteDDa9rMtZKZ3UIhZ7haTwr4WBBGjMv6MzOzOkZeyWcwPiVDskYxQuuhoGblfuPCnyTdfxpk9wA2D9vw2ft0PoNFJLOlnfQThcMkilX8YmRZMCPJsKJCvsxbqng386RjjFDn5RI95O6w5SJWgH/mDmD4CTpH+eCe8t+1eSv9hSldIPdQ62MkPDb0zXnn+4ul22CEbyJlvjePXp5o2jhK0zmkruBonu+s7jMNrZDL27X4svDINpf0gru8KVHnSrt56Q36Um2h3d8UtvspKtpfhaV0bukPPg+uur7Cq1wj2rbLyA0iDcCD/6cc4FSCeJC0+VR+bGULG3eDOdlmgA==";
const NOTIFY_SIG: &str = "PlgYBt3yb7VgF/MqvOndUqdXJ1pUR0dNGNA3J4SzGVj9vCgZwkBip/INP+7vMZY0oWhK1tfs37LJD1lAgDI5G86lNDiK7uJiNhkx9X7mi0iDsvudd7Qz/mQ5w/Zx/qdaYItczMWBG9zdBqnv1oVfoDntKbSmhM7LwyXeHj7vFs4pkUbmops6eB4ETgUQEpJi3FHoYTXge6jOjlHlRZqaAvZmY/COrJi4FCUGn4bgc6z1SiVMuv0PrSFS/NrbLIWySCkaecVdx8+z25ScxdWGVByB0i6GsKxOgBnW0pYRMwZKU5OFT2qCvyq7TEh9bHE/6YgHFKBeV1NY3MOndP/wPw==";

const MERCHANT_SERIAL: &str = "5F1C72E2A8931B72A2E13AF8DEE92471EB397115";
const PLATFORM_SERIAL: &str = "440024045C4A427599D09BB4E3DE0279F2E813FD";
const APIV3_KEY: &[u8] = b"a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
const NOTIFY_NONCE: &str = "c6a1d9a8d5f14b2f9e0e3a7b6c5d4e3f";

fn opts(text: &str) -> VerifyOptions {
    VerifyOptions::parse(text).unwrap()
}

fn status<T: std::fmt::Debug>(r: paysign::Result<T>) -> Status {
    r.unwrap_err().status
}

// ---- sign strings -------------------------------------------------------------------------

#[test]
fn request_message_is_five_lines_each_ended() {
    assert_eq!(
        message::request(
            "GET",
            "/v3/certificates",
            "1554208460",
            "593BEC0C930BF1AFEB40B4A08C8FB242",
            b""
        )
        .unwrap(),
        b"GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n"
    );
    assert_eq!(message::response("1", "n", b"{}").unwrap(), b"1\nn\n{}\n");
    assert_eq!(
        message::client(Client::Jsapi, "a", "2", "n", "prepay_id=p").unwrap(),
        b"a\n2\nn\nprepay_id=p\n"
    );
    assert_eq!(
        message::client(Client::App, "a", "2", "n", "p").unwrap(),
        b"a\n2\nn\np\n"
    );
}

#[test]
fn request_message_refuses_what_would_shift_lines() {
    for (m, u, t, n) in [
        ("get", "/v3/x", "1", "n"),
        ("", "/v3/x", "1", "n"),
        ("GET", "https://api.mch.weixin.qq.com/v3/x", "1", "n"),
        ("GET", "/v3/x\n", "1", "n"),
        ("GET", "/v3/x", "1.5", "n"),
        ("GET", "/v3/x", "", "n"),
        ("GET", "/v3/x", "1", ""),
        ("GET", "/v3/x", "1", "a\nb"),
    ] {
        let e = message::request(m, u, t, n, b"").unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_INVALID_ARGUMENT, "{m} {u} {t} {n}");
    }
    let e = message::request("GET", "https://api.mch.weixin.qq.com/v3/x", "1", "n", b"").unwrap_err();
    assert!(e.message.contains("url"), "{}", e.message);
    let e = message::client(Client::Jsapi, "a", "2", "n\"", "p").unwrap_err();
    assert!(e.message.contains("nonceStr"), "{}", e.message);
    let e = message::client(Client::App, "a", "2", "n", "").unwrap_err();
    assert!(e.message.contains("prepayid"), "{}", e.message);
    let e = message::client(Client::App, "a", "2x", "n", "p").unwrap_err();
    assert!(e.message.contains("timestamp"), "{}", e.message);
    let e = message::client(Client::Jsapi, "a", "2x", "n", "p").unwrap_err();
    assert!(e.message.contains("timeStamp"), "{}", e.message);
    assert_eq!(Client::from_name("jsapi").unwrap(), Client::Jsapi);
    assert_eq!(Client::from_name("app").unwrap(), Client::App);
    assert_eq!(status(Client::from_name("h5")), Status::PAYSIGN_INVALID_ARGUMENT);
}

// ---- signing ------------------------------------------------------------------------------

#[test]
fn signing_reproduces_the_sdk_published_signature() {
    let k = key("merchant_private_key.pem");
    assert_eq!(wechat_v3::sign::sign(&k, b"message").unwrap(), PUBLISHED_SIG);
    // and the merchant certificate verifies it (the SDK's RSAVerifierTest)
    let cert = key("merchant_certificate.pem");
    let sig = paysign::digest::unbase64_lenient(PUBLISHED_SIG, "s").unwrap();
    assert!(paysign::digest::rsa_verify_key(
        &cert,
        paysign::profile::Hash::Sha256,
        b"message",
        &sig
    ));
    assert!(!paysign::digest::rsa_verify_key(
        &cert,
        paysign::profile::Hash::Sha256,
        b"messagf",
        &sig
    ));
}

fn get_request() -> Request<'static> {
    Request {
        method: "GET",
        url: "/v3/certificates",
        timestamp: Some("1554208460"),
        nonce: Some("593BEC0C930BF1AFEB40B4A08C8FB242"),
        body: b"",
    }
}

#[test]
fn authorization_header_get_and_post() {
    let k = key("merchant_private_key.pem");
    assert_eq!(
        wechat_v3::authorization(&k, "1900009191", Some(MERCHANT_SERIAL), &get_request()).unwrap(),
        format!("WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\",signature=\"{GET_SIG}\",timestamp=\"1554208460\",serial_no=\"{MERCHANT_SERIAL}\"")
    );
    let post = Request {
        method: "POST",
        url: "/v3/pay/transactions/jsapi?x=1",
        body: br#"{"appid":"wxd678efh567hg6787","mchid":"1230000109","amount":{"total":1}}"#,
        ..get_request()
    };
    let h = wechat_v3::authorization(&k, "1230000109", Some(MERCHANT_SERIAL), &post).unwrap();
    assert!(h.contains(&format!("signature=\"{POST_SIG}\"")), "{h}");
    // tampered twin: one byte of the body changes the signature
    let post2 = Request {
        body: br#"{"appid":"wxd678efh567hg6787","mchid":"1230000109","amount":{"total":2}}"#,
        ..post
    };
    let h2 = wechat_v3::authorization(&k, "1230000109", Some(MERCHANT_SERIAL), &post2).unwrap();
    assert!(!h2.contains(POST_SIG));
}

#[test]
fn authorization_takes_the_serial_from_a_bundled_certificate_and_checks_a_given_one() {
    let mut pem = data("merchant_private_key.pem");
    pem.extend_from_slice(&data("merchant_certificate.pem"));
    let k = Key::load(&pem, None).unwrap();
    let h = wechat_v3::authorization(&k, "1900009191", None, &get_request()).unwrap();
    assert!(h.ends_with(&format!("serial_no=\"{MERCHANT_SERIAL}\"")), "{h}");
    assert!(h.contains(GET_SIG));
    let lower = MERCHANT_SERIAL.to_ascii_lowercase();
    assert!(wechat_v3::authorization(&k, "1900009191", Some(&lower), &get_request()).is_ok());
    let e = wechat_v3::authorization(&k, "1900009191", Some(PLATFORM_SERIAL), &get_request()).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_MISMATCH);
    assert!(
        e.message.contains(PLATFORM_SERIAL) && e.message.contains(MERCHANT_SERIAL),
        "{}",
        e.message
    );
    // a bare key needs the serial
    let bare = key("merchant_private_key.pem");
    let e = wechat_v3::authorization(&bare, "1900009191", None, &get_request()).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_ARGUMENT);
    assert!(e.message.contains("serial_no"));
}

#[test]
fn authorization_makes_timestamp_and_nonce_when_not_given() {
    let k = key("merchant_private_key.pem");
    let req = Request {
        timestamp: None,
        nonce: None,
        ..get_request()
    };
    let a = wechat_v3::authorization(&k, "1900009191", Some(MERCHANT_SERIAL), &req).unwrap();
    let b = wechat_v3::authorization(&k, "1900009191", Some(MERCHANT_SERIAL), &req).unwrap();
    assert_ne!(a, b, "two nonces");
    let nonce = a.split("nonce_str=\"").nth(1).unwrap().split('"').next().unwrap();
    assert_eq!(nonce.len(), 32);
    assert!(nonce.bytes().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase()));
    let ts: u64 = a
        .split("timestamp=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(now.abs_diff(ts) < 60);
}

#[test]
fn signing_needs_a_private_rsa_key() {
    for k in [
        key("merchant_certificate.pem"),
        Key::secret("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb").unwrap(),
    ] {
        assert_eq!(
            status(wechat_v3::authorization(&k, "1", Some(MERCHANT_SERIAL), &get_request())),
            Status::PAYSIGN_KEY_MISMATCH
        );
    }
    let k = key("merchant_private_key.pem");
    assert_eq!(
        status(wechat_v3::authorization(&k, "", Some(MERCHANT_SERIAL), &get_request())),
        Status::PAYSIGN_INVALID_ARGUMENT
    );
    assert_eq!(
        status(wechat_v3::authorization(&k, "1", Some("AB\"C"), &get_request())),
        Status::PAYSIGN_INVALID_ARGUMENT
    );
}

#[test]
fn client_pay_signs() {
    let k = key("merchant_private_key.pem");
    assert_eq!(
        wechat_v3::client_sign(
            &k,
            Client::Jsapi,
            "wx8888888888888888",
            "1414561699",
            "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
            "prepay_id=wx201410272009395522657a690389285100"
        )
        .unwrap(),
        JSAPI_SIG
    );
    assert_eq!(
        wechat_v3::client_sign(
            &k,
            Client::App,
            "wx8888888888888888",
            "1414561699",
            "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
            "WX1217752501201407033233368018"
        )
        .unwrap(),
        APP_SIG
    );
    // the two messages differ only in the last line's form: a bare prepay_id in JSAPI is wrong
    assert_ne!(
        wechat_v3::client_sign(
            &k,
            Client::Jsapi,
            "wx8888888888888888",
            "1414561699",
            "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
            "wx201410272009395522657a690389285100"
        )
        .unwrap(),
        JSAPI_SIG
    );
}

// ---- verification -------------------------------------------------------------------------

fn resp_headers<'a>(sig: &'a str, serial: &'a str) -> Headers<'a> {
    Headers {
        timestamp: "1700000000",
        nonce: "nonce-resp-1",
        signature: sig,
        serial,
    }
}
const RESP_BODY: &[u8] = br#"{"code":"SUCCESS"}"#;

#[test]
fn response_verifies_with_the_platform_certificate_and_tampered_twins_fail() {
    let cert = key("derived_platform_certificate.pem");
    let o = opts("now=1700000100");
    let h = resp_headers(RESP_SIG, PLATFORM_SERIAL);
    assert_eq!(wechat_v3::verify(&h, RESP_BODY, &cert, &o).unwrap(), Verdict::Valid);
    // body re-serialised with a space, final byte changed, nonce changed, timestamp changed
    assert!(!wechat_v3::verify(&h, br#"{"code": "SUCCESS"}"#, &cert, &o)
        .unwrap()
        .is_valid());
    assert!(!wechat_v3::verify(&h, br#"{"code":"SUCCESS"} "#, &cert, &o)
        .unwrap()
        .is_valid());
    let h2 = Headers {
        nonce: "nonce-resp-2",
        ..h
    };
    assert!(!wechat_v3::verify(&h2, RESP_BODY, &cert, &o).unwrap().is_valid());
    let h3 = Headers {
        timestamp: "1700000001",
        ..h
    };
    assert!(!wechat_v3::verify(&h3, RESP_BODY, &cert, &o).unwrap().is_valid());
    // a signature from another key (the merchant's) fails
    let other = wechat_v3::sign::sign(
        &key("merchant_private_key.pem"),
        b"1700000000\nnonce-resp-1\n{\"code\":\"SUCCESS\"}\n",
    )
    .unwrap();
    let h4 = resp_headers(&other, PLATFORM_SERIAL);
    match wechat_v3::verify(&h4, RESP_BODY, &cert, &o).unwrap() {
        Verdict::Invalid(why) => assert!(why.contains("Wechatpay-Signature"), "{why}"),
        v => panic!("{v:?}"),
    }
    // lower-case serial is the same serial
    let h5 = Headers {
        serial: "440024045c4a427599d09bb4e3de0279f2e813fd",
        ..h
    };
    assert!(wechat_v3::verify(&h5, RESP_BODY, &cert, &o).unwrap().is_valid());
}

#[test]
fn response_verifies_with_the_public_key_and_its_id() {
    let pk = key("wechat_pay_public_key.pem");
    let id = "PUB_KEY_ID_0114232134912410000000000000";
    let h = resp_headers(RESP_SIG, id);
    assert!(wechat_v3::verify(&h, RESP_BODY, &pk, &opts("now=1700000000"))
        .unwrap()
        .is_valid());
    let pinned = opts(&format!("now=1700000000&key_id={id}"));
    assert!(wechat_v3::verify(&h, RESP_BODY, &pk, &pinned).unwrap().is_valid());
    let other = opts("now=1700000000&key_id=PUB_KEY_ID_0114232134912410000000000001");
    let e = wechat_v3::verify(&h, RESP_BODY, &pk, &other).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_MISMATCH);
    assert!(e.message.contains(id));
    assert!(!wechat_v3::verify(&h, b"{}", &pk, &opts("now=1700000000"))
        .unwrap()
        .is_valid());
}

#[test]
fn wrong_serial_or_kind_of_key_is_key_mismatch() {
    let cert = key("derived_platform_certificate.pem");
    let pk = key("wechat_pay_public_key.pem");
    let o = opts("now=1700000000");
    for (k, serial) in [
        (&cert, MERCHANT_SERIAL),                           // the merchant's own serial
        (&cert, "PUB_KEY_ID_0114232134912410000000000000"), // public-key mode, certificate given
        (&pk, PLATFORM_SERIAL),                             // certificate mode, bare key given
    ] {
        let e = wechat_v3::verify(&resp_headers(RESP_SIG, serial), RESP_BODY, k, &o).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_KEY_MISMATCH, "{serial}");
        assert!(e.message.contains("Wechatpay-Serial"), "{}", e.message);
    }
    let secret = Key::secret("x").unwrap();
    assert_eq!(
        status(wechat_v3::verify(
            &resp_headers(RESP_SIG, PLATFORM_SERIAL),
            RESP_BODY,
            &secret,
            &o
        )),
        Status::PAYSIGN_KEY_MISMATCH
    );
}

#[test]
fn timestamp_window() {
    let cert = key("derived_platform_certificate.pem");
    let h = resp_headers(RESP_SIG, PLATFORM_SERIAL);
    for (o, ok) in [
        ("now=1700000300", true),
        ("now=1699999700", true),
        ("now=1700000301", false),
        ("now=1699999699", false),
        ("now=1700000600&window=600", true),
        ("now=1700000601&window=600", false),
        ("now=1800000000&window=0", true),
    ] {
        let r = wechat_v3::verify(&h, RESP_BODY, &cert, &opts(o));
        if ok {
            assert!(r.unwrap().is_valid(), "{o}");
        } else {
            let e = r.unwrap_err();
            assert_eq!(e.status, Status::PAYSIGN_STALE_TIMESTAMP, "{o}");
            assert!(e.message.contains("Wechatpay-Timestamp"), "{}", e.message);
        }
    }
    // the default window against the real clock: a 2023 timestamp is stale
    assert_eq!(
        status(wechat_v3::verify(&h, RESP_BODY, &cert, &VerifyOptions::default())),
        Status::PAYSIGN_STALE_TIMESTAMP
    );
    // stale is reported before the signature is looked at
    let bad = resp_headers("AAAA", PLATFORM_SERIAL);
    assert_eq!(
        status(wechat_v3::verify(&bad, RESP_BODY, &cert, &VerifyOptions::default())),
        Status::PAYSIGN_STALE_TIMESTAMP
    );
}

#[test]
fn bad_headers_and_options() {
    let cert = key("derived_platform_certificate.pem");
    let o = opts("now=1700000000");
    let h = resp_headers(RESP_SIG, PLATFORM_SERIAL);
    for (h, st, field) in [
        (
            Headers { timestamp: "", ..h },
            Status::PAYSIGN_MISSING_FIELD,
            "Wechatpay-Timestamp",
        ),
        (
            Headers { nonce: "", ..h },
            Status::PAYSIGN_MISSING_FIELD,
            "Wechatpay-Nonce",
        ),
        (
            Headers { signature: "", ..h },
            Status::PAYSIGN_MISSING_FIELD,
            "Wechatpay-Signature",
        ),
        (
            Headers { serial: "", ..h },
            Status::PAYSIGN_MISSING_FIELD,
            "Wechatpay-Serial",
        ),
        (
            Headers { timestamp: "17e8", ..h },
            Status::PAYSIGN_INVALID_FIELD,
            "Wechatpay-Timestamp",
        ),
        (
            Headers { signature: "***", ..h },
            Status::PAYSIGN_INVALID_FIELD,
            "Wechatpay-Signature",
        ),
        (
            Headers { nonce: "a\nb", ..h },
            Status::PAYSIGN_INVALID_FIELD,
            "Wechatpay-Nonce",
        ),
    ] {
        let e = wechat_v3::verify(&h, RESP_BODY, &cert, &o).unwrap_err();
        assert_eq!(e.status, st, "{field}");
        assert!(e.message.contains(field), "{}", e.message);
    }
    // WeChat Pay's probe signature fails as a signature, not as a call error
    let probe = resp_headers("WECHATPAY/SIGNTEST/dGVzdA==", PLATFORM_SERIAL);
    assert!(!wechat_v3::verify(&probe, RESP_BODY, &cert, &o).unwrap().is_valid());
    for bad in ["window=-1", "window=", "now=x", "key_id=123", "hash=sha1", "window=5m"] {
        assert_eq!(
            status(VerifyOptions::parse(bad)),
            Status::PAYSIGN_INVALID_ARGUMENT,
            "{bad}"
        );
    }
    assert_eq!(VerifyOptions::parse("").unwrap(), VerifyOptions::default());
}

// ---- decryption ---------------------------------------------------------------------------

#[test]
fn decrypts_the_sdk_vectors() {
    assert_eq!(
        wechat_v3::decrypt(
            APIV3_KEY,
            "uluk4a9R25RW",
            "associatedData",
            "ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI="
        )
        .unwrap(),
        b"message"
    );
    assert_eq!(
        wechat_v3::encrypt(APIV3_KEY, "uluk4a9R25RW", "associatedData", b"message").unwrap(),
        "ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI="
    );
}

#[test]
fn decrypts_the_sdk_certificate_download_and_reads_its_serial() {
    let body = data("sdk_certificate_download.json");
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let item = &v["data"][0];
    let enc = &item["encrypt_certificate"];
    let pem = wechat_v3::decrypt(
        APIV3_KEY,
        enc["nonce"].as_str().unwrap(),
        enc["associated_data"].as_str().unwrap(),
        enc["ciphertext"].as_str().unwrap(),
    )
    .unwrap();
    assert_eq!(pem, data("downloaded_platform_certificate.pem"));
    let k = Key::load(&pem, None).unwrap();
    assert_eq!(
        k.cert().unwrap().serial_hex.to_ascii_uppercase(),
        item["serial_no"].as_str().unwrap()
    );
}

#[test]
fn decrypt_failures() {
    let ct = "ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=";
    let wrong_key = b"a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gc";
    assert_eq!(
        status(wechat_v3::decrypt(wrong_key, "uluk4a9R25RW", "associatedData", ct)),
        Status::PAYSIGN_DECRYPT_ERROR
    );
    assert_eq!(
        status(wechat_v3::decrypt(APIV3_KEY, "uluk4a9R25RX", "associatedData", ct)),
        Status::PAYSIGN_DECRYPT_ERROR
    );
    assert_eq!(
        status(wechat_v3::decrypt(APIV3_KEY, "uluk4a9R25RW", "associatedDatA", ct)),
        Status::PAYSIGN_DECRYPT_ERROR
    );
    // truncated tag: drop the last byte of ciphertext+tag
    let raw = paysign::digest::unbase64_lenient(ct, "c").unwrap();
    let cut = paysign::digest::base64(&raw[..raw.len() - 1]);
    assert_eq!(
        status(wechat_v3::decrypt(APIV3_KEY, "uluk4a9R25RW", "associatedData", &cut)),
        Status::PAYSIGN_DECRYPT_ERROR
    );
    let short = paysign::digest::base64(&raw[..15]);
    let e = wechat_v3::decrypt(APIV3_KEY, "uluk4a9R25RW", "associatedData", &short).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_DECRYPT_ERROR);
    assert!(e.message.contains("tag"));
    // altered ciphertext byte
    let mut alt = raw.clone();
    alt[0] ^= 1;
    assert_eq!(
        status(wechat_v3::decrypt(
            APIV3_KEY,
            "uluk4a9R25RW",
            "associatedData",
            &paysign::digest::base64(&alt)
        )),
        Status::PAYSIGN_DECRYPT_ERROR
    );
    // key length, nonce length, base64
    let e = wechat_v3::decrypt(b"0123456789abcdef", "uluk4a9R25RW", "associatedData", ct).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_ERROR);
    assert!(e.message.contains("16 bytes") && !e.message.contains("0123456789abcdef"));
    assert_eq!(
        status(wechat_v3::decrypt(APIV3_KEY, "short", "associatedData", ct)),
        Status::PAYSIGN_INVALID_FIELD
    );
    assert_eq!(
        status(wechat_v3::decrypt(APIV3_KEY, "uluk4a9R25RW", "associatedData", "***")),
        Status::PAYSIGN_INVALID_FIELD
    );
}

#[test]
fn notification_verify_then_decrypt() {
    let body = data("notification_body.json");
    let cert = key("derived_platform_certificate.pem");
    let h = Headers {
        timestamp: "1700000000",
        nonce: NOTIFY_NONCE,
        signature: NOTIFY_SIG,
        serial: PLATFORM_SERIAL,
    };
    assert!(wechat_v3::verify(&h, &body, &cert, &opts("now=1700000042"))
        .unwrap()
        .is_valid());
    let plain = wechat_v3::decrypt_resource(&body, APIV3_KEY).unwrap();
    assert_eq!(plain.as_bytes(), data("notification_plain.json"));
    assert!(plain.contains("\"trade_state\":\"SUCCESS\""));
    // tampered twin: the same body with one ciphertext character changed
    let text = String::from_utf8(body.clone()).unwrap();
    let at = text.find("\"ciphertext\":\"").unwrap() + 14;
    let mut t = text.clone().into_bytes();
    t[at] = if t[at] == b'A' { b'B' } else { b'A' };
    assert!(!wechat_v3::verify(&h, &t, &cert, &opts("now=1700000042"))
        .unwrap()
        .is_valid());
    assert_eq!(
        status(wechat_v3::decrypt_resource(&t, APIV3_KEY)),
        Status::PAYSIGN_DECRYPT_ERROR
    );
    // the v2 API key (also 32 characters) fails as a wrong key
    assert_eq!(
        status(wechat_v3::decrypt_resource(&body, b"GFDS8j98rewnmgl45wHTt980jg543wmg")),
        Status::PAYSIGN_DECRYPT_ERROR
    );
}

#[test]
fn notification_body_errors_name_the_field() {
    for (body, st, field) in [
        (&b"not json"[..], Status::PAYSIGN_MALFORMED_INPUT, "JSON"),
        (br#"{"id":"x"}"#, Status::PAYSIGN_MISSING_FIELD, "resource"),
        (br#"{"resource":"x"}"#, Status::PAYSIGN_INVALID_FIELD, "resource"),
        (
            br#"{"resource":{"algorithm":"AEAD_AES_256_GCM","nonce":"uluk4a9R25RW"}}"#,
            Status::PAYSIGN_MISSING_FIELD,
            "resource.ciphertext",
        ),
        (
            br#"{"resource":{"ciphertext":"x","nonce":"uluk4a9R25RW"}}"#,
            Status::PAYSIGN_MISSING_FIELD,
            "resource.algorithm",
        ),
        (
            br#"{"resource":{"algorithm":"AEAD_SM4_GCM","ciphertext":"x","nonce":"uluk4a9R25RW"}}"#,
            Status::PAYSIGN_UNSUPPORTED,
            "AEAD_SM4_GCM",
        ),
        (
            br#"{"resource":{"algorithm":"AEAD_AES_256_GCM","ciphertext":"x","nonce":1}}"#,
            Status::PAYSIGN_INVALID_FIELD,
            "resource.nonce",
        ),
    ] {
        let e = wechat_v3::decrypt_resource(body, APIV3_KEY).unwrap_err();
        assert_eq!(e.status, st, "{}", String::from_utf8_lossy(body));
        assert!(e.message.contains(field), "{}", e.message);
    }
    // absent associated_data is the empty string
    let ct = wechat_v3::encrypt(APIV3_KEY, "uluk4a9R25RW", "", b"{\"a\":1}").unwrap();
    let body =
        format!(r#"{{"resource":{{"algorithm":"AEAD_AES_256_GCM","ciphertext":"{ct}","nonce":"uluk4a9R25RW"}}}}"#);
    assert_eq!(
        wechat_v3::decrypt_resource(body.as_bytes(), APIV3_KEY).unwrap(),
        "{\"a\":1}"
    );
}

#[test]
fn received_bodies_over_one_mib_are_refused() {
    let big = vec![b' '; paysign::params::MAX_BODY + 1];
    let cert = key("derived_platform_certificate.pem");
    let e = wechat_v3::verify(
        &resp_headers(RESP_SIG, PLATFORM_SERIAL),
        &big,
        &cert,
        &opts("now=1700000000"),
    )
    .unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
    assert!(e.message.contains("limit"));
    assert_eq!(
        status(wechat_v3::decrypt_resource(&big, APIV3_KEY)),
        Status::PAYSIGN_MALFORMED_INPUT
    );
    // deep nesting is a JSON error, not a crash
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        status(wechat_v3::decrypt_resource(deep.as_bytes(), APIV3_KEY)),
        Status::PAYSIGN_MALFORMED_INPUT
    );
}

#[test]
fn a_failed_verification_names_the_usual_mistake() {
    // Signatures made here with the test WeChat Pay key (the signer itself matches the SDK's
    // published signature above); each body given is the signed one with one usual change.
    let wk = key("wechat_pay_private_key.pem");
    let pk = key("wechat_pay_public_key.pem");
    let id = "PUB_KEY_ID_0114232134912410000000000000";
    let o = opts("now=1700000000");
    let signed = |msg: &[u8]| wechat_v3::sign::sign(&wk, msg).unwrap();
    let why = |sig: &str, body: &[u8]| match wechat_v3::verify(
        &Headers {
            timestamp: "1700000000",
            nonce: "n1",
            signature: sig,
            serial: id,
        },
        body,
        &pk,
        &o,
    )
    .unwrap()
    {
        Verdict::Invalid(w) => w,
        Verdict::Valid => panic!("valid"),
    };
    let compact = br#"{"id":"EV-1","resource":{"nonce":"x"}}"#;
    let pretty = b"{\n  \"id\": \"EV-1\",\n  \"resource\": {\n    \"nonce\": \"x\"\n  }\n}";
    let sig = signed(&[&b"1700000000\nn1\n"[..], compact, b"\n"].concat());
    assert!(why(&sig, pretty).contains("re-serialised"), "{}", why(&sig, pretty));
    assert!(why(&sig, &[&compact[..], b"\n"].concat()).contains("trailing newline"));
    let sig_nl = signed(&[&b"1700000000\nn1\n"[..], compact, b"\n\n"].concat());
    assert!(why(&sig_nl, compact).contains("lost its last byte"));
    let sig_lf = signed(b"1700000000\nn1\na\nb\n");
    assert!(why(&sig_lf, b"a\r\nb").contains("\\r\\n"));
    let sig_unterminated = signed(&[&b"1700000000\nn1\n"[..], compact].concat());
    assert!(why(&sig_unterminated, compact).contains("final \\n"));
    let other = why(&sig, br#"{"id":"EV-2"}"#);
    assert!(
        other.contains("exactly as received") && !other.contains("re-serialised"),
        "{other}"
    );
}

// ---- platform-certificate download --------------------------------------------------------

#[test]
fn certificate_download_of_the_sdk_response() {
    let certs = wechat_v3::download_certificates(&data("sdk_certificate_download.json"), APIV3_KEY).unwrap();
    assert_eq!(certs.len(), 1);
    let c = &certs[0];
    assert_eq!(c.serial_no, "5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC");
    assert_eq!(c.effective_time, "2023-09-19T23:15:58+08:00");
    assert_eq!(c.expire_time, "2028-09-17T23:15:58+08:00");
    assert_eq!(c.pem.as_bytes(), &data("downloaded_platform_certificate.pem")[..]);
    let json = wechat_v3::download_certificates_json(&data("sdk_certificate_download.json"), APIV3_KEY).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["serial_no"], "5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC");
    assert_eq!(
        v[0]["pem"].as_str().unwrap().as_bytes(),
        &data("downloaded_platform_certificate.pem")[..]
    );
    let keys: Vec<&str> = v[0].as_object().unwrap().keys().map(|k| k.as_str()).collect();
    assert_eq!(keys, ["serial_no", "effective_time", "expire_time", "pem"]);
}

#[test]
fn certificate_download_keeps_the_order_and_each_pem_loads() {
    let certs = wechat_v3::download_certificates(&data("derived_certificate_download.json"), APIV3_KEY).unwrap();
    let serials: Vec<&str> = certs.iter().map(|c| c.serial_no.as_str()).collect();
    assert_eq!(serials, ["5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC", PLATFORM_SERIAL]);
    assert_eq!(certs[1].pem.as_bytes(), &data("derived_platform_certificate.pem")[..]);
    // The second certificate verifies what the WeChat Pay test key signed.
    let k = Key::load(certs[1].pem.as_bytes(), None).unwrap();
    let h = resp_headers(RESP_SIG, PLATFORM_SERIAL);
    assert_eq!(
        wechat_v3::verify(&h, RESP_BODY, &k, &opts("now=1700000000")).unwrap(),
        Verdict::Valid
    );
}

/// The SDK body with one edit to its first entry (a JSON pointer and the new value).
fn edited_download(pointer: &str, value: serde_json::Value) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_slice(&data("sdk_certificate_download.json")).unwrap();
    *v.pointer_mut(pointer).unwrap() = value;
    serde_json::to_vec(&v).unwrap()
}

fn download_error(body: &[u8], key: &[u8]) -> paysign::Error {
    wechat_v3::download_certificates(body, key).unwrap_err()
}

#[test]
fn certificate_download_failures_name_the_entry() {
    use serde_json::json;
    let e = download_error(
        &edited_download("/data/0/serial_no", json!("5DEA10EF55877E3CF6C33255C2E7DEFFF7E427ED")),
        APIV3_KEY,
    );
    assert_eq!(e.status, Status::PAYSIGN_KEY_MISMATCH);
    assert_eq!(
        e.message,
        "data[0] (serial_no 5DEA10EF55877E3CF6C33255C2E7DEFFF7E427ED): the decrypted certificate's serial is 5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC"
    );
    // Lower-case serial_no still names the same certificate.
    let lower = edited_download("/data/0/serial_no", json!("5dea10ef55877e3cf6c33255c2e7defff7e427ec"));
    assert_eq!(wechat_v3::download_certificates(&lower, APIV3_KEY).unwrap().len(), 1);

    // Errors within the first entry: (status, the message after the entry's name).
    let first = |body: &[u8], key: &[u8]| -> (Status, String) {
        let e = download_error(body, key);
        let rest = e
            .message
            .strip_prefix("data[0] (serial_no 5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC): ")
            .unwrap_or_else(|| panic!("entry not named: {}", e.message));
        (e.status, rest.to_string())
    };
    let (st, rest) = first(
        &data("derived_certificate_download.json"),
        b"a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gc",
    );
    assert!(
        st == Status::PAYSIGN_DECRYPT_ERROR && rest.starts_with("GCM tag"),
        "{rest}"
    );

    // A PEM that is a key, not a certificate; a plaintext that is no PEM at all.
    let enc = |plain: &[u8]| wechat_v3::encrypt(APIV3_KEY, "d3r1v3dn0nce", "certificate", plain).unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(&data("sdk_certificate_download.json")).unwrap();
    v["data"][0]["encrypt_certificate"]["nonce"] = json!("d3r1v3dn0nce");
    v["data"][0]["encrypt_certificate"]["ciphertext"] = json!(enc(&data("wechat_pay_public_key.pem")));
    assert_eq!(
        first(&serde_json::to_vec(&v).unwrap(), APIV3_KEY),
        (
            Status::PAYSIGN_KEY_ERROR,
            "the decrypted text is a key, not an X.509 certificate".to_string()
        )
    );
    v["data"][0]["encrypt_certificate"]["ciphertext"] = json!(enc(b"not a certificate"));
    let (st, rest) = first(&serde_json::to_vec(&v).unwrap(), APIV3_KEY);
    assert!(st == Status::PAYSIGN_KEY_ERROR && !rest.is_empty(), "{rest}");

    // Fields.
    let cases: [(&str, serde_json::Value, Status, &str); 5] = [
        ("/data/0/serial_no", json!(""), Status::PAYSIGN_MISSING_FIELD, "field 'data[0].serial_no' is missing or empty"),
        ("/data/0/expire_time", json!(7), Status::PAYSIGN_INVALID_FIELD, "field 'data[0].expire_time': not a string"),
        ("/data/0/encrypt_certificate", json!("x"), Status::PAYSIGN_INVALID_FIELD, "data[0] (serial_no 5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC): field 'data[0].encrypt_certificate': not an object"),
        ("/data/0/encrypt_certificate/algorithm", json!("AEAD_SM4_GCM"), Status::PAYSIGN_UNSUPPORTED, "data[0] (serial_no 5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC): data[0].encrypt_certificate.algorithm 'AEAD_SM4_GCM' (only AEAD_AES_256_GCM)"),
        ("/data/0", json!([]), Status::PAYSIGN_INVALID_FIELD, "field 'data[0]': not an object"),
    ];
    for (pointer, value, want, msg) in cases {
        let e = download_error(&edited_download(pointer, value), APIV3_KEY);
        assert_eq!((e.status, e.message.as_str()), (want, msg), "{pointer}");
    }
    for (body, want) in [
        (&b"{}"[..], Status::PAYSIGN_MISSING_FIELD),
        (br#"{"data":[]}"#, Status::PAYSIGN_MISSING_FIELD),
        (br#"{"data":{}}"#, Status::PAYSIGN_INVALID_FIELD),
        (b"{", Status::PAYSIGN_MALFORMED_INPUT),
    ] {
        assert_eq!(download_error(body, APIV3_KEY).status, want);
    }
    assert_eq!(
        download_error(&data("sdk_certificate_download.json"), b"short").status,
        Status::PAYSIGN_KEY_ERROR
    );
}

#[test]
fn authorization_from_the_apiclient_cert_p12_takes_its_serial() {
    // DERIVED (openssl pkcs12 -export, SOURCES.md): the merchant key and certificate as the
    // apiclient_cert.p12 merchants download, password the mchid; AES (OpenSSL 3) and RC2/3DES bags.
    for file in ["derived_apiclient_cert.p12", "derived_apiclient_cert_legacy.p12"] {
        let k = Key::load(&data(file), Some("1900009191")).unwrap();
        let h = wechat_v3::authorization(&k, "1900009191", None, &get_request()).unwrap();
        assert!(h.ends_with(&format!("serial_no=\"{MERCHANT_SERIAL}\"")), "{file}: {h}");
        assert!(h.contains(GET_SIG), "{file}: {h}");
        let e = Key::load(&data(file), Some("1900009190")).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_KEY_ERROR, "{file}: wrong password");
        assert!(
            !e.message.contains("1900009190"),
            "the password is not echoed: {}",
            e.message
        );
    }
}
