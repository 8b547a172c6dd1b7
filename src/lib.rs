//! paysign: sign strings, signatures and notification checks for Chinese payment gateways
//! (99bill, WeChat Pay, Alipay, ChinaBank, Dinpay, Allinpay, YeePay) and the CMPP/SMGP login
//! authenticators, with a C ABI (`ffi`) for PHP, Java and .NET wrappers.
//!
//! ```no_run
//! use paysign::{Key, Options, Params};
//! let key = Key::secret("APPSECRET").unwrap();
//! let mut params = Params::from_pairs([("signType", "1"), ("orderId", "A1")]);
//! let p = paysign::profile("99bill.pay.request").unwrap();
//! let sig = paysign::sign(p, &Options::default(), &mut params, Some(&key)).unwrap();
//! ```
pub mod alipay;
pub mod builtin;
pub mod canon;
pub mod charset;
pub mod der_decimal;
pub mod diagnose;
pub mod digest;
pub mod error;
pub mod ffi;
pub mod gateways;
pub mod keys;
pub mod options;
pub mod params;
pub mod paypal;
pub mod profile;
pub mod signer;
pub mod unionpay;
pub mod wechat_v3;
pub mod wechatpay;

pub use charset::Charset;
pub use error::{Error, Result, Status};
pub use keys::Key;
pub use options::Options;
pub use params::{Format, Params};
pub use profile::Profile;
pub use signer::{profile, reply, sign, sign_string, verify, verify_body, Verdict};

/// The library version, e.g. "0.1.0".
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
