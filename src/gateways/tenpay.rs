//! Tenpay 财付通: the gw.tenpay.com gateway, the older cmdno `pay_gate.cgi`, the 中介担保
//! (MediPay) escrow `payservice.cgi` and the WAP `wappay_init.cgi`. Rules: docs/specs/tenpay.md.

use crate::charset::Charset;
use crate::profile::Slot::{Opt, F};
use crate::profile::*;

/// gw.tenpay.com: every non-empty field but `sign`, sorted, `&key=` last, MD5. Tenpay's own
/// Java SDK for this gateway writes uppercase hex; verifiers compare either case.
const GW: Profile = Profile {
    layout: Layout::Sorted { exclude: &["key"] },
    secret: SecretAt::Pair("key"),
    methods: Methods::only(Method::Md5(Case::Upper)),
    charset: CharsetRule {
        field: Some("input_charset"),
        codes: &[],
        default: Charset::Gbk,
    },
    ..BASE
};

/// cmdno `pay_gate.cgi`: a fixed list of `name=value` pairs, empty values kept, `&key=` last.
const CMDNO: Profile = Profile {
    empty: Empty::Keep,
    secret: SecretAt::Pair("key"),
    charset: CharsetRule {
        field: Some("cs"),
        codes: &[],
        default: Charset::Gbk,
    },
    ..BASE
};

/// 中介担保 (MediPay, cmdno 12): a fixed name list in a-z order, empty values left out, `&key=`
/// last, MD5. The request's `encode_type` names its charset (1 GBK, 2 UTF-8).
const MEDI: Profile = Profile {
    secret: SecretAt::Pair("key"),
    charset: CharsetRule {
        field: Some("encode_type"),
        codes: &[("1", Charset::Gbk), ("2", Charset::Utf8)],
        default: Charset::Gbk,
    },
    ..BASE
};

/// WAP (wappayv2.0): gw.tenpay.com's rule; the field `charset` names the charset (1 UTF-8,
/// 2 GB2312, the kit's comment).
const WAP: Profile = Profile {
    charset: CharsetRule {
        field: Some("charset"),
        codes: &[("1", Charset::Utf8), ("2", Charset::Gb2312)],
        default: Charset::Utf8,
    },
    ..GW
};

#[rustfmt::skip]
pub const PROFILES: &[Profile] = &[
    Profile {
        id: "tenpay.pay.request",
        about: "Tenpay gw.tenpay.com pay.htm request: sorted non-empty pairs, &key=, MD5 (uppercase, as Tenpay's SDK)",
        // Shown on the payment page and returned in the notification.
        echoed: &["body", "subject", "attach"],
        ..GW
    },
    Profile {
        id: "tenpay.pay.notify",
        about: "Tenpay gw.tenpay.com notify_url / return_url: sorted non-empty pairs, &key=, MD5; then check notify_id; reply success",
        kind: Kind::Notify,
        reply: Some(Reply { success: "success", failure: "fail", needs_url: false }),
        ..GW
    },
    // The back-end XML APIs (normalorderquery.xml, verifynotifyid.xml, refund.xml,
    // normalrefundquery.xml) share one rule with pay.htm; the vendor's PHP demo kit writes
    // these requests' digest in lowercase.
    Profile {
        id: "tenpay.api.request",
        about: "Tenpay gw.tenpay.com back-end API request (order query, notify_id check, refund, refund query): sorted non-empty pairs, &key=, lowercase MD5",
        methods: Methods::only(Method::Md5(Case::Lower)),
        required: &["partner"],
        ..GW
    },
    // Their XML answer: the root's child elements, each value trimmed (the vendor's response
    // handler trims). An error answer may carry no sign at all: read retcode first.
    Profile {
        id: "tenpay.api.response",
        about: "Tenpay back-end API XML answer: the root's children, trimmed, sorted non-empty pairs, &key=, MD5 (either case); an error answer may be unsigned",
        kind: Kind::Response,
        trim: true,
        methods: Methods::only(Method::Md5(Case::Lower)),
        required: &["retcode"],
        ..GW
    },
    Profile {
        id: "tenpay.cmdno.request",
        about: "Tenpay pay_gate.cgi (cmdno 1) request: fixed pairs, empties kept, spbill_create_ip only when set, &key=, lowercase MD5",
        layout: Layout::Fixed(&[
            F("cmdno"), F("date"), F("bargainor_id"), F("transaction_id"), F("sp_billno"), F("total_fee"),
            F("fee_type"), F("return_url"), F("attach"), Opt("spbill_create_ip"),
        ]),
        methods: Methods::only(Method::Md5(Case::Lower)),
        required: &["cmdno", "date", "bargainor_id", "transaction_id", "sp_billno", "total_fee", "fee_type", "return_url"],
        echoed: &["attach"],
        ..CMDNO
    },
    Profile {
        id: "tenpay.cmdno.notify",
        about: "Tenpay pay_gate.cgi return: fixed pairs cmdno..attach, empties kept, &key=, MD5; reply the TENCENT_ONLINE_PAYMENT meta",
        kind: Kind::Notify,
        layout: Layout::Fixed(&[
            F("cmdno"), F("pay_result"), F("date"), F("transaction_id"), F("sp_billno"), F("total_fee"), F("fee_type"),
            F("attach"),
        ]),
        // Tenpay sends uppercase hex (Crasader's fixtures); verification takes either case.
        methods: Methods::only(Method::Md5(Case::Upper)),
        required: &["cmdno", "pay_result", "date", "sp_billno", "total_fee", "fee_type"],
        // Tenpay takes a page holding this element as "received"; any other page is not.
        reply: Some(Reply {
            success: "<meta name=\"TENCENT_ONLINE_PAYMENT\" content=\"China TENCENT\">",
            failure: "fail",
            needs_url: false,
        }),
        ..CMDNO
    },
    Profile {
        id: "tenpay.medi.request",
        about: "Tenpay 中介担保 (MediPay, cmdno 12) payservice.cgi request: attach..version in a-z order, non-empty, &key=, lowercase MD5",
        layout: Layout::Fixed(&[
            F("attach"), F("chnid"), F("cmdno"), F("encode_type"), F("mch_desc"), F("mch_name"), F("mch_price"),
            F("mch_returl"), F("mch_type"), F("mch_vno"), F("need_buyerinfo"), F("seller"), F("show_url"),
            F("transport_desc"), F("transport_fee"), F("version"),
        ]),
        methods: Methods::only(Method::Md5(Case::Lower)),
        required: &["chnid", "cmdno", "mch_price", "mch_returl", "mch_type", "mch_vno", "seller", "version"],
        echoed: &["attach", "mch_desc", "mch_name", "transport_desc"],
        ..MEDI
    },
    Profile {
        id: "tenpay.medi.notify",
        about: "Tenpay 中介担保 (MediPay) return to mch_returl: attach..version in a-z order, non-empty, &key=, MD5; reply the TENCENT_ONLINE_PAYMENT meta",
        kind: Kind::Notify,
        layout: Layout::Fixed(&[
            F("attach"), F("buyer_id"), F("cft_tid"), F("chnid"), F("cmdno"), F("mch_vno"), F("retcode"), F("seller"),
            F("status"), F("total_fee"), F("trade_price"), F("transport_fee"), F("version"),
        ]),
        // Two of the three verifiers seen compare against uppercase; either case verifies.
        methods: Methods::only(Method::Md5(Case::Upper)),
        required: &["cft_tid", "cmdno", "mch_vno", "retcode", "seller", "status", "total_fee"],
        reply: Some(Reply {
            success: "<meta name=\"TENCENT_ONLINE_PAYMENT\" content=\"China TENCENT\">",
            failure: "fail",
            needs_url: false,
        }),
        ..MEDI
    },
    Profile {
        id: "tenpay.wap.request",
        about: "Tenpay WAP wappay_init.cgi (token_id) request: sorted non-empty pairs, &key=, uppercase MD5; charset 1 UTF-8, 2 GB2312",
        required: &["bargainor_id", "sp_billno", "total_fee", "notify_url"],
        echoed: &["desc", "attach"],
        ..WAP
    },
    Profile {
        id: "tenpay.wap.notify",
        about: "Tenpay WAP notification to notify_url: the kit's 14 names in a-z order, non-empty, &key=, MD5; reply success",
        kind: Kind::Notify,
        // WapNotifyResponseHandler signs only the names of its list: a field outside it (a query
        // the merchant put on notify_url) is never signed.
        layout: Layout::Fixed(&[
            F("attach"), F("bank_billno"), F("bank_type"), F("bargainor_id"), F("charset"), F("fee_type"), F("pay_info"),
            F("pay_result"), F("purchase_alias"), F("sp_billno"), F("time_end"), F("total_fee"), F("transaction_id"),
            F("ver"),
        ]),
        required: &["bargainor_id", "pay_result", "sp_billno", "total_fee", "transaction_id"],
        reply: Some(Reply { success: "success", failure: "fail", needs_url: false }),
        ..WAP
    },
];
