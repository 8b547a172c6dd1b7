//! The re-split attack (issue 12 §2) on profiles that join raw values with `&` and `=`:
//! a value holding the join characters yields a sign string that also splits into another
//! field set, and the gateway's own rule accepts that other set with the same signature.
//! These tests document the inherent weakness of the gateway rule (they pass because paysign
//! reproduces the gateway's bytes). paysign refuses by default only the secret's marker
//! (`&key=`); refusing join characters in echoed fields is not built yet.

use paysign::{Key, Options, Params, Status};

fn secret() -> Key {
    Key::secret("TEST-secret-0123456789").unwrap()
}

/// Signs `signed` under `profile`, copies the signature onto `resplit` and verifies it there.
/// Returns (sign string of signed, sign string of resplit, resplit verifies).
fn resplit(profile: &str, signed: &[(&str, &str)], resplit: &[(&str, &str)]) -> (String, String, bool) {
    let p = paysign::profile(profile).unwrap();
    let opts = Options::default();
    let key = secret();
    let mut a = Params::from_pairs(signed.iter().copied());
    let sa = paysign::sign_string(p, &opts, &a, Some(&key)).unwrap().to_string();
    let sig = paysign::sign(p, &opts, &mut a, Some(&key)).unwrap();
    let mut b = Params::from_pairs(resplit.iter().copied());
    let sb = paysign::sign_string(p, &opts, &b, Some(&key)).unwrap().to_string();
    paysign::signer::place(p, &mut b, &sig);
    let ok = paysign::verify(p, &opts, &b, Some(&key)).unwrap().is_valid();
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

/// The example: `productName=a&key=SECRET` would put a second key pair in the string.
#[test]
fn secret_marker_is_refused_by_default_and_signed_with_allow_join() {
    let p = paysign::profile("99bill.pay.request").unwrap();
    let mut params = Params::from_pairs(KQ_BASE.iter().copied());
    params.set("productName", "a&key=TEST-secret-0123456789");
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
        assert!(m.contains("'productName'") && m.contains("'&key='"), "{m}");
        assert!(!m.contains("TEST-secret"), "the message never echoes the secret: {m}");
    }
    let allow = Options::parse("allow_join=1").unwrap();
    let text = paysign::sign_string(p, &allow, &params, Some(&key)).unwrap();
    assert!(
        text.ends_with("&productName=a&key=TEST-secret-0123456789&payType=00&key=TEST-secret-0123456789"),
        "{}",
        *text
    );
    assert!(paysign::sign(p, &allow, &mut params, Some(&key)).is_ok());
    assert_eq!(
        Options::parse("allow_join=2").unwrap_err().status,
        Status::PAYSIGN_INVALID_ARGUMENT
    );
}
