//! A policy's own recognizers — regexes and dictionaries — as detectors the
//! engine runs beside the built-in ones.
//!
//! Every finding maps to a taxonomy [`Label`]; the taxonomy stays closed.
//! What a label cannot say (that a word is a *health* term, or that a number is a
//! *card verification code*) travels as a **category**, encoded in the finding's
//! detector name so that `Finding` and the engine need not change:
//!
//! ```text
//! policy:<category>:<id>     e.g. policy:gdpr:special:health:health-terms
//! policy:<id>                (no category)
//! ```
//!
//! Ids cannot contain `:`, so the category is everything between `policy:` and
//! the last `:`. Categories are hierarchical: a rule on `gdpr:special` covers
//! `gdpr:special:health`.
//!
//! Scoring: a match scores `score`; if the recognizer lists context words and
//! none is within [`CONTEXT_BEFORE`] bytes before or [`CONTEXT_AFTER`] bytes
//! after the match, it scores `score_without_context` instead (by default under
//! the minimum score, so the context is required).

use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use crate::detect::context::window;
use crate::detect::{validate, Detector, Finding, Label, ScanInput};

/// Bytes before a match searched for context words.
pub const CONTEXT_BEFORE: usize = 64;
/// Bytes after a match searched for context words.
pub const CONTEXT_AFTER: usize = 32;

/// Prefix of the detector names of policy recognizers.
pub const DETECTOR_PREFIX: &str = "policy:";

/// A checksum the match must pass.
pub type Validator = fn(&str) -> bool;

/// The validators a recognizer can name, from `detect::validate`.
pub const VALIDATORS: &[(&str, Validator)] = &[
    ("luhn", validate::luhn),
    ("credit_card", validate::credit_card),
    ("iban", validate::iban),
    ("nhs", validate::nhs),
    ("us_ssn", validate::us_ssn),
    ("aba_routing", validate::aba_routing),
    ("base58check", validate::base58check),
    ("bech32_address", validate::bech32_address),
    ("mbi", validate::mbi),
];

/// The detector name for recognizer `id` with an optional category.
pub fn detector_name(id: &str, category: Option<&str>) -> String {
    match category {
        Some(c) => format!("{DETECTOR_PREFIX}{c}:{id}"),
        None => format!("{DETECTOR_PREFIX}{id}"),
    }
}

/// The category of a finding, read from its detector name (`None` for built-in
/// detectors and uncategorized recognizers).
pub fn category_of(detector: &str) -> Option<&str> {
    detector
        .strip_prefix(DETECTOR_PREFIX)?
        .rsplit_once(':')
        .map(|(c, _)| c)
}

/// Whether a rule's category `rule` covers a finding's category `found`.
pub fn category_covers(rule: &str, found: &str) -> bool {
    found == rule
        || (found.len() > rule.len()
            && found.starts_with(rule)
            && found.as_bytes()[rule.len()] == b':')
}

/// What a recognizer matches.
#[derive(Debug)]
pub(crate) enum Matcher {
    /// A regex; `group` is the index of the `value` group, if any.
    Regex {
        regex: Regex,
        group: Option<usize>,
        validator: Option<Validator>,
    },
    /// Whole-word terms.
    Dictionary { automaton: AhoCorasick },
}

/// A compiled recognizer.
#[derive(Debug)]
pub struct Recognizer {
    pub(crate) id: Arc<str>,
    pub(crate) name: Arc<str>,
    pub(crate) label: Label,
    pub(crate) category: Option<Arc<str>>,
    pub(crate) matcher: Matcher,
    pub(crate) context: Option<AhoCorasick>,
    pub(crate) score: f32,
    pub(crate) score_without_context: f32,
}

impl Recognizer {
    /// The recognizer's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Its findings' label.
    pub fn label(&self) -> Label {
        self.label
    }

    /// Its category, if any.
    pub fn category(&self) -> Option<&str> {
        self.category.as_deref()
    }

    fn score_at(&self, text: &str, start: usize, end: usize) -> f32 {
        let Some(ac) = &self.context else {
            return self.score;
        };
        let (ws, we) = window(text, start, end, CONTEXT_BEFORE, CONTEXT_AFTER);
        let found = ac.find_overlapping_iter(&text[ws..we]).any(|m| {
            let (ms, me) = (ws + m.start(), ws + m.end());
            let outside = me <= start || ms >= end;
            outside && word_start(text, ms)
        });
        if found {
            self.score
        } else {
            self.score_without_context
        }
    }

    fn push(&self, text: &str, start: usize, end: usize, out: &mut Vec<Finding>) {
        if start >= end {
            return;
        }
        out.push(Finding {
            start,
            end,
            label: self.label,
            score: self.score_at(text, start, end),
            detector: self.name.clone(),
        });
    }
}

/// Build a case-insensitive automaton for context words.
pub(crate) fn context_automaton(words: &[String]) -> Result<Option<AhoCorasick>, String> {
    let words: Vec<&str> = words
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Ok(None);
    }
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(words)
        .map(Some)
        .map_err(|e| e.to_string())
}

/// Build the automaton for dictionary terms.
pub(crate) fn dictionary_automaton(
    terms: &[String],
    case_sensitive: bool,
) -> Result<AhoCorasick, String> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(!case_sensitive)
        .match_kind(MatchKind::Standard)
        .build(terms)
        .map_err(|e| e.to_string())
}

/// Whether a match starting at `at` starts a word (no letter or digit before it).
fn word_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Whether `[start, end)` is a whole word: a term edge that is a letter or digit
/// must not continue into a neighbouring letter or digit.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let span = &text[start..end];
    let first_alnum = span.chars().next().is_some_and(char::is_alphanumeric);
    let last_alnum = span.chars().next_back().is_some_and(char::is_alphanumeric);
    let before_ok = !first_alnum || word_start(text, start);
    let after_ok = !last_alnum
        || text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
    before_ok && after_ok
}

/// A [`Recognizer`] as an engine detector.
#[derive(Debug, Clone)]
pub struct RecognizerDetector(pub(crate) Arc<Recognizer>);

impl Detector for RecognizerDetector {
    fn name(&self) -> &str {
        &self.0.name
    }

    fn detect(&self, input: &ScanInput<'_>, out: &mut Vec<Finding>) {
        let r = &self.0;
        let text = input.text();
        match &r.matcher {
            Matcher::Regex {
                regex,
                group,
                validator,
            } => {
                for caps in regex.captures_iter(text) {
                    let m = match group {
                        Some(g) => caps.get(*g),
                        None => caps.get(0),
                    };
                    let Some(m) = m else { continue };
                    if validator.is_some_and(|v| !v(m.as_str())) {
                        continue;
                    }
                    r.push(text, m.start(), m.end(), out);
                }
            }
            Matcher::Dictionary { automaton } => {
                for m in automaton.find_overlapping_iter(text) {
                    if text.is_char_boundary(m.start())
                        && text.is_char_boundary(m.end())
                        && whole_word(text, m.start(), m.end())
                    {
                        r.push(text, m.start(), m.end(), out);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_round_trip() {
        let table = [
            ("x", None, None),
            (
                "terms",
                Some("gdpr:special:health"),
                Some("gdpr:special:health"),
            ),
            ("cvv", Some("pci"), Some("pci")),
        ];
        for (id, cat, want) in table {
            assert_eq!(category_of(&detector_name(id, cat)), want);
        }
        assert_eq!(category_of("pattern:email"), None);
        assert!(category_covers("gdpr:special", "gdpr:special:health"));
        assert!(category_covers("gdpr", "gdpr"));
        assert!(!category_covers("gdpr:spec", "gdpr:special"));
        assert!(!category_covers("gdpr:special:health", "gdpr:special"));
    }

    fn dict(terms: &[&str], context: &[&str]) -> RecognizerDetector {
        let terms: Vec<String> = terms.iter().map(|s| s.to_string()).collect();
        let context: Vec<String> = context.iter().map(|s| s.to_string()).collect();
        RecognizerDetector(Arc::new(Recognizer {
            id: Arc::from("d"),
            name: Arc::from(detector_name("d", Some("gdpr:special:health"))),
            label: Label::Nrp,
            category: Some(Arc::from("gdpr:special:health")),
            matcher: Matcher::Dictionary {
                automaton: dictionary_automaton(&terms, false).unwrap(),
            },
            context: context_automaton(&context).unwrap(),
            score: 0.85,
            score_without_context: 0.3,
        }))
    }

    fn spans(d: &RecognizerDetector, text: &str) -> Vec<(String, f32)> {
        let mut out = Vec::new();
        d.detect(&ScanInput::new(text), &mut out);
        out.iter()
            .map(|f| (text[f.start..f.end].to_string(), f.score))
            .collect()
    }

    #[test]
    fn dictionary_whole_words_case_insensitive() {
        let d = dict(&["diabetes", "HIV"], &[]);
        assert_eq!(
            spans(&d, "Has Diabetes and hiv."),
            [("Diabetes".to_string(), 0.85), ("hiv".to_string(), 0.85)]
        );
        assert!(spans(&d, "prediabetesX archive").is_empty());
    }

    #[test]
    fn context_changes_the_score() {
        let d = dict(&["catholic"], &["is a", "practising"]);
        assert_eq!(spans(&d, "she is practising Catholic")[0].1, 0.85);
        assert_eq!(spans(&d, "catholic university")[0].1, 0.3);
    }
}
