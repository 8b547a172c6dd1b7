//! RSA-2048 PKCS#1 v1.5 primitives over the 99bill request sign string, the numbers that
//! bench/compare.sh sets against OpenSSL. Through the key (the backend the build chose:
//! `rsa` crate, or AWS-LC with the `aws-lc` feature) and through the `rsa` crate directly.

mod common;

use common::*;
use criterion::{criterion_group, criterion_main, Criterion};
use paysign::digest;
use paysign::profile::Hash;
use std::hint::black_box;

fn rsa2048(c: &mut Criterion) {
    let mut g = c.benchmark_group("rsa2048");
    let msg = case("99bill.json", "99bill-rsa-sha256-request-10012140356-pfx")["expect_sign_string"]
        .as_str()
        .unwrap()
        .as_bytes()
        .to_vec();
    let private = kq_private();
    let public = kq_public();
    for (name, hash) in [("sha256", Hash::Sha256), ("sha1", Hash::Sha1)] {
        let sig = digest::rsa_sign_key(&private, hash, &msg).unwrap();
        g.bench_function(format!("sign {name}"), |b| {
            b.iter(|| digest::rsa_sign_key(&private, hash, black_box(&msg)).unwrap())
        });
        g.bench_function(format!("verify {name}"), |b| {
            b.iter(|| assert!(digest::rsa_verify_key(&public, hash, black_box(&msg), &sig)))
        });
        let (rk, rp) = (private.rsa_private().unwrap(), public.rsa_public_ref().unwrap());
        g.bench_function(format!("sign {name} (rsa crate)"), |b| {
            b.iter(|| digest::rsa_sign(rk, hash, black_box(&msg)).unwrap())
        });
        g.bench_function(format!("verify {name} (rsa crate)"), |b| {
            b.iter(|| assert!(digest::rsa_verify(rp, hash, black_box(&msg), &sig)))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = criterion();
    targets = rsa2048
}
criterion_main!(benches);
