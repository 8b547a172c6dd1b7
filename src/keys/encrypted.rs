//! Password-protected private keys other than PKCS#12:
//! - PKCS#8 `EncryptedPrivateKeyInfo` with PBES2 (through the `pkcs5` crate), PBES1
//!   (`pbeWithMD5AndDES-CBC`, `pbeWithSHA1AndDES-CBC`) and the PKCS#12 PBE schemes
//!   (`pbeWithSHAAnd3-KeyTripleDES-CBC`, `pbeWithSHAAnd2-KeyTripleDES-CBC`) that
//!   OpenSSL 1.0 and Java wrote by default;
//! - OpenSSL's traditional encrypted PEM (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: <cipher>,<iv>`,
//!   key from `EVP_BytesToKey` with MD5 and one iteration).

use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockCipherDecrypt, BlockModeDecrypt, KeyInit, KeyIvInit};
use der::Decode;
use md5::Md5;
use sha1::{Digest, Sha1};
use zeroize::Zeroizing;

use super::asn1;
use crate::error::{Error, Result};

/// Iteration counts above this are refused (a crafted file could otherwise stall the caller).
const MAX_ITERATIONS: u32 = 10_000_000;

pub(crate) fn need_password() -> Error {
    Error::key("key is encrypted: a password is needed")
}

pub(crate) fn wrong_password() -> Error {
    Error::key("wrong password for the encrypted private key (or corrupt data)")
}

fn malformed() -> Error {
    Error::key("encrypted private key (PKCS#8) is malformed")
}

/// Decrypts a PKCS#8 `EncryptedPrivateKeyInfo` (exact DER) to the DER of a `PrivateKeyInfo`.
pub(crate) fn decrypt_pkcs8(der: &[u8], password: Option<&str>) -> Result<Zeroizing<Vec<u8>>> {
    let top = asn1::read(der).ok_or_else(malformed)?;
    let parts = asn1::children(top.value);
    if parts.len() != 2 || parts[0].tag != asn1::SEQUENCE || parts[1].tag != asn1::OCTET_STRING {
        return Err(malformed());
    }
    let alg = spki::AlgorithmIdentifierRef::from_der(parts[0].raw).map_err(|_| malformed())?;
    let data = parts[1].value;
    let password = password.ok_or_else(need_password)?;
    let oid = alg.oid.to_string();
    let params = alg.parameters.map(|p| p.value());
    let plain = match oid.as_str() {
        // PBES2
        "1.2.840.113549.1.5.13" => {
            let scheme = pkcs8::pkcs5::EncryptionScheme::try_from(alg).map_err(|_| {
                Error::unsupported(
                    "the key's PBES2 encryption parameters name a cipher or hash this build does not support",
                )
            })?;
            check_pbes2_cost(&scheme)?;
            match scheme.decrypt(password, data) {
                Ok(p) => Zeroizing::new(p),
                Err(pkcs8::pkcs5::Error::DecryptFailed) => return Err(wrong_password()),
                Err(pkcs8::pkcs5::Error::UnsupportedAlgorithm { oid }) => {
                    return Err(Error::unsupported(format!(
                        "key encryption algorithm {oid} is not supported"
                    )))
                }
                Err(_) => return Err(malformed()),
            }
        }
        // PBES1: pbeWithMD5AndDES-CBC, pbeWithSHA1AndDES-CBC
        "1.2.840.113549.1.5.3" | "1.2.840.113549.1.5.10" => {
            let (salt, iterations) = salt_and_iterations(params)?;
            let dk = if oid.ends_with(".3") {
                pbkdf1::<Md5>(password.as_bytes(), salt, iterations)
            } else {
                pbkdf1::<Sha1>(password.as_bytes(), salt, iterations)
            };
            cbc_decrypt::<des::Des>(&dk[..8], &dk[8..16], data).ok_or_else(wrong_password)?
        }
        // PKCS#12 PBE: pbeWithSHAAnd3-KeyTripleDES-CBC, pbeWithSHAAnd2-KeyTripleDES-CBC
        "1.2.840.113549.1.12.1.3" | "1.2.840.113549.1.12.1.4" => {
            let (salt, iterations) = salt_and_iterations(params)?;
            let three_key = oid.ends_with(".3");
            let key = pkcs12_kdf(password, salt, 1, iterations, if three_key { 24 } else { 16 });
            let iv = pkcs12_kdf(password, salt, 2, iterations, 8);
            if three_key {
                cbc_decrypt::<des::TdesEde3>(&key, &iv, data)
            } else {
                cbc_decrypt::<des::TdesEde2>(&key, &iv, data)
            }
            .ok_or_else(wrong_password)?
        }
        other => {
            return Err(Error::unsupported(format!(
                "key encryption algorithm {} is not supported",
                encryption_name(other)
            )))
        }
    };
    // A wrong password can pass the padding check by chance; the result must parse.
    if pkcs8::PrivateKeyInfoRef::from_der(&plain).is_err() {
        return Err(wrong_password());
    }
    Ok(plain)
}

fn encryption_name(oid: &str) -> String {
    match oid {
        "1.2.840.113549.1.5.1" => "pbeWithMD2AndDES-CBC".into(),
        "1.2.840.113549.1.5.4" => "pbeWithMD2AndRC2-CBC".into(),
        "1.2.840.113549.1.5.6" => "pbeWithMD5AndRC2-CBC".into(),
        "1.2.840.113549.1.5.11" => "pbeWithSHA1AndRC2-CBC".into(),
        "1.2.840.113549.1.12.1.1" => "pbeWithSHAAnd128BitRC4".into(),
        "1.2.840.113549.1.12.1.2" => "pbeWithSHAAnd40BitRC4".into(),
        "1.2.840.113549.1.12.1.5" => "pbeWithSHAAnd128BitRC2-CBC".into(),
        "1.2.840.113549.1.12.1.6" => "pbeWithSHAAnd40BitRC2-CBC".into(),
        other => other.to_string(),
    }
}

/// scrypt memory (128 * r * N bytes) and work (that times p) above these are refused: a crafted
/// key file could otherwise stall the caller for hours, or make an allocation fail, which aborts
/// the host process (not a panic the C ABI could catch). OpenSSL's default is 16 MiB, p = 1.
const MAX_SCRYPT_MEMORY: u64 = 256 << 20;
const MAX_SCRYPT_WORK: u64 = 1 << 30;

/// The PBES2 key derivation's cost, checked before it runs: PBKDF2 iterations as PBES1's
/// ([`MAX_ITERATIONS`]), scrypt memory and work as above.
fn check_pbes2_cost(scheme: &pkcs8::pkcs5::EncryptionScheme) -> Result<()> {
    let Some(pbes2) = scheme.pbes2() else {
        return Ok(());
    };
    if let Some(k) = pbes2.kdf.pbkdf2() {
        if k.iteration_count > MAX_ITERATIONS {
            return Err(Error::key("encrypted key: iteration count too large"));
        }
    }
    if let Some(k) = pbes2.kdf.scrypt() {
        let memory = 128u64
            .saturating_mul(u64::from(k.block_size))
            .saturating_mul(k.cost_parameter);
        if memory > MAX_SCRYPT_MEMORY || memory.saturating_mul(u64::from(k.parallelization)) > MAX_SCRYPT_WORK {
            return Err(Error::key("encrypted key: scrypt cost too large"));
        }
    }
    Ok(())
}

/// `SEQUENCE { salt OCTET STRING, iterations INTEGER }`, the parameters of PBES1 and of the
/// PKCS#12 PBE schemes (`params` is the content of the SEQUENCE).
fn salt_and_iterations(params: Option<&[u8]>) -> Result<(&[u8], u32)> {
    let parts = asn1::children(params.ok_or_else(malformed)?);
    if parts.len() != 2 || parts[0].tag != asn1::OCTET_STRING || parts[1].tag != asn1::INTEGER {
        return Err(malformed());
    }
    let digits = parts[1].value;
    if digits.is_empty() || digits[0] & 0x80 != 0 {
        return Err(malformed());
    }
    let significant: &[u8] = {
        let start = digits.iter().position(|&b| b != 0).unwrap_or(digits.len());
        &digits[start..]
    };
    if significant.len() > 4 {
        return Err(Error::key("encrypted key: iteration count too large"));
    }
    let iterations = significant.iter().fold(0u32, |a, &b| (a << 8) | u32::from(b));
    if iterations == 0 {
        return Err(malformed());
    }
    if iterations > MAX_ITERATIONS {
        return Err(Error::key("encrypted key: iteration count too large"));
    }
    Ok((parts[0].value, iterations))
}

/// PBKDF1 (RFC 8018 §5.1) producing 16 bytes: DES key then IV.
fn pbkdf1<D: Digest>(password: &[u8], salt: &[u8], iterations: u32) -> Zeroizing<Vec<u8>> {
    let mut t = Zeroizing::new(D::new().chain_update(password).chain_update(salt).finalize().to_vec());
    for _ in 1..iterations {
        let next = D::digest(t.as_slice()).to_vec();
        *t = next;
    }
    t.truncate(16);
    t
}

/// The PKCS#12 key derivation (RFC 7292 appendix B.2) with SHA-1. `id` is 1 for a key,
/// 2 for an IV. The password is taken as a BMPString with its two-byte terminator.
pub(crate) fn pkcs12_kdf(password: &str, salt: &[u8], id: u8, iterations: u32, n: usize) -> Zeroizing<Vec<u8>> {
    const U: usize = 20;
    const V: usize = 64;
    let mut bmp: Zeroizing<Vec<u8>> = Zeroizing::new(Vec::with_capacity(password.len() * 2 + 2));
    for unit in password.encode_utf16() {
        bmp.extend_from_slice(&unit.to_be_bytes());
    }
    bmp.extend_from_slice(&[0, 0]);
    let fill = |src: &[u8]| -> Vec<u8> {
        if src.is_empty() {
            Vec::new()
        } else {
            let len = V * src.len().div_ceil(V);
            (0..len).map(|i| src[i % src.len()]).collect()
        }
    };
    let mut i_buf: Zeroizing<Vec<u8>> = Zeroizing::new(fill(salt));
    i_buf.extend_from_slice(&Zeroizing::new(fill(&bmp)));
    let d = [id; V];
    let mut out: Zeroizing<Vec<u8>> = Zeroizing::new(Vec::with_capacity(n + U));
    loop {
        let mut a = Zeroizing::new(
            Sha1::new()
                .chain_update(d)
                .chain_update(i_buf.as_slice())
                .finalize()
                .to_vec(),
        );
        for _ in 1..iterations {
            let next = Sha1::digest(a.as_slice()).to_vec();
            *a = next;
        }
        let take = (n - out.len()).min(U);
        out.extend_from_slice(&a[..take]);
        if out.len() >= n {
            break;
        }
        let b: Zeroizing<Vec<u8>> = Zeroizing::new((0..V).map(|k| a[k % U]).collect());
        for chunk in i_buf.chunks_mut(V) {
            let mut carry: u16 = 1;
            for k in (0..V).rev() {
                let s = u16::from(chunk[k]) + u16::from(b[k]) + carry;
                chunk[k] = (s & 0xff) as u8;
                carry = s >> 8;
            }
        }
    }
    out
}

/// CBC decryption with PKCS#7 padding; `None` when the key/IV length is wrong or the padding
/// is bad (which is what a wrong password usually gives).
fn cbc_decrypt<C>(key: &[u8], iv: &[u8], data: &[u8]) -> Option<Zeroizing<Vec<u8>>>
where
    C: BlockCipherDecrypt + KeyInit,
{
    let decryptor = cbc::Decryptor::<C>::new_from_slices(key, iv).ok()?;
    let mut buf = Zeroizing::new(data.to_vec());
    let len = decryptor.decrypt_padded::<Pkcs7>(&mut buf).ok()?.len();
    buf.truncate(len);
    Some(buf)
}

/// Decrypts the body of an OpenSSL traditional encrypted PEM block.
pub(crate) fn decrypt_pem(data: &[u8], dek_info: Option<&str>, password: Option<&str>) -> Result<Zeroizing<Vec<u8>>> {
    let dek_info = dek_info.ok_or_else(|| Error::key("encrypted PEM block has no DEK-Info header"))?;
    let (cipher, iv_hex) = dek_info
        .split_once(',')
        .ok_or_else(|| Error::key("encrypted PEM block has a malformed DEK-Info header"))?;
    let cipher = cipher.trim().to_ascii_uppercase();
    let iv = decode_hex(iv_hex.trim()).ok_or_else(|| Error::key("encrypted PEM block has a malformed DEK-Info IV"))?;
    let (key_len, iv_len) = match cipher.as_str() {
        "DES-CBC" => (8, 8),
        "DES-EDE-CBC" => (16, 8),
        "DES-EDE3-CBC" => (24, 8),
        "AES-128-CBC" => (16, 16),
        "AES-192-CBC" => (24, 16),
        "AES-256-CBC" => (32, 16),
        _ => {
            let shown = if cipher.len() <= 32 && cipher.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                cipher.clone()
            } else {
                "(unreadable)".to_string()
            };
            return Err(Error::unsupported(format!(
                "PEM encryption cipher {shown} is not supported"
            )));
        }
    };
    if iv.len() != iv_len {
        return Err(Error::key("encrypted PEM block has a DEK-Info IV of the wrong length"));
    }
    let password = password.ok_or_else(need_password)?;
    let key = evp_bytes_to_key(password.as_bytes(), &iv[..8], key_len);
    let plain = match cipher.as_str() {
        "DES-CBC" => cbc_decrypt::<des::Des>(&key, &iv, data),
        "DES-EDE-CBC" => cbc_decrypt::<des::TdesEde2>(&key, &iv, data),
        "DES-EDE3-CBC" => cbc_decrypt::<des::TdesEde3>(&key, &iv, data),
        "AES-128-CBC" => cbc_decrypt::<aes::Aes128>(&key, &iv, data),
        "AES-192-CBC" => cbc_decrypt::<aes::Aes192>(&key, &iv, data),
        _ => cbc_decrypt::<aes::Aes256>(&key, &iv, data),
    };
    plain.ok_or_else(wrong_password)
}

/// OpenSSL `EVP_BytesToKey` with MD5 and one iteration: D1 = MD5(P || S),
/// Di = MD5(Di-1 || P || S), concatenated.
fn evp_bytes_to_key(password: &[u8], salt: &[u8], len: usize) -> Zeroizing<Vec<u8>> {
    let mut out: Zeroizing<Vec<u8>> = Zeroizing::new(Vec::with_capacity(len + 16));
    let mut prev: Zeroizing<Vec<u8>> = Zeroizing::new(Vec::new());
    while out.len() < len {
        let d = Md5::new()
            .chain_update(prev.as_slice())
            .chain_update(password)
            .chain_update(salt)
            .finalize();
        *prev = d.to_vec();
        out.extend_from_slice(&prev);
    }
    out.truncate(len);
    out
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evp_bytes_to_key_md5() {
        // The first block is MD5(password || salt).
        let k = evp_bytes_to_key(b"pw", b"12345678", 32);
        let first = Md5::digest(b"pw12345678");
        assert_eq!(&k[..16], first.as_slice());
        let mut second_input = first.to_vec();
        second_input.extend_from_slice(b"pw12345678");
        assert_eq!(&k[16..], Md5::digest(&second_input).as_slice());
    }

    #[test]
    fn hex_iv() {
        assert_eq!(decode_hex("0aFf"), Some(vec![0x0a, 0xff]));
        assert_eq!(decode_hex("0a0"), None);
        assert_eq!(decode_hex("zz"), None);
    }

    #[test]
    fn iteration_parameters() {
        // SEQUENCE content: OCTET STRING(8) salt, INTEGER 2048
        let p = [4, 8, 1, 2, 3, 4, 5, 6, 7, 8, 2, 2, 8, 0];
        let (salt, it) = salt_and_iterations(Some(&p)).unwrap();
        assert_eq!((salt.len(), it), (8, 2048));
        let big = [4, 1, 0, 2, 5, 0, 1, 0, 0, 0];
        assert!(salt_and_iterations(Some(&big)).is_err());
    }
}
