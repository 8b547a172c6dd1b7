//! `paysign`: sign, verify and answer payment-gateway messages from the command line.
//!
//! Exit status: 0 success (or a valid signature), 1 bad signature, 2 any error, printed
//! as `error: PAYSIGN_X: message` on stderr. Secrets are never printed.

// The crate root is src/bin/paysign.rs, so its modules are named by path.
#[path = "paysign/alipay.rs"]
mod alipay;
#[path = "paysign/args.rs"]
mod args;
#[path = "paysign/date.rs"]
mod date;
#[path = "paysign/demo.rs"]
mod demo;
#[path = "paysign/diagnose.rs"]
mod diagnose;
#[path = "paysign/paypal.rs"]
mod paypal;
#[cfg(feature = "simulate")]
#[path = "paysign/simulate/mod.rs"]
mod simulate;
#[path = "paysign/unionpay.rs"]
mod unionpay;
#[path = "paysign/wechat.rs"]
mod wechat;
#[path = "paysign/wechat_v3.rs"]
mod wechat_v3;

use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use paysign::canon::DocForm;
use paysign::params::Duplicates;
use paysign::profile::{Layout, Method};
use paysign::{Charset, Error, Format, Key, Options, Params, Profile, Result, Verdict};
use zeroize::Zeroizing;

const USAGE: &str = "\
paysign: sign and verify payment-gateway messages (99bill, WeChat Pay, Alipay, ChinaBank,
Dinpay, Allinpay, YeePay) and CMPP/SMGP authenticators.

Usage:
  paysign profiles
      List every profile id with a one-line description.
  paysign sign PROFILE [name=value ...] [--form FILE] KEY [--options OPTS]
               [--explain] [--output form|json|xml] [--charset C]
      Print the signature. Fields come as name=value arguments and/or a form-encoded
      file (--form FILE, '-' for stdin; --charset C decodes it, default utf-8).
      --output prints the whole signed message encoded instead (form: in the message's
      wire charset, or --charset). --explain also prints the sign string with the
      secret masked as ***, its charset and the method.
  paysign verify PROFILE [--body FILE] [--format form|xml|json] [--charset C] KEY
                 [--options OPTS] [--print-params]
      Verify a body exactly as received (--body FILE, or stdin; '-' = stdin). Without
      --charset the message's declared charset (or the gateway's default) is used.
      Prints 'valid' on stdout and exits 0, or 'BAD SIGNATURE: <reason>' on stderr and
      exits 1. --print-params prints the parsed fields (name=value) after 'valid'.
  paysign reply PROFILE --success|--failure [--url URL]
      Print the exact reply body a notification handler sends (no newline added).
  paysign keyinfo FILE [--password P | --password-env VAR]
      Describe a key or certificate: type, format, bits, subject, issuer, validity (UTC),
      fingerprints; warns when a certificate has expired or expires within 60 days.
  paysign keyinfo --builtin [NAME]
      List the gateways' certificates and keys built into paysign (subject, validity,
      fingerprint, expiry warnings), or describe one. An expired one still verifies old data.
  paysign diagnose [--sign] PROFILE [--body FILE] [--format F] [--charset C]
                   KEY|--builtin NAME [--options OPTS] [--signature SIG] [--json]
      Say why a signature fails: verify as 'verify' does, then try the known mistakes
      (charset, '+' as space, double decoding, digest, empty/trim/sign_type/order rules,
      an extra field, another certificate of the gateway) and name the one that verifies.
      --sign checks the merchant's own signature (in the body, or --signature) with the
      merchant's key and names the first difference in the sign string. --json prints the
      report as paysign_diagnose returns it. Exits 0 when valid, 1 when not.
  paysign paypal postback [--body FILE]
      Print the exact PayPal IPN postback body: cmd=_notify-validate& + the raw body
      unchanged. POST it yourself to https://ipnpb.paypal.com/cgi-bin/webscr (sandbox:
      ipnpb.sandbox.paypal.com); answer PayPal's notification with HTTP 200, empty body.
  paysign paypal verdict [--answer FILE]
      Judge PayPal's answer: VERIFIED exits 0, INVALID exits 1, anything else is an error.
  paysign paypal check [--body FILE] [--options OPTS]
      The merchant's checks on a VERIFIED body; OPTS: receiver_email, business, receiver_id,
      amount, currency, payment_status, sandbox=0|1. Prints txn_id (check it is new) and sandbox.
  paysign paypal diagnose [--body FILE] [--sent FILE] [--host HOST]
      Why PayPal said INVALID: the received body against the postback you sent and the host
      you posted to. Prints the findings as JSON; exits 0 when none, 1 when some.
  paysign alipay-verify-url PARTNER NOTIFY_ID
      Print Alipay's notify_verify (ATN) URL; fetch it yourself, accept only 'true'.
  paysign alipay-cert-sn FILE...
      Print each certificate file's SN (app_cert_sn / alipay_cert_sn) as FILE<TAB>cert_sn=SN,
      and for a bundle (alipayRootCert.crt) also FILE<TAB>alipay_root_cert_sn=SN.
  paysign unionpay cert-id --key FILE [--password P | --password-env VAR]
      Print UnionPay's certId of the merchant's PFX (or a certificate): its decimal serial.
  paysign unionpay verify [--body FILE] [--root FILE --middle FILE] [--key FILE]
                          [--options OPTS] [--print-params]
      Verify a UnionPay ACP notification (form body, as received; '-' = stdin). 5.1.0:
      signPubKeyCert must chain to --root and --middle, be in date (option now=UNIX) and
      name UnionPay (option test_cn=1 also takes 00040000:SIGN). 5.0.0: --key is UnionPay's
      verify certificate, the one certId names. Output and exit codes as 'verify'.
  paysign unionpay encrypt-cert-id --cert FILE
      Print encryptCertId: the decimal serial of UnionPay's encryption certificate.
  paysign unionpay encrypt --cert FILE [--input FILE]
      Print a sensitive value (accNo ...) read from --input ('-' = stdin, the default; one
      trailing newline dropped) RSA-encrypted (PKCS#1 v1.5) with the certificate, base64.
  paysign unionpay customer-info --version 5.0.0|5.1.0 [--cert FILE] [--acc-no CARD]
                                 [name=value ...]
      Print customerInfo from its sub-fields in the order given; 5.1.0 encrypts phoneNo,
      cvn2 and expired into encryptedInfo with --cert; pin becomes its encrypted PIN block
      (ANSI X9.8 with --acc-no).
  paysign alipay-response METHOD [--body FILE] --key FILE [--sign-type RSA2|RSA]
                          [--charset C] [--aes-key-env VAR | --aes-key-file FILE] [--print-node]
      Verify a synchronous OpenAPI response (METHOD e.g. alipay.trade.query) over the exact
      text of its <method>_response or error_response node, with the Alipay public key or
      certificate (whose SN must match alipay_cert_sn). Prints 'valid' (exit 0) or
      'BAD SIGNATURE: <reason>' (exit 1). With an AES key an encrypted node is decrypted
      after verification and printed; --print-node prints a plain node.
  paysign alipay-encrypt (--aes-key-env VAR | --aes-key-file FILE) [--body FILE]
      Print the base64 AES ciphertext (encrypt_type=AES) of biz_content (the JSON in --body,
      or stdin) under Alipay's base64 AES key; send it as biz_content with encrypt_type=AES.
  paysign wechat-refund [--body FILE] KEY
      Decrypt a WeChat Pay v2 refund notification (the XML body as received; its req_info
      is AES-256-ECB under MD5 of the API key, there is no signature) and print its fields,
      name=value one a line: the notification's own, then the decrypted refund fields.
      A wrong key or altered or cut-short req_info is PAYSIGN_DECRYPT_ERROR (exit 2).
  paysign wechat-v3-auth METHOD URL --mchid M KEY [--serial-no S] [--body FILE]
                         [--timestamp T] [--nonce N]
      Print the WeChat Pay API v3 Authorization header value of a request (URL: the path
      with its query, /v3/...). --serial-no defaults to the serial of the certificate
      loaded with the key (apiclient_cert.p12); timestamp and nonce default to now and 32
      random hex digits.
  paysign wechat-v3-verify --timestamp T --nonce N --signature S --serial S KEY
                           [--body FILE] [--options OPTS]
                           [--apiv3-key-env VAR | --apiv3-key-file FILE]
      Verify a v3 response or notification (the Wechatpay-* header values, the body exactly
      as received) with the platform certificate or the WeChat Pay public key. OPTS:
      window=SECONDS (default 300), now=UNIX, key_id=PUB_KEY_ID_... Prints 'valid' (exit
      0) or 'BAD SIGNATURE: <reason>' (exit 1); with the APIv3 key the notification's
      resource is decrypted after verification and printed.
  paysign wechat-v3-certificates [--body FILE] (--apiv3-key-env VAR | --apiv3-key-file FILE)
      Decrypt a platform-certificate download (the GET /v3/certificates body as received;
      verify it first with wechat-v3-verify) and print its certificates as a JSON array of
      {serial_no, effective_time, expire_time, pem}; each PEM must be an X.509
      certificate with its entry's serial_no, else an error naming the entry (exit 2).
  paysign wechat-v3-pay-sign jsapi|app APPID TIMESTAMP NONCE PACKAGE|PREPAYID KEY
      Print the client signature: JSAPI / mini-program paySign (PACKAGE is prepay_id=...)
      or the APP PayReq sign (the bare prepay id).
  paysign demo [--gateway NAME]
      A full round trip on bundled public sandbox material: sign a payment request,
      make and verify a notification, reject a tampered copy, print the reply.
      Gateways: 99bill (default), wechatpay, alipay, chinabank, dinpay, allinpay, yeepay, nps,
      ips, ips7, tenpay, tenpay-medi, unionpay, paypal.
  paysign simulate [--listen 127.0.0.1:8099] [--state DIR] [--config FILE] [--auto pay|fail]
                   [--fast N] [--timeout SECS]
      A local test gateway (99bill with its order query, WeChat Pay v2 and v3, Alipay OpenAPI
      and legacy mapi, ChinaBank, Dinpay, IPS 3.0 and 7.0, YeePay, Allinpay, Tenpay, PayPal IPN,
      UnionPay ACP): verifies payment requests, shows a payment page, notifies the merchant and
      checks its reply, retries, answers queries, operator page at /_sim/.
  paysign simulate --cert GATEWAY [--state DIR]
      Print the simulator's certificate for GATEWAY (99bill, alipay, allinpay, wechatpay; for
      dinpay its public key; unionpay-root, unionpay-middle, unionpay-sign for UnionPay's chain;
      made at first start), to configure in place of the gateway's.
  paysign help | --help
  paysign version | --version

KEY is one of:
  --key FILE [--password P | --password-env VAR]
                              PEM/DER key or certificate, PKCS#12 (.pfx), Allinpay
                              exponent/modulus text ('-' reads stdin)
  --secret-env VAR            a secret (MD5/HMAC key) read from environment variable VAR
  --secret-file FILE          a secret read from FILE (one trailing newline is dropped)
  --secret S                  a secret on the command line
Prefer --secret-env or --secret-file (and --password-env): a secret or password given
on the command line stays in your shell history and is visible to other users in the
process list. paysign never prints a secret, not in errors, not in --explain.

OPTS: name=value pairs joined by '&': hash=sha1|sha256|md5, charset=C, sign_type=T,
query_key=K (a merchant key inside an RSA-signed text; masked in --explain), hmac_safe=1.
Charsets: utf-8, gbk, gb18030, gb2312.

Exit status: 0 success or valid signature, 1 bad signature, 2 error
('error: PAYSIGN_X: message' on stderr).
";

/// What a command writes. Collected first so that a failing command prints nothing half-done
/// to stdout except where it says so (demo).
#[derive(Default)]
pub struct Out {
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Out {
    /// Appends text to stdout.
    pub fn say(&mut self, text: &str) {
        self.stdout.extend_from_slice(text.as_bytes());
    }
}

fn main() -> ExitCode {
    let mut out = Out::default();
    let code = match arguments().and_then(|argv| run(&argv, &mut out)) {
        Ok(code) => code,
        Err(e) => {
            out.stderr
                .push_str(&format!("error: {}: {}\n", e.status.name(), e.message));
            2
        }
    };
    // A closed stdout (a pipe to `head`) is not worth a second error message.
    let _ = std::io::stdout().write_all(&out.stdout);
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().write_all(out.stderr.as_bytes());
    ExitCode::from(code)
}

/// The command line as UTF-8 text.
fn arguments() -> Result<Vec<String>> {
    std::env::args_os()
        .skip(1)
        .enumerate()
        .map(|(i, a)| {
            a.into_string()
                .map_err(|_| Error::invalid_argument(format!("argument {} is not valid UTF-8", i + 1)))
        })
        .collect()
}

fn run(argv: &[String], out: &mut Out) -> Result<u8> {
    let Some((command, rest)) = argv.split_first() else {
        out.stderr.push_str(USAGE);
        return Err(Error::invalid_argument("no command given"));
    };
    match command.as_str() {
        "help" | "--help" | "-h" => {
            out.say(USAGE);
            Ok(0)
        }
        "version" | "--version" | "-V" => {
            out.say(&format!("paysign {}\n", paysign::VERSION));
            Ok(0)
        }
        _ if rest.iter().any(|a| a == "--help" || a == "-h") => {
            out.say(USAGE);
            Ok(0)
        }
        "profiles" => profiles(rest, out),
        "sign" => sign(rest, out),
        "verify" => verify(rest, out),
        "reply" => reply(rest, out),
        "keyinfo" => keyinfo(rest, out),
        "diagnose" => diagnose::run(rest, out),
        "alipay-verify-url" => alipay_verify_url(rest, out),
        "alipay-cert-sn" => alipay::cert_sn(rest, out),
        "alipay-response" => alipay::response(rest, out),
        "alipay-encrypt" => alipay::encrypt(rest, out),
        "unionpay" => unionpay::run(rest, out),
        "wechat-refund" => wechat::refund(rest, out),
        "wechat-v3-auth" => wechat_v3::auth(rest, out),
        "wechat-v3-verify" => wechat_v3::verify(rest, out),
        "wechat-v3-certificates" => wechat_v3::certificates(rest, out),
        "wechat-v3-pay-sign" => wechat_v3::pay_sign(rest, out),
        "paypal" => paypal::run(rest, out),
        "demo" => demo::run(rest, out),
        #[cfg(feature = "simulate")]
        "simulate" => simulate::run(rest, out),
        #[cfg(not(feature = "simulate"))]
        "simulate" => Err(Error::unsupported(
            "this paysign was built without the 'simulate' feature",
        )),
        other => Err(Error::invalid_argument(format!(
            "unknown command '{}' (see paysign help)",
            printable(other)
        ))),
    }
}

// ---------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------

fn profiles(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &[], &[])?;
    expect_positional(&a.positional, &[], "profiles")?;
    let all: Vec<&Profile> = paysign::gateways::all().collect();
    let width = all.iter().map(|p| p.id.len()).max().unwrap_or(0);
    for p in all {
        out.say(&format!("{:width$}  {}\n", p.id, p.about));
    }
    Ok(0)
}

/// The options that choose a key, shared by sign and verify.
const KEY_OPTIONS: [&str; 6] = [
    "--key",
    "--password",
    "--password-env",
    "--secret",
    "--secret-env",
    "--secret-file",
];

fn sign(argv: &[String], out: &mut Out) -> Result<u8> {
    let mut values = vec!["--form", "--options", "--output", "--charset"];
    values.extend(KEY_OPTIONS);
    let a = args::parse(argv, &["--explain"], &values)?;
    let Some((id, pairs)) = a.positional.split_first() else {
        return Err(Error::invalid_argument("sign needs a PROFILE (see paysign profiles)"));
    };
    let p = paysign::profile(id)?;
    let opts = Options::parse(a.value("--options").unwrap_or(""))?;
    let charset = a.value("--charset").map(Charset::from_name).transpose()?;
    let output = a.value("--output").map(Format::from_name).transpose()?;

    let mut params = match a.value("--form") {
        Some(file) => Params::parse(
            &read_input(file)?,
            Format::Form,
            charset.unwrap_or(Charset::Utf8),
            Duplicates::Reject,
        )?,
        None => Params::new(),
    };
    field_args(&mut params, pairs)?;
    let key = load_key(&a)?;

    let explained = if a.flag("--explain") {
        Some(explain(p, &params, &opts, key.as_ref())?)
    } else {
        None
    };
    let signature = paysign::sign(p, &opts, &mut params, key.as_ref())?;
    if let Some(text) = explained {
        out.say(&text);
        out.say(&format!("signature: {signature}\n"));
    }
    match output {
        Some(format) => {
            let cs = match charset {
                Some(c) => c,
                None => wire_charset(p, &params, &opts)?,
            };
            out.say(&params.encode(format, cs)?);
            out.say("\n");
        }
        None if a.flag("--explain") => {}
        None => out.say(&format!("{signature}\n")),
    }
    Ok(0)
}

fn verify(argv: &[String], out: &mut Out) -> Result<u8> {
    let mut values = vec!["--body", "--format", "--charset", "--options"];
    values.extend(KEY_OPTIONS);
    let a = args::parse(argv, &["--print-params"], &values)?;
    let [id] = expect_positional(&a.positional, &["PROFILE"], "verify")?;
    let p = paysign::profile(id)?;
    let opts = Options::parse(a.value("--options").unwrap_or(""))?;
    let format = a
        .value("--format")
        .map(Format::from_name)
        .transpose()?
        .unwrap_or(Format::Form);
    let charset = a.value("--charset").map(Charset::from_name).transpose()?;
    let key = load_key(&a)?;
    let body = read_input(a.value("--body").unwrap_or("-"))?;
    let (verdict, params) = paysign::verify_body(p, &opts, &body, format, charset, key.as_ref())?;
    say_verdict(verdict, &params, a.flag("--print-params"), out)
}

/// `valid` (and the fields with `--print-params`), exit 0; or `BAD SIGNATURE: why` on stderr,
/// exit 1.
fn say_verdict(verdict: Verdict, params: &Params, print_params: bool, out: &mut Out) -> Result<u8> {
    match verdict {
        Verdict::Valid => {
            out.say("valid\n");
            if print_params {
                for (name, value) in params.iter() {
                    out.say(&format!("{}={}\n", printable(name), printable(value)));
                }
            }
            Ok(0)
        }
        Verdict::Invalid(reason) => {
            out.stderr.push_str(&format!("BAD SIGNATURE: {reason}\n"));
            Ok(1)
        }
    }
}

fn reply(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &["--success", "--failure"], &["--url"])?;
    let [id] = expect_positional(&a.positional, &["PROFILE"], "reply")?;
    let success = match (a.flag("--success"), a.flag("--failure")) {
        (true, false) => true,
        (false, true) => false,
        _ => {
            return Err(Error::invalid_argument(
                "reply needs exactly one of --success and --failure",
            ))
        }
    };
    let body = paysign::reply(paysign::profile(id)?, success, a.value("--url"))?;
    // The exact bytes the handler sends: no newline.
    out.say(&body);
    Ok(0)
}

fn keyinfo(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &["--builtin"], &["--password", "--password-env"])?;
    if a.flag("--builtin") {
        return diagnose::keyinfo_builtin(&a, out);
    }
    let [file] = expect_positional(&a.positional, &["FILE"], "keyinfo")?;
    let password = password(&a)?;
    let key = load_key_file(file, password.as_ref().map(|p| p.as_str()))?;
    describe(&key, out);
    Ok(0)
}

/// The `keyinfo` lines for one key.
fn describe(key: &Key, out: &mut Out) {
    let info = key.info();
    out.say(&format!("type: {}\n", info.kind));
    out.say(&format!("format: {}\n", info.format));
    if info.bits > 0 {
        out.say(&format!("bits: {}\n", info.bits));
    }
    if let Some(cert) = &info.cert {
        out.say(&format!("subject: {}\n", cert.subject));
        out.say(&format!("issuer: {}\n", cert.issuer));
        out.say(&format!("serial: {}\n", cert.serial_hex));
        out.say(&format!("valid from: {} UTC\n", date::utc(cert.not_before)));
        out.say(&format!("valid to: {} UTC\n", date::utc(cert.not_after)));
        out.say(&format!("SHA-1 fingerprint: {}\n", cert.sha1_fingerprint));
        out.say(&format!("SHA-256 fingerprint: {}\n", cert.sha256_fingerprint));
    }
    if !info.public_sha256.is_empty() {
        out.say(&format!("public key SHA-256: {}\n", info.public_sha256));
    }
    if let Some(cert) = &info.cert {
        if let Some(warning) = validity_warning(cert.not_before, cert.not_after, date::now()) {
            out.say(&format!("{warning}\n"));
        }
    }
}

/// The warning for a certificate that has expired, expires within 60 days, or is not valid yet.
fn validity_warning(not_before: i64, not_after: i64, now: i64) -> Option<String> {
    const DAY: i64 = 86_400;
    if now > not_after {
        Some(format!("WARNING: certificate expired on {} UTC", date::utc(not_after)))
    } else if now < not_before {
        Some(format!(
            "WARNING: certificate is not valid before {} UTC",
            date::utc(not_before)
        ))
    } else if not_after - now < 60 * DAY {
        Some(format!(
            "WARNING: certificate expires in {} days",
            (not_after - now) / DAY
        ))
    } else {
        None
    }
}

fn alipay_verify_url(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &[], &[])?;
    let [partner, notify_id] = expect_positional(&a.positional, &["PARTNER", "NOTIFY_ID"], "alipay-verify-url")?;
    out.say(&paysign::gateways::alipay::notify_verify_url(partner, notify_id));
    out.say("\n");
    Ok(0)
}

// ---------------------------------------------------------------------------------------
// Helpers shared with the demo
// ---------------------------------------------------------------------------------------

/// Checks the number of positional arguments and hands them back as an array.
/// Adds `name=value` arguments to `params`; a name given twice is DUPLICATE_FIELD.
fn field_args(params: &mut Params, pairs: &[String]) -> Result<()> {
    let mut given = HashSet::new();
    for (i, pair) in pairs.iter().enumerate() {
        // Not echoed: a stray argument may be a secret that lost its option.
        let (name, value) = pair
            .split_once('=')
            .ok_or_else(|| Error::invalid_argument(format!("field argument {} is not name=value", i + 1)))?;
        if name.is_empty() {
            return Err(Error::invalid_argument("a field argument has an empty name"));
        }
        if !given.insert(name) {
            return Err(Error::duplicate_field(name));
        }
        params.set(name, value);
    }
    Ok(())
}

fn expect_positional<'a, const N: usize>(
    given: &'a [String],
    names: &[&str; N],
    command: &str,
) -> Result<[&'a str; N]> {
    if given.len() != N {
        let wanted = if N == 0 {
            "no arguments".to_string()
        } else {
            names.join(" ")
        };
        return Err(Error::invalid_argument(format!(
            "{command} takes {wanted} ({} given; see paysign help)",
            given.len()
        )));
    }
    Ok(std::array::from_fn(|i| given[i].as_str()))
}

/// Reads a file, or stdin for `-`.
fn read_input(path: &str) -> Result<Vec<u8>> {
    let mut data = Vec::new();
    if path == "-" {
        std::io::stdin()
            .read_to_end(&mut data)
            .map_err(|e| Error::io(format!("cannot read stdin: {e}")))?;
    } else {
        data = std::fs::read(path).map_err(|e| Error::io(format!("cannot read '{}': {e}", printable(path))))?;
    }
    Ok(data)
}

/// The key chosen by `--key`, `--secret`, `--secret-env` or `--secret-file`, if any.
fn load_key(a: &args::Args) -> Result<Option<Key>> {
    let given: Vec<&str> = ["--key", "--secret", "--secret-env", "--secret-file"]
        .into_iter()
        .filter(|o| a.value(o).is_some())
        .collect();
    if given.len() > 1 {
        return Err(Error::invalid_argument(format!(
            "give one key, not {}",
            given.join(" and ")
        )));
    }
    let password = password(a)?;
    if password.is_some() && a.value("--key").is_none() {
        return Err(Error::invalid_argument(
            "a password goes with --key (a PKCS#12 file or an encrypted PEM key)",
        ));
    }
    if let Some(file) = a.value("--key") {
        return load_key_file(file, password.as_ref().map(|p| p.as_str())).map(Some);
    }
    let secret: Zeroizing<String> = if let Some(s) = a.value("--secret") {
        Zeroizing::new(s.to_string())
    } else if let Some(var) = a.value("--secret-env") {
        env_text(var)?
    } else if let Some(file) = a.value("--secret-file") {
        let bytes = Zeroizing::new(read_input(file)?);
        let text =
            std::str::from_utf8(&bytes).map_err(|_| Error::key(format!("'{}' is not UTF-8 text", printable(file))))?;
        let text = text
            .strip_suffix('\n')
            .map(|t| t.strip_suffix('\r').unwrap_or(t))
            .unwrap_or(text);
        Zeroizing::new(text.to_string())
    } else {
        return Ok(None);
    };
    Ok(Some(Key::secret(&secret)?))
}

/// A key file, or stdin for `-`.
fn load_key_file(file: &str, password: Option<&str>) -> Result<Key> {
    if file == "-" {
        Key::load(&Zeroizing::new(read_input(file)?), password)
    } else {
        Key::load_file(Path::new(file), password)
    }
}

/// The password from `--password` or `--password-env`, if any.
fn password(a: &args::Args) -> Result<Option<Zeroizing<String>>> {
    match (a.value("--password"), a.value("--password-env")) {
        (Some(_), Some(_)) => Err(Error::invalid_argument("give --password or --password-env, not both")),
        (Some(p), None) => Ok(Some(Zeroizing::new(p.to_string()))),
        (None, Some(var)) => env_text(var).map(Some),
        (None, None) => Ok(None),
    }
}

/// The value of an environment variable that holds a secret (never echoed).
fn env_text(var: &str) -> Result<Zeroizing<String>> {
    match std::env::var_os(var) {
        None => Err(Error::invalid_argument(format!(
            "environment variable '{}' is not set",
            printable(var)
        ))),
        Some(v) => v
            .into_string()
            .map(Zeroizing::new)
            .map_err(|_| Error::key(format!("environment variable '{}' is not valid UTF-8", printable(var)))),
    }
}

/// The charset a message travels in: the gateway's wire charset where it differs from the
/// signing charset (YeePay), else the charset the message declares.
fn wire_charset(p: &Profile, params: &Params, opts: &Options) -> Result<Charset> {
    match p.wire {
        Some(c) => Ok(c),
        None => paysign::signer::charset_of(p, params, opts),
    }
}

/// The `--explain` lines: masked sign string, charset, method.
fn explain(p: &Profile, params: &Params, opts: &Options, key: Option<&Key>) -> Result<String> {
    let plan = paysign::signer::plan(p, params, opts, key, None, DocForm::Emptied)?;
    let mut secrets: Vec<&str> = Vec::new();
    if let Some(s) = key.and_then(Key::secret_value) {
        if let Ok(text) = std::str::from_utf8(s.as_bytes()) {
            secrets.push(text);
        }
    }
    if let Some(q) = &opts.query_key {
        secrets.push(q.as_str());
    }
    let hex = matches!(p.layout, Layout::Binary(_));
    let text = mask(&plan.message.text, &secrets, hex);
    let label = if hex { "sign string (hex)" } else { "sign string" };
    Ok(format!(
        "{label}: {}\ncharset: {}\nmethod: {}\n",
        *text,
        plan.charset.name(),
        method_name(plan.method, opts)
    ))
}

/// The method's name, with the digest the `hash` option pins.
fn method_name(method: Method, opts: &Options) -> &'static str {
    match (method, opts.hash) {
        (Method::Rsa { out, .. }, Some(hash)) => Method::Rsa { hash, also: None, out }.name(),
        _ => method.name(),
    }
}

/// Replaces every occurrence of each secret with `***`, longest first. For binary messages
/// (shown as hex) the secret's hex form is masked too.
pub fn mask(text: &str, secrets: &[&str], hex_too: bool) -> Zeroizing<String> {
    let mut forms: Vec<Zeroizing<String>> = Vec::new();
    for s in secrets.iter().filter(|s| !s.is_empty()) {
        forms.push(Zeroizing::new(s.to_string()));
        if hex_too {
            let hex: String = s.bytes().map(|b| format!("{b:02x}")).collect();
            forms.push(Zeroizing::new(hex.to_uppercase()));
            forms.push(Zeroizing::new(hex));
        }
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    let mut masked = Zeroizing::new(text.to_string());
    for form in &forms {
        if masked.contains(form.as_str()) {
            masked = Zeroizing::new(masked.replace(form.as_str(), "***"));
        }
    }
    masked
}

/// Text with control characters escaped, for names and values from outside.
/// Escapes text for an HTML attribute value or text node.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking() {
        assert_eq!(*mask("a&key=SEC&b=SEC", &["SEC"], false), "a&key=***&b=***");
        assert_eq!(*mask("abc", &[""], false), "abc");
        assert_eq!(*mask("k=ab&q=abc", &["ab", "abc"], false), "k=***&q=***");
        assert_eq!(*mask("00736563ff", &["sec"], true), "00***ff");
    }

    #[test]
    fn warnings() {
        let day = 86_400;
        let nb = 1_000 * day;
        let na = 2_000 * day;
        assert_eq!(validity_warning(nb, na, nb + day), None);
        assert_eq!(
            validity_warning(nb, na, na - 10 * day - 5).as_deref(),
            Some("WARNING: certificate expires in 10 days")
        );
        let expired = validity_warning(nb, na, na + 1).unwrap();
        assert!(expired.starts_with("WARNING: certificate expired on "), "{expired}");
        assert!(validity_warning(nb, na, nb - 1).unwrap().contains("not valid before"));
    }

    #[test]
    fn printable_escapes_controls() {
        assert_eq!(printable("a\nb\tc"), "a\\nb\\tc");
        assert_eq!(printable("支付"), "支付");
    }
}
