//! Redaction operators: turn a text and its findings into a text without the
//! values.
//!
//! - `mask`: every character of the value becomes `*` (length kept, so columns in
//!   tables and logs stay aligned);
//! - `replace`: the value becomes its label, `<EMAIL_ADDRESS>`;
//! - `hash`: the value becomes `<EMAIL_ADDRESS:0a1b2c3d4e5f>`, a keyed HMAC-SHA256
//!   (truncated to 48 bits) — equal values give equal tokens, so joins and counts
//!   still work, but nobody without the key can test a guess against a token;
//! - `pseudonymize`: the value becomes `<EMAIL_ADDRESS_1>`, numbered per label in
//!   order of first appearance, the same value always getting the same
//!   placeholder within one [`Pseudonyms`] map (so the model can still tell two
//!   people apart). Restoring the values in responses is the proxy's job.
//!
//! Redaction is idempotent: none of the outputs is itself detected as PII.

use std::collections::{HashMap, HashSet};
use std::fmt;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::detect::{Finding, Label};

/// How a detected value is rewritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Operator {
    /// `*` for every character.
    Mask,
    /// `<LABEL>`.
    Replace,
    /// `<LABEL:hmac48>`.
    Hash,
    /// `<LABEL_n>`, consistent per value (see [`Pseudonyms`]).
    Pseudonymize,
}

impl Operator {
    /// Every operator.
    pub const ALL: [Operator; 4] = [
        Operator::Mask,
        Operator::Replace,
        Operator::Hash,
        Operator::Pseudonymize,
    ];

    /// The name used in policy files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Operator::Mask => "mask",
            Operator::Replace => "replace",
            Operator::Hash => "hash",
            Operator::Pseudonymize => "pseudonymize",
        }
    }

    /// Parse a name.
    pub fn from_name(s: &str) -> Option<Operator> {
        Operator::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Placeholders for pseudonymized values: the same (label, value) always gets
/// the same `<LABEL_n>`, numbered per label from 1. Holds values, so `Debug`
/// prints only the count.
#[derive(Default, Clone)]
pub struct Pseudonyms {
    map: HashMap<(Label, String), String>,
    next: HashMap<Label, usize>,
    /// The placeholders handed out since [`Pseudonyms::begin_request`]: the
    /// values a response to this request may have restored.
    this_request: HashSet<String>,
}

impl Pseudonyms {
    /// An empty map.
    pub fn new() -> Pseudonyms {
        Pseudonyms::default()
    }

    /// The placeholder for `value` of `label`, allocating one on first use.
    pub fn placeholder(&mut self, label: Label, value: &str) -> String {
        if let Some(p) = self.map.get(&(label, value.to_string())) {
            self.this_request.insert(p.clone());
            return p.clone();
        }
        let n = self.next.entry(label).or_insert(0);
        *n += 1;
        let p = format!("<{}_{}>", label.as_str(), n);
        self.map.insert((label, value.to_string()), p.clone());
        self.this_request.insert(p.clone());
        p
    }

    /// Start a new request on a map kept across requests: its response may
    /// restore only the values this request itself carried.
    pub fn begin_request(&mut self) {
        self.this_request.clear();
    }

    /// Placeholder → original value, to restore a response, for the
    /// placeholders handed out since [`Pseudonyms::begin_request`] (all of them
    /// for a map made for one request). Lives only as long as that response.
    pub fn request_restore_map(&self) -> HashMap<String, String> {
        self.map
            .iter()
            .filter(|(_, placeholder)| self.this_request.contains(*placeholder))
            .map(|((_, value), placeholder)| (placeholder.clone(), value.clone()))
            .collect()
    }

    /// Number of distinct values.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no value has a placeholder yet.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Forget every value but keep counting: the next placeholder of a label
    /// gets a number none had before (a map that outlives requests must never
    /// give a new value an old value's placeholder).
    pub fn forget_values(&mut self) {
        self.map.clear();
        self.this_request.clear();
    }
}

impl fmt::Debug for Pseudonyms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pseudonyms({} values, [redacted])", self.map.len())
    }
}

/// A secret key for the `hash` operator. Never printed.
#[derive(Clone)]
pub struct HashKey(Vec<u8>);

impl HashKey {
    /// A key from raw bytes (at least 16).
    pub fn new(bytes: Vec<u8>) -> Option<HashKey> {
        (bytes.len() >= 16).then_some(HashKey(bytes))
    }

    /// A fresh random 32-byte key.
    pub fn generate() -> HashKey {
        use rand::RngCore;
        let mut k = vec![0u8; 32];
        rand::thread_rng().fill_bytes(&mut k);
        HashKey(k)
    }

    /// Read the key in `path`, or create it (32 random bytes, mode 0600, never
    /// overwriting) if the file does not exist. The error names the file only.
    pub fn load_or_create(path: &std::path::Path) -> std::io::Result<HashKey> {
        use std::io::Write;
        match std::fs::read(path) {
            Ok(bytes) => HashKey::new(bytes).ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{}: a hash key must be at least 16 bytes", path.display()),
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir)?;
                }
                let key = HashKey::generate();
                let mut opts = std::fs::OpenOptions::new();
                opts.write(true).create_new(true);
                #[cfg(unix)]
                {
                    use std::os::unix::fs::OpenOptionsExt;
                    opts.mode(0o600);
                }
                let mut f = opts.open(path)?;
                f.write_all(key.as_bytes())?;
                f.sync_all()?;
                Ok(key)
            }
            Err(e) => Err(e),
        }
    }

    /// The raw key bytes (to store it).
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Keyed hash of `value`, hex, truncated to `hex_len` characters.
    pub fn token(&self, value: &str, hex_len: usize) -> String {
        // HMAC accepts keys of any length, so this cannot fail.
        let mut mac = match <Hmac<Sha256> as Mac>::new_from_slice(&self.0) {
            Ok(m) => m,
            Err(_) => return String::new(),
        };
        mac.update(value.as_bytes());
        let digest = mac.finalize().into_bytes();
        let mut out = hex::encode(digest);
        out.truncate(hex_len);
        out
    }
}

impl fmt::Debug for HashKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HashKey([redacted])")
    }
}

/// Rewrite `text`, replacing each finding's span with `operator`'s output.
/// `findings` must be disjoint and sorted (as `Engine::scan` returns them).
pub fn apply(
    text: &str,
    findings: &[Finding],
    operator: Operator,
    key: Option<&HashKey>,
) -> String {
    let edits: Vec<(&Finding, Operator)> = findings.iter().map(|f| (f, operator)).collect();
    apply_each(text, &edits, key, &mut Pseudonyms::new())
}

/// How many times [`redact_until_stable`] scans its own output at most.
pub const MAX_REDACTION_PASSES: usize = 4;

/// Redact `text` and scan the result again until a scan finds nothing (at most
/// [`MAX_REDACTION_PASSES`] scans). Context rules read distances and clauses, and
/// a redaction changes both: a long secret replaced by `<SECRET>` brings a cue word
/// into reach of a value it was too far from. One more pass redacts what the
/// first pass's own output reveals, so redacting the result again changes nothing.
pub fn redact_until_stable<E>(
    text: &str,
    mut scan: impl FnMut(&str) -> Result<Vec<Finding>, E>,
    operator: Operator,
    key: Option<&HashKey>,
) -> Result<String, E> {
    let mut current = text.to_string();
    for _ in 0..MAX_REDACTION_PASSES {
        let findings = scan(&current)?;
        if findings.is_empty() {
            break;
        }
        let next = apply(&current, &findings, operator, key);
        if next == current {
            break;
        }
        current = next;
    }
    Ok(current)
}

/// Rewrite `text`, each finding with its own operator. `edits` must be sorted by
/// start and disjoint; an edit out of bounds, off a character boundary or
/// overlapping the previous one is skipped.
pub fn apply_each(
    text: &str,
    edits: &[(&Finding, Operator)],
    key: Option<&HashKey>,
    pseudonyms: &mut Pseudonyms,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for &(f, operator) in edits {
        if f.start < pos || f.end > text.len() || f.start > f.end {
            continue;
        }
        let (Some(before), Some(value)) = (text.get(pos..f.start), text.get(f.start..f.end)) else {
            continue;
        };
        out.push_str(before);
        match (operator, key) {
            (Operator::Mask, _) => out.extend(std::iter::repeat_n('*', value.chars().count())),
            (Operator::Hash, Some(key)) => {
                out.push('<');
                out.push_str(f.label.as_str());
                out.push(':');
                out.push_str(&key.token(value, 12));
                out.push('>');
            }
            (Operator::Pseudonymize, _) => out.push_str(&pseudonyms.placeholder(f.label, value)),
            // Without a key, hashing would be a guessable plain hash: fall back to the label.
            (Operator::Replace, _) | (Operator::Hash, None) => {
                out.push('<');
                out.push_str(f.label.as_str());
                out.push('>');
            }
        }
        pos = f.end;
    }
    out.push_str(&text[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::Label;
    use std::sync::Arc;

    fn finding(start: usize, end: usize, label: Label) -> Finding {
        Finding {
            start,
            end,
            label,
            score: 1.0,
            detector: Arc::from("t"),
        }
    }

    #[test]
    fn operators() {
        let text = "mail jo@x.io now";
        let f = [finding(5, 12, Label::EmailAddress)];
        assert_eq!(apply(text, &f, Operator::Mask, None), "mail ******* now");
        assert_eq!(
            apply(text, &f, Operator::Replace, None),
            "mail <EMAIL_ADDRESS> now"
        );
        let key = HashKey::new(vec![7; 32]).unwrap();
        let hashed = apply(text, &f, Operator::Hash, Some(&key));
        assert!(hashed.starts_with("mail <EMAIL_ADDRESS:") && hashed.ends_with("> now"));
        assert_eq!(
            hashed,
            apply(text, &f, Operator::Hash, Some(&key)),
            "deterministic"
        );
        let other = HashKey::new(vec![8; 32]).unwrap();
        assert_ne!(
            hashed,
            apply(text, &f, Operator::Hash, Some(&other)),
            "keyed"
        );
    }

    #[test]
    fn pseudonyms_are_consistent_per_value() {
        let text = "a@x.io, b@x.io, a@x.io";
        let f = [
            finding(0, 6, Label::EmailAddress),
            finding(8, 14, Label::EmailAddress),
            finding(16, 22, Label::EmailAddress),
        ];
        assert_eq!(
            apply(text, &f, Operator::Pseudonymize, None),
            "<EMAIL_ADDRESS_1>, <EMAIL_ADDRESS_2>, <EMAIL_ADDRESS_1>"
        );
        let mut p = Pseudonyms::new();
        assert_eq!(p.placeholder(Label::Person, "Ann"), "<PERSON_1>");
        assert_eq!(p.placeholder(Label::Url, "Ann"), "<URL_1>");
        assert_eq!(p.placeholder(Label::Person, "Ann"), "<PERSON_1>");
        assert_eq!(format!("{p:?}"), "Pseudonyms(2 values, [redacted])");
    }

    #[test]
    fn mixed_operators() {
        let text = "mail jo@x.io or 555";
        let a = finding(5, 12, Label::EmailAddress);
        let b = finding(16, 19, Label::PhoneNumber);
        let out = apply_each(
            text,
            &[(&a, Operator::Replace), (&b, Operator::Mask)],
            None,
            &mut Pseudonyms::new(),
        );
        assert_eq!(out, "mail <EMAIL_ADDRESS> or ***");
        for op in Operator::ALL {
            assert_eq!(Operator::from_name(op.as_str()), Some(op));
        }
    }

    #[test]
    fn key_is_not_printed() {
        let key = HashKey::new(b"0123456789abcdef".to_vec()).unwrap();
        assert_eq!(format!("{key:?}"), "HashKey([redacted])");
        assert!(HashKey::new(vec![1; 8]).is_none());
    }
}
