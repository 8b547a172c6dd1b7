//! A sign string on its way to a digest, never built whole: pieces are encoded in the
//! message's charset and gathered into 128-byte blocks (two MD5/SHA-256 blocks), which are
//! handed on full so the digest can compress them without buffering of its own.

use super::{entry_in_pieces, Sink};
use crate::charset::Charset;
use crate::error::{Error, Result};
use std::borrow::Cow;
use zeroize::Zeroize;

const BLOCK: usize = 128;

pub struct Blocks<'o> {
    buf: [u8; BLOCK],
    len: usize,
    started: bool,
    charset: Charset,
    out: &'o mut dyn FnMut(&[u8]),
    /// The first piece the charset could not encode; reported by `finish`.
    error: Option<Error>,
}

impl<'o> Blocks<'o> {
    pub fn new(charset: Charset, out: &'o mut dyn FnMut(&[u8])) -> Blocks<'o> {
        Blocks {
            buf: [0; BLOCK],
            len: 0,
            started: false,
            charset,
            out,
            error: None,
        }
    }

    #[inline]
    fn bytes(&mut self, b: &[u8]) {
        match self.buf.get_mut(self.len..self.len + b.len()) {
            // The common case: the piece fits in the block with room to spare.
            Some(room) if self.len + b.len() < BLOCK => {
                room.copy_from_slice(b);
                self.len += b.len();
            }
            _ => self.spill(b),
        }
    }

    /// Fills the block, hands it on, and goes on with the rest of the piece.
    #[inline(never)]
    fn spill(&mut self, mut b: &[u8]) {
        while !b.is_empty() {
            let take = b.len().min(BLOCK - self.len);
            self.buf[self.len..self.len + take].copy_from_slice(&b[..take]);
            self.len += take;
            b = &b[take..];
            if self.len == BLOCK {
                (self.out)(&self.buf);
                self.len = 0;
            }
        }
    }

    /// A piece with characters the charset writes differently from UTF-8.
    #[inline(never)]
    fn encoded(&mut self, piece: &str) {
        if self.error.is_some() {
            return;
        }
        // GBK and GB18030 have no shift states: encoding piece by piece gives the bytes of
        // encoding the whole string, and the same error for the same character.
        match self.charset.encode(piece, "sign string") {
            Ok(Cow::Borrowed(b)) => self.bytes(b),
            Ok(Cow::Owned(mut b)) => {
                self.bytes(&b);
                b.zeroize();
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// Hands on what is left; the charset error, if a piece had one.
    pub fn finish(mut self) -> Result<()> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        (self.out)(&self.buf[..self.len]);
        Ok(())
    }
}

impl Sink for Blocks<'_> {
    #[inline]
    fn put(&mut self, piece: &str) {
        self.started |= !piece.is_empty();
        if self.charset == Charset::Utf8 || piece.is_ascii() {
            self.bytes(piece.as_bytes());
        } else {
            self.encoded(piece);
        }
    }

    fn started(&self) -> bool {
        self.started
    }

    /// The whole entry in one go when it is ASCII (or UTF-8 is the charset) and fits the
    /// block: one room check instead of four.
    #[inline(always)]
    fn entry(&mut self, sep: Option<&str>, name: Option<&str>, value: &str) {
        // `name=` whenever the join writes names, even an empty one, as the String sink does.
        let eq = usize::from(name.is_some());
        let (sep_s, name_s) = (sep.unwrap_or(""), name.unwrap_or(""));
        let total = sep_s.len() + name_s.len() + eq + value.len();
        let plain = self.charset == Charset::Utf8 || (name_s.is_ascii() && value.is_ascii() && sep_s.is_ascii());
        if !plain || self.len + total >= BLOCK {
            return entry_in_pieces(self, sep, name, value);
        }
        let (sep, name) = (sep_s, name_s);
        self.started |= total > 0;
        let mut at = self.len;
        for piece in [sep.as_bytes(), name.as_bytes()] {
            copy_short(&mut self.buf[at..at + piece.len()], piece);
            at += piece.len();
        }
        if eq == 1 {
            self.buf[at] = b'=';
            at += 1;
        }
        copy_short(&mut self.buf[at..at + value.len()], value.as_bytes());
        self.len = at + value.len();
    }
}

/// `dst.copy_from_slice(src)` without a call to `memcpy` for the short names and values of a
/// request: up to 16 bytes as two overlapping word stores.
#[inline(always)]
fn copy_short(dst: &mut [u8], src: &[u8]) {
    let n = src.len();
    match n {
        8..=16 => {
            dst[..8].copy_from_slice(&src[..8]);
            dst[n - 8..].copy_from_slice(&src[n - 8..]);
        }
        4..=7 => {
            dst[..4].copy_from_slice(&src[..4]);
            dst[n - 4..].copy_from_slice(&src[n - 4..]);
        }
        0..=3 => {
            for (d, s) in dst.iter_mut().zip(src) {
                *d = *s;
            }
        }
        _ => dst.copy_from_slice(src),
    }
}

impl Drop for Blocks<'_> {
    fn drop(&mut self) {
        // The last block may hold the secret. One volatile store of the whole block (wide
        // stores), where zeroize would write it byte by byte.
        // SAFETY: `self.buf` is a valid, aligned, exclusively borrowed [u8; BLOCK].
        unsafe { std::ptr::write_volatile(&mut self.buf, [0; BLOCK]) };
        std::sync::atomic::compiler_fence(std::sync::atomic::Ordering::SeqCst);
    }
}
