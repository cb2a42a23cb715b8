//! Pattern recognizers for identifiers whose shape and checksum speak for
//! themselves: payment cards, IBANs, SSNs, NHS numbers, crypto wallets, MAC
//! addresses and Medicare MBIs. Numeric ones (cards, SSNs, NHS numbers) are checked
//! on the number runs the scan finds once (`numbers`); the others are a regex for
//! candidates plus a check that validates the candidate and scores it with its
//! context. Each regex runs only when a cheap byte test says it could match.
//!
//! Scores: a checksum-validated value with a distinctive shape scores high on its
//! own; a value whose shape is common (a bare 9- or 10-digit number) needs a context
//! word to pass the default minimum of 0.5.

use std::sync::Arc;

use regex::Regex;

use super::context::{evidence, ContextRule, Evidence};
use super::features::Feature;
use super::numbers::Sub;
use super::{compile, is_token, validate, BuildError, Detector, Finding};
use super::{Label, ScanInput};

/// Validates a candidate `[start, end)` of `text` and returns its score, or `None`
/// to reject it. May narrow the span (returns the new end).
type Check = fn(&ScanInput<'_>, usize, usize) -> Option<(usize, f32)>;

struct Recognizer {
    name: Arc<str>,
    label: Label,
    regex: Regex,
    /// Run the regex only on texts with this feature.
    gate: Feature,
    check: Check,
}

impl std::fmt::Debug for Recognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recognizer")
            .field("name", &self.name)
            .field("label", &self.label)
            .finish()
    }
}

/// The checksum/structure pattern recognizers, run as one detector.
#[derive(Debug)]
pub struct PatternDetector {
    recognizers: Vec<Recognizer>,
    name_card: Arc<str>,
    name_ssn: Arc<str>,
    name_nhs: Arc<str>,
    name_medicare_au: Arc<str>,
}

impl PatternDetector {
    pub fn new() -> Result<Self, BuildError> {
        let specs: &[(&str, Label, &str, Feature, Check)] = &[
            ("iban", Label::IbanCode, IBAN, Feature::IbanHead, check_iban),
            (
                "btc_base58",
                Label::Crypto,
                BTC_BASE58,
                Feature::LongAlnumRun,
                check_base58,
            ),
            (
                "btc_bech32",
                Label::Crypto,
                BTC_BECH32,
                Feature::Bech32Prefix,
                check_bech32,
            ),
            ("eth", Label::Crypto, ETH, Feature::HexPrefix, check_eth),
            (
                "mac",
                Label::MacAddress,
                MAC,
                Feature::HexPairSeparator,
                check_mac,
            ),
            (
                "mbi",
                Label::HealthPlanId,
                MBI,
                Feature::DigitLetter,
                check_mbi,
            ),
        ];
        let recognizers = specs
            .iter()
            .map(|&(name, label, pattern, gate, check)| {
                Ok(Recognizer {
                    name: Arc::from(format!("pattern:{name}")),
                    label,
                    regex: compile(name, pattern)?,
                    gate,
                    check,
                })
            })
            .collect::<Result<_, BuildError>>()?;
        Ok(PatternDetector {
            recognizers,
            name_card: Arc::from("pattern:credit_card"),
            name_ssn: Arc::from("pattern:us_ssn"),
            name_nhs: Arc::from("pattern:uk_nhs"),
            name_medicare_au: Arc::from("pattern:medicare_au"),
        })
    }

    fn push(out: &mut Vec<Finding>, sub: &Sub<'_>, label: Label, score: f32, name: &Arc<str>) {
        let (start, end) = sub.span();
        out.push(Finding {
            start,
            end,
            label,
            score,
            detector: name.clone(),
        });
    }
}

impl Detector for PatternDetector {
    fn name(&self) -> &str {
        "patterns"
    }

    fn detect(&self, input: &ScanInput<'_>, out: &mut Vec<Finding>) {
        let text = input.text();
        // Every number here has nine digits or more (SSN 9, NHS 10, cards 12+).
        let runs = if input.has(Feature::Digits9) {
            input.number_runs()
        } else {
            &[]
        };
        for run in runs {
            if run.groups.iter().map(|&(s, e)| e - s).sum::<usize>() < 9 {
                continue;
            }
            for sub in run.subs(5) {
                if sub.digit_count() < 9 || !sub.is_standalone(text) {
                    continue;
                }
                if let Some(score) = check_card(input, &sub) {
                    Self::push(out, &sub, Label::CreditCard, score, &self.name_card);
                }
                if let Some(score) = check_ssn(input, &sub) {
                    Self::push(out, &sub, Label::UsSsn, score, &self.name_ssn);
                }
                if let Some(score) = check_nhs(input, &sub) {
                    Self::push(out, &sub, Label::UkNhs, score, &self.name_nhs);
                }
                if let Some(score) = check_medicare_au(input, &sub) {
                    Self::push(
                        out,
                        &sub,
                        Label::HealthPlanId,
                        score,
                        &self.name_medicare_au,
                    );
                }
            }
        }
        for r in &self.recognizers {
            if !input.has(r.gate) {
                continue;
            }
            for m in r.regex.find_iter(text) {
                if let Some((end, score)) = (r.check)(input, m.start(), m.end()) {
                    out.push(Finding {
                        start: m.start(),
                        end,
                        label: r.label,
                        score,
                        detector: r.name.clone(),
                    });
                }
            }
        }
    }
}

/// Score from a base, raised by supporting context and lowered by contradicting context.
pub(crate) fn scored(base: f32, with_context: f32, ev: Evidence) -> f32 {
    match ev {
        Evidence::Supports => with_context,
        Evidence::Neutral => base,
        // Rounded so that 0.9 - 0.4 is 0.5, not 0.49999997.
        Evidence::Contradicts => ((base - 0.4).max(0.0) * 100.0).round() / 100.0,
    }
}

// ---------------------------------------------------------------- credit cards

static CARD_CONTEXT: ContextRule = ContextRule::new(
    &[
        "card",
        "credit",
        "debit",
        "visa",
        "mastercard",
        "amex",
        "cc",
        "pan",
        "charged",
    ],
    &[
        "isbn", "order", "tracking", "invoice", "ean", "sku", "account", "acct", "iban",
    ],
    40,
    10,
);

/// A card number: 12–19 digits in one group, or grouped the way cards are printed
/// (4-4-4-4[-3], 4-6-5, 4-6-4, fours with a short tail) with one kind of separator;
/// a known issuer range and a valid Luhn digit.
fn check_card(input: &ScanInput<'_>, sub: &Sub<'_>) -> Option<f32> {
    let digits = sub.digit_count();
    if !(12..=19).contains(&digits) || !matches!(sub.separator(), Some(None | Some(b' ' | b'-'))) {
        return None;
    }
    let mut lengths = [0usize; 5];
    for (slot, len) in lengths.iter_mut().zip(sub.group_lengths()) {
        *slot = len;
    }
    let printed = match (sub.len(), lengths) {
        (1, _) => true,
        (3, [4, 6, 4 | 5, ..]) => true,
        (5, [4, 4, 4, 4, 3]) => true,
        (4, [4, 4, 4, tail, _]) => (1..=4).contains(&tail),
        _ => false,
    };
    let (start, end) = sub.span();
    let text = input.text();
    if !printed || !validate::credit_card(&text[start..end]) {
        return None;
    }
    let ev = evidence(text, start, end, &CARD_CONTEXT);
    Some(scored(0.85, 1.0, ev))
}

// ---------------------------------------------------------------- IBAN

/// Upper case as printed, or lower case as some users type it ("ie07 bofi 9057 …");
/// a line break may stand for a group's space where a mail client wrapped the line
/// (the check digits make a wrong join fail).
const IBAN: &str = r"[A-Z]{2}\d{2}(?:(?:[ -]|\r?\n)?[A-Z0-9]{4}){2,8}(?:(?:[ -]|\r?\n)?[A-Z0-9]{1,3})?|[a-z]{2}\d{2}(?:(?:[ -]|\r?\n)?[a-z0-9]{4}){2,8}(?:(?:[ -]|\r?\n)?[a-z0-9]{1,3})?";

fn check_iban(input: &ScanInput<'_>, start: usize, end: usize) -> Option<(usize, f32)> {
    let text = input.text();
    let cand = &text[start..end];
    let expected = validate::iban_length(&cand[..2].to_ascii_uppercase())?;
    // Take exactly `expected` alphanumerics; the cut must fall at a group end, so
    // a word after a grouped IBAN ("… 8901 X in a sentence") is not swallowed.
    let mut taken = 0;
    let mut cut = None;
    for (i, c) in cand.char_indices() {
        if c.is_ascii_alphanumeric() {
            taken += 1;
            if taken == expected {
                cut = Some(i + 1);
                break;
            }
        }
    }
    let cut = cut?;
    let rest = &cand[cut..];
    if !(rest.is_empty() || rest.starts_with([' ', '-', '\n', '\r'])) {
        return None;
    }
    let new_end = start + cut;
    let iban = &text[start..new_end];
    if !is_token(text, start, new_end) || !validate::iban(&iban.to_ascii_uppercase()) {
        return None;
    }
    // Typed in lower case it is less certain to be an IBAN than one printed.
    let typed = iban.bytes().any(|c| c.is_ascii_lowercase());
    Some((new_end, if typed { 0.85 } else { 0.95 }))
}

// ---------------------------------------------------------------- US SSN

static SSN_CONTEXT: ContextRule = ContextRule::new(
    &[
        "ssn",
        "ss#",
        "ss #",
        "social security",
        "social sec",
        "soc sec",
        "soc. sec",
        // "my full social: …", "the social on her W-4": a valid SSN near it.
        "social",
        "taxpayer",
        "tin",
    ],
    &[
        "phone", "tel", "zip", "order", "invoice", "account", "acct", "routing", "passport",
        "license", "licence", "dl", "dln", "member", "mrn", "tracking", "ticket", "part", "serial",
        "sn", "model", "item", "sku", "catalog", "lot",
    ],
    40,
    10,
);

/// An SSN: 3-2-4 (dashes, spaces or dots), 3-6 or 5-4 with a dash, or 9 digits;
/// valid area, group and serial.
fn check_ssn(input: &ScanInput<'_>, sub: &Sub<'_>) -> Option<f32> {
    let sep = sub.separator()?;
    // 3-2-4 with dashes is the canonical, distinctive form; with spaces or dots it
    // is still the SSN's own grouping (phone numbers are not grouped that way); the
    // other forms are shared with ZIP+4 codes and plain 9-digit numbers.
    let (base, with_context) = if sub.shape_is(&[3, 2, 4]) && sep == Some(b'-') {
        (0.8, 1.0)
    } else if sub.shape_is(&[3, 2, 4]) && matches!(sep, Some(b' ' | b'.')) {
        (0.6, 0.95)
    } else if sub.shape_is(&[9])
        || ((sub.shape_is(&[3, 6]) || sub.shape_is(&[5, 4])) && sep == Some(b'-'))
    {
        (0.3, 0.9)
    } else {
        return None;
    };
    let (start, end) = sub.span();
    let text = input.text();
    if !validate::us_ssn(&text[start..end]) {
        return None;
    }
    // In a table, the column's header is the context ("ssn", "social_security_no").
    let ev = match input.column_header(start) {
        Some(h) if header_names_ssn(h) => Evidence::Supports,
        _ => match evidence(text, start, end, &SSN_CONTEXT) {
            Evidence::Neutral if ssn_named_after(text, end) => Evidence::Supports,
            ev => ev,
        },
    };
    Some(scored(base, with_context, ev))
}

/// Whether the few words after a number call it an SSN: "Is 001744549 a valid
/// SSN?", "123456789 is my social security number".
fn ssn_named_after(text: &str, end: usize) -> bool {
    const BETWEEN: &[&str] = &[
        "is", "was", "a", "an", "the", "my", "his", "her", "their", "your", "valid", "real",
        "correct", "proper", "genuine", "possible",
    ];
    let rest = &text[end..];
    let rest = &rest[..rest.find(['\n', '.', ';', '!']).unwrap_or(rest.len())];
    let mut words = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '?' | ':' | '(' | ')'))
        .filter(|w| !w.is_empty());
    for _ in 0..4 {
        let Some(word) = words.next() else {
            return false;
        };
        let lower = word.to_ascii_lowercase();
        if lower == "ssn" || lower == "social" {
            return true;
        }
        if !BETWEEN.contains(&lower.as_str()) {
            return false;
        }
    }
    false
}

/// Whether a column header names social security numbers.
fn header_names_ssn(header: &str) -> bool {
    super::tabular::header_words(header)
        .iter()
        .any(|w| matches!(w.as_str(), "ssn" | "ss" | "social" | "socsec"))
}

// ---------------------------------------------------------------- UK NHS

static NHS_CONTEXT: ContextRule = ContextRule::new(
    &[
        "nhs",
        "national health",
        "health service",
        "chi number",
        "patient",
    ],
    &[
        "phone", "tel", "mobile", "call", "fax", "order", "invoice", "account",
    ],
    // Wide: "NHS number A failed validation but B passed" names B's kind far back.
    80,
    10,
);

/// An NHS number: 3-3-4 (spaces or dashes) or 10 digits, mod-11 check digit.
fn check_nhs(input: &ScanInput<'_>, sub: &Sub<'_>) -> Option<f32> {
    let shape_ok = sub.shape_is(&[10])
        || (sub.shape_is(&[3, 3, 4]) && matches!(sub.separator(), Some(Some(b' ' | b'-'))));
    let (start, end) = sub.span();
    let text = input.text();
    if !shape_ok || !validate::nhs(&text[start..end]) {
        return None;
    }
    Some(scored(0.5, 1.0, evidence(text, start, end, &NHS_CONTEXT)))
}

// ---------------------------------------------------------------- Australian Medicare

static MEDICARE_AU_CONTEXT: ContextRule = ContextRule::new(
    &[
        "medicare",
        "medicare card",
        "medicare no",
        "medicare number",
    ],
    &[
        "phone", "tel", "mobile", "call", "fax", "order", "invoice", "account",
    ],
    40,
    10,
);

/// An Australian Medicare card number: ten digits printed 4-5-1 (the last is the
/// card's issue number), the first 2–6, the ninth a weighted check digit. A
/// health-plan identifier under the taxonomy; it needs the word "Medicare" near
/// it unless printed in its own grouping.
fn check_medicare_au(input: &ScanInput<'_>, sub: &Sub<'_>) -> Option<f32> {
    let grouped = sub.shape_is(&[4, 5, 1]) && sub.separator() == Some(Some(b' '));
    if !(grouped || sub.shape_is(&[10])) {
        return None;
    }
    let (start, end) = sub.span();
    let text = input.text();
    if !validate::medicare_au(&text[start..end]) {
        return None;
    }
    match evidence(text, start, end, &MEDICARE_AU_CONTEXT) {
        Evidence::Supports => Some(0.9),
        Evidence::Neutral if grouped => Some(0.6),
        _ => None,
    }
}

// ---------------------------------------------------------------- crypto

const BTC_BASE58: &str = r"[13mn2][1-9A-HJ-NP-Za-km-z]{25,34}";
const BTC_BECH32: &str = r"(?:bc1|tb1)[02-9ac-hj-np-z]{8,87}|(?:BC1|TB1)[02-9AC-HJ-NP-Z]{8,87}";
const ETH: &str = r"0x[0-9a-fA-F]{40}";

fn check_base58(input: &ScanInput<'_>, start: usize, end: usize) -> Option<(usize, f32)> {
    let text = input.text();
    (is_token(text, start, end) && validate::base58check(&text[start..end])).then_some((end, 1.0))
}

fn check_bech32(input: &ScanInput<'_>, start: usize, end: usize) -> Option<(usize, f32)> {
    let text = input.text();
    (is_token(text, start, end) && validate::bech32_address(&text[start..end]))
        .then_some((end, 1.0))
}

fn check_eth(input: &ScanInput<'_>, start: usize, end: usize) -> Option<(usize, f32)> {
    let text = input.text();
    let s = &text.as_bytes()[start + 2..end];
    // All-zero and all-same addresses are burn/placeholder addresses.
    let same = s.iter().all(|&c| c == s[0]);
    let valid = validate::eth_address(&text[start..end]);
    (is_token(text, start, end) && !same && valid).then_some((end, 0.95))
}

// ---------------------------------------------------------------- MAC

const MAC: &str = r"[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}";

fn check_mac(input: &ScanInput<'_>, start: usize, end: usize) -> Option<(usize, f32)> {
    let text = input.text();
    let b = text.as_bytes();
    // Not part of a longer colon/dash-separated run (IPv6, longer hex strings).
    let glued_before = start > 0 && matches!(b[start - 1], b':' | b'-' | b'.');
    let glued_after = end < b.len()
        && matches!(b[end], b':' | b'-')
        && b.get(end + 1).is_some_and(u8::is_ascii_hexdigit);
    if !is_token(text, start, end) || glued_before || glued_after {
        return None;
    }
    let hex: Vec<u8> = b[start..end]
        .iter()
        .filter(|c| c.is_ascii_hexdigit())
        .map(u8::to_ascii_lowercase)
        .collect();
    let all_zero = hex.iter().all(|&c| c == b'0');
    let broadcast = hex.iter().all(|&c| c == b'f');
    (!all_zero && !broadcast).then_some((end, 0.9))
}

// ---------------------------------------------------------------- Medicare MBI

const MBI: &str = r"(?i)[1-9][a-z][a-z0-9]\d-?[a-z][a-z0-9]\d-?[a-z]{2}\d{2}";

static MBI_CONTEXT: ContextRule = ContextRule::new(
    &[
        "medicare",
        "mbi",
        "beneficiary",
        "member",
        "cms",
        "health plan",
        "insurance",
    ],
    &[],
    40,
    10,
);

fn check_mbi(input: &ScanInput<'_>, start: usize, end: usize) -> Option<(usize, f32)> {
    let text = input.text();
    let s = &text[start..end];
    // Dashes, if any, in both places.
    let dashes = s.bytes().filter(|&c| c == b'-').count();
    if !is_token(text, start, end) || dashes == 1 || !validate::mbi(s) {
        return None;
    }
    let ev = evidence(text, start, end, &MBI_CONTEXT);
    Some((end, scored(0.7, 1.0, ev)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_ssns_with_a_social_cue_or_column() {
        let ssn = |v: &str| vec![(Label::UsSsn, v.to_string())];
        assert_eq!(
            found("I'm listing my full social anyway: 088715966."),
            ssn("088715966")
        );
        assert_eq!(found("and Soc. Sec. # 022948450 on file"), ssn("022948450"));
        assert_eq!(
            found("employee_id,name,ssn\nCX55600,Fatima Park,517580256\n"),
            ssn("517580256")
        );
        // Without a cue, nine digits are any number.
        assert!(found("confirmation 088715966 sent").is_empty());
    }

    fn found(text: &str) -> Vec<(Label, String)> {
        let d = PatternDetector::new().unwrap();
        let input = ScanInput::new(text);
        let mut out = Vec::new();
        d.detect(&input, &mut out);
        let mut v: Vec<_> = out
            .into_iter()
            .filter(|f| f.score >= 0.5)
            .map(|f| (f.label, text[f.start..f.end].to_string()))
            .collect();
        v.sort();
        v.dedup();
        v
    }

    fn has(text: &str, label: Label, value: &str) -> bool {
        found(text).contains(&(label, value.to_string()))
    }

    #[test]
    fn cards() {
        let t = "4012888888881881 4012-8888-8888-1881 4012 8888 8888 1881";
        let got = found(t);
        assert_eq!(
            got.iter().filter(|(l, _)| *l == Label::CreditCard).count(),
            3,
            "{got:?}"
        );
        assert!(has(
            "amex 3714 496353 98431 ok",
            Label::CreditCard,
            "3714 496353 98431"
        ));
        assert!(!has(
            "card 4012-8888-8888-1882",
            Label::CreditCard,
            "4012-8888-8888-1882"
        ));
        assert!(found("ISBN 9780306406157").is_empty());
        // glued to Japanese or a Korean particle, the number is still a token
        assert!(has(
            "カード番号4012888888881881です",
            Label::CreditCard,
            "4012888888881881"
        ));
        assert!(has(
            "카드 4012-8888-8888-1881로 결제",
            Label::CreditCard,
            "4012-8888-8888-1881"
        ));
    }

    #[test]
    fn ibans_are_cut_at_country_length() {
        let t = "this is an iban VG96 VPVG 0000 0123 4567 8901 X in a sentence";
        assert!(has(t, Label::IbanCode, "VG96 VPVG 0000 0123 4567 8901"));
        assert!(has(
            "IBAN: DE89370400440532013000.",
            Label::IbanCode,
            "DE89370400440532013000"
        ));
        assert!(found("DE89370400440532013001").is_empty());
        // wrapped by a mail client: the line break stands for a group's space
        assert!(has(
            "iban for the refund:\nDE89 3704 0044\n0532 0130 00\nthanks",
            Label::IbanCode,
            "DE89 3704 0044\n0532 0130 00"
        ));
        // ... but a code on the next line is no continuation of a complete IBAN
        assert!(has(
            "DE89 3704 0044 0532 0130 00\nABCD 1234",
            Label::IbanCode,
            "DE89 3704 0044 0532 0130 00"
        ));
        // Australian Medicare numbers: the check digit, the grouping or the word
        assert!(has(
            "Medicare 3147 21039 4. We have",
            Label::HealthPlanId,
            "3147 21039 4"
        ));
        assert!(has(
            "my medicare number is 2778740215",
            Label::HealthPlanId,
            "2778740215"
        ));
        assert!(found("Medicare 3147 21038 4").is_empty());
        assert!(found("ref 2778740215").is_empty());
        // typed in lower case, grouped or not; Iran's (شبا)
        assert!(has(
            "i typed ie07 bofi 9057 5007 1665 90 on the form",
            Label::IbanCode,
            "ie07 bofi 9057 5007 1665 90"
        ));
        assert!(has(
            "iban de89370400440532013000 ok",
            Label::IbanCode,
            "de89370400440532013000"
        ));
        assert!(has(
            "شبا IR600172178681143774781429 لطفا",
            Label::IbanCode,
            "IR600172178681143774781429"
        ));
        // mixed case is neither
        assert!(found("De89370400440532013000").is_empty());
    }

    #[test]
    fn ssn_needs_context_unless_canonical() {
        assert!(has("SSN 078-05-1123", Label::UsSsn, "078-05-1123"));
        assert!(has("id 078-05-1123", Label::UsSsn, "078-05-1123"));
        assert!(has("my ssn is 078051121", Label::UsSsn, "078051121"));
        assert!(!has("order 078051121", Label::UsSsn, "078051121"));
        // named a few words after it (challenge 9)
        assert!(has(
            "Is 001744549 a valid SSN? Our payroll",
            Label::UsSsn,
            "001744549"
        ));
        assert!(has(
            "078051121 is my social security number",
            Label::UsSsn,
            "078051121"
        ));
        assert!(!has(
            "Is 001744549 a valid order for the SSN team",
            Label::UsSsn,
            "001744549"
        ));
        // each key of a key=value line names its own value: "dl=" is no word
        // about the SSN before it, and outranks "ssn=" for the number after it
        let log = "kyc.match ssn=506618749 dl=553685187 dl_state=NY";
        assert!(has(log, Label::UsSsn, "506618749"));
        assert!(!has(log, Label::UsSsn, "553685187"));
        assert!(!has("SSN ***-**-1234", Label::UsSsn, "1234"));
        assert!(!has("SSN 666-05-1123", Label::UsSsn, "666-05-1123"));
        // regression: part, serial and model numbers shaped like SSNs
        assert!(!has("Part number 412-55-8890", Label::UsSsn, "412-55-8890"));
        assert!(!has("serial SN 512-44-9021", Label::UsSsn, "512-44-9021"));
    }

    #[test]
    fn nhs_checksum() {
        assert!(has("NHS no. 401 023 2137", Label::UkNhs, "401 023 2137"));
        assert!(!has("NHS no. 401 023 2138", Label::UkNhs, "401 023 2138"));
    }

    #[test]
    fn crypto_wallets() {
        assert!(has(
            "to 16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ",
            Label::Crypto,
            "16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ"
        ));
        assert!(found("16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ2").is_empty());
        assert!(has(
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            Label::Crypto,
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
        ));
        assert!(has(
            "ETH 0x52908400098527886E0F7030069857D2E4169EE7",
            Label::Crypto,
            "0x52908400098527886E0F7030069857D2E4169EE7"
        ));
        assert!(
            found("8f953371d3e85eddb89b05ed6b9e680791055315c73e1025ab5dba7bb2aee189").is_empty()
        );
    }

    #[test]
    fn mac_addresses() {
        assert!(has(
            "MAC 00:1A:2B:3C:4D:5E",
            Label::MacAddress,
            "00:1A:2B:3C:4D:5E"
        ));
        assert!(has(
            "Cisco 0012.3456.789A",
            Label::MacAddress,
            "0012.3456.789A"
        ));
        assert!(found("FF:FF:FF:FF:FF:FF").is_empty());
        assert!(found("10:2F:33-AC-29-C3").is_empty());
        assert!(found("00:1A:2B:3C:4D").is_empty());
        assert!(has(
            "Device MAC: AA:BB:CC:DD:EE:FF",
            Label::MacAddress,
            "AA:BB:CC:DD:EE:FF"
        ));
    }

    #[test]
    fn mbi() {
        assert!(has(
            "Medicare ID: 3CD5-FG7-HJ89",
            Label::HealthPlanId,
            "3CD5-FG7-HJ89"
        ));
        assert!(has("1eg4-te5-mk73", Label::HealthPlanId, "1eg4-te5-mk73"));
        assert!(found("1EG4-TE5MK73").is_empty());
        assert!(found("1SG4-TE5-MK73").is_empty());
    }
}
