//! Names in the form airlines and travel systems write them: a passenger
//! manifest's or booking record's `SURNAME/GIVEN MR` ("Ernst/Volker MR",
//! "SMITH/JOHN MRS"). The slash and the title make both words a name, whatever
//! a language model makes of two capitalised words glued by a slash.

use std::sync::Arc;

use super::{Detector, Finding, Label, ScanInput};

/// The titles a booking record writes after the given name.
const TITLES: &[&str] = &["MR", "MRS", "MS", "MISS", "MSTR", "DR"];

/// Labels `SURNAME/GIVEN TITLE` names.
#[derive(Debug)]
pub struct TravelNameDetector {
    name: Arc<str>,
}

impl Default for TravelNameDetector {
    fn default() -> Self {
        TravelNameDetector {
            name: Arc::from("travel:name"),
        }
    }
}

fn is_name_char(c: char) -> bool {
    c.is_alphabetic() || c == '\'' || c == '-'
}

/// Whether `word` can be one part of such a name: a capital first, two letters
/// or more.
fn name_part(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// The `(surname, given name)` spans of the name whose slash is at `slash`
/// (`lower` is `text` lowercased).
fn name_at(text: &str, lower: &str, slash: usize) -> Option<((usize, usize), (usize, usize))> {
    let before = &text[..slash];
    let left_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_name_char(c))
        .last()
        .map(|(i, _)| i)?;
    // A whole word: not the end of a path or a longer word ("a/b/Smith/John");
    // a booking record's element number may stand glued before it ("1.1SMITH").
    if before[..left_start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic() || c == '/')
    {
        return None;
    }
    let after = &text[slash + 1..];
    let right_len = after
        .char_indices()
        .find(|&(_, c)| !is_name_char(c))
        .map_or(after.len(), |(i, _)| i);
    let right_end = slash + 1 + right_len;
    let rest = &text[right_end..];
    let title_from = rest.trim_start_matches(' ');
    if title_from.len() == rest.len() {
        return None;
    }
    let title_len = title_from
        .find(|c: char| !c.is_ascii_uppercase())
        .unwrap_or(title_from.len());
    let title = &title_from[..title_len];
    let title_ends = title_from[title_len..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    let (surname, given) = (&text[left_start..slash], &text[slash + 1..right_end]);
    // Not "Primary/Secondary DR site", "Frontend/Backend MR !482", "Client/Server
    // MS SQL": a booking record writes the surname in capitals, or says what it is.
    let next = title_from[title_len..].trim_start().to_ascii_lowercase();
    let technical = next.starts_with(['!', '#'])
        || next.starts_with(|c: char| c.is_ascii_digit())
        || [
            "site", "sql", "server", "database", "instance", "region", "plan",
        ]
        .iter()
        .any(|w| next.starts_with(w));
    let capitals = surname.chars().all(|c| !c.is_lowercase());
    (TITLES.contains(&title)
        && title_ends
        && name_part(surname)
        && name_part(given)
        && !technical
        && (capitals || super::line_mentions(lower, left_start, BOOKING_WORDS)))
    .then_some(((left_start, slash), (slash + 1, right_end)))
}

/// Words that say a line is a booking record or a passenger list.
const BOOKING_WORDS: &[&str] = &[
    "pnr",
    "passenger",
    "manifest",
    "ticket",
    "booking",
    "traveller",
    "traveler",
    "pax",
    "itinerary",
    "record locator",
];

impl Detector for TravelNameDetector {
    fn name(&self) -> &str {
        "travel_names"
    }

    fn detect(&self, input: &ScanInput<'_>, out: &mut Vec<Finding>) {
        let text = input.text();
        if !input.has(super::features::Feature::Slash) {
            return;
        }
        for (slash, _) in text.match_indices('/') {
            let Some((surname, given)) = name_at(text, input.lowercase(), slash) else {
                continue;
            };
            for (start, end) in [surname, given] {
                out.push(Finding {
                    start,
                    end,
                    label: Label::Person,
                    score: 0.8,
                    detector: self.name.clone(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let input = ScanInput::new(text);
        let mut out = Vec::new();
        TravelNameDetector::default().detect(&input, &mut out);
        out.iter()
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn booking_record_names() {
        assert_eq!(
            found("Passenger manifest:\nErnst/Volker MR  PNR SVM4UU  IB3996"),
            ["Ernst", "Volker"]
        );
        assert_eq!(found("1.1SMITH/JOHN MRS"), ["SMITH", "JOHN"]);
        assert_eq!(found("name: SMITH/JOHN MRS, seat 12A"), ["SMITH", "JOHN"]);
        assert_eq!(found("Passenger: Müller/Jürgen MR"), ["Müller", "Jürgen"]);
        assert_eq!(
            found("Traveller: O'Neil/Mary-Kate MS."),
            ["O'Neil", "Mary-Kate"]
        );
    }

    #[test]
    fn other_slashes_are_ignored() {
        for text in [
            "see docs/Setup MR 12",
            "Frank / Stephen MR",
            "input/output MR",
            "TCP/IP MRU",
            "https://x.io/Smith/John MR",
            "Smith/John",
            "Primary/Secondary DR site failover",
            "PRIMARY/SECONDARY DR site",
            "Frontend/Backend MR !482",
            "Client/Server MS SQL",
            "Alpha/Beta MR",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
