//! UnionPay 银联 online payment (ACP 全渠道) 5.0.0 and 5.1.0. Rules: docs/specs/unionpay-acp.md.
//! The certificate checks of 5.1.0 notifications (`signPubKeyCert`) live in src/unionpay/.

use crate::charset::Charset;
use crate::profile::*;

/// `version` picks the digest; both sign its lowercase hex with RSA (`signMethod=01`).
const METHODS: Methods = Methods {
    field: Some("version"),
    by_value: &[
        ("5.0.0", Method::RsaOfHexDigest { hash: Hash::Sha1 }),
        ("5.1.0", Method::RsaOfHexDigest { hash: Hash::Sha256 }),
    ],
    absent: Absent::Required,
    by_sig_len: &[],
    unsupported: &[],
};

/// UnionPay counts HTTP 200 as delivered; the body is not inspected (spec: Unconfirmed).
const REPLY: Reply = Reply {
    success: "ok",
    failure: "fail",
    needs_url: false,
};

/// Every field but `signature`, sorted; empties kept (the verifier signs what arrived).
const ACP: Profile = Profile {
    layout: Layout::Sorted { exclude: &[] },
    empty: Empty::Keep,
    sig: SigAt::Field("signature"),
    methods: METHODS,
    charset: CharsetRule {
        field: Some("encoding"),
        codes: &[],
        default: Charset::Utf8,
    },
    ..BASE
};

#[rustfmt::skip]
pub const PROFILES: &[Profile] = &[
    Profile {
        id: "unionpay.acp.request",
        about: "UnionPay ACP front/back/query request (frontTransReq, backTransReq, queryTrans): version 5.0.0 SHA-1 or 5.1.0 SHA-256 hex, then RSA",
        required: &["version", "signMethod", "certId"],
        // Echoed back in the notification: issue 12.
        echoed: &["reqReserved"],
        ..ACP
    },
    Profile {
        id: "unionpay.acp.notify",
        about: "UnionPay ACP back/front notification (5.1.0: check signPubKeyCert with paysign_unionpay_verify)",
        kind: Kind::Notify,
        reply: Some(REPLY),
        ..ACP
    },
    Profile {
        id: "unionpay.acp.response",
        about: "UnionPay ACP synchronous reply of backTransReq/queryTrans (same rules as the notification)",
        kind: Kind::Response,
        ..ACP
    },
];
