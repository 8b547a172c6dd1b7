//! IPS 环迅 7.0 XML gateway, simulated: the payer's form to `/psfp-entry/gateway/payment.do`
//! (the spec's path on newpay.ips.com.cn) with one field `pGateWayReq` holding
//! `<Ips><GateWayReq><head>…</head><body>…</body></GateWayReq></Ips>`, verified with the
//! merchant certificate of the head's MerCode (profile ips.v7.request: md5 of the exact
//! `<body>…</body>` text + MerCode + certificate, lowercase, in `<head><Signature>`); the server
//! notification a UTF-8 form POST to the body's ServerUrl with one field `paymentResult`
//! (`<Ips><GateWayRsp>…`, profile ips.v7.notify, the same rule with the merchant's MerCode)
//! retried until the reply is exactly `ipscheckok`; then the browser's form POST of the same
//! field to Merchanturl. Rules: docs/specs/ips.md §4.
//!
//! The simulator's own choices where §4 is silent: the retry schedule (IPS 3.0's, Dinpay's
//! intervals); `RspCode` 000000 on every notification (Status Y or N carries the result, and
//! the spec says to decide on Status and the amount); a failed payment's browser goes to
//! FailUrl when the request gave one, else Merchanturl; the error page (no IPS error codes are
//! in the spec) shows diagnose's report.

use paysign::params::Duplicates;
use paysign::{Charset, Format, Options, Params};

use super::http::{Request, Response};
use super::notifier::{Reply, Rules};
use super::pages::{self, escape};
use super::secret_form::{self, Form};
use super::store::{Kind, Order, OrderStatus};
use super::{beijing_time, now_secs, printable, Sim};

pub const PATH: &str = "/psfp-entry/gateway/payment.do";
pub const GATEWAY: &str = "ips7";
pub const TITLE: &str = "IPS (环迅) 7.0 XML gateway";
const REQUEST: &str = "ips.v7.request";
const NOTIFY: &str = "ips.v7.notify";

/// The spec gives no resend schedule: the simulator's own, IPS 3.0's.
pub const RULES: Rules = Rules {
    retries: super::dinpay::RETRIES,
    reply: Reply::Exact(NOTIFY),
};

const FORM: Form = Form {
    title: TITLE,
    profile: REQUEST,
    merchant_field: "MerCode",
    sig_field: "Signature",
};

pub fn pay_request(sim: &Sim, req: &Request) -> Response {
    match verified(sim, req) {
        Ok((fields, merchant)) => {
            let no = fields.get("MerBillNo").unwrap_or_default().to_string();
            let amount = fields.get("Amount").unwrap_or_default().to_string();
            let id = sim.store.add(GATEWAY, &merchant, &no, &amount, fields);
            sim.after_request(id)
        }
        Err(refusal) => refusal,
    }
}

/// The request's document as its leaf elements (head and body), and its merchant's MerCode,
/// once the Signature verifies and the fields are usable; else the refusal.
fn verified(sim: &Sim, req: &Request) -> Result<(Params, String), Response> {
    let p = paysign::profile(REQUEST).map_err(|e| FORM.rejected(&e.message, None))?;
    let form = paysign::signer::parse_body(p, &Options::default(), req.form(), Format::Form, None)
        .map_err(|e| FORM.rejected(&format!("{}: {}", e.status.name(), e.message), None))?;
    let doc = form.get("pGateWayReq").unwrap_or_default();
    if doc.is_empty() {
        return Err(FORM.rejected(
            "pGateWayReq is missing: the 7.0 gateway takes the XML request in it",
            None,
        ));
    }
    let fields = leaves(doc).map_err(|why| FORM.rejected(&format!("pGateWayReq: {why}"), None))?;
    let code = fields.get("MerCode").unwrap_or_default();
    let Some(merchant) = sim.ips7.iter().find(|m| m.id == code) else {
        return Err(FORM.rejected(
            &format!(
                "<head><MerCode> '{}' is not a merchant of this simulator (--config)",
                printable(code)
            ),
            None,
        ));
    };
    FORM.verify(req, &form, merchant)?;
    check_fields(&fields).map_err(|why| FORM.rejected(&why, None))?;
    Ok((fields, merchant.id.clone()))
}

/// A document's leaf elements, by name (CDATA and entities decoded).
fn leaves(doc: &str) -> Result<Params, String> {
    Params::parse(doc.as_bytes(), Format::Xml, Charset::Utf8, Duplicates::LastWins).map_err(|e| e.message)
}

/// What the simulator needs beyond a valid Signature: an order number, an amount in yuan,
/// RetEncodeType 17 (MD5, the only return signing of §4), a URL to notify.
fn check_fields(f: &Params) -> Result<(), String> {
    let get = |name: &str| f.get(name).unwrap_or_default();
    if get("MerBillNo").is_empty() {
        return Err("<body><MerBillNo> is missing".into());
    }
    if !super::is_yuan(get("Amount")) {
        return Err(format!(
            "<body><Amount> '{}' is not an amount in yuan (e.g. 0.01)",
            printable(get("Amount"))
        ));
    }
    if get("RetEncodeType") != "17" {
        return Err(format!(
            "<body><RetEncodeType> '{}' is not 17 (MD5), the only return signing simulated",
            printable(get("RetEncodeType"))
        ));
    }
    let url = get("ServerUrl");
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err("<body><ServerUrl> is not an http(s) URL: there is nowhere to notify".into());
    }
    Ok(())
}

/// `<Name>value</Name>`, the value escaped.
fn element(name: &str, value: &str) -> String {
    format!("<{name}>{}</{name}>", escape(value))
}

/// The signed `<Ips><GateWayRsp>` document (§4's fields); a tampered one changed after signing.
fn result(sim: &Sim, order: &Order, kind: Kind) -> Result<String, String> {
    let r = &order.request;
    let get = |name: &str| r.get(name).unwrap_or_default().to_string();
    let paid = order.status == OrderStatus::Paid;
    let (no, amount) = super::yuan_ids(order, kind);
    let deal = order.deal_id.clone().unwrap_or_default();
    let now = beijing_time(now_secs());
    let body: String = [
        ("MerBillNo", no),
        ("CurrencyType", get("CurrencyType")),
        ("Amount", amount.clone()),
        ("Date", get("Date")),
        ("Status", if paid { "Y" } else { "N" }.to_string()),
        ("Msg", if paid { "支付成功！" } else { "支付失败" }.to_string()),
        ("Attach", get("Attach")),
        ("IpsBillNo", format!("SIMBO{}{deal}", order.id)),
        ("IpsTradeNo", format!("SIM{deal}")),
        ("RetEncodeType", "17".to_string()),
        ("BankBillNo", format!("SIM{}", order.id)),
        ("ResultType", "0".to_string()),
        ("IpsBillTime", beijing_time(order.closed_at.unwrap_or(order.created))),
    ]
    .iter()
    .map(|(name, value)| element(name, value))
    .collect();
    let doc = format!(
        "<Ips><GateWayRsp><head><ReferenceID></ReferenceID><RspCode>000000</RspCode>{}{}{}<Signature></Signature>\
         </head><body>{body}</body></GateWayRsp></Ips>",
        element("RspMsg", "交易成功！"),
        element("ReqDate", &get("ReqDate")),
        element("RspDate", &now),
    );
    let merchant = secret_form::merchant(&sim.ips7, &order.merchant)?;
    // The notification's head has no MerCode: the merchant's own enters the string (§4).
    let mut n = Params::from_pairs([("paymentResult", doc.as_str()), ("MerCode", order.merchant.as_str())]);
    let p = paysign::profile(NOTIFY).map_err(|e| e.message)?;
    paysign::sign(p, &Options::default(), &mut n, Some(&merchant.key)).map_err(|e| e.message)?;
    let signed = n.get("paymentResult").unwrap_or_default().to_string();
    if kind == Kind::Tampered {
        return Ok(signed.replacen(&element("Amount", &amount), &element("Amount", "9999.99"), 1));
    }
    Ok(signed)
}

fn form_of(doc: String) -> Params {
    Params::from_pairs([("paymentResult", doc)])
}

/// The server notification: ServerUrl and the form body `paymentResult=…` (UTF-8).
pub fn notification(sim: &Sim, order: &Order, kind: Kind) -> Result<(String, Vec<u8>), String> {
    let url = order.request.get("ServerUrl").unwrap_or_default().to_string();
    let body = form_of(result(sim, order, kind)?)
        .encode(Format::Form, Charset::Utf8)
        .map_err(|e| e.message)?;
    Ok((url, body.into_bytes()))
}

/// The browser back: a form that posts `paymentResult` to Merchanturl (FailUrl for a failed
/// payment, when there is one).
pub fn return_page(sim: &Sim, order: &Order) -> Option<Response> {
    let r = &order.request;
    let fail = r
        .get("FailUrl")
        .filter(|u| !u.is_empty() && order.status != OrderStatus::Paid);
    let url = fail.or_else(|| r.get("Merchanturl").filter(|u| !u.is_empty()))?;
    let fields = form_of(result(sim, order, Kind::Normal).ok()?);
    Some(Response::html(200, pages::post_form(url, &fields)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ipscheckok_is_ok() {
        assert_eq!(RULES.reply.check(b"ipscheckok"), Ok(None));
        assert!(RULES.reply.check(b"ipscheckok\n").unwrap_err().contains("line break"));
        assert!(RULES.reply.check(b"ipscheckfail").unwrap_err().contains("not exactly"));
    }

    #[test]
    fn the_request_as_leaves() {
        // PayumTW/ips tests/ApiTest.php's request (testdata/vectors/ips.json ips-v7-request-md5-payumtw), cut.
        let f = leaves(
            "<Ips><GateWayReq><head><Version>v1.0.0</Version><MerCode>c5374addd1a3d024c3a026199cb8feaf</MerCode>\
             <Signature>527c01c2b04d4f8b198180ba72b0f66e</Signature></head><body><MerBillNo>57c9aca80fdb4</MerBillNo>\
             <Amount>0.01</Amount><RetEncodeType>17</RetEncodeType>\
             <ServerUrl><![CDATA[http://localhost/n?a=1&b=2]]></ServerUrl><Attach>x&amp;y</Attach></body></GateWayReq></Ips>",
        )
        .unwrap();
        assert_eq!(f.get("MerCode"), Some("c5374addd1a3d024c3a026199cb8feaf"));
        assert_eq!(f.get("ServerUrl"), Some("http://localhost/n?a=1&b=2"));
        assert_eq!(f.get("Attach"), Some("x&y"));
        assert_eq!(check_fields(&f), Ok(()));
        assert!(leaves("<Ips><body>").is_err());
    }

    #[test]
    fn fields_a_payment_needs() {
        let good = [
            ("MerBillNo", "B1"),
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
        assert!(with("MerBillNo", "").unwrap_err().contains("MerBillNo"));
        for bad in ["", "0", "0.001", "abc"] {
            assert!(with("Amount", bad).unwrap_err().contains("Amount"), "{bad}");
        }
        assert!(with("RetEncodeType", "16").unwrap_err().contains("RetEncodeType"));
        assert!(with("ServerUrl", "ftp://m").unwrap_err().contains("ServerUrl"));
    }

    #[test]
    fn config_merchants() {
        let path = std::env::temp_dir().join(format!("paysign-sim-ips7-{}.json", std::process::id()));
        std::fs::write(&path, r#"{"ips7": {"merchants": [{"MerCode": "m7", "cert": "c"}]}}"#).unwrap();
        let c = super::super::load_config(Some(&path.to_string_lossy())).unwrap();
        assert_eq!(c.ips7.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), ["m7"]);
        std::fs::write(&path, r#"{"ips7": {"merchants": [{"MerCode": "m7"}]}}"#).unwrap();
        let e = super::super::load_config(Some(&path.to_string_lossy())).err().unwrap();
        assert_eq!(e.message, "--config: ips7.merchants[0].cert is missing");
        std::fs::remove_file(&path).unwrap();
        let builtin = super::super::load_config(None).unwrap();
        assert_eq!(builtin.ips7[0].id, "c5374addd1a3d024c3a026199cb8feaf");
    }
}
