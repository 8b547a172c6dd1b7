//! The `paysign` command-line tool, run as a process: output, exit status (0 ok, 1 bad
//! signature, 2 error) and that no secret ever reaches stdout or stderr.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const KEYS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/vectors/keys");
const REFUND_KEY: &str = "NGAK9BK4XL4HYANB";
const WECHAT_KEY: &str = "192006250b4c09247ec02edce69f6a2d";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

fn paysign_with(args: &[&str], env: &[(&str, &str)], stdin: &[u8]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_paysign"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("run paysign");
    // paysign may exit before reading stdin (an error found first): a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn paysign(args: &[&str]) -> Run {
    paysign_with(args, &[], b"")
}

fn key(name: &str) -> String {
    format!("{KEYS}/{name}")
}

/// A file under the test scratch directory.
fn scratch(name: &str, data: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, data).unwrap();
    path
}

fn vector(file: &str, id: &str) -> serde_json::Value {
    let path = format!("{}/testdata/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    let all: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    all["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no vector {id}"))
        .clone()
}

/// `name=value` arguments from a vector's params.
fn field_args(case: &serde_json::Value) -> Vec<String> {
    case["params"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{}={}", p[0].as_str().unwrap(), p[1].as_str().unwrap()))
        .collect()
}

fn refund_args(extra: &[&str]) -> Vec<String> {
    let case = vector("99bill.json", "99bill-refund-mac-doc-example");
    assert_eq!(case["key"]["secret"], REFUND_KEY);
    let mut args = vec!["sign".to_string(), "99bill.refund.request".to_string()];
    args.extend(field_args(&case));
    args.extend(["--secret-env".to_string(), "PAYSIGN_KEY".to_string()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

fn run_refund(extra: &[&str]) -> Run {
    let args = refund_args(extra);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    paysign_with(&args, &[("PAYSIGN_KEY", REFUND_KEY)], b"")
}

#[test]
fn profiles_lists_every_profile_with_its_description() {
    let r = paysign(&["profiles"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("99bill.pay.request "))
        .expect("99bill.pay.request listed");
    assert!(line.contains("99bill RMB gateway payment request"), "{line}");
    for id in [
        "wechatpay.notify",
        "alipay.openapi.notify",
        "yeepay.pay.notify",
        "cmpp.connect",
    ] {
        assert!(r.stdout.lines().any(|l| l.starts_with(id)), "{id} missing");
    }
}

#[test]
fn sign_refund_doc_example_with_secret_from_env() {
    let r = run_refund(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "27B0FA04AEEBA005FD228C9879DF47DD\n");
    assert_eq!(r.stderr, "");
}

#[test]
fn sign_explain_masks_the_secret() {
    let r = run_refund(&["--explain"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("***"), "{}", r.stdout);
    assert!(!r.all().contains(REFUND_KEY), "{}", r.stdout);
    assert!(r.stdout.contains(
        "sign string: merchant_id=10012932671version=bill_drawback_api_1command_type=001\
         orderid=20190225145425tsamount=10.0postdate=20190225150712txOrder=20190225ts01merchant_key=***\n"
    ));
    assert!(r.stdout.contains("charset: utf-8\n"), "{}", r.stdout);
    assert!(r.stdout.contains("method: MD5\n"), "{}", r.stdout);
    assert!(r.stdout.ends_with("signature: 27B0FA04AEEBA005FD228C9879DF47DD\n"));
}

#[test]
fn sign_explain_masks_query_key_option() {
    let r = paysign(&[
        "sign",
        "99bill.query.request",
        "inputCharset=1",
        "version=v2.0",
        "signType=2",
        "merchantAcctId=1001214035601",
        "queryType=0",
        "queryMode=1",
        "orderId=KQ1",
        "--key",
        &key("99bill_10012140356.pfx"),
        "--password",
        "123456",
        "--options",
        "query_key=QKEY-9f8e7d",
        "--explain",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("&key=***"), "{}", r.stdout);
    assert!(!r.all().contains("QKEY-9f8e7d"));
    assert!(r.stdout.contains("method: SHA256withRSA\n"), "{}", r.stdout);
}

#[test]
fn sign_rsa_with_pfx_matches_vector_and_output_form() {
    let case = vector("99bill.json", "99bill-rsa-sha256-request-10012140356-pfx");
    let pfx = key("99bill_10012140356.pfx");
    let mut args = vec!["sign", "99bill.pay.request"];
    let fields = field_args(&case);
    args.extend(fields.iter().map(String::as_str));
    args.extend(["--key", &pfx, "--password", "123456", "--options", "hash=sha256"]);
    let r = paysign(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.trim_end(), case["expect_signature"].as_str().unwrap());

    args.extend(["--output", "form"]);
    let r = paysign(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("inputCharset=1&"), "{}", r.stdout);
    assert!(r.stdout.contains("payerName=%E5%BC%A0%E4%B8%89"), "{}", r.stdout);
    assert!(r.stdout.trim_end().contains("&signMsg="), "{}", r.stdout);
}

#[test]
fn sign_from_form_file_and_stdin_with_json_output() {
    let form = b"appid=wxd930ea5d5a258f4f&mch_id=10000100&device_info=1000&body=test&nonce_str=ibuaiVcKdpRxkhJA";
    let file = scratch("wechat-request.form", form);
    let r = paysign_with(
        &[
            "sign",
            "wechatpay.request",
            "--form",
            file.to_str().unwrap(),
            "--secret-env",
            "K",
        ],
        &[("K", WECHAT_KEY)],
        b"",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "9A0A8659F005D6984697E2CA0A9CF3B7\n");

    let r = paysign_with(
        &[
            "sign",
            "wechatpay.request",
            "--form",
            "-",
            "--secret-env",
            "K",
            "--output",
            "json",
        ],
        &[("K", WECHAT_KEY)],
        form,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.ends_with(",\"sign\":\"9A0A8659F005D6984697E2CA0A9CF3B7\"}\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn sign_with_secret_file() {
    let file = scratch("refund.key", format!("{REFUND_KEY}\n").as_bytes());
    let case = vector("99bill.json", "99bill-refund-mac-doc-example");
    let mut args = vec!["sign", "99bill.refund.request", "--secret-file", file.to_str().unwrap()];
    let fields = field_args(&case);
    args.extend(fields.iter().map(String::as_str));
    let r = paysign(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "27B0FA04AEEBA005FD228C9879DF47DD\n");
}

fn wechat_bodies() -> (String, String) {
    let good = vector("wechatpay.json", "wechat-notify-xml-md5-derived");
    let bad = vector("wechatpay.json", "wechat-notify-xml-md5-derived-tampered-total-fee");
    assert_eq!(bad["expect"], "bad_signature");
    (
        good["body"].as_str().unwrap().to_string(),
        bad["body"].as_str().unwrap().to_string(),
    )
}

#[test]
fn verify_wechat_xml_valid_and_tampered() {
    let (good, bad) = wechat_bodies();
    let args = ["verify", "wechatpay.notify", "--format", "xml", "--secret-env", "K"];
    let env = [("K", WECHAT_KEY)];

    let r = paysign_with(&args, &env, good.as_bytes());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "valid\n");

    let r = paysign_with(&args, &env, bad.as_bytes());
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.starts_with("BAD SIGNATURE: "), "{}", r.stderr);
    assert!(!r.all().contains(WECHAT_KEY));

    // From a file, with the parsed fields printed.
    let file = scratch("wechat-notify.xml", good.as_bytes());
    let r = paysign_with(
        &[
            "verify",
            "wechatpay.notify",
            "--body",
            file.to_str().unwrap(),
            "--format",
            "xml",
            "--charset",
            "utf-8",
            "--secret-env",
            "K",
            "--print-params",
        ],
        &env,
        b"",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("valid\nappid=wxd930ea5d5a258f4f\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("\nattach=支付测试\n"), "{}", r.stdout);
    assert!(r.stdout.contains("\ntotal_fee=1\n"), "{}", r.stdout);
}

#[test]
fn verify_errors_exit_2() {
    let (good, _) = wechat_bodies();
    // A stray positional argument.
    let r = paysign_with(&["verify", "wechatpay.notify", "extra"], &[], b"");
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(
        r.stderr.starts_with("error: PAYSIGN_INVALID_ARGUMENT: "),
        "{}",
        r.stderr
    );
    // No key for an MD5 profile.
    let r = paysign_with(
        &["verify", "wechatpay.notify", "--format", "xml", "--body", "-"],
        &[],
        good.as_bytes(),
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: PAYSIGN_NULL_ARGUMENT: "), "{}", r.stderr);
    // Broken XML.
    let r = paysign_with(
        &["verify", "wechatpay.notify", "--format", "xml", "--secret-env", "K"],
        &[("K", WECHAT_KEY)],
        b"<xml><a>1</b></xml>",
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: PAYSIGN_MALFORMED_INPUT: "), "{}", r.stderr);
    // An unset environment variable.
    let r = paysign(&["verify", "wechatpay.notify", "--secret-env", "PAYSIGN_SURELY_UNSET_VAR"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("PAYSIGN_SURELY_UNSET_VAR"), "{}", r.stderr);
}

#[test]
fn junk_key_file_is_a_key_error() {
    let junk = scratch("junk.pem", b"this is not a key\n");
    let r = paysign_with(
        &["verify", "99bill.pay.notify", "--key", junk.to_str().unwrap()],
        &[],
        b"signType=4&signMsg=AAAA",
    );
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(r.stderr.starts_with("error: PAYSIGN_KEY_ERROR: "), "{}", r.stderr);
    assert_eq!(r.stdout, "");

    let r = paysign(&["keyinfo", junk.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: PAYSIGN_KEY_ERROR: "), "{}", r.stderr);
}

#[test]
fn secrets_never_appear_in_errors() {
    let secret = "s3cr3t-Value-77";
    // A secret cannot sign RSA: the error must not echo it.
    let r = paysign(&[
        "sign",
        "alipay.openapi.request",
        "app_id=1",
        "sign_type=RSA2",
        "--secret",
        secret,
    ]);
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(r.stderr.starts_with("error: PAYSIGN_KEY_MISMATCH: "), "{}", r.stderr);
    assert!(!r.all().contains(secret));
    // A secret given to a misspelt option is not echoed either.
    let r = paysign(&["sign", "wechatpay.request", &format!("--secrte={secret}")]);
    assert_eq!(r.code, 2);
    assert!(!r.all().contains(secret), "{}", r.stderr);
    // Two keys at once.
    let r = paysign(&[
        "sign",
        "wechatpay.request",
        "a=1",
        "--secret",
        secret,
        "--secret-env",
        "X",
    ]);
    assert_eq!(r.code, 2);
    assert!(!r.all().contains(secret));
}

#[test]
fn reply_prints_exact_bytes() {
    let r = paysign(&["reply", "99bill.pay.notify", "--success", "--url", "http://m/ok"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "<result>1</result><redirecturl>http://m/ok</redirecturl>");

    let r = paysign(&["reply", "wechatpay.notify", "--success"]);
    assert_eq!(
        r.stdout,
        "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>"
    );
    let r = paysign(&["reply", "alipay.mapi.notify", "--failure"]);
    assert_eq!(r.stdout, "fail");

    // 99bill needs the URL; exactly one of --success/--failure.
    let r = paysign(&["reply", "99bill.pay.notify", "--success"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("error: PAYSIGN_INVALID_ARGUMENT: "),
        "{}",
        r.stderr
    );
    let r = paysign(&["reply", "yeepay.pay.notify", "--success", "--failure"]);
    assert_eq!(r.code, 2);
    let r = paysign(&["reply", "99bill.pay.request", "--success", "--url", "http://m/ok"]);
    assert_eq!(r.code, 2);
}

#[test]
fn keyinfo_of_expired_99bill_certificate() {
    // `openssl x509 -noout -enddate`: notAfter=Nov 29 08:37:01 2024 GMT
    let r = paysign(&["keyinfo", &key("99bill_10012140356_cert.pem")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("bits: 2048\n"), "{}", r.stdout);
    assert!(r.stdout.contains("type: certificate\n"), "{}", r.stdout);
    assert!(r.stdout.contains("subject: "), "{}", r.stdout);
    assert!(r.stdout.contains("issuer: CN=CFCA ACS TEST OCA33"), "{}", r.stdout);
    assert!(
        r.stdout.contains("valid from: 2019-11-29 08:37:01 UTC\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("valid to: 2024-11-29 08:37:01 UTC\n"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("SHA-256 fingerprint: 9a53265b672682a69215839c94c5e8980d13dc9b3966a4ec65eb13b2a949b398\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("WARNING: certificate expired on 2024-11-29 08:37:01 UTC"),
        "{}",
        r.stdout
    );
}

#[test]
fn keyinfo_of_pfx_needs_its_password() {
    let pfx = key("99bill_10012140356.pfx");
    let r = paysign(&["keyinfo", &pfx, "--password", "123456"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("type: rsa-private\n"), "{}", r.stdout);
    assert!(r.stdout.contains("bits: 2048\n"), "{}", r.stdout);
    assert!(!r.all().contains("123456"));

    let r = paysign_with(&["keyinfo", &pfx, "--password-env", "PW"], &[("PW", "123456")], b"");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("format: pkcs12\n"), "{}", r.stdout);
    assert!(r.stdout.contains("subject: CN=051@"), "{}", r.stdout);

    let r = paysign(&["keyinfo", &pfx, "--password", "wrong-pw"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: PAYSIGN_KEY_ERROR: "), "{}", r.stderr);
    assert!(!r.all().contains("wrong-pw"));
}

#[test]
fn alipay_verify_url() {
    let r = paysign(&["alipay-verify-url", "2088101122136241", "a b+c"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "https://mapi.alipay.com/gateway.do?service=notify_verify&partner=2088101122136241&notify_id=a%20b%2Bc\n"
    );
    let r = paysign(&["alipay-verify-url", "2088101122136241"]);
    assert_eq!(r.code, 2);
}

const GATEWAYS: [(&str, &[&str]); 13] = [
    ("99bill", &["123456"]),
    ("wechatpay", &[WECHAT_KEY]),
    ("alipay", &[]),
    ("chinabank", &["test"]),
    ("dinpay", &["hfgd_83yt_90hb_gf98n"]),
    ("allinpay", &["1234567890"]),
    (
        "yeepay",
        &["69cl522AV6q613Ii4W6u8K6XuW8vM1N6bFgyv769220IuYe9u37N4y7rI4Pl"],
    ),
    ("nps", &["NPS-TEST-KEY-0123456789"]),
    ("nps-vir", &["NPS-TEST-KEY-0123456789"]),
    ("ips", &["GDgLwwdK270Qj1w4xho8lyTpRQZV9Jm5x4NwWOTThUa4"]),
    ("tenpay", &["TENPAY-TEST-KEY-0123456789abcdef"]),
    ("tenpay-medi", &["TENPAY-TEST-KEY-0123456789abcdef"]),
    ("ips7", &["c71530d016b3475579da8af971f7ca6c"]),
];

fn check_demo(r: &Run, gateway: &str, secrets: &[&str]) {
    assert_eq!(r.code, 0, "{gateway}: {}", r.all());
    for s in secrets {
        assert!(!r.all().contains(s), "{gateway} printed its secret:\n{}", r.stdout);
    }
    let out = &r.stdout;
    assert!(out.contains("sign string: "), "{gateway}");
    assert!(out.contains(": valid\n"), "{gateway}: {out}");
    assert!(out.contains("BAD SIGNATURE: "), "{gateway}: {out}");
    // NPS documents no reply body, and the demo says so.
    assert!(
        out.contains("3. Reply for success") || out.contains("3. Reply: the gateway documents no reply body"),
        "{gateway}: {out}"
    );
}

#[test]
fn demo_default_is_99bill() {
    let r = paysign(&["demo"]);
    check_demo(&r, "99bill", &["123456"]);
    let out = &r.stdout;
    assert!(out.contains("SIMULATION"), "{out}");
    assert!(out.contains("action=\"https://sandbox.99bill.com/gateway/recvMerchantInfoAction.htm\""));
    assert!(out.contains("<input type=\"hidden\" name=\"payerName\" value=\"张三\">"));
    assert!(out.contains("method: SHA256withRSA\n"), "{out}");
    assert!(out.contains("tampered copy (payAmount changed"), "{out}");
    assert!(out.contains(
        "<result>1</result><redirecturl>http://merchant.example/kuaiqian/show.php?msg=success</redirecturl>"
    ));
}

#[test]
fn demo_every_gateway() {
    for (gateway, secrets) in GATEWAYS {
        let r = paysign(&["demo", "--gateway", gateway]);
        check_demo(&r, gateway, secrets);
    }
}

/// The demo's request form has `inputs` hidden fields, `field` holding `value`.
fn assert_form(r: &Run, inputs: usize, field: &str, value: &str) {
    assert_eq!(
        r.stdout.matches("<input type=\"hidden\"").count(),
        inputs,
        "{}",
        r.stdout
    );
    let want = format!("name=\"{field}\" value=\"{value}\"");
    assert!(r.stdout.contains(&want), "{want} not in:\n{}", r.stdout);
}

#[test]
fn demo_gateway_details() {
    let r = paysign(&["demo", "--gateway", "alipay"]);
    assert!(r.stdout.contains("SIMULATION"));
    // biz_content is HTML-escaped inside the form.
    assert!(r
        .stdout
        .contains("value=\"{&quot;out_trade_no&quot;:&quot;1703141270&quot;"));

    let r = paysign(&["demo", "--gateway", "yeepay"]);
    // 图书 in GBK percent-escapes.
    assert!(r.stdout.contains("r5_Pid=%CD%BC%CA%E9"), "{}", r.stdout);
    assert!(r.stdout.contains("accept-charset=\"gbk\""), "{}", r.stdout);

    // NPS's form carries M_ID, OrderMessage and digest only (the vector's digest); the
    // tampered amount fails the second signature.
    let r = paysign(&["demo", "--gateway", "nps"]);
    assert_form(&r, 3, "digest", "3BD4CE8E62CE2E0B43A87E1F32C628C7");
    assert!(
        r.stdout.contains("Digest matches but newmd5info does not"),
        "{}",
        r.stdout
    );
    // NPS VirReceiveMerchantAction.do: every field on the form, the vector's digestinfo
    // (testdata/vectors/nps.json nps-vir-request-md5-derived).
    let r = paysign(&["demo", "--gateway", "nps-vir"]);
    assert_form(&r, 20, "digestinfo", "A6B811DBC3A0C6E4854B94C51E69A33C");
    // IPS's request and return reproduce Crasader/test2's published values.
    let r = paysign(&["demo", "--gateway", "ips"]);
    assert!(
        r.stdout.contains("SignMD5: b74303526ef8a0a19ad7ffb4d832d468"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("signature=4a3b9c8627fe7125bfd69784705d4a3c"),
        "{}",
        r.stdout
    );

    // IPS 7.0: PayumTW's published request and notification, signed again, give its values.
    let r = paysign(&["demo", "--gateway", "ips7"]);
    assert!(
        r.stdout.contains("Signature: 527c01c2b04d4f8b198180ba72b0f66e\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("Signature%3E598633a6fcae5562ef63355f12a71ee1%3C"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("Amount changed from 0.01 to 100.00): BAD SIGNATURE"),
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains("MerCode="),
        "MerCode is not on the wire: {}",
        r.stdout
    );

    // Tenpay's request signs the GBK bytes input_charset names: tenpay-gw-request-md5-derived's sign.
    let r = paysign(&["demo", "--gateway", "tenpay"]);
    assert!(
        r.stdout.contains("   sign: 0D31A45D3121C40CD8AB86514AA65A6C\n"),
        "{}",
        r.stdout
    );

    let r = paysign(&["demo", "--gateway", "wechatpay"]);
    assert!(r
        .stdout
        .contains("<sign><![CDATA[2D1C89F879FCFD49C10EE5F076D204B3]]></sign>"));
}

#[test]
fn demo_paypal() {
    // No signature: the recorded body's exact postback, the answers judged, the checks.
    let r = paysign(&["demo", "--gateway", "paypal"]);
    assert_eq!(r.code, 0, "{}", r.all());
    let out = &r.stdout;
    let doc: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/paypal/ipn.json")).unwrap(),
    )
    .unwrap();
    let case = &doc["cases"][0];
    assert_eq!(case["id"], "offsite-web-accept");
    let postback = case["expect_postback"].as_str().unwrap();
    assert!(out.contains(&format!("\n{postback}\n")), "{out}");
    let length = format!("POST exactly these {} bytes", postback.len());
    for expected in [
        &length[..],
        "   https://ipnpb.sandbox.paypal.com/cgi-bin/webscr\n",
        "   VERIFIED: verified, go on to the checks\n",
        "   INVALID: rejected: PayPal answered INVALID",
        "Unavailable</body></html>: no verdict (PAYSIGN_MALFORMED_INPUT: ",
        "passed: txn_id=6G996328CK404320L sandbox=1;",
        "refused: PAYSIGN_INVALID_FIELD: field 'mc_gross': is '500.00', expected '5.00'",
        "refused: PAYSIGN_INVALID_FIELD: field 'receiver_email'",
        "refused: PAYSIGN_INVALID_FIELD: field 'test_ipn'",
        "charset=windows-1252 is José Müller\n",
        "5. Reply: HTTP 200 with an empty body",
    ] {
        assert!(out.contains(expected), "{expected:?} not in:\n{out}");
    }
}

#[test]
fn demo_unknown_gateway_lists_names() {
    let r = paysign(&["demo", "--gateway", "stripe"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("error: PAYSIGN_INVALID_ARGUMENT: "),
        "{}",
        r.stderr
    );
    for (name, _) in GATEWAYS {
        assert!(r.stderr.contains(name), "{}", r.stderr);
    }
    assert!(r.stderr.contains(", paypal)"), "{}", r.stderr);
}

#[test]
fn help_and_usage_errors() {
    for args in [&["help"][..], &["--help"], &["sign", "--help"]] {
        let r = paysign(args);
        assert_eq!(r.code, 0);
        assert!(r.stdout.contains("paysign sign PROFILE"), "{}", r.stdout);
        assert!(r.stdout.contains("--secret-env VAR"));
    }
    let r = paysign(&[]);
    assert_eq!(r.code, 2);
    let r = paysign(&["frobnicate"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("error: PAYSIGN_INVALID_ARGUMENT: "),
        "{}",
        r.stderr
    );
    let r = paysign(&["sign", "no.such.profile", "a=1", "--secret-env", "X"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: PAYSIGN_UNKNOWN_PROFILE: "), "{}", r.stderr);
    let r = paysign(&["sign", "wechatpay.request", "a=1", "-secret", "hunter2"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("error: PAYSIGN_INVALID_ARGUMENT: "),
        "{}",
        r.stderr
    );
    assert!(!r.all().contains("hunter2"), "{}", r.stderr);
    let r = paysign(&["sign", "wechatpay.request", "a=1", "--options", "bogus=1"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("error: PAYSIGN_INVALID_ARGUMENT: "),
        "{}",
        r.stderr
    );
    let r = paysign(&["verify", "wechatpay.notify", "--body", "/nonexistent/body"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: PAYSIGN_IO_ERROR: "), "{}", r.stderr);
}

const ALIPAY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/alipay");

#[test]
fn alipay_cert_sn_prints_app_and_root_sns() {
    let app = format!("{ALIPAY}/yansongda_appPublicCert.crt");
    let root = format!("{ALIPAY}/alipayRootCert.crt");
    let r = paysign(&["alipay-cert-sn", &app, &root]);
    assert_eq!(r.code, 0, "{}", r.all());
    assert_eq!(
        r.stdout,
        format!(
            "{app}\tcert_sn=e90dd23a37c5c7b616e003970817ff82\n{root}\tcert_sn=9e64d67d36446de33aae13a33a89e5a7\n\
             {root}\talipay_root_cert_sn=687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6\n"
        )
    );
    let r = paysign(&["alipay-cert-sn", &format!("{ALIPAY}/SOURCES.md")]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("PAYSIGN_KEY_ERROR") && r.stderr.contains("SOURCES.md"),
        "{}",
        r.stderr
    );
}

#[test]
fn alipay_response_verifies_decrypts_and_rejects() {
    let body = format!("{ALIPAY}/gopay_trade_pay_response.json");
    let key = format!("{ALIPAY}/gopay_alipay_public_key.txt");
    let r = paysign(&["alipay-response", "alipay.trade.pay", "--body", &body, "--key", &key]);
    assert_eq!((r.code, r.stdout.as_str()), (0, "valid\n"), "{}", r.all());
    let r = paysign(&[
        "alipay-response",
        "alipay.trade.pay",
        "--body",
        &body,
        "--key",
        &key,
        "--sign-type",
        "RSA",
    ]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.starts_with("BAD SIGNATURE: "), "{}", r.stderr);

    let enc = format!("{ALIPAY}/derived_encrypted_response.json");
    let cert = format!("{ALIPAY}/derived_alipay_cert.crt");
    let args = [
        "alipay-response",
        "alipay.trade.query",
        "--body",
        &enc,
        "--key",
        &cert,
        "--aes-key-env",
        "AK",
    ];
    let r = paysign_with(&args, &[("AK", "TDftre9FpItr46e9BVNJcw==")], b"");
    assert_eq!(r.code, 0, "{}", r.all());
    assert_eq!(
        r.stdout,
        "valid\n{\"code\":\"10000\",\"msg\":\"Success\",\"mobile\":\"13247120685\"}\n"
    );
    assert!(!r.all().contains("TDftre9F"), "the AES key is never printed");
    let r = paysign_with(&args, &[("AK", "AAAAAAAAAAAAAAAAAAAAAA==")], b"");
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(!r.all().contains("AAAAAAAAAAAAAAAAAAAAAA"));

    let other = format!("{ALIPAY}/nodejs_alipayCertPublicKey_RSA2.crt");
    let r = paysign(&["alipay-response", "alipay.trade.query", "--body", &enc, "--key", &other]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("PAYSIGN_KEY_MISMATCH"), "{}", r.stderr);
}

const WECHAT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/wechatpay");

#[test]
fn wechat_refund_prints_the_decrypted_fields_and_never_the_key() {
    let body = format!("{WECHAT}/derived_refund_notify.xml");
    let gopay = "ziR0QKsTUfMOuochC9RfCdmfHECorQAP";
    let r = paysign_with(
        &["wechat-refund", "--body", &body, "--secret-env", "WX_KEY"],
        &[("WX_KEY", gopay)],
        b"",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 17, "{}", r.stdout);
    assert_eq!(lines[0], "return_code=SUCCESS");
    assert_eq!(lines[4], "out_refund_no=50fd012ed1b311e7af7800163e32c503");
    assert!(lines.contains(&"refund_recv_accout=支付用户零钱"), "{}", r.stdout);
    assert!(!r.stdout.contains("req_info"), "{}", r.stdout);
    // From stdin, with the wrong key: exit 2, the status, no key.
    let other = "GFDS8j98rewnmgl45wHTt980jg543wmg";
    let r = paysign_with(
        &["wechat-refund", "--secret-env", "WX_KEY"],
        &[("WX_KEY", other)],
        &std::fs::read(&body).unwrap(),
    );
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(r.stderr.starts_with("error: PAYSIGN_DECRYPT_ERROR: "), "{}", r.stderr);
    assert!(r.stdout.is_empty() && !r.all().contains(other), "{}", r.all());
    let r = paysign(&["wechat-refund", "--body", &body]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("PAYSIGN_INVALID_ARGUMENT"), "{}", r.stderr);
}

// ---- WeChat Pay API v3 (vectors: testdata/wechat_v3/SOURCES.md) -------------------------

fn wx3(name: &str) -> String {
    format!("{}/testdata/wechat_v3/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn wechat_v3_auth_prints_the_derived_header() {
    let r = paysign(&[
        "wechat-v3-auth",
        "GET",
        "/v3/certificates",
        "--mchid",
        "1900009191",
        "--serial-no",
        "5F1C72E2A8931B72A2E13AF8DEE92471EB397115",
        "--timestamp",
        "1554208460",
        "--nonce",
        "593BEC0C930BF1AFEB40B4A08C8FB242",
        "--key",
        &wx3("merchant_private_key.pem"),
    ]);
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.starts_with("WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\""));
    assert!(r
        .stdout
        .contains("signature=\"Yql2HJi5R+/B/WzOlH5KqIUNOCTrECi808qopAT8Pk2v"));
    let r = paysign(&[
        "wechat-v3-auth",
        "GET",
        "https://api.mch.weixin.qq.com/v3/certificates",
        "--mchid",
        "1",
        "--serial-no",
        "AB",
        "--key",
        &wx3("merchant_private_key.pem"),
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("PAYSIGN_INVALID_ARGUMENT") && r.stderr.contains("url"),
        "{}",
        r.stderr
    );
}

#[test]
fn wechat_v3_verify_then_decrypt_and_the_tampered_twin() {
    let sig = "PlgYBt3yb7VgF/MqvOndUqdXJ1pUR0dNGNA3J4SzGVj9vCgZwkBip/INP+7vMZY0oWhK1tfs37LJD1lAgDI5G86lNDiK7uJiNhkx9X7mi0iDsvudd7Qz/mQ5w/Zx/qdaYItczMWBG9zdBqnv1oVfoDntKbSmhM7LwyXeHj7vFs4pkUbmops6eB4ETgUQEpJi3FHoYTXge6jOjlHlRZqaAvZmY/COrJi4FCUGn4bgc6z1SiVMuv0PrSFS/NrbLIWySCkaecVdx8+z25ScxdWGVByB0i6GsKxOgBnW0pYRMwZKU5OFT2qCvyq7TEh9bHE/6YgHFKBeV1NY3MOndP/wPw==";
    let cert = wx3("derived_platform_certificate.pem");
    let args = |body: &str, options: &'static str| -> Vec<String> {
        [
            "wechat-v3-verify",
            "--timestamp",
            "1700000000",
            "--nonce",
            "c6a1d9a8d5f14b2f9e0e3a7b6c5d4e3f",
            "--signature",
            sig,
            "--serial",
            "440024045C4A427599D09BB4E3DE0279F2E813FD",
            "--key",
            &cert,
            "--body",
            body,
            "--options",
            options,
            "--apiv3-key-env",
            "WX3_APIV3_KEY",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let apiv3 = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
    let env = [("WX3_APIV3_KEY", apiv3)];
    let a = args(&wx3("notification_body.json"), "now=1700000010");
    let r = paysign_with(&a.iter().map(|s| s.as_str()).collect::<Vec<_>>(), &env, b"");
    assert_eq!(r.code, 0, "{}", r.all());
    let plain = std::fs::read_to_string(wx3("notification_plain.json")).unwrap();
    assert_eq!(r.stdout, format!("valid\n{plain}\n"));
    assert!(!r.all().contains(apiv3));
    // stale
    let a = args(&wx3("notification_body.json"), "now=1700001000");
    let r = paysign_with(&a.iter().map(|s| s.as_str()).collect::<Vec<_>>(), &env, b"");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("PAYSIGN_STALE_TIMESTAMP"), "{}", r.stderr);
    // tampered body: bad signature, nothing decrypted
    let body = std::fs::read_to_string(wx3("notification_body.json"))
        .unwrap()
        .replace("TRANSACTION.SUCCESS", "TRANSACTION.SUCCESX");
    let file = scratch("wx3_tampered.json", body.as_bytes());
    let a = args(file.to_str().unwrap(), "now=1700000010");
    let r = paysign_with(&a.iter().map(|s| s.as_str()).collect::<Vec<_>>(), &env, b"");
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(r.stderr.starts_with("BAD SIGNATURE:") && r.stdout.is_empty());
}

#[test]
fn wechat_v3_certificates_prints_the_download_as_json() {
    let env = [("WX3_APIV3_KEY", "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb")];
    let body = wx3("sdk_certificate_download.json");
    let a = [
        "wechat-v3-certificates",
        "--body",
        &body,
        "--apiv3-key-env",
        "WX3_APIV3_KEY",
    ];
    let r = paysign_with(&a, &env, b"");
    assert_eq!(r.code, 0, "{}", r.all());
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["serial_no"], "5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC");
    assert_eq!(v[0]["expire_time"], "2028-09-17T23:15:58+08:00");
    let pem = std::fs::read_to_string(wx3("downloaded_platform_certificate.pem")).unwrap();
    assert_eq!(v[0]["pem"], pem.as_str());
    assert!(r.stdout.ends_with("}]\n"));
    // serial_no altered: the entry is named, exit 2
    let text = std::fs::read_to_string(&body).unwrap().replace("E427EC\"", "E427ED\"");
    let file = scratch("wx3_certs_tampered.json", text.as_bytes());
    let a = [
        "wechat-v3-certificates",
        "--body",
        file.to_str().unwrap(),
        "--apiv3-key-env",
        "WX3_APIV3_KEY",
    ];
    let r = paysign_with(&a, &env, b"");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("PAYSIGN_KEY_MISMATCH")
            && r.stderr
                .contains("data[0] (serial_no 5DEA10EF55877E3CF6C33255C2E7DEFFF7E427ED)"),
        "{}",
        r.stderr
    );
    let r = paysign(&["wechat-v3-certificates", "--body", &body]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--apiv3-key-env"), "{}", r.stderr);
}

#[test]
fn wechat_v3_pay_sign_jsapi_and_app() {
    let k = wx3("merchant_private_key.pem");
    let r = paysign(&[
        "wechat-v3-pay-sign",
        "jsapi",
        "wx8888888888888888",
        "1414561699",
        "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
        "prepay_id=wx201410272009395522657a690389285100",
        "--key",
        &k,
    ]);
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.starts_with("Uvgm57c+/kZHCS8g8wjy"), "{}", r.stdout);
    let r = paysign(&[
        "wechat-v3-pay-sign",
        "app",
        "wx8888888888888888",
        "1414561699",
        "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
        "WX1217752501201407033233368018",
        "--key",
        &k,
    ]);
    assert!(r.stdout.starts_with("LUb6W20Ijj/Tf06cmW9Z"), "{}", r.stdout);
    let r = paysign(&["wechat-v3-pay-sign", "h5", "a", "1", "n", "p", "--key", &k]);
    assert_eq!(r.code, 2);
}
