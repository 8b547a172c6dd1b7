//! Big-endian integer bytes and decimal text, both ways: the form in which Alipay
//! (`app_cert_sn`) and UnionPay (`certId`, `encryptCertId`) name a certificate's serial number,
//! and the decimal modulus and exponent of .NET's and Java's XML/text RSA public keys.

/// Big-endian integer bytes as decimal text; `negative` reads them as two's complement, as
/// Java's `BigInteger` does for a (non-conforming) negative serial.
pub(crate) fn decimal(bytes: &[u8], negative: bool) -> String {
    let mut mag: Vec<u8> = bytes.to_vec();
    if negative {
        // Two's complement magnitude: invert and add one.
        for b in mag.iter_mut() {
            *b = !*b;
        }
        for b in mag.iter_mut().rev() {
            let (v, carry) = b.overflowing_add(1);
            *b = v;
            if !carry {
                break;
            }
        }
    }
    let mut digits = Vec::new();
    let mut n: Vec<u8> = mag.into_iter().skip_while(|&b| b == 0).collect();
    while !n.is_empty() {
        let mut rem: u32 = 0;
        let mut next = Vec::with_capacity(n.len());
        for &b in &n {
            let cur = (rem << 8) | u32::from(b);
            let q = cur / 10;
            rem = cur % 10;
            if !(next.is_empty() && q == 0) {
                next.push(q as u8);
            }
        }
        digits.push(b'0' + rem as u8);
        n = next;
    }
    if digits.is_empty() {
        digits.push(b'0');
    }
    if negative {
        digits.push(b'-');
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

/// Converts a decimal number (ASCII digits only) to big-endian bytes without leading zeros
/// (empty for zero). `None` for an empty string, a non-digit, or more than 2500 digits
/// (about 8300 bits).
pub(crate) fn decimal_to_be_bytes(decimal: &str) -> Option<Vec<u8>> {
    if decimal.is_empty() || decimal.len() > 2500 {
        return None;
    }
    // Little-endian base-256 accumulator: value = value * 10 + digit.
    let mut le: Vec<u8> = Vec::with_capacity(decimal.len() / 2 + 1);
    for c in decimal.bytes() {
        if !c.is_ascii_digit() {
            return None;
        }
        let mut carry = u32::from(c - b'0');
        for byte in le.iter_mut() {
            let v = u32::from(*byte) * 10 + carry;
            *byte = (v & 0xff) as u8;
            carry = v >> 8;
        }
        while carry > 0 {
            le.push((carry & 0xff) as u8);
            carry >>= 8;
        }
    }
    while le.last() == Some(&0) {
        le.pop();
    }
    le.reverse();
    Some(le)
}

#[cfg(test)]
mod tests {
    use super::{decimal, decimal_to_be_bytes};

    #[test]
    fn decimal_of_serials() {
        assert_eq!(decimal(&[0], false), "0");
        assert_eq!(decimal(&[0x01, 0x00], false), "256");
        assert_eq!(decimal(&[0xFF], true), "-1");
        // iTrusChina Class 2 Root CA - G3 (Alipay root bundle), checked with Python int().
        let s = [
            0x10, 0xC7, 0x64, 0xE9, 0xD5, 0x60, 0x38, 0x42, 0x12, 0xD9, 0xC0, 0x8F, 0xD1, 0x0E, 0x37, 0x3F, 0xDD, 0x0F,
            0xB3, 0x96,
        ];
        assert_eq!(decimal(&s, false), "95790491425698859646659490580052089075020051350");
    }

    #[test]
    fn decimal_small_numbers() {
        assert_eq!(decimal_to_be_bytes("0"), Some(vec![]));
        assert_eq!(decimal_to_be_bytes("000"), Some(vec![]));
        assert_eq!(decimal_to_be_bytes("1"), Some(vec![1]));
        assert_eq!(decimal_to_be_bytes("255"), Some(vec![0xff]));
        assert_eq!(decimal_to_be_bytes("256"), Some(vec![1, 0]));
        assert_eq!(decimal_to_be_bytes("65537"), Some(vec![1, 0, 1]));
        assert_eq!(decimal_to_be_bytes("0065537"), Some(vec![1, 0, 1]));
        assert_eq!(decimal_to_be_bytes("18446744073709551615"), Some(vec![0xff; 8]));
        assert_eq!(
            decimal_to_be_bytes("18446744073709551616"),
            Some(vec![1, 0, 0, 0, 0, 0, 0, 0, 0])
        );
    }

    #[test]
    fn decimal_rejects_non_digits() {
        assert_eq!(decimal_to_be_bytes(""), None);
        assert_eq!(decimal_to_be_bytes("12a"), None);
        assert_eq!(decimal_to_be_bytes("-1"), None);
        assert_eq!(decimal_to_be_bytes(" 1"), None);
        assert_eq!(decimal_to_be_bytes(&"9".repeat(2501)), None);
    }

    #[test]
    fn decimal_matches_u128() {
        let mut x: u128 = 1;
        for i in 0..120u32 {
            x = x.wrapping_mul(3).wrapping_add(u128::from(i));
            let expected: Vec<u8> = x.to_be_bytes().iter().copied().skip_while(|&b| b == 0).collect();
            assert_eq!(decimal_to_be_bytes(&x.to_string()), Some(expected), "{x}");
        }
    }

    #[test]
    fn decimal_large_power_of_two() {
        // 2^1023: one 0x80 byte followed by 127 zero bytes.
        let two_1023 = "89884656743115795386465259539451236680898848947115328636715040578866337902750481566354238661203768010560056939935696678829394884407208311246423715319737062188883946712432742638151109800623047059726541476042502884419075341171231440736956555270413618581675255342293149119973622969239858152417678164812112068608";
        let mut expected = vec![0x80];
        expected.extend(std::iter::repeat_n(0u8, 127));
        assert_eq!(decimal_to_be_bytes(two_1023), Some(expected));
    }
}
