//! Dinpay `single_trade_query` at `/query` (query.dinpay.com/query; NewDinPay.php posts to
//! the path `/query`), answered from the recorded orders: the form verified with the profile
//! dinpay.query.request (sorted, `&key=`, MD5 lowercase; or RSA-S with the merchant's public
//! key, dinpay_rsa.rs), the XML answer
//! `<dinpay><response><is_success>T</is_success><sign_type>MD5</sign_type><sign>…</sign>
//! <trade>…</trade></response></dinpay>` whose sign covers the non-empty `<trade>` children,
//! sorted, with `&key=` (profile dinpay.query.response; for an RSA-S request, the same string
//! signed RSA-S with the simulator's Dinpay key and `<sign_type>RSA-S</sign_type>`: the spec
//! gives the response's rule for MD5 only, so this is the simulator's choice). trade_status SUCCESS, FAILED or
//! UNPAY (an order whose payment page is still open). Errors: is_success F with
//! `error_code` TRADE_IS_NOT_EXIST (the spec's); the spec names no other code, so the
//! simulator's are `sim.*`, and its `error_msg` element (the simulator's own) carries the
//! reason and diagnose's report. Rules: ../shared/specs/dinpay.md §3.

use paysign::{Options, Params};

use super::dinpay::GATEWAY;
use super::http::{Request, Response};
use super::pages::escape;
use super::secret_form;
use super::store::{Order, OrderStatus};
use super::{printable, Sim};

pub const PATH: &str = "/query";
const REQUEST: &str = "dinpay.query.request";
const RESPONSE: &str = "dinpay.query.response";

fn xml(response: &str) -> Response {
    let doc =
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<dinpay><response>{response}</response></dinpay>\n");
    Response::bytes(200, "text/xml; charset=UTF-8", doc.into_bytes())
}

fn error(code: &str, message: &str) -> Response {
    xml(&format!(
        "<is_success>F</is_success><error_code>{}</error_code><error_msg>{}</error_msg>",
        escape(code),
        escape(message)
    ))
}

pub fn query(sim: &Sim, req: &Request) -> Response {
    let p = match paysign::profile(REQUEST) {
        Ok(p) => p,
        Err(e) => return error("sim.error", &e.message),
    };
    let opts = Options::default();
    let fields = match paysign::signer::parse_body(p, &opts, req.form(), paysign::Format::Form, None) {
        Ok(f) => f,
        Err(e) => return error("sim.malformed", &format!("{}: {}", e.status.name(), e.message)),
    };
    let get = |name: &str| fields.get(name).unwrap_or_default();
    let Some(merchant) = sim.dinpay.iter().find(|m| m.id == get("merchant_code")) else {
        return error(
            "sim.unknown-merchant",
            &format!(
                "merchant_code '{}' is not a merchant of this simulator (--config)",
                printable(get("merchant_code"))
            ),
        );
    };
    let key = match super::dinpay_rsa::request_key(sim, &fields, merchant) {
        Ok(k) => &k.key,
        Err(why) => return error("sim.malformed", &why),
    };
    if let Err((code, why)) = secret_form::verify_api(p, req, &fields, key, "sign") {
        return error(code, &why);
    }
    if get("service_type") != "single_trade_query" {
        return error(
            "sim.malformed",
            &format!(
                "service_type '{}' must be single_trade_query",
                printable(get("service_type"))
            ),
        );
    }
    let (no, trade_no) = (get("order_no"), get("trade_no"));
    if no.is_empty() {
        return error("sim.malformed", "order_no is missing");
    }
    let orders = sim.store.lock();
    let found = orders.iter().rev().find(|o| {
        o.gateway == GATEWAY
            && o.merchant == merchant.id
            && o.order_id == no
            && (trade_no.is_empty() || o.deal_id.as_deref() == Some(trade_no))
    });
    let Some(order) = found else {
        return error(
            "TRADE_IS_NOT_EXIST",
            "no order with this order_no (and trade_no) was sent to this simulator",
        );
    };
    let trade = trade(order);
    drop(orders);
    match signed(sim, trade, super::dinpay_rsa::is_rsa(&fields)) {
        Ok(body) => xml(&body),
        Err(why) => error("sim.error", &why),
    }
}

/// The order's `<trade>` children, unsigned.
fn trade(o: &Order) -> Params {
    let get = |name: &str| o.request.get(name).unwrap_or_default().to_string();
    let status = match o.status {
        OrderStatus::Pending => "UNPAY",
        OrderStatus::Paid => "SUCCESS",
        _ => "FAILED",
    };
    Params::from_pairs([
        ("merchant_code", o.merchant.clone()),
        ("order_no", o.order_id.clone()),
        ("order_time", get("order_time")),
        ("order_amount", o.amount.clone()),
        ("trade_no", o.deal_id.clone().unwrap_or_default()),
        ("trade_time", o.closed_at.map(super::beijing).unwrap_or_default()),
        ("trade_status", status.to_string()),
        ("bank_code", get("bank_code")),
        (
            "bank_seq_no",
            if o.deal_id.is_some() {
                format!("SIM{}", o.id)
            } else {
                String::new()
            },
        ),
    ])
}

/// is_success T, the sign over the trade (MD5 with the merchant key, or with `rsa` RSA-S with
/// the simulator's key) and the `<trade>` element.
fn signed(sim: &Sim, mut trade: Params, rsa: bool) -> Result<String, String> {
    let merchant = secret_form::merchant(&sim.dinpay, trade.get("merchant_code").unwrap_or_default())?;
    let (sign_type, key) = if rsa {
        ("RSA-S", &sim.dinpay_key.key)
    } else {
        ("MD5", &merchant.key)
    };
    // sign_type picks the method; it is outside <trade>, and never in the sign string.
    trade.set("sign_type", sign_type);
    let p = paysign::profile(RESPONSE).map_err(|e| e.message)?;
    let sign = paysign::sign(p, &Options::default(), &mut trade, Some(key)).map_err(|e| e.message)?;
    let children: String = trade
        .iter()
        .filter(|(name, _)| !["sign", "sign_type"].contains(name))
        .map(|(name, value)| format!("<{name}>{}</{name}>", escape(value)))
        .collect();
    Ok(format!(
        "<is_success>T</is_success><sign_type>{sign_type}</sign_type><sign>{sign}</sign><trade>{children}</trade>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(status: OrderStatus, deal_id: Option<&str>) -> Order {
        Order {
            id: 3,
            gateway: GATEWAY,
            merchant: "1111130200".into(),
            order_id: "D1".into(),
            amount: "0.01".into(),
            request: Params::from_pairs([("order_time", "2026-12-07 10:00:00"), ("bank_code", "ICBC")]),
            status,
            deal_id: deal_id.map(str::to_string),
            created: 0,
            // 2019-02-20 05:48:35 UTC
            closed_at: deal_id.map(|_| 1_550_641_715),
            notifications: Vec::new(),
        }
    }

    #[test]
    fn trade_status_by_order_status() {
        let status = |s, d| trade(&order(s, d)).get("trade_status").map(str::to_string);
        assert_eq!(status(OrderStatus::Pending, None).as_deref(), Some("UNPAY"));
        assert_eq!(status(OrderStatus::Paid, Some("T9")).as_deref(), Some("SUCCESS"));
        assert_eq!(status(OrderStatus::Failed, None).as_deref(), Some("FAILED"));
        let unpaid = trade(&order(OrderStatus::Pending, None));
        assert_eq!(
            (unpaid.get("trade_no"), unpaid.get("bank_seq_no")),
            (Some(""), Some(""))
        );
    }

    #[test]
    fn the_trade_signed_by_the_rule() {
        // DERIVED with Python hashlib: md5("bank_code=ICBC&bank_seq_no=SIM3&merchant_code=1111130200
        // &order_amount=0.01&order_no=D1&order_time=2026-12-07 10:00:00&trade_no=T9
        // &trade_status=SUCCESS&trade_time=2019-02-20 13:48:35&key=hfgd_83yt_90hb_gf98n").
        let mut t = trade(&order(OrderStatus::Paid, Some("T9")));
        let p = paysign::profile(RESPONSE).unwrap();
        let key = paysign::Key::secret("hfgd_83yt_90hb_gf98n").unwrap();
        let sign = paysign::sign(p, &Options::default(), &mut t, Some(&key)).unwrap();
        assert_eq!(sign, "36a9785e80355b6169c59091f622e412");
    }
}
