//! The ordered name/value list that every profile signs, and its three wire formats.
//!
//! `Params` keeps fields in the order they were added or received. Parsing takes the raw
//! body bytes and the declared charset and decodes them exactly once (specs/README.md,
//! "Library-wide rules" 1 and 3): `%2B` is a plus sign, `+` is a space, and nothing is
//! decoded a second time.
//!
//! Formats:
//! - `form`: a query string or an `application/x-www-form-urlencoded` body;
//! - `xml`: one root element whose *leaf* elements are the fields, at any depth (WeChat's
//!   flat `<xml>`, Dinpay's `<dinpay><response><trade>…`);
//! - `json`: one flat object.
//!
//! Every parser is iterative with explicit bounds (body size, nesting depth) and never
//! panics on any input.

use std::borrow::Cow;
use std::collections::HashMap;

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::charset::{printable, Charset};
use crate::error::{Error, Result};

/// The largest body [`Params::parse`] accepts: 1 MiB.
pub const MAX_BODY: usize = 1 << 20;

/// The deepest element or array/object nesting accepted in XML and JSON bodies (the root
/// element or top-level object is depth 1).
const MAX_DEPTH: usize = 32;

mod store;
pub use store::{same_name, Params};

/// A wire format for [`Params::parse`] and [`Params::encode`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A query string or `application/x-www-form-urlencoded` body.
    Form,
    /// One root element; its leaf elements are the fields.
    Xml,
    /// One flat JSON object.
    Json,
}

impl Format {
    /// `"form"`, `"xml"` or `"json"`, ignoring ASCII case and surrounding whitespace.
    pub fn from_name(name: &str) -> Result<Format> {
        let n = name.trim();
        if n.eq_ignore_ascii_case("form") {
            Ok(Format::Form)
        } else if n.eq_ignore_ascii_case("xml") {
            Ok(Format::Xml)
        } else if n.eq_ignore_ascii_case("json") {
            Ok(Format::Json)
        } else {
            Err(Error::invalid_argument(format!(
                "unknown format '{}' (use form, xml or json)",
                printable(name)
            )))
        }
    }

    /// `"form"`, `"xml"` or `"json"`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Form => "form",
            Format::Xml => "xml",
            Format::Json => "json",
        }
    }
}

/// What [`Params::parse`] does with a name that arrives more than once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duplicates {
    /// `PAYSIGN_DUPLICATE_FIELD`, naming the first repeated name.
    Reject,
    /// Keep only the last occurrence: its value, at its position. For gateways that append
    /// their own fields after a merchant's query (99bill's `bgUrl`).
    LastWins,
}

impl Params {
    /// A list built from pairs in order, with [`Params::set`] semantics: a repeated name
    /// replaces the earlier value in place.
    pub fn from_pairs<I, K, V>(pairs: I) -> Params
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut p = Params::new();
        for (k, v) in pairs {
            p.set(k.as_ref(), v.as_ref());
        }
        p
    }

    /// Parses a received body.
    ///
    /// `data` is the raw body as received; `charset` is the charset the gateway declared
    /// and is applied to the bytes exactly once (for XML, the declaration's `encoding` is
    /// ignored: the caller's charset wins). Errors:
    /// - `PAYSIGN_MALFORMED_INPUT`: body over [`MAX_BODY`], bad percent-encoding, bad XML
    ///   or JSON, DOCTYPE, nesting deeper than 32, an empty name, a NUL in a name or value;
    /// - `PAYSIGN_CHARSET_ERROR`: bytes invalid in `charset`;
    /// - `PAYSIGN_DUPLICATE_FIELD`: a repeated name under [`Duplicates::Reject`].
    ///
    /// Byte offsets in XML and JSON messages count bytes of the body after decoding to
    /// UTF-8 (the same as body offsets when the body is UTF-8); form offsets count bytes
    /// of the raw body. Charset offsets in form values count bytes of the percent-decoded
    /// value.
    ///
    /// XML leaf text is kept exactly: no trimming and no XML line-end normalisation
    /// (`\r\n` stays `\r\n`), so the value is what the gateway put in the body.
    pub fn parse(data: &[u8], format: Format, charset: Charset, dups: Duplicates) -> Result<Params> {
        if data.len() > MAX_BODY {
            return Err(Error::malformed(format!(
                "body is {} bytes, over the {MAX_BODY}-byte limit",
                data.len()
            )));
        }
        let pairs = match format {
            Format::Form => parse_form(data, charset)?,
            Format::Xml => parse_xml(data, charset)?,
            Format::Json => parse_json(data, charset)?,
        };
        for (name, value) in &pairs {
            if name.is_empty() {
                return Err(Error::malformed("empty field name"));
            }
            if name.contains('\0') || value.contains('\0') {
                return Err(Error::malformed(format!(
                    "field '{}' contains a NUL byte",
                    printable(name)
                )));
            }
        }
        Ok(Params::from_unique(apply_duplicates(pairs, dups)?))
    }

    /// Encodes the fields in order.
    ///
    /// - `form`: `name=value&…`; names and values percent-encoded over their bytes in
    ///   `charset`, leaving `A-Z a-z 0-9 - _ . ~ *` as they are and writing every other byte
    ///   as `%XX` (uppercase hex; space is `%20`, `+` is `%2B`). The output is ASCII.
    /// - `xml`: `<xml><name><![CDATA[value]]></name>…</xml>` (WeChat style, no declaration);
    ///   `]]>` inside a value is split across two CDATA sections. A name that is not an XML
    ///   name, or a value with a character XML 1.0 cannot carry (control characters other
    ///   than tab, CR, LF; U+FFFE/U+FFFF), is `PAYSIGN_INVALID_ARGUMENT`.
    /// - `json`: a flat object of strings in order (serde_json escaping, non-ASCII kept as
    ///   UTF-8). A repeated name is `PAYSIGN_INVALID_ARGUMENT`: a JSON object cannot carry it
    ///   unambiguously.
    ///
    /// The result is a Rust `String`, so for `xml` and `json` the text is the same for
    /// every charset: the caller converts it to the charset's bytes when sending. The
    /// charset is still checked, so a character it cannot encode is reported here,
    /// as `PAYSIGN_CHARSET_ERROR` naming the field, in every format.
    /// An empty name is `PAYSIGN_INVALID_ARGUMENT` in every format.
    pub fn encode(&self, format: Format, charset: Charset) -> Result<String> {
        if self.iter().any(|(n, _)| n.is_empty()) {
            return Err(Error::invalid_argument("empty field name"));
        }
        match format {
            Format::Form => self.encode_form(charset),
            Format::Xml => self.encode_xml(charset),
            Format::Json => self.encode_json(charset),
        }
    }

    fn encode_form(&self, charset: Charset) -> Result<String> {
        let mut out = String::with_capacity(self.iter().map(|(n, v)| n.len() + v.len() + 2).sum());
        for (i, (name, value)) in self.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            percent_encode(&field_bytes(charset, name, name, true)?, &mut out);
            out.push('=');
            percent_encode(&field_bytes(charset, value, name, false)?, &mut out);
        }
        Ok(out)
    }

    fn encode_xml(&self, charset: Charset) -> Result<String> {
        let mut out = String::with_capacity(11 + self.iter().map(|(n, v)| 2 * n.len() + v.len() + 17).sum::<usize>());
        out.push_str("<xml>");
        for (name, value) in self.iter() {
            if !is_xml_name(name) {
                return Err(Error::invalid_argument(format!(
                    "field name '{}' is not a valid XML element name",
                    printable(name)
                )));
            }
            if let Some(c) = value.chars().find(|&c| !is_xml_char(c)) {
                return Err(Error::invalid_argument(format!(
                    "field '{}' contains U+{:04X}, which XML cannot carry",
                    printable(name),
                    c as u32
                )));
            }
            field_bytes(charset, name, name, true)?;
            field_bytes(charset, value, name, false)?;
            out.push('<');
            out.push_str(name);
            out.push_str("><![CDATA[");
            // "]]>" would end the section: close it after "]]" and reopen before ">".
            let mut rest = value;
            while let Some(p) = rest.find("]]>") {
                out.push_str(&rest[..p + 2]);
                out.push_str("]]><![CDATA[");
                rest = &rest[p + 2..];
            }
            out.push_str(rest);
            out.push_str("]]></");
            out.push_str(name);
            out.push('>');
        }
        out.push_str("</xml>");
        Ok(out)
    }

    fn encode_json(&self, charset: Charset) -> Result<String> {
        if let Some(d) = self.first_duplicate() {
            return Err(Error::invalid_argument(format!(
                "field '{}' appears more than once; a JSON object cannot carry it",
                printable(d)
            )));
        }
        let mut out = String::with_capacity(2 + self.iter().map(|(n, v)| n.len() + v.len() + 6).sum::<usize>());
        out.push('{');
        for (i, (name, value)) in self.iter().enumerate() {
            field_bytes(charset, name, name, true)?;
            field_bytes(charset, value, name, false)?;
            if i > 0 {
                out.push(',');
            }
            out.push_str(&json_string(name)?);
            out.push(':');
            out.push_str(&json_string(value)?);
        }
        out.push('}');
        Ok(out)
    }
}

// ---------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------

/// Applies the duplicate policy to freshly parsed pairs.
fn apply_duplicates(pairs: Vec<(String, String)>, dups: Duplicates) -> Result<Vec<(String, String)>> {
    if pairs.len() < 2 {
        return Ok(pairs);
    }
    let keep: Vec<bool> = {
        let mut last: HashMap<&str, usize> = HashMap::with_capacity(pairs.len());
        let mut repeated = false;
        for (i, (name, _)) in pairs.iter().enumerate() {
            if last.insert(name.as_str(), i).is_some() {
                if dups == Duplicates::Reject {
                    return Err(Error::duplicate_field(&printable(name)));
                }
                repeated = true;
            }
        }
        if !repeated {
            return Ok(pairs);
        }
        pairs
            .iter()
            .enumerate()
            .map(|(i, (name, _))| last.get(name.as_str()) == Some(&i))
            .collect()
    };
    Ok(pairs
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| p)
        .collect())
}

/// The bytes of a field name or value in `charset`, with the error naming the field.
/// ASCII text and UTF-8 never allocate.
fn field_bytes<'a>(charset: Charset, text: &'a str, name: &str, is_name: bool) -> Result<Cow<'a, [u8]>> {
    if charset == Charset::Utf8 || text.is_ascii() {
        return Ok(Cow::Borrowed(text.as_bytes()));
    }
    let what = if is_name {
        format!("field name '{}'", printable(name))
    } else {
        format!("field '{}'", printable(name))
    };
    charset.encode(text, &what)
}

// ---------------------------------------------------------------------------------------
// Form
// ---------------------------------------------------------------------------------------

fn parse_form(data: &[u8], charset: Charset) -> Result<Vec<(String, String)>> {
    let mut start = 0;
    if data.first() == Some(&b'?') {
        start = 1;
    }
    let mut end = data.len();
    while end > start && matches!(data[end - 1], b' ' | b'\t' | b'\r' | b'\n') {
        end -= 1;
    }
    let mut out = Vec::new();
    let mut seg_start = start;
    while seg_start < end {
        let seg_end = data[seg_start..end]
            .iter()
            .position(|&b| b == b'&')
            .map_or(end, |p| seg_start + p);
        if seg_end > seg_start {
            let seg = &data[seg_start..seg_end];
            let (name_raw, value_raw, value_at) = match seg.iter().position(|&b| b == b'=') {
                Some(p) => (&seg[..p], &seg[p + 1..], seg_start + p + 1),
                None => (seg, &seg[seg.len()..], seg_end),
            };
            if name_raw.is_empty() {
                return Err(Error::malformed(format!("empty field name at byte offset {seg_start}")));
            }
            let name = field_text(charset, percent_decode(name_raw, seg_start)?, || {
                format!("field name at byte offset {seg_start}")
            })?;
            let value = field_text(charset, percent_decode(value_raw, value_at)?, || {
                format!("field '{}'", printable(&name))
            })?;
            out.push((name, value));
        }
        seg_start = seg_end + 1;
    }
    Ok(out)
}

/// Decodes percent-decoded bytes with the charset. UTF-8 and ASCII take the direct path
/// (no second copy, no error text built); `what` is only built for the error message.
fn field_text(charset: Charset, bytes: Cow<'_, [u8]>, what: impl FnOnce() -> String) -> Result<String> {
    let bytes = if charset == Charset::Utf8 || bytes.is_ascii() {
        match bytes {
            Cow::Borrowed(b) => match std::str::from_utf8(b) {
                Ok(s) => return Ok(s.to_owned()),
                Err(_) => Cow::Borrowed(b),
            },
            Cow::Owned(v) => match String::from_utf8(v) {
                Ok(s) => return Ok(s),
                Err(e) => Cow::Owned(e.into_bytes()),
            },
        }
    } else {
        bytes
    };
    Ok(charset.decode(&bytes, &what())?.into_owned())
}

/// Decodes `+` and `%XX` once. `at` is the offset of `raw` in the body, for errors.
pub(crate) fn percent_decode(raw: &[u8], at: usize) -> Result<Cow<'_, [u8]>> {
    if !raw.iter().any(|&b| b == b'%' || b == b'+') {
        return Ok(Cow::Borrowed(raw));
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let hi = raw.get(i + 1).and_then(|&b| hex_value(b));
                let lo = raw.get(i + 2).and_then(|&b| hex_value(b));
                match (hi, lo) {
                    (Some(h), Some(l)) => out.push(h << 4 | l),
                    _ => {
                        return Err(Error::malformed(format!(
                            "bad percent-encoding at byte offset {}",
                            at + i
                        )))
                    }
                }
                i += 3;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    Ok(Cow::Owned(out))
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'A'..=b'F' => Some(b - b'A' + 10),
        b'a'..=b'f' => Some(b - b'a' + 10),
        _ => None,
    }
}

fn percent_encode(bytes: &[u8], out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in bytes {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'*') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
}

// ---------------------------------------------------------------------------------------
// XML
// ---------------------------------------------------------------------------------------

/// One open element while parsing XML.
struct Frame {
    name: String,
    text: String,
    has_child: bool,
}

fn is_xml_space(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

fn parse_xml(data: &[u8], charset: Charset) -> Result<Vec<(String, String)>> {
    let decoded = charset.decode(data, "body")?;
    // A leading BOM is not part of the document. Offsets below count from the decoded
    // text including the BOM.
    let (text, skipped) = match decoded.strip_prefix('\u{FEFF}') {
        Some(rest) => (rest, '\u{FEFF}'.len_utf8() as u64),
        None => (&*decoded, 0),
    };

    let mut reader = Reader::from_str(text);
    {
        let config = reader.config_mut();
        config.trim_text(false);
        config.expand_empty_elements = false;
        config.allow_dangling_amp = false;
        config.allow_unmatched_ends = false;
        config.enable_all_checks(true);
    }

    let mut stack: Vec<Frame> = Vec::new();
    let mut seen_root = false;
    let mut out: Vec<(String, String)> = Vec::new();

    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                return Err(Error::malformed(format!(
                    "bad XML at byte offset {}: {e}",
                    reader.error_position() + skipped
                )))
            }
        };
        let here = reader.buffer_position() + skipped;
        match event {
            Event::Start(_) | Event::Empty(_) if stack.is_empty() && seen_root => {
                return Err(bad_xml(here, "more than one root element"));
            }
            Event::Start(e) => {
                let name = element_name(&e, here)?;
                open_child(&mut stack, here)?;
                seen_root = true;
                stack.push(Frame {
                    name,
                    text: String::new(),
                    has_child: false,
                });
            }
            Event::Empty(e) => {
                let name = element_name(&e, here)?;
                open_child(&mut stack, here)?;
                if !stack.is_empty() {
                    out.push((name, String::new()));
                }
                // An empty root (`<xml/>`) has no fields.
                seen_root = true;
            }
            Event::End(_) => {
                let Some(frame) = stack.pop() else {
                    return Err(bad_xml(here, "closing tag without an opening tag"));
                };
                if stack.is_empty() {
                    // The root is never a field; text directly inside it is an error.
                    if !is_xml_space(&frame.text) {
                        return Err(bad_xml(
                            here,
                            &format!("text directly inside the root element '{}'", frame.name),
                        ));
                    }
                } else if !frame.has_child {
                    out.push((frame.name, frame.text));
                } else if !is_xml_space(&frame.text) {
                    return Err(mixed_content(&frame.name, here));
                }
            }
            Event::Text(t) => {
                // Kept exactly as in the body: no trimming and no line-end normalisation.
                let raw = t.into_inner();
                add_text(&mut stack, &raw, here)?;
            }
            Event::CData(c) => {
                let raw = c.into_inner();
                add_text(&mut stack, &raw, here)?;
            }
            Event::GeneralRef(r) => {
                let ch = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => match &*r {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => return Err(bad_xml(here, &format!("unknown entity '&{};'", printable(other)))),
                    },
                    Err(e) => return Err(bad_xml(here, &e.to_string())),
                };
                let mut buf = [0u8; 4];
                add_text(&mut stack, ch.encode_utf8(&mut buf), here)?;
            }
            Event::DocType(_) => return Err(Error::malformed("DOCTYPE not allowed")),
            Event::Comment(_) | Event::PI(_) | Event::Decl(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(frame) = stack.last() {
        return Err(bad_xml(
            reader.buffer_position() + skipped,
            &format!("element '{}' is not closed", frame.name),
        ));
    }
    if !seen_root {
        return Err(Error::malformed("bad XML at byte offset 0: no root element"));
    }
    Ok(out)
}

fn bad_xml(at: u64, what: &str) -> Error {
    Error::malformed(format!("bad XML at byte offset {at}: {what}"))
}

fn mixed_content(name: &str, at: u64) -> Error {
    bad_xml(at, &format!("element '{name}' mixes text and child elements"))
}

/// The element's name, after checking its attributes are well formed (they are ignored).
fn element_name(e: &quick_xml::events::BytesStart<'_>, at: u64) -> Result<String> {
    for attr in e.attributes() {
        if let Err(err) = attr {
            return Err(bad_xml(at, &err.to_string()));
        }
    }
    let qname = e.name();
    let name: &str = qname.as_ref();
    Ok(name.to_owned())
}

/// Checks that a child element may open here (depth, mixed content) and marks the parent.
fn open_child(stack: &mut [Frame], at: u64) -> Result<()> {
    if stack.len() >= MAX_DEPTH {
        return Err(bad_xml(at, &format!("elements nested deeper than {MAX_DEPTH} levels")));
    }
    if let Some(parent) = stack.last_mut() {
        if !is_xml_space(&parent.text) {
            return Err(mixed_content(&parent.name, at));
        }
        parent.has_child = true;
    }
    Ok(())
}

/// Adds character data (text, CDATA or a resolved reference) to the open element.
/// Whitespace-only data outside the root or in an element with children is ignored;
/// anything else there is an error. Inside a leaf, everything is kept.
fn add_text(stack: &mut [Frame], text: &str, at: u64) -> Result<()> {
    let blank = is_xml_space(text);
    match stack.last_mut() {
        None if blank => Ok(()),
        None => Err(bad_xml(at, "text outside the root element")),
        Some(frame) if frame.has_child => {
            if blank {
                Ok(())
            } else {
                Err(mixed_content(&frame.name, at))
            }
        }
        Some(frame) => {
            frame.text.push_str(text);
            Ok(())
        }
    }
}

/// XML 1.0 `Name`: the start and name characters of the fifth edition.
fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    is_name_start(first) && chars.all(|c| is_name_start(c) || is_name_rest(c))
}

fn is_name_start(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

fn is_name_rest(c: char) -> bool {
    matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// XML 1.0 `Char`.
fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

// ---------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------

fn parse_json(data: &[u8], charset: Charset) -> Result<Vec<(String, String)>> {
    let decoded = charset.decode(data, "body")?;
    let (text, skipped) = match decoded.strip_prefix('\u{FEFF}') {
        Some(rest) => (rest, '\u{FEFF}'.len_utf8()),
        None => (&*decoded, 0),
    };
    Json {
        s: text,
        b: text.as_bytes(),
        skipped,
    }
    .object()
}

/// A small iterative JSON scanner over the decoded body. It validates the whole grammar
/// itself (so nesting depth is bounded before anything recursive runs), keeps scalar text
/// verbatim, and hands only nested containers (already validated, depth at most 32) to
/// serde_json for their compact text.
struct Json<'a> {
    s: &'a str,
    b: &'a [u8],
    /// Bytes dropped before `s` (a BOM), added to reported offsets.
    skipped: usize,
}

impl Json<'_> {
    fn err(&self, at: usize, what: &str) -> Error {
        Error::malformed(format!("bad JSON at byte offset {}: {what}", at + self.skipped))
    }

    fn ws(&self, mut i: usize) -> usize {
        while matches!(self.b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            i += 1;
        }
        i
    }

    /// The top-level object as ordered pairs.
    fn object(&self) -> Result<Vec<(String, String)>> {
        let mut i = self.ws(0);
        if self.b.get(i) != Some(&b'{') {
            return Err(Error::malformed("JSON body is not an object"));
        }
        i = self.ws(i + 1);
        let mut out = Vec::new();
        if self.b.get(i) == Some(&b'}') {
            i += 1;
        } else {
            loop {
                if self.b.get(i) != Some(&b'"') {
                    return Err(self.err(i, "expected a string key"));
                }
                let key_end = self.string_end(i)?;
                let key = self.string_value(i, key_end)?;
                i = self.ws(key_end);
                if self.b.get(i) != Some(&b':') {
                    return Err(self.err(i, "expected ':'"));
                }
                let start = self.ws(i + 1);
                let end = self.value_end(start, 1)?;
                let value = match self.b[start] {
                    b'"' => self.string_value(start, end)?,
                    b'n' => String::new(),
                    b'[' | b'{' => {
                        let v: serde_json::Value =
                            serde_json::from_str(&self.s[start..end]).map_err(|e| self.err(start, &e.to_string()))?;
                        serde_json::to_string(&v).map_err(|e| self.err(start, &e.to_string()))?
                    }
                    // Numbers, true and false: their JSON text exactly as received, so that
                    // `10.00` stays `10.00` (a signature covers the text, not the number).
                    _ => self.s[start..end].to_owned(),
                };
                out.push((key, value));
                i = self.ws(end);
                match self.b.get(i) {
                    Some(b',') => i = self.ws(i + 1),
                    Some(b'}') => {
                        i += 1;
                        break;
                    }
                    _ => return Err(self.err(i, "expected ',' or '}'")),
                }
            }
        }
        let i = self.ws(i);
        if i != self.b.len() {
            return Err(self.err(i, "data after the JSON object"));
        }
        Ok(out)
    }

    /// The end (exclusive) of the string token starting at the quote at `i`, validating
    /// escapes and rejecting raw control characters.
    fn string_end(&self, i: usize) -> Result<usize> {
        let mut j = i + 1;
        loop {
            match self.b.get(j) {
                None => return Err(self.err(i, "unterminated string")),
                Some(b'"') => return Ok(j + 1),
                Some(b'\\') => match self.b.get(j + 1) {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => j += 2,
                    Some(b'u') => {
                        let hex = self.b.get(j + 2..j + 6);
                        if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                            return Err(self.err(j, "bad \\u escape"));
                        }
                        j += 6;
                    }
                    _ => return Err(self.err(j, "bad escape")),
                },
                Some(&c) if c < 0x20 => return Err(self.err(j, "control character in string")),
                Some(_) => j += 1,
            }
        }
    }

    /// The unescaped text of the string token `i..end` (already validated by
    /// [`Json::string_end`]). A `\u` surrogate must be a high/low pair.
    fn string_value(&self, i: usize, end: usize) -> Result<String> {
        let inner = &self.s[i + 1..end - 1];
        let mut out = String::with_capacity(inner.len());
        let mut rest = inner;
        while let Some(p) = rest.find('\\') {
            out.push_str(&rest[..p]);
            let at = i + 1 + (inner.len() - rest.len()) + p;
            let esc = &rest[p + 1..];
            let (c, used) = match esc.as_bytes().first() {
                Some(b'"') => ('"', 1),
                Some(b'\\') => ('\\', 1),
                Some(b'/') => ('/', 1),
                Some(b'b') => ('\u{8}', 1),
                Some(b'f') => ('\u{c}', 1),
                Some(b'n') => ('\n', 1),
                Some(b'r') => ('\r', 1),
                Some(b't') => ('\t', 1),
                Some(b'u') => {
                    let unit = hex4(esc.get(1..5)).ok_or_else(|| self.err(at, "bad \\u escape"))?;
                    match unit {
                        0xD800..=0xDBFF => {
                            let low = if esc.get(5..7) == Some("\\u") {
                                hex4(esc.get(7..11))
                            } else {
                                None
                            };
                            match low {
                                Some(lo @ 0xDC00..=0xDFFF) => {
                                    let c = char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (lo - 0xDC00))
                                        .ok_or_else(|| self.err(at, "bad surrogate pair"))?;
                                    (c, 11)
                                }
                                _ => return Err(self.err(at, "lone surrogate in \\u escape")),
                            }
                        }
                        0xDC00..=0xDFFF => return Err(self.err(at, "lone surrogate in \\u escape")),
                        _ => (char::from_u32(unit).ok_or_else(|| self.err(at, "bad \\u escape"))?, 5),
                    }
                }
                _ => return Err(self.err(at, "bad escape")),
            };
            out.push(c);
            rest = esc.get(used..).unwrap_or("");
        }
        out.push_str(rest);
        Ok(out)
    }

    /// The end of the number token at `i`: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn number_end(&self, i: usize) -> Result<usize> {
        let digits = |mut j: usize| {
            while self.b.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            j
        };
        let mut j = i;
        if self.b.get(j) == Some(&b'-') {
            j += 1;
        }
        match self.b.get(j) {
            Some(b'0') => j += 1,
            Some(b'1'..=b'9') => j = digits(j),
            _ => return Err(self.err(i, "bad number")),
        }
        if self.b.get(j) == Some(&b'.') {
            let k = digits(j + 1);
            if k == j + 1 {
                return Err(self.err(i, "bad number"));
            }
            j = k;
        }
        if matches!(self.b.get(j), Some(b'e' | b'E')) {
            j += 1;
            if matches!(self.b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            let k = digits(j);
            if k == j {
                return Err(self.err(i, "bad number"));
            }
            j = k;
        }
        Ok(j)
    }

    /// The end of one scalar token (string, number, literal) at `i`.
    fn scalar_end(&self, i: usize) -> Result<usize> {
        match self.b.get(i) {
            Some(b'"') => self.string_end(i),
            Some(b'-' | b'0'..=b'9') => self.number_end(i),
            Some(b't') if self.b[i..].starts_with(b"true") => Ok(i + 4),
            Some(b'f') if self.b[i..].starts_with(b"false") => Ok(i + 5),
            Some(b'n') if self.b[i..].starts_with(b"null") => Ok(i + 4),
            None => Err(self.err(i, "unexpected end of input")),
            Some(_) => Err(self.err(i, "expected a value")),
        }
    }

    /// The end of the value starting at `i` (no leading whitespace), which sits at nesting
    /// depth `depth` + 1. Containers are walked with an explicit stack, never recursion.
    fn value_end(&self, mut i: usize, depth: usize) -> Result<usize> {
        let mut stack: Vec<u8> = Vec::new();
        'value: loop {
            // A value is expected at `i`.
            i = self.ws(i);
            match self.b.get(i) {
                Some(&open @ (b'[' | b'{')) => {
                    if depth + stack.len() + 1 > MAX_DEPTH {
                        return Err(self.err(i, &format!("nested deeper than {MAX_DEPTH} levels")));
                    }
                    stack.push(open);
                    i = self.ws(i + 1);
                    let close = if open == b'[' { b']' } else { b'}' };
                    if self.b.get(i) == Some(&close) {
                        stack.pop();
                        i += 1;
                    } else if open == b'{' {
                        i = self.member_key(i)?;
                        continue 'value;
                    } else {
                        continue 'value;
                    }
                }
                _ => i = self.scalar_end(i)?,
            }
            // After a complete value: close containers or move to the next element.
            loop {
                let Some(&top) = stack.last() else {
                    return Ok(i);
                };
                i = self.ws(i);
                match (top, self.b.get(i)) {
                    (_, Some(b',')) => {
                        i = self.ws(i + 1);
                        if top == b'{' {
                            i = self.member_key(i)?;
                        }
                        continue 'value;
                    }
                    (b'[', Some(b']')) | (b'{', Some(b'}')) => {
                        stack.pop();
                        i += 1;
                    }
                    _ => return Err(self.err(i, "expected ',' or a closing bracket")),
                }
            }
        }
    }

    /// Skips `"key" :` inside a nested object, returning the position after the colon.
    fn member_key(&self, i: usize) -> Result<usize> {
        if self.b.get(i) != Some(&b'"') {
            return Err(self.err(i, "expected a string key"));
        }
        let j = self.ws(self.string_end(i)?);
        if self.b.get(j) != Some(&b':') {
            return Err(self.err(j, "expected ':'"));
        }
        Ok(j + 1)
    }
}

/// The value of four hex digits, if that is what `s` is.
fn hex4(s: Option<&str>) -> Option<u32> {
    let s = s?;
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
        u32::from_str_radix(s, 16).ok()
    } else {
        None
    }
}

/// A JSON string literal for `s` (serde_json escaping).
fn json_string(s: &str) -> Result<String> {
    serde_json::to_string(s).map_err(|e| Error::invalid_argument(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Status;

    fn form(body: &[u8]) -> Result<Params> {
        Params::parse(body, Format::Form, Charset::Utf8, Duplicates::Reject)
    }

    #[test]
    fn formats() {
        assert_eq!(Format::from_name("FORM").unwrap(), Format::Form);
        assert_eq!(Format::from_name("Xml").unwrap(), Format::Xml);
        assert_eq!(Format::from_name("json").unwrap(), Format::Json);
        let e = Format::from_name("yaml").unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_INVALID_ARGUMENT);
        assert_eq!(e.message, "unknown format 'yaml' (use form, xml or json)");
        for f in [Format::Form, Format::Xml, Format::Json] {
            assert_eq!(Format::from_name(f.name()).unwrap(), f);
        }
    }

    #[test]
    fn set_push_get_remove() {
        let mut p = Params::from_pairs([("a", "1"), ("b", "2"), ("a", "3")]);
        assert_eq!(p.len(), 2);
        assert_eq!(p.get("a"), Some("3"));
        assert_eq!(p.name_at(0), Some("a"));
        p.push("b", "4");
        assert_eq!(p.first_duplicate(), Some("b"));
        assert_eq!(p.get("b"), Some("2"));
        assert_eq!(p.remove("b"), Some("2".to_owned()));
        assert_eq!(p.get("b"), None);
        assert_eq!(p.len(), 1);
        assert_eq!(p.remove("zz"), None);
        assert_eq!(p.value_at(5), None);
    }

    #[test]
    fn percent_decoding_once() {
        let p = form(b"?a=1%2B1&b=x+y&c=%252B").unwrap();
        assert_eq!(p.get("a"), Some("1+1"));
        assert_eq!(p.get("b"), Some("x y"));
        assert_eq!(p.get("c"), Some("%2B"));
    }

    #[test]
    fn bad_escapes_report_offsets() {
        for (body, off) in [(&b"a=%G1"[..], 2), (b"ab=1&c=%4", 7), (b"a=1&b=%", 6), (b"x%zz=1", 1)] {
            let e = form(body).unwrap_err();
            assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
            assert_eq!(e.message, format!("bad percent-encoding at byte offset {off}"));
        }
    }

    #[test]
    fn json_scanner_depth_is_bounded() {
        let deep = format!("{{\"a\":{}1{}}}", "[".repeat(10_000), "]".repeat(10_000));
        let e = Params::parse(deep.as_bytes(), Format::Json, Charset::Utf8, Duplicates::Reject).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
        assert!(e.message.contains("nested deeper than 32"), "{}", e.message);
    }

    #[test]
    fn xml_names() {
        assert!(is_xml_name("return_code"));
        assert!(is_xml_name("订单"));
        assert!(is_xml_name("a-1.b"));
        assert!(!is_xml_name("1a"));
        assert!(!is_xml_name("a b"));
        assert!(!is_xml_name(""));
        assert!(!is_xml_name("a<"));
    }
}
