//! PII detection: the engine every other part of scrim stands on.
//!
//! ```text
//! original text ─▶ normalize (decode escapes, strip invisibles, NFKC; offset map)
//!               ─▶ every detector over the normalized text ─▶ raw findings
//!               ─▶ drop findings under their label's minimum score
//!               ─▶ merge (disjoint, sorted; see `merge`) ─▶ map spans back to original bytes
//! ```
//!
//! Findings are byte spans into the original UTF-8 text, always on character
//! boundaries. Detectors are compiled once ([`Engine::builtin`]) and shared across
//! threads; scanning is a pure function of the text.

pub mod columns;
pub mod context;
pub mod features;
pub mod label;
pub mod merge;
pub mod ner;
pub mod normalize;
pub mod pipeline;
pub mod tabular;
pub mod validate;

mod dates;
mod email;
mod ids;
mod network;
pub mod numbers;
mod patterns;
mod phone;
mod phone_meta;
mod secrets;
mod words;

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

pub use label::Label;
pub use normalize::Normalized;

/// One detected piece of personal data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Byte offset of the first byte (inclusive).
    pub start: usize,
    /// Byte offset after the last byte (exclusive).
    pub end: usize,
    /// Taxonomy label.
    pub label: Label,
    /// Confidence in [0, 1].
    pub score: f32,
    /// Name of the detector that found it.
    pub detector: Arc<str>,
}

impl Finding {
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty (never true for emitted findings).
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether two findings share at least one byte.
    pub fn overlaps(&self, other: &Finding) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What a detector sees: the normalized text plus shared, lazily built facts
/// about it (table layout), so that detectors do not each recompute them.
#[derive(Debug)]
pub struct ScanInput<'t> {
    text: &'t str,
    features: features::Features,
    tables: std::sync::OnceLock<tabular::Tables>,
    runs: std::sync::OnceLock<Vec<numbers::Run>>,
    lower: std::sync::OnceLock<String>,
}

impl<'t> ScanInput<'t> {
    /// Wrap a (normalized) text.
    pub fn new(text: &'t str) -> Self {
        ScanInput {
            text,
            features: features::Features::of(text),
            tables: std::sync::OnceLock::new(),
            runs: std::sync::OnceLock::new(),
            lower: std::sync::OnceLock::new(),
        }
    }

    /// The text to scan.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Whether the text has `f` (see `features`): the gate in front of a regex.
    pub fn has(&self, f: features::Feature) -> bool {
        self.features.has(f)
    }

    /// The text with ASCII letters lowercased (same length, same offsets), made
    /// once: case-insensitive keyword tests on it need no case folding.
    pub fn lowercase(&self) -> &str {
        self.lower.get_or_init(|| self.text.to_ascii_lowercase())
    }

    /// The runs of digit groups in the text (see `numbers`), found once.
    pub fn number_runs(&self) -> &[numbers::Run] {
        self.runs.get_or_init(|| numbers::find_runs(self.text))
    }

    /// The header of the table column `pos` sits in, if `pos` is inside a
    /// delimited table (CSV, TSV, `|` tables) with a header line.
    pub fn column_header(&self, pos: usize) -> Option<&'t str> {
        if !self.has_tables() {
            return None;
        }
        self.tables
            .get_or_init(|| tabular::Tables::find(self.text))
            .header_for(self.text, pos)
    }

    /// Whether the text holds a delimited table with a header line. Checked first
    /// on the one-pass features: a table needs line breaks and delimiters.
    pub fn has_tables(&self) -> bool {
        self.has(features::Feature::Newline)
            && self.has(features::Feature::TableDelimiter)
            && !self
                .tables
                .get_or_init(|| tabular::Tables::find(self.text))
                .is_empty()
    }
}

/// A detector: finds candidate spans of one or more labels.
pub trait Detector: Send + Sync + fmt::Debug {
    /// Stable name, reported with each finding.
    fn name(&self) -> &str;
    /// Append findings for `input` to `out` (byte offsets into `input.text()`).
    fn detect(&self, input: &ScanInput<'_>, out: &mut Vec<Finding>);
}

/// Error building the detector set.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A pattern failed to compile.
    #[error("detector `{detector}`: invalid pattern: {source}")]
    Pattern {
        /// Detector name.
        detector: String,
        /// Regex error.
        #[source]
        source: Box<regex::Error>,
    },
    /// A keyword automaton failed to build.
    #[error("detector `{detector}`: invalid keyword list: {source}")]
    Automaton {
        /// Detector name.
        detector: String,
        /// Automaton error.
        #[source]
        source: aho_corasick::BuildError,
    },
}

/// Compile a regex, attributing a failure to its detector.
pub(crate) fn compile(detector: &str, pattern: &str) -> Result<regex::Regex, BuildError> {
    regex::Regex::new(pattern).map_err(|e| BuildError::Pattern {
        detector: detector.to_string(),
        source: Box::new(e),
    })
}

/// Minimum score a finding of each label needs to be reported.
#[derive(Debug, Clone)]
pub struct Thresholds([f32; Label::COUNT]);

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds([0.5; Label::COUNT])
    }
}

impl Thresholds {
    /// The minimum score for `label`.
    pub fn get(&self, label: Label) -> f32 {
        self.0[label.index()]
    }

    /// Set the minimum score for `label`.
    pub fn set(&mut self, label: Label, min_score: f32) {
        self.0[label.index()] = min_score;
    }
}

/// A compiled, immutable set of detectors. Cheap to share (`Arc<Engine>`).
#[derive(Debug)]
pub struct Engine {
    detectors: Vec<Box<dyn Detector>>,
    thresholds: Thresholds,
}

impl Engine {
    /// The built-in pattern detectors (everything but the language model).
    pub fn builtin() -> Result<Engine, BuildError> {
        Ok(Engine {
            detectors: builtin_detectors()?,
            thresholds: Thresholds::default(),
        })
    }

    /// An engine from an explicit detector list.
    pub fn with_detectors(detectors: Vec<Box<dyn Detector>>, thresholds: Thresholds) -> Engine {
        Engine {
            detectors,
            thresholds,
        }
    }

    /// Add a detector (e.g. a policy's custom recognizer or the NER model).
    pub fn push(&mut self, detector: Box<dyn Detector>) {
        self.detectors.push(detector);
    }

    /// The per-label minimum scores.
    pub fn thresholds(&self) -> &Thresholds {
        &self.thresholds
    }

    /// Replace the per-label minimum scores.
    pub fn set_thresholds(&mut self, thresholds: Thresholds) {
        self.thresholds = thresholds;
    }

    /// Names of the detectors, in order.
    pub fn detector_names(&self) -> Vec<&str> {
        self.detectors.iter().map(|d| d.name()).collect()
    }

    /// Scan `text`: merged, disjoint findings sorted by start, as byte spans of `text`.
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        let normalized = Normalized::new(text);
        let found = self.scan_normalized(normalized.as_str());
        found
            .into_iter()
            .filter_map(|mut f| {
                let (s, e) = normalized.to_original(f.start, f.end);
                let (s, e) = trim_whitespace(text, s, e);
                if s >= e {
                    return None;
                }
                f.start = s;
                f.end = e;
                Some(f)
            })
            .collect()
    }

    /// Scan an already-normalized text (offsets are into it).
    pub fn scan_normalized(&self, text: &str) -> Vec<Finding> {
        let input = ScanInput::new(text);
        let mut raw = Vec::new();
        for d in &self.detectors {
            d.detect(&input, &mut raw);
        }
        raw.retain(|f| {
            f.start < f.end
                && f.end <= text.len()
                && text.is_char_boundary(f.start)
                && text.is_char_boundary(f.end)
                && f.score >= self.thresholds.get(f.label)
        });
        merge::merge(raw)
    }
}

fn trim_whitespace(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let span = &text[s..e];
    let trimmed_start = span.len() - span.trim_start().len();
    s += trimmed_start;
    let span = &text[s..e];
    e -= span.len() - span.trim_end().len();
    (s, e)
}

/// The built-in pattern detectors, in the order the engine runs them.
pub fn builtin_detectors() -> Result<Vec<Box<dyn Detector>>, BuildError> {
    Ok(vec![
        Box::new(email::EmailDetector::new()?),
        Box::new(phone::PhoneDetector::new()?),
        Box::new(patterns::PatternDetector::new()?),
        Box::new(ids::ContextIdDetector::new()?),
        Box::new(network::NetworkDetector::new()?),
        Box::new(dates::DateDetector::new()?),
        Box::new(secrets::SecretDetector::new()?),
    ])
}

/// Whether the bytes just outside `[start, end)` are not alphanumeric, so the
/// candidate is a whole token and not part of a longer word or number.
pub(crate) fn is_token(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let before_ok = start == 0 || !is_word_byte(b[start - 1]);
    let after_ok = end >= b.len() || !is_word_byte(b[end]);
    before_ok && after_ok
}

/// Like [`is_token`], and also not glued to a longer identifier by a separator:
/// `12-3456789` is not two numbers, `1.2.3.4.5` is not an IP address, and
/// `PO-2022-99653` or `INV-2021/775` are reference numbers, not phone numbers.
/// Commas are not glue: they separate CSV fields far more often than they join
/// parts of one identifier.
pub(crate) fn is_number_token(text: &str, start: usize, end: usize) -> bool {
    if !is_token(text, start, end) {
        return false;
    }
    let b = text.as_bytes();
    let glue = |c: u8| matches!(c, b'-' | b'.' | b'/');
    // A colon glues digits only ("14:30:00.500"); "Tel:555…" is a label.
    let glued_before = start >= 2
        && ((glue(b[start - 1]) && b[start - 2].is_ascii_alphanumeric())
            || (b[start - 1] == b':' && b[start - 2].is_ascii_digit()));
    let glued_after = end + 1 < b.len() && glue(b[end]) && b[end + 1].is_ascii_alphanumeric();
    !glued_before && !glued_after
}

fn is_word_byte(b: u8) -> bool {
    // Non-ASCII bytes belong to letters in practice (Ü, é, ß…).
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_boundaries() {
        assert!(is_token("a 123 b", 2, 5));
        assert!(!is_token("a1234", 1, 4));
        assert!(!is_token("x123", 1, 4));
        assert!(is_number_token("call 555-0132.", 5, 13));
        assert!(!is_number_token("1.2.3.4.5", 0, 7));
        assert!(!is_number_token("12-3456789", 3, 10));
        assert!(!is_number_token("PO-2022-99653", 3, 13));
        assert!(is_number_token("csv,4155550132,1990-01-01", 4, 14));
    }

    #[test]
    fn whitespace_is_trimmed() {
        assert_eq!(trim_whitespace("  ab  ", 0, 6), (2, 4));
        assert_eq!(trim_whitespace("   ", 0, 3), (3, 3));
    }
}
