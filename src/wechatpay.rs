//! WeChat Pay API v2 beyond the sign string: refund notifications, whose `req_info` is
//! encrypted instead of signed. Rules: docs/specs/wechatpay-v2-additions.md.

pub mod refund;

pub use refund::{decrypt_refund_notify, decrypt_req_info};
