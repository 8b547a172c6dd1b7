//! NPS 网上支付 (payment.nps.cn) `PHPReceiveMerchantAction.do`. Rules: docs/specs/nps.md §1.

use crate::charset::Charset;
use crate::profile::Slot::{Key, F};
use crate::profile::*;

/// The 19 order values, in the order both the PHP and the Java merchant code join them.
const ORDER: &[Slot] = &[
    F("m_id"),
    F("m_orderid"),
    F("m_oamount"),
    F("m_ocurrency"),
    F("m_url"),
    F("m_language"),
    F("s_name"),
    F("s_addr"),
    F("s_postcode"),
    F("s_tel"),
    F("s_eml"),
    F("r_name"),
    F("r_addr"),
    F("r_postcode"),
    F("r_tel"),
    F("r_eml"),
    F("m_ocomment"),
    F("m_status"),
    F("modate"),
];

/// Uppercase MD5 with the key appended raw, over GB2312 text.
const NPS: Profile = Profile {
    join: Join::Values(""),
    empty: Empty::Keep,
    secret: SecretAt::Raw,
    methods: Methods::only(Method::Md5(Case::Upper)),
    charset: CharsetRule::fixed(Charset::Gb2312),
    ..BASE
};

#[rustfmt::skip]
pub const PROFILES: &[Profile] = &[
    Profile {
        id: "nps.pay.request",
        about: "NPS PHPReceiveMerchantAction.do: OrderMessage = upper hex of the 19 |-joined GB2312 values, digest = MD5(OrderMessage key)",
        layout: Layout::Fixed(ORDER),
        // `|` splits the order at the gateway: every value is a position in it. An empty value
        // still holds its place (the shops send NA or null for the buyer's fields).
        join: Join::Values("|"),
        sig: SigAt::Field("digest"),
        packed: Some(Packed { field: "OrderMessage", case: Case::Upper }),
        required: &["m_id", "m_orderid", "m_oamount", "m_ocurrency", "m_url", "m_language", "m_status", "modate"],
        // Shown back on the payment page and in the notification.
        echoed: &[
            "s_name", "s_addr", "s_postcode", "s_tel", "s_eml", "r_name", "r_addr", "r_postcode", "r_tel", "r_eml",
            "m_ocomment",
        ],
        ..NPS
    },
    Profile {
        id: "nps.pay.notify",
        about: "NPS notification: Digest = MD5(OrderMessage key) and newmd5info = MD5(m_id m_orderid m_oamount key m_status), both checked",
        kind: Kind::Notify,
        layout: Layout::Fixed(&[F("OrderMessage")]),
        sig: SigAt::Field("Digest"),
        // Digest covers only OrderMessage; the plain fields the merchant acts on are covered
        // by newmd5info alone, so it is checked on every verification.
        second: Some(Second {
            field: "newmd5info", join: Join::Values(""), empty: Empty::Keep,
            layout: Some(Layout::Fixed(&[F("m_id"), F("m_orderid"), F("m_oamount"), Key("key"), F("m_status")])),
            secret: SecretAt::InList, always: true,
        }),
        required: &["OrderMessage", "m_id", "m_orderid", "m_oamount", "m_status"],
        ..NPS
    },
];
