//! UnionPay 银联 ACP (全渠道) 5.0.0 and 5.1.0, simulated: the payer's front transaction form to
//! `/gateway/api/frontTransReq.do` and the back query `/gateway/api/queryTrans.do`, each
//! verified with the merchant's certificate from --config (`certId` must be its decimal serial);
//! the back notification (a form POST to backUrl) and every synchronous reply signed with the
//! simulator's own chain (unionpay_chain.rs) by the request's version: 5.1.0 carries the signing
//! certificate in `signPubKeyCert` (SHA-256), 5.0.0 names it by `certId` (SHA-1). Delivered when
//! the merchant answers HTTP 200 or 302, retried otherwise; then the browser's front
//! notification, the same signed fields POSTed to frontUrl. Rules: docs/specs/unionpay-acp.md;
//! what it does not give is said where it is chosen.

use std::path::Path;

use paysign::{Charset, Error, Format, Key, Options, Params, Result, Verdict};
use serde_json::Value;

use super::http::{Request, Response};
use super::notifier::{Reply, Rules};
use super::store::{Kind, Order, OrderStatus};
use super::unionpay_chain::Chain;
use super::{beijing_time, pages, printable, Sim};

pub const PATH: &str = "/gateway/api/frontTransReq.do";
pub const QUERY_PATH: &str = "/gateway/api/queryTrans.do";
pub const GATEWAY: &str = "unionpay";
pub const TITLE: &str = "UnionPay (银联) ACP";
const REQUEST: &str = "unionpay.acp.request";
const NOTIFY: &str = "unionpay.acp.notify";
const RESPONSE: &str = "unionpay.acp.response";

/// "收单后台通知后需要10秒内返回http200或302状态码 … 总共发送5次，银联后续间隔1、2、4、5 分钟后会再次
/// 通知" (UnionPay's Java SDK demos, the backUrl comment of Form_6_2_FrontConsume; older copies
/// say "每次的间隔时间为0,1,2,4分钟"): five sends, the retries 1, 2, 4 and 5 minutes apart.
pub const RULES: Rules = Rules {
    retries: &[60, 120, 240, 300],
    reply: Reply::Status {
        codes: &[200, 302],
        decides: true,
    },
};

/// UnionPay's public test merchant of yansongda/pay's fixtures and its 2021 test signing
/// certificate (serial 69903319369; testdata/unionpay/SOURCES.md).
const TEST_MER_ID: &str = "777290058167151";
const TEST_CERT: &[u8] = include_bytes!("../../../../testdata/vectors/keys/unionpay_acp_test_sign_2021_cert.pem");

/// respCode and the text of UnionPay's 应答码 table, as UnionPay's SDKs and their ports list it
/// (00 成功, 01 交易失败, 10 报文格式错误, 11 验证签名失败, 12 重复交易, 13 报文交易要素缺失,
/// 31 商户状态不正确, 34 查无此交易, 05 交易已受理); a logged test-environment reply to a bad
/// signature carries respCode=11. Which code a case gets beyond that is the simulator's choice.
type Code = (&'static str, &'static str);
const FORMAT_ERROR: Code = ("10", "报文格式错误");
const BAD_SIGNATURE: Code = ("11", "验证签名失败");
const DUPLICATE: Code = ("12", "重复交易");
const MISSING: Code = ("13", "报文交易要素缺失");
const UNKNOWN_MERCHANT: Code = ("31", "商户状态不正确");
const NO_SUCH_ORDER: Code = ("34", "查无此交易");
const SUCCESS: Code = ("00", "成功[0000000]");
const FAILED: Code = ("01", "交易失败");
const ACCEPTED: Code = ("05", "交易已受理，请稍后查询交易结果");

/// What a front transaction must carry (the SDK demos' Form_6_2_FrontConsume fields; frontUrl
/// is optional here: without it the payer gets the simulator's page).
const FRONT_FIELDS: &[&str] = &[
    "version",
    "encoding",
    "signMethod",
    "certId",
    "signature",
    "txnType",
    "txnSubType",
    "bizType",
    "channelType",
    "accessType",
    "merId",
    "orderId",
    "txnTime",
    "txnAmt",
    "currencyCode",
    "backUrl",
];
/// What a query must carry (the SDK demos' Form_6_5_Query; yansongda/pay's query fixture).
const QUERY_FIELDS: &[&str] = &[
    "version",
    "encoding",
    "signMethod",
    "certId",
    "signature",
    "txnType",
    "txnSubType",
    "bizType",
    "accessType",
    "merId",
    "orderId",
    "txnTime",
];

/// A merchant: its merId, the certificate of its signing key, and that certificate's certId.
pub struct Merchant {
    pub mer_id: String,
    pub key: Key,
    pub cert_id: String,
}

/// The merchants and the simulator's chain.
pub struct Gateway {
    pub merchants: Vec<Merchant>,
    chain: Chain,
}

impl Gateway {
    pub fn new(merchants: Vec<Merchant>, chain: Chain) -> Gateway {
        Gateway { merchants, chain }
    }

    /// `fields` completed for `version` (5.0.0: certId; else signPubKeyCert and version
    /// 5.1.0) and signed with the simulator's signing key by `profile`'s rule.
    fn sign(&self, profile: &str, mut fields: Params, version: &str) -> std::result::Result<Params, String> {
        fields.set("signMethod", "01");
        if version == "5.0.0" {
            fields.set("certId", &self.chain.cert_id);
        } else {
            fields.set("version", "5.1.0");
            fields.set("signPubKeyCert", &self.chain.sign_pem_crlf);
        }
        let p = paysign::profile(profile).map_err(|e| e.message)?;
        paysign::sign(p, &Options::default(), &mut fields, Some(&self.chain.sign_key)).map_err(|e| e.message)?;
        Ok(fields)
    }
}

fn merchant(mer_id: String, key: Key) -> Result<Merchant> {
    let cert_id = paysign::unionpay::cert_id(&key).map_err(|e| {
        Error::invalid_argument(format!(
            "--config: {GATEWAY} merchant {mer_id}: cert gives no certId ({})",
            e.message
        ))
    })?;
    Ok(Merchant { mer_id, key, cert_id })
}

/// The built-in merchant (see [`TEST_MER_ID`]).
pub fn builtin_merchants() -> Result<Vec<Merchant>> {
    Ok(vec![merchant(TEST_MER_ID.into(), Key::load(TEST_CERT, None)?)?])
}

/// `unionpay.merchants` of `--config`: `{"merId", "cert": FILE}`, the certificate (PEM or DER,
/// or the PFX itself) of the key the merchant signs with; paths from the config's folder.
pub fn config_merchants(v: &Value, dir: &Path) -> Result<Vec<Merchant>> {
    super::merchants(v, GATEWAY, |field| {
        let password = field("password").ok();
        merchant(
            field("merId")?,
            Key::load_file(&dir.join(field("cert")?), password.as_deref())?,
        )
    })
}

/// Why a request is refused: its respCode, the reason naming the field, and (a signature's
/// fault) what the simulator expected.
struct Refusal {
    code: Code,
    why: String,
    diagnosis: Option<String>,
}

fn refuse(code: Code, why: impl Into<String>) -> Refusal {
    Refusal {
        code,
        why: why.into(),
        diagnosis: None,
    }
}

/// The request's fields and merchant once every field in `required` is there, version and
/// signMethod are ones the simulator plays, merId is configured, certId names that merchant's
/// certificate and the signature verifies with it; else the refusal.
fn verified<'g>(
    g: &'g Gateway,
    req: &Request,
    required: &[&str],
) -> std::result::Result<(Params, &'g Merchant), Refusal> {
    let p = paysign::profile(REQUEST).map_err(|e| refuse(FORMAT_ERROR, e.message))?;
    let opts = Options::default();
    let fields = paysign::signer::parse_body(p, &opts, req.form(), Format::Form, None)
        .map_err(|e| refuse(FORMAT_ERROR, format!("{}: {}", e.status.name(), e.message)))?;
    let get = |name: &str| fields.get(name).unwrap_or_default();
    if let Some(name) = required.iter().find(|n| get(n).is_empty()) {
        return Err(refuse(MISSING, format!("field '{name}' is missing or empty")));
    }
    if !["5.0.0", "5.1.0"].contains(&get("version")) {
        return Err(refuse(
            FORMAT_ERROR,
            format!("version '{}' is not 5.0.0 or 5.1.0", printable(get("version"))),
        ));
    }
    if get("signMethod") != "01" {
        return Err(refuse(
            FORMAT_ERROR,
            format!(
                "signMethod '{}': the simulator plays 01 (RSA with certificates) only",
                printable(get("signMethod"))
            ),
        ));
    }
    let Some(m) = g.merchants.iter().find(|m| m.mer_id == get("merId")) else {
        return Err(refuse(
            UNKNOWN_MERCHANT,
            format!(
                "merId '{}' is not a merchant of this simulator (--config unionpay.merchants)",
                printable(get("merId"))
            ),
        ));
    };
    if get("certId") != m.cert_id {
        return Err(Refusal {
            code: BAD_SIGNATURE,
            why: format!(
                "certId '{}' is not the certificate configured for merId {}",
                printable(get("certId")),
                m.mer_id
            ),
            diagnosis: Some(format!(
                "certId expected: {} (the decimal serial of merId {}'s certificate)\ncertId received: {}\n\
                 cause: the request was signed with another PFX than the one whose certificate the simulator has, \
                 or certId was not read from the signing PFX (paysign unionpay cert-id)\n",
                m.cert_id,
                m.mer_id,
                printable(get("certId"))
            )),
        });
    }
    match paysign::verify(p, &opts, &fields, Some(&m.key)) {
        Ok(Verdict::Valid) => Ok((fields, m)),
        Ok(Verdict::Invalid(reason)) => Err(Refusal {
            code: BAD_SIGNATURE,
            why: format!("signature does not verify: {reason}"),
            diagnosis: Some(super::diagnosis(p, &opts, req.form(), &m.key)),
        }),
        Err(e) => Err(refuse(BAD_SIGNATURE, format!("{}: {}", e.status.name(), e.message))),
    }
}

/// What the simulator needs of a verified front transaction beyond its signature.
fn check_front(f: &Params) -> std::result::Result<(), String> {
    let get = |name: &str| f.get(name).unwrap_or_default();
    if get("txnType") != "01" {
        return Err(format!(
            "txnType '{}': the simulator plays the consume (01) only",
            printable(get("txnType"))
        ));
    }
    if !super::is_fen(get("txnAmt")) {
        return Err(format!(
            "txnAmt '{}' is not an amount in fen (a positive whole number)",
            printable(get("txnAmt"))
        ));
    }
    if get("currencyCode") != "156" {
        return Err(format!(
            "currencyCode '{}' is not 156 (CNY)",
            printable(get("currencyCode"))
        ));
    }
    let no = get("orderId");
    if !(8..=40).contains(&no.len()) || !no.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(format!(
            "orderId '{}' must be 8 to 40 letters or digits (no - or _)",
            printable(no)
        ));
    }
    if get("txnTime").len() != 14 || !get("txnTime").bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("txnTime '{}' is not YYYYMMDDhhmmss", printable(get("txnTime"))));
    }
    let http = |u: &str| u.starts_with("http://") || u.starts_with("https://");
    if !http(get("backUrl")) {
        return Err("backUrl is not an http(s) URL: there is nowhere to notify".into());
    }
    if !(get("frontUrl").is_empty() || http(get("frontUrl"))) {
        return Err("frontUrl is not an http(s) URL".into());
    }
    Ok(())
}

/// `POST /gateway/api/frontTransReq.do`: the payment page (or --auto's end), else UnionPay's
/// error page with the respCode and, for a signature, what the simulator expected.
pub fn front(sim: &Sim, req: &Request) -> Response {
    let rejected = |r: Refusal| {
        Response::html(
            400,
            pages::rejected(
                TITLE,
                Some(r.code.0),
                &format!("{}: {}", r.code.1, r.why),
                r.diagnosis.as_deref(),
            ),
        )
    };
    let (fields, m) = match verified(&sim.unionpay, req, FRONT_FIELDS) {
        Ok(v) => v,
        Err(r) => return rejected(r),
    };
    if let Err(why) = check_front(&fields) {
        return rejected(refuse(FORMAT_ERROR, why));
    }
    let no = fields.get("orderId").unwrap_or_default().to_string();
    let closed = sim.store.lock().iter().any(|o| {
        o.gateway == GATEWAY
            && o.merchant == m.mer_id
            && o.order_id == no
            && matches!(o.status, OrderStatus::Paid | OrderStatus::Failed)
    });
    if closed {
        return rejected(refuse(DUPLICATE, format!("orderId {no} was already paid or failed")));
    }
    let amount = fields.get("txnAmt").unwrap_or_default().to_string();
    let id = sim.store.add(GATEWAY, &m.mer_id, &no, &amount, fields);
    sim.after_request(id)
}

/// The transaction's numbers, from its closing time and the simulator's order id: queryId (21
/// digits, as the fixtures'), traceNo (6), traceTime (MMDDhhmmss), settleDate (MMDD).
fn numbers(o: &Order) -> [(&'static str, String); 4] {
    let t = beijing_time(o.closed_at.unwrap_or(o.created));
    [
        ("queryId", format!("{t}{:07}", o.id % 10_000_000)),
        ("traceNo", format!("{:06}", o.id % 1_000_000)),
        ("traceTime", t[4..].to_string()),
        ("settleDate", t[4..8].to_string()),
    ]
}

/// The notification's fields (back and front alike), unsigned: the request's own, the result,
/// and the kind's change (another orderId, another txnAmt, validly signed).
fn result(o: &Order, kind: Kind) -> Params {
    let get = |name: &str| o.request.get(name).unwrap_or_default().to_string();
    let paid = o.status == OrderStatus::Paid;
    let no = match kind {
        Kind::OtherOrder => format!("{}X", o.order_id),
        _ => o.order_id.clone(),
    };
    let amount = match kind {
        Kind::WrongAmount => super::fen_plus_one(&o.amount),
        _ => o.amount.clone(),
    };
    // respMsg of a success as the SDK demos' logs show it; 01 for a failure (see FAILED).
    let (code, msg) = if paid { ("00", "Success!") } else { FAILED };
    let mut n = Params::from_pairs([
        ("accessType", get("accessType")),
        ("bizType", get("bizType")),
        ("currencyCode", get("currencyCode")),
        ("encoding", get("encoding")),
        ("merId", o.merchant.clone()),
        ("orderId", no),
    ]);
    if paid {
        n.set("queryId", &numbers(o)[0].1);
    }
    if let Some(r) = o.request.get("reqReserved") {
        n.set("reqReserved", r);
    }
    n.set("respCode", code);
    n.set("respMsg", msg);
    if paid {
        n.set("settleAmt", &amount);
        n.set("settleCurrencyCode", "156");
        for (name, value) in &numbers(o)[1..] {
            n.set(name, value);
        }
    }
    n.set("txnAmt", &amount);
    for name in ["txnSubType", "txnTime", "txnType", "version"] {
        n.set(name, &get(name));
    }
    n
}

/// The signed notification of `kind`; a tampered copy's txnAmt changed after signing.
fn signed_result(sim: &Sim, o: &Order, kind: Kind) -> std::result::Result<Params, String> {
    let version = o.request.get("version").unwrap_or_default().to_string();
    let mut n = sim.unionpay.sign(NOTIFY, result(o, kind), &version)?;
    if kind == Kind::Tampered {
        n.set("txnAmt", &super::fen_tampered(&o.amount));
    }
    Ok(n)
}

/// The back notification: backUrl and the form body. A failed payment has none: "失败的交易银联
/// 不会发送后台通知" (the SDK demos' backUrl comment).
pub fn notification(sim: &Sim, o: &Order, kind: Kind) -> std::result::Result<(String, Vec<u8>), String> {
    if o.status != OrderStatus::Paid {
        return Err("UnionPay sends no back notification for a failed payment".into());
    }
    let url = o.request.get("backUrl").unwrap_or_default().to_string();
    let body = signed_result(sim, o, kind)?
        .encode(Format::Form, Charset::Utf8)
        .map_err(|e| e.message)?;
    Ok((url, body.into_bytes()))
}

/// The browser's front notification: the signed fields posted to frontUrl by a form that
/// submits itself, if there is a frontUrl. After a failure too, with respCode 01 (the
/// simulator's choice: the spec does not say what the payer's browser gets then).
pub fn return_page(sim: &Sim, o: &Order) -> Option<Response> {
    let url = o.request.get("frontUrl").filter(|u| !u.is_empty())?;
    let fields = signed_result(sim, o, Kind::Normal).ok()?;
    Some(Response::html(200, pages::post_form(url, &fields)))
}

/// A signed synchronous reply (unionpay.acp.response), HTTP 200 as UnionPay answers.
fn reply(g: &Gateway, fields: Params, version: &str) -> Response {
    match g.sign(RESPONSE, fields, version) {
        Ok(f) => match f.encode(Format::Form, Charset::Utf8) {
            Ok(body) => Response::bytes(200, super::store::FORM, body.into_bytes()),
            Err(e) => Response::text(500, &e.message),
        },
        Err(why) => Response::text(500, &why),
    }
}

/// `POST /gateway/api/queryTrans.do` (交易状态查询, txnType 00): the recorded order of this merId,
/// orderId and txnTime, its state in origRespCode (the fields of yansongda/pay's query reply
/// fixture); refusals answered the same way, signed, with their respCode.
pub fn query(sim: &Sim, req: &Request) -> Response {
    let g = &sim.unionpay;
    let sent = Params::parse(
        req.form(),
        Format::Form,
        Charset::Utf8,
        paysign::params::Duplicates::LastWins,
    )
    .unwrap_or_default();
    let echo = |code: Code, why: &str| {
        let mut f = Params::new();
        for name in [
            "accessType",
            "bizType",
            "encoding",
            "merId",
            "orderId",
            "txnSubType",
            "txnTime",
            "txnType",
        ] {
            if let Some(v) = sent.get(name).filter(|v| !v.is_empty()) {
                f.set(name, v);
            }
        }
        f.set("respCode", code.0);
        f.set(
            "respMsg",
            &if why.is_empty() {
                code.1.to_string()
            } else {
                format!("{}: {why}", code.1)
            },
        );
        f
    };
    let version = sent.get("version").unwrap_or_default().to_string();
    let (fields, m) = match verified(g, req, QUERY_FIELDS) {
        Ok(v) => v,
        Err(r) => return reply(g, echo(r.code, &r.why), &version),
    };
    if fields.get("txnType") != Some("00") {
        return reply(g, echo(FORMAT_ERROR, "txnType of a query is 00"), &version);
    }
    let get = |name: &str| fields.get(name).unwrap_or_default();
    let found = sim
        .store
        .lock()
        .iter()
        .rev()
        .find(|o| {
            o.gateway == GATEWAY
                && o.merchant == m.mer_id
                && o.order_id == get("orderId")
                && o.request.get("txnTime") == Some(get("txnTime"))
        })
        .cloned();
    let Some(o) = found else {
        return reply(g, echo(NO_SUCH_ORDER, ""), &version);
    };
    // Pending: 05, as the SDK demos' query loop reads it ("查询到03，04，05继续查询");
    // a cancelled payment reads as failed (the simulator's choice).
    let orig = match o.status {
        OrderStatus::Paid => SUCCESS,
        OrderStatus::Pending => ACCEPTED,
        OrderStatus::Failed | OrderStatus::Cancelled => FAILED,
    };
    let mut f = result(&o, Kind::Normal);
    f.remove("respCode");
    f.remove("respMsg");
    f.remove("reqReserved");
    f.set("origRespCode", orig.0);
    f.set("origRespMsg", orig.1);
    f.set("respCode", SUCCESS.0);
    f.set("respMsg", SUCCESS.1);
    reply(g, f, &version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivered_on_200_or_302_whatever_the_body() {
        assert_eq!(RULES.reply.judge(200, b"anything"), Ok(None));
        assert_eq!(RULES.reply.judge(302, b""), Ok(None));
        assert!(RULES.reply.judge(204, b"ok").unwrap_err().contains("not 200 or 302"));
        assert!(RULES.reply.judge(500, b"ok").is_err());
        assert_eq!(RULES.retries, &[60, 120, 240, 300]);
    }

    #[test]
    fn the_builtin_merchant_is_the_2021_test_certificate() {
        let m = builtin_merchants().unwrap();
        assert_eq!(
            (m[0].mer_id.as_str(), m[0].cert_id.as_str()),
            (TEST_MER_ID, "69903319369")
        );
    }

    #[test]
    fn front_fields_the_simulator_needs() {
        let good = [
            ("txnType", "01"),
            ("txnAmt", "1"),
            ("currencyCode", "156"),
            ("orderId", "U2026120712"),
            ("txnTime", "20261207120000"),
            ("backUrl", "http://m/back.php"),
        ];
        let with = |name: &str, value: &str| {
            let mut f = Params::from_pairs(good.iter().copied());
            f.set(name, value);
            check_front(&f)
        };
        assert_eq!(check_front(&Params::from_pairs(good.iter().copied())), Ok(()));
        for bad in ["", "0", "1.00", "abc", "-1"] {
            assert!(with("txnAmt", bad).unwrap_err().contains("txnAmt"), "{bad}");
        }
        assert!(with("txnType", "04").unwrap_err().contains("txnType"));
        assert!(with("currencyCode", "840").unwrap_err().contains("currencyCode"));
        assert!(with("orderId", "U-1234567").unwrap_err().contains("orderId"));
        assert!(with("orderId", "U123").unwrap_err().contains("orderId"));
        assert!(with("txnTime", "2026").unwrap_err().contains("txnTime"));
        assert!(with("backUrl", "ftp://x").unwrap_err().contains("backUrl"));
        assert!(with("frontUrl", "javascript:x").unwrap_err().contains("frontUrl"));
    }
}
