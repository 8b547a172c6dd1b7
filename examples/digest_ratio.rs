//! Every MD5/HMAC sign vector: paysign's sign of the request against a bare digest (or HMAC)
//! of the vector's expected sign string, hex included, and the ratio (target: at most 1.5).
//!
//!   cargo run --release --example digest_ratio [ROUNDS] [CALLS] [ID-SUBSTRING]
//!
//! Both sides run in alternating rounds (default 25 rounds of 40,000 calls each) and each keeps
//! its fastest round, so a noisy minute on a shared machine skews neither side alone. The
//! bare side is whichever of MD5, HMAC-MD5 and HMAC-SHA256 gives the vector's signature, so
//! the table checks itself. `cargo bench --bench operations` has some of the same pairs under
//! criterion (`digest profile sign vs bare digest/*`).

use paysign::params::Params;
use paysign::profile::Case;
use paysign::{digest, signer, Key, Options};
use serde_json::Value;
use std::hint::black_box;
use std::time::Instant;

type Bare = fn(&[u8], &[u8]) -> Vec<u8>;

const BARE: [(&str, Bare); 3] = [
    ("md5", |_, m| digest::md5(m).to_vec()),
    ("hmac-md5", digest::hmac_md5),
    ("hmac-sha256", digest::hmac_sha256),
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize, default| args.get(i).map_or(default, |a| a.parse().expect("a number"));
    let (rounds, calls) = (number(0, 25), number(1, 40_000));
    let only = args.get(2).map_or("", String::as_str);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/vectors");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("testdata/vectors")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    println!(
        "{:48} {:>6} {:>9} {:>9} {:>6}",
        "vector", "bytes", "sign ns", "bare ns", "ratio"
    );
    for file in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("json");
        for c in doc["cases"].as_array().into_iter().flatten() {
            let Some(secret) = c["key"]["secret"].as_str() else {
                continue;
            };
            if c["op"] != "sign" || c["expect"] != "ok" || !c["id"].as_str().unwrap().contains(only) {
                continue;
            }
            let pairs = c["params"].as_array().expect("params");
            let params = Params::from_pairs(pairs.iter().map(|p| (p[0].as_str().unwrap(), p[1].as_str().unwrap())));
            let key = Key::secret(secret).expect("secret");
            let profile = paysign::profile(c["profile"].as_str().unwrap()).expect("profile");
            let opts = Options::parse(c["options"].as_str().unwrap_or("")).expect("options");
            let text = c["expect_sign_string"].as_str().unwrap().as_bytes().to_vec();
            let expect = c["expect_signature"].as_str().unwrap();
            let sign = || signer::compute(profile, &opts, black_box(&params), Some(&key)).unwrap();
            assert!(sign().eq_ignore_ascii_case(expect), "{}: paysign's signature", c["id"]);
            let (_, bare) = BARE
                .into_iter()
                .find(|(_, f)| digest::hex(&f(secret.as_bytes(), &text), Case::Upper).eq_ignore_ascii_case(expect))
                .unwrap_or_else(|| panic!("{}: no bare digest gives the signature", c["id"]));
            let bare = || digest::hex(&bare(secret.as_bytes(), black_box(&text)), Case::Upper);
            let (mut s, mut b) = (f64::MAX, f64::MAX);
            for _ in 0..rounds {
                s = s.min(per_call(calls, &sign));
                b = b.min(per_call(calls, &bare));
            }
            let id = c["id"].as_str().unwrap();
            println!("{id:48} {:>6} {s:>9.0} {b:>9.0} {:>6.2}", text.len(), s / b);
        }
    }
}

/// Nanoseconds per call of `f` over `calls` calls.
fn per_call(calls: usize, f: &dyn Fn() -> String) -> f64 {
    let start = Instant::now();
    let mut bytes = 0;
    for _ in 0..calls {
        bytes += f().len();
    }
    black_box(bytes);
    start.elapsed().as_nanos() as f64 / calls as f64
}
