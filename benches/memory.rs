//! Memory, measured rather than timed: the heap a `paysign_key` and a parsed notification keep
//! alive, through the C ABI the wrappers use. glibc's `mallinfo2` counts every live malloc'd
//! byte, Rust's and AWS-LC's alike (chunk headers included). `cargo bench --bench memory`;
//! docs/benchmarks.md has the numbers. The CLI's peak resident size is measured by
//! bench/memory.sh with `/usr/bin/time -v`.

mod common;

use common::*;
use paysign::ffi::info::paysign_status_name;
use paysign::ffi::keys::{paysign_key, paysign_key_free, paysign_key_load_file, paysign_key_secret};
use paysign::ffi::params::{paysign_params, paysign_params_free, paysign_params_parse};
use paysign::ffi::sign::{paysign_sign, paysign_verify_body};
use std::ffi::{c_char, CStr, CString};
use std::ptr::null_mut;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn heap_in_use() -> Option<usize> {
    #[repr(C)]
    struct Mallinfo2 {
        arena: usize,
        ordblks: usize,
        smblks: usize,
        hblks: usize,
        hblkhd: usize,
        usmblks: usize,
        fsmblks: usize,
        uordblks: usize,
        fordblks: usize,
        keepcost: usize,
    }
    extern "C" {
        fn mallinfo2() -> Mallinfo2;
    }
    // SAFETY: glibc >= 2.33; returns a struct by value and touches nothing of ours.
    let m = unsafe { mallinfo2() };
    Some(m.uordblks + m.hblkhd)
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn heap_in_use() -> Option<usize> {
    None
}

fn ok(status: paysign::error::paysign_status, what: &str) {
    if status as i32 != 0 {
        // SAFETY: returns a static string.
        let name = unsafe { CStr::from_ptr(paysign_status_name(status as i32)) };
        panic!("{what}: {name:?}");
    }
}

fn cstr(s: &str) -> CString {
    CString::new(s).unwrap()
}

fn key_file(name: &str, password: Option<&str>) -> *mut paysign_key {
    let path = cstr(vectors_dir().join("keys").join(name).to_str().unwrap());
    let password = password.map(cstr);
    let mut key = null_mut();
    // SAFETY: valid C strings and out pointer.
    ok(
        unsafe {
            paysign_key_load_file(
                path.as_ptr(),
                password.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
                &mut key,
            )
        },
        name,
    );
    key
}

fn sign_once(key: *const paysign_key) {
    let form = params_of(&case("99bill.json", "99bill-rsa-sha256-request-10012140356-pfx"))
        .encode(paysign::Format::Form, paysign::Charset::Utf8)
        .unwrap();
    let (profile, format) = (cstr("99bill.pay.request"), cstr("form"));
    let mut params = null_mut();
    let mut buf = [0 as c_char; 1024];
    let mut len = 0;
    // SAFETY: valid pointers, buffer and lengths; params freed once.
    unsafe {
        ok(
            paysign_params_parse(
                form.as_ptr(),
                form.len(),
                format.as_ptr(),
                std::ptr::null(),
                &mut params,
            ),
            "parse",
        );
        ok(
            paysign_sign(
                profile.as_ptr(),
                std::ptr::null(),
                params,
                key,
                buf.as_mut_ptr(),
                buf.len(),
                &mut len,
            ),
            "sign",
        );
        paysign_params_free(params);
    }
}

fn verify_body(profile: &str, body: &[u8], format: &str, key: *const paysign_key) -> *mut paysign_params {
    let (profile, format) = (cstr(profile), cstr(format));
    let mut out = null_mut();
    // SAFETY: valid pointers and lengths.
    ok(
        unsafe {
            paysign_verify_body(
                profile.as_ptr(),
                std::ptr::null(),
                body.as_ptr(),
                body.len(),
                format.as_ptr(),
                std::ptr::null(),
                key,
                &mut out,
            )
        },
        "verify_body",
    );
    out
}

fn paysign_key_free_now(key: *mut paysign_key) {
    // SAFETY: from paysign_key_*; freed once.
    unsafe { paysign_key_free(key) }
}

/// Heap kept alive by `f`'s result, in bytes.
fn kept<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = heap_in_use().unwrap_or(0);
    let r = f();
    (r, heap_in_use().unwrap_or(0).saturating_sub(before))
}

fn main() {
    // glibc's per-thread cache keeps freed chunks counted as in use: run without it.
    if std::env::var_os("GLIBC_TUNABLES").is_none() {
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args(std::env::args_os().skip(1))
            .env("GLIBC_TUNABLES", "glibc.malloc.tcache_count=0")
            .status()
            .unwrap();
        std::process::exit(status.code().unwrap_or(1));
    }
    if heap_in_use().is_none() {
        println!("memory: needs glibc (mallinfo2); skipped");
        return;
    }
    println!(
        "memory: RSA backend {}; size_of Key {} B, Params {} B",
        paysign::digest::RSA_BACKEND,
        std::mem::size_of::<paysign::Key>(),
        std::mem::size_of::<paysign::Params>()
    );
    // Process-wide state (thread-locals, the C backend's RNG and CPU tables) is made on first
    // use; use another key once so that only per-key memory is counted below.
    paysign_key_free_now(key_file("99bill_10012140356.pfx", Some("123456")));
    let warm = key_file("alipay_yansongda_app_private_pkcs1.pem", None);
    sign_once(warm);
    let _ = verify_body(
        "alipay.openapi.notify",
        &alipay_notify_body(),
        "form",
        key_file("alipay_yansongda_app_public.pem", None),
    );

    let (private, load) = kept(|| key_file("99bill_10012140356.pfx", Some("123456")));
    let ((), first_sign) = kept(|| sign_once(private));
    let ((), second_sign) = kept(|| sign_once(private));
    println!("paysign_key, RSA-2048 private key from the PFX (with its certificate's details): {load} B after load, +{first_sign} B after the first sign (backend key made once), +{second_sign} B after another");

    let (pem, load) = kept(|| key_file("99bill_10012140356.pem", None));
    let ((), first_sign) = kept(|| sign_once(pem));
    println!("paysign_key, the same key from PEM (PKCS#1): {load} B after load, +{first_sign} B after the first sign");

    let rsa_query = kq_rsa_notify_query();
    let (cert, load) = kept(|| key_file("99bill_10012140356_cert.pem", None));
    // SAFETY (both blocks): from verify_body, freed once.
    let ((), first_verify) =
        kept(|| unsafe { paysign_params_free(verify_body("99bill.pay.notify", &rsa_query, "form", cert)) });
    let parsed = verify_body("99bill.pay.notify", &rsa_query, "form", cert);
    let before = heap_in_use().unwrap();
    unsafe { paysign_params_free(parsed) };
    let notify_size = before - heap_in_use().unwrap();
    println!("paysign_key, RSA-2048 certificate: {load} B after load, +{first_verify} B after the first verify");
    println!(
        "parsed notification (paysign_params), 99bill RSA bgUrl query of {} bytes, 19 fields: {notify_size} B",
        rsa_query.len()
    );

    let wx = case("wechatpay.json", "wechat-notify-xml-md5-derived");
    let secret = cstr(wx["key"]["secret"].as_str().unwrap());
    let (wx_key, load) = kept(|| {
        let mut k = null_mut();
        // SAFETY: valid C string and out pointer.
        ok(unsafe { paysign_key_secret(secret.as_ptr(), &mut k) }, "secret");
        k
    });
    let body = wx["body"].as_str().unwrap().as_bytes();
    let parsed = verify_body("wechatpay.notify", body, "xml", wx_key);
    let before = heap_in_use().unwrap();
    // SAFETY: from verify_body.
    unsafe { paysign_params_free(parsed) };
    println!("paysign_key, secret: {load} B");
    println!(
        "parsed notification (paysign_params), WeChat XML of {} bytes, 17 fields: {} B",
        body.len(),
        before - heap_in_use().unwrap()
    );
    // SAFETY: from paysign_key_*; freed once.
    unsafe {
        paysign_key_free(private);
        paysign_key_free(pem);
        paysign_key_free(cert);
        paysign_key_free(wx_key);
        paysign_key_free(warm);
    }
}
