//! Dinpay 智付 3.0. Rules: ../shared/specs/dinpay.md.

use crate::charset::Charset;
use crate::profile::Slot::F;
use crate::profile::*;

const MD5_LOWER: Method = Method::Md5(Case::Lower);
const RSA_S: Method = Method::Rsa {
    hash: Hash::Md5,
    also: None,
    out: RsaOut::Base64,
};

/// Sorted, `sign` and `sign_type` excluded, `&key=` for MD5 (lowercase), RSA-S = MD5withRSA
/// without the key. `RSA` is undocumented and rejected.
const DP: Profile = Profile {
    layout: Layout::Sorted {
        exclude: &["sign_type"],
    },
    secret: SecretAt::Pair("key"),
    methods: Methods {
        field: Some("sign_type"),
        by_value: &[("MD5", MD5_LOWER), ("RSA-S", RSA_S)],
        absent: Absent::Use(MD5_LOWER),
        by_sig_len: &[],
        // Listed in some documents; its digest and key handling are unconfirmed (specs/dinpay.md).
        unsupported: &["RSA"],
    },
    charset: CharsetRule {
        field: Some("input_charset"),
        codes: &[],
        default: Charset::Utf8,
    },
    ..BASE
};

#[rustfmt::skip]
pub const PROFILES: &[Profile] = &[
    Profile {
        id: "dinpay.pay.request",
        about: "Dinpay 3.0 direct_pay request (MD5 or RSA-S)",
        // Echoed back in the notification (or shown on the payment page): issue 12.
        echoed: &["product_name", "product_desc", "extra_return_param"],
        ..DP
    },
    Profile {
        id: "dinpay.pay.notify",
        about: "Dinpay offline_notify / page_notify: the documented fields only (notify_url query extras are unsigned); reply SUCCESS",
        kind: Kind::Notify,
        // The documented notification fields, written in their sorted order.
        layout: Layout::Fixed(&[
            F("bank_code"), F("bank_seq_no"), F("extra_return_param"), F("interface_version"),
            F("merchant_code"), F("notify_id"), F("notify_type"), F("order_amount"), F("order_no"),
            F("order_time"), F("trade_no"), F("trade_status"), F("trade_time"),
        ]),
        reply: Some(Reply { success: "SUCCESS", failure: "FAIL", needs_url: false }),
        ..DP
    },
    Profile { id: "dinpay.query.request", about: "Dinpay single_trade_query request (MD5 or RSA-S)", ..DP },
    Profile {
        id: "dinpay.query.response",
        about: "Dinpay single_trade_query XML response: the <trade> children, sorted, MD5 with &key=",
        kind: Kind::Response,
        layout: Layout::Fixed(&[
            F("bank_code"), F("bank_seq_no"), F("merchant_code"), F("order_amount"), F("order_no"),
            F("order_time"), F("trade_no"), F("trade_status"), F("trade_time"),
        ]),
        ..DP
    },
];
