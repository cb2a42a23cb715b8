//! Context words: the words around a candidate that make it more (or less) likely to
//! be what its shape suggests. "MRN 12345678" is a medical record number; "order
//! 12345678" is not.
//!
//! Matching is ASCII case-insensitive on a window of bytes around the candidate; a
//! word must start at a word boundary, and words of three letters or fewer must also
//! end at one (so `dl` matches "DL#" but not "handle").

/// Words that, found near a candidate, support or contradict a label.
#[derive(Debug, Clone, Copy)]
pub struct ContextRule {
    /// Words that support the label.
    pub words: &'static [&'static str],
    /// Words that contradict it (checked in the same window).
    pub negative: &'static [&'static str],
    /// Bytes to look at before the candidate.
    pub before: usize,
    /// Bytes to look at after the candidate.
    pub after: usize,
}

impl ContextRule {
    /// No context words at all.
    pub const NONE: ContextRule = ContextRule {
        words: &[],
        negative: &[],
        before: 0,
        after: 0,
    };
}

/// What the context around a candidate says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// A supporting word, strictly closer than any contradicting one.
    Supports,
    /// A contradicting word at least as close as any supporting one.
    Contradicts,
    /// Neither.
    Neutral,
}

/// Byte window `[start - before, end + after)` clamped to char boundaries.
pub fn window(text: &str, start: usize, end: usize, before: usize, after: usize) -> (usize, usize) {
    let mut ws = start.saturating_sub(before);
    while !text.is_char_boundary(ws) {
        ws += 1;
    }
    let mut we = (end + after).min(text.len());
    while !text.is_char_boundary(we) {
        we -= 1;
    }
    (ws, we)
}

/// Distance (in bytes) from the candidate to the nearest occurrence of any of
/// `words` in the window, or `None`.
pub fn nearest(
    text: &str,
    start: usize,
    end: usize,
    words: &[&str],
    before: usize,
    after: usize,
) -> Option<usize> {
    if words.is_empty() {
        return None;
    }
    let bytes = text.as_bytes();
    let (ws, _) = window(text, start, end, before, 0);
    let (_, we) = window(text, start, end, 0, after);
    let mut best: Option<usize> = None;
    for word in words {
        let w = word.as_bytes();
        // before the candidate: distance from the word's end to `start`
        for pos in find_all(&bytes[ws..start], w) {
            let at = ws + pos;
            if is_word_match(bytes, at, w.len()) {
                let d = start.saturating_sub(at + w.len());
                best = Some(best.map_or(d, |b| b.min(d)));
            }
        }
        // after the candidate: distance from `end` to the word's start
        if end < we {
            for pos in find_all(&bytes[end..we], w) {
                let at = end + pos;
                if is_word_match(bytes, at, w.len()) {
                    let d = at - end;
                    best = Some(best.map_or(d, |b| b.min(d)));
                }
            }
        }
    }
    best
}

/// What the context of `[start, end)` says under `rule`.
pub fn evidence(text: &str, start: usize, end: usize, rule: &ContextRule) -> Evidence {
    let pos = nearest(text, start, end, rule.words, rule.before, rule.after);
    let neg = nearest(text, start, end, rule.negative, rule.before, rule.after);
    match (pos, neg) {
        // Ties go to the contradicting word: in "board meeting", "board" outranks "meeting".
        (Some(p), Some(n)) if n <= p => Evidence::Contradicts,
        (Some(_), _) => Evidence::Supports,
        (None, Some(_)) => Evidence::Contradicts,
        (None, None) => Evidence::Neutral,
    }
}

/// Case-insensitive (ASCII) occurrences of `needle` in `hay`.
fn find_all<'h>(hay: &'h [u8], needle: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
    let n = needle.len();
    (0..hay.len().saturating_sub(n.saturating_sub(1)))
        .filter(move |&i| n > 0 && hay[i..i + n].eq_ignore_ascii_case(needle))
}

fn is_word_match(bytes: &[u8], at: usize, len: usize) -> bool {
    let starts_word = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
    if !starts_word {
        return false;
    }
    if len <= 3 {
        let end = at + len;
        return end >= bytes.len() || !bytes[end].is_ascii_alphabetic();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: ContextRule = ContextRule {
        words: &["account", "acct"],
        negative: &["routing", "aba"],
        before: 40,
        after: 10,
    };

    fn ev(text: &str, value: &str) -> Evidence {
        let start = text.find(value).unwrap();
        evidence(text, start, start + value.len(), &RULE)
    }

    #[test]
    fn nearest_word_decides() {
        assert_eq!(ev("Account number 12345678", "12345678"), Evidence::Supports);
        assert_eq!(
            ev("account 12345678, routing 021000021", "021000021"),
            Evidence::Contradicts
        );
        assert_eq!(ev("order 12345678", "12345678"), Evidence::Neutral);
        // "acct" inside another word does not count
        assert_eq!(ev("xacct 12345678", "12345678"), Evidence::Neutral);
    }

    #[test]
    fn short_words_need_both_boundaries() {
        let rule = ContextRule {
            words: &["dl"],
            negative: &[],
            before: 20,
            after: 0,
        };
        let t = "DL# A1234567";
        assert_eq!(evidence(t, 4, 12, &rule), Evidence::Supports);
        let t = "handle A1234567";
        assert_eq!(evidence(t, 7, 15, &rule), Evidence::Neutral);
    }

    #[test]
    fn window_respects_char_boundaries() {
        let t = "ééé 123";
        let (s, e) = window(t, 7, 10, 3, 5);
        assert!(t.is_char_boundary(s) && t.is_char_boundary(e));
    }
}
