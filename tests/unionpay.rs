//! UnionPay ACP: certId, and 5.1.0 `signPubKeyCert` trust (chain, dates, CN) before the
//! signature; 5.0.0 by certId. Messages are the published and DERIVED vectors of unionpay.json.

mod common;

use common::{case, key_path, params_of};
use paysign::unionpay;
use paysign::{Format, Key, Options, Params, Status, Verdict};

/// 2024-01-05, when yansongda/pay's replies were made (the test certificate expired 2025-07-31).
const JAN_2024: &str = "now=1704441600";
/// 2017-10-30, the omnipay-unionpay front notification.
const OCT_2017: &str = "now=1509400000";

fn trust() -> (Vec<u8>, Vec<u8>) {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/unionpay");
    (
        std::fs::read(dir.join("acp_test_root.pem")).unwrap(),
        std::fs::read(dir.join("acp_test_middle.pem")).unwrap(),
    )
}

fn profile(id: &str) -> &'static paysign::Profile {
    paysign::profile(id).unwrap()
}

fn check(params: &Params, opts: &str) -> paysign::Result<Verdict> {
    let (root, middle) = trust();
    unionpay::verify(
        profile("unionpay.acp.response"),
        &Options::parse(opts).unwrap(),
        params,
        Some((&root, &middle)),
        None,
    )
}

fn refund_reply() -> Params {
    params_of(&case("unionpay-5.1.0-refund-response-yansongda"))
}

fn with(params: &Params, name: &str, value: &str) -> Params {
    let mut p = params.clone();
    p.set(name, value);
    p
}

fn pem(name: &str) -> String {
    std::fs::read_to_string(key_path(name)).unwrap()
}

#[test]
fn cert_id_is_the_decimal_serial() {
    let k = Key::load_file(&key_path("unionpay_acp_test_sign_2021.pfx"), Some("000000")).unwrap();
    // Published: yansongda/pay sends certId=69903319369 with this PFX.
    assert_eq!(unionpay::cert_id(&k).unwrap(), "69903319369");
    // The RC2-40 PFX of 2015: serial 0x1002653215 (openssl pkcs12 -legacy ... | openssl x509 -serial).
    let old = Key::load_file(&key_path("unionpay_acp_test_sign_2015.pfx"), Some("000000")).unwrap();
    assert_eq!(unionpay::cert_id(&old).unwrap(), "68759663125");
    let cert = Key::load_file(&key_path("unionpay_acp_test_verify_2020.pem"), None).unwrap();
    // UnionPay's test verify certificate: serial 0x1039308534.
    assert_eq!(unionpay::cert_id(&cert).unwrap(), "69678957876");
    let e = unionpay::cert_id(&Key::secret("k").unwrap()).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_MISMATCH);
}

#[test]
fn published_replies_verify_through_the_chain() {
    for id in ["query", "cancel", "refund"] {
        let p = params_of(&case(&format!("unionpay-5.1.0-{id}-response-yansongda")));
        assert_eq!(check(&p, JAN_2024).unwrap(), Verdict::Valid, "{id}");
    }
}

#[test]
fn tampered_reply_is_a_bad_signature_not_an_untrusted_cert() {
    let p = with(&refund_reply(), "txnAmt", "10");
    assert!(matches!(check(&p, JAN_2024).unwrap(), Verdict::Invalid(_)));
}

#[test]
fn expired_certificate_is_untrusted() {
    // 2026-12-07: after the test certificate's notAfter (2025-07-31).
    let e = check(&refund_reply(), "now=1796630400").unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_UNTRUSTED_CERT);
    assert!(e.message.contains("signPubKeyCert: valid from"), "{}", e.message);
    let e = check(&refund_reply(), "now=1596000000").unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_UNTRUSTED_CERT, "before notBefore 2020-07-31");
}

#[test]
fn certificate_outside_the_chain_is_untrusted() {
    // Alipay's sandbox certificate: another CA entirely.
    let p = with(
        &refund_reply(),
        "signPubKeyCert",
        &pem("alipay_sandbox_public_cert.pem"),
    );
    let e = check(&p, JAN_2024).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_UNTRUSTED_CERT);
    assert_eq!(e.message, "signPubKeyCert: not issued by the middle certificate");
    // The root given as middle: the leaf's issuer is not it.
    let (root, _) = trust();
    let e = unionpay::verify(
        profile("unionpay.acp.response"),
        &Options::parse(JAN_2024).unwrap(),
        &refund_reply(),
        Some((&root, &root)),
        None,
    )
    .unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_UNTRUSTED_CERT);
}

#[test]
fn forged_certificate_with_the_right_names_is_untrusted() {
    // Same subject and issuer names, one byte of the signature changed.
    let text = pem("unionpay_acp_test_verify_2020.pem");
    let der = Key::load(text.as_bytes(), None).unwrap();
    assert!(der.cert().is_some());
    let body: String = text.lines().filter(|l| !l.starts_with("-----")).collect();
    let mut bytes = base64_decode(&body);
    let n = bytes.len();
    bytes[n - 10] ^= 1;
    let forged = format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        base64_encode(&bytes)
    );
    let p = with(&refund_reply(), "signPubKeyCert", &forged);
    let e = check(&p, JAN_2024).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_UNTRUSTED_CERT);
    assert!(e.message.contains("does not verify with the middle"), "{}", e.message);
}

#[test]
fn merchant_certificate_has_the_wrong_owner() {
    // Issued by the same test middle, but its CN owner is the merchant's, not UnionPay's.
    let p = with(
        &refund_reply(),
        "signPubKeyCert",
        &pem("unionpay_acp_test_sign_2021_cert.pem"),
    );
    let e = check(&p, JAN_2024).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_UNTRUSTED_CERT);
    assert!(e.message.contains("CN owner '700000000000001:SIGN'"), "{}", e.message);
}

#[test]
fn test_owner_needs_test_cn() {
    let c = case("unionpay-5.1.0-front-notify-omnipay");
    let body = c["body"].as_str().unwrap().as_bytes();
    let p = paysign::signer::parse_body(
        profile("unionpay.acp.notify"),
        &Options::default(),
        body,
        Format::Form,
        None,
    )
    .unwrap();
    let e = check(&p, OCT_2017).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_UNTRUSTED_CERT);
    assert!(e.message.contains("'00040000:SIGN'"), "{}", e.message);
    assert_eq!(check(&p, &format!("{OCT_2017}&test_cn=1")).unwrap(), Verdict::Valid);
    let t = with(&p, "orderId", "20171030223624");
    assert!(matches!(
        check(&t, &format!("{OCT_2017}&test_cn=1")).unwrap(),
        Verdict::Invalid(_)
    ));
}

#[test]
fn missing_pieces_have_their_own_status() {
    let mut p = Params::new();
    for (k, v) in refund_reply().iter().filter(|(k, _)| *k != "signPubKeyCert") {
        p.set(k, v);
    }
    assert_eq!(check(&p, JAN_2024).unwrap_err().status, Status::PAYSIGN_MISSING_FIELD);
    let e = unionpay::verify(
        profile("unionpay.acp.response"),
        &Options::default(),
        &refund_reply(),
        None,
        None,
    )
    .unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_NULL_ARGUMENT);
    let p = with(&refund_reply(), "version", "5.2.0");
    assert_eq!(check(&p, JAN_2024).unwrap_err().status, Status::PAYSIGN_INVALID_FIELD);
    let p = with(
        &refund_reply(),
        "signPubKeyCert",
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
    );
    assert_eq!(check(&p, JAN_2024).unwrap_err().status, Status::PAYSIGN_MALFORMED_INPUT);
}

#[test]
fn v500_uses_the_certificate_certid_names() {
    let c = case("unionpay-5.0.0-back-notify-derived");
    let p = params_of(&c);
    let notify = profile("unionpay.acp.notify");
    let good = Key::load_file(&key_path("unionpay_acp_test_sign_2021_cert.pem"), None).unwrap();
    let v = unionpay::verify(notify, &Options::default(), &p, None, Some(&good)).unwrap();
    assert_eq!(v, Verdict::Valid);
    let t = with(&p, "txnAmt", "100");
    let v = unionpay::verify(notify, &Options::default(), &t, None, Some(&good)).unwrap();
    assert!(matches!(v, Verdict::Invalid(_)));
    let other = Key::load_file(&key_path("unionpay_acp_test_verify_2020.pem"), None).unwrap();
    let e = unionpay::verify(notify, &Options::default(), &p, None, Some(&other)).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_MISMATCH);
    assert!(e.message.contains("names certificate 69903319369"), "{}", e.message);
}

#[test]
fn reply_body() {
    let p = profile("unionpay.acp.notify");
    assert_eq!(paysign::reply(p, true, None).unwrap(), "ok");
    assert_eq!(paysign::reply(p, false, None).unwrap(), "fail");
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.decode(s).unwrap()
}

fn base64_encode(b: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(b)
}

fn cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_paysign"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn cli_cert_id_and_verify() {
    let o = cli(&[
        "unionpay",
        "cert-id",
        "--key",
        "testdata/vectors/keys/unionpay_acp_test_sign_2021.pfx",
        "--password",
        "000000",
    ]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "69903319369\n");
    let base = [
        "unionpay",
        "verify",
        "--body",
        "testdata/unionpay/notify_5.1.0_wtz.txt",
        "--root",
        "testdata/unionpay/acp_test_root.pem",
        "--middle",
        "testdata/unionpay/acp_test_middle.pem",
        "--options",
    ];
    let o = cli(&[&base[..], &["now=1509400000&test_cn=1"]].concat());
    assert_eq!(
        (o.status.code(), String::from_utf8_lossy(&o.stdout).as_ref()),
        (Some(0), "valid\n")
    );
    let o = cli(&[&base[..], &["now=1509400000"]].concat());
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("PAYSIGN_UNTRUSTED_CERT"));
}

#[test]
fn sign_method_other_than_rsa_is_refused_by_name() {
    let reply = refund_reply();
    let e = check(&with(&reply, "signMethod", "11"), JAN_2024).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_UNSUPPORTED);
    assert!(e.message.contains("11 (SHA-256 with the secure key)"), "{}", e.message);
    let e = check(&with(&reply, "signMethod", "12"), JAN_2024).unwrap_err();
    assert!(e.message.contains("12 (SM3 with the secure key)"), "{}", e.message);
    let e = check(&with(&reply, "signMethod", "02"), JAN_2024).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD);
    assert!(e.message.contains("signMethod"), "{}", e.message);
}
