//! Alipay legacy mapi and OpenAPI. Rules: ../shared/specs/alipay.md.

use crate::charset::Charset;
use crate::profile::*;

const RSA_SHA1: Method = Method::Rsa {
    hash: Hash::Sha1,
    also: None,
    out: RsaOut::Base64,
};
const RSA_SHA256: Method = Method::Rsa {
    hash: Hash::Sha256,
    also: None,
    out: RsaOut::Base64,
};
const MD5_LOWER: Method = Method::Md5(Case::Lower);

const REPLY: Reply = Reply {
    success: "success",
    failure: "fail",
    needs_url: false,
};

/// Legacy mapi: sorted, `sign` and `sign_type` excluded, no trim, MD5 key appended with no
/// separator (lowercase hex) or SHA1withRSA; charset from `_input_charset`.
const MAPI: Profile = Profile {
    layout: Layout::Sorted {
        exclude: &["sign_type"],
    },
    secret: SecretAt::Raw,
    methods: Methods {
        field: Some("sign_type"),
        by_value: &[("MD5", MD5_LOWER), ("RSA", RSA_SHA1)],
        absent: Absent::ByKey {
            secret: MD5_LOWER,
            rsa: RSA_SHA1,
        },
        by_sig_len: &[],
        // Listed by Alipay, specified nowhere public (specs/alipay.md §2).
        unsupported: &["DSA"],
    },
    charset: CharsetRule {
        field: Some("_input_charset"),
        codes: &[],
        default: Charset::Utf8,
    },
    ..BASE
};

/// OpenAPI: RSA2 (SHA256withRSA) or RSA (SHA1withRSA), charset from `charset`.
const OPENAPI: Profile = Profile {
    layout: Layout::Sorted { exclude: &[] },
    methods: Methods {
        field: Some("sign_type"),
        by_value: &[("RSA2", RSA_SHA256), ("RSA", RSA_SHA1)],
        absent: Absent::Use(RSA_SHA256),
        by_sig_len: &[],
        unsupported: &[],
    },
    charset: CharsetRule {
        field: Some("charset"),
        codes: &[],
        default: Charset::Utf8,
    },
    ..BASE
};

#[rustfmt::skip]
pub const PROFILES: &[Profile] = &[
    Profile {
        id: "alipay.mapi.request",
        about: "Alipay legacy mapi request (create_direct_pay_by_user ...): MD5 raw suffix or RSA-SHA1",
        // Echoed back in the notification (or shown on the payment page): issue 12.
        echoed: &["subject", "body", "extra_common_param"],
        ..MAPI
    },
    Profile {
        id: "alipay.mapi.notify",
        about: "Alipay legacy mapi notify_url/return_url notification; then check notify_id (notify_verify URL)",
        kind: Kind::Notify,
        reply: Some(REPLY),
        ..MAPI
    },
    Profile {
        id: "alipay.openapi.request",
        about: "Alipay OpenAPI request (alipay.trade.*): sign_type is signed; RSA2 or RSA",
        // Echoed back in the notification (or shown on the payment page): issue 12.
        echoed: &["biz_content"],
        ..OPENAPI
    },
    Profile {
        id: "alipay.openapi.notify",
        about: "Alipay OpenAPI async notification / sync return: sign and sign_type excluded, Alipay public key",
        kind: Kind::Notify,
        layout: Layout::Sorted { exclude: &["sign_type"] },
        reply: Some(REPLY),
        ..OPENAPI
    },
];

/// The legacy ATN check URL: GET it and accept the notification only if the body is exactly
/// `true`. No network I/O here. `notify_id` is used exactly as received (already decoded once),
/// percent-encoded once for the URL.
pub fn notify_verify_url(partner: &str, notify_id: &str) -> String {
    let enc = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    };
    format!(
        "https://mapi.alipay.com/gateway.do?service=notify_verify&partner={}&notify_id={}",
        enc(partner),
        enc(notify_id)
    )
}
