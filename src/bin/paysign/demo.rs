//! `paysign demo`: a full round trip per gateway on bundled public sandbox material.
//!
//! Sign a payment request and show how it is sent, make a signed notification, verify it
//! from its raw body, show that a tampered copy is rejected, and print the reply body.
//! Where the gateway signs its notifications with a private key that is not public
//! (99bill, Alipay), the gateway is simulated with the merchant's key, and the output says so.

use paysign::canon::DocForm;
use paysign::profile::Layout;
use paysign::{Error, Format, Key, Options, Params, Profile, Result, Status, Verdict};

use super::{args, html_escape, mask, method_name, printable, wire_charset, Out};

#[path = "demo_paypal.rs"]
mod paypal;

const PFX_99BILL: &[u8] = include_bytes!("../../../testdata/vectors/keys/99bill_10012140356.pfx");
const CERT_99BILL: &[u8] = include_bytes!("../../../testdata/vectors/keys/99bill_10012140356_cert.pem");
const ALIPAY_APP_PRIVATE: &[u8] =
    include_bytes!("../../../testdata/vectors/keys/alipay_yansongda_app_private_pkcs1.pem");
const PFX_UNIONPAY: &[u8] = include_bytes!("../../../testdata/vectors/keys/unionpay_acp_test_sign_2021.pfx");
const CERT_UNIONPAY_MERCHANT: &[u8] =
    include_bytes!("../../../testdata/vectors/keys/unionpay_acp_test_sign_2021_cert.pem");
const ALIPAY_APP_PUBLIC: &[u8] = include_bytes!("../../../testdata/vectors/keys/alipay_yansongda_app_public.pem");

/// Where a demo key comes from.
enum KeySource {
    /// A shared secret (MD5/HMAC key); never printed.
    Secret(&'static str),
    /// A bundled key file.
    File {
        name: &'static str,
        data: &'static [u8],
        password: Option<&'static str>,
    },
}

impl KeySource {
    fn load(&self) -> Result<Key> {
        match self {
            KeySource::Secret(s) => Key::secret(s),
            KeySource::File { data, password, .. } => Key::load(data, *password),
        }
    }

    fn describe(&self) -> String {
        match self {
            KeySource::Secret(_) => "the merchant's secret key".to_string(),
            KeySource::File { name, .. } => name.to_string(),
        }
    }

    /// Text that must never appear in the output.
    fn secret(&self) -> Option<&'static str> {
        match self {
            KeySource::Secret(s) => Some(s),
            KeySource::File { password, .. } => *password,
        }
    }
}

/// How the signed payment request reaches the gateway.
enum Transport {
    /// An HTML form the payer's browser posts.
    BrowserForm,
    /// An XML body the merchant's server posts (WeChat Pay v2).
    XmlPost,
}

type Fields = &'static [(&'static str, &'static str)];

struct Demo {
    name: &'static str,
    title: &'static str,
    request_profile: &'static str,
    request: Fields,
    merchant_key: KeySource,
    transport: Transport,
    action: &'static str,
    action_note: &'static str,
    notify_profile: &'static str,
    notify: Fields,
    notify_format: Format,
    notify_transport: &'static str,
    /// Signs the notification (the gateway, or its simulation).
    gateway_key: KeySource,
    /// Verifies the notification.
    verify_key: KeySource,
    /// Says who made the notification and why.
    notify_note: &'static str,
    /// The field changed in the tampered copy, and its new value. In a document profile
    /// (IPS 7.0), an element of the signed document.
    tamper: (&'static str, &'static str),
    /// Fields the merchant's handler adds to what it received before verifying: signed, but
    /// not on the wire (IPS 7.0's own MerCode).
    merchant_adds: Fields,
    redirect: Option<&'static str>,
    /// The fields the request form carries, when not every field (NPS posts M_ID,
    /// OrderMessage and digest; the order's values travel inside OrderMessage).
    form: Option<&'static [&'static str]>,
}

const SIMULATED_99BILL: &str = "\
SIMULATION: 99bill signs its notifications with its own private key, which is not public.
The gateway is simulated here: this notification is signed with the same sandbox merchant
key (99bill_10012140356.pfx) and verified with that key's certificate
(99bill_10012140356_cert.pem). In production, verify with 99bill's certificate.";

const SIMULATED_ALIPAY: &str = "\
SIMULATION: Alipay signs its notifications with Alipay's private key, which is not public.
The gateway is simulated here: this notification is signed with the bundled app key
(alipay_yansongda_app_private_pkcs1.pem) and verified with its public key
(alipay_yansongda_app_public.pem). In production, verify with Alipay's public key or
certificate, never with the app's own key.";

const SIMULATED_UNIONPAY: &str = "\
SIMULATION: UnionPay signs its notifications with its own private key, which is not public.
The gateway is simulated here: this notification is signed with the public test merchant PFX
(unionpay_acp_test_sign_2021.pfx) and verified with that PFX's certificate. In production a
5.1.0 notification carries UnionPay's certificate in signPubKeyCert: verify it with
paysign unionpay verify --root --middle (paysign_unionpay_verify_body), which checks the
chain, the dates and the owner first.";

const DEMOS: &[Demo] = &[
    Demo {
        name: "99bill",
        title: "99bill (快钱) RMB gateway, signType=4 (RSA)",
        request_profile: "99bill.pay.request",
        request: &[
            ("inputCharset", "1"),
            ("bgUrl", "http://merchant.example/kuaiqian/receive.php"),
            ("version", "v2.0"),
            ("language", "1"),
            ("signType", "4"),
            ("merchantAcctId", "1001214035601"),
            ("payerName", "张三"),
            ("payerContactType", "1"),
            ("payerContact", "zhangsan@example.com"),
            ("payerIP", "192.168.1.1"),
            ("orderId", "KQ20190220134835"),
            ("orderAmount", "1"),
            ("orderTime", "20190220134835"),
            ("orderTimestamp", "20190220134835"),
            ("productName", "Apple"),
            ("productNum", "1"),
            ("productId", "10000"),
            ("productDesc", "Apple"),
            ("ext1", "扩展1"),
            ("ext2", "扩展2"),
            ("payType", "00"),
            ("redoFlag", "0"),
        ],
        merchant_key: KeySource::File {
            name: "the merchant sandbox key 99bill_10012140356.pfx (PKCS#12)",
            data: PFX_99BILL,
            password: Some("123456"),
        },
        transport: Transport::BrowserForm,
        action: "https://sandbox.99bill.com/gateway/recvMerchantInfoAction.htm",
        action_note: "99bill sandbox; production is www.99bill.com, same path",
        notify_profile: "99bill.pay.notify",
        notify: &[
            ("merchantAcctId", "1001214035601"),
            ("version", "v2.0"),
            ("language", "1"),
            ("signType", "4"),
            ("payType", "10"),
            ("bankId", "ICBC"),
            ("orderId", "KQ20190220134835"),
            ("orderTime", "20190220134835"),
            ("orderAmount", "1"),
            ("dealId", "2954470436"),
            ("bankDealId", "1902201349870"),
            ("dealTime", "20190220135012"),
            ("payAmount", "1"),
            ("fee", "0"),
            ("ext1", "扩展1"),
            ("ext2", "扩展2"),
            ("payResult", "10"),
        ],
        notify_format: Format::Form,
        notify_transport: "HTTP GET query string to bgUrl",
        gateway_key: KeySource::File {
            name: "the merchant sandbox key 99bill_10012140356.pfx (simulating 99bill)",
            data: PFX_99BILL,
            password: Some("123456"),
        },
        verify_key: KeySource::File {
            name: "99bill_10012140356_cert.pem",
            data: CERT_99BILL,
            password: None,
        },
        notify_note: SIMULATED_99BILL,
        tamper: ("payAmount", "100"),
        merchant_adds: &[],
        form: None,
        redirect: Some("http://merchant.example/kuaiqian/show.php?msg=success"),
    },
    Demo {
        name: "wechatpay",
        title: "WeChat Pay API v2, MD5 with the documentation key",
        request_profile: "wechatpay.request",
        request: &[
            ("appid", "wxd930ea5d5a258f4f"),
            ("mch_id", "10000100"),
            ("device_info", "1000"),
            ("nonce_str", "ibuaiVcKdpRxkhJA"),
            ("body", "腾讯充值中心-QQ会员充值"),
            ("out_trade_no", "1409811653"),
            ("total_fee", "1"),
            ("spbill_create_ip", "14.23.150.211"),
            ("notify_url", "http://merchant.example/wxpay/notify"),
            ("trade_type", "APP"),
        ],
        merchant_key: KeySource::Secret("192006250b4c09247ec02edce69f6a2d"),
        transport: Transport::XmlPost,
        action: "https://api.mch.weixin.qq.com/pay/unifiedorder",
        action_note: "production; the spec sheet has no confirmed sandbox",
        notify_profile: "wechatpay.notify",
        notify: &[
            ("appid", "wxd930ea5d5a258f4f"),
            ("attach", "支付测试"),
            ("bank_type", "CFT"),
            ("cash_fee", "1"),
            ("fee_type", "CNY"),
            ("is_subscribe", "Y"),
            ("mch_id", "10000100"),
            ("nonce_str", "5d2b6c2a8db53831f7eda20af46e531c"),
            ("openid", "oUpF8uMEb4qRXf22hE3X68TekukE"),
            ("out_trade_no", "1409811653"),
            ("result_code", "SUCCESS"),
            ("return_code", "SUCCESS"),
            ("time_end", "20140903131540"),
            ("total_fee", "1"),
            ("trade_type", "APP"),
            ("transaction_id", "1004400740201409030005092168"),
        ],
        notify_format: Format::Xml,
        notify_transport: "HTTPS POST, XML body, to notify_url",
        gateway_key: KeySource::Secret("192006250b4c09247ec02edce69f6a2d"),
        verify_key: KeySource::Secret("192006250b4c09247ec02edce69f6a2d"),
        notify_note: "WeChat signs notifications with the merchant's own API key, so this one is\n\
                      made here with the documentation key, as WeChat would make it.",
        tamper: ("total_fee", "100"),
        merchant_adds: &[],
        redirect: None,
        form: None,
    },
    Demo {
        name: "alipay",
        title: "Alipay OpenAPI, RSA2 (SHA256withRSA)",
        request_profile: "alipay.openapi.request",
        request: &[
            ("app_id", "9021000122682882"),
            ("method", "alipay.trade.page.pay"),
            ("format", "JSON"),
            ("return_url", "http://merchant.example/alipay/return"),
            ("charset", "utf-8"),
            ("sign_type", "RSA2"),
            ("timestamp", "2023-12-21 06:54:37"),
            ("version", "1.0"),
            ("notify_url", "http://merchant.example/alipay/notify"),
            (
                "biz_content",
                r#"{"out_trade_no":"1703141270","total_amount":"0.01","subject":"Apple","product_code":"FAST_INSTANT_TRADE_PAY"}"#,
            ),
        ],
        merchant_key: KeySource::File {
            name: "the app key alipay_yansongda_app_private_pkcs1.pem",
            data: ALIPAY_APP_PRIVATE,
            password: None,
        },
        transport: Transport::BrowserForm,
        action: "https://openapi.alipay.com/gateway.do?charset=utf-8",
        action_note: "production; the spec sheet has no confirmed sandbox host",
        notify_profile: "alipay.openapi.notify",
        notify: &[
            ("gmt_create", "2023-12-21 06:55:02"),
            ("charset", "utf-8"),
            ("gmt_payment", "2023-12-21 06:55:10"),
            ("notify_time", "2023-12-21 06:55:11"),
            ("subject", "Apple"),
            ("sign_type", "RSA2"),
            ("buyer_id", "2088102177846880"),
            ("invoice_amount", "0.01"),
            ("version", "1.0"),
            ("notify_id", "2023122100222065510035960500397820"),
            ("fund_bill_list", r#"[{"amount":"0.01","fundChannel":"ALIPAYACCOUNT"}]"#),
            ("notify_type", "trade_status_sync"),
            ("out_trade_no", "1703141270"),
            ("total_amount", "0.01"),
            ("trade_status", "TRADE_SUCCESS"),
            ("trade_no", "2023122122001446880500942731"),
            ("auth_app_id", "9021000122682882"),
            ("receipt_amount", "0.01"),
            ("point_amount", "0.00"),
            ("app_id", "9021000122682882"),
            ("buyer_pay_amount", "0.01"),
            ("seller_id", "2088721022692881"),
        ],
        notify_format: Format::Form,
        notify_transport: "HTTP POST form body to notify_url",
        gateway_key: KeySource::File {
            name: "the app key alipay_yansongda_app_private_pkcs1.pem (simulating Alipay)",
            data: ALIPAY_APP_PRIVATE,
            password: None,
        },
        verify_key: KeySource::File {
            name: "alipay_yansongda_app_public.pem",
            data: ALIPAY_APP_PUBLIC,
            password: None,
        },
        notify_note: SIMULATED_ALIPAY,
        tamper: ("total_amount", "100.00"),
        merchant_adds: &[],
        redirect: None,
        form: None,
    },
    Demo {
        name: "chinabank",
        title: "ChinaBank (网银在线) PayGate v4, demo merchant 1001",
        request_profile: "chinabank.pay.request",
        request: &[
            ("v_mid", "1001"),
            ("v_oid", "20240101-1001-120000"),
            ("v_amount", "0.01"),
            ("v_moneytype", "CNY"),
            ("v_url", "http://localhost/chinabank/Receive.jsp"),
            ("remark2", "[url:=http://localhost/chinabank/AutoReceive.jsp]"),
            ("v_ordername", "张三"),
        ],
        merchant_key: KeySource::Secret("test"),
        transport: Transport::BrowserForm,
        action: "https://pay3.chinabank.com.cn/PayGate",
        action_note: "production; ChinaBank has no separate sandbox, the demo merchant ran on it",
        notify_profile: "chinabank.pay.notify",
        notify: &[
            ("v_oid", "20240101-1001-120000"),
            ("v_pstatus", "20"),
            ("v_pstring", "支付完成"),
            ("v_pmode", "工商银行"),
            ("v_amount", "0.01"),
            ("v_moneytype", "CNY"),
            ("remark1", ""),
            ("remark2", "[url:=http://localhost/chinabank/AutoReceive.jsp]"),
        ],
        notify_format: Format::Form,
        notify_transport: "form fields (GBK) to the [url:=...] address in remark2",
        gateway_key: KeySource::Secret("test"),
        verify_key: KeySource::Secret("test"),
        notify_note: "ChinaBank signs notifications with the merchant's MD5 key, so this one is made\n\
                      here with the demo merchant's key, as ChinaBank would make it.",
        tamper: ("v_amount", "100.00"),
        merchant_adds: &[],
        redirect: None,
        form: None,
    },
    Demo {
        name: "dinpay",
        title: "Dinpay (智付) 3.0, MD5",
        request_profile: "dinpay.pay.request",
        request: &[
            ("merchant_code", "1111130200"),
            ("service_type", "direct_pay"),
            ("interface_version", "V3.0"),
            ("input_charset", "UTF-8"),
            ("notify_url", "http://merchant.example/dinpay/notify"),
            ("sign_type", "MD5"),
            ("order_no", "2014052200001"),
            ("order_time", "2014-05-22 09:30:11"),
            ("order_amount", "0.01"),
            ("product_name", "Apple"),
            ("bank_code", "ICBC"),
            ("redo_flag", "1"),
        ],
        merchant_key: KeySource::Secret("hfgd_83yt_90hb_gf98n"),
        transport: Transport::BrowserForm,
        action: "https://pay.dinpay.com/gateway?input_charset=UTF-8",
        action_note: "production; the spec sheet has no sandbox host",
        notify_profile: "dinpay.pay.notify",
        notify: &[
            ("merchant_code", "1111130200"),
            ("notify_type", "offline_notify"),
            ("notify_id", "6449d835356847458ab8c21f3381be10"),
            ("interface_version", "V3.0"),
            ("sign_type", "MD5"),
            ("order_no", "2014052200001"),
            ("order_time", "2014-05-22 09:30:11"),
            ("order_amount", "0.01"),
            ("trade_no", "1003450919"),
            ("trade_time", "2014-05-22 09:31:31"),
            ("trade_status", "SUCCESS"),
            ("bank_seq_no", "HFG000005221224275"),
        ],
        notify_format: Format::Form,
        notify_transport: "HTTP POST form body to notify_url",
        gateway_key: KeySource::Secret("hfgd_83yt_90hb_gf98n"),
        verify_key: KeySource::Secret("hfgd_83yt_90hb_gf98n"),
        notify_note: "Dinpay signs MD5 notifications with the merchant's key, so this one is made\n\
                      here with the demo merchant's key, as Dinpay would make it.",
        tamper: ("order_amount", "100.00"),
        merchant_adds: &[],
        redirect: None,
        form: None,
    },
    Demo {
        name: "allinpay",
        title: "Allinpay (通联) gateway, MD5",
        request_profile: "allinpay.pay.request",
        request: &[
            ("inputCharset", "1"),
            ("pickupUrl", "http://merchant.example/allinpay/pickup"),
            ("receiveUrl", "http://merchant.example/allinpay/receive"),
            ("version", "v1.0"),
            ("language", "1"),
            ("signType", "0"),
            ("merchantId", "109065311204094"),
            ("payerName", "张三"),
            ("orderNo", "20140606000000002"),
            ("orderAmount", "1"),
            ("orderCurrency", "0"),
            ("orderDatetime", "20140606154000"),
            ("productName", "Apple"),
            ("payType", "1"),
            ("issuerId", "icbc"),
        ],
        merchant_key: KeySource::Secret("1234567890"),
        transport: Transport::BrowserForm,
        action: "https://ceshi.allinpay.com/gateway/index.do",
        action_note: "Allinpay's sandbox; production is service.allinpay.com, same path",
        notify_profile: "allinpay.pay.notify",
        notify: &[
            ("merchantId", "109065311204094"),
            ("version", "v1.0"),
            ("language", "1"),
            ("signType", "0"),
            ("payType", "1"),
            ("paymentOrderId", "201406061546098747"),
            ("orderNo", "20140606000000002"),
            ("orderDatetime", "20140606154000"),
            ("orderAmount", "1"),
            ("payDatetime", "20140606154634"),
            ("payAmount", "1"),
            ("payResult", "1"),
            ("returnDatetime", "20140606154634"),
        ],
        notify_format: Format::Form,
        notify_transport: "HTTP POST form body to receiveUrl",
        gateway_key: KeySource::Secret("1234567890"),
        verify_key: KeySource::Secret("1234567890"),
        notify_note: "With signType=0 Allinpay signs notifications with the merchant's MD5 key, so\n\
                      this one is made here with the demo merchant's key, as Allinpay would make it.",
        tamper: ("payAmount", "100"),
        merchant_adds: &[],
        redirect: None,
        form: None,
    },
    Demo {
        name: "yeepay",
        title: "YeePay (易宝) node gateway, HMAC-MD5, demo merchant 10001126856",
        request_profile: "yeepay.pay.request",
        request: &[
            ("p0_Cmd", "Buy"),
            ("p1_MerId", "10001126856"),
            ("p2_Order", "YP20240101120000"),
            ("p3_Amt", "0.01"),
            ("p4_Cur", "CNY"),
            ("p5_Pid", "图书"),
            ("p8_Url", "http://localhost:8080/bookstore/OrderServlet?method=back"),
            ("pd_FrpId", "ICBC-NET-B2C"),
            ("pr_NeedResponse", "1"),
        ],
        merchant_key: KeySource::Secret("69cl522AV6q613Ii4W6u8K6XuW8vM1N6bFgyv769220IuYe9u37N4y7rI4Pl"),
        transport: Transport::BrowserForm,
        action: "https://www.yeepay.com/app-merchant-proxy/node",
        action_note: "production; YeePay gave a public demo merchant instead of a sandbox",
        notify_profile: "yeepay.pay.notify",
        notify: &[
            ("p1_MerId", "10001126856"),
            ("r0_Cmd", "Buy"),
            ("r1_Code", "1"),
            ("r2_TrxId", "216160129458562I"),
            ("r3_Amt", "0.01"),
            ("r4_Cur", "RMB"),
            ("r5_Pid", "图书"),
            ("r6_Order", "YP20240101120000"),
            ("r7_Uid", ""),
            ("r8_MP", ""),
            ("r9_BType", "2"),
            ("rb_BankId", "ICBC-NET"),
            ("ro_BankOrderId", "2401011205301"),
            ("rp_PayDate", "20240101120530"),
        ],
        notify_format: Format::Form,
        notify_transport: "HTTP GET query string to p8_Url, GBK percent-escapes \
                           (r5_Pid); the HMAC covers the UTF-8 bytes",
        gateway_key: KeySource::Secret("69cl522AV6q613Ii4W6u8K6XuW8vM1N6bFgyv769220IuYe9u37N4y7rI4Pl"),
        verify_key: KeySource::Secret("69cl522AV6q613Ii4W6u8K6XuW8vM1N6bFgyv769220IuYe9u37N4y7rI4Pl"),
        notify_note: "YeePay signs callbacks with the merchant's key, so this one is made here with\n\
                      the demo merchant's key, as YeePay would make it.",
        tamper: ("r3_Amt", "100.00"),
        merchant_adds: &[],
        redirect: None,
        form: None,
    },
    Demo {
        name: "nps",
        title: "NPS (网上支付) PHPReceiveMerchantAction.do, MD5 over the hex OrderMessage",
        request_profile: "nps.pay.request",
        request: &[
            ("M_ID", "10001"),
            ("m_id", "10001"),
            ("m_orderid", "20261207000123"),
            ("m_oamount", "88.00"),
            ("m_ocurrency", "1"),
            ("m_url", "http://shop.example.com/nps/respond.php"),
            ("m_language", "1"),
            ("s_name", "张三"),
            ("s_addr", "深圳市南山区科技园"),
            ("s_postcode", "518000"),
            ("s_tel", "0755-12345678"),
            ("s_eml", "buyer@example.com"),
            ("r_name", "NA"),
            ("r_addr", "NA"),
            ("r_postcode", "NA"),
            ("r_tel", "NA"),
            ("r_eml", "NA"),
            ("m_ocomment", "订单号 20261207000123"),
            ("m_status", "0"),
            ("modate", "2026-12-07 11:30:00"),
        ],
        merchant_key: KeySource::Secret("NPS-TEST-KEY-0123456789"),
        transport: Transport::BrowserForm,
        action: "https://payment.nps.cn/PHPReceiveMerchantAction.do",
        action_note: "production; no NPS sandbox is known",
        notify_profile: "nps.pay.notify",
        notify: &[
            ("m_id", "10001"),
            ("m_orderid", "20261207000123"),
            ("m_oamount", "88.00"),
            ("m_ocurrency", "1"),
            ("m_language", "1"),
            ("s_name", "张三"),
            ("m_ocomment", "订单号 20261207000123"),
            ("m_status", "2"),
            ("modate", "2026-12-07 11:31:05"),
            // The 19 values again, m_status 2, as upper hex of their GB2312 bytes.
            (
                "OrderMessage",
                "31303030317C32303236313230373030303132337C38382E30307C317C687474703A2F2F73686F702E6578616D706C652E\
                 636F6D2F6E70732F726573706F6E642E7068707C317CD5C5C8FD7CC9EEDBDACAD0C4CFC9BDC7F8BFC6BCBCD4B07C35313830\
                 30307C303735352D31323334353637387C6275796572406578616D706C652E636F6D7C4E417C4E417C4E417C4E417C4E417C\
                 B6A9B5A5BAC52032303236313230373030303132337C327C323032362D31322D30372031313A33313A3035",
            ),
        ],
        notify_format: Format::Form,
        notify_transport: "HTTP POST form body (GB2312) to m_url, once server to server and once \
                           through the browser: handle it once",
        gateway_key: KeySource::Secret("NPS-TEST-KEY-0123456789"),
        verify_key: KeySource::Secret("NPS-TEST-KEY-0123456789"),
        notify_note: "NPS signs notifications with the merchant's key (Digest over OrderMessage,\n\
                      newmd5info over the plain m_id, m_orderid, m_oamount, m_status), so this one\n\
                      is made here with a test key, as NPS would make it.",
        tamper: ("m_oamount", "880.00"),
        merchant_adds: &[],
        redirect: None,
        form: Some(&["M_ID", "OrderMessage", "digest"]),
    },
    Demo {
        name: "nps-vir",
        title: "NPS (网上支付) VirReceiveMerchantAction.do, MD5 over 13 plain values and the key",
        request_profile: "nps.vir.request",
        // testdata/vectors/nps.json nps-vir-request-md5-derived.
        request: &[
            ("M_ID", "10001"),
            ("MOrderID", "2005428-1301-5188"),
            ("MOAmount", "100.00"),
            ("MOCurrency", "1"),
            ("M_URL", "http://shop.example.com/user/Receive.asp"),
            ("M_Language", "1"),
            ("S_Name", "张三"),
            ("S_Address", "运城市"),
            ("S_PostCode", "044000"),
            ("S_Telephone", "0359-1234567"),
            ("S_Email", "buyer@example.com"),
            ("R_Name", "张三"),
            ("R_Address", "运城市"),
            ("R_PostCode", "044000"),
            ("R_Telephone", "0359-1234567"),
            ("R_Email", "buyer@example.com"),
            ("MOComment", "在线支付"),
            ("MODate", "2005-4-28"),
            ("State", "0"),
        ],
        merchant_key: KeySource::Secret("NPS-TEST-KEY-0123456789"),
        transport: Transport::BrowserForm,
        action: "https://payment.nps.cn/VirReceiveMerchantAction.do",
        action_note: "production; no NPS sandbox is known",
        notify_profile: "nps.vir.notify",
        notify: &[
            ("m_id", "10001"),
            ("m_orderid", "2005428-1301-5188"),
            ("m_oamount", "100.00"),
            ("m_ocurrency", "1"),
            ("m_language", "1"),
            ("s_name", "张三"),
            ("m_ocomment", "在线支付"),
            ("m_status", "2"),
            ("modate", "2005-4-28"),
        ],
        notify_format: Format::Form,
        notify_transport: "HTTP POST form body (GB2312) to M_URL",
        gateway_key: KeySource::Secret("NPS-TEST-KEY-0123456789"),
        verify_key: KeySource::Secret("NPS-TEST-KEY-0123456789"),
        notify_note: "NPS signs notifications with the merchant's key (newmd5info over the plain m_id,\n\
                      m_orderid, m_oamount, m_status), so this one is made here with a test key, as NPS\n\
                      would make it.",
        tamper: ("m_oamount", "1000.00"),
        merchant_adds: &[],
        redirect: None,
        form: None,
    },
    Demo {
        name: "ips",
        title: "IPS (环迅) 3.0 ipayment.aspx, OrderEncodeType 5 / RetEncodeType 17, demo merchant 000015",
        request_profile: "ips.pay.request",
        request: &[
            ("Mer_code", "000015"),
            ("Billno", "201404150000123456"),
            ("Amount", "0.02"),
            ("Date", "20140415"),
            ("Currency_Type", "RMB"),
            ("Gateway_Type", "01"),
            ("Lang", "GB"),
            ("Merchanturl", "http://merchant.example/ips/return.php"),
            ("Attach", "php1test"),
            ("OrderEncodeType", "5"),
            ("RetEncodeType", "17"),
            ("Rettype", "1"),
            ("ServerUrl", "http://merchant.example/ips/server.php"),
        ],
        merchant_key: KeySource::Secret(IPS_DEMO_CERT),
        transport: Transport::BrowserForm,
        action: "https://pay.ips.net.cn/ipayment.aspx",
        action_note: "IPS's test host; production is pay.ips.com.cn, same path",
        notify_profile: "ips.pay.notify",
        notify: &[
            ("billno", "201404150000123456"),
            ("mercode", "000015"),
            ("Currency_type", "RMB"),
            ("amount", "0.02"),
            ("date", "20140415"),
            ("succ", "Y"),
            ("msg", "sucess"),
            ("attach", "php1test"),
            ("ipsbillno", "NT2014041570874082"),
            ("retencodetype", "17"),
        ],
        notify_format: Format::Form,
        notify_transport: "HTTP GET query string to Merchanturl (browser) and ServerUrl (server to server)",
        gateway_key: KeySource::Secret(IPS_DEMO_CERT),
        verify_key: KeySource::Secret(IPS_DEMO_CERT),
        notify_note: "IPS signs returns with the merchant's certificate text (an MD5 key), so this one\n\
                      is made here with the demo merchant's certificate, as IPS would make it.",
        tamper: ("amount", "200.00"),
        merchant_adds: &[],
        redirect: None,
        form: None,
    },
    Demo {
        name: "ips7",
        title: "IPS (环迅) 7.0 XML gateway, MD5 over <body> + MerCode + certificate, PayumTW's test merchant",
        request_profile: "ips.v7.request",
        // PayumTW/ips tests/ApiTest.php's request as published, its Signature emptied: signing it
        // again gives the published 527c01c2b04d4f8b198180ba72b0f66e.
        request: &[(
            "pGateWayReq",
            "<Ips><GateWayReq><head><Version>v1.0.0</Version><MerCode>c5374addd1a3d024c3a026199cb8feaf</MerCode>\
             <Account>b02e072eee68d65bff916e08b4f11df2</Account><ReqDate>20160903021801</ReqDate><Signature></Signature>\
             </head><body><MerBillNo>57c9aca80fdb4</MerBillNo><GatewayType>01</GatewayType><Date>20160903</Date>\
             <CurrencyType>156</CurrencyType><Amount>0.01</Amount><Lang>GB</Lang>\
             <Merchanturl><![CDATA[http://localhost/baotao/public/payment/capture/PHEzq0mjdqXM8EH7TQ3jDL6ONJMnBkt85BVrzK2TbJU]]></Merchanturl>\
             <FailUrl><![CDATA[http://localhost/baotao/public/payment/capture/PHEzq0mjdqXM8EH7TQ3jDL6ONJMnBkt85BVrzK2TbJU]]></FailUrl><OrderEncodeType>5</OrderEncodeType>\
             <RetEncodeType>17</RetEncodeType><RetType>1</RetType>\
             <ServerUrl><![CDATA[http://localhost/baotao/public/payment/notify/Fz2WIYvQs1KPc3tRUGNKtOnkHFZuF4segpRnZdphze8]]></ServerUrl>\
             <GoodsName><![CDATA[商品名稱]]></GoodsName></body></GateWayReq></Ips>",
        )],
        merchant_key: KeySource::Secret(IPS7_TEST_CERT),
        transport: Transport::BrowserForm,
        action: "https://newpay.ips.com.cn/psfp-entry/gateway/payment.do",
        action_note: "IPS 7.0's gateway (docs/specs/ips.md section 4)",
        notify_profile: "ips.v7.notify",
        // PayumTW/ips tests/ApiTest.php's notification, its Signature emptied: signing it again
        // gives the published 598633a6fcae5562ef63355f12a71ee1.
        notify: &[(
            "paymentResult",
            "<Ips><GateWayRsp><head><ReferenceID></ReferenceID><RspCode>000000</RspCode>\
             <RspMsg><![CDATA[交易成功！]]></RspMsg><ReqDate>20160903022511</ReqDate><RspDate>20160903022558</RspDate>\
             <Signature></Signature></head><body><MerBillNo>57c9aca80fdb4</MerBillNo><CurrencyType>156</CurrencyType>\
             <Amount>0.01</Amount><Date>20160903</Date><Status>Y</Status><Msg><![CDATA[支付成功！]]></Msg>\
             <IpsBillNo>BO20160903020025003799</IpsBillNo><IpsTradeNo>2016090302091180230</IpsTradeNo>\
             <RetEncodeType>17</RetEncodeType><BankBillNo>710002875951</BankBillNo><ResultType>0</ResultType>\
             <IpsBillTime>20160903022542</IpsBillTime></body></GateWayRsp></Ips>",
        )],
        notify_format: Format::Form,
        notify_transport: "HTTP POST form field paymentResult (UTF-8) to Merchanturl (browser) and ServerUrl \
                           (server to server)",
        gateway_key: KeySource::Secret(IPS7_TEST_CERT),
        verify_key: KeySource::Secret(IPS7_TEST_CERT),
        notify_note: "IPS signs notifications with the merchant's certificate text (an MD5 key), so this one\n\
                      is made here with PayumTW's published test certificate, as IPS would make it. The\n\
                      notification carries no MerCode: the handler adds its own before verifying.",
        tamper: ("Amount", "100.00"),
        merchant_adds: &[("MerCode", "c5374addd1a3d024c3a026199cb8feaf")],
        redirect: None,
        form: Some(&["pGateWayReq"]),
    },
    Demo {
        name: "tenpay",
        title: "Tenpay (财付通) gw.tenpay.com pay.htm, MD5",
        request_profile: "tenpay.pay.request",
        request: &[
            ("partner", "1900000109"),
            ("out_trade_no", "20261207113000"),
            ("total_fee", "8800"),
            ("fee_type", "1"),
            ("return_url", "http://shop.example.com/tenpay/return.php"),
            ("notify_url", "http://shop.example.com/tenpay/notify.php"),
            ("body", "图书 一本"),
            ("bank_type", "DEFAULT"),
            ("spbill_create_ip", "203.0.113.7"),
            ("input_charset", "GBK"),
            ("sign_type", "MD5"),
            ("service_version", "1.0"),
            ("sign_key_index", "1"),
        ],
        merchant_key: KeySource::Secret(TENPAY_TEST_KEY),
        transport: Transport::BrowserForm,
        action: "https://gw.tenpay.com/gateway/pay.htm",
        action_note: "production; no Tenpay sandbox is known",
        notify_profile: "tenpay.pay.notify",
        notify: &[
            ("discount", "0"),
            ("fee_type", "1"),
            ("input_charset", "GBK"),
            (
                "notify_id",
                "Ka5_tIcT2ivnbAvqdXdKJ7SGqalPMCH8Lp7wmWPE0o8SrNxbPjW3_ZTAYbo5ZyiaabGZtrOokaRHwb2nd-tMyhQbQ4ItIJF6",
            ),
            ("out_trade_no", "20261207113000"),
            ("partner", "1900000109"),
            ("product_fee", "8800"),
            ("sign_type", "MD5"),
            ("time_end", "20261207113122"),
            ("total_fee", "8800"),
            ("trade_mode", "1"),
            ("trade_state", "0"),
            ("transaction_id", "1900000109201612070123456789"),
            ("transport_fee", "0"),
            ("bank_type", "CMB"),
        ],
        notify_format: Format::Form,
        notify_transport: "HTTP GET query string (GBK) to notify_url; then confirm notify_id with \
                           gw.tenpay.com/gateway/verifynotifyid.xml (sign the request as \
                           tenpay.api.request, verify its XML answer as tenpay.api.response)",
        gateway_key: KeySource::Secret(TENPAY_TEST_KEY),
        verify_key: KeySource::Secret(TENPAY_TEST_KEY),
        notify_note: "Tenpay signs notifications with the merchant's key, so this one is made here\n\
                      with a test key, as Tenpay would make it.",
        tamper: ("total_fee", "880000"),
        merchant_adds: &[],
        redirect: None,
        form: None,
    },
    Demo {
        name: "tenpay-medi",
        title: "Tenpay (财付通) 中介担保 (MediPay escrow, cmdno 12) payservice.cgi, MD5",
        request_profile: "tenpay.medi.request",
        request: &[
            ("attach", "tenpay"),
            ("chnid", "1202822001"),
            ("cmdno", "12"),
            ("encode_type", "1"),
            ("mch_desc", "图书 一本"),
            ("mch_name", "图书"),
            ("mch_price", "8800"),
            ("mch_returl", "http://shop.example.com/tenpay/medi_return.php"),
            ("mch_type", "1"),
            ("mch_vno", "20261207113000"),
            ("need_buyerinfo", "2"),
            ("seller", "1202822001"),
            ("show_url", "http://shop.example.com/"),
            ("transport_fee", "0"),
            ("version", "2"),
        ],
        merchant_key: KeySource::Secret(TENPAY_TEST_KEY),
        transport: Transport::BrowserForm,
        action: "http://service.tenpay.com/cgi-bin/v3.0/payservice.cgi",
        action_note: "production; no Tenpay sandbox is known",
        notify_profile: "tenpay.medi.notify",
        notify: &[
            ("attach", "tenpay"),
            ("buyer_id", "88886666"),
            ("cft_tid", "1202822001201612070123456789"),
            ("chnid", "1202822001"),
            ("cmdno", "12"),
            ("mch_vno", "20261207113000"),
            ("retcode", "0"),
            ("seller", "1202822001"),
            ("status", "3"),
            ("total_fee", "8800"),
            ("trade_price", "8800"),
            ("transport_fee", "0"),
            ("version", "2"),
        ],
        notify_format: Format::Form,
        notify_transport: "HTTP GET query string (GBK) to mch_returl; status 3 = the buyer has paid, 5 = \
                           the buyer confirmed receipt; answer with the TENCENT_ONLINE_PAYMENT meta page",
        gateway_key: KeySource::Secret(TENPAY_TEST_KEY),
        verify_key: KeySource::Secret(TENPAY_TEST_KEY),
        notify_note: "Tenpay signs the escrow return with the channel's key, so this one is made here\n\
                      with a test key, as Tenpay would make it.",
        tamper: ("total_fee", "880000"),
        merchant_adds: &[],
        redirect: None,
        form: None,
    },
    Demo {
        name: "unionpay",
        title: "UnionPay (银联) ACP 5.1.0 gateway payment, test merchant 777290058110097",
        request_profile: "unionpay.acp.request",
        request: &[
            ("version", "5.1.0"),
            ("encoding", "utf-8"),
            ("certId", "69903319369"),
            ("signMethod", "01"),
            ("txnType", "01"),
            ("txnSubType", "01"),
            ("bizType", "000201"),
            ("channelType", "07"),
            ("accessType", "0"),
            ("merId", "777290058110097"),
            ("orderId", "paysign20261207"),
            ("txnTime", "20261207113000"),
            ("txnAmt", "1"),
            ("currencyCode", "156"),
            ("frontUrl", "http://merchant.example/unionpay/return"),
            ("backUrl", "http://merchant.example/unionpay/notify"),
        ],
        merchant_key: KeySource::File {
            name: "the public test PFX unionpay_acp_test_sign_2021.pfx (certId 69903319369)",
            data: PFX_UNIONPAY,
            password: Some("000000"),
        },
        transport: Transport::BrowserForm,
        action: "https://gateway.test.95516.com/gateway/api/frontTransReq.do",
        action_note: "UnionPay's test environment",
        notify_profile: "unionpay.acp.notify",
        notify: &[
            ("accessType", "0"),
            ("bizType", "000201"),
            ("currencyCode", "156"),
            ("encoding", "utf-8"),
            ("merId", "777290058110097"),
            ("orderId", "paysign20261207"),
            ("queryId", "782612071130000674028"),
            ("respCode", "00"),
            ("respMsg", "success"),
            ("settleAmt", "1"),
            ("settleCurrencyCode", "156"),
            ("settleDate", "1207"),
            ("signMethod", "01"),
            ("traceNo", "067402"),
            ("traceTime", "1207113000"),
            ("txnAmt", "1"),
            ("txnSubType", "01"),
            ("txnTime", "20261207113000"),
            ("txnType", "01"),
            ("version", "5.1.0"),
        ],
        notify_format: Format::Form,
        notify_transport: "HTTP POST form body to backUrl",
        gateway_key: KeySource::File {
            name: "the test PFX (simulating UnionPay)",
            data: PFX_UNIONPAY,
            password: Some("000000"),
        },
        verify_key: KeySource::File {
            name: "unionpay_acp_test_sign_2021_cert.pem",
            data: CERT_UNIONPAY_MERCHANT,
            password: None,
        },
        notify_note: SIMULATED_UNIONPAY,
        tamper: ("txnAmt", "100"),
        merchant_adds: &[],
        redirect: None,
        form: None,
    },
];

/// The demo without a signature: PayPal IPN's postback (demo/paypal.rs).
const PAYPAL: &str = "paypal";

/// A made-up Tenpay key for the demo (the vectors' DERIVED gw cases use it too).
const TENPAY_TEST_KEY: &str = "TENPAY-TEST-KEY-0123456789abcdef";

/// PayumTW/ips tests/ApiTest.php's MerKey (testdata/vectors/ips.json), a published test value.
pub const IPS7_TEST_CERT: &str = "c71530d016b3475579da8af971f7ca6c";

/// IPS's public demo merchant certificate (000015), as its demo pages and other SDKs' tests
/// carry it.
pub const IPS_DEMO_CERT: &str =
    "GDgLwwdK270Qj1w4xho8lyTpRQZV9Jm5x4NwWOTThUa4fMhEBK9jOXFrKRT6xhlJuU2FEa89ov0ryyjfJuuPkcGz\
     O5CeVx5ZIrkkt1aBlZV36ySvHOMcNv8rncRiy3DQ";

pub fn run(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &[], &["--gateway"])?;
    if !a.positional.is_empty() {
        return Err(Error::invalid_argument(
            "demo takes no arguments besides --gateway NAME",
        ));
    }
    let name = a.value("--gateway").unwrap_or("99bill");
    if name == PAYPAL {
        // PayPal signs nothing: no keys, so no secrets to mask.
        let mut text = String::new();
        let result = paypal::round_trip(&mut text);
        out.say(&text);
        return result.map(|()| 0);
    }
    let demo = DEMOS.iter().find(|d| d.name == name).ok_or_else(|| {
        let names: Vec<&str> = DEMOS.iter().map(|d| d.name).chain([PAYPAL]).collect();
        Error::invalid_argument(format!(
            "unknown gateway '{}' (known: {})",
            printable(name),
            names.join(", ")
        ))
    })?;
    let mut text = String::new();
    let result = round_trip(demo, &mut text);
    // Everything shown already has its secrets masked; mask the whole text once more so that
    // no path through the demo can ever print one.
    let secrets: Vec<&str> = [&demo.merchant_key, &demo.gateway_key, &demo.verify_key]
        .iter()
        .filter_map(|k| k.secret())
        .collect();
    out.say(&mask(&text, &secrets, false));
    result.map(|()| 0)
}

fn round_trip(d: &Demo, w: &mut String) -> Result<()> {
    let opts = Options::default();
    w.push_str(&format!("paysign demo: {}\n", d.title));
    w.push_str(
        "Public sandbox/demo credentials bundled in this binary, nothing from production.\n\
         Secrets are shown as ***.\n\n",
    );

    // 1. The payment request.
    let rp = paysign::profile(d.request_profile)?;
    let mut request = Params::from_pairs(d.request.iter().copied());
    let merchant_key = d.merchant_key.load()?;
    w.push_str(&format!(
        "1. Payment request ({}), signed with {}\n",
        rp.id,
        d.merchant_key.describe()
    ));
    explain(w, rp, &request, &opts, &merchant_key, &d.merchant_key)?;
    let sig = paysign::sign(rp, &opts, &mut request, Some(&merchant_key))?;
    w.push_str(&format!("   {}: {sig}\n\n", rp.sig_field()));
    match d.transport {
        Transport::BrowserForm => {
            let cs = wire_charset(rp, &request, &opts)?;
            w.push_str(&format!("The payer's browser posts this form ({}):\n", d.action_note));
            w.push_str(&format!(
                "<form method=\"post\" action=\"{}\" accept-charset=\"{}\">\n",
                html_escape(d.action),
                cs.name()
            ));
            let posted = |name: &str| d.form.is_none_or(|f| f.contains(&name));
            for (name, value) in request.iter().filter(|(n, _)| posted(n)) {
                w.push_str(&format!(
                    "  <input type=\"hidden\" name=\"{}\" value=\"{}\">\n",
                    html_escape(name),
                    html_escape(value)
                ));
            }
            w.push_str("  <input type=\"submit\" value=\"Pay\">\n</form>\n\n");
        }
        Transport::XmlPost => {
            w.push_str(&format!(
                "The merchant's server POSTs this XML body to {} ({}; WeChat Pay v2 \
                 takes no browser form):\n",
                d.action, d.action_note
            ));
            w.push_str(&request.encode(Format::Xml, paysign::Charset::Utf8)?);
            w.push_str("\n\n");
        }
    }

    // 2. The notification: made, sent as raw bytes, verified from those bytes, tampered.
    let np = paysign::profile(d.notify_profile)?;
    let mut notify = Params::from_pairs(d.notify.iter().chain(d.merchant_adds).copied());
    let gateway_key = d.gateway_key.load()?;
    let verify_key = d.verify_key.load()?;
    w.push_str(&format!("2. Notification ({})\n", np.id));
    w.push_str(&indent(d.notify_note));
    match (&d.gateway_key, &d.verify_key) {
        (KeySource::Secret(_), KeySource::Secret(_)) => {
            w.push_str("   signed and verified with the merchant's secret key\n")
        }
        (signer, verifier) => w.push_str(&format!(
            "   signed with {}, verified with {}\n",
            signer.describe(),
            verifier.describe()
        )),
    }
    explain(w, np, &notify, &opts, &gateway_key, &d.gateway_key)?;
    paysign::sign(np, &opts, &mut notify, Some(&gateway_key))?;
    let cs = wire_charset(np, &notify, &opts)?;
    for (name, _) in d.merchant_adds {
        notify.remove(name);
    }
    let body = notify.encode(d.notify_format, cs)?;
    w.push_str(&format!("   raw body ({}):\n", d.notify_transport));
    w.push_str(&format!("{body}\n"));

    let bytes = cs.encode(&body, "body")?;
    if !d.merchant_adds.is_empty() {
        let names: Vec<&str> = d.merchant_adds.iter().map(|(n, _)| *n).collect();
        w.push_str(&format!(
            "   the handler adds its own {} to the parsed fields, then verifies\n",
            names.join(", ")
        ));
    }
    let verdict = verify_received(d, np, &opts, &bytes, &verify_key)?;
    match verdict {
        Verdict::Valid => w.push_str(&format!("   verify_body ({}): valid\n", d.notify_format.name())),
        Verdict::Invalid(reason) => {
            return Err(Error::new(
                Status::PAYSIGN_BAD_SIGNATURE,
                format!("the demo notification did not verify: {reason}"),
            ))
        }
    }

    let (field, forged) = d.tamper;
    let (tampered, original) = tamper(np, &notify, field, forged)?;
    let tampered_body = tampered.encode(d.notify_format, cs)?;
    let verdict = verify_received(d, np, &opts, &cs.encode(&tampered_body, "body")?, &verify_key)?;
    match verdict {
        Verdict::Invalid(reason) => w.push_str(&format!(
            "   tampered copy ({field} changed from {original} to {forged}): BAD SIGNATURE: {reason}\n\n"
        )),
        Verdict::Valid => {
            // Cannot happen unless the library is broken: say so rather than print "valid".
            return Err(Error::invalid_field(
                field,
                "the tampered demo notification was accepted",
            ));
        }
    }

    // 3. The reply the handler sends back.
    if np.reply.is_none() {
        w.push_str("3. Reply: the gateway documents no reply body; answer with your own page.\n");
        return Ok(());
    }
    let reply = paysign::reply(np, true, d.redirect)?;
    match d.redirect {
        Some(url) => w.push_str(&format!(
            "3. Reply for success, redirecting the payer to {url} (exact bytes, no newline):\n"
        )),
        None => w.push_str("3. Reply for success (exact bytes, no newline):\n"),
    }
    w.push_str(&format!("{reply}\n"));
    Ok(())
}

/// The verdict on a received body, as the merchant's handler reaches it: the body parsed, the
/// handler's own fields added (`merchant_adds`), then verified.
fn verify_received(d: &Demo, np: &Profile, opts: &Options, body: &[u8], key: &Key) -> Result<Verdict> {
    if d.merchant_adds.is_empty() {
        return Ok(paysign::verify_body(np, opts, body, d.notify_format, None, Some(key))?.0);
    }
    let mut params = paysign::signer::parse_body(np, opts, body, d.notify_format, None)?;
    for (name, value) in d.merchant_adds {
        params.set(name, value);
    }
    paysign::verify(np, opts, &params, Some(key))
}

/// A copy of the notification with `field` set to `forged`, and the value it had. In a
/// document profile whose document carries no such field, `field` is an element of the document.
fn tamper(np: &Profile, notify: &Params, field: &str, forged: &str) -> Result<(Params, String)> {
    let mut tampered = notify.clone();
    if let (Layout::Document { field: doc_field, .. }, None) = (np.layout, notify.get(field)) {
        let doc = notify.get(doc_field).unwrap_or_default();
        let missing = || Error::invalid_field(field, "the demo notification has no such element");
        let (start, end) = paysign::canon::element_span(doc, field).ok_or_else(missing)?;
        let original = paysign::canon::element_content(doc, field)
            .ok_or_else(missing)?
            .to_string();
        let changed = format!("{}<{field}>{forged}</{field}>{}", &doc[..start], &doc[end..]);
        tampered.set(doc_field, &changed);
        return Ok((tampered, original));
    }
    let original = notify.get(field).unwrap_or_default().to_string();
    tampered.set(field, forged);
    Ok((tampered, original))
}

/// The sign string (secrets masked), charset and method of a message.
fn explain(w: &mut String, p: &Profile, params: &Params, opts: &Options, key: &Key, source: &KeySource) -> Result<()> {
    let plan = paysign::signer::plan(p, params, opts, Some(key), None, DocForm::Emptied)?;
    let secrets: Vec<&str> = source.secret().into_iter().collect();
    let text = mask(&plan.message.text, &secrets, false);
    w.push_str(&format!("   sign string: {}\n", *text));
    w.push_str(&format!("   charset: {}\n", plan.charset.name()));
    w.push_str(&format!("   method: {}\n", method_name(plan.method, opts)));
    Ok(())
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("   {}\n", l.trim_start())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_html() {
        assert_eq!(
            html_escape(r#"{"a":"<b>&'"}"#),
            "{&quot;a&quot;:&quot;&lt;b&gt;&amp;&#39;&quot;}"
        );
    }

    #[test]
    fn gateway_names_are_unique() {
        for (i, d) in DEMOS.iter().enumerate() {
            assert!(DEMOS[i + 1..].iter().all(|e| e.name != d.name));
            assert_ne!(d.name, PAYPAL);
        }
    }
}
