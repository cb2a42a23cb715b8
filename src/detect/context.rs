//! Context words: the words around a candidate that make it more (or less) likely to
//! be what its shape suggests. "MRN 12345678" is a medical record number; "order
//! 12345678" is not.
//!
//! Matching is ASCII case-insensitive on a window of bytes around the candidate; a
//! word must start at a word boundary, and words of three letters or fewer must also
//! end at one (so `dl` matches "DL#" but not "handle").

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Words that, found near a candidate, support or contradict a label. Declared as
/// a `static`; the word lists are compiled into one automaton on first use.
#[derive(Debug)]
pub struct ContextRule {
    /// Words that support the label.
    pub words: &'static [&'static str],
    /// Words that contradict it (checked in the same window).
    pub negative: &'static [&'static str],
    /// Bytes to look at before the candidate.
    pub before: usize,
    /// Bytes to look at after the candidate.
    pub after: usize,
    /// Whether the window stops at the candidate's clause (line break, `;`, `!`,
    /// `?`, or a full stop after a word): a cue in another sentence or log line
    /// says nothing about this value.
    pub clause: bool,
    automaton: OnceLock<Option<AhoCorasick>>,
}

impl ContextRule {
    /// A rule; use it in a `static`.
    pub const fn new(
        words: &'static [&'static str],
        negative: &'static [&'static str],
        before: usize,
        after: usize,
    ) -> ContextRule {
        ContextRule {
            words,
            negative,
            before,
            after,
            clause: false,
            automaton: OnceLock::new(),
        }
    }

    /// A rule whose window stops at the candidate's clause; use it in a `static`.
    pub const fn in_clause(
        words: &'static [&'static str],
        negative: &'static [&'static str],
        before: usize,
        after: usize,
    ) -> ContextRule {
        ContextRule {
            words,
            negative,
            before,
            after,
            clause: true,
            automaton: OnceLock::new(),
        }
    }

    fn automaton(&self) -> Option<&AhoCorasick> {
        self.automaton
            .get_or_init(|| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    // A DFA: a few hundred kilobytes per rule, the fastest search.
                    .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                    .match_kind(MatchKind::Standard)
                    .build(self.words.iter().chain(self.negative.iter()))
                    .ok()
            })
            .as_ref()
    }
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

/// What the context of `[start, end)` says under `rule`: the nearest supporting and
/// contradicting words (distance from the candidate's edge) decide; ties go to the
/// contradicting word, so that in "board meeting", "board" outranks "meeting".
/// Supporting words may introduce a list ("NHS numbers 401…, 943…"); contradicting
/// words apply only up to the next number.
pub fn evidence(text: &str, start: usize, end: usize, rule: &ContextRule) -> Evidence {
    let Some(ac) = rule.automaton() else {
        return Evidence::Neutral;
    };
    let bytes = text.as_bytes();
    let (mut ws, mut we) = window(text, start, end, rule.before, rule.after);
    if rule.clause {
        ws = clause_start(bytes, start, ws);
        we = clause_end(bytes, end, we).max(ws);
    }
    let mut pos: Option<usize> = None;
    let mut neg: Option<usize> = None;
    for m in ac.find_overlapping_iter(&text[ws..we]) {
        let (ms, me) = (ws + m.start(), ws + m.end());
        let distance = if me <= start {
            start - me
        } else if ms >= end {
            ms - end
        } else {
            continue; // inside the candidate itself
        };
        if !is_word_match(bytes, ms, me - ms) || in_placeholder(bytes, ms, me) {
            continue;
        }
        // A key after the value names the next field ("card_number": "…",
        // "iban": …): it says nothing about this one.
        if ms >= end && is_field_key(bytes, ms, me) {
            continue;
        }
        let positive = m.pattern().as_usize() < rule.words.len();
        // A contradicting word describes the value right next to it ("order 123"):
        // it does not reach over another number, address or placeholder to ours.
        let gap = if me <= start {
            range_start_before(past_instance_number(&bytes[me..start]))
        } else {
            &bytes[end..ms]
        };
        // Nor over a line break: "acct 1234" on one line is not about the next line.
        // A year is not a value: "holidays in 2025: 1 January, …".
        let crosses_value = crosses_number(gap)
            || gap.iter().any(|c| *c == b'@' || *c == b'\n')
            || gap
                .windows(2)
                .any(|w| w[0] == b'<' && w[1].is_ascii_uppercase());
        if !positive && crosses_value {
            continue;
        }
        let slot = if positive { &mut pos } else { &mut neg };
        *slot = Some(slot.map_or(distance, |d| d.min(distance)));
    }
    match (pos, neg) {
        (Some(p), Some(n)) if n <= p => Evidence::Contradicts,
        (Some(_), _) => Evidence::Supports,
        (None, Some(_)) => Evidence::Contradicts,
        (None, None) => Evidence::Neutral,
    }
}

/// `gap` past a short number right after the word before it: in "sprint 41 is
/// 06.01.2025" or "phase 2 starts …" the number names which sprint or phase, so
/// it is part of the word, not another value between the word and ours.
fn past_instance_number(gap: &[u8]) -> &[u8] {
    let Some(rest) = gap.strip_prefix(b" ") else {
        return gap;
    };
    let n = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&n) && rest.get(n) == Some(&b' ') {
        &rest[n..]
    } else {
        gap
    }
}

/// `gap` without a range's first day right before the value: in "Statement
/// period: 1–28 February 2026" the "1–" belongs to the date, and the word
/// before it still describes it.
fn range_start_before(gap: &[u8]) -> &[u8] {
    let dash = if gap.ends_with("–".as_bytes()) {
        "–".len()
    } else if gap.ends_with(b"-") {
        1
    } else {
        return gap;
    };
    let head = &gap[..gap.len() - dash];
    let n = head.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let rest = &head[..head.len() - n];
    if (1..=2).contains(&n) && rest.ends_with(b" ") {
        rest
    } else {
        gap
    }
}

/// Whether `gap` holds a number other than a lone year (1900–2100).
fn crosses_number(gap: &[u8]) -> bool {
    let mut i = 0;
    while i < gap.len() {
        if !gap[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let s = i;
        while i < gap.len() && gap[i].is_ascii_digit() {
            i += 1;
        }
        // Joined to more digits by a separator, it is part of a longer number.
        let sep = |c: u8| matches!(c, b'.' | b'-' | b'/' | b':');
        let glued_after = i + 1 < gap.len() && sep(gap[i]) && gap[i + 1].is_ascii_digit();
        let glued_before = s >= 2 && sep(gap[s - 1]) && gap[s - 2].is_ascii_digit();
        let year = i - s == 4
            && (&gap[s..s + 2] == b"19" || &gap[s..s + 2] == b"20" || &gap[s..s + 3] == b"210")
            && !glued_after
            && !glued_before;
        if !year {
            return true;
        }
    }
    false
}

/// Whether the bytes before `i` end a clause: a line break, `;`, `!`, `?`, or a
/// full stop and space after a word of five or more letters or a number (so the
/// abbreviations of cue words, "Adm. 03/02", "appt. on", "Dr. Lee", do not cut).
fn clause_break_before(b: &[u8], i: usize) -> bool {
    match b[i - 1] {
        b'\n' | b';' | b'!' | b'?' => true,
        b' ' if i >= 2 && b[i - 2] == b'.' => {
            let word = b[..i - 2]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            // A redaction's placeholder ("<DATE_TIME>", "*****") stands where the
            // value stood: its dot ends a clause as the value's did, so that a
            // second scan of redacted text reads the same clauses.
            let placeholder = word == 0 && i >= 3 && matches!(b[i - 3], b'>' | b'*');
            let after_number = (word > 0 && b[i - 3].is_ascii_digit()) || placeholder;
            // A sentence does not go on in lower case, and a number's dot before
            // another number is an ordinal's: "1979. március 4", "14. 5. 1978",
            // "1973. 10. 27." are one date each, not clauses.
            let next = b.get(i).copied().unwrap_or(b' ');
            let continues = next.is_ascii_lowercase() || (after_number && next.is_ascii_digit());
            (word >= 5 || after_number) && !continues
        }
        _ => false,
    }
}

/// Start of the clause that holds `pos`, looking back no further than `limit`.
pub fn clause_start(b: &[u8], pos: usize, limit: usize) -> usize {
    (limit.max(1)..=pos)
        .rev()
        .find(|&i| clause_break_before(b, i))
        .unwrap_or(limit)
}

/// End of the clause that holds `pos` (exclusive), looking no further than `limit`.
pub fn clause_end(b: &[u8], pos: usize, limit: usize) -> usize {
    // A full stop that ends the candidate itself ("am 21.06. Geburtstag") is not
    // the end of its clause.
    (pos + 1..=limit.min(b.len()))
        .find(|&i| clause_break_before(b, i) && !(b[i - 1] == b' ' && i < pos + 2))
        .map_or(limit, |i| i - 1)
}

/// Whether `[s, e)` lies inside one of scrim's own placeholders (`<IP_ADDRESS>`,
/// `<PERSON_2>`, `<EMAIL_ADDRESS:1a2b…>`): redacted text must not gain context words
/// from the labels that replaced values.
pub(crate) fn in_placeholder(bytes: &[u8], s: usize, e: usize) -> bool {
    let label_byte = |c: &u8| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'_';
    let left = bytes[..s]
        .iter()
        .rev()
        .take_while(|c| label_byte(c))
        .count();
    let right = bytes[e..].iter().take_while(|c| label_byte(c)).count();
    let opens = s > left && bytes[s - left - 1] == b'<';
    let closes = matches!(bytes.get(e + right), Some(b'>' | b':'));
    let tag = || {
        // An XML element (`<mrn>6986614-3</mrn>`) is no placeholder: its closing
        // tag follows on the line.
        let name = &bytes[s - left..e + right];
        let rest = &bytes[(e + right + 1).min(bytes.len())..];
        let line = &rest[..rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len())];
        line.windows(name.len() + 3).any(|w| {
            w.starts_with(b"</") && &w[2..2 + name.len()] == name && w[2 + name.len()] == b'>'
        })
    };
    opens
        && closes
        && bytes[s..e]
            .iter()
            .all(|c| c.is_ascii_alphabetic() || *c == b'_')
        && !tag()
}

/// Whether the word at `ms..me` is (part of) the key of a field: a quoted key
/// (`"iban":`, `'ssn' :`) or a bare one glued to `=` or `:` (`dl=`, `dl_state=`,
/// `passport:`).
fn is_field_key(b: &[u8], ms: usize, me: usize) -> bool {
    let name_char = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut e = me;
    while e < b.len() && name_char(b[e]) && e - me < 32 {
        e += 1;
    }
    matches!(b.get(e), Some(b'=' | b':')) || is_quoted_key(b, ms, me)
}

/// Whether the word at `ms..me` is (part of) a quoted key: `"iban":`, `'ssn' :`.
fn is_quoted_key(b: &[u8], ms: usize, me: usize) -> bool {
    let quote = |c: u8| c == b'"' || c == b'\'';
    let key_char = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b' ');
    let mut s = ms;
    while s > 0 && key_char(b[s - 1]) && ms - s < 32 {
        s -= 1;
    }
    let mut e = me;
    while e < b.len() && key_char(b[e]) && e - me < 32 {
        e += 1;
    }
    if s == 0 || e >= b.len() || !quote(b[s - 1]) || b[e] != b[s - 1] {
        return false;
    }
    let after = b[e + 1..].iter().position(|&c| c != b' ');
    after.is_some_and(|k| b[e + 1 + k] == b':')
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

    static RULE: ContextRule = ContextRule::new(&["account", "acct"], &["routing", "aba"], 40, 10);

    fn ev(text: &str, value: &str) -> Evidence {
        let start = text.find(value).unwrap();
        evidence(text, start, start + value.len(), &RULE)
    }

    #[test]
    fn a_key_after_the_value_names_the_next_field() {
        // "routing" is the next JSON key, not this value's context.
        assert_eq!(
            ev(
                r#"{"account": "12345678", "routing": "021000021"}"#,
                "12345678"
            ),
            Evidence::Supports
        );
        assert_eq!(
            ev("account 12345678 routing", "12345678"),
            Evidence::Contradicts
        );
        // ... and so is a bare key glued to "=" or ":" (log lines, query strings)
        for text in [
            "account=12345678 routing=021000021",
            "account:12345678 routing:021000021",
        ] {
            assert_eq!(ev(text, "12345678"), Evidence::Supports, "{text}");
        }
    }

    #[test]
    fn nearest_word_decides() {
        assert_eq!(
            ev("Account number 12345678", "12345678"),
            Evidence::Supports
        );
        assert_eq!(
            ev("account 12345678, routing 021000021", "021000021"),
            Evidence::Contradicts
        );
        assert_eq!(ev("order 12345678", "12345678"), Evidence::Neutral);
        assert_eq!(ev("aba 12345678", "12345678"), Evidence::Contradicts);
        assert_eq!(
            ev("routing 021000021 then 12345678", "12345678"),
            Evidence::Neutral
        );
        assert_eq!(ev("no words 12345678", "12345678"), Evidence::Neutral);
        // "acct" inside another word does not count
        assert_eq!(ev("xacct 12345678", "12345678"), Evidence::Neutral);
    }

    #[test]
    fn short_words_need_both_boundaries() {
        let rule = ContextRule::new(&["dl"], &[], 20, 0);
        let t = "DL# A1234567";
        assert_eq!(evidence(t, 4, 12, &rule), Evidence::Supports);
        let t = "handle A1234567";
        assert_eq!(evidence(t, 7, 15, &rule), Evidence::Neutral);
    }

    #[test]
    fn placeholders_are_not_context() {
        assert_eq!(
            ev("<US_BANK_NUMBER> 12345678", "12345678"),
            Evidence::Neutral
        );
        assert_eq!(ev("account <X> 12345678", "12345678"), Evidence::Supports);
    }

    #[test]
    fn window_respects_char_boundaries() {
        let t = "ééé 123";
        let (s, e) = window(t, 7, 10, 3, 5);
        assert!(t.is_char_boundary(s) && t.is_char_boundary(e));
    }
}
