//! Parsing and encoding of received bodies: the shared vectors, gateway-shaped bodies
//! (WeChat XML, Dinpay query XML, 99bill JSON, GBK YeePay callbacks), every malformed
//! class with its status, the size and depth limits, and round trips.

use paysign::charset::Charset;
use paysign::error::Status;
use paysign::params::{Duplicates, Format, Params, MAX_BODY};

const ALL_CHARSETS: [Charset; 4] = [Charset::Utf8, Charset::Gbk, Charset::Gb18030, Charset::Gb2312];

fn parse(body: &[u8], format: Format, charset: Charset) -> paysign::Result<Params> {
    Params::parse(body, format, charset, Duplicates::Reject)
}

fn pairs(p: &Params) -> Vec<(String, String)> {
    p.iter().map(|(n, v)| (n.to_owned(), v.to_owned())).collect()
}

fn owned(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect()
}

fn err(body: &[u8], format: Format, charset: Charset) -> paysign::Error {
    match parse(body, format, charset) {
        Ok(p) => panic!("expected an error, parsed {:?}", pairs(&p)),
        Err(e) => e,
    }
}

// -------------------------------------------------------------------------------------
// Shared vectors
// -------------------------------------------------------------------------------------

/// Every `verify_body` case in testdata/vectors: the body parses, and the WeChat sign
/// string rebuilt from the parsed fields (sorted, `sign` excluded, trimmed, empties
/// skipped, `&key=` suffix) equals the vector's `expect_sign_string`. That only holds if
/// every value came out exactly right, CDATA and plain elements alike.
#[test]
fn vector_verify_bodies() {
    use base64::Engine;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/vectors");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            if case["op"] != "verify_body" {
                continue;
            }
            let id = case["id"].as_str().unwrap();
            let body: Vec<u8> = match (case.get("body_b64"), case.get("body")) {
                (Some(b), _) => base64::engine::general_purpose::STANDARD
                    .decode(b.as_str().unwrap())
                    .unwrap(),
                (None, Some(b)) => b.as_str().unwrap().as_bytes().to_vec(),
                _ => panic!("{id}: no body"),
            };
            let format = Format::from_name(case["format"].as_str().unwrap_or("form")).unwrap();
            let charset = Charset::from_name(case["charset"].as_str().unwrap_or("utf-8")).unwrap();
            let dups = if case["profile"].as_str().unwrap().starts_with("99bill.") {
                Duplicates::LastWins
            } else {
                Duplicates::Reject
            };
            let p = Params::parse(&body, format, charset, dups).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert!(p.first_duplicate().is_none());
            seen += 1;

            if case["profile"].as_str().unwrap().starts_with("wechatpay.") {
                let mut fields: Vec<(&str, &str)> = p
                    .iter()
                    .filter(|(n, _)| *n != "sign")
                    .map(|(n, v)| (n, v.trim()))
                    .filter(|(_, v)| !v.is_empty())
                    .collect();
                fields.sort();
                let mut s: Vec<String> = fields.iter().map(|(n, v)| format!("{n}={v}")).collect();
                s.push(format!("key={}", case["key"]["secret"].as_str().unwrap()));
                assert_eq!(s.join("&"), case["expect_sign_string"].as_str().unwrap(), "{id}");
                assert_eq!(p.get("sign"), case["expect_signature"].as_str(), "{id}");
            }
        }
    }
    assert!(seen >= 2, "expected the WeChat verify_body vectors, saw {seen}");
}

#[test]
fn wechat_notify_xml_values() {
    let body = "<xml><appid><![CDATA[wxd930ea5d5a258f4f]]></appid><attach><![CDATA[支付测试]]></attach>\
<bank_type><![CDATA[CFT]]></bank_type><cash_fee>1</cash_fee><fee_type><![CDATA[CNY]]></fee_type>\
<total_fee>1</total_fee><sign><![CDATA[2D1C89F879FCFD49C10EE5F076D204B3]]></sign></xml>";
    let p = parse(body.as_bytes(), Format::Xml, Charset::Utf8).unwrap();
    assert_eq!(
        pairs(&p),
        owned(&[
            ("appid", "wxd930ea5d5a258f4f"),
            ("attach", "支付测试"),
            ("bank_type", "CFT"),
            ("cash_fee", "1"),
            ("fee_type", "CNY"),
            ("total_fee", "1"),
            ("sign", "2D1C89F879FCFD49C10EE5F076D204B3"),
        ])
    );
}

#[test]
fn wechat_pretty_printed_xml_with_declaration() {
    let body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<xml>\r\n  <return_code><![CDATA[SUCCESS]]></return_code>\r\n  \
<return_msg><![CDATA[OK]]></return_msg>\n\t<total_fee>100</total_fee>\n</xml>\n";
    let p = parse(body.as_bytes(), Format::Xml, Charset::Utf8).unwrap();
    assert_eq!(
        pairs(&p),
        owned(&[("return_code", "SUCCESS"), ("return_msg", "OK"), ("total_fee", "100")])
    );
}

#[test]
fn xml_text_cdata_entities_and_empty_elements() {
    let body = "<xml><a>x &amp; y</a><b><![CDATA[<p>&amp;]]>&lt;&#x4E2D;&#25991;</b><c>  spaced \n</c>\
<d/><e></e><f a=\"1\" b='2'>attr ignored</f><g>one<![CDATA[two]]><!-- c -->three</g><h><![CDATA[]]></h></xml>";
    let p = parse(body.as_bytes(), Format::Xml, Charset::Utf8).unwrap();
    assert_eq!(
        pairs(&p),
        owned(&[
            ("a", "x & y"),
            ("b", "<p>&amp;<中文"),
            ("c", "  spaced \n"),
            ("d", ""),
            ("e", ""),
            ("f", "attr ignored"),
            ("g", "onetwothree"),
            ("h", ""),
        ])
    );
    // An empty root has no fields; so does a root with only whitespace.
    assert!(parse(b"<xml/>", Format::Xml, Charset::Utf8).unwrap().is_empty());
    assert!(parse(b"<xml>\n</xml>", Format::Xml, Charset::Utf8).unwrap().is_empty());
}

/// dinpay.md §3: the single-order query response flattens to its leaves.
#[test]
fn dinpay_query_response_xml() {
    let body = r#"<?xml version="1.0" encoding="UTF-8" ?>
<dinpay>
    <response>
        <is_success>T</is_success>
        <sign_type>MD5</sign_type>
        <sign>8b1c4f7ad0e1e1b36b8a2d0c0f8e6b91</sign>
        <trade>
            <merchant_code>1111110166</merchant_code>
            <order_no>20180101120000</order_no>
            <order_time>2018-01-01 12:00:00</order_time>
            <order_amount>0.01</order_amount>
            <trade_no>1000123456</trade_no>
            <trade_time>2018-01-01 12:00:30</trade_time>
            <trade_status>SUCCESS</trade_status>
            <bank_code>ICBC</bank_code>
            <bank_seq_no></bank_seq_no>
        </trade>
    </response>
</dinpay>
"#;
    let expected = owned(&[
        ("is_success", "T"),
        ("sign_type", "MD5"),
        ("sign", "8b1c4f7ad0e1e1b36b8a2d0c0f8e6b91"),
        ("merchant_code", "1111110166"),
        ("order_no", "20180101120000"),
        ("order_time", "2018-01-01 12:00:00"),
        ("order_amount", "0.01"),
        ("trade_no", "1000123456"),
        ("trade_time", "2018-01-01 12:00:30"),
        ("trade_status", "SUCCESS"),
        ("bank_code", "ICBC"),
        ("bank_seq_no", ""),
    ]);
    let p = parse(body.as_bytes(), Format::Xml, Charset::Utf8).unwrap();
    assert_eq!(pairs(&p), expected);
    // The README sample misspells <resopnse>; flattening does not care.
    let misspelt = body.replace("response>", "resopnse>");
    assert_eq!(
        pairs(&parse(misspelt.as_bytes(), Format::Xml, Charset::Utf8).unwrap()),
        expected
    );

    // The error shape, with an empty <sign_type/>.
    let e = "<dinpay><response><is_success>F</is_success><sign_type/><error_code>TRADE_IS_NOT_EXIST</error_code></response></dinpay>";
    let p = parse(e.as_bytes(), Format::Xml, Charset::Utf8).unwrap();
    assert_eq!(
        pairs(&p),
        owned(&[
            ("is_success", "F"),
            ("sign_type", ""),
            ("error_code", "TRADE_IS_NOT_EXIST")
        ])
    );
}

// -------------------------------------------------------------------------------------
// Charsets on the wire
// -------------------------------------------------------------------------------------

/// "中文" in GBK is D6 D0 CE C4; in UTF-8 E4 B8 AD E6 96 87.
const ZHONGWEN_GBK: [u8; 4] = [0xD6, 0xD0, 0xCE, 0xC4];
const ZHONGWEN_UTF8: [u8; 6] = [0xE4, 0xB8, 0xAD, 0xE6, 0x96, 0x87];

/// A YeePay callback (yeepay.md §2): GBK percent-encoded query, `+` for space.
fn yeepay_callback_gbk() -> Vec<u8> {
    let mut q = b"p1_MerId=10001126856&r0_Cmd=Buy&r1_Code=1&r2_TrxId=217101234567890I&r3_Amt=0.01\
&r4_Cur=RMB&r5_Pid="
        .to_vec();
    for b in ZHONGWEN_GBK {
        q.extend_from_slice(format!("%{b:02X}").as_bytes());
    }
    // r8_MP: "中 文" with the space as '+', lowercase hex this time.
    q.extend_from_slice(
        b"&r6_Order=A20240101&r7_Uid=&r8_MP=%d6%d0+%ce%c4&r9_BType=2&rb_BankId=ICBC-NET\
&ro_BankOrderId=&rp_PayDate=20240101120000&hmac=0c0a3c1f1b8f6a2f0c1e0a9c57b7d5a1\r\n",
    );
    q
}

#[test]
fn yeepay_gbk_callback() {
    let body = yeepay_callback_gbk();
    let p = parse(&body, Format::Form, Charset::Gbk).unwrap();
    assert_eq!(p.len(), 15);
    assert_eq!(p.get("r5_Pid"), Some("中文"));
    // The HMAC is over UTF-8 bytes: the decoded value is already UTF-8.
    assert_eq!(p.get("r5_Pid").unwrap().as_bytes(), ZHONGWEN_UTF8);
    assert_eq!(p.get("r8_MP"), Some("中 文"));
    assert_eq!(p.get("r7_Uid"), Some(""));
    assert_eq!(p.get("r4_Cur"), Some("RMB"));
    // The trailing CRLF (body read from a file) is not part of the last value.
    assert_eq!(p.get("hmac"), Some("0c0a3c1f1b8f6a2f0c1e0a9c57b7d5a1"));
    assert_eq!(p.name_at(0), Some("p1_MerId"));
    assert_eq!(p.name_at(14), Some("hmac"));
    // GB18030 and GB2312 read the same bytes the same way.
    for cs in [Charset::Gb18030, Charset::Gb2312] {
        assert_eq!(parse(&body, Format::Form, cs).unwrap(), p);
    }
    // Decoding the same query as UTF-8 is a charset error naming the field, not garbage.
    let e = err(&body, Format::Form, Charset::Utf8);
    assert_eq!(e.status, Status::PAYSIGN_CHARSET_ERROR);
    assert_eq!(e.message, "field 'r5_Pid': bytes invalid in utf-8 at offset 0");

    // Second opinion: encoding_rs's own GBK decoder agrees.
    let (decoded, _, had_errors) = encoding_rs::GBK.decode(&ZHONGWEN_GBK);
    assert!(!had_errors);
    assert_eq!(decoded, "中文");
}

#[test]
fn raw_non_ascii_bytes_in_form() {
    let mut body = b"subject=".to_vec();
    body.extend_from_slice(&ZHONGWEN_GBK);
    body.extend_from_slice(b"&n=1");
    let p = parse(&body, Format::Form, Charset::Gbk).unwrap();
    assert_eq!(p.get("subject"), Some("中文"));

    let mut body = b"subject=".to_vec();
    body.extend_from_slice(&ZHONGWEN_UTF8);
    let p = parse(&body, Format::Form, Charset::Utf8).unwrap();
    assert_eq!(p.get("subject"), Some("中文"));

    // A GBK lead byte with no trail byte.
    let e = err(b"a=%D6%D0%CE", Format::Form, Charset::Gbk);
    assert_eq!(e.status, Status::PAYSIGN_CHARSET_ERROR);
    assert_eq!(e.message, "field 'a': bytes invalid in gbk at offset 2");
}

#[test]
fn gbk_xml_caller_charset_wins() {
    // The declaration says UTF-8 but the bytes are GBK: the caller's charset decides.
    let mut body = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><body>".to_vec();
    body.extend_from_slice(&ZHONGWEN_GBK);
    body.extend_from_slice(b"</body><n>1</n></xml>");
    let p = parse(&body, Format::Xml, Charset::Gbk).unwrap();
    assert_eq!(pairs(&p), owned(&[("body", "中文"), ("n", "1")]));
    let e = err(&body, Format::Xml, Charset::Utf8);
    assert_eq!(e.status, Status::PAYSIGN_CHARSET_ERROR);
    assert!(
        e.message.starts_with("body: bytes invalid in utf-8 at offset "),
        "{}",
        e.message
    );
}

#[test]
fn gbk_json() {
    let mut body = b"{\"subject\":\"".to_vec();
    body.extend_from_slice(&ZHONGWEN_GBK);
    body.extend_from_slice(b"\",\"n\":1}");
    let p = parse(&body, Format::Json, Charset::Gbk).unwrap();
    assert_eq!(pairs(&p), owned(&[("subject", "中文"), ("n", "1")]));
}

#[test]
fn byte_order_marks() {
    let xml = b"\xEF\xBB\xBF<xml><a>1</a></xml>";
    assert_eq!(parse(xml, Format::Xml, Charset::Utf8).unwrap().get("a"), Some("1"));
    let json = b"\xEF\xBB\xBF{\"a\":\"1\"}";
    assert_eq!(parse(json, Format::Json, Charset::Utf8).unwrap().get("a"), Some("1"));
    // Form bodies keep it: the caller decides (documented in charset.rs).
    let p = parse(b"\xEF\xBB\xBFa=1", Format::Form, Charset::Utf8).unwrap();
    assert_eq!(p.name_at(0), Some("\u{FEFF}a"));
}

// -------------------------------------------------------------------------------------
// Form details
// -------------------------------------------------------------------------------------

/// A base64 signature: `%2B` is a plus sign, a raw `+` is a space (alipay.md §7). The body
/// is decoded once only: `%252B` stays `%2B`.
#[test]
fn plus_and_percent_2b_in_signatures() {
    let body = b"notify_id=ac05099524730693a8b330c5ecf72da9786&subject=a+b%2Bc\
&sign=Lp%2BsXyZ%2F0aK9%2Bm%3D%3D&sign_type=RSA2&memo=%252B";
    let p = parse(body, Format::Form, Charset::Utf8).unwrap();
    assert_eq!(p.get("sign"), Some("Lp+sXyZ/0aK9+m=="));
    assert_eq!(p.get("subject"), Some("a b+c"));
    assert_eq!(p.get("memo"), Some("%2B"));
    // A framework that re-encoded nothing: the raw '+' really is a space.
    let p = parse(b"sign=Lp+sXyZ/0aK9+m==", Format::Form, Charset::Utf8).unwrap();
    assert_eq!(p.get("sign"), Some("Lp sXyZ/0aK9 m=="));
}

#[test]
fn form_shapes() {
    let p = parse(b"?a=1&&b&c=&=&&d==x=y&\r\n", Format::Form, Charset::Utf8);
    // "=" alone is an empty name.
    let e = p.unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
    assert_eq!(e.message, "empty field name at byte offset 11");

    let p = parse(b"?a=1&&b&c=&d==x=y&&\r\n \t", Format::Form, Charset::Utf8).unwrap();
    assert_eq!(pairs(&p), owned(&[("a", "1"), ("b", ""), ("c", ""), ("d", "=x=y")]));
    assert!(parse(b"", Format::Form, Charset::Utf8).unwrap().is_empty());
    assert!(parse(b"?", Format::Form, Charset::Utf8).unwrap().is_empty());
    assert!(parse(b"\r\n", Format::Form, Charset::Utf8).unwrap().is_empty());
    // Only a leading '?' is skipped; a second one belongs to the name.
    assert_eq!(
        parse(b"??a=1", Format::Form, Charset::Utf8).unwrap().name_at(0),
        Some("?a")
    );
    // Percent-encoded names and separators inside values.
    let p = parse(b"na%6De=v%26w%3Dx", Format::Form, Charset::Utf8).unwrap();
    assert_eq!(pairs(&p), owned(&[("name", "v&w=x")]));
    // Whitespace inside the body is kept; only the very end is trimmed.
    let p = parse(b"a= 1 &b=2 ", Format::Form, Charset::Utf8).unwrap();
    assert_eq!(pairs(&p), owned(&[("a", " 1 "), ("b", "2")]));
}

#[test]
fn form_bad_percent_encoding() {
    for (body, off) in [
        (&b"a=%G1"[..], 2usize),
        (b"a=1&b=%4", 6),
        (b"a=1&b=%", 6),
        (b"a=%%41", 2),
        (b"x%zz=1", 1),
        (b"?abc=%2", 5),
    ] {
        let e = err(body, Format::Form, Charset::Utf8);
        assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT, "{body:?}");
        assert_eq!(
            e.message,
            format!("bad percent-encoding at byte offset {off}"),
            "{body:?}"
        );
    }
}

#[test]
fn form_empty_name() {
    for body in [&b"=1"[..], b"a=1&=2", b"a=1&=", b"?=x"] {
        let e = err(body, Format::Form, Charset::Utf8);
        assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
        assert!(e.message.starts_with("empty field name"), "{}", e.message);
    }
}

#[test]
fn nul_bytes_are_rejected() {
    let e = err(b"a=1&memo=x%00y", Format::Form, Charset::Utf8);
    assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
    assert_eq!(e.message, "field 'memo' contains a NUL byte");
    let e = err(b"me%00mo=1", Format::Form, Charset::Utf8);
    assert_eq!(e.message, "field 'me\\u{0}mo' contains a NUL byte");
    let e = err(b"{\"memo\":\"x\\u0000\"}", Format::Json, Charset::Utf8);
    assert_eq!(e.message, "field 'memo' contains a NUL byte");
    let e = err(b"<xml><memo>x&#0;</memo></xml>", Format::Xml, Charset::Utf8);
    assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
    let e = err(b"<xml><memo>x\0</memo></xml>", Format::Xml, Charset::Utf8);
    assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
}

// -------------------------------------------------------------------------------------
// Duplicates
// -------------------------------------------------------------------------------------

/// 99bill appends its fields after the merchant's own bgUrl query: the last one is signed.
#[test]
fn duplicates_form() {
    let body = b"orderId=MERCHANT&lang=zh&merchantAcctId=1001213884201&orderId=20240101A&payResult=10";
    let e = Params::parse(body, Format::Form, Charset::Utf8, Duplicates::Reject).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_DUPLICATE_FIELD);
    assert_eq!(e.message, "field 'orderId' appears more than once");

    let p = Params::parse(body, Format::Form, Charset::Utf8, Duplicates::LastWins).unwrap();
    assert_eq!(
        pairs(&p),
        owned(&[
            ("lang", "zh"),
            ("merchantAcctId", "1001213884201"),
            ("orderId", "20240101A"),
            ("payResult", "10"),
        ])
    );
    assert_eq!(p.first_duplicate(), None);

    // Three occurrences, and two different repeated names: the first repeat is reported.
    let body = b"a=1&b=1&b=2&a=2&a=3";
    let e = Params::parse(body, Format::Form, Charset::Utf8, Duplicates::Reject).unwrap_err();
    assert_eq!(e.message, "field 'b' appears more than once");
    let p = Params::parse(body, Format::Form, Charset::Utf8, Duplicates::LastWins).unwrap();
    assert_eq!(pairs(&p), owned(&[("b", "2"), ("a", "3")]));
    // Percent-encoded spelling of the same name is the same name.
    let e = Params::parse(b"ab=1&a%62=2", Format::Form, Charset::Utf8, Duplicates::Reject).unwrap_err();
    assert_eq!(e.message, "field 'ab' appears more than once");
}

#[test]
fn duplicates_xml_and_json() {
    let xml = b"<xml><a>1</a><b>x</b><a>2</a></xml>";
    let e = Params::parse(xml, Format::Xml, Charset::Utf8, Duplicates::Reject).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_DUPLICATE_FIELD);
    assert_eq!(e.message, "field 'a' appears more than once");
    let p = Params::parse(xml, Format::Xml, Charset::Utf8, Duplicates::LastWins).unwrap();
    assert_eq!(pairs(&p), owned(&[("b", "x"), ("a", "2")]));
    // The same leaf name at two depths is a duplicate too (the result is flat).
    let xml = b"<r><sign>1</sign><trade><sign>2</sign></trade></r>";
    let e = Params::parse(xml, Format::Xml, Charset::Utf8, Duplicates::Reject).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_DUPLICATE_FIELD);

    // serde_json's Map would silently keep one; the parser sees both.
    let json = br#"{"amount":"1.00","orderId":"A","amount":"100.00"}"#;
    let e = Params::parse(json, Format::Json, Charset::Utf8, Duplicates::Reject).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_DUPLICATE_FIELD);
    assert_eq!(e.message, "field 'amount' appears more than once");
    let p = Params::parse(json, Format::Json, Charset::Utf8, Duplicates::LastWins).unwrap();
    assert_eq!(pairs(&p), owned(&[("orderId", "A"), ("amount", "100.00")]));
    // Escaped spelling of the same key is the same key.
    let json = br#"{"ab":"1","a\u0062":"2"}"#;
    let e = Params::parse(json, Format::Json, Charset::Utf8, Duplicates::Reject).unwrap_err();
    assert_eq!(e.message, "field 'ab' appears more than once");
}

// -------------------------------------------------------------------------------------
// JSON
// -------------------------------------------------------------------------------------

/// 99bill's order query response carries `orderDetail:[...]`.
#[test]
fn json_99bill_query_response() {
    let body = r#"{
  "version": "v2.0", "signType": "4", "merchantAcctId": "1001213884201", "errCode": "",
  "currentPage": "1", "pageCount": 1, "pageSize": 20, "recordCount": "1",
  "orderDetail": [ { "orderId": "20240101A", "orderAmount": "100", "payResult": "10",
                     "fee": 0.10, "extra": null, "nested": {"z": 1, "a": [true, false]} } ],
  "amount": 10.00, "big": 123456789012345678901234567890, "exp": -1.5E+3,
  "flag": true, "off": false, "gone": null, "esc": "a\"b\\c\/d\n\u4e2d\ud83d\ude00",
  "signMsg": "Lp+sXyZ/0aK9+m=="
}"#;
    let p = parse(body.as_bytes(), Format::Json, Charset::Utf8).unwrap();
    assert_eq!(
        pairs(&p),
        owned(&[
            ("version", "v2.0"),
            ("signType", "4"),
            ("merchantAcctId", "1001213884201"),
            ("errCode", ""),
            ("currentPage", "1"),
            ("pageCount", "1"),
            ("pageSize", "20"),
            ("recordCount", "1"),
            (
                "orderDetail",
                r#"[{"orderId":"20240101A","orderAmount":"100","payResult":"10","fee":0.1,"extra":null,"nested":{"z":1,"a":[true,false]}}]"#
            ),
            // Scalars keep their JSON text exactly.
            ("amount", "10.00"),
            ("big", "123456789012345678901234567890"),
            ("exp", "-1.5E+3"),
            ("flag", "true"),
            ("off", "false"),
            ("gone", ""),
            ("esc", "a\"b\\c/d\n中😀"),
            ("signMsg", "Lp+sXyZ/0aK9+m=="),
        ])
    );
    assert!(parse(b"{}", Format::Json, Charset::Utf8).unwrap().is_empty());
    assert!(parse(b" \r\n{ } \n", Format::Json, Charset::Utf8).unwrap().is_empty());
}

#[test]
fn json_malformed() {
    for body in [&b"[1,2]"[..], b"\"text\"", b"42", b"null", b"", b"   ", b"<xml/>"] {
        let e = err(body, Format::Json, Charset::Utf8);
        assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT, "{body:?}");
        assert_eq!(e.message, "JSON body is not an object", "{body:?}");
    }
    for (body, off) in [
        (&br#"{"a":1,}"#[..], 7usize),
        (br#"{"a":1} x"#, 8),
        (br#"{"a":1}{"b":2}"#, 7),
        (br#"{"a" 1}"#, 5),
        (br#"{a:1}"#, 1),
        (br#"{"a":01}"#, 6),
        (br#"{"a":1.}"#, 5),
        (br#"{"a":.5}"#, 5),
        (br#"{"a":+1}"#, 5),
        (br#"{"a":1e}"#, 5),
        (br#"{"a":tru}"#, 5),
        (br#"{"a":"x"#, 5),
        (br#"{"a":"\x"}"#, 6),
        (br#"{"a":"\u12"}"#, 6),
        (b"{\"a\":\"tab\there\"}", 9),
        (br#"{"a":[1,]}"#, 8),
        (br#"{"a":[1 2]}"#, 8),
        (br#"{"a":{"b":1,}}"#, 12),
        (br#"{"a":{"b"}}"#, 9),
        (br#"{"a":[}"#, 6),
        (br#"{"a":1"#, 6),
        (br#"{"a":NaN}"#, 5),
    ] {
        let e = err(body, Format::Json, Charset::Utf8);
        assert_eq!(
            e.status,
            Status::PAYSIGN_MALFORMED_INPUT,
            "{}",
            String::from_utf8_lossy(body)
        );
        assert!(
            e.message.starts_with(&format!("bad JSON at byte offset {off}: ")),
            "{}: {}",
            String::from_utf8_lossy(body),
            e.message
        );
    }
    // A lone surrogate cannot become text.
    let e = err(br#"{"a":"\ud800"}"#, Format::Json, Charset::Utf8);
    assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
    // An empty key.
    let e = err(br#"{"":"1"}"#, Format::Json, Charset::Utf8);
    assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
    assert_eq!(e.message, "empty field name");
}

#[test]
fn json_depth_limit() {
    // The object is depth 1: 31 nested arrays reach depth 32 and are accepted.
    let ok = format!("{{\"a\":{}1{}}}", "[".repeat(31), "]".repeat(31));
    let p = parse(ok.as_bytes(), Format::Json, Charset::Utf8).unwrap();
    assert_eq!(p.get("a").unwrap(), format!("{}1{}", "[".repeat(31), "]".repeat(31)));
    let too_deep = format!("{{\"a\":{}1{}}}", "[".repeat(32), "]".repeat(32));
    let e = err(too_deep.as_bytes(), Format::Json, Charset::Utf8);
    assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
    assert!(e.message.contains("nested deeper than 32 levels"), "{}", e.message);
    // Objects count the same way.
    let objs = format!("{{\"a\":{}1{}}}", "{\"k\":".repeat(32), "}".repeat(32));
    assert_eq!(
        err(objs.as_bytes(), Format::Json, Charset::Utf8).status,
        Status::PAYSIGN_MALFORMED_INPUT
    );
    // Very deep input is rejected without recursion (no stack overflow), even unclosed.
    let huge = format!("{{\"a\":{}", "[{\"x\":".repeat(200_000));
    assert_eq!(
        err(huge.as_bytes(), Format::Json, Charset::Utf8).status,
        Status::PAYSIGN_MALFORMED_INPUT
    );
}

// -------------------------------------------------------------------------------------
// XML malformed classes
// -------------------------------------------------------------------------------------

#[test]
fn xml_doctype_rejected() {
    let xxe = br#"<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><a>&x;</a></xml>"#;
    let e = err(xxe, Format::Xml, Charset::Utf8);
    assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
    assert_eq!(e.message, "DOCTYPE not allowed");
    let e = err(b"<!DOCTYPE xml><xml/>", Format::Xml, Charset::Utf8);
    assert_eq!(e.message, "DOCTYPE not allowed");
}

#[test]
fn xml_malformed() {
    for (body, what) in [
        (&b"<xml><a>1</b></xml>"[..], ""),
        (b"<xml><a>1</a>", "element 'xml' is not closed"),
        (b"<xml><a>1", ""),
        (b"</xml>", ""),
        (b"not xml at all", "text outside the root element"),
        (b"", "no root element"),
        (b"   \n", "no root element"),
        (b"<!-- only a comment -->", "no root element"),
        (b"junk<xml><a>1</a></xml>", "text outside the root element"),
        (b"<xml><a>1</a></xml>junk", "text outside the root element"),
        (b"<xml><a>1</a></xml><![CDATA[x]]>", "text outside the root element"),
        (b"<xml><a>1</a></xml><xml/>", "more than one root element"),
        (b"<xml/><xml/>", "more than one root element"),
        (
            b"<xml>text<a>1</a></xml>",
            "element 'xml' mixes text and child elements",
        ),
        (
            b"<xml><a>1</a>text</xml>",
            "element 'xml' mixes text and child elements",
        ),
        (
            b"<xml><t>x<b>1</b></t></xml>",
            "element 't' mixes text and child elements",
        ),
        (b"<xml>just text</xml>", "text directly inside the root element 'xml'"),
        (b"<xml><a>&unknown;</a></xml>", "unknown entity '&unknown;'"),
        (b"<xml><a>AT&T</a></xml>", ""),
        (b"<xml><a x=1>1</a></xml>", ""),
        (b"<xml><a x=\"1\" x=\"2\">1</a></xml>", ""),
        (b"<xml><a>1</a", ""),
        (b"<xml><a><![CDATA[1</a></xml>", ""),
        (b"<xml><a>&#xD800;</a></xml>", ""),
    ] {
        let e = err(body, Format::Xml, Charset::Utf8);
        assert_eq!(
            e.status,
            Status::PAYSIGN_MALFORMED_INPUT,
            "{}",
            String::from_utf8_lossy(body)
        );
        assert!(
            e.message.starts_with("bad XML at byte offset ") && e.message.ends_with(what),
            "{}: {}",
            String::from_utf8_lossy(body),
            e.message
        );
    }
    // The offset points into the body.
    let e = err(b"<xml><a>1</b></xml>", Format::Xml, Charset::Utf8);
    assert!(e.message.starts_with("bad XML at byte offset 9:"), "{}", e.message);
}

#[test]
fn xml_depth_limit() {
    let nest = |n: usize| {
        let mut s = String::new();
        for i in 0..n {
            s.push_str(&format!("<e{i}>"));
        }
        s.push('v');
        for i in (0..n).rev() {
            s.push_str(&format!("</e{i}>"));
        }
        s
    };
    // 32 levels, root included: accepted, the innermost leaf is the field.
    let p = parse(nest(32).as_bytes(), Format::Xml, Charset::Utf8).unwrap();
    assert_eq!(pairs(&p), owned(&[("e31", "v")]));
    let e = err(nest(33).as_bytes(), Format::Xml, Charset::Utf8);
    assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
    assert!(
        e.message.ends_with("elements nested deeper than 32 levels"),
        "{}",
        e.message
    );
    // An empty element at depth 33 counts too.
    let s = format!("{}<x/>{}", "<a>".repeat(32), "</a>".repeat(32));
    assert_eq!(
        err(s.as_bytes(), Format::Xml, Charset::Utf8).status,
        Status::PAYSIGN_MALFORMED_INPUT
    );
    // Huge depth fails fast without recursion.
    let s = "<a>".repeat(300_000);
    assert_eq!(
        err(s.as_bytes(), Format::Xml, Charset::Utf8).status,
        Status::PAYSIGN_MALFORMED_INPUT
    );
}

// -------------------------------------------------------------------------------------
// Size limit
// -------------------------------------------------------------------------------------

#[test]
fn one_mebibyte_limit() {
    assert_eq!(MAX_BODY, 1_048_576);
    for format in [Format::Form, Format::Xml, Format::Json] {
        let (head, tail) = match format {
            Format::Form => ("a=", ""),
            Format::Xml => ("<xml><a>", "</a></xml>"),
            Format::Json => ("{\"a\":\"", "\"}"),
        };
        let fill = MAX_BODY - head.len() - tail.len();
        let body = format!("{head}{}{tail}", "x".repeat(fill));
        assert_eq!(body.len(), MAX_BODY);
        let p = parse(body.as_bytes(), format, Charset::Utf8).unwrap();
        assert_eq!(p.get("a").unwrap().len(), fill);

        let body = format!("{head}{}{tail}", "x".repeat(fill + 1));
        let e = err(body.as_bytes(), format, Charset::Utf8);
        assert_eq!(e.status, Status::PAYSIGN_MALFORMED_INPUT);
        assert_eq!(e.message, "body is 1048577 bytes, over the 1048576-byte limit");
    }
}

// -------------------------------------------------------------------------------------
// Encoding
// -------------------------------------------------------------------------------------

fn sample() -> Params {
    Params::from_pairs([
        ("out_trade_no", "A-1_2.3~4*"),
        ("subject", "中文 a+b&c=d%e/f"),
        ("sign", "Lp+sXyZ/0aK9+m=="),
    ])
}

#[test]
fn encode_form_exact() {
    assert_eq!(
        sample().encode(Format::Form, Charset::Utf8).unwrap(),
        "out_trade_no=A-1_2.3~4*&subject=%E4%B8%AD%E6%96%87%20a%2Bb%26c%3Dd%25e%2Ff&sign=Lp%2BsXyZ%2F0aK9%2Bm%3D%3D"
    );
    for cs in [Charset::Gbk, Charset::Gb18030, Charset::Gb2312] {
        assert_eq!(
            sample().encode(Format::Form, cs).unwrap(),
            "out_trade_no=A-1_2.3~4*&subject=%D6%D0%CE%C4%20a%2Bb%26c%3Dd%25e%2Ff&sign=Lp%2BsXyZ%2F0aK9%2Bm%3D%3D"
        );
    }
    assert_eq!(Params::new().encode(Format::Form, Charset::Utf8).unwrap(), "");
    let p = Params::from_pairs([("a b", "\r\n"), ("e", "")]);
    assert_eq!(p.encode(Format::Form, Charset::Utf8).unwrap(), "a%20b=%0D%0A&e=");
}

#[test]
fn encode_xml_exact() {
    assert_eq!(
        sample().encode(Format::Xml, Charset::Utf8).unwrap(),
        "<xml><out_trade_no><![CDATA[A-1_2.3~4*]]></out_trade_no><subject><![CDATA[中文 a+b&c=d%e/f]]></subject>\
<sign><![CDATA[Lp+sXyZ/0aK9+m==]]></sign></xml>"
    );
    let p = Params::from_pairs([("a", "x]]>y"), ("b", "]]>]]>"), ("c", "")]);
    let xml = p.encode(Format::Xml, Charset::Utf8).unwrap();
    assert_eq!(
        xml,
        "<xml><a><![CDATA[x]]]]><![CDATA[>y]]></a><b><![CDATA[]]]]><![CDATA[>]]]]><![CDATA[>]]></b><c><![CDATA[]]></c></xml>"
    );
    assert_eq!(
        pairs(&parse(xml.as_bytes(), Format::Xml, Charset::Utf8).unwrap()),
        pairs(&p)
    );
    assert_eq!(Params::new().encode(Format::Xml, Charset::Utf8).unwrap(), "<xml></xml>");
}

#[test]
fn encode_json_exact() {
    assert_eq!(
        sample().encode(Format::Json, Charset::Utf8).unwrap(),
        r#"{"out_trade_no":"A-1_2.3~4*","subject":"中文 a+b&c=d%e/f","sign":"Lp+sXyZ/0aK9+m=="}"#
    );
    let p = Params::from_pairs([("q", "say \"hi\"\\\n\t\u{1}")]);
    assert_eq!(
        p.encode(Format::Json, Charset::Utf8).unwrap(),
        r#"{"q":"say \"hi\"\\\n\t\u0001"}"#
    );
    assert_eq!(Params::new().encode(Format::Json, Charset::Utf8).unwrap(), "{}");
}

#[test]
fn encode_errors() {
    let p = Params::from_pairs([("ok", "1"), ("subject", "a😀")]);
    for format in [Format::Form, Format::Xml, Format::Json] {
        for cs in [Charset::Gbk, Charset::Gb2312] {
            let e = p.encode(format, cs).unwrap_err();
            assert_eq!(e.status, Status::PAYSIGN_CHARSET_ERROR);
            assert_eq!(
                e.message,
                format!("field 'subject': character U+1F600 cannot be encoded in {}", cs.name())
            );
        }
        assert!(p.encode(format, Charset::Gb18030).is_ok());
        assert!(p.encode(format, Charset::Utf8).is_ok());
    }
    // GBK-only character in GB2312.
    let p = Params::from_pairs([("memo", "丂")]);
    assert!(p.encode(Format::Form, Charset::Gbk).is_ok());
    let e = p.encode(Format::Form, Charset::Gb2312).unwrap_err();
    assert_eq!(e.message, "field 'memo': character U+4E02 cannot be encoded in gb2312");

    for bad in ["1abc", "a b", "a<b", "a&b", "x/y"] {
        let p = Params::from_pairs([(bad, "v")]);
        let e = p.encode(Format::Xml, Charset::Utf8).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_INVALID_ARGUMENT);
        assert_eq!(e.message, format!("field name '{bad}' is not a valid XML element name"));
        // Form and JSON can carry any name.
        assert!(p.encode(Format::Form, Charset::Utf8).is_ok());
        assert!(p.encode(Format::Json, Charset::Utf8).is_ok());
    }
    let e = Params::from_pairs([("a", "x\u{1}")])
        .encode(Format::Xml, Charset::Utf8)
        .unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_ARGUMENT);
    assert_eq!(e.message, "field 'a' contains U+0001, which XML cannot carry");

    let mut p = Params::from_pairs([("a", "1")]);
    p.push("a", "2");
    let e = p.encode(Format::Json, Charset::Utf8).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_ARGUMENT);
    assert_eq!(p.encode(Format::Form, Charset::Utf8).unwrap(), "a=1&a=2");

    for format in [Format::Form, Format::Xml, Format::Json] {
        let e = Params::from_pairs([("", "1")])
            .encode(format, Charset::Utf8)
            .unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_INVALID_ARGUMENT);
    }
}

// -------------------------------------------------------------------------------------
// Round trips
// -------------------------------------------------------------------------------------

fn round_trip_params(charset: Charset) -> Params {
    let mut p = Params::from_pairs([
        ("appid", "wxd930ea5d5a258f4f"),
        ("subject", "中文商品 测试"),
        ("body", "a+b c&d=e%f?g#h/i\\j\"k'l<m>n"),
        ("cdata", "x]]>y]]"),
        ("lines", "one\r\ntwo\nthree\t"),
        ("spaces", "  padded  "),
        ("empty", ""),
        ("sign", "Lp+sXyZ/0aK9+m=="),
        ("名称", "值"),
    ]);
    if charset == Charset::Utf8 || charset == Charset::Gb18030 {
        p.set("emoji", "😀 €");
    }
    if charset == Charset::Gbk {
        p.set("gbk_only", "丂 €");
    }
    p
}

#[test]
fn round_trips_all_formats_all_charsets() {
    for charset in ALL_CHARSETS {
        let p = round_trip_params(charset);
        for format in [Format::Form, Format::Xml, Format::Json] {
            let text = p.encode(format, charset).unwrap();
            // The caller turns the text into the charset's bytes to send it; for form the
            // text is ASCII already.
            let bytes = charset.encode(&text, "body").unwrap();
            if format == Format::Form {
                assert!(text.is_ascii());
                assert_eq!(bytes.as_ref(), text.as_bytes());
            }
            let back = Params::parse(&bytes, format, charset, Duplicates::Reject)
                .unwrap_or_else(|e| panic!("{} {}: {e}", format.name(), charset.name()));
            assert_eq!(back, p, "{} {}", format.name(), charset.name());
        }
    }
}

// -------------------------------------------------------------------------------------
// Robustness
// -------------------------------------------------------------------------------------

/// Truncations and byte mutations of valid bodies never panic.
#[test]
fn never_panics_on_mangled_input() {
    let mut seeds: Vec<(Vec<u8>, Format)> = Vec::new();
    for charset in ALL_CHARSETS {
        let p = round_trip_params(charset);
        for format in [Format::Form, Format::Xml, Format::Json] {
            let text = p.encode(format, charset).unwrap();
            seeds.push((charset.encode(&text, "body").unwrap().into_owned(), format));
        }
    }
    seeds.push((yeepay_callback_gbk(), Format::Form));
    seeds.push((
        br#"<dinpay><response><trade><a>&amp;&#x4E2D;</a><b/></trade></response></dinpay>"#.to_vec(),
        Format::Xml,
    ));
    seeds.push((
        br#"{"a":[{"b":[1,2,{"c":"\u4e2d"}]}],"d":-1.5e3,"e":null}"#.to_vec(),
        Format::Json,
    ));

    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let interesting = b"<>&;[]{}\"'\\%+=?!-/:,0\x00\x80\xff\xd6\xa1";
    for (seed, format) in &seeds {
        for cut in 0..=seed.len() {
            for charset in ALL_CHARSETS {
                let _ = Params::parse(&seed[..cut], *format, charset, Duplicates::Reject);
            }
        }
        for _ in 0..300 {
            let mut m = seed.clone();
            for _ in 0..1 + next() % 4 {
                if m.is_empty() {
                    break;
                }
                let at = (next() as usize) % m.len();
                match next() % 3 {
                    0 => m[at] = interesting[(next() as usize) % interesting.len()],
                    1 => {
                        m.remove(at);
                    }
                    _ => m.insert(at, interesting[(next() as usize) % interesting.len()]),
                }
            }
            for f in [Format::Form, Format::Xml, Format::Json] {
                for dups in [Duplicates::Reject, Duplicates::LastWins] {
                    let _ = Params::parse(&m, f, Charset::Utf8, dups);
                    let _ = Params::parse(&m, f, Charset::Gbk, dups);
                }
            }
        }
    }
}
