//! Phone-number validity from Google's libphonenumber metadata, fast.
//!
//! The `phonenumber` crate carries the metadata, but its `parse` + `is_valid` look
//! every pattern up in a mutex-guarded LRU cache keyed by the pattern text, about
//! 16 µs per call; a prompt can hold dozens of candidates and we try several
//! regions each. This module compiles each region's patterns once (lazily, on first
//! use) and answers the same question — does the national significant number match
//! one of the region's number types, with a possible length — in about a
//! microsecond.

use std::collections::HashMap;
use std::sync::OnceLock;

use phonenumber::metadata::{Descriptor, Metadata, DATABASE};
use regex::Regex;

/// The number types that identify a subscriber (not emergency or short codes).
const TYPES: &[phonenumber::Type] = &[
    phonenumber::Type::FixedLine,
    phonenumber::Type::Mobile,
    phonenumber::Type::TollFree,
    phonenumber::Type::PremiumRate,
    phonenumber::Type::SharedCost,
    phonenumber::Type::PersonalNumber,
    phonenumber::Type::Voip,
    phonenumber::Type::Pager,
    phonenumber::Type::Uan,
    phonenumber::Type::Voicemail,
];

struct Pattern {
    regex: Regex,
    lengths: Vec<u16>,
}

impl Pattern {
    fn new(d: &Descriptor, inherit: &[u16]) -> Option<Pattern> {
        // The metadata keeps the XML's indentation inside patterns.
        let source: String = d.national_number().as_str().split_whitespace().collect();
        let regex = Regex::new(&format!("^(?:{source})$")).ok()?;
        let lengths = if d.possible_length().is_empty() {
            inherit.to_vec()
        } else {
            d.possible_length().to_vec()
        };
        Some(Pattern { regex, lengths })
    }

    fn matches(&self, nsn: &str) -> bool {
        (self.lengths.is_empty() || self.lengths.contains(&(nsn.len() as u16)))
            && self.regex.is_match(nsn)
    }
}

/// One region's compiled rules.
struct Region {
    general: Option<Pattern>,
    types: Vec<Pattern>,
    national_prefix: Option<String>,
}

impl Region {
    fn compile(meta: &Metadata) -> Region {
        let d = meta.descriptors();
        let general_lengths = d.general().possible_length().to_vec();
        let types = TYPES
            .iter()
            .filter_map(|&t| d.get(t))
            .filter_map(|desc| Pattern::new(desc, &general_lengths))
            .collect();
        Region {
            general: Pattern::new(d.general(), &[]),
            types,
            national_prefix: meta.national_prefix().map(str::to_string),
        }
    }

    /// Whether `nsn` (national significant number, digits only) is a valid number.
    fn valid_nsn(&self, nsn: &str) -> bool {
        self.general.as_ref().is_some_and(|g| g.matches(nsn))
            && self.types.iter().any(|t| t.matches(nsn))
    }

    /// Whether `digits`, written nationally (maybe with the trunk prefix), is valid.
    fn valid_national(&self, digits: &str) -> bool {
        if let Some(rest) = self
            .national_prefix
            .as_deref()
            .and_then(|p| digits.strip_prefix(p))
        {
            if self.valid_nsn(rest) {
                return true;
            }
        }
        self.valid_nsn(digits)
    }
}

struct Entry {
    meta: &'static Metadata,
    compiled: OnceLock<Region>,
}

impl Entry {
    fn region(&self) -> &Region {
        self.compiled.get_or_init(|| Region::compile(self.meta))
    }
}

/// Validity checks over the whole libphonenumber metadata.
pub struct PhoneRules {
    by_id: HashMap<&'static str, Entry>,
    by_code: HashMap<u16, Vec<&'static str>>,
}

impl std::fmt::Debug for PhoneRules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PhoneRules")
            .field("regions", &self.by_id.len())
            .finish()
    }
}

impl PhoneRules {
    /// Index the metadata (regions are compiled on first use).
    pub fn new() -> PhoneRules {
        let mut by_id = HashMap::new();
        let mut by_code: HashMap<u16, Vec<&'static str>> = HashMap::new();
        for meta in DATABASE.iter() {
            let id: &'static str = meta.id();
            // Non-geographic entities ("001") share an id; keep the first per code.
            by_code.entry(meta.country_code()).or_default().push(id);
            by_id.entry(id).or_insert(Entry {
                meta,
                compiled: OnceLock::new(),
            });
        }
        // Main country first (e.g. US for +1), as libphonenumber does.
        for ids in by_code.values_mut() {
            ids.sort_by_key(|id| {
                let main = by_id
                    .get(id)
                    .is_some_and(|e: &Entry| e.meta.is_main_country_for_code());
                !main
            });
            ids.dedup();
        }
        PhoneRules { by_id, by_code }
    }

    /// Whether `digits` (no `+`, country code first) is a valid international number.
    pub fn valid_international(&self, digits: &str) -> bool {
        (1..=3).any(|cc_len| {
            let Some(code) = digits.get(..cc_len).and_then(|c| c.parse::<u16>().ok()) else {
                return false;
            };
            let nsn = &digits[cc_len..];
            self.by_code.get(&code).is_some_and(|ids| {
                ids.iter()
                    .filter_map(|id| self.by_id.get(id))
                    .any(|e| e.region().valid_national(nsn))
            })
        })
    }

    /// Whether `digits` (no `+`) start with a country calling code in use and
    /// have a national number of a length numbers have somewhere (6–12 digits).
    pub fn plausible_international(&self, digits: &str) -> bool {
        (1..=3).any(|cc_len| {
            let code = digits.get(..cc_len).and_then(|c| c.parse::<u16>().ok());
            code.is_some_and(|code| self.by_code.contains_key(&code))
                && (6..=12).contains(&(digits.len() - cc_len))
        })
    }

    /// Whether `id` is a region of the metadata (ISO 3166 alpha-2: "GB", "CN").
    pub fn is_region(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    /// Whether `digits` is a valid number of `region` written in national form.
    pub fn valid_national(&self, region: &str, digits: &str) -> bool {
        self.by_id
            .get(region)
            .is_some_and(|e| e.region().valid_national(digits))
    }
}

impl Default for PhoneRules {
    fn default() -> Self {
        PhoneRules::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_libphonenumber() {
        let rules = PhoneRules::new();
        for (region, number) in [
            ("GB", "02079460958"),
            ("FR", "0142685300"),
            ("DE", "030123456"),
            ("IT", "0458250937"),
            ("IT", "3331234567"),
            ("BR", "11984565666"),
            ("IN", "9876543210"),
            ("US", "4155550132"),
            ("IL", "097625400"),
            ("JP", "09012345678"),
        ] {
            let expected =
                phonenumber::parse(region.parse().ok(), number).is_ok_and(|n| n.is_valid());
            assert_eq!(
                rules.valid_national(region, number),
                expected,
                "{region} {number}"
            );
            assert!(expected, "{region} {number} should be valid");
        }
        assert!(!rules.valid_national("FR", "0042685300"));
        assert!(!rules.valid_national("GB", "12345"));
    }

    #[test]
    fn international() {
        let rules = PhoneRules::new();
        for n in [
            "14155550132",
            "442079460958",
            "5511984565666",
            "4930123456",
            "31785247840",
            "302101234567",
        ] {
            assert!(rules.valid_international(n), "{n}");
        }
        for n in ["999123456789", "44123", "1011555"] {
            assert!(!rules.valid_international(n), "{n}");
        }
    }
}
