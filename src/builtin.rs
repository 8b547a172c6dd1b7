//! The gateways' own public certificates and keys, compiled in (`certs/`, sources in
//! `certs/README.md`). They verify what a gateway signs; none of them can sign.
//!
//! A name is `<gateway>.<environment>[.<detail>]`, where `<gateway>` is the first part of the
//! profile ids it serves (`99bill`, `alipay`, `allinpay`), so [`for_gateway`] finds the
//! certificates [`crate::diagnose`] tries for a profile. An expired certificate stays here:
//! it still verifies what was signed with it, and `paysign keyinfo --builtin` warns.

use crate::error::{Error, Result};
use crate::keys::Key;

/// One compiled-in certificate or public key.
#[derive(Clone, Copy, Debug)]
pub struct Builtin {
    /// `99bill.production`, `alipay.sandbox.key`, ...
    pub name: &'static str,
    /// The file in `certs/` it was compiled from.
    pub file: &'static str,
    /// One line: what it is and where it is used.
    pub about: &'static str,
    /// The file's bytes.
    pub data: &'static [u8],
}

impl Builtin {
    /// The gateway part of the name (`99bill`, `alipay`, `allinpay`).
    pub fn gateway(&self) -> &'static str {
        self.name.split('.').next().unwrap_or(self.name)
    }

    /// Loads it as a [`Key`] (an RSA public key, with its certificate summary when it is one).
    pub fn key(&self) -> Result<Key> {
        Key::load(self.data, None).map_err(|e| {
            Error::new(
                e.status,
                format!("built-in key '{}' ({}): {}", self.name, self.file, e.message),
            )
        })
    }
}

/// Every built-in certificate and key, grouped by gateway, production first.
pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "99bill.production",
        file: "99bill.cert.rsa.20340630.cer",
        about: "99bill RMB gateway production certificate (CN=99Bill, 2014-07-03 to 2034-06-30)",
        data: include_bytes!("../certs/99bill.cert.rsa.20340630.cer"),
    },
    Builtin {
        name: "99bill.sandbox",
        file: "99bill_CFCA_sandbox.cer",
        about: "99bill sandbox certificate issued by CFCA ACS TEST OCA33 (2019-05-15 to 2024-05-15)",
        data: include_bytes!("../certs/99bill_CFCA_sandbox.cer"),
    },
    Builtin {
        name: "99bill.sandbox.2009",
        file: "99bill.cert.rsa.20140803.cer",
        about: "99bill old 1024-bit sandbox certificate (CN=44, 2009-05-21 to 2014-08-03)",
        data: include_bytes!("../certs/99bill.cert.rsa.20140803.cer"),
    },
    Builtin {
        name: "alipay.sandbox",
        file: "alipay_sandbox_public_cert.pem",
        about: "Alipay OpenAPI sandbox public-key certificate (Ant Financial test CA, 2023-06-07 to 2024-06-06)",
        data: include_bytes!("../certs/alipay_sandbox_public_cert.pem"),
    },
    Builtin {
        name: "alipay.sandbox.key",
        file: "alipay_sandbox_public_key.pem",
        about: "Alipay OpenAPI sandbox public key (the key of alipay.sandbox, without the certificate)",
        data: include_bytes!("../certs/alipay_sandbox_public_key.pem"),
    },
    Builtin {
        name: "allinpay.gateway",
        file: "allinpay_gateway_public.pem",
        about: "Allinpay gateway public key (1024-bit) that verifies the official RSA notification sample",
        data: include_bytes!("../certs/allinpay_gateway_public.pem"),
    },
];

/// Looks a built-in key up by name. An unknown name is `PAYSIGN_INVALID_ARGUMENT` listing
/// the known names.
pub fn find(name: &str) -> Result<&'static Builtin> {
    BUILTINS.iter().find(|b| b.name == name).ok_or_else(|| {
        let printable: String = name.chars().map(|c| if c.is_control() { '?' } else { c }).collect();
        Error::invalid_argument(format!(
            "unknown built-in key '{printable}' (known: {})",
            BUILTINS.iter().map(|b| b.name).collect::<Vec<_>>().join(", ")
        ))
    })
}

/// Loads a built-in key by name.
pub fn load(name: &str) -> Result<Key> {
    find(name)?.key()
}

/// The built-in keys of one gateway (`p.gateway()` of a profile), in table order.
pub fn for_gateway(gateway: &str) -> impl Iterator<Item = &'static Builtin> + '_ {
    BUILTINS.iter().filter(move |b| b.gateway() == gateway)
}

/// Every name, each followed by a newline (as `paysign_builtin_keys` returns them).
pub fn listing() -> String {
    let mut s = String::new();
    for b in BUILTINS {
        s.push_str(b.name);
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_loads_as_a_public_key() {
        for b in BUILTINS {
            let k = b.key().unwrap_or_else(|e| panic!("{}: {e}", b.name));
            assert!(k.rsa_public_ref().is_some() && k.rsa_private().is_none(), "{}", b.name);
        }
    }

    #[test]
    fn unknown_name_lists_the_known_ones() {
        let e = load("99bill.prod").unwrap_err();
        assert_eq!(e.status, crate::Status::PAYSIGN_INVALID_ARGUMENT);
        assert!(e.message.contains("99bill.production") && e.message.contains("allinpay.gateway"));
    }

    #[test]
    fn names_are_unique_and_grouped_by_gateway() {
        let names: std::collections::HashSet<_> = BUILTINS.iter().map(|b| b.name).collect();
        assert_eq!(names.len(), BUILTINS.len());
        assert_eq!(for_gateway("99bill").count(), 3);
        assert_eq!(for_gateway("alipay").count(), 2);
        assert_eq!(for_gateway("wechatpay").count(), 0);
    }
}
