//! `paysign unionpay cert-id|verify|encrypt-cert-id|encrypt|customer-info`
//! (docs/specs/unionpay-acp.md).

use super::{args, expect_positional, field_args, load_key, read_input, say_verdict, Out, KEY_OPTIONS};
use paysign::unionpay::encrypt;
use paysign::{signer, unionpay, Error, Format, Options, Params, Result};

const USAGE: &str = "unionpay needs cert-id, verify, encrypt-cert-id, encrypt or customer-info";

pub fn run(argv: &[String], out: &mut Out) -> Result<u8> {
    let Some((sub, rest)) = argv.split_first() else {
        return Err(Error::invalid_argument(USAGE));
    };
    match sub.as_str() {
        "cert-id" => cert_id(rest, out),
        "verify" => verify(rest, out),
        "encrypt-cert-id" => encrypt_cert_id(rest, out),
        "encrypt" => encrypt_value(rest, out),
        "customer-info" => customer_info(rest, out),
        _ => Err(Error::invalid_argument(USAGE)),
    }
}

fn cert_id(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &[], &KEY_OPTIONS)?;
    expect_positional(&a.positional, &[], "unionpay cert-id")?;
    let key = load_key(&a)?.ok_or_else(|| Error::invalid_argument("unionpay cert-id needs --key"))?;
    out.say(&format!("{}\n", unionpay::cert_id(&key)?));
    Ok(0)
}

fn verify(argv: &[String], out: &mut Out) -> Result<u8> {
    let mut values = vec!["--body", "--root", "--middle", "--options"];
    values.extend(KEY_OPTIONS);
    let a = args::parse(argv, &["--print-params"], &values)?;
    expect_positional(&a.positional, &[], "unionpay verify")?;
    let p = paysign::profile("unionpay.acp.notify")?;
    let opts = Options::parse(a.value("--options").unwrap_or(""))?;
    let trust = match (a.value("--root"), a.value("--middle")) {
        (Some(r), Some(m)) => Some((read_input(r)?, read_input(m)?)),
        (None, None) => None,
        _ => return Err(Error::invalid_argument("give both --root and --middle")),
    };
    let key = load_key(&a)?;
    let body = read_input(a.value("--body").unwrap_or("-"))?;
    let params = signer::parse_body(p, &opts, &body, Format::Form, None)?;
    let trust = trust.as_ref().map(|(r, m)| (r.as_slice(), m.as_slice()));
    let verdict = unionpay::verify(p, &opts, &params, trust, key.as_ref())?;
    say_verdict(verdict, &params, a.flag("--print-params"), out)
}

fn encrypt_cert_id(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &[], &["--cert"])?;
    expect_positional(&a.positional, &[], "unionpay encrypt-cert-id")?;
    let cert = a
        .value("--cert")
        .ok_or_else(|| Error::invalid_argument("unionpay encrypt-cert-id needs --cert"))?;
    out.say(&format!("{}\n", encrypt::encrypt_cert_id(&read_input(cert)?)?));
    Ok(0)
}

/// The value comes from a file or stdin, never argv (which other users can see).
fn encrypt_value(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &[], &["--cert", "--input"])?;
    expect_positional(&a.positional, &[], "unionpay encrypt")?;
    let cert = a
        .value("--cert")
        .ok_or_else(|| Error::invalid_argument("unionpay encrypt needs --cert"))?;
    let key = encrypt::encryption_cert(&read_input(cert)?)?;
    let mut value = read_input(a.value("--input").unwrap_or("-"))?;
    if value.ends_with(b"\n") {
        value.pop();
        if value.ends_with(b"\r") {
            value.pop();
        }
    }
    out.say(&format!("{}\n", encrypt::encrypt(&key, &value, "input")?));
    Ok(0)
}

fn customer_info(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &[], &["--version", "--cert", "--acc-no"])?;
    let version = a
        .value("--version")
        .ok_or_else(|| Error::invalid_argument("unionpay customer-info needs --version 5.0.0 or 5.1.0"))?;
    let key = a
        .value("--cert")
        .map(|c| read_input(c).and_then(|d| encrypt::encryption_cert(&d)))
        .transpose()?;
    let mut fields = Params::new();
    field_args(&mut fields, &a.positional)?;
    out.say(&format!(
        "{}\n",
        encrypt::customer_info(version, &fields, key.as_ref(), a.value("--acc-no"))?
    ));
    Ok(0)
}
