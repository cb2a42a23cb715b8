//! The full detection pipeline: pattern detectors plus, when loaded, the NER
//! model, fused into one disjoint set of findings per text.
//!
//! Fusion rule (documented in `models/README.md` too):
//! - validated patterns win over the model for structured labels: a model span of
//!   a structured label ("hint") is kept only where no pattern found anything there
//!   and a context word supports it (e.g. "passport" before a model PASSPORT span);
//! - the model wins for names, places and organizations over nothing: its spans
//!   are kept, minus the parts a deterministic finding covers (an e-mail inside a
//!   name span stays an e-mail; a table's `name` column says PERSON even where the
//!   model read the cell as a city);
//! - dates are counted once: the date patterns decide every date written in a form
//!   they can parse (their context rules say whether it is personal, and a date they
//!   left out on purpose — a release date, a log timestamp — stays out); a model
//!   DATE_TIME span counts only where no pattern finding overlaps it and the date
//!   patterns cannot parse it on its own ("the 3rd of March", "15h40", forms in
//!   languages they do not know), and not in a clause that says the date is not
//!   personal;
//! - the result goes through the usual merge (disjoint, sorted).
//!
//! Model results are cached by the SHA-256 of the text (bounded, FIFO), so a chat
//! history resent with every turn costs only its new messages.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, OnceLock};

use sha2::{Digest, Sha256};

use super::context::{evidence, ContextRule, Evidence};
use super::dates::DateDetector;
use super::ner::{NerError, NerModel};
use super::{merge, Detector, Engine, Finding, Label, Normalized, ScanInput};

/// Detection failed as a whole (the caller decides what that means).
#[derive(Debug, Clone, thiserror::Error)]
pub enum ScanError {
    /// The NER model could not run.
    #[error(transparent)]
    Ner(#[from] NerError),
}

/// Patterns + optional model + cache.
#[derive(Debug)]
pub struct Pipeline {
    engine: Engine,
    ner: Option<NerModel>,
    cache: Mutex<Cache>,
}

#[derive(Debug, Default)]
struct Cache {
    capacity: usize,
    map: HashMap<[u8; 32], Vec<Finding>>,
    order: VecDeque<[u8; 32]>,
}

impl Cache {
    fn get(&self, key: &[u8; 32]) -> Option<Vec<Finding>> {
        self.map.get(key).cloned()
    }

    fn put(&mut self, key: [u8; 32], value: Vec<Finding>) {
        if self.capacity == 0 || self.map.contains_key(&key) {
            return;
        }
        while self.map.len() >= self.capacity {
            match self.order.pop_front() {
                Some(old) => {
                    self.map.remove(&old);
                }
                None => break,
            }
        }
        self.order.push_back(key);
        self.map.insert(key, value);
    }
}

impl Pipeline {
    /// A pipeline over `engine` and, if given, `ner`, caching model results for up
    /// to `cache_entries` distinct texts.
    pub fn new(mut engine: Engine, ner: Option<NerModel>, cache_entries: usize) -> Pipeline {
        // Table columns named like names and places label their cells; cheap, and it
        // helps most where the model sees a cell without context.
        engine.push(Box::new(super::columns::ColumnDetector::default()));
        // So do booking records' "SURNAME/GIVEN MR" names.
        engine.push(Box::new(super::travel_names::TravelNameDetector::default()));
        Pipeline {
            engine,
            ner,
            cache: Mutex::new(Cache {
                capacity: cache_entries,
                ..Cache::default()
            }),
        }
    }

    /// The pattern engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Names of the detectors that run (for audit records).
    pub fn detector_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .engine
            .detector_names()
            .iter()
            .map(|s| s.to_string())
            .collect();
        if let Some(ner) = &self.ner {
            names.push(ner.name().to_string());
        }
        names
    }

    /// Whether the model runs.
    pub fn has_ner(&self) -> bool {
        self.ner.is_some()
    }

    /// Scan one text.
    pub fn scan(&self, text: &str) -> Result<Vec<Finding>, ScanError> {
        Ok(self.scan_many(&[text])?.pop().unwrap_or_default())
    }

    /// Scan several texts (the segments of one request): patterns per text, the
    /// model on all uncached texts in one batch. Each text's findings are then
    /// settled ([`super::settle`]): the pattern detectors scan the text with its
    /// findings replaced by `<LABEL>`, and what that reveals is added, so that
    /// redacting the findings does not bring a value into the detectors' reach
    /// that then goes out in clear. A text without findings is not re-scanned.
    /// The model does not run on the redacted views: a second inference per
    /// request would double the cost of the expensive part for a rare case.
    pub fn scan_many(&self, texts: &[&str]) -> Result<Vec<Vec<Finding>>, ScanError> {
        let found = self.scan_many_once(texts)?;
        Ok(texts
            .iter()
            .zip(found)
            .map(|(text, first)| super::settle::settle(text, first, |v| self.engine.scan(v)))
            .collect())
    }

    /// One scan of each text, without settling.
    fn scan_many_once(&self, texts: &[&str]) -> Result<Vec<Vec<Finding>>, ScanError> {
        let patterns: Vec<Vec<Finding>> = texts.iter().map(|t| self.engine.scan(t)).collect();
        let Some(ner) = &self.ner else {
            return Ok(patterns);
        };
        let keys: Vec<[u8; 32]> = texts
            .iter()
            .map(|t| Sha256::digest(t.as_bytes()).into())
            .collect();
        let mut model: Vec<Option<Vec<Finding>>> = {
            let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
            keys.iter().map(|k| cache.get(k)).collect()
        };
        let missing: Vec<usize> = (0..texts.len()).filter(|&i| model[i].is_none()).collect();
        if !missing.is_empty() {
            let normalized: Vec<Normalized<'_>> =
                missing.iter().map(|&i| Normalized::new(texts[i])).collect();
            let inputs: Vec<&str> = normalized.iter().map(Normalized::as_str).collect();
            let found = ner.detect_many(&inputs)?;
            let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
            for ((&i, norm), findings) in missing.iter().zip(&normalized).zip(found) {
                let mapped: Vec<Finding> = findings
                    .into_iter()
                    .map(|mut f| {
                        let (s, e) = norm.to_original(f.start, f.end);
                        f.start = s;
                        f.end = e;
                        f
                    })
                    .collect();
                cache.put(keys[i], mapped.clone());
                model[i] = Some(mapped);
            }
        }
        let thresholds = self.engine.thresholds();
        Ok(texts
            .iter()
            .zip(patterns)
            .zip(model)
            .map(|((text, pats), m)| {
                let m: Vec<Finding> = m
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|f| f.score >= thresholds.get(f.label))
                    .collect();
                fuse(text, pats, m)
            })
            .collect())
    }
}

/// Context that lets a model identifier hint stand without a pattern match.
fn hint_context(label: Label) -> Option<&'static ContextRule> {
    static PASSPORT: ContextRule = ContextRule::new(&["passport", "travel document"], &[], 40, 0);
    static LICENCE: ContextRule = ContextRule::new(
        &["license", "licence", "dl", "driver", "driving"],
        &[
            "booking",
            "ref",
            "reference",
            "pnr",
            "confirmation",
            "flight",
        ],
        40,
        0,
    );
    static SSN: ContextRule = ContextRule::new(
        &["ssn", "social security", "tax id", "taxpayer", "tin"],
        &[],
        40,
        0,
    );
    static ACCOUNT: ContextRule =
        ContextRule::new(&["account", "acct", "iban"], &["routing"], 40, 0);
    match label {
        Label::UsPassport => Some(&PASSPORT),
        Label::UsDriverLicense => Some(&LICENCE),
        Label::UsSsn => Some(&SSN),
        Label::UsBankNumber => Some(&ACCOUNT),
        _ => None,
    }
}

/// Words in a date's clause that say it is not a person's date (the model learnt
/// most of these; this catches what it did not).
static NOT_PERSONAL_DATE: ContextRule = ContextRule::in_clause(
    &[
        "release",
        "released",
        "version",
        "changelog",
        "published",
        "deadline",
        "takes effect",
        "took effect",
        "effective",
        "holiday",
        "founded",
        "treaty",
        "war",
        "expires",
        "expiry",
        "support ends",
        "end of life",
        "eol",
        "fiscal",
        "quarter",
        "sprint",
        "launched",
        "last modified",
        "copyright",
        // card expiry ("exp 09/27")
        "exp",
        "expiration",
        "valid thru",
    ],
    &[],
    60,
    30,
);

/// Whether the date patterns parse `span` on its own (no context): then the form is
/// theirs to judge, and their verdict in context stands.
fn patterns_know_date(span: &str) -> bool {
    static DATES: OnceLock<Option<DateDetector>> = OnceLock::new();
    let Some(dates) = DATES.get_or_init(|| DateDetector::new().ok()) else {
        // Without the detector we cannot tell: the model's date is not counted.
        return true;
    };
    let mut out = Vec::new();
    dates.detect(&ScanInput::new(span), &mut out);
    !out.is_empty()
}

/// Whether a model DATE_TIME span counts (see the module doc).
fn model_date_counts(text: &str, f: &Finding) -> bool {
    text.get(f.start..f.end)
        .is_some_and(|span| !patterns_know_date(span))
        && evidence(text, f.start, f.end, &NOT_PERSONAL_DATE) != Evidence::Supports
}

/// Fuse pattern findings (disjoint) with model findings (see the module doc).
pub fn fuse(text: &str, patterns: Vec<Finding>, model: Vec<Finding>) -> Vec<Finding> {
    // Everything the deterministic detectors found (validated patterns, table
    // columns, policy dictionaries) outranks the model where they overlap.
    let taken: Vec<(usize, usize)> = patterns.iter().map(|f| (f.start, f.end)).collect();
    let overlaps = |s: usize, e: usize| taken.iter().any(|&(ps, pe)| ps < e && s < pe);
    let mut all = patterns;
    for f in model {
        if f.label == Label::DateTime {
            if !overlaps(f.start, f.end) && model_date_counts(text, &f) {
                all.push(f);
            }
            continue;
        }
        if f.label.is_structured() {
            // An identifier has a digit ("CDL", "NY" are words around one).
            let has_digit = text
                .get(f.start..f.end)
                .is_some_and(|v| v.chars().any(|c| c.is_ascii_digit()));
            let supported = has_digit
                && hint_context(f.label)
                    .is_some_and(|rule| evidence(text, f.start, f.end, rule) == Evidence::Supports);
            if supported && !overlaps(f.start, f.end) {
                all.push(f);
            }
            continue;
        }
        all.extend(subtract(text, f, &taken));
    }
    merge::merge(all)
}

/// `f` minus the byte ranges in `taken` (sorted, disjoint), as separate findings;
/// pieces with no letter or digit are dropped, and so are cut pieces the model's
/// sanity filters would reject on their own (the "IBAN" left of a place span
/// "IBAN DE89 …" once the IBAN pattern took the number). Punctuation is trimmed
/// where a piece was cut, and at the model's own ends too except for
/// organizations, whose names end in a full stop as often as not ("Pereira S.A.",
/// "Vieira Ltda.").
fn subtract(text: &str, f: Finding, taken: &[(usize, usize)]) -> Vec<Finding> {
    let mut pieces = Vec::new();
    let mut start = f.start;
    for &(s, e) in taken.iter().filter(|&&(s, e)| s < f.end && f.start < e) {
        if s > start {
            pieces.push((start, s));
        }
        start = start.max(e);
    }
    if start < f.end {
        pieces.push((start, f.end));
    }
    let keep_own_end = f.label == Label::Organization;
    pieces
        .into_iter()
        .filter_map(|(s, e)| {
            let piece = text.get(s..e)?;
            let trimmed_start = s
                + (piece.len()
                    - piece
                        .trim_start_matches(|c: char| !c.is_alphanumeric())
                        .len());
            let trimmed_end = if keep_own_end && e == f.end {
                e - (piece.len() - piece.trim_end().len())
            } else {
                e - (piece.len() - piece.trim_end_matches(|c: char| !c.is_alphanumeric()).len())
            };
            let (trimmed_start, trimmed_end) = if f.label == Label::Person {
                person_edges(text, trimmed_start, trimmed_end)
            } else {
                (trimmed_start, trimmed_end)
            };
            let has_word = text
                .get(trimmed_start..trimmed_end)
                .is_some_and(|t| t.chars().any(char::is_alphanumeric));
            let kept = trimmed_start < trimmed_end && has_word;
            let cut = (s, e) != (f.start, f.end);
            let rejected =
                kept && cut && super::ner::implausible(text, trimmed_start, trimmed_end, f.label);
            (kept && !rejected).then(|| Finding {
                start: trimmed_start,
                end: trimmed_end,
                ..f.clone()
            })
        })
        .collect()
}

/// Titles, honorifics and kinship words the model sometimes takes into a name
/// ("Shri K. Subramanian Iyer", "NOK son Sunny Tran", "Baby Okonkwo"); the
/// taxonomy keeps titles outside the span. Compared without a trailing full stop,
/// ASCII case-insensitively.
const NAME_PREFIXES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "shri", "smt", "shrimati",
    "late", "herr", "frau", "mme", "mlle", "maître", "dott.ssa", "sig.ra", "sra", "srta", "doña",
    "pani", "mevrouw", "meneer", "baby",
];

/// Kinship words before a name ("NOK son Sunny Tran"), matched in lower case only:
/// capitalized, "Son" and "Don" are given names.
const KINSHIP: &[&str] = &[
    "son", "daughter", "wife", "husband", "brother", "sister", "mother", "father", "mum", "mom",
    "dad",
];

/// A person span without a leading title or kinship word, and with the full stop
/// of a generational suffix ("Marcus T. Bell Jr.") that punctuation trimming took.
fn person_edges(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    while let Some((first, rest)) = text.get(start..end).and_then(|span| span.split_once(' ')) {
        let word = first.strip_suffix('.').unwrap_or(first);
        let rest_is_name = rest.trim_start().starts_with(|c: char| c.is_uppercase());
        let title = NAME_PREFIXES.iter().any(|p| word.eq_ignore_ascii_case(p));
        if !rest_is_name || !(title || KINSHIP.contains(&word)) {
            break;
        }
        start = end - rest.trim_start().len();
    }
    let span = text.get(start..end).unwrap_or("");
    let suffix = ["Jr", "Sr", "Jnr", "Snr"]
        .iter()
        .any(|s| span.strip_suffix(s).is_some_and(|r| r.ends_with(' ')));
    if suffix && text.as_bytes().get(end) == Some(&b'.') {
        end += 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn f(start: usize, end: usize, label: Label, score: f32) -> Finding {
        Finding {
            start,
            end,
            label,
            score,
            detector: Arc::from("t"),
        }
    }

    #[test]
    fn model_wins_for_names_patterns_for_structured() {
        let text = "Contact Jane Doe jane@x.io today";
        let pats = vec![f(17, 26, Label::EmailAddress, 0.95)];
        // The model took the e-mail into the name span: the e-mail part goes back.
        let model = vec![f(8, 26, Label::Person, 0.9)];
        let out = fuse(text, pats, model);
        let got: Vec<(&str, Label)> = out
            .iter()
            .map(|x| (&text[x.start..x.end], x.label))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Jane Doe", Label::Person),
                ("jane@x.io", Label::EmailAddress)
            ]
        );
    }

    #[test]
    fn a_cut_piece_is_filtered_like_a_model_span() {
        // The model read "IBAN DE89 …" as one place; the IBAN pattern takes the
        // number, and the field name left over is no place (found by the shipped
        // policies' cases run with the model).
        let text = "Pay to IBAN DE89 3704 0044 0532 0130 00 please.";
        let iban = text.find("DE89").unwrap();
        let pats = vec![f(iban, iban + 27, Label::IbanCode, 0.95)];
        let model = vec![f(7, iban + 27, Label::Location, 0.8)];
        let out = fuse(text, pats, model);
        let got: Vec<(&str, Label)> = out
            .iter()
            .map(|x| (&text[x.start..x.end], x.label))
            .collect();
        assert_eq!(got, vec![("DE89 3704 0044 0532 0130 00", Label::IbanCode)]);
        // A place left over stays.
        let text = "lives in Leeds DE89 3704 0044 0532 0130 00";
        let iban = text.find("DE89").unwrap();
        let pats = vec![f(iban, iban + 27, Label::IbanCode, 0.95)];
        let model = vec![f(9, iban + 27, Label::Location, 0.8)];
        let out = fuse(text, pats, model);
        assert_eq!(&text[out[0].start..out[0].end], "Leeds");
    }

    #[test]
    fn identifier_hints_need_context_and_no_pattern() {
        // The second hint is beyond the 40-byte context window of "passport".
        let text = "passport X99; the build server in the basement prints code Y77";
        let y = text.find("Y77").unwrap();
        let hints = vec![
            f(9, 12, Label::UsPassport, 0.9),
            f(y, y + 3, Label::UsPassport, 0.9),
        ];
        let out = fuse(text, vec![], hints);
        assert_eq!(out.len(), 1);
        assert_eq!(&text[out[0].start..out[0].end], "X99");
    }

    #[test]
    fn cache_is_bounded() {
        let mut c = Cache {
            capacity: 2,
            ..Cache::default()
        };
        for k in 0..5u8 {
            c.put([k; 32], vec![]);
        }
        assert_eq!(c.map.len(), 2);
        assert!(c.get(&[4; 32]).is_some() && c.get(&[0; 32]).is_none());
    }

    #[test]
    fn organizations_keep_their_full_stop_and_dates_count_once() {
        let text = "Paid Pereira S.A. on 4 May 2024.";
        let org = f(5, 17, Label::Organization, 0.9);
        assert_eq!(&text[5..17], "Pereira S.A.");
        let pattern_date = f(21, 31, Label::DateTime, 0.9);
        // The model's date overlaps the pattern's: counted once, as the pattern's.
        let model_date = f(18, 31, Label::DateTime, 0.9);
        let out = fuse(
            text,
            vec![pattern_date.clone()],
            vec![org.clone(), model_date],
        );
        assert_eq!(out, vec![org, pattern_date]);
        // A person's trailing punctuation is still trimmed.
        let out = fuse("Ask Jo.", vec![], vec![f(4, 7, Label::Person, 0.9)]);
        assert_eq!((out[0].start, out[0].end), (4, 6));
        // ...but a generational suffix keeps its full stop, and a title or a
        // kinship word the model took in is left out.
        let text = "My name is Marcus T. Bell Jr. and I apply";
        let out = fuse(text, vec![], vec![f(11, 28, Label::Person, 0.9)]);
        assert_eq!(&text[out[0].start..out[0].end], "Marcus T. Bell Jr.");
        let text = "S/o Late Shri K. Subramanian Iyer, aged 42";
        let out = fuse(text, vec![], vec![f(4, 33, Label::Person, 0.9)]);
        assert_eq!(&text[out[0].start..out[0].end], "K. Subramanian Iyer");
        let text = "NOK son Sunny Tran 0421 907 336";
        let out = fuse(text, vec![], vec![f(4, 18, Label::Person, 0.9)]);
        assert_eq!(&text[out[0].start..out[0].end], "Sunny Tran");
        // A name that is only a title word stays as it is, and given names that
        // are also words keep their place.
        let out = fuse("Ask Don.", vec![], vec![f(4, 7, Label::Person, 0.9)]);
        assert_eq!((out[0].start, out[0].end), (4, 7));
        let text = "Ask Son Heung-min or Don Peterson";
        let out = fuse(
            text,
            vec![],
            vec![f(4, 17, Label::Person, 0.9), f(21, 33, Label::Person, 0.9)],
        );
        let names: Vec<&str> = out.iter().map(|x| &text[x.start..x.end]).collect();
        assert_eq!(names, ["Son Heung-min", "Don Peterson"]);
    }

    #[test]
    fn model_dates_count_only_where_patterns_cannot_judge() {
        // A form the date patterns parse: their verdict (here: none) stands.
        let text = "Version 2.3 was released on 12 March 2024.";
        let out = fuse(text, vec![], vec![f(28, 41, Label::DateTime, 0.9)]);
        assert!(out.is_empty(), "{out:?}");
        // A form they do not parse, in a personal clause: the model's.
        let date = "昭和60年3月12日";
        let text = format!("Aisha was born on {date}.");
        let out = fuse(
            &text,
            vec![],
            vec![f(18, 18 + date.len(), Label::DateTime, 0.9)],
        );
        assert_eq!(out.len(), 1, "{out:?}");
        // ...but not in a clause that says the date is not personal.
        let text = format!("The treaty was signed on {date}.");
        let out = fuse(
            &text,
            vec![],
            vec![f(25, 25 + date.len(), Label::DateTime, 0.9)],
        );
        assert!(out.is_empty(), "{out:?}");
    }
}
