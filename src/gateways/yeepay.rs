//! YeePay 易宝 legacy node gateway. Rules: ../shared/specs/yeepay.md.

use crate::charset::Charset;
use crate::profile::Slot::F;
use crate::profile::*;

/// Values only, fixed order, HMAC-MD5 lowercase over the UTF-8 bytes (the wire is GBK).
const YP: Profile = Profile {
    join: Join::Values(""),
    sig: SigAt::Field("hmac"),
    methods: Methods::only(Method::HmacMd5(Case::Lower)),
    charset: CharsetRule::fixed(Charset::Utf8),
    wire: Some(Charset::Gbk),
    ..BASE
};

#[rustfmt::skip]
pub const PROFILES: &[Profile] = &[
    Profile {
        id: "yeepay.pay.request",
        about: "YeePay Buy request: hmac = HMAC-MD5 over p0_Cmd..pr_NeedResponse values",
        layout: Layout::Fixed(&[
            F("p0_Cmd"), F("p1_MerId"), F("p2_Order"), F("p3_Amt"), F("p4_Cur"), F("p5_Pid"), F("p6_Pcat"),
            F("p7_Pdesc"), F("p8_Url"), F("p9_SAF"), F("pa_MP"), F("pd_FrpId"), F("pr_NeedResponse"),
        ]),
        ..YP
    },
    Profile {
        id: "yeepay.pay.notify",
        about: "YeePay callback (GBK query): hmac over p1_MerId, r0_Cmd..r9_BType; option hmac_safe=1 also checks (signing: sets) hmac_safe",
        kind: Kind::Notify,
        layout: Layout::Fixed(&[
            F("p1_MerId"), F("r0_Cmd"), F("r1_Code"), F("r2_TrxId"), F("r3_Amt"), F("r4_Cur"), F("r5_Pid"),
            F("r6_Order"), F("r7_Uid"), F("r8_MP"), F("r9_BType"),
        ]),
        reply: Some(Reply { success: "success", failure: "fail", needs_url: false }),
        second: Some(Second {
            field: "hmac_safe", join: Join::Values("#"), empty: Empty::Skip, layout: None, secret: SecretAt::Nowhere,
            always: false,
        }),
        ..YP
    },
];
