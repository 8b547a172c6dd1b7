//! PayPal IPN (docs/specs/paypal.md): no signature, a postback. paysign builds the exact
//! validation body, judges PayPal's one-word answer and runs the merchant's checks; the caller
//! does the HTTPS POST. Not a profile (src/gateways): there is no sign string, key or digest.

mod checks;
mod postback;
mod verdict;

pub use checks::{check, fields, Checked, Expect};
pub use postback::{postback, LIVE_URL, SANDBOX_URL};
pub use verdict::verdict;
