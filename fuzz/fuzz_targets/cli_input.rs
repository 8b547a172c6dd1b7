//! The CLI's input parsing: its argument parser (src/bin/paysign/args.rs, compiled in here
//! as a module), then what `sign`/`verify` do with the values: `Options::parse`, charset and
//! format names, `name=value` field arguments and the `--form FILE` body.
//!
//! Input: the command-line arguments separated by NUL bytes; after a double NUL, the bytes of
//! the `--form` file. The first argument is the command (`sign`, `verify`, `reply`,
//! `keyinfo`; anything else picks one by its first byte) and picks the option set.
//!
//! Checked: nothing panics; an unknown `--name=VALUE` never lets VALUE reach the error
//! message (the parser's result is the same when every such VALUE is replaced); nor does a
//! `query_key` value in `--options`.
#![no_main]

#[allow(dead_code)]
#[path = "../../src/bin/paysign/args.rs"]
mod args;

use libfuzzer_sys::fuzz_target;
use paysign::params::Duplicates;
use paysign::{Charset, Format, Options, Params};

const KEY_OPTIONS: [&str; 6] = [
    "--key",
    "--password",
    "--password-env",
    "--secret",
    "--secret-env",
    "--secret-file",
];

fn command(name: &str) -> (&'static [&'static str], Vec<&'static str>) {
    let sel = match name {
        "sign" => 0,
        "verify" => 1,
        "reply" => 2,
        "keyinfo" => 3,
        _ => name.bytes().next().unwrap_or(0) % 4,
    };
    let mut values = Vec::new();
    let flags: &'static [&'static str] = match sel {
        0 => {
            values.extend(["--form", "--options", "--output", "--charset"]);
            values.extend(KEY_OPTIONS);
            &["--explain"]
        }
        1 => {
            values.extend(["--body", "--format", "--charset", "--options"]);
            values.extend(KEY_OPTIONS);
            &["--print-params"]
        }
        2 => {
            values.push("--url");
            &["--success", "--failure"]
        }
        _ => {
            values.extend(["--password", "--password-env"]);
            &[]
        }
    };
    (flags, values)
}

fn summary(r: &paysign::Result<args::Args>) -> String {
    match r {
        Ok(a) => format!("ok {:?}", a.positional),
        Err(e) => format!("err {}", e),
    }
}

fuzz_target!(|data: &[u8]| {
    let (argv_bytes, form) = match data.windows(2).position(|w| w == [0, 0]) {
        Some(i) => (&data[..i], &data[i + 2..]),
        None => (data, &[][..]),
    };
    let mut argv: Vec<String> = argv_bytes
        .split(|&b| b == 0)
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect();
    let (flags, values) = command(&argv.remove(0));
    let parsed = args::parse(&argv, flags, &values);

    // Values of unknown options never influence the outcome (so never reach a message).
    let known = |name: &str| flags.contains(&name) || values.contains(&name);
    let redacted: Vec<String> = argv
        .iter()
        .map(|a| match a.split_once('=') {
            Some((name, _)) if a.starts_with("--") && !known(name) => format!("{name}=REDACTED"),
            _ => a.clone(),
        })
        .collect();
    // Arguments after "--" are positional and kept as they are.
    let redacted: Vec<String> = match argv.iter().position(|a| a == "--") {
        Some(i) => redacted[..i].iter().chain(&argv[i..]).cloned().collect(),
        None => redacted,
    };
    if !redacted.iter().zip(&argv).all(|(r, a)| r == a) {
        let again = args::parse(&redacted, flags, &values);
        if parsed.is_err() || again.is_err() {
            assert_eq!(
                summary(&parsed),
                summary(&again),
                "an unknown option's value changed the outcome"
            );
        }
    }
    let Ok(a) = parsed else {
        return;
    };

    if let Some(text) = a.value("--options") {
        // A query_key value never influences the outcome (so never reaches a message).
        let redacted: Vec<String> = text
            .split('&')
            .map(|part| match part.strip_prefix("query_key=") {
                Some(q) if !q.is_empty() => "query_key=REDACTED".to_string(),
                _ => part.to_string(),
            })
            .collect();
        let outcome = |t: &str| Options::parse(t).map(|_| ()).map_err(|e| e.to_string());
        assert_eq!(
            outcome(text),
            outcome(&redacted.join("&")),
            "a query_key value changed the outcome"
        );
    }
    let _ = a.value("--format").map(Format::from_name);
    let _ = a.value("--output").map(Format::from_name);
    let charset = match a.value("--charset").map(Charset::from_name).transpose() {
        Ok(c) => c.unwrap_or(Charset::Utf8),
        Err(_) => return,
    };
    let mut params = if a.value("--form").is_some() || !form.is_empty() {
        match Params::parse(form, Format::Form, charset, Duplicates::Reject) {
            Ok(p) => p,
            Err(_) => return,
        }
    } else {
        Params::new()
    };
    for pair in a.positional.iter().skip(1) {
        if let Some((name, value)) = pair.split_once('=') {
            if !name.is_empty() {
                params.set(name, value);
            }
        }
    }
    let _ = params.encode(Format::Form, charset);
});
