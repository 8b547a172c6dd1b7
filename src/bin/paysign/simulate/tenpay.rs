//! Tenpay 财付通 gw.tenpay.com, simulated: the payer's form to `/gateway/pay.htm` (MD5 with the
//! partner key), the notification (a GET to notify_url with the signed fields in its query)
//! retried until the reply is exactly `success`, then the browser to return_url with the same
//! fields. The back-end XML APIs answer signed from what the simulator recorded:
//! `verifynotifyid.xml` (retcode 0, with the notification's fields, only for a notify_id this
//! simulator sent; docs/security.md says why a merchant asks) and `normalorderquery.xml`.
//! Rules: docs/specs/tenpay.md §2-3. The older cmdno `pay_gate.cgi` is not simulated (the spec
//! gives its return's fields but not how Tenpay delivers it).

use paysign::{Charset, Format, Key, Options, Params, Verdict};

use super::http::{Request, Response};
use super::notifier::{Reply, Rules, OWN_RETRIES};
use super::secret_form::{self, Form};
use super::store::{Check, Kind, Order, OrderStatus};
use super::{beijing_time, now_secs, printable, Sim};

pub const PAY_PATH: &str = "/gateway/pay.htm";
pub const VERIFY_PATH: &str = "/gateway/verifynotifyid.xml";
pub const QUERY_PATH: &str = "/gateway/normalorderquery.xml";
pub const GATEWAY: &str = "tenpay";
pub const TITLE: &str = "Tenpay (财付通) gw.tenpay.com";
const NOTIFY: &str = "tenpay.pay.notify";
const API_REQUEST: &str = "tenpay.api.request";
const API_RESPONSE: &str = "tenpay.api.response";

/// The spec names no retry schedule: the simulator's own.
pub const RULES: Rules = Rules {
    retries: OWN_RETRIES,
    reply: Reply::Exact(NOTIFY),
};

const FORM: Form = Form {
    title: TITLE,
    profile: "tenpay.pay.request",
    merchant_field: "partner",
    sig_field: "sign",
};

pub fn pay_request(sim: &Sim, req: &Request) -> Response {
    FORM.pay(
        sim,
        req,
        &sim.tenpay,
        check_fields,
        GATEWAY,
        ["out_trade_no", "total_fee"],
    )
}

/// What the simulator needs beyond a valid sign: an order number, an amount in fen, a URL to
/// notify.
fn check_fields(f: &Params) -> Result<(), String> {
    let get = |name: &str| f.get(name).unwrap_or_default();
    if !matches!(get("sign_type"), "" | "MD5") {
        return Err(format!("sign_type '{}' must be MD5", printable(get("sign_type"))));
    }
    if get("out_trade_no").is_empty() {
        return Err("out_trade_no is missing".into());
    }
    if !super::is_fen(get("total_fee")) {
        return Err(format!(
            "total_fee '{}' is not an amount in fen (a positive whole number)",
            printable(get("total_fee"))
        ));
    }
    let url = get("notify_url");
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err("notify_url is not an http(s) URL: there is nowhere to notify".into());
    }
    Ok(())
}

fn charset(order: &Order) -> Charset {
    super::declared_charset(order.request.get("input_charset"), Charset::Gbk)
}

/// Tenpay's transaction_id: the partner, the date, ten digits (as the spec's example shape).
fn transaction_id(order: &Order) -> String {
    let day = beijing_time(order.closed_at.unwrap_or(order.created));
    format!("{}{}{:010}", order.merchant, &day[..8], order.id)
}

/// The id of notification `index` of `order`: what verifynotifyid.xml takes back.
fn notify_id(order: &Order, index: usize) -> String {
    format!("sim{}n{index}", order.id)
}

fn parse_notify_id(id: &str) -> Option<(usize, usize)> {
    let (order, index) = id.strip_prefix("sim")?.split_once('n')?;
    Some((order.parse().ok()?, index.parse().ok()?))
}

/// The trade as a notification of `kind` describes it, unsigned.
fn trade(order: &Order, kind: Kind) -> Params {
    let r = &order.request;
    let get = |name: &str, default: &str| r.get(name).filter(|v| !v.is_empty()).unwrap_or(default).to_string();
    let no = match kind {
        Kind::OtherOrder => format!("{}X", order.order_id),
        _ => order.order_id.clone(),
    };
    let fee = match kind {
        Kind::WrongAmount => super::fen_plus_one(&order.amount),
        _ => order.amount.clone(),
    };
    Params::from_pairs([
        ("partner", order.merchant.clone()),
        ("out_trade_no", no),
        ("transaction_id", transaction_id(order)),
        // 1: 即时到账, the mode the vendor kit's notify handler requires.
        ("trade_mode", "1".to_string()),
        // 0 is success (spec §3); the spec names no failure value: 1 is the simulator's own.
        (
            "trade_state",
            if order.status == OrderStatus::Paid { "0" } else { "1" }.to_string(),
        ),
        ("total_fee", fee.clone()),
        ("product_fee", fee),
        ("transport_fee", "0".to_string()),
        ("discount", "0".to_string()),
        ("fee_type", get("fee_type", "1")),
        ("bank_type", get("bank_type", "DEFAULT")),
        ("bank_billno", format!("SIM{}", order.id)),
        ("time_end", beijing_time(order.closed_at.unwrap_or(order.created))),
        ("attach", get("attach", "")),
    ])
}

fn key<'a>(sim: &'a Sim, order: &Order) -> Result<&'a Key, String> {
    Ok(&secret_form::merchant(&sim.tenpay, &order.merchant)?.key)
}

/// Notification `index` of `order`, of `kind`, signed (a tampered one changed after signing).
fn result(sim: &Sim, order: &Order, kind: Kind, index: usize) -> Result<Params, String> {
    let mut n = trade(order, kind);
    n.set("notify_id", &notify_id(order, index));
    n.set("sign_type", "MD5");
    if let Some(cs) = order.request.get("input_charset").filter(|c| !c.is_empty()) {
        n.set("input_charset", cs);
    }
    let p = paysign::profile(NOTIFY).map_err(|e| e.message)?;
    paysign::sign(p, &Options::default(), &mut n, Some(key(sim, order)?)).map_err(|e| e.message)?;
    if kind == Kind::Tampered {
        n.set("total_fee", &super::fen_tampered(&order.amount));
    }
    Ok(n)
}

/// The notification: a GET to notify_url with the signed fields in its query.
pub fn notification_url(sim: &Sim, order: &Order, kind: Kind) -> Result<String, String> {
    let query = result(sim, order, kind, order.notifications.len())?
        .encode(Format::Form, charset(order))
        .map_err(|e| e.message)?;
    Ok(super::with_query(
        order.request.get("notify_url").unwrap_or_default(),
        &query,
    ))
}

/// The browser back to return_url with the first notification's fields, if there is one.
pub fn return_url(sim: &Sim, order: &Order) -> Option<String> {
    let base = order.request.get("return_url").filter(|u| !u.is_empty())?;
    let query = result(sim, order, Kind::Normal, 0)
        .ok()?
        .encode(Format::Form, charset(order))
        .ok()?;
    Some(super::with_query(base, &query))
}

/// An XML answer (GBK, as Tenpay's), signed with the partner key when given. The spec gives
/// no error codes: the simulator's are named `sim.*` so that nobody takes them for Tenpay's;
/// like Tenpay's error answers (spec §3, "may carry no sign"), they are unsigned.
fn answer(mut fields: Params, key: Option<&Key>) -> Response {
    let built = (|| {
        if let Some(k) = key {
            let p = paysign::profile(API_RESPONSE).map_err(|e| e.message)?;
            paysign::sign(p, &Options::default(), &mut fields, Some(k)).map_err(|e| e.message)?;
        }
        let xml = fields.encode(Format::Xml, Charset::Gbk).map_err(|e| e.message)?;
        let inner = xml
            .strip_prefix("<xml>")
            .and_then(|x| x.strip_suffix("</xml>"))
            .unwrap_or_default();
        let doc = format!("<?xml version=\"1.0\" encoding=\"GBK\"?>\n<root>{inner}</root>\n");
        Charset::Gbk
            .encode(&doc, "answer")
            .map(|b| b.into_owned())
            .map_err(|e| e.message)
    })();
    match built {
        Ok(body) => Response::bytes(200, "text/xml; charset=GBK", body),
        Err(e) => Response::html(500, super::pages::page("Simulator error", &super::pages::escape(&e))),
    }
}

fn error(code: &str, message: &str) -> Response {
    answer(
        Params::from_pairs([("retcode", code.to_string()), ("retmsg", message.to_string())]),
        None,
    )
}

/// A back-end API request (GET query or POST form), parsed and verified with the partner key.
fn api_request<'s>(sim: &'s Sim, req: &Request) -> Result<(Params, &'s secret_form::Merchant), Response> {
    let p = paysign::profile(API_REQUEST).map_err(|e| error("sim.error", &e.message))?;
    let opts = Options::default();
    let fields = paysign::signer::parse_body(p, &opts, req.form(), Format::Form, None)
        .map_err(|e| error("sim.malformed", &format!("{}: {}", e.status.name(), e.message)))?;
    let partner = fields.get("partner").unwrap_or_default();
    let Some(m) = sim.tenpay.iter().find(|m| m.id == partner) else {
        return Err(error(
            "sim.unknown-partner",
            &format!(
                "partner '{}' is not a partner of this simulator (--config)",
                printable(partner)
            ),
        ));
    };
    match paysign::verify(p, &opts, &fields, Some(&m.key)) {
        Ok(Verdict::Valid) => Ok((fields, m)),
        Ok(Verdict::Invalid(reason)) => {
            let diagnosis = super::diagnosis(p, &opts, req.form(), &m.key);
            Err(error(
                "sim.invalid-signature",
                &format!("sign does not verify: {reason}\n{diagnosis}"),
            ))
        }
        Err(e) => Err(error("sim.malformed", &format!("{}: {}", e.status.name(), e.message))),
    }
}

/// verifynotifyid.xml: retcode 0 and the notification's fields (as signed, before any
/// tampering) for a notify_id this simulator sent to this partner; recorded on the
/// notification for the operator.
pub fn verify_notify_id(sim: &Sim, req: &Request) -> Response {
    let (fields, merchant) = match api_request(sim, req) {
        Ok(v) => v,
        Err(refusal) => return refusal,
    };
    let id = fields.get("notify_id").unwrap_or_default();
    let mut orders = sim.store.lock();
    let sent = parse_notify_id(id).and_then(|(o, i)| {
        orders
            .get_mut(o)
            .filter(|o| o.gateway == GATEWAY && o.merchant == merchant.id && i < o.notifications.len())
            .map(|o| (o, i))
    });
    let Some((order, index)) = sent else {
        return error(
            "sim.unknown-notify-id",
            &format!(
                "notify_id '{}' was not sent by this simulator to this partner",
                printable(id)
            ),
        );
    };
    let kind = match order.notifications[index].kind {
        Kind::Tampered => Kind::Normal,
        k => k,
    };
    let mut a = trade(order, kind);
    a.set("notify_id", id);
    order.notifications[index].checks.push(Check {
        at: now_secs(),
        answer: "verifynotifyid.xml: retcode 0".into(),
    });
    drop(orders);
    with_retcode(a, &merchant.key)
}

fn with_retcode(trade: Params, key: &Key) -> Response {
    let mut a = Params::from_pairs([("retcode", "0"), ("retmsg", ""), ("sign_type", "MD5")]);
    for (name, value) in trade.iter() {
        a.set(name, value);
    }
    answer(a, Some(key))
}

/// normalorderquery.xml: the recorded order by transaction_id (which wins, spec §3) or
/// out_trade_no, signed; trade_state 0 when paid.
pub fn order_query(sim: &Sim, req: &Request) -> Response {
    let (fields, merchant) = match api_request(sim, req) {
        Ok(v) => v,
        Err(refusal) => return refusal,
    };
    let (tid, no) = (
        fields.get("transaction_id").unwrap_or_default(),
        fields.get("out_trade_no").unwrap_or_default(),
    );
    if tid.is_empty() && no.is_empty() {
        return error("sim.malformed", "out_trade_no or transaction_id is needed");
    }
    let orders = sim.store.lock();
    let found = orders.iter().rev().find(|o| {
        o.gateway == GATEWAY
            && o.merchant == merchant.id
            && o.status != OrderStatus::Pending
            && if tid.is_empty() {
                o.order_id == no
            } else {
                transaction_id(o) == tid
            }
    });
    match found {
        Some(o) => {
            let t = trade(o, Kind::Normal);
            drop(orders);
            with_retcode(t, &merchant.key)
        }
        None => error("sim.unknown-order", "no paid or failed order with this number"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notify_ids_round_trip() {
        assert_eq!(parse_notify_id("sim12n3"), Some((12, 3)));
        for bad in ["", "sim", "sim1", "simxn1", "sim1n", "x1n2", "sim0forged"] {
            assert_eq!(parse_notify_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn fields_a_payment_needs() {
        let good = [
            ("out_trade_no", "T1"),
            ("total_fee", "1"),
            ("notify_url", "http://m/notify.php"),
        ];
        let with = |name: &str, value: &str| {
            let mut f = Params::from_pairs(good.iter().copied());
            f.set(name, value);
            check_fields(&f)
        };
        assert_eq!(check_fields(&Params::from_pairs(good.iter().copied())), Ok(()));
        assert!(with("sign_type", "RSA").unwrap_err().contains("sign_type"));
        assert!(with("out_trade_no", "").unwrap_err().contains("out_trade_no"));
        for bad in ["", "0", "0.01", "1e3", "-1"] {
            assert!(with("total_fee", bad).unwrap_err().contains("total_fee"), "{bad}");
        }
        assert!(with("notify_url", "ftp://x").unwrap_err().contains("notify_url"));
    }
}
