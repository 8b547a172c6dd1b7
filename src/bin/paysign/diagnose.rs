//! `paysign diagnose` and `paysign keyinfo --builtin`.

use super::{args, date, expect_positional, load_key, printable, read_input, validity_warning, Out, KEY_OPTIONS};
use paysign::diagnose::{self, Mode, Request};
use paysign::{builtin, Charset, Error, Format, Key, Options, Result};
use serde_json::Value;

/// `paysign diagnose [--sign] PROFILE [--body FILE|-] [--format F] [--charset C] [--options O]
/// KEY|--builtin NAME [--signature SIG] [--json]`. Exit 0 when the signature is valid, 1 when
/// not (the report says why), 2 on errors of the call.
pub fn run(argv: &[String], out: &mut Out) -> Result<u8> {
    let mut values = vec![
        "--body",
        "--format",
        "--charset",
        "--options",
        "--builtin",
        "--signature",
    ];
    values.extend(KEY_OPTIONS);
    let a = args::parse(argv, &["--json", "--sign"], &values)?;
    let [id] = expect_positional(&a.positional, &["PROFILE"], "diagnose")?;
    let p = paysign::profile(id)?;
    let opts = Options::parse(a.value("--options").unwrap_or(""))?;
    let format = a
        .value("--format")
        .map(Format::from_name)
        .transpose()?
        .unwrap_or(Format::Form);
    let charset = a.value("--charset").map(Charset::from_name).transpose()?;
    let key: Option<Key> = match (a.value("--builtin"), load_key(&a)?) {
        (Some(_), Some(_)) => return Err(Error::invalid_argument("give one key, not --builtin and another")),
        (Some(name), None) => Some(builtin::load(name)?),
        (None, k) => k,
    };
    let body = read_input(a.value("--body").unwrap_or("-"))?;
    let mut req = Request::new(p, &opts, &body, format, charset, key.as_ref());
    if a.flag("--sign") {
        req.mode = Mode::Sign;
    }
    req.signature = a.value("--signature");
    let report = diagnose::diagnose(&req);
    if a.flag("--json") {
        out.say(&report.to_json_string());
        out.say("\n");
    } else {
        out.say(&readable(report.json()));
    }
    Ok(if report.verdict() == "valid" { 0 } else { 1 })
}

/// The report as lines of text.
fn readable(j: &Value) -> String {
    let s = |v: &Value| v.as_str().map(printable);
    let mut t = String::new();
    let mut line = |label: &str, v: Option<String>| {
        if let Some(v) = v {
            t.push_str(&format!("{label}: {v}\n"));
        }
    };
    line(
        "profile",
        Some(format!(
            "{} ({})",
            s(&j["profile"]).unwrap_or_default(),
            s(&j["mode"]).unwrap_or_default()
        )),
    );
    let verdict = s(&j["verdict"]).unwrap_or_default();
    line(
        "verdict",
        Some(match s(&j["reason"]) {
            Some(r) if verdict == "error" => format!("error: {}: {r}", s(&j["status"]).unwrap_or_default()),
            Some(r) => format!("{verdict} ({r})"),
            None => verdict,
        }),
    );
    line("method", s(&j["method"]));
    line("charset", s(&j["charset"]));
    line("sign string", s(&j["sign_string"]));
    if let Some(k) = j["key"].as_object() {
        let mut d = k["kind"].as_str().unwrap_or("").to_string();
        if let Some(b) = k["bits"].as_u64() {
            d.push_str(&format!(", {b} bits"));
        }
        if let Some(n) = k["builtin"].as_str() {
            d.push_str(&format!(", built-in {n}"));
        }
        if let Some(sub) = k["subject"].as_str() {
            d.push_str(&format!(", {}", printable(sub)));
        }
        line("key", Some(d));
    }
    line("paysign signature", s(&j["paysign_signature"]));
    line("cause", s(&j["cause"]));
    if let Some(e) = s(&j["explanation"]) {
        t.push_str(&format!("  {e}\n"));
    }
    let v = &j["variant"];
    if v.is_object() {
        t.push_str(&format!(
            "variant: {} [{}]\n",
            s(&v["name"]).unwrap_or_default(),
            s(&v["family"]).unwrap_or_default()
        ));
        if let Some(m) = s(&v["method"]) {
            t.push_str(&format!("  method: {m}\n"));
        }
        if let Some(c) = s(&v["charset"]) {
            t.push_str(&format!("  charset: {c}\n"));
        }
        if let Some(k) = s(&v["key"]) {
            t.push_str(&format!("  key: {k}\n"));
        }
        if let Some(ss) = s(&v["sign_string"]) {
            t.push_str(&format!("  sign string: {ss}\n"));
        }
        let d = &v["first_difference"];
        if d.is_object() {
            let field = match (s(&d["field"]), s(&d["paysign_field"])) {
                (Some(f), Some(g)) if f != g => format!(" (field {f}; paysign has {g} there)"),
                (Some(f), _) => format!(" (field {f})"),
                _ => String::new(),
            };
            t.push_str(&format!(
                "  first difference at byte {}{field}:\n    paysign: {}\n    variant: {}\n",
                d["offset"],
                s(&d["paysign"]).unwrap_or_default(),
                s(&d["variant"]).unwrap_or_default()
            ));
        }
    }
    for w in j["warnings"].as_array().into_iter().flatten() {
        t.push_str(&format!(
            "warning: {}: {}\n",
            s(&w["code"]).unwrap_or_default(),
            s(&w["message"]).unwrap_or_default()
        ));
    }
    t.push_str(&format!(
        "variants tried: {} (at most {})\n",
        j["variants_tried"], j["max_variants"]
    ));
    t
}

/// `paysign keyinfo --builtin [NAME]`: every built-in key, or one in full.
pub fn keyinfo_builtin(a: &args::Args, out: &mut Out) -> Result<u8> {
    if a.value("--password").is_some() || a.value("--password-env").is_some() {
        return Err(Error::invalid_argument("built-in keys take no password"));
    }
    match a.positional.as_slice() {
        [] => {
            for (i, b) in builtin::BUILTINS.iter().enumerate() {
                if i > 0 {
                    out.say("\n");
                }
                let info = b.key()?.info();
                out.say(&format!("{} ({})\n  {}\n", b.name, b.file, b.about));
                out.say(&format!("  type: {}, {} bits\n", info.kind, info.bits));
                match &info.cert {
                    Some(cert) => {
                        out.say(&format!("  subject: {}\n", cert.subject));
                        out.say(&format!(
                            "  valid: {} UTC to {} UTC\n",
                            date::utc(cert.not_before),
                            date::utc(cert.not_after)
                        ));
                        out.say(&format!("  SHA-256 fingerprint: {}\n", cert.sha256_fingerprint));
                        if let Some(w) = validity_warning(cert.not_before, cert.not_after, date::now()) {
                            out.say(&format!("  {w}\n"));
                        }
                    }
                    None => out.say(&format!("  public key SHA-256: {}\n", info.public_sha256)),
                }
            }
            Ok(0)
        }
        [name] => {
            let b = builtin::find(name)?;
            out.say(&format!("name: {}\nfile: {}\nabout: {}\n", b.name, b.file, b.about));
            super::describe(&b.key()?, out);
            Ok(0)
        }
        _ => Err(Error::invalid_argument(
            "keyinfo --builtin takes at most one NAME (see paysign keyinfo --builtin)",
        )),
    }
}
