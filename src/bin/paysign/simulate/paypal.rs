//! PayPal Website Payments Standard with IPN, simulated: the Buy Now form (`cmd=_xclick`) to
//! `/cgi-bin/webscr`, the IPN (a form POST to notify_url with PayPal's variables) re-posted
//! until the listener answers HTTP 200, whatever the body, and the postback
//! (`cmd=_notify-validate&` + the IPN, POSTed to the same `/cgi-bin/webscr`) answered
//! `VERIFIED` only when the rest is byte for byte an IPN this simulator sent, `INVALID`
//! otherwise. Then the browser to `return` (after Cancel, to `cancel_return`). PayPal signs
//! nothing, so there is no key and no diagnose page: a tampered IPN is one the postback calls
//! INVALID. Rules: docs/specs/paypal.md.

use paysign::{Charset, Format, Params};

use super::http::{Request, Response};
use super::notifier::{Reply, Rules};
use super::pages;
use super::store::{Check, Kind, Order, OrderStatus};
use super::{now_secs, printable, Sim};

pub const PATH: &str = "/cgi-bin/webscr";
pub const GATEWAY: &str = "paypal";
pub const TITLE: &str = "PayPal (Buy Now, IPN)";

/// "The amount of time between each re-post doubles each time: 10 seconds, 20 seconds, 40
/// seconds, 80 seconds, and so on, up to a maximum of 24 hours", stopping after about four
/// days (PayPal help article ts1063, "How long is the IPN timeout length?"; the spec's
/// guide-2012 p. 10 says "up to four days"): 10 s doubled up to 81920 s, then 24 h twice,
/// about 3.9 days in all. A reply other than HTTP 200 is re-posted; the body does not matter.
pub const RULES: Rules = Rules {
    retries: &[
        10, 20, 40, 80, 160, 320, 640, 1280, 2560, 5120, 10240, 20480, 40960, 81920, 86400, 86400,
    ],
    reply: Reply::Status {
        codes: &[200],
        decides: false,
    },
};

const VALIDATE: &[u8] = b"cmd=_notify-validate";

/// A seller: the primary email address a button's `business` names (or the account id).
pub struct Merchant {
    pub email: String,
    pub receiver_id: String,
}

fn rejected(message: &str) -> Response {
    Response::html(400, pages::rejected(TITLE, None, message, None))
}

/// `/cgi-bin/webscr`: a postback, or the payer's Buy Now form.
pub fn webscr(sim: &Sim, req: &Request) -> Response {
    if req.method == "POST" && req.body.starts_with(VALIDATE) {
        return postback(sim, &req.body);
    }
    let charset = super::declared_charset(raw_field(req.form(), b"charset").as_deref(), Charset::Utf8);
    let fields = match Params::parse(req.form(), Format::Form, charset, paysign::params::Duplicates::LastWins) {
        Ok(f) => f,
        Err(e) => return rejected(&format!("{}: {}", e.status.name(), e.message)),
    };
    let get = |name: &str| fields.get(name).unwrap_or_default();
    match get("cmd") {
        "_xclick" => {}
        // cmd=_notify-validate, but not first: a postback PayPal does not take (spec §3).
        "_notify-validate" => return validated(false),
        other => {
            return rejected(&format!(
                "cmd '{}': only _xclick (Buy Now) and the _notify-validate postback are simulated",
                printable(other)
            ))
        }
    }
    let business = get("business");
    let Some(seller) = sim
        .paypal
        .iter()
        .find(|m| m.email.eq_ignore_ascii_case(business) || m.receiver_id == business)
    else {
        return rejected(&format!(
            "business '{}' is not a seller of this simulator (--config)",
            printable(business)
        ));
    };
    if let Err(why) = check_fields(&fields) {
        return rejected(&why);
    }
    let no = match (get("invoice"), get("custom")) {
        ("", "") => format!("PP{}{}", super::beijing_time(now_secs()), sim.store.lock().len()),
        ("", custom) => custom.to_string(),
        (invoice, _) => invoice.to_string(),
    };
    let amount = get("amount").to_string();
    let email = seller.email.clone();
    let id = sim.store.add(GATEWAY, &email, &no, &amount, fields);
    sim.after_request(id)
}

/// The raw value of an ASCII field, read before the form's charset is known.
fn raw_field(form: &[u8], name: &[u8]) -> Option<String> {
    form.split(|&b| b == b'&')
        .filter_map(|p| p.strip_prefix(name)?.strip_prefix(b"="))
        .next_back()
        .map(|v| String::from_utf8_lossy(v).into_owned())
}

/// What a Buy Now needs here: an amount, a currency, an IPN URL (the simulator has no account
/// profile to take one from) and http(s) return URLs.
fn check_fields(f: &Params) -> Result<(), String> {
    let get = |name: &str| f.get(name).unwrap_or_default();
    if !super::is_yuan(get("amount")) {
        return Err(format!(
            "amount '{}' is not a decimal amount with at most two places (e.g. 10.00)",
            printable(get("amount"))
        ));
    }
    let currency = get("currency_code");
    if !(currency.is_empty() || currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase())) {
        return Err(format!(
            "currency_code '{}' is not a three-letter currency code",
            printable(currency)
        ));
    }
    let url = get("notify_url");
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(
            "notify_url is not an http(s) URL: there is nowhere to send the IPN (no account profile here)".into(),
        );
    }
    for name in ["return", "cancel_return"] {
        let url = get(name);
        if !(url.is_empty() || url.starts_with("http://") || url.starts_with("https://")) {
            return Err(format!("{name} '{}' is not an http(s) URL", printable(url)));
        }
    }
    Ok(())
}

/// `HH:MM:SS Mon DD, YYYY PST`, PayPal's payment_date, in Pacific Standard Time (UTC-8; PayPal
/// writes PDT in summer, the simulator always PST).
fn payment_date(secs: i64) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let t = super::super::date::utc(secs - 8 * 3600); // YYYY-MM-DD HH:MM:SS
    let month = t[5..7].parse::<usize>().unwrap_or(1).clamp(1, 12);
    format!("{} {} {}, {} PST", &t[11..19], MONTHS[month - 1], &t[8..10], &t[..4])
}

/// The IPN's txn_id: 17 characters, as PayPal's; another order's differs.
fn txn_id(order: &Order, kind: Kind) -> String {
    let deal = order.deal_id.as_deref().unwrap_or_default();
    let tail = match deal.len().checked_sub(14) {
        Some(cut) => deal[cut..].to_string(),
        None => format!("{:014}", order.id),
    };
    format!("{}{tail}", if kind == Kind::OtherOrder { "SIX" } else { "SIM" })
}

/// The IPN of `kind` for `order`, form-encoded in UTF-8 (charset=UTF-8, one of the account
/// encodings PayPal offers; its default windows-1252 is not among paysign's charsets), spaces
/// as `+` as PayPal writes them.
fn ipn(sim: &Sim, order: &Order, kind: Kind) -> Result<Vec<u8>, String> {
    let r = &order.request;
    let get = |name: &str| r.get(name).unwrap_or_default().to_string();
    let seller = sim
        .paypal
        .iter()
        .find(|m| m.email == order.merchant)
        .ok_or("the seller is no longer configured")?;
    let (invoice, mut gross) = super::yuan_ids(order, kind);
    if kind == Kind::Tampered {
        // changed on the way: the postback will not know this body
        gross = format!("9{}", order.amount);
    }
    let invoice = if r.get("invoice").unwrap_or_default().is_empty() {
        String::new()
    } else {
        invoice
    };
    let custom = match (kind, invoice.is_empty()) {
        (Kind::OtherOrder, true) => format!("{}X", get("custom")),
        _ => get("custom"),
    };
    let currency = currency(order);
    let status = if order.status == OrderStatus::Paid {
        "Completed"
    } else {
        "Failed"
    };
    let n = Params::from_pairs([
        ("mc_gross", gross),
        ("invoice", invoice),
        ("protection_eligibility", "Ineligible".to_string()),
        ("payer_id", "SIMPAYER00001".to_string()),
        ("tax", "0.00".to_string()),
        ("payment_date", payment_date(order.closed_at.unwrap_or(order.created))),
        ("payment_status", status.to_string()),
        ("charset", "UTF-8".to_string()),
        ("first_name", "Test".to_string()),
        ("notify_version", "3.9".to_string()),
        ("custom", custom),
        ("payer_status", "verified".to_string()),
        ("business", get("business")),
        (
            "quantity",
            r.get("quantity").filter(|q| !q.is_empty()).unwrap_or("1").to_string(),
        ),
        ("verify_sign", paysign::wechat_v3::fresh_nonce().map_err(|e| e.message)?),
        ("payer_email", "buyer@simulate.invalid".to_string()),
        ("txn_id", txn_id(order, kind)),
        ("payment_type", "instant".to_string()),
        ("last_name", "Buyer".to_string()),
        ("receiver_email", seller.email.clone()),
        ("receiver_id", seller.receiver_id.clone()),
        ("txn_type", "web_accept".to_string()),
        ("item_name", get("item_name")),
        ("mc_currency", currency.to_string()),
        ("item_number", get("item_number")),
        ("residence_country", "US".to_string()),
        ("test_ipn", "1".to_string()),
        ("shipping", "0.00".to_string()),
    ]);
    let body = n.encode(Format::Form, Charset::Utf8).map_err(|e| e.message)?;
    Ok(body.replace("%20", "+").into_bytes())
}

/// The order's currency: `currency_code`, USD when the form gives none (PayPal's default).
pub fn currency(order: &Order) -> &str {
    order
        .request
        .get("currency_code")
        .filter(|c| !c.is_empty())
        .unwrap_or("USD")
}

/// The IPN: notify_url and its form body.
pub fn notification(sim: &Sim, order: &Order, kind: Kind) -> Result<(String, Vec<u8>), String> {
    let url = order.request.get("notify_url").unwrap_or_default().to_string();
    Ok((url, ipn(sim, order, kind)?))
}

/// The browser after the IPN: `return`, as given (no PDT), if the button named one.
pub fn return_url(order: &Order) -> Option<String> {
    order
        .request
        .get("return")
        .filter(|u| !u.is_empty())
        .map(str::to_string)
}

/// The browser after Cancel: `cancel_return`, if the button named one.
pub fn cancel_url(order: &Order) -> Option<String> {
    if order.gateway != GATEWAY {
        return None;
    }
    order
        .request
        .get("cancel_return")
        .filter(|u| !u.is_empty())
        .map(str::to_string)
}

fn validated(verified: bool) -> Response {
    // PayPal answers text/html (spec sources: pastebin HKpRAghM).
    let mut r = Response::text(200, if verified { "VERIFIED" } else { "INVALID" });
    r.content_type = "text/html; charset=UTF-8";
    r
}

/// The postback: VERIFIED when the body after `cmd=_notify-validate&` is byte for byte an IPN
/// this simulator sent (a tampered copy is not one), INVALID otherwise. Recorded on the IPN.
fn postback(sim: &Sim, body: &[u8]) -> Response {
    let rest = body.strip_prefix(VALIDATE).and_then(|r| r.strip_prefix(b"&"));
    let mut orders = sim.store.lock();
    let sent = rest.and_then(|rest| {
        orders.iter_mut().filter(|o| o.gateway == GATEWAY).find_map(|o| {
            o.notifications
                .iter_mut()
                .find(|n| n.post.as_ref().is_some_and(|(b, _)| b.as_slice() == rest))
        })
    });
    let verified = match sent {
        Some(n) => {
            let verified = n.kind != Kind::Tampered;
            n.checks.push(Check {
                at: now_secs(),
                answer: format!("postback: {}", if verified { "VERIFIED" } else { "INVALID" }),
            });
            verified
        }
        None => false,
    };
    validated(verified)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payment_date_is_pacific_standard_time() {
        // 2005-04-15 22:23:54 UTC
        assert_eq!(payment_date(1_113_603_834), "14:23:54 Apr 15, 2005 PST");
    }

    #[test]
    fn any_http_200_is_the_acknowledgement() {
        assert_eq!(RULES.reply.check(b""), Ok(None));
        assert_eq!(RULES.reply.check(b"<html>anything</html>"), Ok(None));
        assert!(!RULES.reply.decides());
        // about four days in all, each interval at most 24 h
        let total: u64 = RULES.retries.iter().sum();
        assert!((3 * 86400..=4 * 86400).contains(&total), "{total}");
        assert!(RULES.retries.iter().all(|&s| s <= 86400));
    }

    #[test]
    fn fields_a_buy_now_needs() {
        let good = [
            ("amount", "10.00"),
            ("currency_code", "USD"),
            ("notify_url", "http://m/ipn.php"),
        ];
        let with = |name: &str, value: &str| {
            let mut f = Params::from_pairs(good.iter().copied());
            f.set(name, value);
            check_fields(&f)
        };
        assert_eq!(check_fields(&Params::from_pairs(good.iter().copied())), Ok(()));
        for bad in ["", "0", "ten", "1.001", "-1"] {
            assert!(with("amount", bad).unwrap_err().contains("amount"), "{bad}");
        }
        assert!(with("currency_code", "usd").unwrap_err().contains("currency_code"));
        assert!(with("notify_url", "").unwrap_err().contains("notify_url"));
        assert!(with("return", "javascript:x").unwrap_err().contains("return"));
    }

    #[test]
    fn raw_fields() {
        assert_eq!(raw_field(b"a=1&charset=gbk&b=2", b"charset").as_deref(), Some("gbk"));
        assert_eq!(raw_field(b"xcharset=gbk", b"charset"), None);
        assert_eq!(raw_field(b"a=1", b"charset"), None);
    }
}
