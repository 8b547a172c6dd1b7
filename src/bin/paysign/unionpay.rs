//! `paysign unionpay cert-id` and `paysign unionpay verify` (docs/specs/unionpay-acp.md).

use super::{args, expect_positional, load_key, read_input, say_verdict, Out, KEY_OPTIONS};
use paysign::{signer, unionpay, Error, Format, Options, Result};

pub fn run(argv: &[String], out: &mut Out) -> Result<u8> {
    let Some((sub, rest)) = argv.split_first() else {
        return Err(Error::invalid_argument("unionpay needs cert-id or verify"));
    };
    match sub.as_str() {
        "cert-id" => cert_id(rest, out),
        "verify" => verify(rest, out),
        _ => Err(Error::invalid_argument("unionpay needs cert-id or verify")),
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
