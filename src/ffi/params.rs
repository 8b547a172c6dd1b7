//! `paysign_params`: an ordered name/value list.

use super::*;
use crate::charset::Charset;
use crate::params::{Duplicates, Format, Params};

/// An ordered list of name/value pairs. Not thread-safe: one thread at a time.
pub struct paysign_params {
    pub(crate) inner: Params,
}

pub(crate) fn boxed(inner: Params) -> *mut paysign_params {
    Box::into_raw(Box::new(paysign_params { inner }))
}

/// A new, empty list. Free it with `paysign_params_free`.
#[no_mangle]
pub extern "C" fn paysign_params_new() -> *mut paysign_params {
    guard_value(std::ptr::null_mut(), || boxed(Params::new()))
}

/// Frees a list; NULL does nothing.
#[no_mangle]
pub unsafe extern "C" fn paysign_params_free(params: *mut paysign_params) {
    guard_value((), || {
        if !params.is_null() {
            drop(Box::from_raw(params));
        }
    })
}

/// Sets `name` to `value`: replaces an existing value in place, else appends.
#[no_mangle]
pub unsafe extern "C" fn paysign_params_set(
    params: *mut paysign_params,
    name: *const c_char,
    value: *const c_char,
) -> paysign_status {
    guard(|| {
        let p = handle_mut(params, "params")?;
        let name = text(name, "name")?;
        let value = text(value, "value")?;
        if name.is_empty() {
            return Err(Error::invalid_argument("argument 'name' is empty"));
        }
        p.inner.set(name, value);
        Ok(Status::PAYSIGN_OK)
    })
}

/// Sets many fields in one call. `data` holds `len` bytes of UTF-8: `name NUL value NUL` for
/// each field, the last NUL included (`"a\0" "1\0" "b\0" "\0"` sets a=1 and b to empty). Each
/// pair is set as by `paysign_params_set`. On any error (INVALID_ARGUMENT naming the pair, or
/// NULL_ARGUMENT) the list is unchanged. `len` 0 sets nothing.
#[no_mangle]
pub unsafe extern "C" fn paysign_params_set_all(
    params: *mut paysign_params,
    data: *const u8,
    len: usize,
) -> paysign_status {
    guard(|| {
        let p = handle_mut(params, "params")?;
        p.inner.set_packed(bytes(data, len, "data")?)?;
        Ok(Status::PAYSIGN_OK)
    })
}

/// Copies every pair as `name NUL value NUL ...` (what `paysign_params_set_all` takes), then
/// a final NUL. `*out_len` counts every byte but that final NUL: 0 for an empty list, and
/// `paysign_params_set_all(other, buf, *out_len)` copies the list. Reads a whole list back in
/// one call; the buffer rules are those of text. A field whose name or value holds a NUL
/// (only the Rust API can set one) is INVALID_FIELD.
#[no_mangle]
pub unsafe extern "C" fn paysign_params_get_all(
    params: *const paysign_params,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let p = handle(params, "params")?;
        write_text(&p.inner.packed()?, buf, cap, out_len)
    })
}

/// Copies the value of `name`; MISSING_FIELD when absent.
#[no_mangle]
pub unsafe extern "C" fn paysign_params_get(
    params: *const paysign_params,
    name: *const c_char,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let p = handle(params, "params")?;
        let name = text(name, "name")?;
        let v = p.inner.get(name).ok_or_else(|| {
            Error::new(
                Status::PAYSIGN_MISSING_FIELD,
                format!("field '{name}' is not in the params"),
            )
        })?;
        write_text(v, buf, cap, out_len)
    })
}

/// Number of pairs; 0 for NULL.
#[no_mangle]
pub unsafe extern "C" fn paysign_params_count(params: *const paysign_params) -> usize {
    guard_value(0, || params.as_ref().map_or(0, |p| p.inner.len()))
}

/// The name of the pair at `index` (0-based); INVALID_ARGUMENT past the end.
#[no_mangle]
pub unsafe extern "C" fn paysign_params_name_at(
    params: *const paysign_params,
    index: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let p = handle(params, "params")?;
        let n = p
            .inner
            .name_at(index)
            .ok_or_else(|| out_of_range(index, p.inner.len()))?;
        write_text(n, buf, cap, out_len)
    })
}

/// The value of the pair at `index` (0-based); INVALID_ARGUMENT past the end.
#[no_mangle]
pub unsafe extern "C" fn paysign_params_value_at(
    params: *const paysign_params,
    index: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let p = handle(params, "params")?;
        let v = p
            .inner
            .value_at(index)
            .ok_or_else(|| out_of_range(index, p.inner.len()))?;
        write_text(v, buf, cap, out_len)
    })
}

fn out_of_range(index: usize, len: usize) -> Error {
    Error::invalid_argument(format!("index {index} is past the end ({len} pairs)"))
}

pub(crate) unsafe fn charset_arg(charset: *const c_char) -> Result<Option<Charset>> {
    opt_text(charset, "charset")?.map(Charset::from_name).transpose()
}

/// Parses a body: `format` "form", "xml" or "json"; `charset` NULL means UTF-8. A name that
/// appears twice is DUPLICATE_FIELD. On OK `*out` owns a new list.
#[no_mangle]
pub unsafe extern "C" fn paysign_params_parse(
    data: *const u8,
    len: usize,
    format: *const c_char,
    charset: *const c_char,
    out: *mut *mut paysign_params,
) -> paysign_status {
    guard(|| {
        if out.is_null() {
            return Err(null("out"));
        }
        *out = std::ptr::null_mut();
        let body = bytes(data, len, "data")?;
        let format = Format::from_name(text(format, "format")?)?;
        let cs = charset_arg(charset)?.unwrap_or(Charset::Utf8);
        *out = boxed(Params::parse(body, format, cs, Duplicates::Reject)?);
        Ok(Status::PAYSIGN_OK)
    })
}

/// Encodes the list as a form (percent-encoded in `charset`), XML or JSON.
#[no_mangle]
pub unsafe extern "C" fn paysign_params_encode(
    params: *const paysign_params,
    format: *const c_char,
    charset: *const c_char,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let p = handle(params, "params")?;
        let format = Format::from_name(text(format, "format")?)?;
        let cs = charset_arg(charset)?.unwrap_or(Charset::Utf8);
        write_text(&p.inner.encode(format, cs)?, buf, cap, out_len)
    })
}
