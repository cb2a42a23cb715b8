//! Timestamps: milliseconds since the Unix epoch, written as RFC 3339 in UTC
//! with millisecond precision (`2025-11-24T02:50:00.123Z`).
//!
//! Calendar arithmetic is Howard Hinnant's `days_from_civil` / `civil_from_days`
//! (proleptic Gregorian, exact for every date this log can hold). Parsing accepts
//! any RFC 3339 offset; what the command line takes in addition (dates, `now`,
//! relative times such as `24h`) is in [`parse_time_arg`].

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch, now (0 if the clock is before 1970).
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// `(year, month, day)` of a day number (days since 1970-01-01).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Day number (days since 1970-01-01) of a civil date.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// RFC 3339, UTC, milliseconds: `2025-11-24T02:50:00.123Z`.
pub fn format_ms(ms: u64) -> String {
    let secs = ms / 1000;
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        (rem / 60) % 60,
        rem % 60,
        ms % 1000
    )
}

/// A cursor over ASCII digits and separators.
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn digits(&mut self, n: usize) -> Option<u32> {
        let s = self.b.get(self.i..self.i + n)?;
        let mut v = 0u32;
        for &c in s {
            if !c.is_ascii_digit() {
                return None;
            }
            v = v * 10 + u32::from(c - b'0');
        }
        self.i += n;
        Some(v)
    }

    fn byte(&mut self, allowed: &[u8]) -> Option<u8> {
        let c = *self.b.get(self.i)?;
        if allowed.contains(&c) {
            self.i += 1;
            Some(c)
        } else {
            None
        }
    }

    fn done(&self) -> bool {
        self.i == self.b.len()
    }
}

/// Parse `YYYY-MM-DD` into a day number.
fn parse_date(c: &mut Cursor<'_>) -> Option<i64> {
    let y = c.digits(4)?;
    c.byte(b"-")?;
    let m = c.digits(2)?;
    c.byte(b"-")?;
    let d = c.digits(2)?;
    let y = i64::from(y);
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Parse an RFC 3339 date-time (`2025-11-24T02:50:00Z`, `…00.5+01:00`) into
/// milliseconds since the epoch. `None` for anything else, including times
/// before 1970.
pub fn parse_rfc3339(s: &str) -> Option<u64> {
    let mut c = Cursor {
        b: s.as_bytes(),
        i: 0,
    };
    let days = parse_date(&mut c)?;
    c.byte(b"Tt ")?;
    let h = c.digits(2)?;
    c.byte(b":")?;
    let mi = c.digits(2)?;
    c.byte(b":")?;
    // A leap second (60) is read as 59.999: the log never needs to sort inside it.
    let sec = c.digits(2)?;
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut millis = 0u32;
    if c.byte(b".").is_some() {
        let start = c.i;
        let mut scale = 100;
        while let Some(dg) = c.digits(1) {
            millis += dg * scale;
            scale /= 10;
        }
        if c.i == start {
            return None;
        }
    }
    let (sec, millis) = if sec == 60 { (59, 999) } else { (sec, millis) };
    let offset_min: i64 = match c.byte(b"Zz+-")? {
        b'Z' | b'z' => 0,
        sign => {
            let oh = c.digits(2)?;
            c.byte(b":")?;
            let om = c.digits(2)?;
            if oh > 23 || om > 59 {
                return None;
            }
            let v = i64::from(oh * 60 + om);
            if sign == b'-' {
                -v
            } else {
                v
            }
        }
    };
    if !c.done() {
        return None;
    }
    let secs = days * 86_400 + i64::from(h * 3600 + mi * 60 + sec) - offset_min * 60;
    let ms = secs.checked_mul(1000)? + i64::from(millis);
    u64::try_from(ms).ok()
}

/// A time on the command line or in an admin query: RFC 3339, a date
/// (`2025-11-24`, midnight UTC), `now`, or a time before `now_ms`: a number and
/// a unit, `90s`, `30m`, `24h`, `7d`, `2w` (an optional `-` or ` ago` is
/// accepted: `-24h`, `24h ago`).
pub fn parse_time_arg(s: &str, now_ms: u64) -> Result<u64, String> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("now") {
        return Ok(now_ms);
    }
    if let Some(ms) = parse_rfc3339(t) {
        return Ok(ms);
    }
    let mut c = Cursor {
        b: t.as_bytes(),
        i: 0,
    };
    if let Some(days) = parse_date(&mut c) {
        if c.done() {
            return u64::try_from(days * 86_400_000).map_err(|_| format!("`{s}` is before 1970"));
        }
    }
    let rel = t.strip_prefix('-').unwrap_or(t);
    let rel = rel.strip_suffix("ago").unwrap_or(rel).trim_end();
    let digits = rel.bytes().take_while(u8::is_ascii_digit).count();
    let unit_ms: u64 = match rel[digits..].trim() {
        "ms" => 1,
        "s" | "sec" | "secs" => 1000,
        "m" | "min" | "mins" => 60_000,
        "h" | "hour" | "hours" => 3_600_000,
        "d" | "day" | "days" => 86_400_000,
        "w" | "week" | "weeks" => 604_800_000,
        _ => 0,
    };
    match rel[..digits].parse::<u64>() {
        Ok(n) if digits > 0 && unit_ms > 0 => Ok(now_ms.saturating_sub(n.saturating_mul(unit_ms))),
        _ => Err(format!(
            "`{s}` is not a time: use RFC 3339 (2025-11-24T09:00:00Z), a date (2025-11-24), \
             `now`, or a time ago such as 90s, 30m, 24h, 7d, 2w"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_known_instants() {
        for (ms, text) in [
            (0, "1970-01-01T00:00:00.000Z"),
            (951_782_400_000, "2000-02-29T00:00:00.000Z"),
            (1_763_952_600_123, "2025-11-24T02:50:00.123Z"),
            (4_102_444_799_999, "2099-12-31T23:59:59.999Z"),
        ] {
            assert_eq!(format_ms(ms), text);
            assert_eq!(parse_rfc3339(text), Some(ms), "{text}");
        }
        for day in [-1000i64, 0, 59, 365, 10_957, 20_000, 50_000] {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
    }

    #[test]
    fn parses_offsets_and_fractions() {
        let base = parse_rfc3339("2025-11-24T02:50:00Z").unwrap();
        for (text, want) in [
            ("2025-11-24T03:50:00+01:00", base),
            ("2025-11-23T21:50:00-05:00", base),
            ("2025-11-24t02:50:00.5z", base + 500),
            ("2025-11-24 02:50:00.123456789Z", base + 123),
            ("2016-12-31T23:59:60Z", 1_483_228_799_999),
        ] {
            assert_eq!(parse_rfc3339(text), Some(want), "{text}");
        }
        for bad in [
            "",
            "2025-11-24",
            "2025-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2025-11-24T24:00:00Z",
            "2025-11-24T02:50:00",
            "2025-11-24T02:50:00.Z",
            "2025-11-24T02:50:00Zjunk",
            "1969-12-31T23:59:59Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn command_line_times() {
        let now = 1_763_952_600_000;
        for (text, want) in [
            ("now", now),
            ("24h", now - 86_400_000),
            ("-30m", now - 1_800_000),
            ("7d ago", now - 7 * 86_400_000),
            ("2w", now - 14 * 86_400_000),
            ("90s", now - 90_000),
            ("2025-11-24", 1_763_942_400_000),
            ("2025-11-24T02:50:00Z", now),
        ] {
            assert_eq!(parse_time_arg(text, now), Ok(want), "{text}");
        }
        for bad in ["", "h", "24x", "yesterday", "2025-11-24T"] {
            assert!(parse_time_arg(bad, now).is_err(), "{bad:?}");
        }
    }
}
