//! Alipay legacy mapi 即时到账, simulated: `create_direct_pay_by_user` at `/gateway.do` (the
//! payer's browser posts the merchant's form, sign_type MD5 or RSA), the notification (a form
//! POST to notify_url, signed the way the request was: MD5 with the partner key, or
//! SHA1withRSA with the simulator's own Alipay key), retried until the reply is exactly
//! `success`, then the browser to return_url (GET, the same fields and is_success=T). The ATN
//! check (`service=notify_verify`) answers `true` for a notify_id this simulator sent.
//! Rules: ../shared/specs/alipay.md §1-3.

use paysign::{Charset, Format, Key, Options, Params, Verdict};

use super::http::{Request, Response};
use super::pages;
use super::store::{Kind, Order, OrderStatus};
use super::{now_secs, printable, Sim};

pub const GATEWAY: &str = "alipay_mapi";
pub const TITLE: &str = "Alipay (支付宝) mapi";
const REQUEST: &str = "alipay.mapi.request";
const NOTIFY: &str = "alipay.mapi.notify";
const SERVICE: &str = "create_direct_pay_by_user";

/// A partner (PID): its MD5 key and, for sign_type=RSA, the partner's RSA public key.
pub struct Merchant {
    pub partner: String,
    pub md5_key: Key,
    pub public_key: Option<Key>,
}

/// mapi's error codes (ILLEGAL_SIGN: specs/alipay.md; the others as the mapi error page names
/// them) with the simulator's message.
fn rejected(code: &str, message: &str, diagnosis: Option<&str>) -> Response {
    Response::html(400, pages::rejected(TITLE, Some(code), message, diagnosis))
}

/// Whether a /gateway.do request is mapi's (`service=`, no OpenAPI `method=`), read from the
/// raw form: its charset is only known once the profile parses it.
pub fn is_mapi(req: &Request) -> bool {
    let names = || req.form().split(|&b| b == b'&');
    names().any(|f| f.starts_with(b"service=")) && !names().any(|f| f.starts_with(b"method="))
}

/// A mapi request at /gateway.do: the payment, or the ATN check.
pub fn gateway(sim: &Sim, req: &Request) -> Response {
    let p = match paysign::profile(REQUEST) {
        Ok(p) => p,
        Err(e) => return rejected("SYSTEM_ERROR", &e.message, None),
    };
    let opts = Options::default();
    let fields = match paysign::signer::parse_body(p, &opts, req.form(), Format::Form, None) {
        Ok(f) => f,
        Err(e) => return rejected("ILLEGAL_ARGUMENT", &format!("{}: {}", e.status.name(), e.message), None),
    };
    let service = fields.get("service").unwrap_or_default();
    if service == "notify_verify" {
        return notify_verify(sim, &fields);
    }
    if service != SERVICE {
        return rejected(
            "ILLEGAL_SERVICE",
            &format!(
                "service '{}': only {SERVICE} and notify_verify are simulated",
                printable(service)
            ),
            None,
        );
    }
    let partner = fields.get("partner").unwrap_or_default();
    let Some(merchant) = sim.alipay_mapi.iter().find(|m| m.partner == partner) else {
        return rejected(
            "ILLEGAL_PARTNER",
            &format!(
                "partner '{}' is not a partner of this simulator (--config)",
                printable(partner)
            ),
            None,
        );
    };
    let key = match (fields.get("sign_type").unwrap_or_default(), &merchant.public_key) {
        ("MD5", _) => &merchant.md5_key,
        ("RSA", Some(k)) => k,
        ("RSA", None) => {
            return rejected(
                "ILLEGAL_SIGN_TYPE",
                "sign_type RSA, but no public_key is configured for this partner (--config)",
                None,
            )
        }
        (other, _) => {
            return rejected(
                "ILLEGAL_SIGN_TYPE",
                &format!("sign_type '{}' must be MD5 or RSA", printable(other)),
                None,
            )
        }
    };
    match paysign::verify(p, &opts, &fields, Some(key)) {
        Ok(Verdict::Valid) => {}
        Ok(Verdict::Invalid(reason)) => {
            let diagnosis = super::diagnosis(p, &opts, req.form(), key);
            return rejected(
                "ILLEGAL_SIGN",
                &format!("sign does not verify: {reason}"),
                Some(&diagnosis),
            );
        }
        Err(e) => return rejected("ILLEGAL_SIGN", &format!("{}: {}", e.status.name(), e.message), None),
    }
    if let Err(why) = check_fields(&fields) {
        return rejected("ILLEGAL_ARGUMENT", &why, None);
    }
    let no = fields.get("out_trade_no").unwrap_or_default().to_string();
    let amount = fields.get("total_fee").unwrap_or_default().to_string();
    let partner = merchant.partner.clone();
    let id = sim.store.add(GATEWAY, &partner, &no, &amount, fields);
    sim.after_request(id)
}

fn check_fields(f: &Params) -> Result<(), String> {
    for name in ["out_trade_no", "subject"] {
        if f.get(name).unwrap_or_default().is_empty() {
            return Err(format!("{name} is missing"));
        }
    }
    let amount = f.get("total_fee").unwrap_or_default();
    if !super::is_yuan(amount) {
        return Err(format!(
            "total_fee '{}' is not an amount in yuan (e.g. 0.01)",
            printable(amount)
        ));
    }
    for name in ["notify_url", "return_url"] {
        let url = f.get(name).unwrap_or_default();
        if !(url.is_empty() || url.starts_with("http://") || url.starts_with("https://")) {
            return Err(format!("{name} '{}' is not an http(s) URL", printable(url)));
        }
    }
    Ok(())
}

/// The ATN check: `true` when this simulator sent notify_id to this partner, else `false`.
fn notify_verify(sim: &Sim, f: &Params) -> Response {
    let (partner, notify_id) = (
        f.get("partner").unwrap_or_default(),
        f.get("notify_id").unwrap_or_default(),
    );
    let orders = sim.store.lock();
    let known = orders
        .iter()
        .any(|o| o.gateway == GATEWAY && o.merchant == partner && self::notify_id(o) == notify_id);
    Response::text(200, if known { "true" } else { "false" })
}

fn notify_id(o: &Order) -> String {
    format!("sim{}{}", o.id, o.deal_id.as_deref().unwrap_or_default())
}

fn charset(order: &Order) -> Charset {
    super::declared_charset(order.request.get("_input_charset"), Charset::Utf8)
}

/// The signed result (the notification; the return adds is_success and exterface).
fn result(sim: &Sim, order: &Order, kind: Kind, browser: bool) -> Result<Params, String> {
    let r = &order.request;
    let get = |name: &str| r.get(name).unwrap_or_default().to_string();
    let paid = order.status == OrderStatus::Paid;
    let (out_trade_no, amount) = super::yuan_ids(order, kind);
    let now = super::beijing(now_secs());
    let mut n = Params::from_pairs([
        ("notify_time", now.clone()),
        ("notify_type", "trade_status_sync".to_string()),
        ("notify_id", notify_id(order)),
        ("sign_type", get("sign_type")),
        ("out_trade_no", out_trade_no),
        ("subject", get("subject")),
        ("payment_type", get("payment_type")),
        ("trade_no", order.deal_id.clone().unwrap_or_default()),
        (
            "trade_status",
            if paid { "TRADE_SUCCESS" } else { "TRADE_CLOSED" }.to_string(),
        ),
        ("seller_id", order.merchant.clone()),
        ("seller_email", get("seller_email")),
        ("buyer_id", "2088000000000000".to_string()),
        ("buyer_email", "buyer@simulate.invalid".to_string()),
        ("total_fee", amount.clone()),
        ("quantity", "1".to_string()),
        ("price", amount),
        ("body", get("body")),
        ("gmt_create", super::beijing(order.created)),
        ("gmt_payment", now),
        ("is_total_fee_adjust", "N".to_string()),
        ("use_coupon", "N".to_string()),
        ("discount", "0.00".to_string()),
        ("extra_common_param", get("extra_common_param")),
    ]);
    if browser {
        n.set("is_success", "T");
        n.set("exterface", SERVICE);
    }
    let key = if get("sign_type") == "RSA" {
        &sim.alipay_key.key
    } else {
        &sim.alipay_mapi
            .iter()
            .find(|m| m.partner == order.merchant)
            .ok_or("the partner is no longer configured")?
            .md5_key
    };
    let p = paysign::profile(NOTIFY).map_err(|e| e.message)?;
    paysign::sign(p, &Options::default(), &mut n, Some(key)).map_err(|e| e.message)?;
    if kind == Kind::Tampered {
        n.set("total_fee", "9999.99");
    }
    Ok(n)
}

/// The notification: notify_url and its form body.
pub fn notification(sim: &Sim, order: &Order, kind: Kind) -> Result<(String, Vec<u8>), String> {
    let url = order.request.get("notify_url").unwrap_or_default().to_string();
    if url.is_empty() {
        return Err("the request has no notify_url".into());
    }
    let body = result(sim, order, kind, false)?
        .encode(Format::Form, charset(order))
        .map_err(|e| e.message)?;
    Ok((url, body.into_bytes()))
}

/// The browser's return: return_url with the signed fields, if the request gave one.
pub fn return_url(sim: &Sim, order: &Order) -> Option<String> {
    let base = order.request.get("return_url").filter(|u| !u.is_empty())?;
    let query = result(sim, order, Kind::Normal, true)
        .ok()?
        .encode(Format::Form, charset(order))
        .ok()?;
    Some(super::with_query(base, &query))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(body: &str) -> Request {
        Request {
            method: "POST".into(),
            path: "/gateway.do".into(),
            query: String::new(),
            url: "/gateway.do".into(),
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn mapi_or_openapi() {
        assert!(is_mapi(&post("partner=2088&service=create_direct_pay_by_user")));
        assert!(!is_mapi(&post("app_id=1&method=alipay.trade.page.pay")));
        // an OpenAPI request carrying a field named service is still OpenAPI
        assert!(!is_mapi(&post("method=alipay.trade.page.pay&service=x")));
        assert!(!is_mapi(&post("xservice=create_direct_pay_by_user")));
    }

    #[test]
    fn amounts_in_yuan() {
        let f = |amount: &str| {
            check_fields(&Params::from_pairs([
                ("out_trade_no", "M1"),
                ("subject", "s"),
                ("total_fee", amount),
            ]))
        };
        assert_eq!(f("0.01"), Ok(()));
        assert_eq!(f("100"), Ok(()));
        for bad in ["", "0", "0.00", "1.234", "-1", "1e2", ".5", "abc", "1234567890"] {
            assert!(f(bad).unwrap_err().contains("total_fee"), "{bad}");
        }
        let missing = check_fields(&Params::from_pairs([("subject", "s"), ("total_fee", "1")]));
        assert_eq!(missing, Err("out_trade_no is missing".to_string()));
    }
}
