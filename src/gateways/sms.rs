//! CMPP 3.0 / SMGP 3.0.3 login authenticators. Rules: ../shared/specs/sms-cmpp-smgp.md.
//! The shared secret is the key; the sign string is shown as the hex of the MD5 input.

use crate::charset::Charset;
use crate::profile::Part::*;
use crate::profile::*;

const AUTH: Profile = Profile {
    kind: Kind::Authenticator,
    layout: Layout::Binary(&[]),
    sig: SigAt::Field("authenticator"),
    methods: Methods::only(Method::Md5(Case::Lower)),
    charset: CharsetRule::fixed(Charset::Utf8),
    ..BASE
};

#[rustfmt::skip]
pub const PROFILES: &[Profile] = &[
    Profile {
        id: "cmpp.connect",
        about: "CMPP CONNECT AuthenticatorSource = MD5(source_addr, 9 x 0x00, secret, timestamp as 10 digits)",
        layout: Layout::Binary(&[Ascii("source_addr"), Zeros(9), Secret, Decimal10("timestamp")]),
        ..AUTH
    },
    Profile {
        id: "cmpp.connect_resp",
        about: "CMPP CONNECT_RESP AuthenticatorISMG = MD5(status in status_width bytes (1 CMPP2, 4 CMPP3), authenticator_source_hex, secret)",
        layout: Layout::Binary(&[
            UintBe { field: "status", width: 4, width_field: Some("status_width") },
            Hex("authenticator_source_hex"),
            Secret,
        ]),
        ..AUTH
    },
    Profile {
        id: "smgp.login",
        about: "SMGP Login AuthenticatorClient = MD5(client_id, 7 x 0x00, secret, timestamp as 10 digits)",
        layout: Layout::Binary(&[Ascii("client_id"), Zeros(7), Secret, Decimal10("timestamp")]),
        ..AUTH
    },
    Profile {
        id: "smgp.login_resp",
        about: "SMGP Login_Resp AuthenticatorServer = MD5(status u32, authenticator_client_hex, secret)",
        layout: Layout::Binary(&[
            UintBe { field: "status", width: 4, width_field: None },
            Hex("authenticator_client_hex"),
            Secret,
        ]),
        ..AUTH
    },
];
