//! Allinpay 通联 internet payment gateway and the AIPG (通联通) XML system.
//! Rules: ../shared/specs/allinpay.md.

use crate::charset::Charset;
use crate::profile::Slot::F;
use crate::profile::*;

const MD5_UPPER: Method = Method::Md5(Case::Upper);
const RSA_SHA1: Method = Method::Rsa {
    hash: Hash::Sha1,
    also: None,
    out: RsaOut::Base64,
};

/// Fixed (non-alphabetical) orders, empties skipped, `&key=` for MD5, uppercase hex.
const AL: Profile = Profile {
    layout: Layout::Fixed(&[]),
    secret: SecretAt::Pair("key"),
    sig: SigAt::Field("signMsg"),
    methods: Methods::only(MD5_UPPER),
    charset: CharsetRule {
        field: Some("inputCharset"),
        codes: &[("1", Charset::Utf8), ("2", Charset::Gbk), ("3", Charset::Gb2312)],
        default: Charset::Utf8,
    },
    ..BASE
};

#[rustfmt::skip]
pub const PROFILES: &[Profile] = &[
    Profile {
        id: "allinpay.pay.request",
        about: "Allinpay gateway payment request: always MD5 with &key= (even with signType=1)",
        layout: Layout::Fixed(&[
            F("inputCharset"), F("pickupUrl"), F("receiveUrl"), F("version"), F("language"), F("signType"),
            F("merchantId"), F("payerName"), F("payerEmail"), F("payerTelephone"), F("payerIDCard"), F("pid"),
            F("orderNo"), F("orderAmount"), F("orderCurrency"), F("orderDatetime"), F("orderExpireDatetime"),
            F("productName"), F("productPrice"), F("productNum"), F("productId"), F("productDesc"), F("ext1"),
            F("ext2"), F("extTL"), F("payType"), F("issuerId"), F("pan"), F("tradeNature"),
        ]),
        // Echoed back in the notification (or shown on the payment page): issue 12.
        echoed: &["productName", "productDesc", "ext1", "ext2"],
        ..AL
    },
    Profile {
        id: "allinpay.pay.notify",
        about: "Allinpay receiveUrl/pickupUrl notification: signType 0 MD5 with &key=, 1 SHA1withRSA without key",
        kind: Kind::Notify,
        layout: Layout::Fixed(&[
            F("merchantId"), F("version"), F("language"), F("signType"), F("payType"), F("issuerId"),
            F("paymentOrderId"), F("orderNo"), F("orderDatetime"), F("orderAmount"), F("payDatetime"),
            F("payAmount"), F("ext1"), F("ext2"), F("payResult"), F("errorCode"), F("returnDatetime"),
        ]),
        methods: Methods {
            field: Some("signType"),
            by_value: &[("0", MD5_UPPER), ("1", RSA_SHA1)],
            absent: Absent::Required,
            by_sig_len: &[],
            unsupported: &[],
        },
        // Unconfirmed in the spec: any HTTP 200 body; `success` is the common convention.
        reply: Some(Reply { success: "success", failure: "fail", needs_url: false }),
        ..AL
    },
    Profile {
        id: "allinpay.query.request",
        about: "Allinpay gateway order query v1.5 (query.do): MD5 with &key=",
        layout: Layout::Fixed(&[
            F("merchantId"), F("version"), F("signType"), F("orderNo"), F("orderDatetime"), F("queryDatetime"),
        ]),
        ..AL
    },
    Profile {
        id: "allinpay.aipg.request",
        about: "Allinpay AIPG (通联通) XML request in param 'document': SHA1withRSA over GBK bytes, lowercase hex in <SIGNED_MSG>",
        layout: Layout::Document { field: "document", element: "SIGNED_MSG", signed: DocSigned::Whole },
        secret: SecretAt::Nowhere,
        sig: SigAt::Element,
        methods: Methods::only(Method::Rsa { hash: Hash::Sha1, also: None, out: RsaOut::HexLower }),
        charset: CharsetRule::fixed(Charset::Gbk),
        ..BASE
    },
    Profile {
        id: "allinpay.aipg.response",
        about: "Allinpay AIPG XML response in param 'document', verified with Allinpay's certificate",
        kind: Kind::Response,
        layout: Layout::Document { field: "document", element: "SIGNED_MSG", signed: DocSigned::Whole },
        secret: SecretAt::Nowhere,
        sig: SigAt::Element,
        methods: Methods::only(Method::Rsa { hash: Hash::Sha1, also: None, out: RsaOut::HexLower }),
        charset: CharsetRule::fixed(Charset::Gbk),
        ..BASE
    },
];
