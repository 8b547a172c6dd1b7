//! Character sets of the signed bytes and of received bodies: UTF-8, GBK, GB18030, GB2312.
//!
//! Everything is strict: bytes that are invalid in the charset, and characters the charset
//! cannot represent, are errors (`PAYSIGN_CHARSET_ERROR`), never replacement characters.
//! A signature computed over a replacement character can never match, and silently
//! substituting one hides the real cause (a wrong charset) from the caller.
//!
//! Error messages name the field (or "sign string") and the offending code point or byte
//! offset, never the text itself: the text may be a secret-bearing sign string.
//!
//! ASCII is identical in all four charsets, so ASCII input never allocates; UTF-8 never
//! allocates at all.
//!
//! Byte order marks are not treated specially here. A UTF-8 BOM at the start of UTF-8 input
//! decodes to U+FEFF and stays in the text (and a GB18030 BOM, `84 31 95 33`, likewise);
//! whether to drop it is the caller's decision (the XML and JSON parsers in `params.rs` drop
//! a leading U+FEFF, the form parser does not).

use std::borrow::Cow;

use encoding_rs::{DecoderResult, EncoderResult, Encoding, GB18030, GBK};

use crate::error::{Error, Result};

/// A charset that paysign reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charset {
    Utf8,
    Gbk,
    Gb18030,
    /// GB 2312. Decoding accepts the whole of GBK (as browsers and encoding_rs do for the
    /// `gb2312` label: pages declared GB2312 routinely contain GBK-only characters);
    /// encoding rejects characters outside the GB 2312 double-byte area, see
    /// [`Charset::encode`].
    Gb2312,
}

impl Charset {
    /// Looks a charset up by name, ignoring ASCII case and surrounding whitespace:
    /// `utf-8`, `utf8`, `gbk`, `cp936`, `gb18030`, `gb2312`, `gb_2312`.
    pub fn from_name(name: &str) -> Result<Charset> {
        let n = name.trim();
        let eq = |s: &str| n.eq_ignore_ascii_case(s);
        if eq("utf-8") || eq("utf8") {
            Ok(Charset::Utf8)
        } else if eq("gbk") || eq("cp936") {
            Ok(Charset::Gbk)
        } else if eq("gb18030") {
            Ok(Charset::Gb18030)
        } else if eq("gb2312") || eq("gb_2312") {
            Ok(Charset::Gb2312)
        } else {
            Err(Error::invalid_argument(format!(
                "unknown charset '{}' (use utf-8, gbk, gb18030 or gb2312)",
                printable(name)
            )))
        }
    }

    /// The canonical lowercase name: `utf-8`, `gbk`, `gb18030` or `gb2312`.
    pub fn name(self) -> &'static str {
        match self {
            Charset::Utf8 => "utf-8",
            Charset::Gbk => "gbk",
            Charset::Gb18030 => "gb18030",
            Charset::Gb2312 => "gb2312",
        }
    }

    /// The encoding_rs encoding behind this charset (`None` for UTF-8, handled natively).
    fn encoding(self) -> Option<&'static Encoding> {
        match self {
            Charset::Utf8 => None,
            // encoding_rs maps the `gb2312` label to GBK as well.
            Charset::Gbk | Charset::Gb2312 => Some(GBK),
            Charset::Gb18030 => Some(GB18030),
        }
    }

    /// Encodes `text` into this charset's bytes.
    ///
    /// Borrows for UTF-8 and for ASCII-only text in every charset. A character the charset
    /// cannot represent is `PAYSIGN_CHARSET_ERROR`
    /// `"<what>: character U+XXXX cannot be encoded in gbk"`; `what` names the field or
    /// says "sign string". The text itself is never echoed.
    ///
    /// GBK follows the WHATWG encoder (as encoding_rs does): U+20AC EURO SIGN becomes the
    /// single byte `0x80`. GB18030 encodes every Unicode scalar value.
    ///
    /// GB2312 is checked cheaply on top of the GBK encoding: every non-ASCII character must
    /// become a double byte with both bytes in `0xA1..=0xFE` (the EUC-CN area). This rejects
    /// the GBK extensions (lead or trail byte outside that range) and the euro sign `0x80`.
    /// It is an approximation of "GB 2312 proper": the unassigned or user-defined rows
    /// `0xAA..=0xAF` and `0xF8..=0xFE` (which GBK maps to the Private Use Area) and the few
    /// GBK additions inside rows `0xA1..=0xA9` that use EUC-CN trail bytes are accepted.
    pub fn encode<'a>(self, text: &'a str, what: &str) -> Result<Cow<'a, [u8]>> {
        let Some(encoding) = self.encoding() else {
            return Ok(Cow::Borrowed(text.as_bytes()));
        };
        if text.is_ascii() {
            return Ok(Cow::Borrowed(text.as_bytes()));
        }
        let mut encoder = encoding.new_encoder();
        let mut out: Vec<u8> = Vec::with_capacity(
            encoder
                .max_buffer_length_from_utf8_without_replacement(text.len())
                .unwrap_or(text.len()),
        );
        let mut src = text;
        loop {
            let (result, read) = encoder.encode_from_utf8_to_vec_without_replacement(src, &mut out, true);
            src = &src[read..];
            match result {
                EncoderResult::InputEmpty => break,
                EncoderResult::OutputFull => {
                    // Cannot happen with the worst-case capacity above, but stay correct.
                    out.reserve(src.len().saturating_mul(4).max(16));
                }
                EncoderResult::Unmappable(c) => return Err(unencodable(what, c, self)),
            }
        }
        if self == Charset::Gb2312 {
            check_gb2312(text, &out, what)?;
        }
        Ok(Cow::Owned(out))
    }

    /// Decodes bytes in this charset into text, strictly.
    ///
    /// Borrows for valid UTF-8 and for ASCII-only bytes in every charset. Invalid bytes are
    /// `PAYSIGN_CHARSET_ERROR` `"<what>: bytes invalid in gbk at offset N"`, where N is the
    /// offset of the first byte of the invalid sequence within `bytes`. A BOM is kept (see
    /// the module documentation).
    pub fn decode<'a>(self, bytes: &'a [u8], what: &str) -> Result<Cow<'a, str>> {
        let Some(encoding) = self.encoding() else {
            return match std::str::from_utf8(bytes) {
                Ok(s) => Ok(Cow::Borrowed(s)),
                Err(e) => Err(invalid_bytes(what, self, e.valid_up_to())),
            };
        };
        if bytes.is_ascii() {
            // ASCII bytes are ASCII characters in GBK, GB18030 and GB2312, and valid UTF-8.
            return match std::str::from_utf8(bytes) {
                Ok(s) => Ok(Cow::Borrowed(s)),
                Err(e) => Err(invalid_bytes(what, self, e.valid_up_to())),
            };
        }
        let mut decoder = encoding.new_decoder_without_bom_handling();
        let mut out = String::with_capacity(
            decoder
                .max_utf8_buffer_length_without_replacement(bytes.len())
                .unwrap_or(bytes.len()),
        );
        let mut consumed = 0usize;
        loop {
            let (result, read) = decoder.decode_to_string_without_replacement(&bytes[consumed..], &mut out, true);
            consumed += read;
            match result {
                DecoderResult::InputEmpty => break,
                DecoderResult::OutputFull => {
                    out.reserve((bytes.len() - consumed).saturating_mul(3).max(16));
                }
                DecoderResult::Malformed(bad, extra) => {
                    let offset = consumed.saturating_sub(bad as usize + extra as usize);
                    return Err(invalid_bytes(what, self, offset));
                }
            }
        }
        Ok(Cow::Owned(out))
    }
}

/// Checks that the GBK bytes of `text` stay inside the GB 2312 (EUC-CN) area.
///
/// encoding_rs's GBK encoder writes one byte for ASCII, one byte (`0x80`) for U+20AC, and
/// two bytes for every other character, so the characters and the bytes can be walked in
/// step without re-encoding.
fn check_gb2312(text: &str, bytes: &[u8], what: &str) -> Result<()> {
    let in_area = |b: Option<&u8>| matches!(b, Some(0xA1..=0xFE));
    let mut pos = 0usize;
    for c in text.chars() {
        if c.is_ascii() {
            pos += 1;
            continue;
        }
        if bytes.get(pos) == Some(&0x80) {
            return Err(unencodable(what, c, Charset::Gb2312));
        }
        if !in_area(bytes.get(pos)) || !in_area(bytes.get(pos + 1)) {
            return Err(unencodable(what, c, Charset::Gb2312));
        }
        pos += 2;
    }
    Ok(())
}

fn unencodable(what: &str, c: char, charset: Charset) -> Error {
    Error::charset(format!(
        "{what}: character U+{:04X} cannot be encoded in {}",
        c as u32,
        charset.name()
    ))
}

fn invalid_bytes(what: &str, charset: Charset, offset: usize) -> Error {
    Error::charset(format!(
        "{what}: bytes invalid in {} at offset {offset}",
        charset.name()
    ))
}

/// A user-supplied name made safe to quote in an error message: control characters escaped
/// (a NUL shows as `\u{0}`) and the length bounded to 64 characters.
pub(crate) fn printable(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == 64 {
            out.push_str("...");
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Status;

    #[test]
    fn names() {
        for (n, c) in [
            ("utf-8", Charset::Utf8),
            ("UTF8", Charset::Utf8),
            ("Utf-8", Charset::Utf8),
            ("gbk", Charset::Gbk),
            ("CP936", Charset::Gbk),
            ("GB18030", Charset::Gb18030),
            ("gb2312", Charset::Gb2312),
            ("GB_2312", Charset::Gb2312),
        ] {
            assert_eq!(Charset::from_name(n).unwrap(), c, "{n}");
        }
        for c in [Charset::Utf8, Charset::Gbk, Charset::Gb18030, Charset::Gb2312] {
            assert_eq!(Charset::from_name(c.name()).unwrap(), c);
        }
        let e = Charset::from_name("latin1").unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_INVALID_ARGUMENT);
        assert_eq!(
            e.message,
            "unknown charset 'latin1' (use utf-8, gbk, gb18030 or gb2312)"
        );
        assert!(Charset::from_name("").is_err());
        assert!(Charset::from_name("big5").is_err());
    }

    #[test]
    fn utf8_and_ascii_borrow() {
        let s = "中文 abc";
        assert!(matches!(Charset::Utf8.encode(s, "f").unwrap(), Cow::Borrowed(_)));
        assert!(matches!(
            Charset::Utf8.decode(s.as_bytes(), "f").unwrap(),
            Cow::Borrowed(_)
        ));
        for c in [Charset::Gbk, Charset::Gb18030, Charset::Gb2312] {
            assert!(matches!(c.encode("abc=1&x", "f").unwrap(), Cow::Borrowed(b"abc=1&x")));
            assert!(matches!(c.decode(b"abc=1&x", "f").unwrap(), Cow::Borrowed("abc=1&x")));
        }
    }

    #[test]
    fn gbk_known_bytes() {
        // "中文": GBK D6 D0 CE C4 (GB 2312 row 54 / 46), UTF-8 E4 B8 AD E6 96 87.
        let gbk = [0xD6, 0xD0, 0xCE, 0xC4];
        for c in [Charset::Gbk, Charset::Gb18030, Charset::Gb2312] {
            assert_eq!(&*c.encode("中文", "f").unwrap(), &gbk);
            assert_eq!(c.decode(&gbk, "f").unwrap(), "中文");
        }
        assert_eq!(
            Charset::Utf8.encode("中文", "f").unwrap().as_ref(),
            [0xE4, 0xB8, 0xAD, 0xE6, 0x96, 0x87]
        );
    }

    #[test]
    fn unencodable_characters() {
        // U+1F600 is outside GBK. GB18030 has a four-byte code for it, from the linear
        // mapping: 0x1F600 - 0x10000 = 62976 = 4*12600 + 9*1260 + 123*10 + 6, added to
        // 90 30 81 30 gives 94 39 FC 36.
        let e = Charset::Gbk.encode("a😀", "subject").unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_CHARSET_ERROR);
        assert_eq!(e.message, "subject: character U+1F600 cannot be encoded in gbk");
        let b = Charset::Gb18030.encode("😀", "subject").unwrap();
        assert_eq!(b.as_ref(), [0x94, 0x39, 0xFC, 0x36]);
        assert_eq!(Charset::Gb18030.decode(&b, "x").unwrap(), "😀");
    }

    #[test]
    fn gb2312_subset() {
        // 啊 is the first GB 2312 hanzi: B0 A1.
        assert_eq!(Charset::Gb2312.encode("啊", "f").unwrap().as_ref(), [0xB0, 0xA1]);
        // 丂 (U+4E02) is a GBK extension: 81 40. Fine in GBK, not in GB2312.
        assert_eq!(Charset::Gbk.encode("丂", "f").unwrap().as_ref(), [0x81, 0x40]);
        let e = Charset::Gb2312.encode("a丂", "memo").unwrap_err();
        assert_eq!(e.message, "memo: character U+4E02 cannot be encoded in gb2312");
        // The euro sign is the single byte 0x80 in GBK, absent from GB 2312.
        assert_eq!(Charset::Gbk.encode("€", "f").unwrap().as_ref(), [0x80]);
        let e = Charset::Gb2312.encode("中€", "memo").unwrap_err();
        assert_eq!(e.message, "memo: character U+20AC cannot be encoded in gb2312");
        // Decoding as GB2312 accepts GBK.
        assert_eq!(Charset::Gb2312.decode(&[0x81, 0x40], "f").unwrap(), "丂");
    }

    #[test]
    fn strict_decoding_offsets() {
        let e = Charset::Utf8.decode(b"ab\xFFcd", "body").unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_CHARSET_ERROR);
        assert_eq!(e.message, "body: bytes invalid in utf-8 at offset 2");
        // GBK: 0xFF is never a lead byte.
        let e = Charset::Gbk
            .decode(&[b'a', 0xD6, 0xD0, 0xFF, b'b'], "body")
            .unwrap_err();
        assert_eq!(e.message, "body: bytes invalid in gbk at offset 3");
        // A lead byte cut off at the end.
        let e = Charset::Gbk.decode(&[0xD6, 0xD0, 0xCE], "r5_Pid").unwrap_err();
        assert_eq!(e.message, "r5_Pid: bytes invalid in gbk at offset 2");
        // A UTF-8 "中" read as GBK: E4 B8 is a GBK pair (涓), AD is an invalid lone lead at the end.
        let e = Charset::Gb18030.decode(&[0xE4, 0xB8, 0xAD], "f").unwrap_err();
        assert_eq!(e.message, "f: bytes invalid in gb18030 at offset 2");
    }

    #[test]
    fn bom_is_kept() {
        assert_eq!(Charset::Utf8.decode(b"\xEF\xBB\xBFa", "f").unwrap(), "\u{FEFF}a");
        assert_eq!(
            Charset::Gb18030.decode(&[0x84, 0x31, 0x95, 0x33, b'a'], "f").unwrap(),
            "\u{FEFF}a"
        );
    }

    #[test]
    fn cross_check_with_encoding_rs() {
        let text = "易宝支付 测试商品 p5_Pid=中文，！";
        for (c, enc) in [(Charset::Gbk, GBK), (Charset::Gb18030, GB18030)] {
            let (expect, _, err) = enc.encode(text);
            assert!(!err);
            assert_eq!(c.encode(text, "f").unwrap().as_ref(), expect.as_ref());
            assert_eq!(c.decode(&expect, "f").unwrap(), text);
        }
    }
}
