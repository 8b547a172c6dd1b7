//! Dinpay 智付 direct_pay V3.0, simulated: the payer's form to `/gateway` (MD5 with the
//! merchant key, or RSA-S with the merchant's public key: dinpay_rsa.rs), the server
//! notification (`offline_notify`, a form POST to notify_url, signed the way the request was:
//! MD5 with the merchant key, RSA-S with the simulator's own Dinpay key) retried until the reply
//! is exactly `SUCCESS`, then the browser's `page_notify` POST to return_url (an auto-submitting
//! form). Rules: ../shared/specs/dinpay.md.

use paysign::{Charset, Format, Options, Params};

use super::http::{Request, Response};
use super::notifier::{Reply, Rules};
use super::pages;
use super::secret_form::{self, Form};
use super::store::{Kind, Order, OrderStatus};
use super::{now_secs, printable, Sim};

pub const PATH: &str = "/gateway";
pub const GATEWAY: &str = "dinpay";
pub const TITLE: &str = "Dinpay (智付) direct_pay";
const NOTIFY: &str = "dinpay.pay.notify";

/// "up to 5 times at growing intervals" (specs/dinpay.md §2) gives no intervals: these five
/// are the simulator's own (IPS uses them too).
pub const RETRIES: &[u64] = &[60, 120, 300, 600, 1800];
pub const RULES: Rules = Rules {
    retries: RETRIES,
    reply: Reply::Exact(NOTIFY),
};

const FORM: Form = Form {
    title: TITLE,
    profile: "dinpay.pay.request",
    merchant_field: "merchant_code",
    sig_field: "sign",
};

pub fn pay_request(sim: &Sim, req: &Request) -> Response {
    let (fields, merchant) = match FORM.parse(req, &sim.dinpay) {
        Ok(v) => v,
        Err(refusal) => return refusal,
    };
    let key = match super::dinpay_rsa::request_key(sim, &fields, merchant) {
        Ok(k) => k,
        Err(why) => return FORM.rejected(&why, None),
    };
    if let Err(refusal) = FORM.verify(req, &fields, key) {
        return refusal;
    }
    if let Err(why) = check_fields(&fields) {
        return FORM.rejected(&why, None);
    }
    let no = fields.get("order_no").unwrap_or_default().to_string();
    let amount = fields.get("order_amount").unwrap_or_default().to_string();
    let id = sim.store.add(GATEWAY, &merchant.id, &no, &amount, fields);
    sim.after_request(id)
}

/// What the simulator needs beyond a valid sign: an amount in yuan, a URL to notify.
fn check_fields(f: &Params) -> Result<(), String> {
    let amount = f.get("order_amount").unwrap_or_default();
    if !super::is_yuan(amount) {
        return Err(format!(
            "order_amount '{}' is not an amount in yuan (e.g. 0.01)",
            printable(amount)
        ));
    }
    let url = f.get("notify_url").unwrap_or_default();
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err("notify_url is not an http(s) URL: there is nowhere to notify".into());
    }
    Ok(())
}

fn charset(order: &Order) -> Charset {
    super::declared_charset(order.request.get("input_charset"), Charset::Utf8)
}

/// The signed result: `offline_notify` for the server, `page_notify` for the browser.
fn result(sim: &Sim, order: &Order, kind: Kind, notify_type: &str) -> Result<Params, String> {
    let r = &order.request;
    let get = |name: &str| r.get(name).unwrap_or_default().to_string();
    let paid = order.status == OrderStatus::Paid;
    let rsa = super::dinpay_rsa::is_rsa(r);
    let (no, amount) = super::yuan_ids(order, kind);
    let mut n = Params::from_pairs([
        ("merchant_code", order.merchant.clone()),
        ("notify_type", notify_type.to_string()),
        (
            "notify_id",
            format!("sim{}{}", order.id, order.deal_id.as_deref().unwrap_or_default()),
        ),
        ("interface_version", "V3.0".to_string()),
        ("sign_type", if rsa { "RSA-S" } else { "MD5" }.to_string()),
        ("order_no", no),
        ("order_time", get("order_time")),
        ("order_amount", amount),
        ("extra_return_param", get("extra_return_param")),
        ("trade_no", order.deal_id.clone().unwrap_or_default()),
        ("trade_time", super::beijing(now_secs())),
        ("trade_status", if paid { "SUCCESS" } else { "FAILED" }.to_string()),
        ("bank_code", get("bank_code")),
        ("bank_seq_no", format!("SIM{}", order.id)),
    ]);
    let key = if rsa {
        &sim.dinpay_key.key
    } else {
        &secret_form::merchant(&sim.dinpay, &order.merchant)?.key
    };
    let p = paysign::profile(NOTIFY).map_err(|e| e.message)?;
    paysign::sign(p, &Options::default(), &mut n, Some(key)).map_err(|e| e.message)?;
    if kind == Kind::Tampered {
        n.set("order_amount", "9999.99");
    }
    Ok(n)
}

/// The server notification: notify_url and the form body.
pub fn notification(sim: &Sim, order: &Order, kind: Kind) -> Result<(String, Vec<u8>), String> {
    let url = order.request.get("notify_url").unwrap_or_default().to_string();
    let body = result(sim, order, kind, "offline_notify")?
        .encode(Format::Form, charset(order))
        .map_err(|e| e.message)?;
    Ok((url, body.into_bytes()))
}

/// The browser's page_notify: a form that posts itself to return_url, if there is one.
pub fn return_page(sim: &Sim, order: &Order) -> Option<Response> {
    let url = order.request.get("return_url").filter(|u| !u.is_empty())?;
    let fields = result(sim, order, Kind::Normal, "page_notify").ok()?;
    Some(Response::html(200, pages::post_form(url, &fields)))
}
