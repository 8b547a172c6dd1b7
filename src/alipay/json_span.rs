//! The members of a top-level JSON object with the exact text of each value, as it appears
//! in the body (Alipay signs that text, not a re-serialisation).

use crate::error::{Error, Result};

/// One member of the top-level object.
pub(crate) struct Member<'a> {
    /// The decoded key.
    pub key: String,
    /// The value's text exactly as in the body, quotes included for a string.
    pub raw: &'a str,
}

/// The members of the object `text`, in body order. The whole text is first validated by
/// serde_json (which bounds nesting), so the scan below only has to find the spans.
pub(crate) fn members(text: &str) -> Result<Vec<Member<'_>>> {
    serde_json::from_str::<serde_json::Value>(text)
        .map_err(|e| Error::malformed(format!("response body is not JSON: {e}")))?;
    let b = text.as_bytes();
    let mut i = ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return Err(Error::malformed("response body is not a JSON object"));
    }
    i = ws(b, i + 1);
    let mut out = Vec::new();
    if b.get(i) == Some(&b'}') {
        return Ok(out);
    }
    loop {
        let key_end = string_end(b, i);
        let key: String = serde_json::from_str(&text[i..key_end])
            .map_err(|e| Error::malformed(format!("bad JSON key at byte offset {i}: {e}")))?;
        i = ws(b, key_end);
        // ':' is guaranteed by the validation above.
        i = ws(b, i + 1);
        let end = value_end(b, i);
        out.push(Member {
            key,
            raw: &text[i..end],
        });
        i = ws(b, end);
        match b.get(i) {
            Some(b',') => i = ws(b, i + 1),
            _ => return Ok(out),
        }
    }
}

fn ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        i += 1;
    }
    i
}

/// End (exclusive) of the string token starting at `i` (which is `"`).
fn string_end(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// End (exclusive) of the value starting at `i`: a string, a container (brackets counted
/// outside strings) or a scalar.
fn value_end(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"') => string_end(b, i),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = string_end(b, j);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return j + 1;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            b.len()
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n') {
                j += 1;
            }
            j
        }
    }
}

#[cfg(test)]
mod tests {
    use super::members;

    #[test]
    fn spans_keep_the_exact_text() {
        let body = r#" { "a_response" : {"x":"}\"{","y":[1,{"z":null}]} , "sign":"s\/1", "n": -1.5e3 } "#;
        let m = members(body).unwrap();
        assert_eq!(m.len(), 3);
        assert_eq!(m[0].key, "a_response");
        assert_eq!(m[0].raw, r#"{"x":"}\"{","y":[1,{"z":null}]}"#);
        assert_eq!(m[1].raw, r#""s\/1""#);
        assert_eq!(m[2].raw, "-1.5e3");
        assert!(members("[1]").is_err());
        assert!(members(r#"{"a":1"#).is_err());
        assert!(members(&"[".repeat(100_000)).is_err());
    }
}
