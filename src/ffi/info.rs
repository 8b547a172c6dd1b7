//! Version, status names, last error, profile list.

use super::{copy_truncating, guard_value, last_error};
use crate::error::Status;
use std::ffi::c_char;

static VERSION_Z: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// The library version, e.g. "0.1.0". Static; never free it.
#[no_mangle]
pub extern "C" fn paysign_version() -> *const c_char {
    VERSION_Z.as_ptr() as *const c_char
}

/// The constant's name, e.g. "PAYSIGN_BAD_SIGNATURE"; "PAYSIGN_UNKNOWN_STATUS" for a number
/// that is not a status. Static; never free it. Takes the number as `int32_t` so that any
/// value a C caller passes is defined behaviour.
#[no_mangle]
pub extern "C" fn paysign_status_name(status: i32) -> *const c_char {
    static NAMES: std::sync::OnceLock<Vec<(i32, std::ffi::CString)>> = std::sync::OnceLock::new();
    let table = NAMES.get_or_init(|| {
        Status::ALL
            .iter()
            .map(|s| (*s as i32, s.name()))
            .chain([(-1, "PAYSIGN_UNKNOWN_STATUS")])
            .map(|(n, name)| (n, std::ffi::CString::new(name).expect("no NUL in names")))
            .collect()
    });
    guard_value(std::ptr::null(), || {
        let found = table.iter().find(|(n, _)| *n == status).or_else(|| table.last());
        found.map(|(_, c)| c.as_ptr()).unwrap_or(std::ptr::null())
    })
}

/// Copies this thread's last error message (truncated to fit, NUL-terminated when cap > 0).
/// Returns its full length in bytes; `buf = NULL, cap = 0` asks for the length.
#[no_mangle]
pub unsafe extern "C" fn paysign_last_error(buf: *mut c_char, cap: usize) -> usize {
    guard_value(0, || copy_truncating(&last_error(), buf, cap))
}

/// Every profile, one per line: `id<TAB>description`. Truncates to fit like
/// `paysign_last_error`; returns the full length.
#[no_mangle]
pub unsafe extern "C" fn paysign_profiles(buf: *mut c_char, cap: usize) -> usize {
    guard_value(0, || copy_truncating(&crate::gateways::listing(), buf, cap))
}
