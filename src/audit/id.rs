//! Record ids: ULIDs (48-bit millisecond time, 80 random bits, 26 characters of
//! Crockford base32), so ids sort by time as text and as bytes. The writer
//! hands them out monotonically: within one millisecond, or if the clock steps
//! back, the next id is the previous one plus one.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A time-sortable record id (ULID).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId(u128);

impl RecordId {
    /// The id of `ms` milliseconds since the epoch and 80 random bits.
    pub fn from_parts(ms: u64, random: u128) -> RecordId {
        RecordId((u128::from(ms & 0xFFFF_FFFF_FFFF) << 80) | (random & ((1u128 << 80) - 1)))
    }

    /// Milliseconds since the epoch when the id was made.
    pub fn timestamp_ms(self) -> u64 {
        (self.0 >> 80) as u64
    }

    /// The 16 big-endian bytes (sort like the text).
    pub fn to_bytes(self) -> [u8; 16] {
        self.0.to_be_bytes()
    }

    /// From [`RecordId::to_bytes`].
    pub fn from_bytes(b: [u8; 16]) -> RecordId {
        RecordId(u128::from_be_bytes(b))
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = [0u8; 26];
        for (i, c) in out.iter_mut().enumerate() {
            let shift = 5 * (25 - i);
            *c = ALPHABET[((self.0 >> shift) & 31) as usize];
        }
        // The alphabet is ASCII, so this is valid UTF-8.
        f.write_str(std::str::from_utf8(&out).map_err(|_| fmt::Error)?)
    }
}

impl fmt::Debug for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RecordId({self})")
    }
}

/// Text that is not a ULID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a record id (26 characters of Crockford base32)")]
pub struct BadRecordId(pub String);

impl FromStr for RecordId {
    type Err = BadRecordId;

    fn from_str(s: &str) -> Result<RecordId, BadRecordId> {
        let bad = || BadRecordId(s.chars().take(40).collect());
        if s.len() != 26 {
            return Err(bad());
        }
        let mut v: u128 = 0;
        for (i, c) in s.bytes().enumerate() {
            let c = match c.to_ascii_uppercase() {
                b'O' => b'0',
                b'I' | b'L' => b'1',
                c => c,
            };
            let d = ALPHABET.iter().position(|&a| a == c).ok_or_else(bad)? as u128;
            // The first character carries only 3 bits (26 × 5 = 130).
            if i == 0 && d > 7 {
                return Err(bad());
            }
            v = (v << 5) | d;
        }
        Ok(RecordId(v))
    }
}

impl Serialize for RecordId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RecordId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RecordId, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Monotonic id generator (one per writer).
#[derive(Debug, Default)]
pub(crate) struct IdGen {
    last: u128,
}

impl IdGen {
    /// Continue after `last` (the newest id in the log).
    pub(crate) fn after(last: Option<RecordId>) -> IdGen {
        IdGen {
            last: last.map_or(0, |r| r.0),
        }
    }

    /// The next id at `now_ms`: strictly greater than every id before it.
    pub(crate) fn next(&mut self, now_ms: u64, random: u128) -> RecordId {
        let fresh = RecordId::from_parts(now_ms, random).0;
        let last_ms = (self.last >> 80) as u64;
        self.last = if now_ms > last_ms {
            fresh
        } else {
            self.last.saturating_add(1)
        };
        RecordId(self.last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trip_and_order() {
        let a = RecordId::from_parts(1_763_952_600_123, 42);
        let s = a.to_string();
        assert_eq!(s.len(), 26);
        assert_eq!(s.parse::<RecordId>(), Ok(a));
        assert_eq!(s.to_lowercase().parse::<RecordId>(), Ok(a));
        assert_eq!(a.timestamp_ms(), 1_763_952_600_123);
        let b = RecordId::from_parts(1_763_952_600_124, 0);
        assert!(a < b && a.to_string() < b.to_string());
        assert_eq!(RecordId::from_bytes(a.to_bytes()), a);
        // The reference example of the ULID spec.
        assert_eq!(
            "01ARZ3NDEKTSV4RRFFQ69G5FAV"
                .parse::<RecordId>()
                .unwrap()
                .timestamp_ms(),
            1_469_922_850_259
        );
        for bad in [
            "",
            "8ZZZZZZZZZZZZZZZZZZZZZZZZZ",
            "01ARZ3NDEKTSV4RRFFQ69G5FA!",
        ] {
            assert!(bad.parse::<RecordId>().is_err(), "{bad}");
        }
    }

    #[test]
    fn generator_is_strictly_monotonic() {
        let mut g = IdGen::default();
        let a = g.next(1000, 5);
        let b = g.next(1000, 1);
        let c = g.next(999, 0);
        let d = g.next(1001, 0);
        assert!(a < b && b < c && c < d, "{a} {b} {c} {d}");
        assert_eq!(d.timestamp_ms(), 1001);
    }
}
