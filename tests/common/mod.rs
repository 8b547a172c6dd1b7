//! Shared by the integration tests: the shared vectors (testdata/vectors, copies of
//! ../shared/vectors) and how a case maps onto the API.
#![allow(dead_code)]

use paysign::{Key, Params};
use serde_json::Value;
use std::path::PathBuf;

pub fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/vectors")
}

pub fn key_path(name: &str) -> PathBuf {
    vectors_dir().join("keys").join(name)
}

/// Every case of every vector file, as (file name, case).
pub fn all_cases() -> Vec<(String, Value)> {
    let mut files: Vec<_> = std::fs::read_dir(vectors_dir())
        .expect("testdata/vectors")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let doc: Value = serde_json::from_slice(&std::fs::read(&f).unwrap()).unwrap();
        for c in doc["cases"].as_array().unwrap() {
            out.push((f.file_name().unwrap().to_string_lossy().into_owned(), c.clone()));
        }
    }
    out
}

pub fn case(id: &str) -> Value {
    all_cases()
        .into_iter()
        .map(|(_, c)| c)
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no case {id}"))
}

pub fn params_of(c: &Value) -> Params {
    let mut p = Params::new();
    for pair in c["params"].as_array().unwrap() {
        p.push(pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
    }
    p
}

/// The key and the options a case needs (a key with both file and secret passes the secret as
/// the `query_key` option).
pub fn key_and_options(c: &Value) -> (Option<Key>, String) {
    let mut options = c["options"].as_str().unwrap_or("").to_string();
    let k = &c["key"];
    if k.is_null() {
        return (None, options);
    }
    if let Some(file) = k["file"].as_str() {
        let key = Key::load_file(&vectors_dir().join(file), k["password"].as_str()).expect("key file loads");
        if let Some(s) = k["secret"].as_str() {
            if !options.is_empty() {
                options.push('&');
            }
            options.push_str("query_key=");
            options.push_str(s);
        }
        return (Some(key), options);
    }
    (Some(Key::secret(k["secret"].as_str().unwrap()).unwrap()), options)
}

/// Authenticator inputs as params (numbers in decimal), the secret as the key.
pub fn authenticator_inputs(c: &Value) -> (Params, Key) {
    let mut p = Params::new();
    let mut secret = None;
    for (name, v) in c["inputs"].as_object().unwrap() {
        let text = match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        if name == "shared_secret" {
            secret = Some(text);
        } else {
            p.push(name, &text);
        }
    }
    (p, Key::secret(&secret.expect("shared_secret")).unwrap())
}

pub fn body_of(c: &Value) -> Vec<u8> {
    use base64::Engine as _;
    match c["body_b64"].as_str() {
        Some(b) => base64::engine::general_purpose::STANDARD.decode(b).unwrap(),
        None => c["body"].as_str().unwrap().as_bytes().to_vec(),
    }
}

/// Every field a profile's layout signs, with plausible values: fixed slots get `value(name)`,
/// sorted profiles the pairs of `sorted`, binary and document layouts fixed samples, and the
/// charset field the profile's first code. The method field is left to the caller.
pub fn plausible_fields(p: &paysign::Profile, value: impl Fn(&str) -> String, sorted: &[(&str, &str)]) -> Params {
    use paysign::profile::{DocSigned, Layout, Part, Slot};
    let mut params = Params::new();
    match p.layout {
        Layout::Fixed(slots) => {
            for s in slots {
                if let Slot::F(name) = s {
                    params.set(name, &value(name));
                }
            }
        }
        Layout::Sorted { .. } => {
            for (n, v) in sorted {
                params.set(n, v);
            }
        }
        Layout::Binary(parts) => {
            for part in parts {
                match *part {
                    Part::Ascii(f) => params.set(f, "900001"),
                    Part::Decimal10(f) => params.set(f, "1021080510"),
                    Part::UintBe { field, .. } => params.set(field, "0"),
                    Part::Hex(f) => params.set(f, "90d00c1d517abd0b4f65f6bcf8535d16"),
                    Part::Zeros(_) | Part::Secret => {}
                }
            }
        }
        Layout::Document {
            field,
            element,
            signed: DocSigned::Whole,
        } => {
            params.set(
                field,
                &format!("<AIPG><INFO><TRX_CODE>1</TRX_CODE><{element}></{element}></INFO></AIPG>"),
            );
        }
        Layout::Document {
            field,
            element,
            signed: DocSigned::Span { element: span, then },
        } => {
            let head: String = then.iter().map(|t| format!("<{t}>{}</{t}>", value(t))).collect();
            params.set(
                field,
                &format!("<Doc><head>{head}<{element}></{element}></head><{span}><Amount>1.00</Amount></{span}></Doc>"),
            );
        }
    }
    // Required fields outside the layout (those of a second signature, NPS newmd5info).
    for f in p.required {
        if params.get(f).is_none() {
            params.set(f, &value(f));
        }
    }
    if let Some(f) = p.charset.field {
        params.set(f, p.charset.codes.first().map_or("utf-8", |(code, _)| *code));
    }
    params
}

/// A plausible message of profile `p`, for the secret method (`rsa` false) or RSA.
pub fn natural_message(p: &paysign::Profile, rsa: bool) -> Option<Params> {
    use paysign::profile::Absent;
    let sorted = [
        ("appid", "wx1"),
        ("out_trade_no", "A1"),
        ("total_fee", "100"),
        ("notify_id", "n1"),
    ];
    let mut params = plausible_fields(p, |name| format!("v-{name}"), &sorted);
    let m = p.methods;
    if let Some(f) = m.field {
        match m.by_value.iter().find(|(_, method)| method.is_rsa() == rsa) {
            Some((v, _)) => params.set(f, v),
            None => params.remove(f).map(|_| ()).unwrap_or(()),
        }
    }
    let can = m.by_value.iter().any(|(_, method)| method.is_rsa() == rsa)
        || match m.absent {
            Absent::Use(method) => method.is_rsa() == rsa,
            Absent::ByKey { .. } => true,
            Absent::Required => false,
        };
    can.then_some(params)
}
