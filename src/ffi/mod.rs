//! The C ABI and nothing else: null checks, UTF-8 checks, the panic boundary, status codes,
//! the thread-local last-error text and output buffers. No signing logic lives here.
//!
//! Conventions follow rustls-ffi: opaque handles with `*_new`/`*_free`, every fallible
//! function returns `paysign_status`, text out through `(buf, cap, out_len)`.

#![allow(clippy::missing_safety_doc, non_camel_case_types)]

use crate::error::{paysign_status, Error, Result, Status};
use std::cell::RefCell;
use std::ffi::{c_char, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};

pub mod alipay;
pub mod diagnose;
pub mod info;
pub mod keys;
pub mod params;
pub mod paypal;
pub mod sign;
pub mod unionpay;
pub mod wechat_v3;
pub mod wechatpay;

thread_local! {
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

pub(crate) fn set_last_error(message: &str) {
    LAST_ERROR.with(|e| {
        let mut e = e.borrow_mut();
        e.clear();
        e.push_str(message);
    });
}

pub(crate) fn last_error() -> String {
    LAST_ERROR.with(|e| e.borrow().clone())
}

/// Runs `f` behind the panic boundary; records the error text of any non-OK status.
pub(crate) fn guard(f: impl FnOnce() -> Result<Status>) -> Status {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(status)) => status,
        Ok(Err(e)) => {
            set_last_error(&e.message);
            e.status
        }
        Err(_) => {
            set_last_error("internal error (panic caught at the C boundary); please report it");
            Status::PAYSIGN_PANIC
        }
    }
}

/// Same boundary for functions that return a value instead of a status.
pub(crate) fn guard_value<T>(fallback: T, f: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        set_last_error("internal error (panic caught at the C boundary); please report it");
        fallback
    })
}

/// A verification's verdict as the C ABI reports it: PAYSIGN_OK, or PAYSIGN_BAD_SIGNATURE with
/// the reason as the last error.
pub(crate) fn verdict(v: crate::signer::Verdict) -> Result<Status> {
    match v {
        crate::signer::Verdict::Valid => Ok(Status::PAYSIGN_OK),
        crate::signer::Verdict::Invalid(why) => {
            set_last_error(&why);
            Ok(Status::PAYSIGN_BAD_SIGNATURE)
        }
    }
}

fn null(what: &str) -> Error {
    Error::new(Status::PAYSIGN_NULL_ARGUMENT, format!("argument '{what}' is NULL"))
}

/// A required C string as UTF-8.
pub(crate) unsafe fn text<'a>(p: *const c_char, what: &str) -> Result<&'a str> {
    if p.is_null() {
        return Err(null(what));
    }
    let bytes = CStr::from_ptr(p).to_bytes();
    std::str::from_utf8(bytes).map_err(|e| {
        Error::invalid_argument(format!(
            "argument '{what}' is not valid UTF-8 (at byte {})",
            e.valid_up_to()
        ))
    })
}

/// An optional C string: NULL is None.
pub(crate) unsafe fn opt_text<'a>(p: *const c_char, what: &str) -> Result<Option<&'a str>> {
    if p.is_null() {
        Ok(None)
    } else {
        text(p, what).map(Some)
    }
}

/// A byte range; NULL is allowed only with length 0.
pub(crate) unsafe fn bytes<'a>(p: *const u8, len: usize, what: &str) -> Result<&'a [u8]> {
    if p.is_null() {
        return if len == 0 { Ok(&[]) } else { Err(null(what)) };
    }
    Ok(std::slice::from_raw_parts(p, len))
}

/// A required handle.
pub(crate) unsafe fn handle<'a, T>(p: *const T, what: &str) -> Result<&'a T> {
    p.as_ref().ok_or_else(|| null(what))
}

pub(crate) unsafe fn handle_mut<'a, T>(p: *mut T, what: &str) -> Result<&'a mut T> {
    p.as_mut().ok_or_else(|| null(what))
}

/// Checks that the caller's buffer can take `len` bytes plus the NUL, without writing.
pub(crate) unsafe fn check_room(buf: *mut c_char, cap: usize, len: usize, out_len: *mut usize) -> Result<()> {
    if !out_len.is_null() {
        *out_len = len;
    }
    if buf.is_null() || cap < len + 1 {
        return Err(Error::new(
            Status::PAYSIGN_BUFFER_TOO_SMALL,
            format!(
                "the output needs {} bytes (with the NUL), the buffer has {cap}",
                len + 1
            ),
        ));
    }
    Ok(())
}

/// Writes `s` + NUL to the caller's buffer, or BUFFER_TOO_SMALL writing nothing.
/// `*out_len` receives the full length whenever `out_len` is not NULL.
pub(crate) unsafe fn write_text(s: &str, buf: *mut c_char, cap: usize, out_len: *mut usize) -> Result<Status> {
    check_room(buf, cap, s.len(), out_len)?;
    std::ptr::copy_nonoverlapping(s.as_ptr(), buf as *mut u8, s.len());
    *buf.add(s.len()) = 0;
    Ok(Status::PAYSIGN_OK)
}

/// Copies as much of `s` as fits, NUL-terminated; returns the full length (last_error, profiles).
pub(crate) unsafe fn copy_truncating(s: &str, buf: *mut c_char, cap: usize) -> usize {
    if !buf.is_null() && cap > 0 {
        let mut n = s.len().min(cap - 1);
        while !s.is_char_boundary(n) {
            n -= 1; // never cut a UTF-8 sequence in half
        }
        std::ptr::copy_nonoverlapping(s.as_ptr(), buf as *mut u8, n);
        *buf.add(n) = 0;
    }
    s.len()
}
