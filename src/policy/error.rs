//! Policy errors: every problem in a policy file, with the file, line and column it
//! sits at, what was expected, and — for a misspelt name — the nearest valid one.
//!
//! Invariants: messages never quote a value from a test case or an allow-list
//! (those are PII by design); they name keys, labels, actions, rule ids and types.
//! [`PolicyErrors`] is never empty.

use std::fmt;

/// Where an error is: a file and a 1-based line and column (columns count
/// characters, as editors do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file as it was named (a path, or `embedded:NAME.toml`).
    pub file: String,
    /// 1-based line; 0 when the error concerns the whole file.
    pub line: usize,
    /// 1-based column; 0 when the error concerns the whole file.
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` in `text`.
    pub fn at(file: &str, text: &str, offset: usize) -> Location {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..offset].chars().count() + 1;
        Location {
            file: file.to_string(),
            line,
            column,
        }
    }

    /// A location for the file as a whole.
    pub fn file(file: &str) -> Location {
        Location {
            file: file.to_string(),
            line: 0,
            column: 0,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.file)
        } else {
            write!(f, "{}:{}:{}", self.file, self.line, self.column)
        }
    }
}

/// One problem in a policy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}{}", help.as_deref().map(|h| format!(" ({h})")).unwrap_or_default())]
pub struct PolicyError {
    /// Where.
    pub location: Location,
    /// What is wrong and what was expected.
    pub message: String,
    /// A suggestion, e.g. "did you mean `EMAIL_ADDRESS`?".
    pub help: Option<String>,
}

impl PolicyError {
    /// An error at byte `offset` of `text`.
    pub fn new(file: &str, text: &str, offset: usize, message: impl Into<String>) -> PolicyError {
        PolicyError {
            location: Location::at(file, text, offset),
            message: message.into(),
            help: None,
        }
    }

    /// Attach a suggestion.
    pub fn with_help(mut self, help: Option<String>) -> PolicyError {
        self.help = help;
        self
    }
}

/// All problems found in a policy (at least one). `Display` prints one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyErrors(Vec<PolicyError>);

impl PolicyErrors {
    /// Wrap a list of errors; `None` if it is empty.
    pub fn from_vec(errors: Vec<PolicyError>) -> Option<PolicyErrors> {
        (!errors.is_empty()).then_some(PolicyErrors(errors))
    }

    /// One error.
    pub fn one(error: PolicyError) -> PolicyErrors {
        PolicyErrors(vec![error])
    }

    /// The errors, in file order.
    pub fn errors(&self) -> &[PolicyError] {
        &self.0
    }

    /// Number of errors.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false (kept for clippy's `len_without_is_empty`).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for PolicyErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PolicyErrors {}

/// "did you mean `X`?" for the valid name nearest to `given`, if one is near
/// enough to be a plausible typo (case and `-`/`_` differences are free).
pub fn suggest<'a>(given: &str, valid: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let norm = |s: &str| s.to_ascii_lowercase().replace('-', "_");
    let g = norm(given);
    let mut best: Option<(usize, &str)> = None;
    for v in valid {
        let d = edit_distance(&g, &norm(v));
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, v));
        }
    }
    let (d, v) = best?;
    // Allow roughly one edit per three characters, at least two.
    let limit = (g.chars().count() / 3).max(2);
    (d <= limit).then(|| format!("did you mean `{v}`?"))
}

/// Levenshtein distance over characters (insert, delete, substitute; a swap of
/// two neighbours counts as one edit).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows for the transposition case (optimal string alignment).
    let mut prev2 = vec![0usize; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// "one of `a`, `b`, `c`" for an expected-value message.
pub fn one_of<'a>(valid: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<String> = valid.into_iter().map(|v| format!("`{v}`")).collect();
    match names.len() {
        0 => "nothing".to_string(),
        1 => names[0].clone(),
        _ => format!("one of {}", names.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        let table = [
            ("", "", 0),
            ("abc", "abc", 0),
            ("abc", "abd", 1),
            ("abc", "acb", 1),
            ("kitten", "sitting", 3),
            ("", "abc", 3),
        ];
        for (a, b, d) in table {
            assert_eq!(edit_distance(a, b), d, "{a} vs {b}");
        }
    }

    #[test]
    fn suggestions() {
        let labels = ["EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN"];
        assert_eq!(
            suggest("EMAIL_ADRESS", labels).as_deref(),
            Some("did you mean `EMAIL_ADDRESS`?")
        );
        assert_eq!(
            suggest("email-address", labels).as_deref(),
            Some("did you mean `EMAIL_ADDRESS`?")
        );
        assert_eq!(suggest("BANANA", labels), None);
        assert_eq!(
            suggest("blok", ["allow", "block"]).as_deref(),
            Some("did you mean `block`?")
        );
    }

    #[test]
    fn locations() {
        let text = "a = 1\nbé = 2\n";
        let l = Location::at("f.toml", text, text.find('=').unwrap());
        assert_eq!((l.line, l.column), (1, 3));
        let l = Location::at("f.toml", text, text.rfind('=').unwrap());
        assert_eq!((l.line, l.column), (2, 4));
        assert_eq!(l.to_string(), "f.toml:2:4");
        assert_eq!(Location::file("x").to_string(), "x");
    }
}
