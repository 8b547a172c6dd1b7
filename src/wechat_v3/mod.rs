//! WeChat Pay API v3: the request `Authorization` header (and the gateway's check of it, for
//! test gateways), response and notification verification with a replay window,
//! AEAD_AES_256_GCM resource decryption, the platform certificate download, and the client
//! `paySign` of JSAPI / mini-program and APP payments. Rules: docs/specs/wechatpay-v3.md.
//! (API v2 is a profile table: src/gateways/wechatpay.rs.)

pub mod aead;
pub mod certificates;
mod explain;
pub mod message;
pub mod request;
pub mod sign;
pub mod verify;

pub use aead::{decrypt, decrypt_resource, encrypt};
pub use certificates::{download_certificates, download_certificates_json, PlatformCertificate};
pub use message::Client;
pub use request::{verify_request, Authorization};
pub use sign::{authorization, client_sign, fresh_nonce, Request};
pub use verify::{verify, Headers, VerifyOptions};
