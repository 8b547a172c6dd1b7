//! WeChat Pay API v2 (the 2014 "V3" merchant platform XML API). Rules: ../shared/specs/wechatpay.md.

use crate::profile::*;

const MD5: Method = Method::Md5(Case::Upper);
const HMAC_SHA256: Method = Method::HmacSha256(Case::Upper);

/// `sign_type` picks the digest; a notification without it is judged by the option, else by
/// the signature's length (32 hex = MD5, 64 = HMAC-SHA256).
const METHODS: Methods = Methods {
    field: Some("sign_type"),
    by_value: &[("MD5", MD5), ("HMAC-SHA256", HMAC_SHA256)],
    absent: Absent::Use(MD5),
    by_sig_len: &[(32, MD5), (64, HMAC_SHA256)],
    unsupported: &[],
};

/// Sorted over everything but `sign` (`sign_type` stays in), trimmed as the official SDK does,
/// empties skipped, `&key=` suffix (HMAC mode keys the HMAC with it too), UTF-8.
const WX: Profile = Profile {
    layout: Layout::Sorted { exclude: &[] },
    trim: true,
    secret: SecretAt::Pair("key"),
    methods: METHODS,
    ..BASE
};

#[rustfmt::skip]
pub const PROFILES: &[Profile] = &[
    Profile {
        id: "wechatpay.request",
        about: "WeChat Pay v2 request (unified order, order query, close, refund, refund query)",
        // Echoed back in the notification (or shown on the payment page): issue 12.
        echoed: &["attach", "body"],
        ..WX
    },
    Profile {
        id: "wechatpay.notify",
        about: "WeChat Pay v2 payment/refund notification and every API response (XML)",
        kind: Kind::Notify,
        reply: Some(Reply {
            success: "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>",
            failure: "<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[FAIL]]></return_msg></xml>",
            needs_url: false,
        }),
        ..WX
    },
    Profile {
        id: "wechatpay.app.payreq",
        about: "WeChat Pay APP client parameters: appid, partnerid, prepayid, package=Sign=WXPay, noncestr, timestamp",
        layout: Layout::Fixed(&[
            Slot::F("appid"), Slot::F("noncestr"), Slot::F("package"), Slot::F("partnerid"),
            Slot::F("prepayid"), Slot::F("timestamp"),
        ]),
        required: &["appid", "noncestr", "package", "partnerid", "prepayid", "timestamp"],
        ..WX
    },
    Profile {
        id: "wechatpay.jsapi.paysign",
        about: "WeChat Pay JSAPI / mini-program paySign: appId, timeStamp, nonceStr, package=prepay_id=..., signType",
        // The five camelCase names of getBrandWCPayRequest / wx.requestPayment, in ASCII order;
        // `signType` is signed and names the digest (docs/specs/wechatpay-v2-additions.md §1).
        layout: Layout::Fixed(&[
            Slot::F("appId"), Slot::F("nonceStr"), Slot::F("package"), Slot::F("signType"),
            Slot::F("timeStamp"),
        ]),
        required: &["appId", "nonceStr", "package", "signType", "timeStamp"],
        sig: SigAt::Field("paySign"),
        methods: Methods { field: Some("signType"), absent: Absent::Required, by_sig_len: &[], ..METHODS },
        ..WX
    },
];
