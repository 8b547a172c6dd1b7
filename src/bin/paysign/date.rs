//! UTC dates from Unix seconds, without a date library.

/// `YYYY-MM-DD HH:MM:SS` in UTC.
pub fn utc(secs: i64) -> String {
    let (year, month, day) = civil(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        t / 3600,
        t % 3600 / 60,
        t % 60
    )
}

/// Seconds since the Unix epoch now (0 if the clock is before 1970).
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// (year, month 1-12, day 1-31) of a day counted from 1970-01-01.
fn civil(days: i64) -> (i64, u32, u32) {
    // The Gregorian calendar repeats every 400 years, which is exactly 146 097 days: jump
    // whole cycles first, then walk at most 400 years and 12 months.
    const CYCLE: i64 = 146_097;
    let mut year = 1970 + 400 * days.div_euclid(CYCLE);
    let mut left = days.rem_euclid(CYCLE);
    loop {
        let len = if is_leap(year) { 366 } else { 365 };
        if left < len {
            break;
        }
        left -= len;
        year += 1;
    }
    let february = if is_leap(year) { 29 } else { 28 };
    let lengths = [31, february, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut month = 1;
    for len in lengths {
        if left < len {
            break;
        }
        left -= len;
        month += 1;
    }
    (year, month, left as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::utc;

    #[test]
    fn known_dates() {
        assert_eq!(utc(0), "1970-01-01 00:00:00");
        assert_eq!(utc(-1), "1969-12-31 23:59:59");
        assert_eq!(utc(1_732_869_421), "2024-11-29 08:37:01");
        assert_eq!(utc(951_825_600), "2000-02-29 12:00:00");
        assert_eq!(utc(4_107_542_400), "2100-03-01 00:00:00");
        assert_eq!(utc(-2_203_891_201), "1900-02-28 23:59:59");
        assert_eq!(utc(253_402_300_799), "9999-12-31 23:59:59");
    }

    #[test]
    fn extremes_do_not_panic() {
        assert!(!utc(i64::MAX).is_empty());
        assert!(!utc(i64::MIN).is_empty());
    }
}
