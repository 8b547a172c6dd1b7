//! Building the sign string from a profile: order, exclusions, empties, trim, joins, secret.

mod feed;

use crate::charset::Charset;
use crate::digest;
use crate::error::{Error, Result};
use crate::params::{same_name, Params};
use crate::profile::{DocSigned, Empty, Join, Layout, Packed, Part, Profile, SecretAt, Slot};
use zeroize::Zeroizing;

/// The exact message: `text` as shown (hex for binary layouts) and the bytes that are digested.
pub struct Message {
    pub text: Zeroizing<String>,
    /// The digested bytes when they are not `text`'s own UTF-8 (another charset, a binary layout).
    encoded: Option<Zeroizing<Vec<u8>>>,
}

impl Message {
    /// A message in `charset`: the text's own bytes when the charset writes them unchanged.
    pub fn in_charset(text: String, charset: Charset, what: &str) -> Result<Message> {
        let encoded = match charset.encode(&text, what)? {
            std::borrow::Cow::Borrowed(_) => None,
            std::borrow::Cow::Owned(b) => Some(Zeroizing::new(b)),
        };
        Ok(Message {
            text: Zeroizing::new(text),
            encoded,
        })
    }

    /// The bytes that are digested or signed.
    pub fn bytes(&self) -> &[u8] {
        self.encoded.as_deref().map_or(self.text.as_bytes(), Vec::as_slice)
    }
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
        Layout::Document { field, element, signed } => {
            let d = params
                .get(field)
                .filter(|d| !d.is_empty())
                .ok_or_else(|| Error::missing_field(field))?;
            let (start, end) = element_span(d, element)
                .ok_or_else(|| Error::invalid_field(field, format!("the document has no <{element}> element")))?;
            if let DocSigned::Span { element: span, then } = signed {
                let text = span_text(p, params, d, field, span, then, secret_text(secret)?)?;
                return Message::in_charset(text, charset, field);
            }
            let text = match doc {
                DocForm::Emptied => format!("{}<{element}></{element}>{}", &d[..start], &d[end..]),
                DocForm::Removed => format!("{}{}", &d[..start], &d[end..]),
            };
            Message::in_charset(text, charset, field)
        }
        Layout::Fixed(_) | Layout::Sorted { .. } => match p.packed {
            Some(pk) => {
                let mut text = packed(p, pk, params, charset)?;
                push_secret(&mut text, p, secret_text(secret)?);
                Message::in_charset(text, charset, "sign string")
            }
            None => Message::in_charset(textual(p, params, secret_text(secret)?), charset, "sign string"),
        },
    }
}

/// `<span>…</span>` exactly as in the document, each `then` element's text, the secret. A
/// `then` value the document lacks comes from the field of that name (IPS 7.0's notification
/// has no MerCode: the merchant gives its own).
fn span_text(
    p: &Profile,
    params: &Params,
    doc: &str,
    field: &str,
    span: &str,
    then: &[&str],
    secret: Option<&str>,
) -> Result<String> {
    let (start, end) = element_span(doc, span)
        .ok_or_else(|| Error::invalid_field(field, format!("the document has no <{span}> element")))?;
    let mut text = doc[start..end].to_string();
    for t in then {
        let v = element_content(doc, t)
            .filter(|v| !v.is_empty())
            .or_else(|| params.get(t).filter(|v| !v.is_empty()))
            .ok_or_else(|| Error::missing_field(t))?;
        text.push_str(v);
    }
    push_secret(&mut text, p, secret);
    Ok(text)
}

/// The value of the profile's packed field: the joined entries' bytes in `charset`, as hex.
/// None when the profile packs nothing.
pub fn packed_value(p: &Profile, params: &Params, charset: Charset) -> Result<Option<String>> {
    p.packed.map(|pk| packed(p, pk, params, charset)).transpose()
}

fn packed(p: &Profile, pk: Packed, params: &Params, charset: Charset) -> Result<String> {
    // NPS's own PHP writes each byte with `dechex`, which drops the leading zero below 0x10:
    // such a byte would shift the gateway's decoding of everything after it.
    for (name, v) in entries(p, params, None) {
        if v.bytes().any(|b| b < 0x10) {
            return Err(Error::invalid_field(
                name,
                "holds a control character below U+0010, which the gateway's hex encoding writes as one digit",
            ));
        }
    }
    let text = textual(p, params, None);
    Ok(digest::hex(&charset.encode(&text, pk.field)?, pk.case))
}

/// The secret as the text that enters a sign string.
fn secret_text(secret: Option<&[u8]>) -> Result<Option<&str>> {
    secret
        .map(|s| {
            std::str::from_utf8(s).map_err(|_| Error::key("the secret is not UTF-8 text, which this profile needs"))
        })
        .transpose()
}

/// Feeds the message's bytes (as [`message`] builds them, `DocForm::Emptied`) to `out`. For the
/// textual layouts no string is built: the pieces go through a small block buffer in the
/// charset, which is what keeps an MD5 request within reach of a bare digest.
pub fn feed(
    p: &Profile,
    params: &Params,
    secret: Option<&[u8]>,
    charset: Charset,
    out: &mut dyn FnMut(&[u8]),
) -> Result<()> {
    match p.layout {
        Layout::Fixed(_) | Layout::Sorted { .. } if p.packed.is_none() => {
            let mut blocks = feed::Blocks::new(charset, out);
            write_text(p, params, secret_text(secret)?, &mut blocks);
            blocks.finish()
        }
        _ => {
            out(message(p, params, secret, charset, DocForm::Emptied)?.bytes());
            Ok(())
        }
    }
}

/// The entries (name, value) the layout selects, after the empty and trim rules.
pub fn entries<'a>(p: &Profile, params: &'a Params, secret: Option<&'a str>) -> Vec<(&'a str, &'a str)> {
    let mut out = Vec::new();
    each_entry(p, params, secret, |n, v| out.push((n, v)));
    out
}

/// Calls `emit` with each entry [`entries`] returns, in order, without collecting them.
fn each_entry<'a>(p: &Profile, params: &'a Params, secret: Option<&'a str>, mut emit: impl FnMut(&'a str, &'a str)) {
    let keep = |v: &str| !(p.empty == Empty::Skip && v.is_empty());
    match p.layout {
        Layout::Fixed(slots) => {
            // The fields came in slot order, as requests are usually built: emit them as they
            // are, rather than placing them and walking every slot. Where empties are kept, a
            // slot without a field still writes, so every slot must have come.
            let whole = |mask: &u64| p.empty == Empty::Skip || mask.count_ones() as usize == slots.len();
            let no_key = slots.iter().all(Slot::is_field);
            if let Some(mask) = no_key
                .then(|| slot_order_mask(slots, p.sig_field(), params))
                .flatten()
                .filter(whole)
            {
                for (pos, (name, v)) in params.iter().enumerate() {
                    let v = trimmed(p, v);
                    if mask & (1 << pos) != 0 && keep(v) {
                        emit(name, v);
                    }
                }
                return;
            }
            let mut stack = [ABSENT; 64];
            let mut heap = Vec::new();
            let at = if slots.len() <= stack.len() {
                &mut stack[..slots.len()]
            } else {
                heap.resize(slots.len(), ABSENT);
                &mut heap[..]
            };
            fixed_positions(slots, p.sig_field(), params, at);
            for (slot, &i) in slots.iter().zip(at.iter()) {
                match *slot {
                    Slot::F(_) if i == ABSENT && p.empty == Empty::Skip => {}
                    Slot::F(name) => {
                        let v = trimmed(p, params.value_at(i).unwrap_or(""));
                        if keep(v) {
                            emit(name, v);
                        }
                    }
                    Slot::Key(name) => {
                        if let Some(s) = secret {
                            emit(name, s);
                        }
                    }
                    Slot::Opt(name) => {
                        let v = trimmed(p, params.value_at(i).unwrap_or(""));
                        if !v.is_empty() {
                            emit(name, v);
                        }
                    }
                    Slot::Text(t) => emit(t, t),
                }
            }
        }
        Layout::Sorted { exclude } => {
            let sig = p.sig_field();
            // Each kept field as one integer: its name's first 8 bytes above its position.
            // Integers sort with no call or lookup per comparison, the position keeps equal
            // prefixes in their order, and names that share 8 bytes are then ordered in full.
            // A request's few fit a stack array; a plain loop fills it.
            let mut stack = [0u128; 32];
            let mut heap = Vec::new();
            let all = if params.len() <= stack.len() {
                &mut stack[..]
            } else {
                heap.resize(params.len(), 0);
                &mut heap[..]
            };
            let mut n = 0;
            for i in 0..params.len() {
                let (name, v) = params.pair_at(i);
                if !same_name(name, sig) && !exclude.iter().any(|e| same_name(e, name)) && keep(trimmed(p, v)) {
                    all[n] = u128::from(name_prefix(name)) << 64 | i as u128;
                    n += 1;
                }
            }
            let all = &mut all[..n];
            let at = |x: u128| x as u64 as usize;
            all.sort_unstable();
            if all.windows(2).any(|w| w[0] >> 64 == w[1] >> 64) {
                all.sort_by(|&a, &b| {
                    params
                        .pair_at(at(a))
                        .0
                        .as_bytes()
                        .cmp(params.pair_at(at(b)).0.as_bytes())
                });
            }
            for &x in all.iter() {
                let (name, v) = params.pair_at(at(x));
                emit(name, trimmed(p, v));
            }
        }
        Layout::Document { .. } | Layout::Binary(_) => {}
    }
}

/// A name's first 8 bytes as a big-endian number, zero-padded: different prefixes order as
/// their names do (a NUL pad sorts before any byte, as a shorter name does).
#[inline]
fn name_prefix(name: &str) -> u64 {
    // Loads and shifts: bytes copied into a buffer and read back as a word stall the load.
    let b = name.as_bytes();
    let n = b.len();
    let be32 = |at: usize| u64::from(u32::from_be_bytes(b[at..at + 4].try_into().expect("4 bytes")));
    match n {
        8.. => u64::from_be_bytes(b[..8].try_into().expect("8 bytes")),
        // Two overlapping 4-byte loads; the bytes they share are the same.
        4..=7 => be32(0) << 32 | be32(n - 4) << (64 - 8 * n),
        _ => b
            .iter()
            .enumerate()
            .fold(0, |w, (i, &c)| w | u64::from(c) << (56 - 8 * i)),
    }
}

/// A slot whose field is not in the params.
const ABSENT: usize = usize::MAX;

/// Walks the fields in order and calls `found(position, slot, in_order)` for each field that
/// has a slot, until it returns false. Each field looks for its slot from the slot after the
/// previous match (`in_order`), then before it: a request built in the gateway's order costs
/// about one comparison per field instead of a lookup through every field per slot. Fixed
/// layouts never repeat a name and never give the signature field `sig` a slot
/// (`tests::fixed_layouts_name_each_field_once_and_never_the_signature`), so `sig` is passed
/// over without a search through every slot.
fn match_slots(slots: &[Slot], sig: &str, params: &Params, mut found: impl FnMut(usize, usize, bool) -> bool) {
    let mut next = 0;
    for (pos, (name, _)) in params.iter().enumerate() {
        if same_name(name, sig) {
            continue;
        }
        let is_it = |i: &usize| matches!(slots[*i], Slot::F(f) | Slot::Opt(f) if same_name(f, name));
        let (i, in_order) = match (next..slots.len()).find(is_it) {
            Some(i) => (i, true),
            None => match (0..next).find(is_it) {
                Some(i) => (i, false),
                None => continue, // not a field of this layout
            },
        };
        if !found(pos, i, in_order) {
            return;
        }
        next = i + 1;
    }
}

/// When the fields that have slots came in slot order with no repeat and there are at most
/// 64 fields, the bit mask of their positions.
fn slot_order_mask(slots: &[Slot], sig: &str, params: &Params) -> Option<u64> {
    if params.len() > 64 {
        return None;
    }
    let (mut mask, mut in_order) = (0u64, true);
    match_slots(slots, sig, params, |pos, _, ok| {
        mask |= 1 << pos;
        in_order = ok;
        ok
    });
    in_order.then_some(mask)
}

/// Fills `at` with the position in `params` of each slot's field (its first occurrence), in
/// slot order; [`ABSENT`] for `Key` slots and absent fields.
fn fixed_positions(slots: &[Slot], sig: &str, params: &Params, at: &mut [usize]) {
    match_slots(slots, sig, params, |pos, i, _| {
        if at[i] == ABSENT {
            at[i] = pos;
        }
        true
    });
}

/// Where the pieces of a textual sign string go: a `String`, or [`feed::Blocks`] on the way
/// to a digest.
trait Sink {
    fn put(&mut self, piece: &str);
    /// One entry: the separator unless it is the first, `name=` for pair joins, the value.
    fn entry(&mut self, sep: Option<&str>, name: Option<&str>, value: &str)
    where
        Self: Sized,
    {
        entry_in_pieces(self, sep, name, value);
    }
    /// Whether anything was put yet.
    fn started(&self) -> bool;
}

impl Sink for String {
    fn put(&mut self, piece: &str) {
        self.push_str(piece);
    }
    fn started(&self) -> bool {
        !self.is_empty()
    }
}

/// An entry as separate pieces: the separator, `name=` when the join writes names, the value.
fn entry_in_pieces(s: &mut impl Sink, sep: Option<&str>, name: Option<&str>, value: &str) {
    if let Some(sep) = sep {
        s.put(sep);
    }
    if let Some(n) = name {
        s.put(n);
        s.put("=");
    }
    s.put(value);
}

fn textual(p: &Profile, params: &Params, secret: Option<&str>) -> String {
    let sep = separator(p.join).len();
    // Room for every field, its separators and the secret up front: growing the string
    // would copy it and leave the old buffer behind un-zeroized. A fixed layout may write a
    // slot's name without a field (profiles that keep empties), and a Key slot the secret.
    let k = secret.map_or(0, str::len);
    let names = match p.layout {
        Layout::Fixed(slots) => slots
            .iter()
            .map(|s| match s {
                Slot::F(n) | Slot::Opt(n) => n.len() + 1 + sep,
                Slot::Key(n) => n.len() + 1 + sep + k,
                Slot::Text(t) => 2 * t.len() + 1 + sep,
            })
            .sum(),
        _ => 0,
    };
    let room = params.text_len() + params.len() * (sep + 1) + names + secret_room(p, secret);
    let mut s = String::with_capacity(room);
    write_text(p, params, secret, &mut s);
    debug_assert!(s.len() <= room);
    s
}

/// Writes the sign string of a textual layout: the entries, then the secret.
fn write_text(p: &Profile, params: &Params, secret: Option<&str>, sink: &mut impl Sink) {
    let in_list = if p.secret == SecretAt::InList { secret } else { None };
    let mut first = true;
    each_entry(p, params, in_list, |n, v| {
        push_entry(sink, p.join, first, n, v);
        first = false;
    });
    push_secret(sink, p, secret);
}

fn separator(j: Join) -> &'static str {
    match j {
        Join::Pairs(sep) | Join::Values(sep) => sep,
    }
}

/// The bytes [`push_secret`] appends.
fn secret_room(p: &Profile, secret: Option<&str>) -> usize {
    match (secret, p.secret) {
        (Some(k), SecretAt::Pair(name)) => separator(p.join).len() + name.len() + 1 + k.len(),
        (Some(k), SecretAt::Raw) => k.len(),
        _ => 0,
    }
}

fn push_entry(s: &mut impl Sink, j: Join, first: bool, n: &str, v: &str) {
    let name = matches!(j, Join::Pairs(_)).then_some(n);
    s.entry((!first).then(|| separator(j)), name, v);
}

/// Appends the secret where the profile puts it after the entries.
fn push_secret(s: &mut impl Sink, p: &Profile, secret: Option<&str>) {
    if let Some(k) = secret {
        match p.secret {
            SecretAt::Pair(name) => {
                if s.started() {
                    s.put(separator(p.join));
                }
                s.put(name);
                s.put("=");
                s.put(k);
            }
            SecretAt::Raw => s.put(k),
            SecretAt::Nowhere | SecretAt::InList => {}
        }
    }
}

/// Joins entries and appends the secret where the profile puts it after them.
pub fn with_secret(p: &Profile, list: &[(&str, &str)], secret: Option<&str>) -> String {
    let mut s = join(p.join, list, secret_room(p, secret));
    push_secret(&mut s, p, secret);
    s
}

/// A value after the profile's trim rule: Java's `String.trim()`, as in WeChat's official
/// SDK, strips only chars <= U+0020, so a trailing ideographic space (U+3000) or NBSP stays
/// signed.
pub fn trimmed<'a>(p: &Profile, v: &'a str) -> &'a str {
    if !p.trim {
        return v;
    }
    // Every char <= U+0020 is one byte, and no byte of a longer char is below 0x80: trimming
    // bytes is trimming chars, without decoding them.
    let b = v.as_bytes();
    let start = b.iter().position(|&c| c > b' ').unwrap_or(b.len());
    let end = b.iter().rposition(|&c| c > b' ').map_or(start, |e| e + 1);
    &v[start..end]
}

/// Joins entries by the profile's join rule, with `extra` bytes of room after them.
pub fn join(j: Join, list: &[(&str, &str)], extra: usize) -> String {
    let mut s = String::with_capacity(extra + list.iter().map(|(n, v)| n.len() + v.len() + 2).sum::<usize>());
    for (i, (n, v)) in list.iter().enumerate() {
        push_entry(&mut s, j, i == 0, n, v);
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
        encoded: Some(Zeroizing::new(b)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gateways;

    #[test]
    fn fixed_layouts_name_each_field_once_and_never_the_signature() {
        for p in gateways::all() {
            if let Layout::Fixed(slots) = p.layout {
                for (i, s) in slots.iter().enumerate() {
                    if let Slot::F(name) = s {
                        let again = slots[i + 1..].iter().any(|t| matches!(t, Slot::F(n) if n == name));
                        assert!(!again, "{}: field '{name}' has two slots", p.id);
                        // match_slots passes over the signature field without a search.
                        assert_ne!(*name, p.sig_field(), "{}: the signature field has a slot", p.id);
                    }
                }
            }
        }
    }

    #[test]
    fn sorted_layouts_order_names_by_bytes_in_full() {
        let p = gateways::all()
            .find(|p| matches!(p.layout, Layout::Sorted { exclude: [] }) && p.empty == Empty::Skip)
            .expect("a sorted profile");
        // Names sharing their first 8 bytes, a prefix of another, a NUL, non-ASCII, and more
        // fields than the stack array holds.
        let mut names: Vec<String> = [
            "notify_url_2",
            "notify_url",
            "notify_url_10",
            "ab",
            "ab\0",
            "ab\0x",
            "a",
            "金额",
            "é",
            "Z",
            "_x",
            "abcdefgh",
            "abcdefghi",
            "abcdefg",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for many in [false, true] {
            if many {
                names.extend((0..40).map(|i| format!("f{:02}", 97 - i * 2)));
            }
            let mut params = Params::new();
            for n in &names {
                params.set(n, "v");
            }
            let got: Vec<&str> = entries(p, &params, None).into_iter().map(|(n, _)| n).collect();
            let mut want: Vec<&str> = names
                .iter()
                .map(String::as_str)
                .filter(|n| *n != p.sig_field())
                .collect();
            want.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
            assert_eq!(got, want);
        }
    }

    #[test]
    fn sorted_layouts_agree_with_a_plain_sort_on_random_names() {
        let p = gateways::all()
            .find(|p| matches!(p.layout, Layout::Sorted { exclude: [] }) && p.empty == Empty::Skip)
            .expect("a sorted profile");
        // Few letters, so that names often share 8-byte prefixes or are prefixes of each other.
        let letters = ["a", "b", "\0", "é", "金", "_", "aaaaaaa"];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..2000 {
            let mut params = Params::new();
            for _ in 0..next(45) {
                let name: String = (0..next(5)).map(|_| letters[next(letters.len())]).collect();
                params.set(&name, "v");
            }
            let got: Vec<&str> = entries(p, &params, None).into_iter().map(|(n, _)| n).collect();
            let mut want: Vec<&str> = params.iter().map(|(n, _)| n).filter(|n| *n != p.sig_field()).collect();
            want.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
            assert_eq!(got, want);
        }
    }

    #[test]
    fn fixed_layouts_keeping_empties_write_every_slot_in_or_out_of_order() {
        use Slot::F;
        let base = *gateways::all().next().expect("a profile");
        for empty in [Empty::Keep, Empty::Skip] {
            let p = Profile {
                layout: Layout::Fixed(&[F("a"), F("b"), F("c")]),
                empty,
                join: Join::Pairs("&"),
                trim: false,
                ..base
            };
            let text = |pairs: &[(&str, &str)]| {
                let params = Params::from_pairs(pairs.iter().copied());
                join(p.join, &entries(&p, &params, None), 0)
            };
            let absent_b = if empty == Empty::Keep { "a=1&b=&c=3" } else { "a=1&c=3" };
            // In slot order with a slot missing, out of order, complete in order, one empty.
            assert_eq!(text(&[("a", "1"), ("c", "3")]), absent_b);
            assert_eq!(text(&[("c", "3"), ("x", "9"), ("a", "1")]), absent_b);
            assert_eq!(text(&[("a", "1"), ("b", "2"), ("c", "3")]), "a=1&b=2&c=3");
            assert_eq!(text(&[("a", "1"), ("b", ""), ("c", "3")]), absent_b);
        }
    }

    #[test]
    fn name_prefix_is_the_first_8_bytes_zero_padded() {
        let text = "abcdefghijk\u{7f}\u{80}";
        for n in 0..=text.len() {
            let Some(name) = text.get(..n) else { continue };
            let mut padded = [0u8; 8];
            for (d, s) in padded.iter_mut().zip(name.as_bytes()) {
                *d = *s;
            }
            assert_eq!(name_prefix(name), u64::from_be_bytes(padded), "{name:?}");
        }
    }

    #[test]
    fn trimming_bytes_is_java_string_trim() {
        let p = gateways::all().find(|p| p.trim).expect("a trimming profile");
        let java_trim = |v: &str| v.trim_matches(|c: char| c <= ' ').to_owned();
        for v in [
            "",
            " ",
            "\0\t x \x1f",
            "x",
            " 金额 ",
            "\u{3000}a\u{3000}",
            "\u{a0} b\u{a0}",
            "\u{80}\u{1}",
            "\x7f a \x7f",
            "\u{20}\u{21}\u{20}",
            "\u{10ffff} \n",
        ] {
            assert_eq!(trimmed(p, v), java_trim(v), "{v:?}");
        }
        let keep = gateways::all().find(|p| !p.trim).expect("a profile that keeps spaces");
        assert_eq!(trimmed(keep, " a "), " a ");
    }

    #[test]
    fn fixed_positions_take_the_first_value_in_any_order() {
        use Slot::{Key, F};
        let slots = [F("a"), Key("key"), F("b"), F("c"), F("d")];
        let values = |pairs: &[(&str, &str)]| {
            let mut p = Params::new();
            for (n, v) in pairs {
                p.push(n, v);
            }
            let mut at = [ABSENT; 5];
            fixed_positions(&slots, "sign", &p, &mut at);
            at.map(|i| p.value_at(i).map(str::to_owned))
        };
        let s = |v: &str| Some(v.to_owned());
        assert_eq!(
            values(&[("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")]),
            [s("1"), None, s("2"), s("3"), s("4")]
        );
        assert_eq!(
            values(&[("d", "4"), ("x", "0"), ("c", "3"), ("a", "1")]),
            [s("1"), None, None, s("3"), s("4")]
        );
        // A repeated name keeps its first value, as Params::get does; a field named like a
        // Key slot is not a field of the layout.
        assert_eq!(
            values(&[("c", "3"), ("b", "2"), ("c", "9"), ("key", "k")]),
            [None, None, s("2"), s("3"), None]
        );
        assert_eq!(values(&[]), [None, None, None, None, None]);
        // The in-order mask: positions of fields that have slots, or None when out of order.
        let mask = |names: &[&str]| {
            let mut p = Params::new();
            for n in names {
                p.push(n, "v");
            }
            slot_order_mask(&slots, "sign", &p)
        };
        assert_eq!(mask(&["a", "x", "c", "d"]), Some(0b1101));
        assert_eq!(mask(&["a", "c", "b"]), None);
        assert_eq!(mask(&["a", "a"]), None);
        assert_eq!(mask(&["key", "b"]), Some(0b10));
    }
}
