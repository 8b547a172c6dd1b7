//! PayPal IPN postback, verdict and merchant checks on the bodies of testdata/paypal/ipn.json
//! (recorded bodies with their source, and DERIVED charset bodies) and their tampered twins.

use paysign::paypal::{self, Expect};
use paysign::{Status, Verdict};
use serde_json::Value;

fn cases() -> Vec<Value> {
    let path = format!("{}/testdata/paypal/ipn.json", env!("CARGO_MANIFEST_DIR"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["cases"].as_array().unwrap().clone()
}

fn case(id: &str) -> Vec<u8> {
    let c = cases().into_iter().find(|c| c["id"] == id).unwrap();
    c["body"].as_str().unwrap().as_bytes().to_vec()
}

#[test]
fn postback_is_the_raw_body_prefixed_for_every_vector() {
    let all = cases();
    assert_eq!(all.len(), 6);
    for c in &all {
        let body = c["body"].as_str().unwrap().as_bytes();
        let got = paypal::postback(body).unwrap();
        assert_eq!(got, c["expect_postback"].as_str().unwrap().as_bytes(), "{}", c["id"]);
    }
}

#[test]
fn fields_decode_per_charset_for_every_vector() {
    for c in cases() {
        let p = paypal::fields(c["body"].as_str().unwrap().as_bytes()).unwrap();
        for (name, want) in c["expect_fields"].as_object().unwrap() {
            assert_eq!(p.get(name), want.as_str(), "{} {name}", c["id"]);
        }
    }
}

#[test]
fn postback_rejects_a_body_already_prepared() {
    // HarvestHand's Buggy-POST.php appends cmd=_notify-validate at the end.
    let mut body = case("harvesthand-live");
    body.extend_from_slice(b"&cmd=_notify-validate");
    let e = paypal::postback(&body).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD);
    assert!(e.message.contains("'cmd'"), "{}", e.message);
    let e = paypal::postback(&[b"cmd=_notify-validate&".as_slice(), &case("offsite-web-accept")].concat()).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD);
}

#[test]
fn postback_rejects_bodies_that_are_not_form_encoded() {
    let bad: [(&[u8], &str); 6] = [
        (b"", "empty"),
        (b"{\"mc_gross\":\"1.00\"}", "not name=value"),
        (b"mc_gross=1.00&first_name=Jos\xe9", "field 'first_name'"),
        (b"address_street=1 Main St", "field 'address_street'"),
        (b"mc_gross=1.00&payment_date=20%3", "field 'payment_date'"),
        (b"mc_gross=1.00&=x", "not name=value"),
    ];
    for (body, want) in bad {
        let e = paypal::postback(body).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT, "{body:?}");
        assert!(e.message.contains(want), "{body:?}: {}", e.message);
    }
}

#[test]
fn verdict_is_exact() {
    assert_eq!(paypal::verdict(b"VERIFIED").unwrap(), Verdict::Valid);
    assert_eq!(paypal::verdict(b"VERIFIED\r\n").unwrap(), Verdict::Valid);
    assert!(matches!(paypal::verdict(b"INVALID").unwrap(), Verdict::Invalid(_)));
    for other in [
        &b""[..],
        b"verified",
        b" VERIFIED",
        b"<html><body>VERIFIED</body></html>",
        b"VERIFIEDX",
        b"<!DOCTYPE html><html><head><title>Error</title>",
    ] {
        let e = paypal::verdict(other).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT, "{other:?}");
    }
}

fn web_accept_expect() -> Expect {
    Expect::parse("receiver_email=TOBI%40leetsoft.com&business=tobi%40leetsoft.com&receiver_id=UQ8PDYXJZQD9Y&amount=500.00&currency=CAD&payment_status=Completed&sandbox=1").unwrap()
}

#[test]
fn checks_pass_on_the_recorded_body() {
    let c = paypal::check(&case("offsite-web-accept"), &web_accept_expect()).unwrap();
    assert_eq!(c.txn_id.as_deref(), Some("6G996328CK404320L"));
    assert!(c.sandbox);
    let live = Expect::parse("receiver_email=info%40taprootfarms.ca&amount=50.00&currency=CAD&sandbox=0").unwrap();
    let c = paypal::check(&case("harvesthand-live"), &live).unwrap();
    assert_eq!(c.txn_id.as_deref(), Some("5WT436234S3597011"));
    assert!(!c.sandbox);
}

#[test]
fn tampered_twins_name_the_field() {
    let body = String::from_utf8(case("offsite-web-accept")).unwrap();
    let twins = [
        (
            "receiver_email=tobi%40leetsoft.com",
            "receiver_email=evil%40example.com",
            "receiver_email",
            Status::PAYSIGN_INVALID_FIELD,
        ),
        (
            "business=tobi%40leetsoft.com",
            "business=evil%40example.com",
            "business",
            Status::PAYSIGN_INVALID_FIELD,
        ),
        (
            "receiver_id=UQ8PDYXJZQD9Y",
            "receiver_id=XXXXXXXXXXXXX",
            "receiver_id",
            Status::PAYSIGN_INVALID_FIELD,
        ),
        (
            "mc_gross=500.00",
            "mc_gross=5.00",
            "mc_gross",
            Status::PAYSIGN_INVALID_FIELD,
        ),
        (
            "mc_currency=CAD",
            "mc_currency=USD",
            "mc_currency",
            Status::PAYSIGN_INVALID_FIELD,
        ),
        (
            "payment_status=Completed",
            "payment_status=Pending",
            "payment_status",
            Status::PAYSIGN_INVALID_FIELD,
        ),
        ("&test_ipn=1", "", "test_ipn", Status::PAYSIGN_INVALID_FIELD),
        (
            "&receiver_email=tobi%40leetsoft.com",
            "",
            "receiver_email",
            Status::PAYSIGN_MISSING_FIELD,
        ),
    ];
    for (from, to, field, status) in twins {
        assert!(body.contains(from), "{from}");
        let t = body.replacen(from, to, 1);
        let e = paypal::check(t.as_bytes(), &web_accept_expect()).unwrap_err();
        assert_eq!(e.status, status, "{field}: {}", e.message);
        assert!(e.message.contains(&format!("'{field}'")), "{field}: {}", e.message);
    }
}

#[test]
fn sandbox_notification_refused_by_a_live_merchant() {
    let e = paypal::check(&case("offsite-web-accept"), &Expect::parse("sandbox=0").unwrap()).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD);
    assert!(e.message.contains("'test_ipn'"));
}

#[test]
fn options_and_charset_errors_are_precise() {
    let e = Expect::parse("receiver=x").unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_ARGUMENT);
    assert!(e.message.contains("'receiver'"));
    assert_eq!(
        Expect::parse("sandbox=yes").unwrap_err().status,
        Status::PAYSIGN_INVALID_ARGUMENT
    );
    let e = paypal::fields(b"charset=koi8-r&first_name=x").unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD);
    assert!(e.message.contains("'charset'"));
    // Bytes invalid in the declared charset.
    let e = paypal::fields(b"charset=UTF-8&first_name=Jos%E9").unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_CHARSET_ERROR);
}

fn causes(received: &[u8], sent: Option<&[u8]>, host: Option<&str>) -> Vec<&'static str> {
    paysign::diagnose::paypal::postback(received, sent, host)
        .into_iter()
        .map(|f| f.cause)
        .collect()
}

#[test]
fn diagnose_names_the_usual_postback_mistakes() {
    let raw = case("offsite-web-accept");
    let text = String::from_utf8(raw.clone()).unwrap();
    let good = paypal::postback(&raw).unwrap();
    assert!(causes(&raw, Some(&good), Some("ipnpb.sandbox.paypal.com")).is_empty());
    // PHP rawurlencode after decoding: '+' became %20.
    let pct20 = format!("cmd=_notify-validate&{}", text.replace('+', "%20"));
    assert_eq!(causes(&raw, Some(pct20.as_bytes()), None), ["plus_vs_pct20"]);
    let lower = format!("cmd=_notify-validate&{}", text.replace("%3A", "%3a"));
    assert_eq!(causes(&raw, Some(lower.as_bytes()), None), ["hex_case"]);
    let mut fields: Vec<&str> = text.split('&').collect();
    fields.sort();
    let sorted = format!("cmd=_notify-validate&{}", fields.join("&"));
    assert_eq!(causes(&raw, Some(sorted.as_bytes()), None), ["fields_reordered"]);
    let amount = format!(
        "cmd=_notify-validate&{}",
        text.replace("mc_gross=500.00", "mc_gross=5.00")
    );
    let f = paysign::diagnose::paypal::postback(&raw, Some(amount.as_bytes()), None);
    assert_eq!(f[0].cause, "fields_changed");
    assert!(f[0].detail.contains("'mc_gross'"), "{}", f[0].detail);
    // The sandbox notification posted to the live host, and a live one to the sandbox.
    assert_eq!(causes(&raw, None, Some("ipnpb.paypal.com")), ["sandbox_to_live_host"]);
    assert_eq!(
        causes(&case("harvesthand-live"), None, Some("www.sandbox.paypal.com")),
        ["live_to_sandbox_host"]
    );
    // charset field changed by a listener that re-encoded to UTF-8.
    let ms = String::from_utf8(case("offsite-masspay")).unwrap();
    let cs = format!(
        "cmd=_notify-validate&{}",
        ms.replace("charset=windows-1252", "charset=UTF-8")
    );
    assert_eq!(causes(ms.as_bytes(), Some(cs.as_bytes()), None), ["charset_field"]);
}

/// Runs the CLI with stdin written to a scratch file first (the answer or the body).
fn cli(args: &[&str], stdin: &[u8]) -> (i32, Vec<u8>, String) {
    let dir = std::env::temp_dir().join(format!("paysign-paypal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join(format!("{:x}.in", stdin.len() ^ args.len() << 16));
    std::fs::write(&input, stdin).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_paysign"))
        .args(args)
        .stdin(std::fs::File::open(&input).unwrap())
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        o.stdout,
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn cli_postback_verdict_check() {
    let raw = case("offsite-web-accept");
    let (rc, out, _) = cli(&["paypal", "postback"], &raw);
    assert_eq!((rc, out), (0, paypal::postback(&raw).unwrap()));
    assert_eq!(cli(&["paypal", "verdict"], b"VERIFIED").0, 0);
    assert_eq!(cli(&["paypal", "verdict"], b"INVALID").0, 1);
    let (rc, _, err) = cli(&["paypal", "verdict"], b"<html>oops</html>");
    assert_eq!(rc, 2);
    assert!(err.contains("PAYSIGN_MALFORMED_INPUT"), "{err}");
    let (rc, out, _) = cli(&["paypal", "check", "--options", "amount=500.00&sandbox=1"], &raw);
    assert_eq!(
        (rc, String::from_utf8(out).unwrap().as_str()),
        (0, "txn_id=6G996328CK404320L\nsandbox=1\n")
    );
    let (rc, _, err) = cli(&["paypal", "check", "--options", "currency=USD"], &raw);
    assert_eq!(rc, 2);
    assert!(err.contains("'mc_currency'"), "{err}");
}

#[test]
fn cli_diagnose_prints_the_findings() {
    let raw = case("offsite-web-accept");
    let text = String::from_utf8(raw.clone()).unwrap();
    let dir = std::env::temp_dir().join(format!("paysign-paypal-diag-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sent = dir.join("sent");
    std::fs::write(&sent, format!("cmd=_notify-validate&{}", text.replace('+', "%20"))).unwrap();
    let sent = sent.to_str().unwrap();
    let (rc, out, _) = cli(
        &["paypal", "diagnose", "--sent", sent, "--host", "ipnpb.paypal.com"],
        &raw,
    );
    assert_eq!(rc, 1);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["mode"], "paypal_postback");
    let causes: Vec<_> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["cause"].as_str().unwrap())
        .collect();
    assert_eq!(causes, ["sandbox_to_live_host", "plus_vs_pct20"]);
    let good = dir.join("good");
    std::fs::write(&good, paypal::postback(&raw).unwrap()).unwrap();
    let (rc, out, _) = cli(&["paypal", "diagnose", "--sent", good.to_str().unwrap()], &raw);
    assert_eq!(
        (rc, String::from_utf8(out).unwrap().as_str()),
        (0, "{\"mode\":\"paypal_postback\",\"findings\":[]}\n")
    );
}
