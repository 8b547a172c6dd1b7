//! The re-split warning (issue 12 §2, docs/security.md): a signed value that holds
//! `sep + name=` lets the same sign string be read as another field set, which the gateway's
//! rule accepts with the same signature. Found by building that other set and comparing the
//! signed bytes, so a warning is only given when the other set really verifies.

use crate::canon::DocForm;
use crate::keys::Key;
use crate::options::Options;
use crate::params::Params;
use crate::profile::{Join, Layout, Profile, Slot};
use crate::signer;
use serde_json::{json, Value};

/// One warning per signed field whose value can be split off into another field.
pub fn warnings(p: &Profile, opts: &Options, key: Option<&Key>, params: &Params, signed: &[u8]) -> Vec<Value> {
    let Join::Pairs(sep) = p.join else { return Vec::new() };
    let sig = text_sig(p, params);
    let mut out = Vec::new();
    for (field, value) in params.iter() {
        if field == p.sig_field() || !signs(p, field) {
            continue;
        }
        if let Some((name, at)) = split_point(p, sep, value, params) {
            let mut other = params.clone();
            other.set(field, &value[..at]);
            other.set(name, &value[at + sep.len() + name.len() + 1..]);
            let same = signer::plan(p, &other, opts, key, sig.as_deref(), DocForm::Emptied)
                .is_ok_and(|pl| pl.message.bytes() == signed);
            if same {
                out.push(json!({
                    "code": "resplit",
                    "field": field,
                    "other_field": name,
                    "message": format!(
                        "field '{field}' holds '{sep}{name}=': the same signed text also reads as '{field}' cut \
                         there plus a field '{name}', and that other message verifies with this signature. \
                         Do not act on '{field}' or '{name}' without checking them against your order."
                    ),
                }));
            }
        }
    }
    out
}

fn text_sig(p: &Profile, params: &Params) -> Option<String> {
    params.get(p.sig_field()).map(str::to_string)
}

/// Whether the profile's sign string can hold this field.
fn signs(p: &Profile, field: &str) -> bool {
    match p.layout {
        Layout::Fixed(slots) => slots.iter().any(|s| matches!(s, Slot::F(n) if *n == field)),
        Layout::Sorted { exclude } => !exclude.contains(&field),
        Layout::Document { .. } | Layout::Binary(_) => false,
    }
}

/// The first `sep + name=` in `value` whose name the profile would sign and the message lacks.
fn split_point<'v>(p: &Profile, sep: &str, value: &'v str, params: &Params) -> Option<(&'v str, usize)> {
    let mut from = 0;
    while let Some(i) = value[from..].find(sep).map(|i| i + from) {
        let rest = &value[i + sep.len()..];
        if let Some(eq) = rest.find('=') {
            let name = &rest[..eq];
            let plausible = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
            if plausible && signs(p, name) && params.get(name).is_none() && name != p.sig_field() {
                return Some((name, i));
            }
        }
        // Past the separator, or past one whole character when the separator is empty.
        from = i + sep.len().max(value[i..].chars().next().map_or(1, char::len_utf8));
        if from >= value.len() {
            break;
        }
    }
    None
}
