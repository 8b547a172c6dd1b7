//! Status codes (fixed forever, see design.md) and the one error type every module returns.

use std::fmt;

/// The outcome of a paysign call. Numbers never change; retired numbers stay reserved.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(non_camel_case_types)]
pub enum paysign_status {
    PAYSIGN_OK = 0,
    /// Verification ran and the signature does not match (not an error of the call).
    PAYSIGN_BAD_SIGNATURE = 1,
    PAYSIGN_NULL_ARGUMENT = 10,
    PAYSIGN_INVALID_ARGUMENT = 11,
    PAYSIGN_UNKNOWN_PROFILE = 12,
    PAYSIGN_MISSING_FIELD = 13,
    PAYSIGN_INVALID_FIELD = 14,
    PAYSIGN_DUPLICATE_FIELD = 15,
    PAYSIGN_MALFORMED_INPUT = 16,
    PAYSIGN_CHARSET_ERROR = 17,
    /// A signed timestamp outside the allowed window (WeChat Pay v3: default 5 minutes).
    PAYSIGN_STALE_TIMESTAMP = 18,
    PAYSIGN_KEY_ERROR = 20,
    PAYSIGN_KEY_MISMATCH = 21,
    PAYSIGN_UNSUPPORTED = 22,
    /// Decryption failed: wrong key, truncated or altered ciphertext or tag, bad padding.
    PAYSIGN_DECRYPT_ERROR = 23,
    PAYSIGN_BUFFER_TOO_SMALL = 30,
    PAYSIGN_IO_ERROR = 31,
    PAYSIGN_PANIC = 99,
    /// A certificate the message brings does not chain to the caller's trusted root and middle
    /// certificates, is outside its validity dates, or names another owner (UnionPay 5.1.0
    /// `signPubKeyCert`).
    PAYSIGN_UNTRUSTED_CERT = 24,
}

/// Rust-side name for the status enum.
pub type Status = paysign_status;

impl Status {
    pub const ALL: [Status; 19] = [
        Status::PAYSIGN_OK,
        Status::PAYSIGN_BAD_SIGNATURE,
        Status::PAYSIGN_NULL_ARGUMENT,
        Status::PAYSIGN_INVALID_ARGUMENT,
        Status::PAYSIGN_UNKNOWN_PROFILE,
        Status::PAYSIGN_MISSING_FIELD,
        Status::PAYSIGN_INVALID_FIELD,
        Status::PAYSIGN_DUPLICATE_FIELD,
        Status::PAYSIGN_MALFORMED_INPUT,
        Status::PAYSIGN_CHARSET_ERROR,
        Status::PAYSIGN_STALE_TIMESTAMP,
        Status::PAYSIGN_KEY_ERROR,
        Status::PAYSIGN_KEY_MISMATCH,
        Status::PAYSIGN_UNSUPPORTED,
        Status::PAYSIGN_DECRYPT_ERROR,
        Status::PAYSIGN_BUFFER_TOO_SMALL,
        Status::PAYSIGN_IO_ERROR,
        Status::PAYSIGN_PANIC,
        Status::PAYSIGN_UNTRUSTED_CERT,
    ];

    /// The constant's name, e.g. `"PAYSIGN_BAD_SIGNATURE"`.
    pub fn name(self) -> &'static str {
        use paysign_status::*;
        match self {
            PAYSIGN_OK => "PAYSIGN_OK",
            PAYSIGN_BAD_SIGNATURE => "PAYSIGN_BAD_SIGNATURE",
            PAYSIGN_NULL_ARGUMENT => "PAYSIGN_NULL_ARGUMENT",
            PAYSIGN_INVALID_ARGUMENT => "PAYSIGN_INVALID_ARGUMENT",
            PAYSIGN_UNKNOWN_PROFILE => "PAYSIGN_UNKNOWN_PROFILE",
            PAYSIGN_MISSING_FIELD => "PAYSIGN_MISSING_FIELD",
            PAYSIGN_INVALID_FIELD => "PAYSIGN_INVALID_FIELD",
            PAYSIGN_DUPLICATE_FIELD => "PAYSIGN_DUPLICATE_FIELD",
            PAYSIGN_MALFORMED_INPUT => "PAYSIGN_MALFORMED_INPUT",
            PAYSIGN_CHARSET_ERROR => "PAYSIGN_CHARSET_ERROR",
            PAYSIGN_STALE_TIMESTAMP => "PAYSIGN_STALE_TIMESTAMP",
            PAYSIGN_KEY_ERROR => "PAYSIGN_KEY_ERROR",
            PAYSIGN_KEY_MISMATCH => "PAYSIGN_KEY_MISMATCH",
            PAYSIGN_UNSUPPORTED => "PAYSIGN_UNSUPPORTED",
            PAYSIGN_DECRYPT_ERROR => "PAYSIGN_DECRYPT_ERROR",
            PAYSIGN_BUFFER_TOO_SMALL => "PAYSIGN_BUFFER_TOO_SMALL",
            PAYSIGN_IO_ERROR => "PAYSIGN_IO_ERROR",
            PAYSIGN_PANIC => "PAYSIGN_PANIC",
            PAYSIGN_UNTRUSTED_CERT => "PAYSIGN_UNTRUSTED_CERT",
        }
    }
}

/// An error: its status and a message naming the field, profile, option or offset.
/// Messages never contain a secret or key material.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub status: Status,
    pub message: String,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(status: Status, message: impl Into<String>) -> Error {
        Error {
            status,
            message: message.into(),
        }
    }
    pub fn invalid_argument(m: impl Into<String>) -> Error {
        Error::new(Status::PAYSIGN_INVALID_ARGUMENT, m)
    }
    pub fn missing_field(field: &str) -> Error {
        Error::new(
            Status::PAYSIGN_MISSING_FIELD,
            format!("field '{field}' is missing or empty"),
        )
    }
    pub fn invalid_field(field: &str, why: impl fmt::Display) -> Error {
        Error::new(Status::PAYSIGN_INVALID_FIELD, format!("field '{field}': {why}"))
    }
    pub fn duplicate_field(field: &str) -> Error {
        Error::new(
            Status::PAYSIGN_DUPLICATE_FIELD,
            format!("field '{field}' appears more than once"),
        )
    }
    pub fn malformed(m: impl Into<String>) -> Error {
        Error::new(Status::PAYSIGN_MALFORMED_INPUT, m)
    }
    pub fn charset(m: impl Into<String>) -> Error {
        Error::new(Status::PAYSIGN_CHARSET_ERROR, m)
    }
    pub fn key(m: impl Into<String>) -> Error {
        Error::new(Status::PAYSIGN_KEY_ERROR, m)
    }
    pub fn key_mismatch(m: impl Into<String>) -> Error {
        Error::new(Status::PAYSIGN_KEY_MISMATCH, m)
    }
    pub fn unsupported(m: impl Into<String>) -> Error {
        Error::new(Status::PAYSIGN_UNSUPPORTED, m)
    }
    pub fn untrusted_cert(m: impl Into<String>) -> Error {
        Error::new(Status::PAYSIGN_UNTRUSTED_CERT, m)
    }
    pub fn io(m: impl Into<String>) -> Error {
        Error::new(Status::PAYSIGN_IO_ERROR, m)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.status.name(), self.message)
    }
}

impl std::error::Error for Error {}
