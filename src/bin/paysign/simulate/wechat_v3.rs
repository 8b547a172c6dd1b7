//! WeChat Pay API v3, simulated: `POST /v3/pay/transactions/native` and `…/jsapi`,
//! `GET /v3/pay/transactions/out-trade-no/{no}?mchid=` and `GET /v3/certificates`, each
//! request's `Authorization` checked with the merchant's API certificate, each answer signed
//! with the simulator's own platform key (`Wechatpay-*` headers); the notification: a JSON POST
//! to notify_url whose `resource` is AEAD_AES_256_GCM with the merchant's APIv3 key, signed
//! afresh at each attempt, retried on v3's schedule until the reply is HTTP 200 or 204.
//! Every signature, verification and encryption is paysign's own (src/wechat_v3/). Rules:
//! docs/specs/wechatpay-v3.md; what the spec does not give is said where it is chosen.

use std::path::Path;

use paysign::wechat_v3::{self, Authorization, VerifyOptions};
use paysign::{Error, Key, Params, Result, Verdict};
use serde_json::{json, Value};
use zeroize::Zeroizing;

use super::http::{Request, Response};
use super::keys::GatewayKey;
use super::notifier::{Reply, Rules};
use super::store::{Kind, Order, OrderStatus};
use super::{beijing, now_secs, Sim};

pub const GATEWAY: &str = "wechatpay_v3";
pub const TITLE: &str = "WeChat Pay (微信支付) API v3";
pub const NATIVE_PATH: &str = "/v3/pay/transactions/native";
pub const JSAPI_PATH: &str = "/v3/pay/transactions/jsapi";
pub const QUERY_PREFIX: &str = "/v3/pay/transactions/out-trade-no/";
pub const CERTIFICATES_PATH: &str = "/v3/certificates";

/// "15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h - 总计 24h4m" (WeChat Pay v3 支付通知
/// pages, e.g. pay.weixin.qq.com/wiki/doc/apiv3_partner/apis/chapter7_3_13.shtml); success is
/// HTTP 200 or 204 whatever the body ("V3应答, 顺序是 HTTP STATUS > HTTP body": the
/// developers.weixin.qq.com answers quoting the 支付通知 page).
pub const RULES: Rules = Rules {
    retries: &[
        15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
    ],
    reply: Reply::Status {
        codes: &[200, 204],
        decides: true,
    },
};

/// The built-in merchant: mchid 1230000109 of the v3 documentation's examples, with the
/// official Java SDK's test merchant certificate and APIv3 key (testdata/wechat_v3/SOURCES.md).
const DOC_MCHID: &str = "1230000109";
const SDK_MERCHANT_CERT: &[u8] = include_bytes!("../../../../testdata/wechat_v3/merchant_certificate.pem");
const SDK_APIV3_KEY: &str = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";

const SUMMARY: &str = "支付成功";
/// A tampered copy's summary, written after signing (the resource itself cannot be changed
/// without the APIv3 key, so a forger changes what is in the clear).
const TAMPERED_SUMMARY: &str = "支付成功 (changed after signing)";

/// A merchant: its mchid, the API certificate (or its public key with the serial it is known
/// by) that checks its requests, and its APIv3 key (APIv3密钥, 32 bytes).
pub struct Merchant {
    pub mchid: String,
    pub key: Key,
    /// The serial requests must name, upper-case hex.
    pub serial_no: String,
    pub apiv3_key: Zeroizing<Vec<u8>>,
}

/// The v3 merchants and the simulator's platform key and certificate.
pub struct Gateway {
    pub merchants: Vec<Merchant>,
    platform: Key,
    cert_pem: String,
    serial: String,
    not_before: i64,
    not_after: i64,
}

impl Gateway {
    pub fn new(merchants: Vec<Merchant>, platform: GatewayKey) -> Result<Gateway> {
        let cert = Key::load(platform.cert_pem.as_bytes(), None)?;
        let info = cert
            .cert()
            .ok_or_else(|| Error::key("the simulator's WeChat Pay certificate did not load as a certificate"))?;
        Ok(Gateway {
            merchants,
            serial: info.serial_hex.to_ascii_uppercase(),
            not_before: info.not_before,
            not_after: info.not_after,
            platform: platform.key,
            cert_pem: platform.cert_pem,
        })
    }

    /// `Wechatpay-Timestamp`, `-Nonce`, `-Signature` and `-Serial` over `body`, signed now.
    fn signature_headers(&self, body: &[u8]) -> std::result::Result<Vec<(&'static str, String)>, String> {
        let ts = now_secs().to_string();
        let nonce = nonce(32);
        let msg = wechat_v3::message::response(&ts, &nonce, body).map_err(|e| e.message)?;
        let sig = wechat_v3::sign::sign(&self.platform, &msg).map_err(|e| e.message)?;
        Ok(vec![
            ("Wechatpay-Timestamp", ts),
            ("Wechatpay-Nonce", nonce),
            ("Wechatpay-Signature", sig),
            ("Wechatpay-Serial", self.serial.clone()),
        ])
    }

    /// The headers of one notification attempt: signed afresh (a retry hours later must pass
    /// the merchant's 5-minute window); a tampered copy's signature is over the body as it was
    /// before its summary was changed.
    pub fn notify_headers(&self, kind: Kind, body: &[u8]) -> Vec<(String, String)> {
        let signed = match kind {
            Kind::Tampered => String::from_utf8_lossy(body)
                .replacen(TAMPERED_SUMMARY, SUMMARY, 1)
                .into_bytes(),
            _ => body.to_vec(),
        };
        let mut headers = vec![("Accept".to_string(), "application/json".to_string())];
        match self.signature_headers(&signed) {
            Ok(h) => headers.extend(h.into_iter().map(|(n, v)| (n.to_string(), v))),
            Err(why) => eprintln!("paysign simulate: WeChat Pay v3 notification not signed: {why}"),
        }
        headers
    }

    fn merchant(&self, mchid: &str) -> Option<&Merchant> {
        self.merchants.iter().find(|m| m.mchid == mchid)
    }
}

/// The built-in merchant (see [`DOC_MCHID`]).
pub fn builtin_merchants() -> Result<Vec<Merchant>> {
    let key = Key::load(SDK_MERCHANT_CERT, None)?;
    let serial_no = key
        .cert()
        .map(|c| c.serial_hex.to_ascii_uppercase())
        .unwrap_or_default();
    Ok(vec![Merchant {
        mchid: DOC_MCHID.into(),
        key,
        serial_no,
        apiv3_key: Zeroizing::new(SDK_APIV3_KEY.as_bytes().to_vec()),
    }])
}

/// `wechatpay_v3.merchants` of `--config`: `{"mchid", "apiv3_key", "cert": FILE}` or
/// `{"mchid", "apiv3_key", "public_key": FILE, "serial_no"}`, paths from the config's folder.
pub fn config_merchants(v: &Value, dir: &Path) -> Result<Vec<Merchant>> {
    super::merchants(v, GATEWAY, |field| {
        let mchid = field("mchid")?;
        let apiv3_key = Zeroizing::new(field("apiv3_key")?.into_bytes());
        if apiv3_key.len() != 32 {
            return Err(Error::invalid_argument(format!(
                "--config: {GATEWAY} merchant {mchid}: apiv3_key is {} bytes, not 32",
                apiv3_key.len()
            )));
        }
        let (key, serial_no) = match (field("cert"), field("public_key")) {
            (Ok(cert), Err(_)) => {
                let key = Key::load_file(&dir.join(cert), None)?;
                let serial = key.cert().map(|c| c.serial_hex.to_ascii_uppercase()).ok_or_else(|| {
                    Error::invalid_argument(format!(
                        "--config: {GATEWAY} merchant {mchid}: cert is not a certificate (give public_key and serial_no)"
                    ))
                })?;
                (key, serial)
            }
            (Err(_), Ok(public)) => (
                Key::load_file(&dir.join(public), None)?,
                field("serial_no")?.to_ascii_uppercase(),
            ),
            _ => {
                return Err(Error::invalid_argument(format!(
                    "--config: {GATEWAY} merchant {mchid} needs exactly one of cert, public_key"
                )))
            }
        };
        Ok(Merchant {
            mchid,
            key,
            serial_no,
            apiv3_key,
        })
    })
}

/// Random letters and digits from the library's nonce (upper-case hex), `len` of them.
fn nonce(len: usize) -> String {
    let mut n = wechat_v3::fresh_nonce().unwrap_or_else(|_| "0".repeat(32));
    n.truncate(len);
    n
}

/// RFC 3339 in Beijing time, as v3 writes times: `2018-06-08T10:34:56+08:00`.
fn rfc3339(secs: i64) -> String {
    format!("{}+08:00", beijing(secs).replacen(' ', "T", 1))
}

/// A JSON answer signed by the platform key (errors too: the merchant's SDK may verify any).
fn signed(g: &Gateway, status: u16, v: &Value) -> Response {
    let body = v.to_string().into_bytes();
    let headers = g.signature_headers(&body).unwrap_or_else(|why| {
        eprintln!("paysign simulate: WeChat Pay v3 answer not signed: {why}");
        Vec::new()
    });
    Response {
        headers,
        ..Response::bytes(status, "application/json; charset=utf-8", body)
    }
}

/// v3's error body, `{"code": …, "message": …}` with an optional `detail`.
fn error(g: &Gateway, status: u16, code: &str, message: &str, detail: Option<Value>) -> Response {
    let mut v = json!({ "code": code, "message": message });
    if let Some(d) = detail {
        v["detail"] = d;
    }
    signed(g, status, &v)
}

/// The request's merchant, once its `Authorization` verifies; else the 4xx answer. The codes
/// and texts follow the answers merchants report from WeChat Pay (401 SIGN_ERROR
/// "签名错误,请检查后再试" with detail.sign_information, "Authorization不合法"); the
/// `detail.paysign` member (the sign string expected, paysign's reason) is the simulator's own.
fn authenticated<'g>(g: &'g Gateway, req: &Request) -> std::result::Result<&'g Merchant, Response> {
    let sign_error = |message: &str, reason: &str, field: &str| {
        error(
            g,
            401,
            "SIGN_ERROR",
            message,
            Some(json!({ "field": field, "location": "authorization", "paysign": { "reason": reason } })),
        )
    };
    let Some(header) = req.header("Authorization") else {
        return Err(sign_error(
            "Authorization不合法",
            "the Authorization header is missing",
            "authorization",
        ));
    };
    let auth =
        Authorization::parse(header).map_err(|e| sign_error("Authorization不合法", &e.message, "authorization"))?;
    let Some(m) = g.merchant(&auth.mchid) else {
        return Err(error(
            g,
            400,
            "MCH_NOT_EXISTS",
            "商户号不存在",
            Some(json!({ "paysign": { "reason": format!(
                "mchid '{}' is not a merchant of this simulator (--config wechatpay_v3.merchants)",
                super::printable(&auth.mchid)
            ) } })),
        ));
    };
    if m.key.cert().is_none() && !auth.serial_no.eq_ignore_ascii_case(&m.serial_no) {
        return Err(sign_error(
            "商户证书序列号有误",
            &format!(
                "serial_no '{}' is not the merchant's certificate serial {}",
                super::printable(&auth.serial_no),
                m.serial_no
            ),
            "serial_no",
        ));
    }
    let expected = wechat_v3::message::request(&req.method, &req.url, &auth.timestamp, &auth.nonce_str, &req.body)
        .map(|msg| String::from_utf8_lossy(&msg).into_owned());
    match wechat_v3::verify_request(
        &auth,
        &req.method,
        &req.url,
        &req.body,
        &m.key,
        &VerifyOptions::default(),
    ) {
        Ok(Verdict::Valid) => Ok(m),
        Ok(Verdict::Invalid(why)) => {
            let message = expected.unwrap_or_default();
            Err(error(
                g,
                401,
                "SIGN_ERROR",
                "签名错误,请检查后再试",
                Some(json!({
                    "detail": { "issue": "sign not match" },
                    "field": "signature",
                    "location": "authorization",
                    "sign_information": {
                        "method": req.method,
                        "url": req.url,
                        "sign_message_length": message.len(),
                    },
                    "paysign": { "reason": why, "sign_message_expected": message.chars().take(4096).collect::<String>() },
                })),
            ))
        }
        Err(e) => {
            let field = if e.status == paysign::Status::PAYSIGN_STALE_TIMESTAMP {
                "timestamp"
            } else if e.status == paysign::Status::PAYSIGN_KEY_MISMATCH {
                "serial_no"
            } else {
                "authorization"
            };
            Err(sign_error(
                "签名错误,请检查后再试",
                &format!("{}: {}", e.status.name(), e.message),
                field,
            ))
        }
    }
}

fn param_error(g: &Gateway, why: &str) -> Response {
    error(g, 400, "PARAM_ERROR", &format!("参数错误: {why}"), None)
}

/// A JSON member as text: strings as they are, numbers in decimal.
fn text(v: &Value, pointer: &str) -> Option<String> {
    match v.pointer(pointer)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The order fields, checked: Ok(fields for the order book) or the reason (field named).
fn order_fields(v: &Value, mchid: &str, trade_type: &str) -> std::result::Result<Params, String> {
    if !v.is_object() {
        return Err("the body is not a JSON object".into());
    }
    let need = |pointer: &str| -> std::result::Result<String, String> {
        text(v, pointer).filter(|s| !s.is_empty()).ok_or_else(|| {
            format!(
                "{} is missing, empty or not a string",
                pointer.trim_start_matches('/').replace('/', ".")
            )
        })
    };
    let mut p = Params::new();
    for name in ["appid", "mchid", "description", "out_trade_no", "notify_url"] {
        p.set(name, &need(&format!("/{name}"))?);
    }
    if p.get("mchid") != Some(mchid) {
        return Err(format!(
            "mchid '{}' is not the mchid of the Authorization header ({mchid})",
            super::printable(p.get("mchid").unwrap_or_default())
        ));
    }
    let no = p.get("out_trade_no").unwrap_or_default();
    let allowed = |c: char| c.is_ascii_alphanumeric() || "_-|*".contains(c);
    if !(6..=32).contains(&no.len()) || !no.chars().all(allowed) {
        return Err(format!(
            "out_trade_no '{}' must be 6 to 32 letters, digits or _-|*",
            super::printable(no)
        ));
    }
    super::wechat::check_notify_url(p.get("notify_url").unwrap_or_default())?;
    let total = match v.pointer("/amount/total") {
        Some(Value::Number(n)) if n.as_u64().is_some_and(|t| t > 0 && t < 1_000_000_000_000) => n.to_string(),
        Some(other) => {
            return Err(format!(
                "amount.total {} must be a positive whole number of fen (a JSON integer)",
                super::printable(&other.to_string())
            ))
        }
        None => return Err("amount.total is missing".into()),
    };
    p.set("total", &total);
    match text(v, "/amount/currency").as_deref() {
        None | Some("CNY") => p.set("currency", "CNY"),
        Some(c) => return Err(format!("amount.currency '{}' is not CNY", super::printable(c))),
    }
    if let Some(attach) = text(v, "/attach") {
        p.set("attach", &attach);
    }
    if trade_type == "JSAPI" {
        p.set("openid", &need("/payer/openid")?);
    }
    p.set("trade_type", trade_type);
    Ok(p)
}

/// `POST /v3/pay/transactions/native` (answer `{"code_url"}`) and `…/jsapi` (`{"prepay_id"}`).
pub fn order(sim: &Sim, req: &Request) -> Response {
    let g = &sim.wechat_v3;
    let m = match authenticated(g, req) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let v: Value = match serde_json::from_slice(&req.body) {
        Ok(v) => v,
        Err(e) => return param_error(g, &format!("the body is not JSON ({e})")),
    };
    let trade_type = if req.path == JSAPI_PATH { "JSAPI" } else { "NATIVE" };
    let fields = match order_fields(&v, &m.mchid, trade_type) {
        Ok(f) => f,
        Err(why) => return param_error(g, &why),
    };
    let no = fields.get("out_trade_no").unwrap_or_default().to_string();
    let paid =
        sim.store.lock().iter().any(|o| {
            o.gateway == GATEWAY && o.merchant == m.mchid && o.order_id == no && o.status == OrderStatus::Paid
        });
    if paid {
        // v2's ORDERPAID (the v3 pages list no code for a paid out_trade_no sent again).
        return error(g, 400, "ORDERPAID", "该订单已支付", None);
    }
    let total = fields.get("total").unwrap_or_default().to_string();
    let id = sim.store.add(GATEWAY, &m.mchid, &no, &total, fields);
    let prepay_id = super::wechat::prepay_id(id);
    let answer = if trade_type == "NATIVE" {
        json!({ "code_url": format!("weixin://wxpay/bizpayurl?pr={prepay_id}") })
    } else {
        json!({ "prepay_id": prepay_id })
    };
    let r = signed(g, 200, &answer);
    sim.after_api_order();
    r
}

/// The transaction as v3 describes it (query answer and notification resource): `no` and
/// `total` as given (a notification of another kind changes them).
fn transaction(o: &Order, no: &str, total: &str) -> Value {
    let r = &o.request;
    let get = |name: &str| r.get(name).unwrap_or_default().to_string();
    let (state, desc) = match o.status {
        OrderStatus::Pending => ("NOTPAY", "订单未支付"),
        OrderStatus::Paid => ("SUCCESS", "支付成功"),
        OrderStatus::Failed => ("PAYERROR", "支付失败"),
        OrderStatus::Cancelled => ("CLOSED", "已关闭"),
    };
    let total: u64 = total.parse().unwrap_or(0);
    let mut t = json!({
        "mchid": get("mchid"),
        "appid": get("appid"),
        "out_trade_no": no,
        "trade_type": get("trade_type"),
        "trade_state": state,
        "trade_state_desc": desc,
        "attach": get("attach"),
        "amount": { "total": total, "currency": "CNY" },
    });
    if let Some(tx) = &o.deal_id {
        t["transaction_id"] = json!(tx);
    }
    if o.status == OrderStatus::Paid {
        t["bank_type"] = json!("OTHERS");
        t["success_time"] = json!(rfc3339(o.closed_at.unwrap_or_else(now_secs)));
        let openid = r.get("openid").unwrap_or("oSIMULATEDpayer000000000000").to_string();
        t["payer"] = json!({ "openid": openid });
        t["amount"] = json!({ "total": total, "payer_total": total, "currency": "CNY", "payer_currency": "CNY" });
    }
    t
}

/// `GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=…`, from the recorded orders.
pub fn query(sim: &Sim, req: &Request) -> Response {
    let g = &sim.wechat_v3;
    let m = match authenticated(g, req) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let no = req.path.strip_prefix(QUERY_PREFIX).unwrap_or_default();
    if req.query_value("mchid").as_deref() != Some(m.mchid.as_str()) {
        return param_error(
            g,
            "the query's mchid is missing or not the mchid of the Authorization header",
        );
    }
    let found = sim
        .store
        .lock()
        .iter()
        .rev()
        .find(|o| o.gateway == GATEWAY && o.merchant == m.mchid && o.order_id == no)
        .cloned();
    match found {
        Some(o) => signed(g, 200, &transaction(&o, &o.order_id, &o.amount)),
        None => error(g, 404, "ORDER_NOT_EXIST", "订单不存在", None),
    }
}

/// `GET /v3/certificates`: the platform certificate, encrypted with the merchant's APIv3 key
/// (associated data `certificate`, as in the SDK's download fixture).
pub fn certificates(sim: &Sim, req: &Request) -> Response {
    let g = &sim.wechat_v3;
    let m = match authenticated(g, req) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let iv = nonce(12);
    let ciphertext = match wechat_v3::encrypt(&m.apiv3_key, &iv, "certificate", g.cert_pem.as_bytes()) {
        Ok(c) => c,
        Err(e) => return error(g, 500, "SYSTEM_ERROR", &e.message, None),
    };
    signed(
        g,
        200,
        &json!({ "data": [{
            "serial_no": g.serial,
            "effective_time": rfc3339(g.not_before),
            "expire_time": rfc3339(g.not_after),
            "encrypt_certificate": {
                "algorithm": wechat_v3::aead::ALGORITHM,
                "nonce": iv,
                "associated_data": "certificate",
                "ciphertext": ciphertext,
            },
        }] }),
    )
}

/// The notification (v3 sends one for a successful payment only): its URL and JSON body,
/// `resource` encrypted with the merchant's APIv3 key. Signed per attempt by
/// [`Gateway::notify_headers`].
pub fn notification(sim: &Sim, o: &Order, kind: Kind) -> std::result::Result<(String, Vec<u8>), String> {
    let g = &sim.wechat_v3;
    let m = g.merchant(&o.merchant).ok_or("merchant gone from the configuration")?;
    if o.status != OrderStatus::Paid {
        return Err("WeChat Pay v3 notifies successful payments only".into());
    }
    let no = match kind {
        Kind::OtherOrder => format!("{}X", o.order_id),
        _ => o.order_id.clone(),
    };
    let total = match kind {
        Kind::WrongAmount => super::fen_plus_one(&o.amount),
        _ => o.amount.clone(),
    };
    let plain = transaction(o, &no, &total).to_string();
    let iv = nonce(12);
    let ciphertext = wechat_v3::encrypt(&m.apiv3_key, &iv, "transaction", plain.as_bytes()).map_err(|e| e.message)?;
    let now = now_secs();
    let summary = if kind == Kind::Tampered {
        TAMPERED_SUMMARY
    } else {
        SUMMARY
    };
    let body = json!({
        "id": format!("EV-SIM{now}{:06}{}", o.id, o.notifications.len()),
        "create_time": rfc3339(now),
        "resource_type": "encrypt-resource",
        "event_type": "TRANSACTION.SUCCESS",
        "summary": summary,
        "resource": {
            "original_type": "transaction",
            "algorithm": wechat_v3::aead::ALGORITHM,
            "ciphertext": ciphertext,
            "associated_data": "transaction",
            "nonce": iv,
        },
    });
    Ok((
        o.request.get("notify_url").unwrap_or_default().to_string(),
        body.to_string().into_bytes(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_is_200_or_204_whatever_the_body() {
        assert_eq!(RULES.reply.judge(204, b""), Ok(None));
        assert_eq!(RULES.reply.judge(200, br#"{"code":"FAIL"}"#), Ok(None));
        assert_eq!(
            RULES.reply.judge(500, r#"{"code":"FAIL","message":"失败"}"#.as_bytes()),
            Err("HTTP status 500, not 200 or 204".into())
        );
        assert!(RULES.reply.judge(202, b"").is_err());
        // 24 h 4 min in all, as the schedule's own total says.
        assert_eq!(RULES.retries.iter().sum::<u64>(), 24 * 3600 + 4 * 60);
    }

    #[test]
    fn config_merchants_with_a_certificate_or_a_public_key() {
        let dir = std::env::temp_dir().join(format!("paysign-sim-v3-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("cert.pem"), SDK_MERCHANT_CERT).unwrap();
        let load = |text: &str| config_merchants(&serde_json::from_str(text).unwrap(), &dir);
        let key = SDK_APIV3_KEY;
        let m = load(&format!(
            r#"{{"wechatpay_v3": {{"merchants": [{{"mchid": "1", "apiv3_key": "{key}", "cert": "cert.pem"}}]}}}}"#
        ))
        .unwrap();
        assert_eq!(
            (m[0].mchid.as_str(), m[0].serial_no.as_str()),
            ("1", "5F1C72E2A8931B72A2E13AF8DEE92471EB397115")
        );
        let m = load(&format!(
            r#"{{"wechatpay_v3": {{"merchants": [{{"mchid": "2", "apiv3_key": "{key}", "public_key": "cert.pem", "serial_no": "ab12"}}]}}}}"#
        ))
        .unwrap();
        assert_eq!(m[0].serial_no, "AB12");
        let e = |text: &str| load(text).err().unwrap().message;
        assert_eq!(
            e(r#"{"wechatpay_v3": {"merchants": [{"mchid": "3", "cert": "cert.pem"}]}}"#),
            "--config: wechatpay_v3.merchants[0].apiv3_key is missing"
        );
        assert!(
            e(r#"{"wechatpay_v3": {"merchants": [{"mchid": "3", "apiv3_key": "short", "cert": "cert.pem"}]}}"#)
                .contains("apiv3_key is 5 bytes, not 32")
        );
        assert!(e(&format!(
            r#"{{"wechatpay_v3": {{"merchants": [{{"mchid": "4", "apiv3_key": "{key}"}}]}}}}"#
        ))
        .contains("exactly one of cert, public_key"));
        assert!(e(&format!(
            r#"{{"wechatpay_v3": {{"merchants": [{{"mchid": "5", "apiv3_key": "{key}", "public_key": "cert.pem"}}]}}}}"#
        ))
        .contains("serial_no is missing"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn times_are_rfc3339_in_beijing_time() {
        // 2019-02-20 05:48:35 UTC
        assert_eq!(rfc3339(1_550_641_715), "2019-02-20T13:48:35+08:00");
    }

    #[test]
    fn order_fields_name_what_is_wrong() {
        let ok = json!({"appid": "wxd678efh567hg6787", "mchid": "1230000109", "description": "d",
            "out_trade_no": "ORDER123", "notify_url": "http://127.0.0.1/n", "amount": {"total": 1}});
        let p = order_fields(&ok, "1230000109", "NATIVE").unwrap();
        assert_eq!((p.get("total"), p.get("currency")), (Some("1"), Some("CNY")));
        let with = |pointer: &str, value: Value| {
            let mut v = ok.clone();
            *v.pointer_mut(pointer).unwrap() = value;
            order_fields(&v, "1230000109", "NATIVE").unwrap_err()
        };
        assert!(with("/amount/total", json!("1")).contains("amount.total"));
        assert!(with("/amount/total", json!(0)).contains("positive whole number"));
        assert!(with("/amount/total", json!(1.5)).contains("amount.total"));
        assert!(with("/mchid", json!("1900000109")).contains("not the mchid of the Authorization"));
        assert!(with("/out_trade_no", json!("A1")).contains("6 to 32"));
        assert!(with("/notify_url", json!("http://x/n?a=1")).contains("without a query"));
        assert!(with("/description", json!(null)).contains("description is missing"));
        assert!(order_fields(&ok, "1230000109", "JSAPI")
            .unwrap_err()
            .contains("payer.openid"));
        assert!(order_fields(&json!([1]), "1", "NATIVE")
            .unwrap_err()
            .contains("not a JSON object"));
    }
}
