//! `paysign simulate`: a local payment gateway to test a whole integration against (issue 15).
//!
//! It verifies the merchant's payment requests with paysign's own profiles, shows a payment
//! page (Pay / Fail / Cancel), sends the notification to the merchant's notify URL the way the
//! gateway does, checks the reply byte for byte, retries on the gateway's schedule, and sends
//! the browser back. An operator page and `/_sim/api/` list everything and resend duplicate,
//! tampered, wrong-amount and other-order notifications. Gateways: one file each (kuaiqian.rs,
//! wechat.rs, alipay.rs, ...; secret_form.rs verifies the form of those whose merchants sign
//! with a shared secret); `route`, `made` and `Sim::browser_back` are where one plugs in.

#[path = "alipay.rs"]
mod alipay;
#[path = "alipay_mapi.rs"]
mod alipay_mapi;
#[path = "alipay_query.rs"]
mod alipay_query;
#[path = "allinpay.rs"]
mod allinpay;
#[path = "allinpay_query.rs"]
mod allinpay_query;
#[path = "chinabank.rs"]
mod chinabank;
#[path = "dinpay.rs"]
mod dinpay;
#[path = "dinpay_query.rs"]
mod dinpay_query;
#[path = "dinpay_rsa.rs"]
mod dinpay_rsa;
#[path = "http.rs"]
mod http;
#[path = "ips.rs"]
mod ips;
#[path = "ips7.rs"]
mod ips7;
#[path = "keys.rs"]
mod keys;
#[path = "kuaiqian.rs"]
mod kuaiqian;
#[path = "kuaiqian_query.rs"]
mod kuaiqian_query;
#[path = "notifier.rs"]
mod notifier;
#[path = "pages.rs"]
mod pages;
#[path = "paypal.rs"]
mod paypal;
#[path = "secret_form.rs"]
mod secret_form;
#[path = "store.rs"]
mod store;
#[path = "tenpay.rs"]
mod tenpay;
#[path = "unionpay.rs"]
mod unionpay;
#[path = "unionpay_chain.rs"]
mod unionpay_chain;
#[path = "wechat.rs"]
mod wechat;
#[path = "wechat_v3.rs"]
mod wechat_v3;
#[path = "yeepay.rs"]
mod yeepay;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use paysign::profile::Hash;
use paysign::{Error, Key, Result};
use serde_json::{json, Value};

use super::{args, Out};
use http::{Request, Response};
use notifier::Notifier;
use store::{Kind, Notification, OrderStatus, Store};

const SANDBOX_99BILL_CERT: &[u8] = include_bytes!("../../../../testdata/vectors/keys/99bill_10012140356_cert.pem");
/// The sandbox merchant's query key (查询密钥), from 99bill's 2019 merchant kit
/// (`DEMO/测试公私钥/说明.txt`; ../shared/specs/99bill.md §8).
const SANDBOX_99BILL_QUERY_KEY: &str = "27YKWKBKHT2IZSQ4";
/// yansongda/pay's test app (app_id 9021000122682882) public key, as in testdata/vectors/alipay.json.
const TEST_ALIPAY_APP_ID: &str = "9021000122682882";
const TEST_ALIPAY_APP_PUBLIC: &[u8] =
    include_bytes!("../../../../testdata/vectors/keys/alipay_yansongda_app_public.pem");

/// `--auto`: complete every order without the browser.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Auto {
    Off,
    Pay,
    Fail,
}

/// Everything a request handler needs.
pub struct Sim {
    store: Store,
    notifier: Notifier,
    auto: Auto,
    kuaiqian: Vec<kuaiqian::Merchant>,
    kuaiqian_key: keys::GatewayKey,
    kuaiqian_hash: Hash,
    wechat: Vec<wechat::Merchant>,
    wechat_v3: wechat_v3::Gateway,
    alipay: Vec<alipay::Merchant>,
    alipay_key: keys::GatewayKey,
    alipay_mapi: Vec<alipay_mapi::Merchant>,
    chinabank: Vec<secret_form::Merchant>,
    dinpay: Vec<secret_form::Merchant>,
    dinpay_rsa: Vec<secret_form::Merchant>,
    dinpay_key: keys::GatewayKey,
    ips: Vec<secret_form::Merchant>,
    ips7: Vec<secret_form::Merchant>,
    yeepay: Vec<secret_form::Merchant>,
    allinpay: Vec<secret_form::Merchant>,
    allinpay_key: keys::GatewayKey,
    tenpay: Vec<secret_form::Merchant>,
    paypal: Vec<paypal::Merchant>,
    unionpay: unionpay::Gateway,
    /// Itself, for work done later in another thread.
    me: std::sync::Weak<Sim>,
}

pub fn now_secs() -> i64 {
    super::date::now()
}

/// `YYYY-MM-DD HH:MM:SS` in Beijing time (UTC+8): Alipay's form.
pub fn beijing(secs: i64) -> String {
    super::date::utc(secs + 8 * 3600)
}

/// `YYYYMMDDHHMMSS` in Beijing time (UTC+8): 99bill's and WeChat Pay's form.
pub fn beijing_time(secs: i64) -> String {
    beijing(secs).chars().filter(char::is_ascii_digit).collect()
}

/// Whether an amount in fen is a positive whole number (at most 12 digits), as 99bill and
/// WeChat Pay take them.
pub fn is_fen(amount: &str) -> bool {
    !amount.is_empty()
        && amount.len() <= 12
        && amount.bytes().all(|b| b.is_ascii_digit())
        && !amount.bytes().all(|b| b == b'0')
}

/// Whether an amount in yuan is a positive decimal with at most two places and nine integer
/// digits (Alipay's total_amount / total_fee, ChinaBank's v_amount).
pub fn is_yuan(amount: &str) -> bool {
    let (int, frac) = amount.split_once('.').unwrap_or((amount, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    !int.is_empty()
        && int.len() <= 9
        && digits(int)
        && digits(frac)
        && frac.len() <= 2
        && !amount.bytes().all(|b| b == b'0' || b == b'.')
}

/// A reply checked byte for byte against `notify_profile`'s success reply, the difference named.
pub fn exact_reply(notify_profile: &str, body: &[u8]) -> std::result::Result<Option<String>, String> {
    let p = paysign::profile(notify_profile).map_err(|e| e.message)?;
    let expected = paysign::reply(p, true, None).map_err(|e| e.message)?;
    if body == expected.as_bytes() {
        Ok(None)
    } else if body.trim_ascii() == expected.as_bytes() {
        Err(format!("reply has whitespace or a line break around `{expected}`"))
    } else {
        Err(format!("reply is not exactly `{expected}`"))
    }
}

/// The order number and amount (in yuan) a notification of `kind` carries: another order's
/// number, or a wrong amount, validly signed.
pub fn yuan_ids(order: &store::Order, kind: Kind) -> (String, String) {
    let no = match kind {
        Kind::OtherOrder => format!("{}X", order.order_id),
        _ => order.order_id.clone(),
    };
    let amount = match kind {
        Kind::WrongAmount => "9999.99".to_string(),
        _ => order.amount.clone(),
    };
    (no, amount)
}

/// The charset a request declared (UTF-8, GBK or GB2312 by name, any case), else `default`.
pub fn declared_charset(declared: Option<&str>, default: paysign::Charset) -> paysign::Charset {
    match declared.unwrap_or_default().to_ascii_lowercase().as_str() {
        "utf-8" => paysign::Charset::Utf8,
        "gbk" => paysign::Charset::Gbk,
        "gb2312" => paysign::Charset::Gb2312,
        _ => default,
    }
}

/// The amount of a wrong-amount notification: one fen more than asked, validly signed.
pub fn fen_plus_one(amount: &str) -> String {
    amount
        .parse::<u64>()
        .map_or("1".into(), |a| a.saturating_add(1).to_string())
}

/// The amount a tampered notification carries, set after signing: a hundredfold.
pub fn fen_tampered(amount: &str) -> String {
    amount
        .parse::<u64>()
        .unwrap_or(0)
        .saturating_mul(100)
        .max(100)
        .to_string()
}

pub fn run(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(
        argv,
        &[],
        &[
            "--listen",
            "--state",
            "--config",
            "--auto",
            "--fast",
            "--cert",
            "--timeout",
        ],
    )?;
    if let Some(extra) = a.positional.first() {
        return Err(Error::invalid_argument(format!("simulate takes no argument '{extra}'")));
    }
    let state = PathBuf::from(a.value("--state").unwrap_or("paysign-simulate"));
    if let Some(gateway) = a.value("--cert") {
        if let Some(part) = gateway.strip_prefix("unionpay-") {
            out.say(&unionpay_chain::cert(&state, part)?);
            return Ok(0);
        }
        if !["99bill", "alipay", "allinpay", "dinpay", "wechatpay"].contains(&gateway) {
            return Err(Error::invalid_argument(format!(
                "--cert: '{gateway}' signs with a shared secret or is not simulated; RSA gateways: 99bill, alipay, allinpay, dinpay, wechatpay (API v3), unionpay-root, unionpay-middle, unionpay-sign"
            )));
        }
        if gateway == dinpay::GATEWAY {
            out.say(&dinpay_rsa::public_pem(&keys::load_or_create(&state, gateway)?.key)?);
            return Ok(0);
        }
        out.say(&keys::load_or_create(&state, gateway)?.cert_pem);
        return Ok(0);
    }
    let listen = a.value("--listen").unwrap_or("127.0.0.1:8099");
    let auto = match a.value("--auto") {
        None => Auto::Off,
        Some("pay") => Auto::Pay,
        Some("fail") => Auto::Fail,
        Some(other) => {
            return Err(Error::invalid_argument(format!(
                "--auto must be pay or fail, not '{other}'"
            )))
        }
    };
    let fast = number(a.value("--fast"), "--fast", 1)?;
    let timeout = number(a.value("--timeout"), "--timeout", 10)?;
    let config = load_config(a.value("--config"))?;
    let store = Store::open(&state)?;
    let notifier = Notifier::new(store.clone(), fast, Duration::from_secs(timeout));
    notifier.resume(rules);
    let kuaiqian_key = keys::load_or_create(&state, "99bill")?;
    let alipay_key = keys::load_or_create(&state, "alipay")?;
    let allinpay_key = keys::load_or_create(&state, "allinpay")?;
    let dinpay_key = keys::load_or_create(&state, dinpay::GATEWAY)?;
    let wechat_v3 = wechat_v3::Gateway::new(config.wechat_v3, keys::load_or_create(&state, "wechatpay")?)?;
    let unionpay = unionpay::Gateway::new(config.unionpay, unionpay_chain::load_or_create(&state)?);
    let sim = Arc::new_cyclic(|me| Sim {
        store,
        notifier: notifier.clone(),
        auto,
        kuaiqian: config.kuaiqian,
        kuaiqian_key,
        kuaiqian_hash: config.kuaiqian_hash,
        wechat: config.wechat,
        wechat_v3,
        alipay: config.alipay,
        alipay_key,
        alipay_mapi: config.alipay_mapi,
        chinabank: config.chinabank,
        dinpay: config.dinpay,
        dinpay_rsa: config.dinpay_rsa,
        dinpay_key,
        ips: config.ips,
        ips7: config.ips7,
        yeepay: config.yeepay,
        allinpay: config.allinpay,
        allinpay_key,
        tenpay: config.tenpay,
        paypal: config.paypal,
        unionpay,
        me: me.clone(),
    });
    let server =
        tiny_http::Server::http(listen).map_err(|e| Error::io(format!("--listen {listen}: cannot listen: {e}")))?;
    let weak = Arc::downgrade(&sim);
    notifier.set_attempt_headers(Box::new(move |gateway, kind, body| match weak.upgrade() {
        Some(sim) if gateway == wechat_v3::GATEWAY => sim.wechat_v3.notify_headers(kind, body),
        _ => Vec::new(),
    }));
    notifier.start();
    let server = Arc::new(server);
    // One line, flushed, so that a script can wait for it.
    let mut stdout = std::io::stdout();
    let _ = writeln!(
        stdout,
        "paysign simulate: listening on http://{listen}/ (state {})",
        state.display()
    );
    let _ = stdout.flush();
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (server, sim) = (Arc::clone(&server), Arc::clone(&sim));
            std::thread::spawn(move || serve(&server, &sim))
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(0)
}

fn number(value: Option<&str>, name: &str, default: u64) -> Result<u64> {
    match value {
        None => Ok(default),
        Some(v) => match v.parse::<u64>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(Error::invalid_argument(format!(
                "{name} must be a positive whole number, not '{v}'"
            ))),
        },
    }
}

struct Config {
    kuaiqian: Vec<kuaiqian::Merchant>,
    kuaiqian_hash: Hash,
    wechat: Vec<wechat::Merchant>,
    wechat_v3: Vec<wechat_v3::Merchant>,
    alipay: Vec<alipay::Merchant>,
    alipay_mapi: Vec<alipay_mapi::Merchant>,
    chinabank: Vec<secret_form::Merchant>,
    dinpay: Vec<secret_form::Merchant>,
    dinpay_rsa: Vec<secret_form::Merchant>,
    ips: Vec<secret_form::Merchant>,
    ips7: Vec<secret_form::Merchant>,
    yeepay: Vec<secret_form::Merchant>,
    allinpay: Vec<secret_form::Merchant>,
    tenpay: Vec<secret_form::Merchant>,
    paypal: Vec<paypal::Merchant>,
    unionpay: Vec<unionpay::Merchant>,
}

/// The key of WeChat Pay's v2 documentation examples, with its example merchant.
const WECHAT_DOC_MCH_ID: &str = "10000100";
const WECHAT_DOC_KEY: &str = "192006250b4c09247ec02edce69f6a2d";
/// ChinaBank's demo merchant in its Send.jsp ("这里为测试商户号1001"), key `test`
/// (../shared/specs/chinabank.md §4).
const CHINABANK_DEMO_MID: &str = "1001";
const CHINABANK_DEMO_KEY: &str = "test";
/// Dinpay's test-suite merchant and MD5 key (NewDinPayTest.php; ../shared/specs/dinpay.md §4).
const DINPAY_TEST_CODE: &str = "1111130200";
const DINPAY_TEST_KEY: &str = "hfgd_83yt_90hb_gf98n";
/// IPS's demo merchant 000015; its certificate text is demo.rs's IPS_DEMO_CERT (Crasader/test2
/// IPSTest.php, docs/specs/ips.md; testdata/vectors/ips.json).
const IPS_DEMO_MER_CODE: &str = "000015";
/// PayumTW/ips tests/ApiTest.php's 7.0 MerCode; its certificate is demo.rs's IPS7_TEST_CERT
/// (docs/specs/ips.md §4; testdata/vectors/ips.json ips-v7-*).
const IPS7_TEST_MER_CODE: &str = "c5374addd1a3d024c3a026199cb8feaf";
/// YeePay's public demo merchant and its key, from YeePay's official demo code
/// (../shared/specs/yeepay.md §3; testdata/vectors/yeepay.json).
const YEEPAY_DEMO_MER_ID: &str = "10001126856";
const YEEPAY_DEMO_KEY: &str = "69cl522AV6q613Ii4W6u8K6XuW8vM1N6bFgyv769220IuYe9u37N4y7rI4Pl";
/// The merchant and MD5 key of the PHP aggregator's AllinpayTest.php
/// (../shared/specs/allinpay.md §A5; testdata/vectors/allinpay.json).
const ALLINPAY_TEST_MERCHANT: &str = "109065311204094";
const ALLINPAY_TEST_KEY: &str = "1234567890";
/// The partner and key of Tenpay's PHP demo kit samples (testdata/vectors/tenpay.json api cases).
const TENPAY_DEMO_PARTNER: &str = "1900000109";
const TENPAY_DEMO_KEY: &str = "8934e7d15453e97507ef794cf7b0519d";
/// The sandbox seller of the recorded IPN testdata/paypal/offsite-web-accept.body.
const PAYPAL_DEMO_EMAIL: &str = "tobi@leetsoft.com";
const PAYPAL_DEMO_RECEIVER_ID: &str = "UQ8PDYXJZQD9Y";
/// The default mapi partner: a placeholder PID of the simulator's own, with omnipay
/// SignerTest's MD5 key `hello` and its 1024-bit RSA test key (testdata/vectors/alipay.json).
const MAPI_DEMO_PARTNER: &str = "2088000000000002";
const MAPI_DEMO_MD5_KEY: &str = "hello";
const MAPI_DEMO_PUBLIC: &[u8] =
    include_bytes!("../../../../testdata/vectors/keys/alipay_omnipay_test_rsa1024_public.pem");

/// `--config FILE` (JSON):
/// `{"99bill": {"hash": "sha256", "merchants": [{"merchantAcctId": "…", "cert": "FILE"}
///  | {"merchantAcctId": "…", "md5_key": "…"}]},` (each with an optional `query_key`),
///   "wechatpay": {"merchants": [{"mch_id": "…", "api_key": "…"}]},
///   "wechatpay_v3": {"merchants": [{"mchid": "…", "apiv3_key": "…", "cert": "FILE"}]},
///   "alipay": {"merchants": [{"app_id": "…", "public_key": "FILE"}]},
///   "chinabank": {"merchants": [{"v_mid": "…", "md5_key": "…"}]},
///   "dinpay": {"merchants": [{"merchant_code": "…", "md5_key": "…", "public_key": "FILE" (optional, for RSA-S)}]},
///   "ips": {"merchants": [{"Mer_code": "…", "cert": "…"}]},
///   "ips7": {"merchants": [{"MerCode": "…", "cert": "…"}]},
///   "yeepay": {"merchants": [{"p1_MerId": "…", "key": "…"}]},
///   "allinpay": {"merchants": [{"merchantId": "…", "md5_key": "…"}]},
///   "tenpay": {"merchants": [{"partner": "…", "key": "…"}]},
///   "unionpay": {"merchants": [{"merId": "…", "cert": "FILE", "password": "…" (a PFX's)}]},
///   "paypal": {"merchants": [{"receiver_email": "…", "receiver_id": "…" (optional)}]}}`;
/// relative paths are from the file's folder. Without it: 99bill's public sandbox merchant
/// 1001214035601 and its bundled certificate, WeChat's documentation merchant 10000100,
/// yansongda/pay's Alipay test app, and the demo merchants named at each constant above.
fn load_config(path: Option<&str>) -> Result<Config> {
    let Some(path) = path else {
        return Ok(Config {
            kuaiqian: vec![kuaiqian::Merchant {
                acct_id: "1001214035601".into(),
                key: Key::load(SANDBOX_99BILL_CERT, None)?,
                query_key: Some(SANDBOX_99BILL_QUERY_KEY.into()),
            }],
            kuaiqian_hash: Hash::Sha256,
            wechat: vec![wechat::Merchant {
                mch_id: WECHAT_DOC_MCH_ID.into(),
                key: Key::secret(WECHAT_DOC_KEY)?,
            }],
            wechat_v3: wechat_v3::builtin_merchants()?,
            alipay: vec![alipay::Merchant {
                app_id: TEST_ALIPAY_APP_ID.into(),
                key: Key::load(TEST_ALIPAY_APP_PUBLIC, None)?,
            }],
            alipay_mapi: vec![alipay_mapi::Merchant {
                partner: MAPI_DEMO_PARTNER.into(),
                md5_key: Key::secret(MAPI_DEMO_MD5_KEY)?,
                public_key: Some(Key::load(MAPI_DEMO_PUBLIC, None)?),
            }],
            chinabank: vec![secret_form::Merchant {
                id: CHINABANK_DEMO_MID.into(),
                key: Key::secret(CHINABANK_DEMO_KEY)?,
            }],
            dinpay: vec![secret_form::Merchant {
                id: DINPAY_TEST_CODE.into(),
                key: Key::secret(DINPAY_TEST_KEY)?,
            }],
            dinpay_rsa: dinpay_rsa::builtin(DINPAY_TEST_CODE)?,
            ips: vec![secret_form::Merchant {
                id: IPS_DEMO_MER_CODE.into(),
                key: Key::secret(super::demo::IPS_DEMO_CERT)?,
            }],
            ips7: vec![secret_form::Merchant {
                id: IPS7_TEST_MER_CODE.into(),
                key: Key::secret(super::demo::IPS7_TEST_CERT)?,
            }],
            yeepay: vec![secret_form::Merchant {
                id: YEEPAY_DEMO_MER_ID.into(),
                key: Key::secret(YEEPAY_DEMO_KEY)?,
            }],
            allinpay: vec![secret_form::Merchant {
                id: ALLINPAY_TEST_MERCHANT.into(),
                key: Key::secret(ALLINPAY_TEST_KEY)?,
            }],
            tenpay: vec![secret_form::Merchant {
                id: TENPAY_DEMO_PARTNER.into(),
                key: Key::secret(TENPAY_DEMO_KEY)?,
            }],
            paypal: vec![paypal::Merchant {
                email: PAYPAL_DEMO_EMAIL.into(),
                receiver_id: PAYPAL_DEMO_RECEIVER_ID.into(),
            }],
            unionpay: unionpay::builtin_merchants()?,
        });
    };
    let text = std::fs::read(path).map_err(|e| Error::io(format!("--config {path}: {e}")))?;
    let v: Value = serde_json::from_slice(&text)
        .map_err(|e| Error::invalid_argument(format!("--config {path}: not JSON: {e}")))?;
    let dir = Path::new(path).parent().unwrap_or(Path::new("."));
    let kq = &v["99bill"];
    let kuaiqian_hash = match kq["hash"].as_str().unwrap_or("sha256") {
        "sha256" => Hash::Sha256,
        "sha1" => Hash::Sha1,
        other => {
            return Err(Error::invalid_argument(format!(
                "--config: 99bill.hash must be sha1 or sha256, not '{other}'"
            )))
        }
    };
    let mut kuaiqian = Vec::new();
    for (i, m) in kq["merchants"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let field = |name: &str| m[name].as_str().map(str::to_string);
        let acct_id = field("merchantAcctId").ok_or_else(|| {
            Error::invalid_argument(format!("--config: 99bill.merchants[{i}].merchantAcctId is missing"))
        })?;
        let key = match (field("cert"), field("md5_key")) {
            (Some(cert), None) => Key::load_file(&dir.join(cert), None)?,
            (None, Some(secret)) => Key::secret(&secret)?,
            _ => {
                return Err(Error::invalid_argument(format!(
                    "--config: 99bill.merchants[{i}] needs exactly one of cert, md5_key"
                )))
            }
        };
        kuaiqian.push(kuaiqian::Merchant {
            acct_id,
            key,
            query_key: field("query_key"),
        });
    }
    let wechat = merchants(&v, "wechatpay", |field| {
        Ok(wechat::Merchant {
            mch_id: field("mch_id")?,
            key: Key::secret(&field("api_key")?)?,
        })
    })?;
    let alipay = merchants(&v, "alipay", |field| {
        Ok(alipay::Merchant {
            app_id: field("app_id")?,
            key: Key::load_file(&dir.join(field("public_key")?), None)?,
        })
    })?;
    let alipay_mapi = merchants(&v, "alipay_mapi", |field| {
        Ok(alipay_mapi::Merchant {
            partner: field("partner")?,
            md5_key: Key::secret(&field("md5_key")?)?,
            // optional: only for sign_type=RSA
            public_key: match field("public_key") {
                Ok(path) => Some(Key::load_file(&dir.join(path), None)?),
                Err(_) => None,
            },
        })
    })?;
    let wechat_v3 = wechat_v3::config_merchants(&v, dir)?;
    let chinabank = secret_merchants(&v, "chinabank", "v_mid", "md5_key")?;
    let dinpay = secret_merchants(&v, "dinpay", "merchant_code", "md5_key")?;
    let dinpay_rsa = dinpay_rsa::config_merchants(&v, dir)?;
    let ips = secret_merchants(&v, "ips", "Mer_code", "cert")?;
    let ips7 = secret_merchants(&v, "ips7", "MerCode", "cert")?;
    let yeepay = secret_merchants(&v, "yeepay", "p1_MerId", "key")?;
    let allinpay = secret_merchants(&v, "allinpay", "merchantId", "md5_key")?;
    let tenpay = secret_merchants(&v, "tenpay", "partner", "key")?;
    let unionpay = unionpay::config_merchants(&v, dir)?;
    let paypal = merchants(&v, "paypal", |field| {
        Ok(paypal::Merchant {
            email: field("receiver_email")?,
            receiver_id: field("receiver_id").unwrap_or_else(|_| "SIMRECEIVERID".into()),
        })
    })?;
    Ok(Config {
        kuaiqian,
        kuaiqian_hash,
        wechat,
        wechat_v3,
        alipay,
        alipay_mapi,
        chinabank,
        dinpay,
        dinpay_rsa,
        ips,
        ips7,
        yeepay,
        allinpay,
        tenpay,
        paypal,
        unionpay,
    })
}

/// `v[gateway].merchants` of a gateway whose merchants sign with a shared secret: their
/// `id_field` and `key_field`.
fn secret_merchants(v: &Value, gateway: &str, id_field: &str, key_field: &str) -> Result<Vec<secret_form::Merchant>> {
    merchants(v, gateway, |field| {
        Ok(secret_form::Merchant {
            id: field(id_field)?,
            key: Key::secret(&field(key_field)?)?,
        })
    })
}

/// Each entry of `v[gateway].merchants`, made by `make` from its text fields (a missing one is
/// named in the error).
fn merchants<T>(
    v: &Value,
    gateway: &str,
    make: impl Fn(&dyn Fn(&str) -> Result<String>) -> Result<T>,
) -> Result<Vec<T>> {
    let list = v[gateway]["merchants"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    list.iter()
        .enumerate()
        .map(|(i, m)| {
            make(&|name: &str| {
                m[name].as_str().map(str::to_string).ok_or_else(|| {
                    Error::invalid_argument(format!("--config: {gateway}.merchants[{i}].{name} is missing"))
                })
            })
        })
        .collect()
}

fn serve(server: &tiny_http::Server, sim: &Sim) {
    while let Ok(mut raw) = server.recv() {
        let response = match Request::read(&mut raw) {
            Ok(req) => {
                // A handler bug answers 500 and leaves the simulator running.
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| route(sim, &req))).unwrap_or_else(|_| {
                    Response::html(
                        500,
                        pages::page("Simulator error", "<p>internal error; see the simulator's output</p>"),
                    )
                })
            }
            Err(why) => Response::html(400, pages::page("Bad request", &pages::escape(&why))),
        };
        let mut r = tiny_http::Response::from_data(response.body).with_status_code(response.status);
        if let Ok(h) = tiny_http::Header::from_bytes("Content-Type", response.content_type) {
            r.add_header(h);
        }
        if let Some(loc) = response.location {
            if let Ok(h) = tiny_http::Header::from_bytes("Location", loc.as_bytes()) {
                r.add_header(h);
            }
        }
        for (name, value) in &response.headers {
            if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                r.add_header(h);
            }
        }
        let _ = raw.respond(r);
    }
}

fn route(sim: &Sim, req: &Request) -> Response {
    let path = req.path.as_str();
    match (req.method.as_str(), path) {
        ("GET" | "POST", kuaiqian::PAY_PATH) => kuaiqian::pay_request(sim, req),
        ("POST", kuaiqian_query::PATH) => kuaiqian_query::query(sim, req),
        ("POST", wechat::UNIFIED_ORDER_PATH) => {
            let r = wechat::unified_order(sim, req);
            sim.after_api_order();
            r
        }
        ("POST", wechat::ORDER_QUERY_PATH) => wechat::order_query(sim, req),
        ("POST", wechat_v3::NATIVE_PATH | wechat_v3::JSAPI_PATH) => wechat_v3::order(sim, req),
        ("GET", p) if p.starts_with(wechat_v3::QUERY_PREFIX) => wechat_v3::query(sim, req),
        ("GET", wechat_v3::CERTIFICATES_PATH) => wechat_v3::certificates(sim, req),
        ("GET" | "POST", alipay::PATH) if alipay_query::is_query(req) => alipay_query::query(sim, req),
        ("GET" | "POST", alipay::PATH) if alipay_mapi::is_mapi(req) => alipay_mapi::gateway(sim, req),
        ("GET" | "POST", alipay::PATH) => alipay::gateway(sim, req),
        ("GET" | "POST", chinabank::PATH) => chinabank::pay_request(sim, req),
        ("POST", dinpay::PATH) => dinpay::pay_request(sim, req),
        ("POST", dinpay_query::PATH) => dinpay_query::query(sim, req),
        ("POST", ips::PATH) => ips::pay_request(sim, req),
        ("POST", ips7::PATH) => ips7::pay_request(sim, req),
        ("GET" | "POST", yeepay::PATH) => yeepay::pay_request(sim, req),
        ("POST", allinpay::PATH) => allinpay::pay_request(sim, req),
        ("POST", allinpay_query::PATH) => allinpay_query::query(sim, req),
        ("GET" | "POST", tenpay::PAY_PATH) => tenpay::pay_request(sim, req),
        ("GET" | "POST", tenpay::VERIFY_PATH) => tenpay::verify_notify_id(sim, req),
        ("GET" | "POST", tenpay::QUERY_PATH) => tenpay::order_query(sim, req),
        ("GET" | "POST", paypal::PATH) => paypal::webscr(sim, req),
        ("POST", unionpay::PATH) => unionpay::front(sim, req),
        ("POST", unionpay::QUERY_PATH) => unionpay::query(sim, req),
        // The payer's phone scanning a NATIVE code_url.
        ("GET", "/_sim/scan") => match req.query_value("code_url").as_deref().and_then(wechat::order_of) {
            Some(id) => Response::redirect(&format!("/_sim/orders/{id}/pay")),
            None => Response::html(404, pages::page("Unknown code", "<p>No order has this code_url.</p>")),
        },
        ("GET", "/" | "/_sim" | "/_sim/") => Response::html(200, pages::operator(&sim.store.lock())),
        ("GET", "/_sim/api/orders") => {
            let orders: Vec<Value> = sim.store.lock().iter().map(store::Order::to_json).collect();
            Response::json(200, &json!({ "orders": orders }))
        }
        _ => {
            let Some((id, action)) = order_path(path) else {
                return Response::not_found(path);
            };
            match (req.method.as_str(), action) {
                ("GET", "") => sim.order_json(id),
                ("GET", "pay") => sim.payment_page(id),
                ("POST", "complete") => {
                    let form = paysign::Params::parse(
                        &req.body,
                        paysign::Format::Form,
                        paysign::Charset::Utf8,
                        paysign::params::Duplicates::LastWins,
                    );
                    match form.as_ref().ok().and_then(|f| f.get("action")) {
                        Some("pay") => sim.complete(id, OrderStatus::Paid),
                        Some("fail") => sim.complete(id, OrderStatus::Failed),
                        Some("cancel") => sim.complete(id, OrderStatus::Cancelled),
                        _ => Response::html(
                            400,
                            pages::page("Bad request", "<p>action must be pay, fail or cancel</p>"),
                        ),
                    }
                }
                ("POST", "notify") => {
                    let kind = req.query_value("kind").unwrap_or_else(|| "normal".into());
                    match Kind::from_name(&kind) {
                        Some(k) => sim.resend(id, k),
                        None => Response::json(
                            400,
                            &json!({"error": format!("kind must be one of normal, duplicate, tampered, wrong_amount, other_order, not '{kind}'")}),
                        ),
                    }
                }
                _ => Response::not_found(path),
            }
        }
    }
}

fn title(gateway: &str) -> &'static str {
    match gateway {
        "wechatpay" => wechat::TITLE,
        wechat_v3::GATEWAY => wechat_v3::TITLE,
        "alipay" => alipay::TITLE,
        alipay_mapi::GATEWAY => alipay_mapi::TITLE,
        "chinabank" => chinabank::TITLE,
        dinpay::GATEWAY => dinpay::TITLE,
        ips::GATEWAY => ips::TITLE,
        ips7::GATEWAY => ips7::TITLE,
        yeepay::GATEWAY => yeepay::TITLE,
        allinpay::GATEWAY => allinpay::TITLE,
        tenpay::GATEWAY => tenpay::TITLE,
        paypal::GATEWAY => paypal::TITLE,
        unionpay::GATEWAY => unionpay::TITLE,
        _ => kuaiqian::TITLE,
    }
}

/// The unit of `o.amount`, as its gateway takes amounts (for the payment page).
fn unit(o: &store::Order) -> String {
    match o.gateway {
        "alipay" | alipay_mapi::GATEWAY => "yuan".into(),
        "chinabank" | dinpay::GATEWAY | ips::GATEWAY | yeepay::GATEWAY => "yuan".into(),
        ips7::GATEWAY => "yuan".into(),
        paypal::GATEWAY => paypal::currency(o).into(),
        // 99bill, WeChat Pay v2 and v3, Allinpay, Tenpay
        _ => "fen".into(),
    }
}

/// A notification of `kind` for `o`: URL, POST body (None: GET) and delivery rules.
type Made = (String, Option<(Vec<u8>, &'static str)>, &'static notifier::Rules);

fn made(sim: &Sim, o: &store::Order, kind: Kind) -> std::result::Result<Made, String> {
    let form = |(url, body)| (url, Some((body, store::FORM)), rules(o));
    match o.gateway {
        "alipay" => alipay::notification(sim, o, kind).map(form),
        alipay_mapi::GATEWAY => alipay_mapi::notification(sim, o, kind).map(form),
        "chinabank" => chinabank::notification(sim, o, kind).map(form),
        dinpay::GATEWAY => dinpay::notification(sim, o, kind).map(form),
        ips7::GATEWAY => ips7::notification(sim, o, kind).map(form),
        allinpay::GATEWAY => allinpay::notification(sim, o, kind).map(form),
        yeepay::GATEWAY => yeepay::notification_url(sim, o, kind).map(|url| (url, None, rules(o))),
        ips::GATEWAY => ips::notification_url(sim, o, kind).map(|url| (url, None, rules(o))),
        tenpay::GATEWAY => tenpay::notification_url(sim, o, kind).map(|url| (url, None, rules(o))),
        paypal::GATEWAY => paypal::notification(sim, o, kind).map(form),
        unionpay::GATEWAY => unionpay::notification(sim, o, kind).map(form),
        "wechatpay" => wechat::notification(sim, o, kind).map(|(url, body)| (url, Some((body, store::XML)), rules(o))),
        wechat_v3::GATEWAY => {
            wechat_v3::notification(sim, o, kind).map(|(url, body)| (url, Some((body, store::JSON)), rules(o)))
        }
        _ => kuaiqian::notification_url(sim, o, kind).map(|url| (url, None, rules(o))),
    }
}

/// How `o`'s gateway delivers and retries its notifications.
fn rules(o: &store::Order) -> &'static notifier::Rules {
    match o.gateway {
        "alipay" | alipay_mapi::GATEWAY => &alipay::RULES,
        "chinabank" => &chinabank::RULES,
        dinpay::GATEWAY => &dinpay::RULES,
        ips::GATEWAY => &ips::RULES,
        ips7::GATEWAY => &ips7::RULES,
        allinpay::GATEWAY => &allinpay::RULES,
        yeepay::GATEWAY => &yeepay::RULES,
        tenpay::GATEWAY => &tenpay::RULES,
        paypal::GATEWAY => &paypal::RULES,
        unionpay::GATEWAY => &unionpay::RULES,
        "wechatpay" => &wechat::RULES,
        wechat_v3::GATEWAY => &wechat_v3::RULES,
        _ => kuaiqian::target(o).1,
    }
}

/// diagnose's findings as text: the sign string expected (secret masked) and, when a variant
/// really verified, the mistake. Its unconfirmed conclusions (key_expired, none) are about a
/// gateway's certificate and would mislead here, where the key is the merchant's.
pub fn describe(report: &paysign::diagnose::Report) -> String {
    let j = report.json();
    let mut out = String::new();
    for (label, field) in [
        ("reason", "reason"),
        ("method", "method"),
        ("charset", "charset"),
        ("sign string paysign expects", "sign_string"),
    ] {
        if let Some(v) = j[field].as_str() {
            out.push_str(&format!("{label}: {v}\n"));
        }
    }
    if j["confirmed"].as_bool() == Some(true) {
        for (label, field) in [("cause", "cause"), ("explanation", "explanation")] {
            if let Some(v) = j[field].as_str() {
                out.push_str(&format!("{label}: {v}\n"));
            }
        }
    } else {
        out.push_str(
            "cause: no known mistake explains it: a field changed after signing, or the request was \
             signed with another key than the key configured for this merchant\n",
        );
    }
    out
}

/// diagnose's findings on a refused form request, as text for the rejection page.
pub fn diagnosis(p: &'static paysign::profile::Profile, opts: &paysign::Options, form: &[u8], key: &Key) -> String {
    describe(&paysign::diagnose::diagnose(&paysign::diagnose::Request::new(
        p,
        opts,
        form,
        paysign::Format::Form,
        None,
        Some(key),
    )))
}

/// `base` with `query` appended to its own query string, as the gateways send them back.
pub fn with_query(base: &str, query: &str) -> String {
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}{query}")
}

/// `/_sim/orders/ID/ACTION` or `/_sim/api/orders/ID[/ACTION]`.
fn order_path(path: &str) -> Option<(usize, &str)> {
    let rest = path
        .strip_prefix("/_sim/api/orders/")
        .or_else(|| path.strip_prefix("/_sim/orders/"))?;
    let (id, action) = rest.split_once('/').unwrap_or((rest, ""));
    Some((id.parse().ok()?, action))
}

/// A value from a request, for a message: control characters replaced, at most 80 characters.
pub fn printable(s: &str) -> String {
    s.chars()
        .take(80)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

impl Sim {
    fn me(&self) -> Option<Arc<Sim>> {
        self.me.upgrade()
    }

    /// After a verified request: the payment page, or with --auto the completed payment.
    fn after_request(&self, id: usize) -> Response {
        match self.auto {
            Auto::Off => Response::redirect(&format!("/_sim/orders/{id}/pay")),
            Auto::Pay => self.complete(id, OrderStatus::Paid),
            Auto::Fail => self.complete(id, OrderStatus::Failed),
        }
    }

    /// With --auto, a WeChat order made through the API is completed a moment later, in
    /// another thread: the merchant's server is still waiting for the unifiedorder answer (and
    /// a one-worker server such as `php -S` could not take the notification meanwhile).
    fn after_api_order(&self) {
        let status = match self.auto {
            Auto::Off => return,
            Auto::Pay => OrderStatus::Paid,
            Auto::Fail => OrderStatus::Failed,
        };
        let last = self.store.lock().len().checked_sub(1);
        if let (Some(id), Some(me)) = (last, self.me()) {
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(300));
                let _ = me.complete(id, status);
            });
        }
    }

    fn payment_page(&self, id: usize) -> Response {
        let orders = self.store.lock();
        match orders.get(id) {
            Some(o) if o.status == OrderStatus::Pending => {
                Response::html(200, pages::payment(o, title(o.gateway), &unit(o)))
            }
            Some(o) => Response::html(
                409,
                pages::page(
                    "Order closed",
                    &format!("<p>Order {} is {}.</p>", pages::escape(&o.order_id), o.status.name()),
                ),
            ),
            None => Response::not_found(&format!("/_sim/orders/{id}")),
        }
    }

    fn order_json(&self, id: usize) -> Response {
        match self.store.lock().get(id) {
            Some(o) => Response::json(200, &o.to_json()),
            None => Response::json(404, &json!({"error": format!("no order {id}")})),
        }
    }

    /// Pay, Fail or Cancel. Pay and Fail notify the merchant; after an accepted notification
    /// the browser goes where the reply says (99bill `<redirecturl>`).
    fn complete(&self, id: usize, status: OrderStatus) -> Response {
        {
            let mut orders = self.store.lock();
            let Some(o) = orders.get_mut(id) else {
                return Response::not_found(&format!("/_sim/orders/{id}"));
            };
            if o.status != OrderStatus::Pending {
                return Response::html(
                    409,
                    pages::page(
                        "Order closed",
                        &format!(
                            "<p>Order {} is already {}.</p>",
                            pages::escape(&o.order_id),
                            o.status.name()
                        ),
                    ),
                );
            }
            o.status = status;
            o.closed_at = Some(now_secs());
            if status == OrderStatus::Paid {
                o.deal_id = Some(format!("{}{:06}", beijing_time(now_secs()), id));
            }
        }
        if status == OrderStatus::Cancelled {
            // PayPal sends the payer to cancel_return.
            if let Some(url) = paypal::cancel_url(&self.store.lock()[id]) {
                return Response::redirect(&url);
            }
            let gateway = title(self.store.lock()[id].gateway);
            return Response::html(
                200,
                pages::page(
                    "Payment cancelled",
                    &format!(
                        "<p>The payer cancelled; {} sends no notification.</p>",
                        pages::escape(gateway)
                    ),
                ),
            );
        }
        let orders = self.store.lock();
        let o = &orders[id];
        if ["alipay", alipay_mapi::GATEWAY].contains(&o.gateway)
            && o.request.get("notify_url").unwrap_or_default().is_empty()
        {
            // No notify_url: Alipay only sends the browser back.
            return self.browser_back(o, None);
        }
        if o.gateway == yeepay::GATEWAY && !yeepay::wants_callback(o) {
            // pr_NeedResponse is not 1: YeePay only sends the browser back.
            return self.browser_back(o, None);
        }
        if o.gateway == unionpay::GATEWAY && status == OrderStatus::Failed {
            // UnionPay sends no back notification for a failed payment (unionpay.rs).
            return self.browser_back(o, None);
        }
        if o.gateway == wechat_v3::GATEWAY && status == OrderStatus::Failed {
            // v3 notifies successful payments only; the merchant learns of a failure by query.
            return Response::html(
                200,
                pages::page(
                    "Payment failed",
                    "<p id=\"result\">WeChat Pay v3 sends no notification for a failed payment.</p>",
                ),
            );
        }
        drop(orders);
        self.notify(id, Kind::Normal)
    }

    /// Makes and delivers one notification of `kind` (the first try in this thread).
    fn notify(&self, id: usize, kind: Kind) -> Response {
        let made = {
            let mut orders = self.store.lock();
            let Some(o) = orders.get_mut(id) else {
                return Response::json(404, &json!({"error": format!("no order {id}")}));
            };
            made(self, o, kind).map(|(url, post, rules)| {
                o.notifications.push(Notification {
                    kind,
                    url,
                    post,
                    attempts: Vec::new(),
                    done: false,
                    next_at: None,
                    redirect: None,
                    checks: Vec::new(),
                });
                (o.notifications.len() - 1, rules)
            })
        };
        let (index, rules) = match made {
            Ok(m) => m,
            Err(e) => return Response::html(500, pages::page("Simulator error", &pages::escape(&e))),
        };
        let attempt = self.notifier.deliver(id, index, rules);
        let orders = self.store.lock();
        let o = &orders[id];
        if kind != Kind::Normal {
            return Response::json(200, &o.to_json());
        }
        if attempt.accepted {
            self.browser_back(o, o.notifications[index].redirect.as_deref())
        } else {
            Response::html(
                200,
                pages::not_accepted(o, attempt.why.as_deref().unwrap_or("no reason")),
            )
        }
    }

    /// The payer's browser after payment, the way each gateway sends it back: 99bill to the
    /// reply's redirecturl, Alipay to return_url with the signed sync return; else a page.
    fn browser_back(&self, o: &store::Order, redirect: Option<&str>) -> Response {
        let form = match o.gateway {
            dinpay::GATEWAY => dinpay::return_page(self, o),
            allinpay::GATEWAY => allinpay::return_page(self, o),
            unionpay::GATEWAY => unionpay::return_page(self, o),
            ips7::GATEWAY => ips7::return_page(self, o),
            _ => None,
        };
        if let Some(page) = form {
            return page;
        }
        let back = match o.gateway {
            "alipay" => alipay::return_url(self, o),
            alipay_mapi::GATEWAY => alipay_mapi::return_url(self, o),
            "chinabank" => chinabank::return_url(self, o),
            yeepay::GATEWAY => yeepay::return_url(self, o),
            ips::GATEWAY => ips::return_url(self, o),
            tenpay::GATEWAY => tenpay::return_url(self, o),
            paypal::GATEWAY => paypal::return_url(o),
            _ => redirect.map(str::to_string),
        };
        match back {
            Some(url) => Response::redirect(&url),
            None => Response::html(
                200,
                pages::page("Paid", "<p id=\"result\">The merchant accepted the notification.</p>"),
            ),
        }
    }

    fn resend(&self, id: usize, kind: Kind) -> Response {
        match self.store.lock().get(id).map(|o| o.status) {
            None => return Response::json(404, &json!({"error": format!("no order {id}")})),
            Some(OrderStatus::Paid | OrderStatus::Failed) => {}
            Some(s) => {
                return Response::json(
                    409,
                    &json!({"error": format!("order {id} is {}: nothing to notify", s.name())}),
                )
            }
        }
        self.notify(id, kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beijing_time_is_utc_plus_8() {
        // 2019-02-20 05:48:35 UTC
        assert_eq!(beijing_time(1_550_641_715), "20190220134835");
    }

    #[test]
    fn config_files() {
        let dir = std::env::temp_dir().join(format!("paysign-sim-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/testdata/vectors/keys/alipay_yansongda_app_public.pem"
            ),
            dir.join("app.pem"),
        )
        .unwrap();
        let write = |text: &str| {
            let path = dir.join("config.json");
            std::fs::write(&path, text).unwrap();
            path.to_string_lossy().into_owned()
        };
        let c = load_config(Some(&write(
            r#"{"99bill": {"hash": "sha1", "merchants": [{"merchantAcctId": "1", "md5_key": "k", "query_key": "q"}]},
                "wechatpay": {"merchants": [{"mch_id": "2", "api_key": "s"}]},
                "alipay": {"merchants": [{"app_id": "3", "public_key": "app.pem"}]},
                "chinabank": {"merchants": [{"v_mid": "4", "md5_key": "t"}]},
                "alipay_mapi": {"merchants": [{"partner": "5", "md5_key": "m"}]},
                "yeepay": {"merchants": [{"p1_MerId": "6", "key": "y"}]},
                "allinpay": {"merchants": [{"merchantId": "7", "md5_key": "a"}]},
                "ips": {"merchants": [{"Mer_code": "8", "cert": "c"}]},

                "tenpay": {"merchants": [{"partner": "8", "key": "t"}]},
                "paypal": {"merchants": [{"receiver_email": "s@example.com"}]}}"#,
        )))
        .unwrap();
        assert_eq!((c.kuaiqian[0].acct_id.as_str(), c.kuaiqian_hash), ("1", Hash::Sha1));
        assert_eq!(c.wechat[0].mch_id, "2");
        assert_eq!(c.alipay[0].app_id, "3");
        assert_eq!(c.kuaiqian[0].query_key.as_deref(), Some("q"));
        assert_eq!(c.chinabank[0].id, "4");
        assert_eq!(c.alipay_mapi[0].partner, "5");
        assert_eq!(c.yeepay[0].id, "6");
        assert_eq!(c.allinpay[0].id, "7");
        assert_eq!(c.ips[0].id, "8");
        assert_eq!(c.tenpay[0].id, "8");
        assert_eq!(
            (c.paypal[0].email.as_str(), c.paypal[0].receiver_id.as_str()),
            ("s@example.com", "SIMRECEIVERID")
        );
        assert!(c.alipay_mapi[0].public_key.is_none());
        let e = load_config(Some(&write(r#"{"alipay_mapi": {"merchants": [{"partner": "5"}]}}"#)))
            .err()
            .unwrap();
        assert_eq!(e.message, "--config: alipay_mapi.merchants[0].md5_key is missing");
        let e = load_config(Some(&write(r#"{"paypal": {"merchants": [{"receiver_id": "X"}]}}"#)))
            .err()
            .unwrap();
        assert_eq!(e.message, "--config: paypal.merchants[0].receiver_email is missing");
        let e = load_config(Some(&write(r#"{"yeepay": {"merchants": [{"p1_MerId": "6"}]}}"#)))
            .err()
            .unwrap();
        assert_eq!(e.message, "--config: yeepay.merchants[0].key is missing");
        let e = load_config(Some(&write(r#"{"ips": {"merchants": [{"Mer_code": "8"}]}}"#)))
            .err()
            .unwrap();
        assert_eq!(e.message, "--config: ips.merchants[0].cert is missing");
        let e = load_config(Some(&write(r#"{"chinabank": {"merchants": [{"v_mid": "4"}]}}"#)))
            .err()
            .unwrap();
        assert_eq!(e.message, "--config: chinabank.merchants[0].md5_key is missing");
        let e = load_config(Some(&write(r#"{"wechatpay": {"merchants": [{"mch_id": "2"}]}}"#)))
            .err()
            .unwrap();
        assert_eq!(e.message, "--config: wechatpay.merchants[0].api_key is missing");
        let e = load_config(Some(&write(r#"{"99bill": {"merchants": [{"merchantAcctId": "1"}]}}"#)))
            .err()
            .unwrap();
        assert!(
            e.message.contains("needs exactly one of cert, md5_key"),
            "{}",
            e.message
        );
        let e = load_config(Some(&write("{"))).err().unwrap();
        assert!(e.message.contains("not JSON"), "{}", e.message);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn payment_page_units() {
        let order = |gateway: &'static str, request: &[(&str, &str)]| store::Order {
            id: 0,
            gateway,
            merchant: "m".into(),
            order_id: "o".into(),
            amount: "1".into(),
            request: paysign::Params::from_pairs(request.iter().copied()),
            status: OrderStatus::Pending,
            deal_id: None,
            created: 0,
            closed_at: None,
            notifications: Vec::new(),
        };
        assert_eq!(unit(&order("99bill", &[])), "fen");
        assert_eq!(unit(&order("alipay", &[])), "yuan");
        assert_eq!(unit(&order(dinpay::GATEWAY, &[])), "yuan");
        assert_eq!(unit(&order(allinpay::GATEWAY, &[])), "fen");
        assert_eq!(unit(&order(paypal::GATEWAY, &[("currency_code", "EUR")])), "EUR");
        assert_eq!(unit(&order(paypal::GATEWAY, &[])), "USD");
    }

    #[test]
    fn order_paths() {
        assert_eq!(order_path("/_sim/orders/3/pay"), Some((3, "pay")));
        assert_eq!(order_path("/_sim/api/orders/12/notify"), Some((12, "notify")));
        assert_eq!(order_path("/_sim/api/orders/12"), Some((12, "")));
        assert_eq!(order_path("/_sim/orders/x/pay"), None);
        assert_eq!(order_path("/gateway/x"), None);
    }
}
