//! ChinaBank 网银在线 PayGate v4. Rules: ../shared/specs/chinabank.md.

use crate::charset::Charset;
use crate::profile::Slot::F;
use crate::profile::*;

/// Values only, no separators, key appended raw, uppercase MD5; GBK unless `encoding` says
/// otherwise. Every signed field is mandatory (there is no skip rule).
const CB: Profile = Profile {
    join: Join::Values(""),
    empty: Empty::Keep,
    secret: SecretAt::Raw,
    methods: Methods::only(Method::Md5(Case::Upper)),
    charset: CharsetRule {
        field: Some("encoding"),
        codes: &[],
        default: Charset::Gbk,
    },
    ..BASE
};

const NOTIFY_FIELDS: Layout = Layout::Fixed(&[F("v_oid"), F("v_pstatus"), F("v_amount"), F("v_moneytype")]);

#[rustfmt::skip]
pub const PROFILES: &[Profile] = &[
    Profile {
        id: "chinabank.pay.request",
        about: "ChinaBank PayGate request: v_md5info = MD5(v_amount v_moneytype v_oid v_mid v_url key)",
        layout: Layout::Fixed(&[F("v_amount"), F("v_moneytype"), F("v_oid"), F("v_mid"), F("v_url")]),
        sig: SigAt::Field("v_md5info"),
        required: &["v_amount", "v_moneytype", "v_oid", "v_mid", "v_url"],
        ..CB
    },
    Profile {
        id: "chinabank.pay.notify",
        about: "ChinaBank return/notify: v_md5str = MD5(v_oid v_pstatus v_amount v_moneytype key); reply ok",
        kind: Kind::Notify,
        layout: NOTIFY_FIELDS,
        sig: SigAt::Field("v_md5str"),
        required: &["v_oid", "v_pstatus", "v_amount", "v_moneytype"],
        reply: Some(Reply { success: "ok", failure: "error", needs_url: false }),
        ..CB
    },
    Profile {
        id: "chinabank.query.response",
        about: "ChinaBank receiveorder.jsp query response (GB2312 form fields), v_md5str as the notify",
        kind: Kind::Response,
        layout: NOTIFY_FIELDS,
        sig: SigAt::Field("v_md5str"),
        required: &["v_oid", "v_pstatus", "v_amount", "v_moneytype"],
        ..CB
    },
];
