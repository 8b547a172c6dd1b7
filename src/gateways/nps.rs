//! NPS 网上支付 (payment.nps.cn) `PHPReceiveMerchantAction.do` (docs/specs/nps.md §1) and
//! `VirReceiveMerchantAction.do` (§3).

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

/// VirReceiveMerchantAction.do signs 13 of its form fields, values only, then the key: the
/// buyer's name and address, the comment and `State` travel unsigned.
const VIR_SIGNED: &[Slot] = &[
    F("M_ID"),
    F("MOrderID"),
    F("MOAmount"),
    F("MOCurrency"),
    F("M_URL"),
    F("M_Language"),
    F("S_PostCode"),
    F("S_Telephone"),
    F("S_Email"),
    F("R_PostCode"),
    F("R_Telephone"),
    F("R_Email"),
    F("MODate"),
];

/// `newmd5info`, the notification's signature over its plain fields, the key in the middle:
/// the same in both interfaces' notifications.
const NEWMD5INFO: &[Slot] = &[F("m_id"), F("m_orderid"), F("m_oamount"), Key("key"), F("m_status")];

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
            layout: Some(Layout::Fixed(NEWMD5INFO)),
            secret: SecretAt::InList, always: true,
        }),
        required: &["OrderMessage", "m_id", "m_orderid", "m_oamount", "m_status"],
        ..NPS
    },
    Profile {
        id: "nps.vir.request",
        about: "NPS VirReceiveMerchantAction.do: digestinfo = MD5(M_ID MOrderID MOAmount MOCurrency M_URL M_Language S_PostCode S_Telephone S_Email R_PostCode R_Telephone R_Email MODate key)",
        layout: Layout::Fixed(VIR_SIGNED),
        sig: SigAt::Field("digestinfo"),
        required: &["M_ID", "MOrderID", "MOAmount", "MOCurrency", "M_URL", "M_Language", "MODate"],
        ..NPS
    },
    Profile {
        id: "nps.vir.notify",
        about: "NPS notification to a VirReceiveMerchantAction.do merchant: newmd5info = MD5(m_id m_orderid m_oamount key m_status)",
        kind: Kind::Notify,
        // The only signature the sources check; it covers these four fields and no other.
        layout: Layout::Fixed(NEWMD5INFO),
        secret: SecretAt::InList,
        sig: SigAt::Field("newmd5info"),
        required: &["m_id", "m_orderid", "m_oamount", "m_status"],
        ..NPS
    },
];
