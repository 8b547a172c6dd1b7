//! How a [`Params`] list is stored: every name and value back to back in one string, and a
//! span per field. Filling a list costs two allocations however many fields it has, which is
//! what makes a 14-field request cheap to hand over from PHP, Java or .NET in one call.

use std::collections::HashSet;
use std::fmt;

use crate::charset::printable;
use crate::error::{Error, Result};
use zeroize::Zeroizing;

/// An ordered list of name/value pairs.
///
/// [`Params::set`] and [`Params::from_pairs`] keep names unique, and [`Params::parse`]
/// never returns a repeated name (it rejects it or keeps the last occurrence). Only
/// [`Params::push`] can create one, for callers that must reproduce a query exactly.
#[derive(Clone, Default)]
pub struct Params {
    /// Names and values back to back. A replaced or removed field leaves its bytes here
    /// until [`Params::compact`] runs.
    text: String,
    spans: Vec<Span>,
    /// Bytes of `text` no span points at.
    dead: usize,
    /// Whether [`Params::push`] may have repeated a name; otherwise every name is unique and
    /// [`Params::first_duplicate`] has nothing to look for.
    may_repeat: bool,
}

/// Where one field's name and value are in `text`.
#[derive(Clone, Copy, Debug)]
struct Span {
    name: usize,
    name_len: usize,
    value: usize,
    value_len: usize,
}

/// Whether two field names are equal. Names are short: up to 16 bytes they are compared with
/// two overlapping word loads each instead of a call to `memcmp`, which a 14-field request
/// would otherwise make a few dozen times per signature.
#[inline]
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("8 bytes"));
    let half = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().expect("4 bytes"));
    match n {
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        4..=7 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        _ => a == b,
    }
}

/// Below this many fields, a pairwise scan finds duplicates faster than hashing.
const PAIRWISE_MAX: usize = 48;

impl Params {
    /// An empty list.
    pub fn new() -> Params {
        Params::default()
    }

    fn name_of(&self, s: &Span) -> &str {
        self.piece(s.name, s.name_len)
    }

    fn value_of(&self, s: &Span) -> &str {
        self.piece(s.value, s.value_len)
    }

    /// A name or value. Every lookup goes through here, so it skips the char-boundary checks
    /// of `&text[a..b]`: a span only ever covers a whole `&str` appended to `text` (or, in
    /// `set_packed`, a piece between NULs of a validated UTF-8 buffer).
    #[inline(always)]
    fn piece(&self, at: usize, len: usize) -> &str {
        debug_assert!(self.text.is_char_boundary(at) && self.text.is_char_boundary(at + len));
        assert!(at + len <= self.text.len());
        // SAFETY: in bounds (checked above) and on char boundaries (by construction, above).
        unsafe { self.text.get_unchecked(at..at + len) }
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.spans.iter().position(|s| same_name(self.name_of(s), name))
    }

    fn append(&mut self, s: &str) -> usize {
        let at = self.text.len();
        self.text.push_str(s);
        at
    }

    /// Replaces the value of the first field called `name` in place, or appends the field.
    pub fn set(&mut self, name: &str, value: &str) {
        match self.position(name) {
            Some(i) => {
                self.dead += self.spans[i].value_len;
                let at = self.append(value);
                let s = &mut self.spans[i];
                s.value = at;
                s.value_len = value.len();
                self.compact_if_wasteful();
            }
            None => self.append_pair(name, value),
        }
    }

    /// Appends a field even if the name exists.
    pub fn push(&mut self, name: &str, value: &str) {
        self.may_repeat = true;
        self.append_pair(name, value);
    }

    /// Appends a field without looking for its name.
    fn append_pair(&mut self, name: &str, value: &str) {
        let name_at = self.append(name);
        let value_at = self.append(value);
        self.spans.push(Span {
            name: name_at,
            name_len: name.len(),
            value: value_at,
            value_len: value.len(),
        });
    }

    /// The value of the first field called `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.spans
            .iter()
            .find(|s| same_name(self.name_of(s), name))
            .map(|s| self.value_of(s))
    }

    /// Removes every field called `name` and returns the value of the first one.
    pub fn remove(&mut self, name: &str) -> Option<String> {
        let first = self.get(name)?.to_owned();
        let mut dead = 0;
        let text = &self.text;
        self.spans.retain(|s| {
            let keep = &text[s.name..s.name + s.name_len] != name;
            if !keep {
                dead += s.name_len + s.value_len;
            }
            keep
        });
        self.dead += dead;
        self.compact_if_wasteful();
        Some(first)
    }

    /// The number of fields.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// The bytes of all names and values together.
    pub fn text_len(&self) -> usize {
        self.text.len() - self.dead
    }

    /// Whether there are no fields.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The fields in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.spans.iter().map(|s| (self.name_of(s), self.value_of(s)))
    }

    /// The name of the field at position `i`.
    pub fn name_at(&self, i: usize) -> Option<&str> {
        self.spans.get(i).map(|s| self.name_of(s))
    }

    /// The name and value at position `i`, which must be below [`Params::len`].
    #[inline]
    pub(crate) fn pair_at(&self, i: usize) -> (&str, &str) {
        let s = &self.spans[i];
        (self.name_of(s), self.value_of(s))
    }

    /// The value of the field at position `i`.
    pub fn value_at(&self, i: usize) -> Option<&str> {
        self.spans.get(i).map(|s| self.value_of(s))
    }

    /// The first name, in order of the repeats, that occurs more than once: the name of the
    /// earliest field whose name was already seen.
    pub fn first_duplicate(&self) -> Option<&str> {
        if !self.may_repeat {
            return None;
        }
        first_repeat(self.spans.len(), |i| self.name_of(&self.spans[i])).map(|j| self.name_of(&self.spans[j]))
    }

    /// Sets many fields from one buffer: `name NUL value NUL name NUL value NUL ...`, UTF-8,
    /// each pair as by [`Params::set`]. The list is unchanged unless every pair is good.
    ///
    /// This is how a wrapper hands over a whole request in one call (`paysign_params_set_all`).
    pub fn set_packed(&mut self, data: &[u8]) -> Result<()> {
        if data.is_empty() {
            return Ok(());
        }
        let text = std::str::from_utf8(data).map_err(|e| not_utf8(data, e.valid_up_to()))?;
        let Some(body) = text.strip_suffix('\0') else {
            return Err(Error::invalid_argument(
                "argument 'data' must end with a NUL (name NUL value NUL ...)",
            ));
        };
        // Where each pair is in `body`, all checked before the list changes.
        let b = body.as_bytes();
        // One search over the buffer for every NUL, rather than one per piece.
        let mut ends = memchr::memchr_iter(0, b).chain(std::iter::once(b.len()));
        let mut found = Vec::with_capacity(16);
        let mut at = 0;
        while let Some(name_end) = ends.next() {
            if name_end == at {
                return Err(Error::invalid_argument(format!(
                    "argument 'data': the name of pair {} is empty",
                    found.len()
                )));
            }
            let Some(value_end) = ends.next() else {
                return Err(Error::invalid_argument(format!(
                    "argument 'data': field '{}' has no value (name NUL value NUL ...)",
                    printable(&body[at..name_end])
                )));
            };
            found.push(Span {
                name: at,
                name_len: name_end - at,
                value: name_end + 1,
                value_len: value_end - name_end - 1,
            });
            at = value_end + 1;
        }
        let name = |s: &Span| &body[s.name..s.name + s.name_len];
        let repeats = first_repeat(found.len(), |i| name(&found[i])).is_some();
        if self.spans.is_empty() && !repeats {
            // A fresh list: the buffer is copied once, NULs and all, and the spans point into it.
            let base = self.text.len();
            self.text.push_str(body);
            self.dead += 2 * found.len() - 1; // the NULs between the pieces
            self.spans.extend(found.into_iter().map(|s| Span {
                name: base + s.name,
                value: base + s.value,
                ..s
            }));
        } else {
            for s in &found {
                self.set(name(s), &body[s.value..s.value + s.value_len]);
            }
        }
        Ok(())
    }

    /// Every pair as `name NUL value NUL ...`, the form [`Params::set_packed`] takes: how a
    /// wrapper reads a whole list back in one call (`paysign_params_get_all`). A name or value
    /// with a NUL in it (only the Rust API can set one) has no such form: INVALID_FIELD.
    pub fn packed(&self) -> Result<Zeroizing<String>> {
        let mut s = Zeroizing::new(String::with_capacity(self.text_len() + 2 * self.len()));
        for (n, v) in self.iter() {
            for piece in [n, v] {
                s.push_str(piece);
                s.push('\0');
            }
        }
        if memchr::memchr_iter(0, s.as_bytes()).count() != 2 * self.len() {
            let (n, _) = self
                .iter()
                .find(|(n, v)| n.contains('\0') || v.contains('\0'))
                .expect("a NUL");
            return Err(Error::invalid_field(
                &printable(n),
                "contains a NUL byte, which the packed form cannot carry",
            ));
        }
        Ok(s)
    }

    /// Builds a list from parsed pairs, which keep every one in order and repeat no name.
    pub(super) fn from_unique(pairs: Vec<(String, String)>) -> Params {
        let mut p = Params {
            text: String::with_capacity(pairs.iter().map(|(n, v)| n.len() + v.len()).sum()),
            spans: Vec::with_capacity(pairs.len()),
            dead: 0,
            may_repeat: false,
        };
        for (n, v) in &pairs {
            p.append_pair(n, v);
        }
        p
    }

    /// Drops the bytes of replaced and removed fields once they are half the text.
    fn compact_if_wasteful(&mut self) {
        if self.dead > 256 && self.dead * 2 > self.text.len() {
            let mut fresh = Params {
                may_repeat: self.may_repeat,
                ..Params::default()
            };
            for (n, v) in self.iter() {
                fresh.append_pair(n, v);
            }
            *self = fresh;
        }
    }
}

/// The position of the first of `n` names (`name(i)`) that an earlier one repeats: pairwise
/// for a request's few fields, hashed past [`PAIRWISE_MAX`].
fn first_repeat<'a>(n: usize, name: impl Fn(usize) -> &'a str) -> Option<usize> {
    if n <= PAIRWISE_MAX {
        // Pairs compare one word each, in a tight loop; names only where the words agree.
        let mut words = [0u64; PAIRWISE_MAX];
        for (i, w) in words[..n].iter_mut().enumerate() {
            *w = fingerprint(name(i));
        }
        return (1..n).find(|&j| (0..j).any(|i| words[i] == words[j] && same_name(name(i), name(j))));
    }
    let mut seen = HashSet::with_capacity(n);
    (0..n).find(|&j| !seen.insert(name(j)))
}

/// A word that equal names share and different names rarely do: their length and their first
/// and last 8 bytes.
fn fingerprint(name: &str) -> u64 {
    let b = name.as_bytes();
    let n = b.len();
    let ends = match b.first_chunk::<8>() {
        Some(first) => {
            let last = u64::from_le_bytes(b[n - 8..].try_into().expect("8 bytes"));
            u64::from_le_bytes(*first) ^ last.rotate_left(29)
        }
        None => b.iter().fold(0, |w, &c| w << 8 | u64::from(c)),
    };
    ends ^ (n as u64).rotate_right(8)
}

/// The error for a packed buffer that is not UTF-8 at byte `at`, naming the field.
fn not_utf8(data: &[u8], at: usize) -> Error {
    let start = data[..at].iter().rposition(|&b| b == 0).map_or(0, |i| i + 1);
    let piece = data[..at].iter().filter(|&&b| b == 0).count();
    let offset = at - start;
    if piece % 2 == 0 {
        return Error::invalid_argument(format!(
            "argument 'data': the name of pair {} is not valid UTF-8 (at byte {offset})",
            piece / 2
        ));
    }
    // Everything before `at` is UTF-8, so the name before this value is too.
    let name_start = data[..start - 1].iter().rposition(|&b| b == 0).map_or(0, |i| i + 1);
    let name = String::from_utf8_lossy(&data[name_start..start - 1]);
    Error::invalid_argument(format!(
        "argument 'data': the value of field '{}' is not valid UTF-8 (at byte {offset})",
        printable(&name)
    ))
}

impl PartialEq for Params {
    fn eq(&self, other: &Params) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Params {}

impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Status;

    #[test]
    fn replaced_values_are_compacted_away() {
        let mut p = Params::new();
        p.set("a", "1");
        p.set("b", "2");
        for i in 0..1000 {
            p.set("a", &format!("value {i:04}"));
        }
        assert_eq!(p.get("a"), Some("value 0999"));
        assert_eq!(p.get("b"), Some("2"));
        assert_eq!(p.name_at(1), Some("b"));
        assert!(p.text.len() < 600, "{} bytes kept", p.text.len());
        // Compaction keeps repeats made by push.
        p.push("b", "again");
        for i in 0..1000 {
            p.set("a", &format!("value {i:04}"));
        }
        assert_eq!(
            p.iter().collect::<Vec<_>>(),
            [("a", "value 0999"), ("b", "2"), ("b", "again")]
        );
        assert_eq!(p.first_duplicate(), Some("b"));
    }

    #[test]
    fn same_name_compares_every_byte() {
        for n in 0..40 {
            let a: String = (0..n).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
            assert!(same_name(&a, &a.clone()), "{n}");
            for i in 0..n {
                let mut b = a.clone().into_bytes();
                b[i] = b'Z';
                assert!(!same_name(&a, std::str::from_utf8(&b).unwrap()), "{n} bytes, byte {i}");
            }
            assert!(!same_name(&a, &format!("{a}x")));
        }
    }

    #[test]
    fn only_push_can_repeat_a_name() {
        let mut p = Params::from_pairs([("a", "1"), ("b", "2"), ("a", "3")]);
        p.set_packed(b"b\x005\x00c\x006\x00c\x007\x00").unwrap();
        assert!(!p.may_repeat);
        assert_eq!(p.first_duplicate(), None);
        p.push("c", "8");
        assert_eq!(p.first_duplicate(), Some("c"));
    }

    #[test]
    fn first_duplicate_agrees_above_and_below_the_pairwise_limit() {
        for n in [3, PAIRWISE_MAX, PAIRWISE_MAX + 5] {
            let mut p = Params::new();
            for i in 0..n {
                p.push(&format!("f{i}"), "v");
            }
            assert_eq!(p.first_duplicate(), None);
            p.push("f1", "again");
            p.push("f0", "again");
            assert_eq!(p.first_duplicate(), Some("f1"), "{n} fields");
        }
    }

    #[test]
    fn packed_is_what_set_packed_takes() {
        let mut p = Params::new();
        assert_eq!(p.packed().unwrap().as_str(), "");
        p.set_packed("a\x001\x00订单\x00值\x00empty\x00\x00".as_bytes())
            .unwrap();
        p.set("a", "2");
        let packed = p.packed().unwrap();
        assert_eq!(packed.as_str(), "a\x002\x00订单\x00值\x00empty\x00\x00");
        let mut q = Params::new();
        q.set_packed(packed.as_bytes()).unwrap();
        assert!(q == p);
        p.set("x", "a\0b");
        let e = p.packed().unwrap_err();
        assert_eq!(e.status, crate::error::Status::PAYSIGN_INVALID_FIELD);
        assert!(e.message.contains("'x'"), "{}", e.message);
    }

    #[test]
    fn names_that_share_a_fingerprint_are_still_told_apart() {
        let (a, b) = ("abcdefgh_X_12345678", "abcdefgh_Y_12345678");
        assert_eq!(fingerprint(a), fingerprint(b));
        assert_eq!(first_repeat(2, |i| [a, b][i]), None);
        assert_eq!(first_repeat(3, |i| [a, b, a][i]), Some(2));
        for short in ["", "a", "ab", "abcdefg", "abcdefgh"] {
            assert_eq!(first_repeat(2, |i| [short, short][i]), Some(1));
        }
        assert_ne!(fingerprint("ab"), fingerprint("ba"));
    }

    #[test]
    fn set_packed_sets_pairs_in_order() {
        let mut p = Params::new();
        p.set_packed("a\x001\x00订单\x00值\x00empty\x00\x00".as_bytes())
            .unwrap();
        let got: Vec<_> = p.iter().collect();
        assert_eq!(got, [("a", "1"), ("订单", "值"), ("empty", "")]);
        // Into a list that has fields: set semantics, replaced in place.
        p.set_packed(b"a\x002\x00z\x009\x00").unwrap();
        let got: Vec<_> = p.iter().collect();
        assert_eq!(got, [("a", "2"), ("订单", "值"), ("empty", ""), ("z", "9")]);
        // A repeat inside one buffer: the later value wins, as with two sets.
        let mut q = Params::new();
        q.set_packed(b"a\x001\x00b\x002\x00a\x003\x00").unwrap();
        assert_eq!(q.iter().collect::<Vec<_>>(), [("a", "3"), ("b", "2")]);
        q.set_packed(b"").unwrap();
        assert_eq!(q.len(), 2);
    }

    #[test]
    fn set_packed_rejects_bad_buffers_and_changes_nothing() {
        for (data, msg) in [
            (
                &b"a\x001"[..],
                "argument 'data' must end with a NUL (name NUL value NUL ...)",
            ),
            (
                b"a\x001\x00b\x00",
                "argument 'data': field 'b' has no value (name NUL value NUL ...)",
            ),
            (b"a\x001\x00\x002\x00", "argument 'data': the name of pair 1 is empty"),
            (
                b"a\x00\xff\x00",
                "argument 'data': the value of field 'a' is not valid UTF-8 (at byte 0)",
            ),
            (
                b"a\x001\x00b\x00xy\xe4\xb8\x00",
                "argument 'data': the value of field 'b' is not valid UTF-8 (at byte 2)",
            ),
            (
                b"a\x001\x00n\xc3\x00v\x00",
                "argument 'data': the name of pair 1 is not valid UTF-8 (at byte 1)",
            ),
            (
                b"\xff\x00v\x00",
                "argument 'data': the name of pair 0 is not valid UTF-8 (at byte 0)",
            ),
            (b"\x00", "argument 'data': the name of pair 0 is empty"),
        ] {
            let mut p = Params::from_pairs([("keep", "me")]);
            let e = p.set_packed(data).unwrap_err();
            assert_eq!(e.status, Status::PAYSIGN_INVALID_ARGUMENT);
            assert_eq!(e.message, msg);
            assert_eq!(p.iter().collect::<Vec<_>>(), [("keep", "me")]);
        }
    }
}
