//! IPS 环迅 3.0 (ipayment.aspx), simulated: the payer's form to `/ipayment.aspx`
//! (OrderEncodeType 5, MD5 with the merchant certificate), the server notification (a GB2312
//! query string GET to ServerUrl, RetEncodeType 17) retried until the reply is exactly
//! `ipscheckok`, then the browser to Merchanturl with the same fields. Rules: docs/specs/ips.md.

use paysign::{Charset, Format, Options, Params};

use super::http::{Request, Response};
use super::notifier::{Reply, Rules};
use super::secret_form::{self, Form};
use super::store::{Kind, Order, OrderStatus};
use super::{printable, Sim};

/// The spec's endpoint path (pay.ips.com.cn/ipayment.aspx, docs/specs/ips.md "Endpoints").
pub const PATH: &str = "/ipayment.aspx";
pub const GATEWAY: &str = "ips";
pub const TITLE: &str = "IPS (环迅) 3.0 ipayment";
const NOTIFY: &str = "ips.pay.notify";

/// The spec gives no resend schedule ("anything but ipscheckok makes IPS resend"): the
/// simulator's own, the same as Dinpay's.
pub const RULES: Rules = Rules {
    retries: super::dinpay::RETRIES,
    reply: Reply::Exact(NOTIFY),
};

const FORM: Form = Form {
    title: TITLE,
    profile: "ips.pay.request",
    merchant_field: "Mer_code",
    sig_field: "SignMD5",
};

pub fn pay_request(sim: &Sim, req: &Request) -> Response {
    FORM.pay(sim, req, &sim.ips, check_fields, GATEWAY, ["Billno", "Amount"])
}

/// What the simulator needs beyond a valid SignMD5: an amount in yuan, RetEncodeType 17 (the
/// only return signing built), a URL to notify.
fn check_fields(f: &Params) -> Result<(), String> {
    let amount = f.get("Amount").unwrap_or_default();
    if !super::is_yuan(amount) {
        return Err(format!(
            "Amount '{}' is not an amount in yuan (e.g. 0.01)",
            printable(amount)
        ));
    }
    let ret = f.get("RetEncodeType").unwrap_or_default();
    if ret != "17" {
        return Err(format!(
            "RetEncodeType '{}' is not 17 (MD5), the only return signing simulated",
            printable(ret)
        ));
    }
    let url = f.get("ServerUrl").unwrap_or_default();
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err("ServerUrl is not an http(s) URL: there is nowhere to notify".into());
    }
    Ok(())
}

/// The signed result (server notification and browser return are the same set, §3).
fn result_query(sim: &Sim, order: &Order, kind: Kind) -> Result<String, String> {
    let r = &order.request;
    let get = |name: &str| r.get(name).unwrap_or_default().to_string();
    let paid = order.status == OrderStatus::Paid;
    let (no, amount) = super::yuan_ids(order, kind);
    let mut n = Params::from_pairs([
        ("billno", no),
        ("amount", amount),
        ("date", get("Date")),
        ("succ", if paid { "Y" } else { "N" }.to_string()),
        ("msg", if paid { "支付成功" } else { "支付失败" }.to_string()),
        ("attach", get("Attach")),
        (
            "ipsbillno",
            format!("SIM{}{}", order.id, order.deal_id.as_deref().unwrap_or_default()),
        ),
        ("retencodetype", "17".to_string()),
        ("Currency_type", get("Currency_Type")),
    ]);
    let merchant = secret_form::merchant(&sim.ips, &order.merchant)?;
    let p = paysign::profile(NOTIFY).map_err(|e| e.message)?;
    paysign::sign(p, &Options::default(), &mut n, Some(&merchant.key)).map_err(|e| e.message)?;
    if kind == Kind::Tampered {
        n.set("amount", "9999.99");
    }
    n.encode(Format::Form, Charset::Gb2312).map_err(|e| e.message)
}

/// The server notification: a GET to ServerUrl.
pub fn notification_url(sim: &Sim, order: &Order, kind: Kind) -> Result<String, String> {
    let query = result_query(sim, order, kind)?;
    Ok(super::with_query(
        order.request.get("ServerUrl").unwrap_or_default(),
        &query,
    ))
}

/// The browser back to Merchanturl with the same fields, if there is one.
pub fn return_url(sim: &Sim, order: &Order) -> Option<String> {
    let base = order.request.get("Merchanturl").filter(|u| !u.is_empty())?;
    Some(super::with_query(base, &result_query(sim, order, Kind::Normal).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ipscheckok_is_ok() {
        assert_eq!(RULES.reply.check(b"ipscheckok"), Ok(None));
        assert!(RULES.reply.check(b"ipscheckok\n").unwrap_err().contains("line break"));
        assert!(RULES.reply.check(b"ipscheckfail").unwrap_err().contains("not exactly"));
        assert_eq!(RULES.retries, &[60, 120, 300, 600, 1800]);
    }

    #[test]
    fn fields_a_payment_needs() {
        let good = [
            ("Amount", "0.02"),
            ("RetEncodeType", "17"),
            ("ServerUrl", "http://m/s.php"),
        ];
        let with = |name: &str, value: &str| {
            let mut f = Params::from_pairs(good.iter().copied());
            f.set(name, value);
            check_fields(&f)
        };
        assert_eq!(check_fields(&Params::from_pairs(good.iter().copied())), Ok(()));
        for bad in ["", "0", "0.001", "1,00"] {
            assert!(with("Amount", bad).unwrap_err().contains("Amount"), "{bad}");
        }
        assert!(with("RetEncodeType", "16").unwrap_err().contains("RetEncodeType"));
        assert!(with("ServerUrl", "ftp://m").unwrap_err().contains("ServerUrl"));
    }
}
