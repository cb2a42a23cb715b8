//! Identifiers that only context can tell apart: US passport, driver's licence and
//! bank account numbers, medical record numbers, health-plan member/policy numbers.
//! "A1234567" is nothing on its own; after "DL#" it is a licence number, after
//! "MRN" a medical record number.
//!
//! One pass of an Aho-Corasick automaton finds every keyword (for every label, and
//! the contradicting ones such as "routing" or "order"); each ID-shaped token then
//! takes the label of the nearest keyword before it (within a short window), if the
//! token's shape fits that label. A table column header counts as a keyword.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use super::{compile, is_token, BuildError, Detector, Finding, Label, ScanInput};

/// What a keyword says about the token after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Is(Label),
    /// A keyword for something that is not personal (routing number, order id…).
    Not,
}

const KEYWORDS: &[(&str, Cue)] = &[
    // passport
    ("passport", Cue::Is(Label::UsPassport)),
    ("travel document", Cue::Is(Label::UsPassport)),
    // driver's licence
    ("driver's license", Cue::Is(Label::UsDriverLicense)),
    ("driver’s license", Cue::Is(Label::UsDriverLicense)),
    ("drivers license", Cue::Is(Label::UsDriverLicense)),
    ("driver license", Cue::Is(Label::UsDriverLicense)),
    ("driver's licence", Cue::Is(Label::UsDriverLicense)),
    ("driving licence", Cue::Is(Label::UsDriverLicense)),
    ("driving license", Cue::Is(Label::UsDriverLicense)),
    ("license", Cue::Is(Label::UsDriverLicense)),
    ("licence", Cue::Is(Label::UsDriverLicense)),
    ("dl", Cue::Is(Label::UsDriverLicense)),
    ("dl#", Cue::Is(Label::UsDriverLicense)),
    ("dln", Cue::Is(Label::UsDriverLicense)),
    ("dmv", Cue::Is(Label::UsDriverLicense)),
    // bank account
    ("account", Cue::Is(Label::UsBankNumber)),
    ("acct", Cue::Is(Label::UsBankNumber)),
    ("a/c", Cue::Is(Label::UsBankNumber)),
    ("checking", Cue::Is(Label::UsBankNumber)),
    ("savings", Cue::Is(Label::UsBankNumber)),
    ("bank", Cue::Is(Label::UsBankNumber)),
    // medical record
    ("mrn", Cue::Is(Label::MedicalRecordNumber)),
    ("medical record", Cue::Is(Label::MedicalRecordNumber)),
    ("med rec", Cue::Is(Label::MedicalRecordNumber)),
    ("chart", Cue::Is(Label::MedicalRecordNumber)),
    ("patient id", Cue::Is(Label::MedicalRecordNumber)),
    ("patient no", Cue::Is(Label::MedicalRecordNumber)),
    ("patient number", Cue::Is(Label::MedicalRecordNumber)),
    ("patient #", Cue::Is(Label::MedicalRecordNumber)),
    ("hospital number", Cue::Is(Label::MedicalRecordNumber)),
    ("hospital no", Cue::Is(Label::MedicalRecordNumber)),
    ("record number", Cue::Is(Label::MedicalRecordNumber)),
    ("record no", Cue::Is(Label::MedicalRecordNumber)),
    ("emr", Cue::Is(Label::MedicalRecordNumber)),
    // health plan
    ("member id", Cue::Is(Label::HealthPlanId)),
    ("member", Cue::Is(Label::HealthPlanId)),
    ("subscriber", Cue::Is(Label::HealthPlanId)),
    ("policy", Cue::Is(Label::HealthPlanId)),
    ("insurance", Cue::Is(Label::HealthPlanId)),
    ("insurer", Cue::Is(Label::HealthPlanId)),
    ("ins.", Cue::Is(Label::HealthPlanId)),
    ("health plan", Cue::Is(Label::HealthPlanId)),
    ("plan id", Cue::Is(Label::HealthPlanId)),
    ("medicaid", Cue::Is(Label::HealthPlanId)),
    ("medicare", Cue::Is(Label::HealthPlanId)),
    ("beneficiary", Cue::Is(Label::HealthPlanId)),
    ("group number", Cue::Is(Label::HealthPlanId)),
    // not personal
    ("routing", Cue::Not),
    ("aba", Cue::Not),
    ("rtn", Cue::Not),
    ("transit", Cue::Not),
    ("sort code", Cue::Not),
    ("swift", Cue::Not),
    ("bic", Cue::Not),
    ("iban", Cue::Not),
    ("order", Cue::Not),
    ("invoice", Cue::Not),
    ("ticket", Cue::Not),
    ("tracking", Cue::Not),
    ("shipment", Cue::Not),
    ("sku", Cue::Not),
    ("serial", Cue::Not),
    ("build", Cue::Not),
    ("version", Cue::Not),
    ("isbn", Cue::Not),
    ("booking", Cue::Not),
    ("flight", Cue::Not),
    ("ref", Cue::Not),
    ("reference", Cue::Not),
    ("case", Cue::Not),
    ("phone", Cue::Not),
    ("tel", Cue::Not),
    ("fax", Cue::Not),
    ("mobile", Cue::Not),
    ("ssn", Cue::Not),
    ("nhs", Cue::Not),
    ("card", Cue::Not),
    ("amount", Cue::Not),
];

/// How far before a token (in bytes, from the keyword's end) a keyword still applies.
const WINDOW_BYTES: usize = 32;

/// Tokens of letters, digits and inner dashes with at least four digits.
const TOKEN: &str = r"[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]";

/// Detector for context-dependent identifiers.
#[derive(Debug)]
pub struct ContextIdDetector {
    keywords: AhoCorasick,
    token: Regex,
    names: [Arc<str>; 5],
}

impl ContextIdDetector {
    pub fn new() -> Result<Self, BuildError> {
        let keywords = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(KEYWORDS.iter().map(|(k, _)| k))
            .map_err(|e| BuildError::Automaton {
                detector: "ids".into(),
                source: e,
            })?;
        Ok(ContextIdDetector {
            keywords,
            token: compile("ids", TOKEN)?,
            names: [
                Arc::from("context:us_passport"),
                Arc::from("context:us_driver_license"),
                Arc::from("context:us_bank_number"),
                Arc::from("context:medical_record_number"),
                Arc::from("context:health_plan_id"),
            ],
        })
    }

    fn name_for(&self, label: Label) -> Arc<str> {
        let i = match label {
            Label::UsPassport => 0,
            Label::UsDriverLicense => 1,
            Label::UsBankNumber => 2,
            Label::MedicalRecordNumber => 3,
            _ => 4,
        };
        self.names[i].clone()
    }
}

impl Detector for ContextIdDetector {
    fn name(&self) -> &str {
        "context_ids"
    }

    fn detect(&self, input: &ScanInput<'_>, out: &mut Vec<Finding>) {
        let text = input.text();
        let bytes = text.as_bytes();
        // (end of keyword, cue), sorted by end.
        let cues: Vec<(usize, Cue)> = self
            .keywords
            .find_iter(text)
            .filter(|m| keyword_bounded(bytes, m.start(), m.end()))
            .map(|m| (m.end(), KEYWORDS[m.pattern().as_usize()].1))
            .collect();
        // Without a cue word or a table header there is nothing to decide on.
        let any_cue = cues.iter().any(|(_, c)| matches!(c, Cue::Is(_)));
        let maybe_table = input.has(super::features::Feature::Newline)
            && input.has(super::features::Feature::TableDelimiter);
        if !any_cue && !maybe_table {
            return;
        }
        for m in self.token.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            let token = m.as_str();
            let digits = token.bytes().filter(u8::is_ascii_digit).count();
            // Washington licences (WDL + 9 alphanumerics) may hold only a couple of digits.
            let wa_licence = token.len() == 12 && token.starts_with("WDL");
            if (digits < 4 && !wa_licence)
                || token.len() > 24
                || !is_token(text, start, end)
                || looks_like_date(token)
            {
                continue;
            }
            let cue = nearest_cue(&cues, text, start).or_else(|| header_cue(input, start));
            let Some(Cue::Is(label)) = cue else {
                continue;
            };
            if !fits(label, token) {
                continue;
            }
            out.push(Finding {
                start,
                end,
                label,
                score: 0.85,
                detector: self.name_for(label),
            });
        }
    }
}

/// Keywords must be whole words ("bank" not in "embankment", "aba" not in "database").
fn keyword_bounded(b: &[u8], start: usize, end: usize) -> bool {
    let before = start == 0 || !b[start - 1].is_ascii_alphanumeric();
    let last_is_word = b[end - 1].is_ascii_alphanumeric();
    let after = end >= b.len() || !last_is_word || !b[end].is_ascii_alphabetic();
    before && after
}

/// The cue of the closest keyword ending before `start` within the window, with no
/// sentence end and at most one line break between them ("MRN:\n1234" yes).
fn nearest_cue(cues: &[(usize, Cue)], text: &str, start: usize) -> Option<Cue> {
    let i = cues.partition_point(|&(end, _)| end <= start);
    let &(end, cue) = cues[..i].last()?;
    if start - end > WINDOW_BYTES {
        return None;
    }
    let between = &text[end..start];
    (!between.contains(". ") && between.matches('\n').count() <= 1).then_some(cue)
}

fn header_cue(input: &ScanInput<'_>, pos: usize) -> Option<Cue> {
    let header = input.column_header(pos)?.to_ascii_lowercase();
    let h = header.as_str();
    let label = if h.contains("mrn") || h.contains("medical_record") || h.contains("chart") {
        Label::MedicalRecordNumber
    } else if h.contains("passport") {
        Label::UsPassport
    } else if h.contains("licen") || h == "dl" {
        Label::UsDriverLicense
    } else if h.contains("member") || h.contains("policy") || h.contains("insur") {
        Label::HealthPlanId
    } else if h.contains("account") || h.contains("acct") {
        Label::UsBankNumber
    } else {
        return None;
    };
    Some(Cue::Is(label))
}

fn looks_like_date(token: &str) -> bool {
    let parts: Vec<&str> = token.split('-').collect();
    if parts.len() != 3 || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let (a, b, c) = (parts[0].len(), parts[1].len(), parts[2].len());
    (a == 4 && b <= 2 && c <= 2) || (a <= 2 && b <= 2 && c == 4)
}

/// Whether a token has a shape that `label` uses.
fn fits(label: Label, token: &str) -> bool {
    let b = token.as_bytes();
    let all_digits = b.iter().all(u8::is_ascii_digit);
    let upper_then_digits = |min_letters: usize, max_letters: usize, min_d: usize, max_d: usize| {
        let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
        let rest = &b[letters..];
        (min_letters..=max_letters).contains(&letters)
            && (min_d..=max_d).contains(&rest.len())
            && rest.iter().all(u8::is_ascii_digit)
    };
    match label {
        // 9 digits, or one letter and 8 digits (next-generation books)
        Label::UsPassport => upper_then_digits(0, 0, 9, 9) || upper_then_digits(1, 2, 7, 8),
        Label::UsDriverLicense => {
            upper_then_digits(0, 3, 5, 14)
                || (b.len() == 12 && token.starts_with("WDL"))
                || (token.contains('-') && dashed_id(token, 6))
        }
        // 8–17 digits; a valid ABA routing number on its own is the bank's, not the person's
        Label::UsBankNumber => all_digits && (8..=17).contains(&b.len()),
        Label::MedicalRecordNumber => {
            upper_then_digits(0, 3, 5, 12) || (token.contains('-') && dashed_id(token, 5))
        }
        Label::HealthPlanId => {
            let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
            let upper_ok = b
                .iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'-');
            upper_ok && digits >= 6 && (6..=20).contains(&b.len())
        }
        _ => false,
    }
}

/// Dash-separated groups of upper-case letters and digits with enough digits.
fn dashed_id(token: &str, min_digits: usize) -> bool {
    let digits = token.bytes().filter(u8::is_ascii_digit).count();
    digits >= min_digits
        && token.split('-').all(|g| {
            !g.is_empty()
                && g.bytes()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Label, String)> {
        let d = ContextIdDetector::new().unwrap();
        let input = ScanInput::new(text);
        let mut out = Vec::new();
        d.detect(&input, &mut out);
        out.into_iter()
            .map(|f| (f.label, text[f.start..f.end].to_string()))
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, Option<(Label, &str)>)] = &[
            (
                "Passport No: 912803456",
                Some((Label::UsPassport, "912803456")),
            ),
            (
                "my travel document is A12803456",
                Some((Label::UsPassport, "A12803456")),
            ),
            (
                "Driver's license: D1234567 (CA)",
                Some((Label::UsDriverLicense, "D1234567")),
            ),
            (
                "DL# WDLABC123456 — state WA",
                Some((Label::UsDriverLicense, "WDLABC123456")),
            ),
            (
                "Hotel asks for ID: DL WDLJEZR56SOR, issued",
                Some((Label::UsDriverLicense, "WDLJEZR56SOR")),
            ),
            (
                "Member ID W481233522 — check",
                Some((Label::HealthPlanId, "W481233522")),
            ),
            (
                "DL 12-345-6789",
                Some((Label::UsDriverLicense, "12-345-6789")),
            ),
            (
                "(acct 12345678901) disputes",
                Some((Label::UsBankNumber, "12345678901")),
            ),
            (
                "MRN: 12345678   DOB: 01/02/1990",
                Some((Label::MedicalRecordNumber, "12345678")),
            ),
            (
                "Chart #1234-567 belongs",
                Some((Label::MedicalRecordNumber, "1234-567")),
            ),
            (
                "Member ID ABC123456789 — check",
                Some((Label::HealthPlanId, "ABC123456789")),
            ),
            (
                "insurer (policy W123456789) appeal",
                Some((Label::HealthPlanId, "W123456789")),
            ),
            ("Routing number on file 021000021.", None),
            (
                "account 12345678, routing 021000021",
                Some((Label::UsBankNumber, "12345678")),
            ),
            ("order 12345678", None),
            ("12345678", None),
            ("handle 12345678", None),
            ("license 2024-01-05", None),
        ];
        for (text, want) in cases {
            let got = found(text);
            match want {
                Some((label, value)) => assert!(
                    got.contains(&(*label, value.to_string())),
                    "{text}: {got:?}"
                ),
                None => assert!(got.is_empty(), "{text}: {got:?}"),
            }
        }
        // the routing number after the account number is not taken
        let got = found("account 12345678, routing 021000021");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn table_header_is_context() {
        let text =
            "patient_name,mrn,dob\nAnn Lee,12345678,01/02/1990\nBo Chan,87654321,03/04/1980\n";
        let got = found(text);
        assert!(
            got.contains(&(Label::MedicalRecordNumber, "12345678".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&(Label::MedicalRecordNumber, "87654321".into())),
            "{got:?}"
        );
    }
}
