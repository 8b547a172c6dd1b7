//! Allinpay order query v1.5 at `/gateway/query.do`, answered from the recorded orders: the
//! form verified with the profile allinpay.query.request (fixed order, `&key=`, MD5 upper
//! case); the answer is URL-encoded `name=value` pairs carrying the payment result's fields,
//! signed as the notification is (signType 0: MD5 with the merchant key; 1: SHA1withRSA with
//! the simulator's Allinpay key), or `ERRORCODE=10027` when the order does not exist
//! (../shared/specs/allinpay.md §A3; the aggregator's Allinpay.php paymentTracking).
//! orderNo and orderDatetime must both be the payment's ("與提交時保持一致").
//!
//! The simulator's own choices: an order whose payment page is still open has no payment
//! result, so it answers 10027 too; the spec names no other code, so the simulator's are
//! `sim.*`, each with an `ERRORMSG` (its own field) giving the reason and diagnose's report.

use paysign::{Charset, Format, Options, Params};

use super::allinpay::{self, GATEWAY};
use super::http::{Request, Response};
use super::secret_form;
use super::store::{Kind, OrderStatus};
use super::{printable, Sim};

pub const PATH: &str = "/gateway/query.do";
const REQUEST: &str = "allinpay.query.request";

fn error(code: &str, message: &str) -> Response {
    let body = Params::from_pairs([("ERRORCODE", code), ("ERRORMSG", message)])
        .encode(Format::Form, Charset::Utf8)
        .unwrap_or_else(|_| format!("ERRORCODE={code}"));
    Response::bytes(200, "text/plain; charset=UTF-8", body.into_bytes())
}

pub fn query(sim: &Sim, req: &Request) -> Response {
    let p = match paysign::profile(REQUEST) {
        Ok(p) => p,
        Err(e) => return error("sim.error", &e.message),
    };
    let opts = Options::default();
    let fields = match paysign::signer::parse_body(p, &opts, req.form(), Format::Form, None) {
        Ok(f) => f,
        Err(e) => return error("sim.malformed", &format!("{}: {}", e.status.name(), e.message)),
    };
    let get = |name: &str| fields.get(name).unwrap_or_default();
    let Some(merchant) = sim.allinpay.iter().find(|m| m.id == get("merchantId")) else {
        return error(
            "sim.unknown-merchant",
            &format!(
                "merchantId '{}' is not a merchant of this simulator (--config)",
                printable(get("merchantId"))
            ),
        );
    };
    if let Err((code, why)) = secret_form::verify_api(p, req, &fields, &merchant.key, "signMsg") {
        return error(code, &why);
    }
    if get("version") != "v1.5" {
        return error(
            "sim.malformed",
            &format!("version '{}' must be v1.5", printable(get("version"))),
        );
    }
    for name in ["orderNo", "orderDatetime"] {
        if get(name).is_empty() {
            return error("sim.malformed", &format!("{name} is missing"));
        }
    }
    let orders = sim.store.lock();
    let found = orders.iter().rev().find(|o| {
        o.gateway == GATEWAY
            && o.merchant == merchant.id
            && o.order_id == get("orderNo")
            && o.request.get("orderDatetime") == Some(get("orderDatetime"))
            && o.status != OrderStatus::Pending
    });
    let Some(order) = found else {
        return error("10027", "no payment result for this orderNo and orderDatetime");
    };
    // The notification's own fields and signature, freshly made.
    match allinpay::notification(sim, order, Kind::Normal) {
        Ok((_, body)) => Response::bytes(200, "text/plain", body),
        Err(why) => error("sim.error", &why),
    }
}
