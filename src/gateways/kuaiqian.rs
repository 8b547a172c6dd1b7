//! 99bill (快钱) RMB gateway v2.0, its query/refund APIs, the old 安全支付网关 and 分账网关.
//! Rules: ../shared/specs/99bill.md.

use crate::charset::Charset;
use crate::params::Duplicates;
use crate::profile::Slot::{Key, F};
use crate::profile::*;

const RSA_SHA256_OR_SHA1: Method = Method::Rsa {
    hash: Hash::Sha256,
    also: Some(Hash::Sha1),
    out: RsaOut::Base64,
};
const RSA_SHA1_OR_SHA256: Method = Method::Rsa {
    hash: Hash::Sha1,
    also: Some(Hash::Sha256),
    out: RsaOut::Base64,
};
const RSA_SHA256: Method = Method::Rsa {
    hash: Hash::Sha256,
    also: None,
    out: RsaOut::Base64,
};
const MD5_UPPER: Method = Method::Md5(Case::Upper);

/// `inputCharset` 1 UTF-8, 2 GBK, 3 GB2312.
const INPUT_CHARSET: CharsetRule = CharsetRule {
    field: Some("inputCharset"),
    codes: &[("1", Charset::Utf8), ("2", Charset::Gbk), ("3", Charset::Gb2312)],
    default: Charset::Utf8,
};

/// signType 1 = MD5 with `&key=`, 4 = RSA (SHA-256 by default; 99bill's production certificate
/// has signed callbacks with SHA-1, so verification accepts either unless `hash=` pins one).
const PAY_METHODS: Methods = Methods {
    field: Some("signType"),
    by_value: &[("1", MD5_UPPER), ("4", RSA_SHA256_OR_SHA1)],
    absent: Absent::Required,
    by_sig_len: &[],
    unsupported: &[],
};

/// The 99bill RMB gateway reply: `result` 1 makes 99bill redirect the payer to the URL.
const REPLY: Reply = Reply {
    success: "<result>1</result><redirecturl>{url}</redirecturl>",
    failure: "<result>0</result><redirecturl>{url}</redirecturl>",
    needs_url: true,
};

/// Common to 99bill messages: fixed order, empties skipped, raw values, `signMsg`.
const KQ: Profile = Profile {
    layout: Layout::Fixed(&[]),
    secret: SecretAt::Pair("key"),
    sig: SigAt::Field("signMsg"),
    methods: PAY_METHODS,
    charset: INPUT_CHARSET,
    ..BASE
};

/// Notifications: 99bill appends its fields after the merchant's own bgUrl query, so when a
/// name arrives twice the last occurrence is 99bill's.
const KQ_NOTIFY: Profile = Profile {
    kind: Kind::Notify,
    duplicates: Duplicates::LastWins,
    reply: Some(REPLY),
    ..KQ
};

#[rustfmt::skip]
pub const PROFILES: &[Profile] = &[
    Profile {
        id: "99bill.pay.request",
        about: "99bill RMB gateway payment request (PC and mobile gateway); signType 1 MD5, 4 RSA",
        layout: Layout::Fixed(&[
            F("inputCharset"), F("pageUrl"), F("bgUrl"), F("version"), F("language"), F("signType"),
            F("merchantAcctId"), F("payerName"), F("payerContactType"), F("payerContact"), F("payerIdType"),
            F("payerId"), F("payerIP"), F("orderId"), F("orderAmount"), F("orderTime"), F("orderTimestamp"),
            F("productName"), F("productNum"), F("productId"), F("productDesc"), F("ext1"), F("ext2"),
            F("payType"), F("bankId"), F("cardIssuer"), F("cardNum"), F("remitType"), F("remitCode"),
            F("redoFlag"), F("pid"), F("submitType"), F("orderTimeOut"),
            // Mobile gateway (version mobile1.0) only; empty on the PC gateway.
            F("mobileGateway"),
            F("extDataType"), F("extDataContent"),
        ]),
        // Echoed back in the notification (or shown on the payment page): issue 12.
        echoed: &["productName", "productDesc", "ext1", "ext2"],
        ..KQ
    },
    Profile {
        id: "99bill.pay.notify",
        about: "99bill RMB gateway bgUrl/pageUrl notification (GET query); reply <result>1</result>",
        layout: Layout::Fixed(&[
            F("merchantAcctId"), F("version"), F("language"), F("signType"), F("payType"), F("bankId"),
            F("orderId"), F("orderTime"), F("orderAmount"), F("bindCard"), F("bindMobile"), F("dealId"),
            F("bankDealId"), F("dealTime"), F("payAmount"), F("fee"), F("ext1"), F("ext2"), F("payResult"),
            // Unconfirmed in the spec: signed only when non-empty, at the 2019 kits' position.
            F("aggregatePay"),
            F("errCode"),
        ]),
        ..KQ_NOTIFY
    },
    Profile {
        id: "99bill.query.request",
        about: "99bill JSON order query request; the query key is inside the string (signType 1 MD5, 2 RSA-SHA256)",
        layout: Layout::Fixed(&[
            F("inputCharset"), F("version"), F("signType"), F("merchantAcctId"), F("queryType"), F("queryMode"),
            F("startTime"), F("endTime"), F("requestPage"), F("orderId"),
        ]),
        secret_in_rsa: true,
        methods: Methods {
            field: Some("signType"),
            by_value: &[("1", MD5_UPPER), ("2", RSA_SHA256)],
            absent: Absent::Required,
            by_sig_len: &[],
            unsupported: &[],
        },
        ..KQ
    },
    Profile {
        id: "99bill.query.response",
        about: "99bill JSON order query response (top level); option query_key for RSA",
        kind: Kind::Response,
        layout: Layout::Fixed(&[
            F("version"), F("signType"), F("merchantAcctId"), F("errCode"), F("currentPage"), F("pageCount"),
            F("pageSize"), F("recordCount"),
        ]),
        secret_in_rsa: true,
        methods: Methods {
            field: Some("signType"),
            by_value: &[("1", MD5_UPPER), ("2", RSA_SHA256)],
            absent: Absent::Required,
            by_sig_len: &[],
            unsupported: &[],
        },
        ..KQ
    },
    Profile {
        id: "99bill.query.order",
        about: "99bill order query: one orderDetail item's signInfo (RSA-SHA256 with the query key inside)",
        kind: Kind::Response,
        layout: Layout::Fixed(&[
            F("orderId"), F("orderAmount"), F("orderTime"), F("dealTime"), F("payResult"), F("payType"),
            F("payAmount"), F("fee"), F("dealId"),
        ]),
        secret_in_rsa: true,
        sig: SigAt::Field("signInfo"),
        methods: Methods {
            field: Some("signType"),
            by_value: &[("1", MD5_UPPER), ("2", RSA_SHA256)],
            absent: Absent::ByKey { secret: MD5_UPPER, rsa: RSA_SHA256 },
            by_sig_len: &[],
            unsupported: &[],
        },
        ..KQ
    },
    Profile {
        id: "99bill.refund.request",
        about: "99bill refund (receiveDrawbackAction.do): mac over pairs with no separator, merchant_key in the middle",
        layout: Layout::Fixed(&[
            F("merchant_id"), F("version"), F("command_type"), F("orderid"), F("amount"), F("postdate"),
            F("txOrder"), Key("merchant_key"), F("payeeidsrc"), F("returnSharingFlag"), F("returnData"),
        ]),
        join: Join::Pairs(""),
        secret: SecretAt::InList,
        sig: SigAt::Field("mac"),
        methods: Methods::only(MD5_UPPER),
        charset: CharsetRule::fixed(Charset::Utf8),
        ..KQ
    },
    Profile {
        id: "99bill.refundquery.request",
        about: "99bill JSON refund query request; the query key is inside the string (signType 1 MD5, 2 RSA-SHA256)",
        layout: Layout::Fixed(&[
            F("version"), F("signType"), F("merchantAcctId"), F("startDate"), F("endDate"),
            F("lastupdateStartDate"), F("lastupdateEndDate"), F("customerBatchId"), F("orderId"),
            F("requestPage"), F("rOrderId"), F("seqId"), F("status"),
            // Unconfirmed (PHP demo only): signed only when non-empty, just before the key.
            F("extra_output_column"),
        ]),
        secret_in_rsa: true,
        methods: Methods {
            field: Some("signType"),
            by_value: &[("1", MD5_UPPER), ("2", RSA_SHA256)],
            absent: Absent::Required,
            by_sig_len: &[],
            unsupported: &[],
        },
        ..KQ
    },
    Profile {
        id: "99bill.refundquery.response",
        about: "99bill JSON refund query response; option query_key for RSA",
        kind: Kind::Response,
        layout: Layout::Fixed(&[
            F("version"), F("signType"), F("merchantAcctId"), F("recordCount"), F("pageCount"),
            F("currentPage"), F("pageSize"), F("errCode"),
        ]),
        secret_in_rsa: true,
        methods: Methods {
            field: Some("signType"),
            by_value: &[("1", MD5_UPPER), ("2", RSA_SHA256)],
            absent: Absent::Required,
            by_sig_len: &[],
            unsupported: &[],
        },
        ..KQ
    },
    Profile {
        id: "99bill.legacy.request",
        about: "99bill old 安全支付网关 request: mac = MD5 with &merchant_key= last",
        layout: Layout::Fixed(&[F("merchant_id"), F("orderid"), F("amount"), F("merchant_url")]),
        secret: SecretAt::Pair("merchant_key"),
        sig: SigAt::Field("mac"),
        methods: Methods::only(MD5_UPPER),
        charset: CharsetRule::fixed(Charset::Utf8),
        ..KQ
    },
    Profile {
        id: "99bill.legacy.notify",
        about: "99bill old 安全支付网关 return to merchant_url (mac compared case-insensitively)",
        layout: Layout::Fixed(&[F("merchant_id"), F("orderid"), F("amount"), F("date"), F("succeed")]),
        secret: SecretAt::Pair("merchant_key"),
        sig: SigAt::Field("mac"),
        methods: Methods::only(MD5_UPPER),
        charset: CharsetRule::fixed(Charset::Utf8),
        ..KQ_NOTIFY
    },
    Profile {
        id: "99bill.split.request",
        about: "99bill 分账网关 (msgateway) payment request, SHA1withRSA",
        layout: Layout::Fixed(&[
            F("inputCharset"), F("pageUrl"), F("bgUrl"), F("version"), F("language"), F("signType"),
            F("payeeContactType"), F("payeeContact"), F("payerName"), F("payerContactType"), F("payerContact"),
            F("payTolerance"), F("orderId"), F("orderAmount"), F("payeeAmount"), F("orderTime"),
            F("productName"), F("productNum"), F("productDesc"), F("ext1"), F("ext2"), F("payType"),
            F("bankId"), F("pid"), F("sharingData"), F("sharingPayFlag"),
        ]),
        methods: Methods {
            field: Some("signType"),
            by_value: &[("1", MD5_UPPER), ("4", RSA_SHA1_OR_SHA256)],
            absent: Absent::Required,
            by_sig_len: &[],
            unsupported: &[],
        },
        // Echoed back in the notification (or shown on the payment page): issue 12.
        echoed: &["productName", "productDesc", "ext1", "ext2"],
        ..KQ
    },
    Profile {
        id: "99bill.split.notify",
        about: "99bill 分账网关 callback (merchantAcctId is delivered but not signed)",
        layout: Layout::Fixed(&[
            F("version"), F("language"), F("signType"), F("payType"), F("bankId"), F("pid"), F("orderId"),
            F("orderTime"), F("orderAmount"), F("dealId"), F("bankDealId"), F("dealTime"), F("payAmount"),
            F("fee"), F("payeeContactType"), F("payeeContact"), F("payeeAmount"), F("ext1"), F("ext2"),
            F("payResult"), F("sharingResult"), F("errCode"),
        ]),
        methods: Methods {
            field: Some("signType"),
            by_value: &[("1", MD5_UPPER), ("4", RSA_SHA1_OR_SHA256)],
            absent: Absent::Required,
            by_sig_len: &[],
            unsupported: &[],
        },
        ..KQ_NOTIFY
    },
];
