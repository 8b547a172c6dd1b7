//! Helpers of the search that need no search state: the received-order message and its check,
//! secret masking, the first difference between two sign strings, dates.

use crate::canon::{self, Message};
use crate::digest;
use crate::error::{Error, Result};
use crate::keys::Key;
use crate::options::Options;
use crate::params::Params;
use crate::profile::{Empty, Join, Layout, Method, Profile, SecretAt, Slot};
use crate::signer;
use serde_json::{json, Value};
use zeroize::Zeroizing;

/// The secret text that enters the string, as `signer` would put it there.
fn text_secret<'a>(p: &Profile, method: Method, key: Option<&'a Key>, opts: &'a Options) -> Option<&'a str> {
    let from_key = || {
        key.and_then(Key::secret_value)
            .and_then(|s| std::str::from_utf8(s.as_bytes()).ok())
    };
    if method.is_rsa() {
        if !p.secret_in_rsa {
            return None;
        }
        return opts.query_key.as_deref().map(|q| q.as_str()).or_else(from_key);
    }
    from_key()
}

/// The message a signer builds when it takes the fields in the order they were received
/// instead of the profile's order: for a fixed list, its fields as they appear in the message;
/// for a sorted profile, every received field unsorted. The empty, trim, join and secret rules
/// are the profile's. `None` when the profile is not a text layout or puts its secret inside
/// the field list.
pub(super) fn received_order_message(
    p: &Profile,
    params: &Params,
    opts: &Options,
    key: Option<&Key>,
) -> Option<Result<(Method, Message)>> {
    let names: Option<Vec<&str>> = match p.layout {
        Layout::Fixed(slots) => {
            if !slots.iter().all(Slot::is_field) {
                return None;
            }
            Some(
                slots
                    .iter()
                    .filter_map(|s| match s {
                        Slot::F(n) | Slot::Opt(n) => Some(*n),
                        Slot::Key(_) | Slot::Text(_) => None,
                    })
                    .collect(),
            )
        }
        Layout::Sorted { .. } => None,
        Layout::Document { .. } | Layout::Binary(_) => return None,
    };
    if p.secret == SecretAt::InList {
        return None;
    }
    Some((|| {
        let sig = signer::received(p, params).ok();
        let method = signer::method_of(p, params, opts, key, sig)?;
        let charset = signer::charset_of(p, params, opts)?;
        let secret = text_secret(p, method, key, opts);
        if !method.is_rsa() && secret.is_none() {
            return Err(Error::key_mismatch("a secret key is needed"));
        }
        let sig_field = p.sig_field();
        let mut seen: Vec<&str> = Vec::new();
        let mut list: Vec<(&str, &str)> = Vec::new();
        for (n, v) in params.iter() {
            let wanted = match (&names, p.layout) {
                (Some(names), _) => names.contains(&n),
                (None, Layout::Sorted { exclude }) => n != sig_field && !exclude.contains(&n),
                _ => false,
            };
            if !wanted || seen.contains(&n) {
                continue;
            }
            seen.push(n);
            let v = canon::trimmed(p, v);
            if p.empty == Empty::Skip && v.is_empty() {
                continue;
            }
            list.push((n, v));
        }
        let text = canon::with_secret(p, &list, secret);
        Ok((method, Message::in_charset(text, charset, "sign string")?))
    })())
}

/// Checks a received signature over message bytes exactly as `signer::verify` does.
pub(super) fn check(
    p: &Profile,
    opts: &Options,
    method: Method,
    bytes: &[u8],
    sig: &str,
    key: Option<&Key>,
) -> Result<bool> {
    crate::signer::check_signature(p, opts, method, bytes, sig, key)
}

/// The secrets a sign string may contain: the key's secret and the `query_key` option.
pub(super) fn secrets<'a>(key: Option<&'a Key>, opts: &'a Options) -> Vec<&'a [u8]> {
    let mut s = Vec::new();
    if let Some(k) = key.and_then(Key::secret_value) {
        s.push(k.as_bytes());
    }
    if let Some(q) = &opts.query_key {
        s.push(q.as_bytes());
    }
    s.retain(|t| !t.is_empty());
    s
}

/// Replaces every occurrence of each secret with `***`, longest first; for binary layouts
/// (shown as hex) the secret's hex forms too (also for a secret that is not UTF-8).
pub(super) fn mask(text: &str, secrets: &[&[u8]], hex_too: bool) -> String {
    let mut forms: Vec<Zeroizing<String>> = Vec::new();
    for s in secrets {
        if let Ok(t) = std::str::from_utf8(s) {
            forms.push(Zeroizing::new(t.to_string()));
        }
        if hex_too {
            let lower = Zeroizing::new(digest::hex(s, crate::profile::Case::Lower));
            forms.push(Zeroizing::new(lower.to_uppercase()));
            forms.push(lower);
        }
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    let mut masked = Zeroizing::new(text.to_string());
    for f in &forms {
        if masked.contains(f.as_str()) {
            masked = Zeroizing::new(masked.replace(f.as_str(), "***"));
        }
    }
    masked.to_string()
}

/// Characters of context shown on each side of a difference.
const CONTEXT: usize = 20;

/// Where two (masked) sign strings first differ: the byte offset (the same in both), the
/// field there in the variant's string (else in ours) and in ours when the join names fields,
/// and a little context from each.
pub(super) fn first_difference(ours: &str, theirs: &str, join: Join) -> Option<Value> {
    if ours == theirs {
        return None;
    }
    let mut offset = 0;
    for ((i, a), b) in ours.char_indices().zip(theirs.chars()) {
        if a != b {
            offset = i;
            break;
        }
        offset = i + a.len_utf8();
    }
    let (field, paysign_field) = match join {
        Join::Pairs(sep) if !sep.is_empty() => (field_at(theirs, offset, sep), field_at(ours, offset, sep)),
        _ => (None, None),
    };
    Some(json!({
        "offset": offset,
        "field": field.clone().or_else(|| paysign_field.clone()),
        "paysign_field": paysign_field,
        "paysign": context(ours, offset),
        "variant": context(theirs, offset),
    }))
}

/// The name of the `name=value` pair that covers byte `offset`.
fn field_at(s: &str, offset: usize, sep: &str) -> Option<String> {
    if offset >= s.len() || !s.is_char_boundary(offset) {
        return None;
    }
    // A difference that starts at a separator belongs to the pair after it.
    let start = if s[offset..].starts_with(sep) {
        offset + sep.len()
    } else {
        s[..offset].rfind(sep).map_or(0, |i| i + sep.len())
    };
    let pair = &s[start..];
    let pair = pair.split(sep).next().unwrap_or(pair);
    let (name, _) = pair.split_once('=')?;
    Some(name.to_string()).filter(|n| !n.is_empty())
}

/// Up to CONTEXT characters before and after `offset` (clamped to `s`).
fn context(s: &str, offset: usize) -> String {
    let mut at = offset.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    let before: String = s[..at]
        .chars()
        .rev()
        .take(CONTEXT)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = s[at..].chars().take(CONTEXT).collect();
    format!("{before}{after}")
}

/// Seconds since the Unix epoch now (0 if the clock is before 1970).
pub(super) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// RFC 3339 UTC, `2024-05-15T08:40:14Z`.
pub(super) fn rfc3339(secs: i64) -> String {
    // Days to civil date (Howard Hinnant's algorithm, proleptic Gregorian).
    let days = secs.div_euclid(86_400);
    let t = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        t / 3600,
        t % 3600 / 60,
        t % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_732_869_421), "2024-11-29T08:37:01Z");
        assert_eq!(rfc3339(951_825_600), "2000-02-29T12:00:00Z");
        assert_eq!(rfc3339(-1), "1969-12-31T23:59:59Z");
        assert_eq!(rfc3339(2_035_251_451), "2034-06-30T03:37:31Z");
    }

    #[test]
    fn masking_and_differences() {
        assert_eq!(mask("a=1&key=SEC", &[b"SEC"], false), "a=1&key=***");
        assert_eq!(mask("00736563ff", &[b"sec"], true), "00***ff");
        assert_eq!(mask("00ff80fe01", &[b"\xff\x80"], true), "00***fe01");
        let d = first_difference("a=1&bb=2&c=3", "a=1&bb=x&c=3", Join::Pairs("&")).unwrap();
        assert_eq!(d["offset"], 7);
        assert_eq!(d["field"], "bb");
        let d = first_difference("a=1&b=2", "a=1&b=2&c=3", Join::Pairs("&")).unwrap();
        assert_eq!(d["offset"], 7);
        assert_eq!(d["field"], "c");
        assert_eq!(d["paysign_field"], Value::Null);
        let d = first_difference("a=1&c=3", "a=1&b=&c=3", Join::Pairs("&")).unwrap();
        assert_eq!(d["field"], "b");
        assert_eq!(d["paysign_field"], "c");
        assert!(first_difference("x", "x", Join::Values("")).is_none());
        let d = first_difference("中文ab", "中文ac", Join::Values("")).unwrap();
        assert_eq!(d["offset"], 7);
        assert_eq!(d["field"], Value::Null);
    }
}
