//! Building the sign string from a profile: order, exclusions, empties, trim, joins, secret.

use crate::charset::Charset;
use crate::digest;
use crate::error::{Error, Result};
use crate::params::Params;
use crate::profile::{Empty, Join, Layout, Part, Profile, SecretAt, Slot};
use zeroize::Zeroizing;

/// The exact message: `text` as shown (hex for binary layouts) and the `bytes` that are digested.
pub struct Message {
    pub text: Zeroizing<String>,
    pub bytes: Zeroizing<Vec<u8>>,
}

/// How the signature element is treated in a document layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocForm {
    /// `<E></E>`: sign the text that will be sent minus the signature value.
    Emptied,
    /// The element removed altogether (some AIPG verifiers did this).
    Removed,
}

/// Builds the message. `secret` is the text that enters the string, if the method embeds one.
pub fn message(p: &Profile, params: &Params, secret: Option<&[u8]>, charset: Charset, doc: DocForm) -> Result<Message> {
    match p.layout {
        Layout::Binary(parts) => binary(parts, params, secret),
        Layout::Document { field, element } => {
            let d = params
                .get(field)
                .filter(|d| !d.is_empty())
                .ok_or_else(|| Error::missing_field(field))?;
            let (start, end) = element_span(d, element)
                .ok_or_else(|| Error::invalid_field(field, format!("the document has no <{element}> element")))?;
            let text = match doc {
                DocForm::Emptied => format!("{}<{element}></{element}>{}", &d[..start], &d[end..]),
                DocForm::Removed => format!("{}{}", &d[..start], &d[end..]),
            };
            let bytes = charset.encode(&text, field)?.into_owned();
            Ok(Message {
                text: Zeroizing::new(text),
                bytes: Zeroizing::new(bytes),
            })
        }
        _ => {
            let secret = match secret {
                Some(s) => Some(
                    std::str::from_utf8(s)
                        .map_err(|_| Error::key("the secret is not UTF-8 text, which this profile needs"))?,
                ),
                None => None,
            };
            let text = Zeroizing::new(textual(p, params, secret)?);
            let bytes = Zeroizing::new(charset.encode(&text, "sign string")?.into_owned());
            Ok(Message { text, bytes })
        }
    }
}

/// The entries (name, value) the layout selects, after the empty and trim rules.
pub fn entries<'a>(p: &Profile, params: &'a Params, secret: Option<&'a str>) -> Vec<(&'a str, &'a str)> {
    let keep = |v: &str| !(p.empty == Empty::Skip && v.is_empty());
    // Java's String.trim(), as in WeChat's official SDK: only chars <= U+0020, so a trailing
    // ideographic space (U+3000) or NBSP stays signed.
    let clean = |v: &'a str| if p.trim { v.trim_matches(|c: char| c <= ' ') } else { v };
    let mut out = Vec::new();
    match p.layout {
        Layout::Fixed(slots) => {
            for slot in slots {
                match *slot {
                    Slot::F(name) => {
                        let v = clean(params.get(name).unwrap_or(""));
                        if keep(v) {
                            out.push((name, v));
                        }
                    }
                    Slot::Key(name) => {
                        if let Some(s) = secret {
                            out.push((name, s));
                        }
                    }
                }
            }
        }
        Layout::Sorted { exclude } => {
            let sig = p.sig_field();
            let mut all: Vec<(&str, &str)> = params
                .iter()
                .filter(|(n, _)| *n != sig && !exclude.contains(n))
                .map(|(n, v)| (n, clean(v)))
                .filter(|(_, v)| keep(v))
                .collect();
            all.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out = all;
        }
        Layout::Document { .. } | Layout::Binary(_) => {}
    }
    out
}

fn textual(p: &Profile, params: &Params, secret: Option<&str>) -> Result<String> {
    let list = entries(p, params, if p.secret == SecretAt::InList { secret } else { None });
    let mut s = join(p.join, &list);
    if let Some(k) = secret {
        match p.secret {
            SecretAt::Pair(name) => {
                if !s.is_empty() {
                    s.push_str(match p.join {
                        Join::Pairs(sep) | Join::Values(sep) => sep,
                    });
                }
                s.push_str(name);
                s.push('=');
                s.push_str(k);
            }
            SecretAt::Raw => s.push_str(k),
            SecretAt::Nowhere | SecretAt::InList => {}
        }
    }
    Ok(s)
}

/// Joins entries by the profile's join rule.
pub fn join(j: Join, list: &[(&str, &str)]) -> String {
    let mut s = String::with_capacity(list.iter().map(|(n, v)| n.len() + v.len() + 2).sum());
    for (i, (n, v)) in list.iter().enumerate() {
        match j {
            Join::Pairs(sep) => {
                if i > 0 {
                    s.push_str(sep);
                }
                s.push_str(n);
                s.push('=');
                s.push_str(v);
            }
            Join::Values(sep) => {
                if i > 0 {
                    s.push_str(sep);
                }
                s.push_str(v);
            }
        }
    }
    s
}

/// Byte span of `<element>…</element>` or `<element/>` in a document.
pub fn element_span(doc: &str, element: &str) -> Option<(usize, usize)> {
    let open = format!("<{element}>");
    let empty = format!("<{element}/>");
    if let Some(start) = doc.find(&open) {
        let close = format!("</{element}>");
        let rel = doc[start..].find(&close)?;
        return Some((start, start + rel + close.len()));
    }
    let start = doc.find(&empty)?;
    Some((start, start + empty.len()))
}

/// The text inside the element, if any.
pub fn element_content<'a>(doc: &'a str, element: &str) -> Option<&'a str> {
    let (start, end) = element_span(doc, element)?;
    let inner = &doc[start..end];
    let open = element.len() + 2;
    if inner.ends_with("/>") {
        Some("")
    } else {
        Some(&inner[open..inner.len() - open - 1])
    }
}

fn number(params: &Params, field: &str) -> Result<u64> {
    let v = params
        .get(field)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| Error::missing_field(field))?;
    if !v.bytes().all(|b| b.is_ascii_digit()) || v.len() > 20 {
        return Err(Error::invalid_field(field, "not a decimal number"));
    }
    v.parse::<u64>()
        .map_err(|_| Error::invalid_field(field, "number too large"))
}

fn binary(parts: &[Part], params: &Params, secret: Option<&[u8]>) -> Result<Message> {
    let mut b = Vec::with_capacity(64);
    for part in parts {
        match *part {
            Part::Ascii(f) => {
                let v = params
                    .get(f)
                    .filter(|v| !v.is_empty())
                    .ok_or_else(|| Error::missing_field(f))?;
                if !v.is_ascii() {
                    return Err(Error::invalid_field(f, "must be ASCII"));
                }
                b.extend_from_slice(v.as_bytes());
            }
            Part::Zeros(n) => b.extend(std::iter::repeat_n(0u8, n)),
            Part::Secret => b.extend_from_slice(secret.unwrap_or_default()),
            Part::Decimal10(f) => {
                let n = number(params, f)?;
                if n > u32::MAX as u64 {
                    return Err(Error::invalid_field(f, "over the u32 range"));
                }
                b.extend_from_slice(format!("{n:010}").as_bytes());
            }
            Part::UintBe {
                field,
                width,
                width_field,
            } => {
                let w = match width_field.and_then(|wf| params.get(wf).map(|_| wf)) {
                    Some(wf) => match number(params, wf)? {
                        w @ (1 | 2 | 4) => w as usize,
                        _ => return Err(Error::invalid_field(wf, "must be 1, 2 or 4")),
                    },
                    None => width,
                };
                let n = number(params, field)?;
                if w < 8 && n >> (8 * w) != 0 {
                    return Err(Error::invalid_field(field, format!("does not fit in {w} byte(s)")));
                }
                b.extend_from_slice(&n.to_be_bytes()[8 - w..]);
            }
            Part::Hex(f) => {
                let v = params
                    .get(f)
                    .filter(|v| !v.is_empty())
                    .ok_or_else(|| Error::missing_field(f))?;
                b.extend_from_slice(&digest::unhex(v, f)?);
            }
        }
    }
    let text = digest::hex(&b, crate::profile::Case::Lower);
    Ok(Message {
        text: Zeroizing::new(text),
        bytes: Zeroizing::new(b),
    })
}
