//! `paysign paypal postback|verdict|check|diagnose` (docs/specs/paypal.md). No network I/O: print the
//! postback body, then judge the answer the caller got from PayPal.

use super::{args, read_input, Out};
use paysign::paypal::{self, Expect};
use paysign::{Error, Result, Verdict};

pub fn run(argv: &[String], out: &mut Out) -> Result<u8> {
    let Some((sub, rest)) = argv.split_first() else {
        return Err(Error::invalid_argument(
            "paypal needs postback, verdict, check or diagnose",
        ));
    };
    match sub.as_str() {
        "postback" => postback(rest, out),
        "verdict" => verdict(rest, out),
        "check" => check(rest, out),
        "diagnose" => diagnose(rest, out),
        other => Err(Error::invalid_argument(format!(
            "unknown paypal command '{}' (postback, verdict, check, diagnose)",
            super::printable(other)
        ))),
    }
}

/// Prints the exact postback body (no newline added) for the raw IPN body.
fn postback(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &[], &["--body"])?;
    super::expect_positional(&a.positional, &[], "paypal postback")?;
    let body = read_input(a.value("--body").unwrap_or("-"))?;
    out.stdout.extend_from_slice(&paypal::postback(&body)?);
    Ok(0)
}

/// Judges PayPal's answer: `verified` (exit 0), `INVALID` (exit 1), anything else an error.
fn verdict(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &[], &["--answer"])?;
    super::expect_positional(&a.positional, &[], "paypal verdict")?;
    let answer = read_input(a.value("--answer").unwrap_or("-"))?;
    match paypal::verdict(&answer)? {
        Verdict::Valid => {
            out.say("verified\n");
            Ok(0)
        }
        Verdict::Invalid(why) => {
            out.stderr.push_str(&format!("INVALID: {why}\n"));
            Ok(1)
        }
    }
}

/// Runs the merchant's checks on a VERIFIED body; prints `txn_id=…` and `sandbox=0|1`.
fn check(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &[], &["--body", "--options"])?;
    super::expect_positional(&a.positional, &[], "paypal check")?;
    let body = read_input(a.value("--body").unwrap_or("-"))?;
    let c = paypal::check(&body, &Expect::parse(a.value("--options").unwrap_or(""))?)?;
    out.say(&format!(
        "txn_id={}\nsandbox={}\n",
        c.txn_id.as_deref().unwrap_or(""),
        u8::from(c.sandbox)
    ));
    Ok(0)
}

/// Why PayPal said INVALID: the received body against the postback sent (`--sent`) and the
/// host it went to (`--host`). Prints the findings' JSON; exit 0 when none, 1 when some.
fn diagnose(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &[], &["--body", "--sent", "--host"])?;
    super::expect_positional(&a.positional, &[], "paypal diagnose")?;
    let body = read_input(a.value("--body").unwrap_or("-"))?;
    let sent = a.value("--sent").map(read_input).transpose()?;
    let report = paysign::diagnose::paypal::postback(&body, sent.as_deref(), a.value("--host"));
    out.say(&format!("{}\n", paysign::diagnose::paypal::findings_json(&report)));
    Ok(u8::from(!report.is_empty()))
}
