//! Text forms of keys: PEM armour (lenient), bare base64 and the Allinpay `name=value` lines.

use base64::engine::general_purpose::{STANDARD_PAD_INDIFFERENT, URL_SAFE_PAD_INDIFFERENT};
use base64::Engine as _;
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// One `-----BEGIN X-----` ... `-----END X-----` block.
pub(crate) struct PemBlock<'a> {
    /// The label, upper-cased and with inner runs of spaces collapsed (`RSA PRIVATE KEY`).
    pub label: String,
    /// RFC 1421 headers (`Proc-Type`, `DEK-Info`), names as written.
    pub headers: Vec<(&'a str, &'a str)>,
    /// The base64 text of the body, headers and whitespace removed (wiped on drop).
    pub body: Zeroizing<String>,
}

impl PemBlock<'_> {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }

    /// The label when it is short and made of the characters labels use; for messages.
    pub fn printable_label(&self) -> String {
        if self.label.len() <= 40
            && self
                .label
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ')
        {
            self.label.clone()
        } else {
            "(unreadable label)".to_string()
        }
    }

    pub fn decode(&self) -> Result<Zeroizing<Vec<u8>>> {
        decode_base64(&self.body)
            .ok_or_else(|| Error::key(format!("PEM block '{}' holds invalid base64", self.printable_label())))
    }
}

/// Whether `text` holds PEM armour at all.
pub(crate) fn has_pem(text: &str) -> bool {
    text.contains("-----BEGIN")
}

/// Every PEM block of `text`, in order. Text outside the blocks (OpenSSL's "Bag Attributes",
/// comments) is ignored. Blocks may span lines or sit on one line, as pasted into config
/// fields.
pub(crate) fn pem_blocks(text: &str) -> Result<Vec<PemBlock<'_>>> {
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN") {
        let after_begin = &rest[start + "-----BEGIN".len()..];
        let Some(label_end) = after_begin.find("-----") else {
            return Err(Error::key("PEM BEGIN line is incomplete"));
        };
        let label = normalise_label(&after_begin[..label_end]);
        let mut content = &after_begin[label_end..];
        content = content.trim_start_matches('-');
        let Some(end) = content.find("-----END") else {
            return Err(Error::key(format!(
                "PEM block '{}' is truncated: no END line",
                printable(&label)
            )));
        };
        let body_text = &content[..end];
        let after_end = &content[end + "-----END".len()..];
        let end_label_len = after_end.find("-----").unwrap_or(after_end.len());
        let end_label = normalise_label(&after_end[..end_label_len]);
        if end_label != label {
            return Err(Error::key(format!(
                "PEM block '{}' ends with a different END label",
                printable(&label)
            )));
        }
        rest = after_end[end_label_len..].trim_start_matches('-');

        let mut headers = Vec::new();
        let mut body = Zeroizing::new(String::new());
        for line in body_text.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim(), value.trim()));
                continue;
            }
            for c in line.chars() {
                if c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '-' | '_') {
                    body.push(c);
                } else if !c.is_whitespace() {
                    return Err(Error::key(format!(
                        "PEM block '{}' holds characters that are not base64",
                        printable(&label)
                    )));
                }
            }
        }
        blocks.push(PemBlock { label, headers, body });
    }
    Ok(blocks)
}

fn normalise_label(raw: &str) -> String {
    raw.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_uppercase()
}

fn printable(label: &str) -> String {
    PemBlock {
        label: label.to_string(),
        headers: Vec::new(),
        body: Zeroizing::new(String::new()),
    }
    .printable_label()
}

/// Decodes base64 ignoring whitespace, with or without padding, standard or URL-safe alphabet.
pub(crate) fn decode_base64(text: &str) -> Option<Zeroizing<Vec<u8>>> {
    let compact: Zeroizing<String> = Zeroizing::new(text.chars().filter(|c| !c.is_whitespace()).collect());
    if compact.is_empty() {
        return None;
    }
    let engine = if compact.contains(['-', '_']) {
        &URL_SAFE_PAD_INDIFFERENT
    } else {
        &STANDARD_PAD_INDIFFERENT
    };
    engine.decode(compact.as_bytes()).ok().map(Zeroizing::new)
}

/// Whether `text` could be bare base64 (only base64 characters and whitespace).
pub(crate) fn is_base64_text(text: &str) -> bool {
    let mut any = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '-' | '_') {
            any = true;
        } else if !c.is_whitespace() {
            return false;
        }
    }
    any
}

/// Removes one pair of surrounding quotes (`"..."` or `'...'`), as in values copied from
/// source code or JSON.
pub(crate) fn strip_quotes(text: &str) -> &str {
    let t = text.trim();
    for q in ['"', '\''] {
        if t.len() >= 2 && t.starts_with(q) && t.ends_with(q) {
            return t[1..t.len() - 1].trim();
        }
    }
    t
}

/// The `exponent` and `modulus` values of Allinpay's `publickey.txt`
/// (`exponent=65537` and `modulus=<decimal>` lines, either order). `None` when the text has no
/// `modulus` line, i.e. is not in this format.
pub(crate) fn allinpay_fields(text: &str) -> Option<(Option<&str>, &str)> {
    let mut exponent = None;
    let mut modulus = None;
    for line in text.lines() {
        let line = line.trim();
        let Some((name, value)) = line.split_once(['=', ':']) else {
            continue;
        };
        let name = name.trim().trim_start_matches('$');
        let value = strip_quotes(value.trim().trim_end_matches([';', ',']));
        if name.eq_ignore_ascii_case("modulus") || name.eq_ignore_ascii_case("n") {
            modulus = Some(value);
        } else if name.eq_ignore_ascii_case("exponent")
            || name.eq_ignore_ascii_case("e")
            || name.eq_ignore_ascii_case("publicexponent")
        {
            exponent = Some(value);
        }
    }
    modulus.map(|m| (exponent, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_on_one_line_and_with_headers() {
        let b = pem_blocks("x -----BEGIN PUBLIC KEY----- TUlJ QkNn== -----END PUBLIC KEY----- y").unwrap();
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].label, "PUBLIC KEY");
        assert_eq!(b[0].body.as_str(), "TUlJQkNn==");
        let b = pem_blocks(
            "-----BEGIN RSA PRIVATE KEY-----\r\nProc-Type: 4,ENCRYPTED\r\nDEK-Info: DES-EDE3-CBC,00\r\n\r\nQUJD\r\n-----END RSA PRIVATE KEY-----\r\n",
        )
        .unwrap();
        assert_eq!(b[0].header("proc-type"), Some("4,ENCRYPTED"));
        assert_eq!(b[0].header("DEK-Info"), Some("DES-EDE3-CBC,00"));
        assert_eq!(b[0].decode().unwrap().as_slice(), b"ABC");
    }

    #[test]
    fn pem_errors() {
        assert!(pem_blocks("-----BEGIN PUBLIC KEY-----\nQUJD\n").is_err());
        assert!(pem_blocks("-----BEGIN PUBLIC KEY-----\nQUJD\n-----END PRIVATE KEY-----").is_err());
        assert!(pem_blocks("-----BEGIN PUBLIC KEY-----\nQU*D\n-----END PUBLIC KEY-----").is_err());
    }

    #[test]
    fn base64_variants() {
        assert_eq!(decode_base64("QUJD\nRA").unwrap().as_slice(), b"ABCD");
        assert_eq!(decode_base64("QUJDRA==").unwrap().as_slice(), b"ABCD");
        assert_eq!(decode_base64("-_8").unwrap().as_slice(), &[0xfb, 0xff]);
        assert!(decode_base64("Q").is_none());
        assert!(is_base64_text(" QUJD\r\nRA== "));
        assert!(!is_base64_text("QUJD;"));
    }

    #[test]
    fn allinpay_lines() {
        assert_eq!(
            allinpay_fields("modulus = 123\r\nexponent=65537\r\n"),
            Some((Some("65537"), "123"))
        );
        assert_eq!(allinpay_fields("exponent=3"), None);
    }
}
