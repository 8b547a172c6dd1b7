//! The hot operations of a merchant site, through the Rust API the C ABI calls:
//! request signing, notification checks from the raw body, parsing, key loading.
//! Inputs come from testdata/vectors (see benches/common). docs/benchmarks.md has the numbers.

mod common;

use common::*;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use paysign::digest;
use paysign::params::Duplicates;
use paysign::profile::Case;
use paysign::{signer, Charset, Format, Options};
use std::hint::black_box;

fn request_sign(c: &mut Criterion) {
    let mut g = c.benchmark_group("99bill.pay.request sign");

    // MD5 (signType 1): the midpay vector, 14 fields.
    let md5_case = case("99bill.json", "99bill-md5-request-midpay");
    let md5_params = params_of(&md5_case);
    let secret = paysign::Key::secret(md5_case["key"]["secret"].as_str().unwrap()).unwrap();
    let profile = paysign::profile("99bill.pay.request").unwrap();
    let none = Options::default();
    g.bench_function("md5", |b| {
        b.iter(|| signer::compute(profile, &none, black_box(&md5_params), Some(&secret)).unwrap())
    });
    // The floor for the MD5 profile: a bare digest of the same sign string, hex-encoded.
    let sign_string = md5_case["expect_sign_string"].as_str().unwrap().as_bytes().to_vec();
    g.bench_function("bare md5 of the sign string", |b| {
        b.iter(|| digest::hex(&digest::md5(black_box(&sign_string)), Case::Upper))
    });

    // RSA-2048 (signType 4): the 2019 kit request, key from the test merchant's PFX.
    let rsa_params = params_of(&case("99bill.json", "99bill-rsa-sha256-request-10012140356-pfx"));
    let private = kq_private();
    for hash in ["sha256", "sha1"] {
        let opts = options(&format!("hash={hash}"));
        g.bench_function(format!("rsa2048-{hash}"), |b| {
            b.iter(|| signer::compute(profile, &opts, black_box(&rsa_params), Some(&private)).unwrap())
        });
    }
    g.finish();
}

fn notify_verify(c: &mut Criterion) {
    let mut g = c.benchmark_group("notify verify from the raw body");
    let none = Options::default();

    let kq = paysign::profile("99bill.pay.notify").unwrap();
    let md5_query = kq_md5_notify_query();
    let secret = paysign::Key::secret("APPSECRET").unwrap();
    g.bench_function("99bill md5 query", |b| {
        b.iter(|| {
            let (v, _) =
                signer::verify_body(kq, &none, black_box(&md5_query), Format::Form, None, Some(&secret)).unwrap();
            assert!(v.is_valid());
        })
    });
    let rsa_query = kq_rsa_notify_query();
    let cert = kq_public();
    g.bench_function("99bill rsa2048-sha256 query", |b| {
        b.iter(|| {
            let (v, _) =
                signer::verify_body(kq, &none, black_box(&rsa_query), Format::Form, None, Some(&cert)).unwrap();
            assert!(v.is_valid());
        })
    });

    let wx_case = case("wechatpay.json", "wechat-notify-xml-md5-derived");
    let wx_body = wx_case["body"].as_str().unwrap().as_bytes().to_vec();
    let wx_key = paysign::Key::secret(wx_case["key"]["secret"].as_str().unwrap()).unwrap();
    let wx = paysign::profile("wechatpay.notify").unwrap();
    g.bench_function("wechatpay md5 xml", |b| {
        b.iter(|| {
            let (v, _) = signer::verify_body(wx, &none, black_box(&wx_body), Format::Xml, None, Some(&wx_key)).unwrap();
            assert!(v.is_valid());
        })
    });

    let ali_body = alipay_notify_body();
    let ali_key = load_key("alipay_yansongda_app_public.pem", None);
    let ali = paysign::profile("alipay.openapi.notify").unwrap();
    g.bench_function("alipay openapi rsa2048-sha256 form", |b| {
        b.iter(|| {
            let (v, _) =
                signer::verify_body(ali, &none, black_box(&ali_body), Format::Form, None, Some(&ali_key)).unwrap();
            assert!(v.is_valid());
        })
    });
    g.finish();
}

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse 2 KB form");
    for (name, cs) in [("utf-8", Charset::Utf8), ("gbk", Charset::Gbk)] {
        let body = form_body(2048, cs);
        g.throughput(Throughput::Bytes(body.len() as u64));
        g.bench_function(format!("{name} ({} bytes)", body.len()), |b| {
            b.iter(|| paysign::Params::parse(black_box(&body), Format::Form, cs, Duplicates::Reject).unwrap())
        });
    }
    g.finish();
}

fn key_load(c: &mut Criterion) {
    let mut g = c.benchmark_group("key load");
    let pfx = key_bytes("99bill_10012140356.pfx");
    g.bench_function("pfx (99bill 2019 kit, 2048-bit)", |b| {
        b.iter(|| paysign::Key::load(black_box(&pfx), Some("123456")).unwrap())
    });
    let legacy = key_bytes("huxinghai_99bill-rsa.pfx");
    g.bench_function("pfx (legacy RC2-40/3DES, 1024-bit)", |b| {
        b.iter(|| paysign::Key::load(black_box(&legacy), Some("123456")).unwrap())
    });
    let pem = key_bytes("99bill_10012140356.pem");
    g.bench_function("pem (PKCS#1, 2048-bit)", |b| {
        b.iter(|| paysign::Key::load(black_box(&pem), None).unwrap())
    });
    g.finish();
}

/// The other digest profiles against the same floor: each vector's request signed, and the bare
/// digest or HMAC (hex included) of the vector's expected sign string.
fn digest_profiles(c: &mut Criterion) {
    let mut g = c.benchmark_group("digest profile sign vs bare digest");
    type Bare = fn(&[u8], &[u8]) -> Vec<u8>;
    let md5: Bare = |_, m| digest::md5(m).to_vec();
    let cases: [(&str, &str, &str, Bare); 5] = [
        (
            "wechatpay.json",
            "wechat-doc-example-md5",
            "wechatpay md5 (sorted, 5 fields)",
            md5,
        ),
        (
            "wechatpay.json",
            "wechat-doc-example-hmac-sha256",
            "wechatpay hmac-sha256 (sorted, 5 fields)",
            digest::hmac_sha256,
        ),
        (
            "alipay.json",
            "alipay-mapi-md5-omnipay",
            "alipay mapi md5 (sorted, 7 fields)",
            md5,
        ),
        (
            "yeepay.json",
            "yeepay-request-hmac-md5-demo-1",
            "yeepay hmac-md5 (fixed, 13 fields)",
            digest::hmac_md5,
        ),
        (
            "dinpay.json",
            "dinpay-request-md5-crasader",
            "dinpay md5 (sorted, 13 fields)",
            md5,
        ),
    ];
    for (file, id, label, bare) in cases {
        let v = case(file, id);
        let params = params_of(&v);
        let secret = v["key"]["secret"].as_str().unwrap();
        let key = paysign::Key::secret(secret).unwrap();
        let profile = paysign::profile(v["profile"].as_str().unwrap()).unwrap();
        let opts = options(v["options"].as_str().unwrap_or(""));
        let expect = v["expect_signature"].as_str().unwrap();
        assert!(signer::compute(profile, &opts, &params, Some(&key))
            .unwrap()
            .eq_ignore_ascii_case(expect));
        g.bench_function(label, |b| {
            b.iter(|| signer::compute(profile, &opts, black_box(&params), Some(&key)).unwrap())
        });
        let text = v["expect_sign_string"].as_str().unwrap().as_bytes().to_vec();
        assert!(digest::hex(&bare(secret.as_bytes(), &text), Case::Upper).eq_ignore_ascii_case(expect));
        g.bench_function(format!("{label}: bare"), |b| {
            b.iter(|| digest::hex(&bare(secret.as_bytes(), black_box(&text)), Case::Upper))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = criterion();
    targets = request_sign, digest_profiles, notify_verify, parse, key_load
}
criterion_main!(benches);
