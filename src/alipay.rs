//! Alipay OpenAPI beyond the sign string: certificate SNs (certificate mode), synchronous
//! response signatures and AES content encryption. Rules: docs/specs/alipay-cert.md.

pub mod aes;
pub mod cert;
mod json_span;
pub mod response;

pub use self::aes::{decrypt, decrypt_response, encrypt};
pub use cert::{cert_sn, root_cert_sn};
pub use response::{parse_response, verify_response, Response};
