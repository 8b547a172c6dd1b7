//! `Params::parse` over form, XML and JSON bodies in every charset, under both duplicate rules.
//!
//! Input: one selector byte, then the body. Selector bits 0-1: format (form, xml, json, form);
//! bits 2-3: charset (utf-8, gbk, gb18030, gb2312); bit 4: `Duplicates::LastWins`.
//!
//! Besides "never panics", every parsed list is checked: no repeated, empty or NUL-bearing
//! name, no NUL in a value; and whatever `encode` produces in any format parses back to the
//! same list (form in the same charset; XML and JSON text as UTF-8).
#![no_main]

use libfuzzer_sys::fuzz_target;
use paysign::params::Duplicates;
use paysign::{Charset, Format, Params};

const FORMATS: [Format; 4] = [Format::Form, Format::Xml, Format::Json, Format::Form];
const CHARSETS: [Charset; 4] = [Charset::Utf8, Charset::Gbk, Charset::Gb18030, Charset::Gb2312];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let format = FORMATS[usize::from(sel & 3)];
    let charset = CHARSETS[usize::from((sel >> 2) & 3)];
    let dups = if sel & 16 != 0 {
        Duplicates::LastWins
    } else {
        Duplicates::Reject
    };
    let Ok(params) = Params::parse(body, format, charset, dups) else {
        return;
    };
    assert_eq!(params.first_duplicate(), None, "parse returned a repeated name");
    for (name, value) in params.iter() {
        assert!(!name.is_empty(), "parse returned an empty name");
        assert!(!name.contains('\0') && !value.contains('\0'), "parse returned a NUL");
    }
    for out in [Format::Form, Format::Xml, Format::Json] {
        let Ok(text) = params.encode(out, charset) else {
            continue;
        };
        let back_charset = if out == Format::Form { charset } else { Charset::Utf8 };
        match Params::parse(text.as_bytes(), out, back_charset, Duplicates::Reject) {
            Ok(back) => assert_eq!(back, params, "{} round trip in {}", out.name(), charset.name()),
            Err(e) => panic!("{} encoding does not parse back in {}: {e}", out.name(), charset.name()),
        }
    }
});
