//! One file per gateway, each a table of profiles plus its reply bodies.

use crate::error::{Error, Result, Status};
use crate::profile::Profile;

pub mod alipay;
pub mod allinpay;
pub mod chinabank;
pub mod dinpay;
pub mod ips;
pub mod kuaiqian;
pub mod nps;
pub mod sms;
pub mod tenpay;
pub mod unionpay;
pub mod wechatpay;
pub mod yeepay;

/// Every gateway's table, in the order `paysign profiles` lists them.
pub const TABLES: &[&[Profile]] = &[
    kuaiqian::PROFILES,
    wechatpay::PROFILES,
    alipay::PROFILES,
    chinabank::PROFILES,
    dinpay::PROFILES,
    allinpay::PROFILES,
    yeepay::PROFILES,
    nps::PROFILES,
    ips::PROFILES,
    tenpay::PROFILES,
    sms::PROFILES,
    unionpay::PROFILES,
];

pub fn all() -> impl Iterator<Item = &'static Profile> {
    TABLES.iter().flat_map(|t| t.iter())
}

pub fn find(id: &str) -> Result<&'static Profile> {
    all().find(|p| p.id == id).ok_or_else(|| {
        Error::new(
            Status::PAYSIGN_UNKNOWN_PROFILE,
            format!("unknown profile '{id}' (see paysign profiles)"),
        )
    })
}

/// `id  description` lines, newline-separated.
pub fn listing() -> String {
    let mut s = String::new();
    for p in all() {
        s.push_str(p.id);
        s.push('\t');
        s.push_str(p.about);
        s.push('\n');
    }
    s
}
