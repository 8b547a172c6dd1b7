//! A small, lenient reader of DER headers.
//!
//! It only looks at tags and lengths, so it can tell which structure a blob holds (and
//! whether it was cut short) before the strict decoders of the RustCrypto crates see it.

/// One tag-length-value item as found in the input.
pub(crate) struct Tlv<'a> {
    /// The identifier octet (single-octet tags only).
    pub tag: u8,
    /// Header plus content length, as declared by the header.
    pub total: usize,
    /// The content octets that are present (fewer than declared when truncated).
    pub value: &'a [u8],
    /// The whole item, header included, as far as it is present.
    pub raw: &'a [u8],
    /// Whether all declared content is present.
    pub complete: bool,
}

pub(crate) const SEQUENCE: u8 = 0x30;
pub(crate) const SET: u8 = 0x31;
pub(crate) const INTEGER: u8 = 0x02;
pub(crate) const BIT_STRING: u8 = 0x03;
pub(crate) const OCTET_STRING: u8 = 0x04;
pub(crate) const OID: u8 = 0x06;
pub(crate) const CONTEXT_0: u8 = 0xA0;

/// Reads the item at the start of `data`. `None` when the header itself is unusable
/// (empty input, multi-octet tag, indefinite or over-long length).
pub(crate) fn read(data: &[u8]) -> Option<Tlv<'_>> {
    let tag = *data.first()?;
    if tag & 0x1f == 0x1f {
        return None;
    }
    let first = *data.get(1)?;
    let (len, header) = if first < 0x80 {
        (usize::from(first), 2)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return None;
        }
        let bytes = data.get(2..2 + n)?;
        let len = bytes.iter().fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
        (len, 2 + n)
    };
    let total = header.checked_add(len)?;
    let end = total.min(data.len());
    Some(Tlv {
        tag,
        total,
        value: &data[header..end],
        raw: &data[..end],
        complete: total <= data.len(),
    })
}

/// The complete items inside a constructed value, in order. Stops at the first item that is
/// malformed or incomplete.
pub(crate) fn children(mut value: &[u8]) -> Vec<Tlv<'_>> {
    let mut out = Vec::new();
    while !value.is_empty() {
        let Some(item) = read(value) else { break };
        if !item.complete {
            break;
        }
        let total = item.total;
        out.push(item);
        value = &value[total..];
    }
    out
}

/// Whether `data` starts like a DER SEQUENCE with a long-form length, the shape of every
/// key, certificate and PKCS#12 file (all are longer than 127 bytes).
pub(crate) fn looks_like_der(data: &[u8]) -> bool {
    data.len() >= 2 && data[0] == SEQUENCE && (0x80..=0x84).contains(&data[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_short_and_long_forms() {
        let t = read(&[0x02, 0x01, 0x05]).unwrap();
        assert_eq!((t.tag, t.total, t.value, t.complete), (2, 3, &[5u8][..], true));
        let mut long = vec![0x04, 0x81, 0x80];
        long.extend(std::iter::repeat_n(7u8, 0x80));
        let t = read(&long).unwrap();
        assert_eq!((t.total, t.value.len(), t.complete), (0x83, 0x80, true));
        let t = read(&long[..10]).unwrap();
        assert_eq!((t.total, t.value.len(), t.complete), (0x83, 7, false));
        assert!(read(&[0x30, 0x80]).is_none());
        assert!(read(&[0x1f, 0x01, 0x00]).is_none());
        assert!(read(&[0x30]).is_none());
    }

    #[test]
    fn lists_children() {
        let seq = [0x02, 0x01, 0x00, 0x02, 0x01, 0x01, 0x04, 0x05, 0x00];
        let c = children(&seq);
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].value, &[1u8]);
    }
}
