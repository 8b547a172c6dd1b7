//! The re-split attack (issue 12 §2, docs/security.md "Re-split"): a sign string that joins
//! raw values can be cut into fields in more than one way, and the gateway's own rule accepts
//! every way with the same signature. These tests show the attack on every profile that joins
//! values (it works because paysign reproduces the gateway's bytes), then what paysign does
//! about it: signing refuses the secret's marker and join characters in echoed fields, and
//! `diagnose` warns about a received message that reads as another field set.

mod common;
use common::key_path;
use paysign::diagnose::{self, Request};
use paysign::profile::{Join, Layout, Profile, Slot};
use paysign::{Format, Key, Options, Params, Status};

fn secret() -> Key {
    Key::secret("TEST-secret-0123456789").unwrap()
}
fn merchant() -> Key {
    Key::load_file(&key_path("99bill_10012140356.pfx"), Some("123456")).unwrap()
}
fn merchant_cert() -> Key {
    Key::load_file(&key_path("99bill_10012140356_cert.pem"), None).unwrap()
}
fn allow() -> Options {
    Options::parse("allow_join=1").unwrap()
}

/// Signs `signed` under `profile`, copies the signature onto `resplit` and verifies it there.
/// Returns (sign string of signed, sign string of resplit, resplit verifies).
fn resplit(profile: &str, signed: &[(&str, &str)], resplit: &[(&str, &str)]) -> (String, String, bool) {
    let p = paysign::profile(profile).unwrap();
    let key = secret();
    let mut a = Params::from_pairs(signed.iter().copied());
    let sa = paysign::sign_string(p, &allow(), &a, Some(&key)).unwrap().to_string();
    let sig = paysign::sign(p, &allow(), &mut a, Some(&key)).unwrap();
    let mut b = Params::from_pairs(resplit.iter().copied());
    let sb = paysign::sign_string(p, &allow(), &b, Some(&key)).unwrap().to_string();
    paysign::signer::place(p, &mut b, &sig);
    let ok = paysign::verify(p, &Options::default(), &b, Some(&key))
        .unwrap()
        .is_valid();
    (sa, sb, ok)
}

/// Signs `base` plus `joined` (one value holding the join characters), then checks that `base`
/// plus `moved` (the same bytes split into two fields) has the same sign string, which holds
/// `marker`, and verifies with that signature.
fn assert_resplits(profile: &str, base: &[(&str, &str)], joined: (&str, &str), moved: [(&str, &str); 2], marker: &str) {
    let mut signed = base.to_vec();
    signed.push(joined);
    let mut split = base.to_vec();
    split.extend(moved);
    let (sa, sb, ok) = resplit(profile, &signed, &split);
    assert!(sa.contains(marker), "{sa}");
    assert_eq!(sa, sb);
    assert!(ok, "the moved split verifies under the gateway rule");
}

#[test]
fn allinpay_pay_request_ext1_resplits_into_ext2() {
    let base = [
        ("inputCharset", "1"),
        ("version", "v1.0"),
        ("signType", "0"),
        ("merchantId", "100020091218001"),
        ("orderNo", "NO20261205"),
        ("orderAmount", "100"),
        ("orderDatetime", "20261205120000"),
    ];
    assert_resplits(
        "allinpay.pay.request",
        &base,
        ("ext1", "a&ext2=b"),
        [("ext1", "a"), ("ext2", "b")],
        "&ext1=a&ext2=b&key=",
    );
}

const KQ_BASE: [(&str, &str); 9] = [
    ("inputCharset", "1"),
    ("version", "v2.0"),
    ("language", "1"),
    ("signType", "1"),
    ("merchantAcctId", "1001213884201"),
    ("orderId", "NO20261205"),
    ("orderAmount", "100"),
    ("orderTime", "20261205120000"),
    ("payType", "00"),
];

#[test]
fn kuaiqian_pay_request_product_name_resplits_into_product_num() {
    assert_resplits(
        "99bill.pay.request",
        &KQ_BASE,
        ("productName", "a&productNum=2"),
        [("productName", "a"), ("productNum", "2")],
        "&productName=a&productNum=2&",
    );
}

/// The fields of a message in the order its sign string holds them.
fn sign_order(p: &Profile, params: &Params) -> Vec<String> {
    match p.layout {
        Layout::Fixed(slots) => slots
            .iter()
            .filter_map(|s| match s {
                Slot::F(n) if params.get(n).is_some_and(|v| !v.is_empty()) => Some(n.to_string()),
                _ => None,
            })
            .collect(),
        Layout::Sorted { exclude } => {
            let mut names: Vec<String> = params
                .iter()
                .map(|(n, _)| n.to_string())
                .filter(|n| n != p.sig_field() && !exclude.contains(&n.as_str()))
                .collect();
            names.sort();
            names
        }
        Layout::Document { .. } | Layout::Binary(_) => Vec::new(),
    }
}

/// The text between the values of neighbours `a` and `b` in a values-only sign string: the
/// join's separator, with any constant text between their slots (IPS's labels).
fn gap(p: &Profile, a: &str, b: &str) -> String {
    let Join::Values(sep) = p.join else {
        return String::new();
    };
    let mut t = String::new();
    if let Layout::Fixed(slots) = p.layout {
        let at = |n: &str| slots.iter().position(|s| matches!(s, Slot::F(f) if *f == n)).unwrap();
        for s in &slots[at(a) + 1..at(b)] {
            if let Slot::Text(x) = s {
                t.push_str(sep);
                t.push_str(x);
            }
        }
    }
    t.push_str(sep);
    t
}

/// Moves the boundary between two neighbours `a` and `b` of a signed message: for `name=value`
/// joins `a` swallows `sep b=value_b` and `b` goes; for values joined with nothing one byte of
/// `b` moves into `a`; where text stands between the values (a separator, a label), b's text
/// before a copy of it that b holds moves into `a`. None when the join leaves no room.
fn moved(p: &Profile, params: &Params, a: &str, b: &str) -> Option<Params> {
    let (va, vb) = (params.get(a)?.to_string(), params.get(b)?.to_string());
    let mut m = params.clone();
    let between = gap(p, a, b);
    match p.join {
        Join::Pairs(sep) => {
            m.set(a, &format!("{va}{sep}{b}={vb}"));
            m.remove(b);
        }
        Join::Values(_) if between.is_empty() => {
            let first = vb.chars().next()?;
            if vb.len() == first.len_utf8() {
                return None;
            }
            m.set(a, &format!("{va}{first}"));
            m.set(b, &vb[first.len_utf8()..]);
        }
        Join::Values(_) => {
            let (head, tail) = vb.split_once(between.as_str())?;
            m.set(a, &format!("{va}{between}{head}"));
            m.set(b, tail);
        }
    }
    Some(m)
}

/// Every profile that joins raw values: a signed message, a neighbouring pair of its fields
/// re-split, and the gateway's rule accepting the moved message with the original signature.
/// The only profiles left out are those with no field that the move may drop or shorten
/// (every field required), binary authenticators and whole-document signatures.
#[test]
fn every_joined_profile_accepts_a_moved_split() {
    let mut resplit = Vec::new();
    let mut all_required = Vec::new();
    for p in paysign::gateways::all() {
        if matches!(p.layout, Layout::Document { .. } | Layout::Binary(_)) {
            continue;
        }
        let rsa = common::natural_message(p, false).is_none();
        let (sign_key, verify_key) = if rsa {
            (merchant(), merchant_cert())
        } else {
            (secret(), secret())
        };
        let mut params = common::natural_message(p, rsa).unwrap();
        if p.id.starts_with("99bill.query") || p.id.starts_with("99bill.refundquery") {
            params.set("signType", "1");
        }
        let mut sig = paysign::sign(p, &allow(), &mut params, Some(&sign_key))
            .unwrap_or_else(|e| panic!("{}: {}", p.id, e.message));
        let fixed: Vec<&str> = [p.methods.field, p.charset.field].into_iter().flatten().collect();
        let order = sign_order(p, &params);
        // A `name=value` move drops b, so b must be optional and its `b=` must go with it
        // (a profile that keeps empties writes it anyway); a values-only move keeps both.
        let droppable = |b: &str| {
            !matches!(p.join, Join::Pairs(_)) || (!p.required.contains(&b) && p.empty == paysign::profile::Empty::Skip)
        };
        let pair = order.windows(2).find(|w| {
            let b = w[1].as_str();
            droppable(b) && !fixed.contains(&b) && !fixed.contains(&w[0].as_str())
        });
        let Some(pair) = pair else {
            all_required.push(p.id);
            continue;
        };
        let between = gap(p, &pair[0], &pair[1]);
        if matches!(p.join, Join::Values(_)) && !between.is_empty() {
            // Text between the values (NPS's `|`, IPS's labels): b is signed holding a copy of
            // it, as allow_join lets it.
            let vb = params.get(&pair[1]).unwrap().to_string();
            params.set(&pair[1], &format!("{vb}{between}{vb}"));
            sig = paysign::sign(p, &allow(), &mut params, Some(&sign_key)).unwrap();
        }
        let mut m = moved(p, &params, &pair[0], &pair[1]).unwrap_or_else(|| panic!("{}: no move", p.id));
        paysign::signer::place(p, &mut m, &sig);
        assert_ne!(
            m.get(&pair[0]),
            params.get(&pair[0]),
            "{}: the move changed nothing",
            p.id
        );
        let v = paysign::verify(p, &Options::default(), &m, Some(&verify_key))
            .unwrap_or_else(|e| panic!("{}: {}", p.id, e.message));
        assert!(v.is_valid(), "{}: {} -> {} does not verify", p.id, pair[0], pair[1]);
        resplit.push(p.id);
    }
    // The profiles with no field to drop: every signed field required (the absorbing move is
    // refused as a missing field), or `name=` written for every slot (Tenpay cmdno keeps
    // empties). A value holding `&x=` can still be split the other way; the echoed-field
    // refusal and diagnose cover that. UnionPay ACP keeps empty values (`name=` in every slot).
    // nps.pay.notify signs one field (OrderMessage); its
    // second signature is a Key slot between required fields.
    assert_eq!(
        all_required,
        [
            "wechatpay.app.payreq",
            "wechatpay.jsapi.paysign",
            "nps.pay.notify",
            "tenpay.cmdno.request",
            "tenpay.cmdno.notify",
            "unionpay.acp.request",
            "unionpay.acp.notify",
            "unionpay.acp.response"
        ],
        "resplit: {resplit:?}"
    );
    assert!(resplit.contains(&"chinabank.pay.request") && resplit.contains(&"chinabank.pay.notify"));
    assert!(resplit.contains(&"yeepay.pay.request") && resplit.contains(&"yeepay.pay.notify"));
    assert!(resplit.contains(&"99bill.refund.request") && resplit.contains(&"alipay.openapi.notify"));
    assert!(resplit.contains(&"nps.pay.request") && resplit.contains(&"ips.pay.notify"));
    // NPS VirReceiveMerchantAction.do joins values with nothing, like ChinaBank: a byte moves
    // between neighbours (MOrderID and MOAmount, m_id and m_orderid) under the same digest.
    assert!(resplit.contains(&"nps.vir.request") && resplit.contains(&"nps.vir.notify"));
    assert!(resplit.contains(&"tenpay.pay.request") && resplit.contains(&"tenpay.pay.notify"));
    assert!(resplit.contains(&"tenpay.api.request") && resplit.contains(&"tenpay.api.response"));
    assert!(resplit.contains(&"tenpay.medi.request") && resplit.contains(&"tenpay.medi.notify"));
    assert!(resplit.contains(&"tenpay.wap.request") && resplit.contains(&"tenpay.wap.notify"));
    assert_eq!(resplit.len(), 43, "{resplit:?}");
}

/// Every echoed field of every request profile, with each character that joins its sign
/// string (`&` and `=`, NPS's `|`): refused, the field and the character named, the value
/// never echoed; `allow_join=1` signs it.
#[test]
fn echoed_fields_refuse_join_characters() {
    let mut checked = 0;
    for p in paysign::gateways::all().filter(|p| !p.echoed.is_empty()) {
        let rsa = common::natural_message(p, false).is_none();
        let key = if rsa { merchant() } else { secret() };
        let base = common::natural_message(p, rsa).unwrap();
        for field in p.echoed {
            for c in paysign::signer::join_chars(p.join).chars() {
                let value = format!("a{c}b SECRETVALUE");
                let mut params = base.clone();
                params.set(field, &value);
                let e = paysign::sign(p, &Options::default(), &mut params.clone(), Some(&key)).unwrap_err();
                assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD, "{} {field}", p.id);
                assert!(
                    e.message.starts_with(&format!("field '{field}': contains '{c}'")),
                    "{}",
                    e.message
                );
                assert!(
                    e.message.contains("allow_join=1") && !e.message.contains("SECRETVALUE"),
                    "{}",
                    e.message
                );
                let e2 = paysign::sign_string(p, &Options::default(), &params, Some(&key)).unwrap_err();
                assert_eq!(e2.message, e.message);
                assert!(
                    paysign::sign(p, &allow(), &mut params, Some(&key)).is_ok(),
                    "{} {field}",
                    p.id
                );
                checked += 1;
            }
        }
    }
    // 99bill pay and split (4 each), Allinpay (4), Alipay mapi (3) and OpenAPI (1), WeChat (2),
    // Dinpay (3), Tenpay gw (3), cmdno (1), MediPay (4) and WAP (2), UnionPay ACP (1,
    // reqReserved), two characters each; NPS (11), one (`|`).
    assert_eq!(checked, 2 * (4 + 4 + 4 + 3 + 1 + 2 + 3 + 3 + 1 + 4 + 2 + 1) + 11);
}

/// A join character in a field the gateway does not echo (an URL) is signed as before, and a
/// notification holding one verifies as before: the refusal is for signing echoed fields only.
#[test]
fn join_characters_elsewhere_are_signed_and_verified() {
    let p = paysign::profile("99bill.pay.request").unwrap();
    let mut params = Params::from_pairs(KQ_BASE.iter().copied());
    params.set("bgUrl", "http://shop.example/notify.php?a=1&b=2");
    let text = paysign::sign_string(p, &Options::default(), &params, Some(&secret())).unwrap();
    assert!(
        text.starts_with("inputCharset=1&bgUrl=http://shop.example/notify.php?a=1&b=2&version=v2.0&"),
        "{}",
        *text
    );

    let n = paysign::profile("99bill.pay.notify").unwrap();
    let mut note = kq_notify();
    note.set("ext1", "Q&A");
    paysign::sign(n, &Options::default(), &mut note, Some(&secret())).unwrap();
    assert!(paysign::verify(n, &Options::default(), &note, Some(&secret()))
        .unwrap()
        .is_valid());
}

/// The example: `productName=a&key=SECRET` would put a second key pair in the string.
/// productName is echoed too, so the marker is tested in a field that is not (payerName).
#[test]
fn secret_marker_is_refused_by_default_and_signed_with_allow_join() {
    let p = paysign::profile("99bill.pay.request").unwrap();
    let mut params = Params::from_pairs(KQ_BASE.iter().copied());
    params.set("payerName", "a&key=TEST-secret-0123456789");
    let key = secret();
    for e in [
        paysign::sign_string(p, &Options::default(), &params, Some(&key))
            .map(|_| ())
            .unwrap_err(),
        paysign::sign(p, &Options::default(), &mut params.clone(), Some(&key))
            .map(|_| ())
            .unwrap_err(),
    ] {
        assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD);
        let m = e.message;
        assert!(m.contains("'payerName'") && m.contains("'&key='"), "{m}");
        assert!(!m.contains("TEST-secret"), "the message never echoes the secret: {m}");
    }
    let text = paysign::sign_string(p, &allow(), &params, Some(&key)).unwrap();
    assert!(
        text.contains("&payerName=a&key=TEST-secret-0123456789&orderId=")
            && text.ends_with("&payType=00&key=TEST-secret-0123456789"),
        "{}",
        *text
    );
    assert!(paysign::sign(p, &allow(), &mut params, Some(&key)).is_ok());
    assert_eq!(
        Options::parse("allow_join=2").unwrap_err().status,
        Status::PAYSIGN_INVALID_ARGUMENT
    );
}

/// 99bill refund puts `merchant_key=SECRET` in the middle of pairs joined with nothing: a
/// value holding `merchant_key=` is refused the same way.
#[test]
fn refund_merchant_key_marker_is_refused() {
    let p = paysign::profile("99bill.refund.request").unwrap();
    let mut params = Params::from_pairs([
        ("merchant_id", "10012138842"),
        ("version", "bill_drawback_api_1"),
        ("command_type", "001"),
        ("orderid", "A1"),
        ("amount", "1.00"),
        ("postdate", "20261205120000"),
        ("txOrder", "T1"),
    ]);
    params.set("returnData", "xmerchant_key=guess");
    let e = paysign::sign(p, &Options::default(), &mut params.clone(), Some(&secret())).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD);
    assert!(
        e.message.starts_with("field 'returnData': contains 'merchant_key='"),
        "{}",
        e.message
    );
    assert!(paysign::sign(p, &allow(), &mut params, Some(&secret())).is_ok());
}

fn kq_notify() -> Params {
    Params::from_pairs([
        ("merchantAcctId", "1001213884201"),
        ("version", "v2.0"),
        ("language", "1"),
        ("signType", "1"),
        ("payType", "10"),
        ("orderId", "A100"),
        ("orderTime", "20261205120000"),
        ("orderAmount", "100"),
        ("dealId", "9"),
        ("dealTime", "20261205120100"),
        ("payAmount", "100"),
        ("fee", "1"),
        ("payResult", "10"),
    ])
}

fn diagnose_form(profile: &str, params: &Params) -> serde_json::Value {
    let p = paysign::profile(profile).unwrap();
    let body = params
        .iter()
        .map(|(n, v)| format!("{n}={}", v.replace('%', "%25").replace('&', "%26").replace('=', "%3D")))
        .collect::<Vec<_>>()
        .join("&");
    let opts = Options::default();
    let key = secret();
    let req = Request::new(p, &opts, body.as_bytes(), Format::Form, None, Some(&key));
    diagnose::diagnose(&req).json().clone()
}

/// A valid notification whose ext1 holds `&ext2=`: the same signature also covers ext1 cut
/// there plus an ext2. diagnose says so; a plain one, or `&` without a signed name after it,
/// gets no such warning.
#[test]
fn diagnose_warns_when_a_valid_notification_resplits() {
    let n = paysign::profile("99bill.pay.notify").unwrap();
    let mut note = kq_notify();
    note.set("ext1", "gift&ext2=VIP");
    paysign::sign(n, &allow(), &mut note, Some(&secret())).unwrap();
    let r = diagnose_form("99bill.pay.notify", &note);
    assert_eq!(r["verdict"], "valid");
    let w: Vec<_> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "resplit")
        .collect();
    assert_eq!(w.len(), 1, "{r}");
    assert_eq!(w[0]["field"], "ext1");
    assert_eq!(w[0]["other_field"], "ext2");
    assert!(w[0]["message"].as_str().unwrap().contains("'&ext2='"));

    // The other reading really verifies: ext1 cut, ext2 its own field, same signature.
    let mut other = note.clone();
    other.set("ext1", "gift");
    other.set("ext2", "VIP");
    assert!(paysign::verify(n, &Options::default(), &other, Some(&secret()))
        .unwrap()
        .is_valid());

    for ext1 in ["gift", "Q&A", "a&unknownName=1", "a&signMsg=x"] {
        let mut plain = kq_notify();
        plain.set("ext1", ext1);
        paysign::sign(n, &allow(), &mut plain, Some(&secret())).unwrap();
        let r = diagnose_form("99bill.pay.notify", &plain);
        assert_eq!(r["verdict"], "valid", "{ext1}");
        assert!(
            !r["warnings"].as_array().unwrap().iter().any(|w| w["code"] == "resplit"),
            "{ext1}: {r}"
        );
    }
}

/// Sorted profiles: a WeChat notification whose attach holds `&bank_type=` reads as a
/// message with its own bank_type (which sorts right after attach), and diagnose says so.
#[test]
fn diagnose_warns_on_sorted_profiles_too() {
    let n = paysign::profile("wechatpay.notify").unwrap();
    let mut note = Params::from_pairs([
        ("appid", "wx1"),
        ("attach", "x&bank_type=CFT"),
        ("mch_id", "10000100"),
        ("nonce_str", "n1"),
        ("out_trade_no", "A1"),
        ("result_code", "SUCCESS"),
        ("return_code", "SUCCESS"),
        ("total_fee", "100"),
    ]);
    paysign::sign(n, &allow(), &mut note, Some(&secret())).unwrap();
    let r = diagnose_form("wechatpay.notify", &note);
    let w: Vec<_> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "resplit")
        .collect();
    assert_eq!(w.len(), 1, "{r}");
    assert_eq!(
        (w[0]["field"].as_str(), w[0]["other_field"].as_str()),
        (Some("attach"), Some("bank_type"))
    );
}
