//! Big-endian DER INTEGER bytes as decimal text: the form in which Alipay (`app_cert_sn`) and
//! UnionPay (`certId`, `encryptCertId`) name a certificate's serial number.

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

#[cfg(test)]
mod tests {
    use super::decimal;

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
}
