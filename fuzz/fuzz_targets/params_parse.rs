//! `Params::parse` over form, XML and JSON bodies in every charset, under both duplicate rules.
//!
//! Input: one selector byte, then the body. Selector bits 0-1: format (form, xml, json, form);
//! bits 2-3: charset (utf-8, gbk, gb18030, gb2312); bit 4: `Duplicates::LastWins`; bit 5: the
//! body is instead the packed `name NUL value NUL ...` buffer of `paysign_params_set_all`,
//! set into an empty list and into one that has fields, and checked against a plain split.
//!
//! Besides "never panics", every parsed list is checked: no repeated, empty or NUL-bearing
//! name, no NUL in a value; and whatever `encode` produces in any format parses back to the
//! same list (form in the same charset; XML and JSON text as UTF-8).
#![no_main]

use libfuzzer_sys::fuzz_target;
use paysign::params::Duplicates;
use paysign::{Charset, Format, Params};
use std::collections::HashSet;

const FORMATS: [Format; 4] = [Format::Form, Format::Xml, Format::Json, Format::Form];
const CHARSETS: [Charset; 4] = [Charset::Utf8, Charset::Gbk, Charset::Gb18030, Charset::Gb2312];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    if sel & 32 != 0 {
        return packed(body);
    }
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
    let mut names = HashSet::new();
    assert!(params.iter().all(|(n, _)| names.insert(n)), "parse returned a repeated name");
    for (name, value) in params.iter() {
        assert!(!name.is_empty(), "parse returned an empty name");
        assert!(!name.contains('\0') && !value.contains('\0'), "parse returned a NUL");
    }
    // What paysign_params_get_all hands a wrapper sets the same list again.
    let all = params.packed().expect("a parsed list has no NUL");
    let mut again = Params::new();
    again.set_packed(all.as_bytes()).expect("packed() is what set_packed takes");
    assert_eq!(again, params, "packed round trip");
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

/// `Params::set_packed` against a plain reading of the same buffer, with `set` semantics.
fn packed(data: &[u8]) {
    let expected: Option<Vec<(String, String)>> = (|| {
        let text = std::str::from_utf8(data).ok()?;
        let body = text.strip_suffix('\0')?;
        let pieces: Vec<&str> = if data.is_empty() { vec![] } else { body.split('\0').collect() };
        if !pieces.len().is_multiple_of(2) || pieces.chunks(2).any(|c| c[0].is_empty()) {
            return None;
        }
        let mut out: Vec<(String, String)> = Vec::new();
        for c in pieces.chunks(2) {
            match out.iter_mut().find(|(n, _)| n == c[0]) {
                Some(pair) => pair.1 = c[1].to_owned(),
                None => out.push((c[0].to_owned(), c[1].to_owned())),
            }
        }
        Some(out)
    })();
    let expected = if data.is_empty() { Some(vec![]) } else { expected };
    let mut fresh = Params::new();
    let mut filled = Params::from_pairs([("zz", "keep")]);
    match expected {
        Some(pairs) => {
            fresh.set_packed(data).expect("a good buffer was refused");
            let got: Vec<(String, String)> = fresh.iter().map(|(n, v)| (n.to_owned(), v.to_owned())).collect();
            assert_eq!(got, pairs);
            assert_eq!(fresh.first_duplicate(), None);
            let mut again = Params::new();
            again.set_packed(fresh.packed().expect("no NUL inside").as_bytes()).unwrap();
            assert_eq!(again, fresh, "packed round trip");
            filled.set_packed(data).unwrap();
            assert_eq!(filled.len(), pairs.len() + usize::from(!pairs.iter().any(|(n, _)| n == "zz")));
        }
        None => {
            assert!(fresh.set_packed(data).is_err(), "a bad buffer was taken");
            assert!(fresh.is_empty());
            assert!(filled.set_packed(data).is_err());
            assert_eq!(filled.iter().collect::<Vec<_>>(), [("zz", "keep")]);
        }
    }
}
