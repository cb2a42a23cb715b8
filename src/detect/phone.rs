//! Telephone and fax numbers in international and national formats, with
//! extensions. A permissive regex proposes candidates; Google's libphonenumber
//! metadata (the `phonenumber` crate) decides whether a candidate is a valid number
//! of its country (international form) or of one of the regions we try (national
//! form).

use std::sync::Arc;

use phonenumber::country::Id;
use regex::Regex;

use super::context::{evidence, ContextRule};
use super::patterns::scored;
use super::{compile, is_number_token, BuildError, Detector, Finding, Label, ScanInput};

/// A country prefix or leading group, then up to eight more groups joined by at most
/// one separator (and optional spaces), then an optional extension.
const CANDIDATE: &str = r"(?:\+\s?\d{1,3}|00\d{1,3}|\(\+?\d{1,5}\)|\d{1,5})(?:\s?[.\-/]?\s?(?:\(0\)|\(\d{1,5}\)|\d{1,5})){1,8}(?:\s*(?:ext\.?|x|extension|#)\s*\d{1,6})?";

/// Regions tried, in order, for numbers written without a country code: the
/// locales our users write in most, then those whose formats Presidio's tests use.
const NATIONAL_REGIONS: &[Id] = &[
    Id::US,
    Id::GB,
    Id::DE,
    Id::FR,
    Id::ES,
    Id::IT,
    Id::NL,
    Id::BR,
    Id::IN,
    Id::CA,
    Id::AU,
    Id::IE,
    Id::BE,
    Id::CH,
    Id::AT,
    Id::PT,
    Id::PL,
    Id::SE,
    Id::MX,
    Id::IL,
    Id::JP,
    Id::CN,
];

const PHONE_CONTEXT: ContextRule = ContextRule {
    words: &[
        "phone", "tel", "telephone", "mobile", "mob", "cell", "call", "ring", "text", "sms",
        "whatsapp", "fax", "contact", "reach", "number", "ph", "dial", "callback", "telecom",
        "hotline",
    ],
    negative: &[
        "order", "invoice", "tracking", "account", "acct", "iban", "ssn", "nhs", "mrn",
        "passport", "license", "licence", "member", "policy", "routing", "isbn", "sku", "ean",
        "serial", "ticket", "case", "build", "version",
    ],
    before: 40,
    after: 5,
};

/// Phone number detector.
#[derive(Debug)]
pub struct PhoneDetector {
    candidate: Regex,
    name: Arc<str>,
}

impl PhoneDetector {
    pub fn new() -> Result<Self, BuildError> {
        Ok(PhoneDetector {
            candidate: compile("phone", CANDIDATE)?,
            name: Arc::from("pattern:phone"),
        })
    }
}

impl Detector for PhoneDetector {
    fn name(&self) -> &str {
        "phone"
    }

    fn detect(&self, input: &ScanInput<'_>, out: &mut Vec<Finding>) {
        let text = input.text();
        for m in self.candidate.find_iter(text) {
            let (start, end) = trim_candidate(text, m.start(), m.end());
            let cand = &text[start..end];
            let number_part = strip_extension(cand);
            let digits = number_part.bytes().filter(u8::is_ascii_digit).count();
            if !(7..=15).contains(&digits) || !is_number_token(text, start, end) {
                continue;
            }
            if looks_like_date_or_version(number_part) {
                continue;
            }
            let Some(kind) = classify(cand) else {
                continue;
            };
            let ev = evidence(text, start, end, &PHONE_CONTEXT);
            let score = match kind {
                Kind::International => scored(0.9, 1.0, ev),
                Kind::NationalFormatted => scored(0.7, 0.95, ev),
                Kind::NationalBare => scored(0.4, 0.85, ev),
            };
            out.push(Finding {
                start,
                end,
                label: Label::PhoneNumber,
                score,
                detector: self.name.clone(),
            });
        }
    }
}

enum Kind {
    /// With a `+` or `00` country code.
    International,
    /// National form with separators or parentheses.
    NationalFormatted,
    /// A bare run of digits, valid somewhere: needs context.
    NationalBare,
}

fn classify(cand: &str) -> Option<Kind> {
    let t = cand.trim_start();
    if let Some(rest) = t.strip_prefix("00") {
        if t.starts_with("00") && phonenumber::parse(None, format!("+{rest}")).is_ok_and(|n| n.is_valid()) {
            return Some(Kind::International);
        }
    }
    if t.starts_with('+') || t.starts_with("(+") {
        let valid = phonenumber::parse(None, t).is_ok_and(|n| n.is_valid());
        return valid.then_some(Kind::International);
    }
    let valid = NATIONAL_REGIONS
        .iter()
        .any(|&region| phonenumber::parse(Some(region), t).is_ok_and(|n| n.is_valid()));
    if !valid {
        return None;
    }
    let formatted = t.bytes().any(|b| matches!(b, b' ' | b'-' | b'.' | b'(' | b'/'));
    Some(if formatted {
        Kind::NationalFormatted
    } else {
        Kind::NationalBare
    })
}

/// Drop separators the regex may have taken at the ends.
fn trim_candidate(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    while end > start && matches!(b[end - 1], b' ' | b'.' | b'-' | b'/' | b'\t') {
        end -= 1;
    }
    // An unbalanced "(" at the start belongs to the prose: "(call 555…)".
    let opens = text[start..end].matches('(').count();
    let closes = text[start..end].matches(')').count();
    if opens > closes && b.get(start) == Some(&b'(') {
        start += 1;
    }
    while start < end && b[start] == b' ' {
        start += 1;
    }
    (start, end)
}

fn strip_extension(cand: &str) -> &str {
    let lower = cand.to_ascii_lowercase();
    for marker in ["ext", "x", "#"] {
        if let Some(i) = lower.rfind(marker) {
            if i > 0 && lower[i..].bytes().any(|b| b.is_ascii_digit()) {
                return &cand[..i];
            }
        }
    }
    cand
}

/// `12.03.2024`, `2024-03-12`, `05/09/25` or dotted versions with four or more parts.
fn looks_like_date_or_version(s: &str) -> bool {
    let s = s.trim();
    if s.starts_with('+') {
        return false;
    }
    let dots = s.matches('.').count();
    if dots >= 3 {
        return true;
    }
    for sep in ['.', '/', '-'] {
        let parts: Vec<&str> = s.split(sep).collect();
        if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
            let (a, b, c) = (parts[0].len(), parts[1].len(), parts[2].len());
            if (a <= 2 && b <= 2 && (c == 2 || c == 4)) || (a == 4 && b <= 2 && c <= 2) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let d = PhoneDetector::new().unwrap();
        let input = ScanInput::new(text);
        let mut out = Vec::new();
        d.detect(&input, &mut out);
        out.into_iter()
            .filter(|f| f.score >= 0.5)
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn formats() {
        let cases = [
            ("My US number is (415) 555-0132, ok", "(415) 555-0132"),
            ("intl +1 415 555 0132.", "+1 415 555 0132"),
            ("UK +44 (20) 7123 4567", "+44 (20) 7123 4567"),
            ("Brazil: +55 11 98456 5666", "+55 11 98456 5666"),
            ("call 0141 496 0018 today", "0141 496 0018"),
            ("Tel. +49 30 1234567", "+49 30 1234567"),
            ("+33 1 42 68 53 00", "+33 1 42 68 53 00"),
            ("ring me on +44(0)20 7946 0958", "+44(0)20 7946 0958"),
            ("phone 202-555-0173x1234", "202-555-0173x1234"),
            ("mobile 3331234567", "3331234567"),
        ];
        for (text, want) in cases {
            assert_eq!(found(text), vec![want.to_string()], "{text}");
        }
    }

    #[test]
    fn not_phones() {
        for text in [
            "Today is 12.03.2024",
            "build 10.0.19045.3803",
            "order 4155550132",
            "ISBN 978-3-16-148410-0",
            "12345",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
