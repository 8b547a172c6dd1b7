//! IPS 环迅: the 3.0 form interface (ipayment.aspx) and the 7.0 XML gateway (newpay
//! psfp-entry/gateway/payment.do). Rules: docs/specs/ips.md.

use crate::charset::Charset;
use crate::profile::Slot::{Text, F};
use crate::profile::*;

const MD5_LOWER: Method = Method::Md5(Case::Lower);

/// Each value after IPS's own lowercase label, nothing between entries, the merchant
/// certificate appended raw, lowercase MD5. Every signed field is mandatory.
const IPS: Profile = Profile {
    join: Join::Values(""),
    empty: Empty::Keep,
    secret: SecretAt::Raw,
    charset: CharsetRule::fixed(Charset::Gb2312),
    ..BASE
};

#[rustfmt::skip]
pub const PROFILES: &[Profile] = &[
    Profile {
        id: "ips.pay.request",
        about: "IPS 3.0 payment request, OrderEncodeType 5: SignMD5 = md5(billno..currencytype..amount..date..orderencodetype.. cert)",
        layout: Layout::Fixed(&[
            Text("billno"), F("Billno"), Text("currencytype"), F("Currency_Type"), Text("amount"), F("Amount"),
            Text("date"), F("Date"), Text("orderencodetype"), F("OrderEncodeType"),
        ]),
        sig: SigAt::Field("SignMD5"),
        methods: Methods {
            field: Some("OrderEncodeType"),
            by_value: &[("5", MD5_LOWER)],
            absent: Absent::Required,
            by_sig_len: &[],
            // 2 signs the values without labels (one source only, docs/specs/ips.md §2).
            unsupported: &["2"],
        },
        required: &["Billno", "Currency_Type", "Amount", "Date", "OrderEncodeType"],
        ..IPS
    },
    Profile {
        id: "ips.pay.notify",
        about: "IPS 3.0 return / server notification, RetEncodeType 17: signature = md5(billno..currencytype..amount..date..succ..ipsbillno..retencodetype.. cert); reply ipscheckok",
        kind: Kind::Notify,
        layout: Layout::Fixed(&[
            Text("billno"), F("billno"), Text("currencytype"), F("Currency_type"), Text("amount"), F("amount"),
            Text("date"), F("date"), Text("succ"), F("succ"), Text("ipsbillno"), F("ipsbillno"),
            Text("retencodetype"), F("retencodetype"),
        ]),
        sig: SigAt::Field("signature"),
        methods: Methods {
            field: Some("retencodetype"),
            by_value: &[("17", MD5_LOWER)],
            absent: Absent::Required,
            by_sig_len: &[],
            // 16 is MD5withRSA with a key IPS hands out; no source gives its sign string.
            unsupported: &["16"],
        },
        required: &["billno", "Currency_type", "amount", "date", "succ", "ipsbillno", "retencodetype"],
        // Merchant code answers the server-to-server call with ipscheckok; IPS resends otherwise.
        reply: Some(Reply { success: "ipscheckok", failure: "ipscheckfail", needs_url: false }),
        ..IPS
    },
    // 7.0: the XML document travels in one form field; MD5 over the exact `<body>…</body>`
    // text, then the head's MerCode, then the merchant certificate, lowercase, in <Signature>.
    Profile {
        id: "ips.v7.request",
        about: "IPS 7.0 payment request (form field pGateWayReq, XML): Signature = md5(<body>…</body> + MerCode + cert), lowercase",
        layout: Layout::Document { field: "pGateWayReq", element: "Signature", signed: V7_SIGNED },
        ..V7
    },
    Profile {
        id: "ips.v7.notify",
        about: "IPS 7.0 return / server notification (form field paymentResult, XML): Signature = md5(<body>…</body> + MerCode + cert); reply ipscheckok",
        kind: Kind::Notify,
        layout: Layout::Document { field: "paymentResult", element: "Signature", signed: V7_SIGNED },
        reply: Some(Reply { success: "ipscheckok", failure: "ipscheckfail", needs_url: false }),
        ..V7
    },
    // 7.0 order query, the SOAP call getOrderByMerBillNo (/psfp-entry/services/order): the
    // request document is its argument `orderQuery`, the answer its result; both signed as the
    // payment. The answer's head has no MerCode either: the merchant adds its own.
    Profile {
        id: "ips.v7.query.request",
        about: "IPS 7.0 order query (SOAP getOrderByMerBillNo, argument orderQuery, XML OrderQueryReq): Signature = md5(<body>…</body> + MerCode + cert)",
        layout: Layout::Document { field: "orderQuery", element: "Signature", signed: V7_SIGNED },
        ..V7
    },
    Profile {
        id: "ips.v7.query.response",
        about: "IPS 7.0 order query answer (getOrderByMerBillNoResult, XML OrderQueryRsp, plus the merchant's MerCode): Signature = md5(<body>…</body> + MerCode + cert)",
        kind: Kind::Response,
        layout: Layout::Document { field: "getOrderByMerBillNoResult", element: "Signature", signed: V7_SIGNED },
        ..V7
    },
];

const V7_SIGNED: DocSigned = DocSigned::Span {
    element: "body",
    then: &["MerCode"],
};

const V7: Profile = Profile {
    secret: SecretAt::Raw,
    sig: SigAt::Element,
    methods: Methods::only(MD5_LOWER),
    charset: CharsetRule::fixed(Charset::Utf8),
    ..BASE
};
