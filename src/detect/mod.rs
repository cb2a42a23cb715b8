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
pub mod settle;
pub mod tabular;
pub mod travel_names;
pub mod validate;

mod dates;
mod email;
mod ids;
mod network;
mod nrp;
mod nrp_terms;
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
        self.tables()?.header_for(self.text, pos)
    }

    /// Whether `pos` is on the header line of a table.
    pub fn in_table_header(&self, pos: usize) -> bool {
        self.tables().is_some_and(|t| t.is_header_at(pos))
    }

    /// Whether `pos` is in a data row of a table about people (see
    /// `tabular::names_people`).
    pub fn in_table_of_people(&self, pos: usize) -> bool {
        self.tables().is_some_and(|t| t.of_people_at(pos))
    }

    /// Whether the text holds a delimited table with a header line.
    pub fn has_tables(&self) -> bool {
        self.tables().is_some()
    }

    /// The text's tables, found once; `None` when it has none. Checked first on
    /// the one-pass features: a table needs line breaks and delimiters.
    fn tables(&self) -> Option<&tabular::Tables> {
        if !(self.has(features::Feature::Newline) && self.has(features::Feature::TableDelimiter)) {
            return None;
        }
        let tables = self.tables.get_or_init(|| tabular::Tables::find(self.text));
        (!tables.is_empty()).then_some(tables)
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
    compile_with_cache(detector, pattern, DEFAULT_DFA_CACHE)
}

/// The regex crate's default capacity of a regex's lazy-DFA cache (per thread).
const DEFAULT_DFA_CACHE: usize = 2 << 20;

/// Like [`compile`], with lazy-DFA caches of up to `cache_bytes`. For a large
/// alternation whose states do not fit the default: a full cache is cleared and
/// its states rebuilt, which can cost more than the search itself. The bound
/// applies to the forward and the reverse DFA each, in every cache the regex
/// keeps (one per thread searching it at the same time; the proxy caps those
/// with its scan slots). A cache grows only to what searches need, so this is a
/// bound, not an allocation, and it caps what adversarial text can make it hold.
pub(crate) fn compile_with_cache(
    detector: &str,
    pattern: &str,
    cache_bytes: usize,
) -> Result<regex::Regex, BuildError> {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(cache_bytes)
        .build()
        .map_err(|e| BuildError::Pattern {
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
        Box::new(nrp::NrpDetector::default()),
    ])
}

/// Whether the bytes just outside `[start, end)` are not alphanumeric, so the
/// candidate is a whole token and not part of a longer word or number.
pub(crate) fn is_token(text: &str, start: usize, end: usize) -> bool {
    !word_before(text, start) && !word_after(text, end)
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

/// How far [`line_start`] and [`line_end`] look for a line's ends.
const LINE_LOOKBACK: usize = 256;

/// The start of the line holding byte `pos`, looked for at most 256 bytes back
/// (on a longer line, the byte 256 back, on a char boundary). The checks that
/// use it read a key or a short prefix before a value; the bound keeps them
/// linear on a long single-line text (minified JSON) with many values.
pub(crate) fn line_start(text: &str, pos: usize) -> usize {
    // Callers may step one byte past a line's end: stay on a char boundary.
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    let mut from = pos.saturating_sub(LINE_LOOKBACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..pos].rfind('\n').map_or(from, |i| from + i + 1)
}

/// The end of the line holding byte `pos` (its `\n` or the text's end), looked
/// for at most 256 bytes ahead, like [`line_start`].
pub(crate) fn line_end(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos += 1;
    }
    let mut to = (pos + LINE_LOOKBACK).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    text[pos..to].find('\n').map_or(to, |i| pos + i)
}

/// Whether `needle` (ASCII) occurs in `hay`, ASCII case ignored.
pub(crate) fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether the line holding byte `pos` (within [`line_start`]'s and
/// [`line_end`]'s bound) of the lowercased text `lower` holds one of `words`.
pub(crate) fn line_mentions(lower: &str, pos: usize, words: &[&str]) -> bool {
    let line = &lower[line_start(lower, pos)..line_end(lower, pos)];
    words.iter().any(|w| line.contains(w))
}

/// Whether the character that ends at byte `i` of `text` continues a word, so a
/// candidate starting at `i` would be glued to it.
pub(crate) fn word_before(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    match i.checked_sub(1).and_then(|j| b.get(j)) {
        None => false,
        Some(&c) if c < 0x80 => is_ascii_word(c),
        Some(_) => text
            .get(..i)
            .and_then(|t| t.chars().next_back())
            .is_some_and(is_word_char),
    }
}

/// Whether the character that starts at byte `i` of `text` continues a word, so a
/// candidate ending at `i` would be glued to it.
pub(crate) fn word_after(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(&c) if c < 0x80 => is_ascii_word(c),
        Some(_) => text
            .get(i..)
            .and_then(|t| t.chars().next())
            .is_some_and(is_word_char),
    }
}

fn is_ascii_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Whether a character is part of a word. Letters of other alphabets are (Ü, é,
/// ß, Cyrillic, Arabic, Devanagari and its vowel signs), but two kinds of
/// non-ASCII characters are not:
/// - punctuation, symbols and spaces (`“…”`, `—`, `、`, `：`, `€`), which end a
///   word as their ASCII counterparts do;
/// - the letters of scripts written without spaces between words (Chinese,
///   Japanese, Thai, Lao, Khmer, Myanmar) and Korean, whose particles attach to a
///   number: "携帯は090-3481-7726です", "010-3184-7726로", "โทร0812345678ครับ" hold a
///   number as a whole token.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return is_ascii_word(c as u8);
    }
    let unspaced = matches!(c,
        '\u{0E00}'..='\u{0EFF}' // Thai, Lao
        | '\u{1000}'..='\u{109F}' // Myanmar
        | '\u{1100}'..='\u{11FF}' // Hangul Jamo
        | '\u{1780}'..='\u{17FF}' // Khmer
        | '\u{2E80}'..='\u{2FDF}' // CJK radicals
        | '\u{3040}'..='\u{31FF}' // kana, bopomofo, Hangul compatibility Jamo
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{AC00}'..='\u{D7AF}' // Hangul syllables
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FFDC}' // halfwidth kana and Hangul
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions B and on
    );
    if unspaced {
        return false;
    }
    // Combining marks are not alphanumeric but belong to the letter before them
    // (Devanagari "ा", Arabic harakat, accents left decomposed).
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}'
        | '\u{0951}'..='\u{0957}'
        | '\u{0962}'..='\u{0963}'
        | '\u{0981}'..='\u{0983}'
        | '\u{09BC}'..='\u{09D7}'
        | '\u{0A01}'..='\u{0D83}' // the other Indic scripts' signs and letters
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
    )
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
        // line lookups stay on char boundaries, bounded, even when asked mid-char
        let long = format!("Date: 3 Mar 2025 {}\nnext", "ü".repeat(300));
        let end = line_end(&long, 6);
        assert!(long.is_char_boundary(end) && end < long.find('\n').unwrap());
        assert!(long.is_char_boundary(line_end(&long, end + 1)));
        assert!(long.is_char_boundary(line_start(&long, 18)));
        assert_eq!(line_start(&long, long.len()), long.len() - 4);
        assert_eq!(line_start("ab\ncd", 4), 3);
        // letters of scripts written without spaces, and punctuation, do not glue
        let t = "携帯は090、“4111”";
        let s = t.find('0').unwrap();
        assert!(is_token(t, s, s + 3));
        let s = t.find('4').unwrap();
        assert!(is_token(t, s, s + 4));
        // letters of other alphabets and combining marks do
        assert!(!is_token("ü123", "ü".len(), "ü123".len()));
        assert!(!is_token("का123", "का".len(), "का123".len()));
        assert!(!is_token("д123", "д".len(), "д123".len()));
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
