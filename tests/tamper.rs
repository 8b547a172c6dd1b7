//! Tampering tests for every profile: a correctly signed message verifies; changing one signed
//! field, dropping the signature, sending it twice, or using another key does not.
//! The signed starting points are checked against the shared vectors elsewhere (vectors.rs);
//! here every profile gets the same four attacks.

mod common;
use common::key_path;
use paysign::{Key, Options, Params, Status};

fn secret() -> Key {
    Key::secret("TEST-secret-0123456789").unwrap()
}
fn other_secret() -> Key {
    Key::secret("TEST-secret-0123456780").unwrap()
}
fn merchant() -> Key {
    Key::load_file(&key_path("99bill_10012140356.pfx"), Some("123456")).unwrap()
}
fn merchant_cert() -> Key {
    Key::load_file(&key_path("99bill_10012140356_cert.pem"), None).unwrap()
}
fn other_cert() -> Key {
    Key::load_file(&key_path("huxinghai_99bill-rsa_cert.pem"), None).unwrap()
}

/// (profile, params, options, signing key, verifying key, wrong verifying key, field to tamper)
type Case = (
    &'static str,
    Vec<(&'static str, &'static str)>,
    &'static str,
    Key,
    Key,
    Key,
    &'static str,
);

fn cases() -> Vec<Case> {
    let kq_pay = vec![
        ("inputCharset", "1"),
        ("bgUrl", "http://m/notify"),
        ("version", "v2.0"),
        ("language", "1"),
        ("signType", "4"),
        ("merchantAcctId", "1001214035601"),
        ("orderId", "A100"),
        ("orderAmount", "100"),
        ("orderTime", "20240101120000"),
        ("productName", "商品"),
        ("payType", "00"),
    ];
    let kq_notify = vec![
        ("merchantAcctId", "1001214035601"),
        ("version", "v2.0"),
        ("language", "1"),
        ("signType", "4"),
        ("payType", "10"),
        ("orderId", "A100"),
        ("orderTime", "20240101120000"),
        ("orderAmount", "100"),
        ("dealId", "9"),
        ("dealTime", "20240101120100"),
        ("payAmount", "100"),
        ("fee", "1"),
        ("payResult", "10"),
    ];
    let mut md5_notify = kq_notify.clone();
    md5_notify[3] = ("signType", "1");
    vec![
        ("99bill.pay.request", kq_pay.clone(), "", merchant(), merchant_cert(), other_cert(), "orderAmount"),
        ("99bill.pay.request", kq_pay, "hash=sha1", merchant(), merchant_cert(), other_cert(), "productName"),
        ("99bill.pay.notify", kq_notify, "", merchant(), merchant_cert(), other_cert(), "payAmount"),
        ("99bill.pay.notify", md5_notify, "", secret(), secret(), other_secret(), "payResult"),
        (
            "99bill.query.request",
            vec![("inputCharset", "1"), ("version", "v2.0"), ("signType", "2"), ("merchantAcctId", "1001"), ("queryType", "0"), ("queryMode", "1"), ("orderId", "A1")],
            "query_key=27YKWKBKHT2IZSQ4", merchant(), merchant_cert(), other_cert(), "orderId",
        ),
        (
            "99bill.query.response",
            vec![("version", "v2.0"), ("signType", "1"), ("merchantAcctId", "1001"), ("currentPage", "1"), ("recordCount", "1")],
            "", secret(), secret(), other_secret(), "recordCount",
        ),
        (
            "99bill.query.order",
            vec![("orderId", "A1"), ("orderAmount", "100"), ("payResult", "10"), ("payAmount", "100"), ("dealId", "7")],
            "query_key=27YKWKBKHT2IZSQ4", merchant(), merchant_cert(), other_cert(), "payAmount",
        ),
        (
            "99bill.refund.request",
            vec![("merchant_id", "10012932671"), ("version", "bill_drawback_api_1"), ("command_type", "001"), ("orderid", "A1"), ("amount", "1.00"), ("postdate", "20240101120000"), ("txOrder", "R1")],
            "", secret(), secret(), other_secret(), "amount",
        ),
        (
            "99bill.refundquery.request",
            vec![("version", "v2.0"), ("signType", "1"), ("merchantAcctId", "1001"), ("orderId", "A1")],
            "", secret(), secret(), other_secret(), "orderId",
        ),
        (
            "99bill.refundquery.response",
            vec![("version", "v2.0"), ("signType", "2"), ("merchantAcctId", "1001"), ("recordCount", "3")],
            "query_key=K", merchant(), merchant_cert(), other_cert(), "recordCount",
        ),
        (
            "99bill.legacy.request",
            vec![("merchant_id", "1001"), ("orderid", "A1"), ("amount", "1.00"), ("merchant_url", "http://m/r")],
            "", secret(), secret(), other_secret(), "amount",
        ),
        (
            "99bill.legacy.notify",
            vec![("merchant_id", "1001"), ("orderid", "A1"), ("amount", "1.00"), ("date", "20240101"), ("succeed", "Y")],
            "", secret(), secret(), other_secret(), "succeed",
        ),
        (
            "99bill.split.request",
            vec![("inputCharset", "1"), ("version", "v2.0"), ("signType", "4"), ("orderId", "A1"), ("orderAmount", "100"), ("sharingData", "1^a@b.c^100^0^memo")],
            "", merchant(), merchant_cert(), other_cert(), "sharingData",
        ),
        (
            "99bill.split.notify",
            vec![("version", "v2.0"), ("signType", "4"), ("orderId", "A1"), ("orderAmount", "100"), ("payResult", "10"), ("sharingResult", "1")],
            "", merchant(), merchant_cert(), other_cert(), "sharingResult",
        ),
        (
            "wechatpay.request",
            vec![("appid", "wx1"), ("mch_id", "100"), ("nonce_str", "n"), ("body", "b"), ("total_fee", "1")],
            "", secret(), secret(), other_secret(), "total_fee",
        ),
        (
            "wechatpay.notify",
            vec![("appid", "wx1"), ("mch_id", "100"), ("sign_type", "HMAC-SHA256"), ("total_fee", "1"), ("result_code", "SUCCESS")],
            "", secret(), secret(), other_secret(), "total_fee",
        ),
        (
            "wechatpay.app.payreq",
            vec![("appid", "wx1"), ("partnerid", "100"), ("prepayid", "p"), ("package", "Sign=WXPay"), ("noncestr", "n"), ("timestamp", "1398746574")],
            "", secret(), secret(), other_secret(), "prepayid",
        ),
        (
            "wechatpay.jsapi.paysign",
            vec![("appId", "wx1"), ("timeStamp", "1398746574"), ("nonceStr", "n"), ("package", "prepay_id=p"), ("signType", "HMAC-SHA256")],
            "", secret(), secret(), other_secret(), "package",
        ),
        (
            "alipay.mapi.request",
            vec![("service", "create_direct_pay_by_user"), ("partner", "2088"), ("_input_charset", "utf-8"), ("total_fee", "0.01")],
            "", secret(), secret(), other_secret(), "total_fee",
        ),
        (
            "alipay.mapi.notify",
            vec![("notify_id", "n1"), ("sign_type", "RSA"), ("trade_status", "TRADE_SUCCESS"), ("total_fee", "0.01")],
            "", merchant(), merchant_cert(), other_cert(), "trade_status",
        ),
        (
            "alipay.openapi.request",
            vec![("app_id", "2021"), ("method", "alipay.trade.query"), ("charset", "utf-8"), ("sign_type", "RSA2"), ("biz_content", "{\"a\":1}")],
            "", merchant(), merchant_cert(), other_cert(), "biz_content",
        ),
        (
            "alipay.openapi.notify",
            vec![("app_id", "2021"), ("charset", "utf-8"), ("sign_type", "RSA2"), ("total_amount", "1.00"), ("trade_status", "TRADE_SUCCESS")],
            "", merchant(), merchant_cert(), other_cert(), "total_amount",
        ),
        (
            "chinabank.pay.request",
            vec![("v_mid", "1001"), ("v_oid", "20240101-1001-1"), ("v_amount", "0.01"), ("v_moneytype", "CNY"), ("v_url", "http://m/r")],
            "", secret(), secret(), other_secret(), "v_amount",
        ),
        (
            "chinabank.pay.notify",
            vec![("v_oid", "20240101-1001-1"), ("v_pstatus", "20"), ("v_amount", "0.01"), ("v_moneytype", "CNY")],
            "", secret(), secret(), other_secret(), "v_pstatus",
        ),
        (
            "chinabank.query.response",
            vec![("v_oid", "20240101-1001-1"), ("v_pstatus", "20"), ("v_amount", "0.01"), ("v_moneytype", "CNY")],
            "", secret(), secret(), other_secret(), "v_amount",
        ),
        (
            "dinpay.pay.request",
            vec![("merchant_code", "1111110166"), ("service_type", "direct_pay"), ("sign_type", "RSA-S"), ("order_no", "A1"), ("order_amount", "0.01")],
            "", merchant(), merchant_cert(), other_cert(), "order_amount",
        ),
        (
            "dinpay.pay.notify",
            vec![("merchant_code", "1111110166"), ("notify_type", "offline_notify"), ("order_no", "A1"), ("order_amount", "0.01"), ("trade_status", "SUCCESS")],
            "", secret(), secret(), other_secret(), "trade_status",
        ),
        (
            "dinpay.query.request",
            vec![("merchant_code", "1111110166"), ("service_type", "single_trade_query"), ("interface_version", "V3.0"), ("order_no", "A1")],
            "", secret(), secret(), other_secret(), "order_no",
        ),
        (
            "dinpay.query.response",
            vec![("merchant_code", "1111110166"), ("order_no", "A1"), ("order_amount", "0.01"), ("trade_status", "SUCCESS")],
            "", secret(), secret(), other_secret(), "trade_status",
        ),
        (
            "allinpay.pay.request",
            vec![("inputCharset", "1"), ("version", "v1.0"), ("signType", "1"), ("merchantId", "100"), ("orderNo", "A1"), ("orderAmount", "1")],
            "", secret(), secret(), other_secret(), "orderAmount",
        ),
        (
            "allinpay.pay.notify",
            vec![("merchantId", "100"), ("version", "v1.0"), ("signType", "1"), ("orderNo", "A1"), ("orderAmount", "1"), ("payAmount", "1"), ("payResult", "1")],
            "", merchant(), merchant_cert(), other_cert(), "payAmount",
        ),
        (
            "allinpay.query.request",
            vec![("merchantId", "100"), ("version", "v1.5"), ("signType", "0"), ("orderNo", "A1"), ("orderDatetime", "20240101120000")],
            "", secret(), secret(), other_secret(), "orderNo",
        ),
        (
            "yeepay.pay.request",
            vec![("p0_Cmd", "Buy"), ("p1_MerId", "10001126856"), ("p2_Order", "A1"), ("p3_Amt", "0.01"), ("p4_Cur", "CNY"), ("p5_Pid", "商品")],
            "", secret(), secret(), other_secret(), "p3_Amt",
        ),
        (
            "yeepay.pay.notify",
            vec![("p1_MerId", "10001126856"), ("r0_Cmd", "Buy"), ("r1_Code", "1"), ("r3_Amt", "0.01"), ("r6_Order", "A1"), ("r9_BType", "2")],
            "", secret(), secret(), other_secret(), "r3_Amt",
        ),
        (
            "nps.pay.request",
            vec![("m_id", "10001"), ("m_orderid", "A1"), ("m_oamount", "0.01"), ("m_ocurrency", "1"), ("m_url", "http://m/r"), ("m_language", "1"), ("s_name", "张三"), ("m_status", "0"), ("modate", "2024-01-01 12:00:00")],
            "", secret(), secret(), other_secret(), "m_oamount",
        ),
        (
            // m_oamount is covered only by the second signature, newmd5info.
            "nps.pay.notify",
            vec![("m_id", "10001"), ("m_orderid", "A1"), ("m_oamount", "0.01"), ("m_status", "2"), ("OrderMessage", "31307C4131")],
            "", secret(), secret(), other_secret(), "m_oamount",
        ),
        (
            "nps.vir.request",
            vec![("M_ID", "10001"), ("MOrderID", "A1"), ("MOAmount", "0.01"), ("MOCurrency", "1"), ("M_URL", "http://m/r"), ("M_Language", "1"), ("S_Name", "张三"), ("MODate", "2005-4-28"), ("State", "0")],
            "", secret(), secret(), other_secret(), "MOAmount",
        ),
        (
            "nps.vir.notify",
            vec![("m_id", "10001"), ("m_orderid", "A1"), ("m_oamount", "0.01"), ("m_status", "2")],
            "", secret(), secret(), other_secret(), "m_oamount",
        ),
        (
            "ips.pay.request",
            vec![("Mer_code", "000015"), ("Billno", "A1"), ("Amount", "0.02"), ("Date", "20140415"), ("Currency_Type", "RMB"), ("OrderEncodeType", "5")],
            "", secret(), secret(), other_secret(), "Amount",
        ),
        (
            "ips.pay.notify",
            vec![("billno", "A1"), ("amount", "0.02"), ("date", "20140415"), ("succ", "Y"), ("ipsbillno", "NT1"), ("retencodetype", "17"), ("Currency_type", "RMB")],
            "", secret(), secret(), other_secret(), "amount",
        ),
        (
            "tenpay.pay.request",
            vec![("partner", "1900000109"), ("out_trade_no", "A1"), ("total_fee", "1"), ("body", "图书"), ("input_charset", "GBK")],
            "", secret(), secret(), other_secret(), "total_fee",
        ),
        (
            "tenpay.pay.notify",
            vec![("partner", "1900000109"), ("out_trade_no", "A1"), ("total_fee", "1"), ("trade_state", "0"), ("notify_id", "n1")],
            "", secret(), secret(), other_secret(), "trade_state",
        ),
        (
            "tenpay.api.request",
            vec![("partner", "1900000109"), ("out_trade_no", "A1"), ("out_refund_no", "R1"), ("total_fee", "1"), ("refund_fee", "1")],
            "", secret(), secret(), other_secret(), "refund_fee",
        ),
        (
            "tenpay.api.response",
            vec![("partner", "1900000109"), ("out_trade_no", "A1"), ("retcode", "0"), ("trade_state", "0"), ("total_fee", "1")],
            "", secret(), secret(), other_secret(), "trade_state",
        ),
        (
            "tenpay.cmdno.request",
            vec![("cmdno", "1"), ("date", "20140612"), ("bargainor_id", "1212600101"), ("transaction_id", "1212600101201401020000717444"), ("sp_billno", "A1"), ("total_fee", "1"), ("fee_type", "1"), ("return_url", "http://m/r"), ("attach", "")],
            "", secret(), secret(), other_secret(), "total_fee",
        ),
        (
            "tenpay.cmdno.notify",
            vec![("cmdno", "1"), ("pay_result", "0"), ("date", "20140612"), ("transaction_id", ""), ("sp_billno", "A1"), ("total_fee", "1"), ("fee_type", "1"), ("attach", "1")],
            "", secret(), secret(), other_secret(), "pay_result",
        ),
        (
            "tenpay.medi.request",
            vec![("attach", "1"), ("chnid", "1202822001"), ("cmdno", "12"), ("encode_type", "1"), ("mch_desc", "图书"), ("mch_name", "图书"), ("mch_price", "100"), ("mch_returl", "http://shop.example/r"), ("mch_type", "2"), ("mch_vno", "A1"), ("need_buyerinfo", "2"), ("seller", "1202822001"), ("transport_fee", "0"), ("version", "2")],
            "", secret(), secret(), other_secret(), "mch_price",
        ),
        (
            "tenpay.medi.notify",
            vec![("attach", "1"), ("buyer_id", "12345678"), ("cft_tid", "1202822001201011120000000001"), ("chnid", "1202822001"), ("cmdno", "12"), ("mch_vno", "A1"), ("retcode", "0"), ("seller", "1202822001"), ("status", "3"), ("total_fee", "100"), ("trade_price", "100"), ("transport_fee", "0"), ("version", "2")],
            "", secret(), secret(), other_secret(), "status",
        ),
        (
            "tenpay.wap.request",
            vec![("bargainor_id", "1900000109"), ("bank_type", "0"), ("charset", "1"), ("desc", "test"), ("notify_url", "http://m/n"), ("sp_billno", "A1"), ("total_fee", "1"), ("ver", "2.0")],
            "", secret(), secret(), other_secret(), "total_fee",
        ),
        (
            "tenpay.wap.notify",
            vec![("bargainor_id", "1900000109"), ("charset", "1"), ("pay_result", "0"), ("sp_billno", "A1"), ("total_fee", "1"), ("transaction_id", "1900000109201301010000000001"), ("ver", "2.0")],
            "", secret(), secret(), other_secret(), "total_fee",
        ),
        (
            "cmpp.connect",
            vec![("source_addr", "900001"), ("timestamp", "1021080510")],
            "", secret(), secret(), other_secret(), "timestamp",
        ),
        (
            "cmpp.connect_resp",
            vec![("status", "0"), ("status_width", "4"), ("authenticator_source_hex", "90d00c1d517abd0b4f65f6bcf8535d16")],
            "", secret(), secret(), other_secret(), "status",
        ),
        (
            "smgp.login",
            vec![("client_id", "testid"), ("timestamp", "301000000")],
            "", secret(), secret(), other_secret(), "client_id",
        ),
        (
            "smgp.login_resp",
            vec![("status", "0"), ("authenticator_client_hex", "a7c544e23085083f45fc7663b26fa361")],
            "", secret(), secret(), other_secret(), "authenticator_client_hex",
        ),
        (
            "allinpay.aipg.request",
            vec![("document", "<?xml version=\"1.0\" encoding=\"GBK\"?><AIPG><INFO><TRX_CODE>100001</TRX_CODE><USER_NAME>张三</USER_NAME><SIGNED_MSG></SIGNED_MSG></INFO><BODY><AMOUNT>100</AMOUNT></BODY></AIPG>")],
            "", merchant(), merchant_cert(), other_cert(), "document",
        ),
        (
            "unionpay.acp.request",
            vec![("version", "5.1.0"), ("encoding", "UTF-8"), ("signMethod", "01"), ("certId", "69903319369"), ("txnType", "01"), ("merId", "777290058110048"), ("orderId", "A1"), ("txnAmt", "100"), ("reqReserved", ""), ("respCode", "00")],
            "", merchant(), merchant_cert(), other_cert(), "txnAmt",
        ),
        (
            "unionpay.acp.notify",
            vec![("version", "5.1.0"), ("encoding", "UTF-8"), ("signMethod", "01"), ("certId", "69903319369"), ("txnType", "01"), ("merId", "777290058110048"), ("orderId", "A1"), ("txnAmt", "100"), ("reqReserved", ""), ("respCode", "00")],
            "", merchant(), merchant_cert(), other_cert(), "txnAmt",
        ),
        (
            "unionpay.acp.response",
            vec![("version", "5.1.0"), ("encoding", "UTF-8"), ("signMethod", "01"), ("certId", "69903319369"), ("txnType", "01"), ("merId", "777290058110048"), ("orderId", "A1"), ("txnAmt", "100"), ("reqReserved", ""), ("respCode", "00")],
            "", merchant(), merchant_cert(), other_cert(), "txnAmt",
        ),
        (
            "ips.v7.request",
            vec![("pGateWayReq", "<Ips><GateWayReq><head><Version>v1.0.0</Version><MerCode>000015</MerCode><Signature></Signature></head><body><MerBillNo>A1</MerBillNo><Amount>0.02</Amount><GoodsName><![CDATA[图书]]></GoodsName></body></GateWayReq></Ips>")],
            "", secret(), secret(), other_secret(), "pGateWayReq",
        ),
        (
            "ips.v7.notify",
            vec![("paymentResult", "<Ips><GateWayRsp><head><RspCode>000000</RspCode><Signature></Signature></head><body><MerBillNo>A1</MerBillNo><Amount>0.02</Amount><Status>Y</Status></body></GateWayRsp></Ips>"), ("MerCode", "000015")],
            "", secret(), secret(), other_secret(), "paymentResult",
        ),
        (
            "ips.v7.query.request",
            vec![("orderQuery", "<Ips><OrderQueryReq><head><Version>v1.0.0</Version><MerCode>000015</MerCode><Signature></Signature></head><body><MerBillNo>A1</MerBillNo><Date>20150316</Date><Amount>0.02</Amount></body></OrderQueryReq></Ips>")],
            "", secret(), secret(), other_secret(), "orderQuery",
        ),
        (
            "ips.v7.query.response",
            vec![("getOrderByMerBillNoResult", "<Ips><OrderQueryRsp><head><RspCode>000000</RspCode><Signature></Signature></head><body><MerBillNo>A1</MerBillNo><Amount>0.02</Amount><Status>Y</Status></body></OrderQueryRsp></Ips>"), ("MerCode", "000015")],
            "", secret(), secret(), other_secret(), "getOrderByMerBillNoResult",
        ),
        (
            "allinpay.aipg.response",
            vec![("document", "<?xml version=\"1.0\" encoding=\"GBK\"?><AIPG><INFO><RET_CODE>0000</RET_CODE><SIGNED_MSG/></INFO></AIPG>")],
            "", merchant(), merchant_cert(), other_cert(), "document",
        ),
    ]
}

fn tamper(v: &str) -> String {
    // Change one character, keeping the value valid for its type (digits stay digits).
    if v.starts_with('<') {
        // Inside the signed part: AIPG signs the whole document, IPS 7.0 its <body>.
        let at = if v.contains("<INFO>") { "<INFO>" } else { "<body>" };
        return v.replacen(at, &format!("{at}<X>1</X>"), 1);
    }
    if let Some(last) = v.chars().last() {
        let next = match last {
            '0'..='8' => ((last as u8) + 1) as char,
            '9' => '0',
            _ => 'Z',
        };
        let mut s: String = v.chars().take(v.chars().count() - 1).collect();
        s.push(next);
        return s;
    }
    "x".into()
}

#[test]
fn every_profile_rejects_every_attack() {
    let all: std::collections::BTreeSet<_> = paysign::gateways::all().map(|p| p.id).collect();
    let mut covered = std::collections::BTreeSet::new();
    for (id, fields, options, sign_key, verify_key, wrong_key, field) in cases() {
        covered.insert(id);
        let p = paysign::profile(id).unwrap();
        let opts = Options::parse(options).unwrap();
        let mut params = Params::from_pairs(fields.iter().copied());
        let sig = paysign::sign(p, &opts, &mut params, Some(&sign_key)).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert!(!sig.is_empty());
        let ok = |params: &Params, key: &Key| paysign::verify(p, &opts, params, Some(key));
        assert!(
            ok(&params, &verify_key).unwrap().is_valid(),
            "{id}: the signed message must verify"
        );

        // one signed field changed
        let mut t = params.clone();
        t.set(field, &tamper(params.get(field).unwrap()));
        assert!(
            !ok(&t, &verify_key).unwrap().is_valid(),
            "{id}: tampered {field} accepted"
        );

        // signature dropped
        let sig_field = p.sig_field();
        let mut t = params.clone();
        if let paysign::profile::Layout::Document { field, element, .. } = p.layout {
            let doc = t.get(field).unwrap().to_string();
            let start = doc.find(&format!("<{element}>")).unwrap();
            let end = doc.find(&format!("</{element}>")).unwrap();
            t.set(
                field,
                &format!(
                    "{}<{element}></{element}>{}",
                    &doc[..start],
                    &doc[end + element.len() + 3..]
                ),
            );
        } else {
            t.remove(sig_field);
        }
        assert_eq!(
            ok(&t, &verify_key).unwrap_err().status,
            Status::PAYSIGN_MISSING_FIELD,
            "{id}: dropped signature"
        );

        // signature sent twice
        if !matches!(p.layout, paysign::profile::Layout::Document { .. }) {
            let mut t = params.clone();
            t.push(sig_field, params.get(sig_field).unwrap());
            match p.duplicates {
                paysign::params::Duplicates::Reject => {
                    assert_eq!(
                        ok(&t, &verify_key).unwrap_err().status,
                        Status::PAYSIGN_DUPLICATE_FIELD,
                        "{id}"
                    )
                }
                paysign::params::Duplicates::LastWins => {}
            }
        }

        // another key
        let v = ok(&params, &wrong_key);
        assert!(matches!(v, Ok(ref v) if !v.is_valid()), "{id}: wrong key gave {v:?}");
    }
    let missing: Vec<_> = all.difference(&covered).collect();
    assert!(missing.is_empty(), "profiles without tampering tests: {missing:?}");
}
