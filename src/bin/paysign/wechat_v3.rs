//! `paysign wechat-v3-auth`, `wechat-v3-verify`, `wechat-v3-certificates` and `wechat-v3-pay-sign`
//! (docs/specs/wechatpay-v3.md).

use super::{args, env_text, load_key, read_input, Out, KEY_OPTIONS};
use paysign::wechat_v3::{self, Client, Headers, Request, VerifyOptions};
use paysign::{Error, Key, Result, Verdict};
use zeroize::Zeroizing;

fn need_key(a: &args::Args, command: &str, what: &str) -> Result<Key> {
    load_key(a)?.ok_or_else(|| Error::invalid_argument(format!("{command} needs --key ({what})")))
}

fn need<'a>(a: &'a args::Args, name: &str, command: &str) -> Result<&'a str> {
    a.value(name)
        .ok_or_else(|| Error::invalid_argument(format!("{command} needs {name}")))
}

/// Prints the `Authorization` header value of one request.
pub fn auth(argv: &[String], out: &mut Out) -> Result<u8> {
    let mut values = vec!["--body", "--mchid", "--serial-no", "--timestamp", "--nonce"];
    values.extend(KEY_OPTIONS);
    let a = args::parse(argv, &[], &values)?;
    let [method, url] = super::expect_positional(&a.positional, &["METHOD", "URL"], "wechat-v3-auth")?;
    let key = need_key(&a, "wechat-v3-auth", "the merchant API certificate key")?;
    let body = match a.value("--body") {
        Some(file) => read_input(file)?,
        None => Vec::new(),
    };
    let req = Request {
        method,
        url,
        timestamp: a.value("--timestamp"),
        nonce: a.value("--nonce"),
        body: &body,
    };
    let mchid = need(&a, "--mchid", "wechat-v3-auth")?;
    out.say(&wechat_v3::authorization(&key, mchid, a.value("--serial-no"), &req)?);
    out.say("\n");
    Ok(0)
}

/// Verifies a response or notification; with the APIv3 key, prints the decrypted resource.
pub fn verify(argv: &[String], out: &mut Out) -> Result<u8> {
    let mut values = vec![
        "--body",
        "--timestamp",
        "--nonce",
        "--signature",
        "--serial",
        "--options",
        "--apiv3-key-env",
        "--apiv3-key-file",
    ];
    values.extend(KEY_OPTIONS);
    let a = args::parse(argv, &[], &values)?;
    super::expect_positional(&a.positional, &[], "wechat-v3-verify")?;
    let c = "wechat-v3-verify";
    let h = Headers {
        timestamp: need(&a, "--timestamp", c)?,
        nonce: need(&a, "--nonce", c)?,
        signature: need(&a, "--signature", c)?,
        serial: need(&a, "--serial", c)?,
    };
    let key = need_key(&a, c, "the platform certificate or the WeChat Pay public key")?;
    let o = VerifyOptions::parse(a.value("--options").unwrap_or(""))?;
    let apiv3_key = apiv3_key(&a)?;
    let body = read_input(a.value("--body").unwrap_or("-"))?;
    if let Verdict::Invalid(reason) = wechat_v3::verify(&h, &body, &key, &o)? {
        out.stderr.push_str(&format!("BAD SIGNATURE: {reason}\n"));
        return Ok(1);
    }
    out.say("valid\n");
    // Decrypt only after the signature over the body verified.
    if let Some(k) = apiv3_key {
        out.say(&wechat_v3::decrypt_resource(&body, &k)?);
        out.say("\n");
    }
    Ok(0)
}

/// The APIv3 key from `--apiv3-key-env` or `--apiv3-key-file` (its trailing line ends dropped).
fn apiv3_key(a: &args::Args) -> Result<Option<Zeroizing<Vec<u8>>>> {
    match (a.value("--apiv3-key-env"), a.value("--apiv3-key-file")) {
        (Some(_), Some(_)) => Err(Error::invalid_argument(
            "give one of --apiv3-key-env and --apiv3-key-file",
        )),
        (Some(var), None) => Ok(Some(Zeroizing::new(env_text(var)?.as_bytes().to_vec()))),
        (None, Some(file)) => {
            let mut bytes = Zeroizing::new(read_input(file)?);
            while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                bytes.pop();
            }
            Ok(Some(bytes))
        }
        (None, None) => Ok(None),
    }
}

/// Prints the platform certificates of a `GET /v3/certificates` response body as the C call
/// returns them (a JSON array); the response is verified first with `wechat-v3-verify`.
pub fn certificates(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &[], &["--body", "--apiv3-key-env", "--apiv3-key-file"])?;
    let c = "wechat-v3-certificates";
    super::expect_positional(&a.positional, &[], c)?;
    let k = apiv3_key(&a)?
        .ok_or_else(|| Error::invalid_argument(format!("{c} needs --apiv3-key-env or --apiv3-key-file")))?;
    let body = read_input(a.value("--body").unwrap_or("-"))?;
    out.say(&wechat_v3::download_certificates_json(&body, &k)?);
    out.say("\n");
    Ok(0)
}

/// Prints the client-side signature: `jsapi APPID TIMESTAMP NONCE PACKAGE` (paySign) or
/// `app APPID TIMESTAMP NONCE PREPAYID` (sign).
pub fn pay_sign(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &[], &KEY_OPTIONS)?;
    let [kind, appid, ts, nonce, last] = super::expect_positional(
        &a.positional,
        &["jsapi|app", "APPID", "TIMESTAMP", "NONCE", "PACKAGE|PREPAYID"],
        "wechat-v3-pay-sign",
    )?;
    let key = need_key(&a, "wechat-v3-pay-sign", "the merchant API certificate key")?;
    let sig = wechat_v3::client_sign(&key, Client::from_name(kind)?, appid, ts, nonce, last)?;
    out.say(&sig);
    out.say("\n");
    Ok(0)
}
