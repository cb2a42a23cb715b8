//! Redaction operators: turn a text and its findings into a text without the
//! values.
//!
//! - `mask`: every character of the value becomes `*` (length kept, so columns in
//!   tables and logs stay aligned);
//! - `replace`: the value becomes its label, `<EMAIL_ADDRESS>`;
//! - `hash`: the value becomes `<EMAIL_ADDRESS:0a1b2c3d4e5f>`, a keyed HMAC-SHA256
//!   (truncated to 48 bits) — equal values give equal tokens, so joins and counts
//!   still work, but nobody without the key can test a guess against a token.
//!
//! Redaction is idempotent: none of the outputs is itself detected as PII.

use std::fmt;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::detect::Finding;

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
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for f in findings {
        if f.start < pos || f.end > text.len() {
            continue;
        }
        out.push_str(&text[pos..f.start]);
        let value = &text[f.start..f.end];
        match (operator, key) {
            (Operator::Mask, _) => out.extend(std::iter::repeat_n('*', value.chars().count())),
            (Operator::Hash, Some(key)) => {
                out.push('<');
                out.push_str(f.label.as_str());
                out.push(':');
                out.push_str(&key.token(value, 12));
                out.push('>');
            }
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
    fn key_is_not_printed() {
        let key = HashKey::new(b"0123456789abcdef".to_vec()).unwrap();
        assert_eq!(format!("{key:?}"), "HashKey([redacted])");
        assert!(HashKey::new(vec![1; 8]).is_none());
    }
}
