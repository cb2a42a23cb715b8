//! From per-token label probabilities to taxonomy spans.
//!
//! 1. Each word takes the most probable label (`O`, `B-X`, `I-X`) of its word
//!    pieces' mean probabilities, and every piece of the word takes it: an entity
//!    never starts or ends inside a word ("hunting|ton's" is one word, labelled once).
//! 2. Tokens of the same kind join into one span when they touch (word pieces, an
//!    e-mail restarting with `B-` after `@`) or when the second is an `I-` label.
//!    (Rampart often gives word pieces `B-`, so touching matters more than BIO.)
//! 3. Kinds map to the taxonomy: GIVEN_NAME/SURNAME → PERSON; building number,
//!    street, secondary address, city, state, ZIP → LOCATION; spans of one group
//!    separated only by spaces, commas, initials or `#`/`-` join, so a full name or a
//!    contiguous address is one span. A state on its own is dropped (a state alone
//!    is not LOCATION in the taxonomy).
//! 4. Labels named like the taxonomy map directly: our model's ORGANIZATION and
//!    DATE_TIME (personal dates; the fusion step counts a model date only where the
//!    date patterns cannot judge it). ORGANIZATION is never a hint: its span stands
//!    as found (minus what patterns claim).
//! 5. The model's identifier kinds (e-mail, phone, URL, tax id, passport, licence,
//!    bank account) are reported as *hints* with their taxonomy label; the fusion
//!    step keeps them only where patterns agree or context supports them.
//!
//! A span's score is the mean probability of its tokens' labels.

use std::path::Path;
use std::sync::Arc;

use super::windows::Encoded;
use super::NerError;
use crate::detect::{Finding, Label};

/// What a model label means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Part of a person's name.
    Name,
    /// A state or province: LOCATION only inside an address.
    State,
    /// Part of a place or address.
    Place,
    /// A taxonomy label directly (models trained on the taxonomy, and identifiers).
    Direct(Label),
    /// Labels we do not report (routing numbers identify banks, not people).
    Ignored,
}

/// One class of the model.
#[derive(Debug, Clone)]
struct Class {
    begin: bool,
    kind: Kind,
    /// The entity type without `B-`/`I-` (`GIVEN_NAME`).
    base: String,
    /// The full name (`B-GIVEN_NAME`).
    full: String,
}

/// The model's label map: index → class.
#[derive(Debug)]
pub struct LabelMap {
    labels: Vec<Class>,
    /// Per class, the index of the first class of the same entity type.
    bases: Vec<usize>,
}

impl LabelMap {
    /// Read `id2label` from the model's `config.json`.
    pub fn load(path: &Path) -> Result<LabelMap, NerError> {
        let bad = |what: &str| NerError::Unavailable(format!("{}: {what}", path.display()));
        let text = std::fs::read_to_string(path).map_err(|e| bad(&e.to_string()))?;
        let json: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| bad(&e.to_string()))?;
        let map = json["id2label"]
            .as_object()
            .ok_or_else(|| bad("no id2label"))?;
        let mut labels = vec![parse_label("O"); map.len()];
        for (k, v) in map {
            let i: usize = k.parse().map_err(|_| bad("id2label key is not a number"))?;
            let name = v
                .as_str()
                .ok_or_else(|| bad("id2label value is not a string"))?;
            let slot = labels
                .get_mut(i)
                .ok_or_else(|| bad("id2label ids are not 0..n"))?;
            *slot = parse_label(name);
        }
        Ok(LabelMap::new(labels))
    }

    fn new(labels: Vec<Class>) -> LabelMap {
        let bases = labels
            .iter()
            .enumerate()
            .map(|(i, c)| labels.iter().position(|o| o.base == c.base).unwrap_or(i))
            .collect();
        LabelMap { labels, bases }
    }

    /// From label names directly (tests).
    #[cfg(test)]
    pub fn from_names(names: &[&str]) -> LabelMap {
        LabelMap::new(names.iter().map(|n| parse_label(n)).collect())
    }
}

impl LabelMap {
    /// The entity type of class `i`, whatever its B-/I- prefix: the index of the
    /// first class with the same base.
    fn base_index(&self, i: usize) -> usize {
        self.bases.get(i).copied().unwrap_or(i)
    }

    /// The full label name (`B-GIVEN_NAME`, `O`) of class `i`.
    pub fn name(&self, i: usize) -> &str {
        self.labels.get(i).map_or("O", |c| c.full.as_str())
    }
}

fn parse_label(name: &str) -> Class {
    let (begin, base) = match name.split_once('-') {
        Some(("B", b)) => (true, b),
        Some(("I", b)) => (false, b),
        _ => (false, name),
    };
    let kind = match base {
        "O" => Kind::Ignored,
        "GIVEN_NAME" | "SURNAME" | "PERSON" => Kind::Name,
        "STATE" => Kind::State,
        "BUILDING_NUMBER" | "STREET_NAME" | "SECONDARY_ADDRESS" | "CITY" | "ZIP_CODE"
        | "LOCATION" => Kind::Place,
        "EMAIL" => Kind::Direct(Label::EmailAddress),
        "PHONE" => Kind::Direct(Label::PhoneNumber),
        "URL" => Kind::Direct(Label::Url),
        "TAX_ID" => Kind::Direct(Label::UsSsn),
        "PASSPORT" => Kind::Direct(Label::UsPassport),
        "DRIVERS_LICENSE" => Kind::Direct(Label::UsDriverLicense),
        "BANK_ACCOUNT" => Kind::Direct(Label::UsBankNumber),
        other => match other.parse::<Label>() {
            Ok(l) => Kind::Direct(l),
            // ROUTING_NUMBER, GOVERNMENT_ID (kind unknown) and anything unknown.
            Err(_) => Kind::Ignored,
        },
    };
    Class {
        begin,
        kind,
        base: base.to_string(),
        full: name.to_string(),
    }
}

/// One decoded piece before grouping.
#[derive(Debug, Clone)]
struct Piece {
    kind: Kind,
    base: usize, // label index of the piece's kind (for joining same-kind tokens)
    start: usize,
    end: usize,
    probs: Vec<f32>,
}

/// Decode one text's token probabilities into findings.
pub fn spans(
    text: &str,
    enc: &Encoded,
    probs: &[Vec<f32>],
    labels: &LabelMap,
    detector: &Arc<str>,
) -> Vec<Finding> {
    let mut pieces: Vec<Piece> = Vec::new();
    for (t, choice) in word_choices(enc, probs, labels).into_iter().enumerate() {
        let Some((best, p)) = choice else {
            continue;
        };
        let (s, e) = enc.offsets[t];
        if s >= e {
            continue;
        }
        let Some(class) = labels.labels.get(best) else {
            continue;
        };
        let (begin, kind) = (&class.begin, &class.kind);
        if *kind == Kind::Ignored {
            continue;
        }
        let base = labels.base_index(best);
        if let Some(last) = pieces.last_mut() {
            let touching = last.end == s;
            let same_word = t > 0 && enc.words[t].is_some() && enc.words[t] == enc.words[t - 1];
            if last.base == base
                && (touching || same_word || !begin)
                && gap_is_blank(text, last.end, s)
            {
                last.end = e;
                last.probs.push(p);
                continue;
            }
        }
        pieces.push(Piece {
            kind: *kind,
            base,
            start: s,
            end: e,
            probs: vec![p],
        });
    }
    group(text, pieces, detector)
}

/// Per token, the label (index, probability) of its word: the entity type with
/// the most mean probability over the word's pieces (`B-X` and `I-X` count
/// together, so a word whose pieces split between them is still an X), as that
/// type's more probable class. Tokens outside any word decide alone.
fn word_choices(enc: &Encoded, probs: &[Vec<f32>], labels: &LabelMap) -> Vec<Option<(usize, f32)>> {
    let mut out = Vec::with_capacity(probs.len());
    let mut t = 0;
    while t < probs.len() {
        let word = enc.words.get(t).copied().flatten();
        let mut end = t + 1;
        while word.is_some() && end < probs.len() && enc.words.get(end).copied().flatten() == word {
            end += 1;
        }
        let n = (end - t) as f32;
        let mut mean = vec![0.0f32; probs[t].len()];
        for row in &probs[t..end] {
            for (m, &x) in mean.iter_mut().zip(row) {
                *m += x / n;
            }
        }
        // Mass per entity type, keyed by the first class index of the type.
        let mut mass = vec![0.0f32; mean.len()];
        for (i, &m) in mean.iter().enumerate() {
            mass[labels.base_index(i)] += m;
        }
        let choice = mass
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(base, &p)| {
                let best = (0..mean.len())
                    .filter(|&i| labels.base_index(i) == base)
                    .max_by(|&a, &b| mean[a].total_cmp(&mean[b]))
                    .unwrap_or(base);
                (best, p)
            });
        out.extend(std::iter::repeat_n(choice, end - t));
        t = end;
    }
    out
}

/// Blank and on one line: a line break ends an entity (a CSV row, a list item).
fn gap_is_blank(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b)
        .is_some_and(|g| g.chars().all(|c| c.is_whitespace() && c != '\n'))
}

/// Pieces of one entity joined, before the sanity filters.
#[derive(Debug)]
struct Group {
    label: Label,
    start: usize,
    end: usize,
    probs: Vec<f32>,
    only_state: bool,
    /// Only numbers (a ZIP code or building number on its own).
    only_numbers: bool,
}

/// Join pieces of one group across small gaps; map to the taxonomy.
fn group(text: &str, pieces: Vec<Piece>, detector: &Arc<str>) -> Vec<Finding> {
    let mut groups: Vec<Group> = Vec::new();
    for p in pieces {
        let (label, is_state) = match p.kind {
            Kind::Name => (Label::Person, false),
            Kind::Place => (Label::Location, false),
            Kind::State => (Label::Location, true),
            Kind::Direct(l) => (l, false),
            Kind::Ignored => continue,
        };
        if let Some(g) = groups.last_mut() {
            // A surname read as a person right before the rest of a firm's name
            // ("Collins-Powell", "Martin and Sons") belongs to the firm.
            let gap = text.get(g.end..p.start).unwrap_or("x");
            if label == Label::Organization
                && g.label == Label::Person
                && ((gap.len() <= 1 && gap.trim().is_empty()) || firm_connector(gap))
            {
                g.label = Label::Organization;
            }
            let joinable = matches!(label, Label::Person | Label::Location | Label::Organization);
            if joinable && g.label == label && joins(label, text.get(g.end..p.start).unwrap_or("x"))
            {
                g.end = p.end;
                g.probs.extend(&p.probs);
                g.only_state &= is_state;
                g.only_numbers &= is_number(text, p.start, p.end);
                continue;
            }
        }
        groups.push(Group {
            label,
            start: p.start,
            end: p.end,
            only_numbers: is_number(text, p.start, p.end),
            probs: p.probs,
            only_state: is_state,
        });
    }
    for g in groups.iter_mut().filter(|g| g.label == Label::Organization) {
        g.end = super::filters::trim_organization(text, g.start, g.end);
        // "S.Com" + "." → "S.Com." (a dotted abbreviation keeps its last dot);
        // "S.L.L.." → "S.L.L." (the sentence's full stop is not the firm's).
        let span = text.get(g.start..g.end).unwrap_or("");
        let last = span.rsplit(' ').next().unwrap_or("");
        if span.ends_with("..") {
            g.end -= 1;
        } else if last.trim_end_matches('.').contains('.')
            && !span.ends_with('.')
            && text.get(g.end..).is_some_and(|r| r.starts_with('.'))
        {
            g.end += 1;
        }
    }
    snap_edges(text, &mut groups);
    groups
        .into_iter()
        .filter(|g| {
            !g.only_state && !super::filters::reject(text, g.start, g.end, g.label, g.only_numbers)
        })
        .map(|g| Finding {
            start: g.start,
            end: g.end,
            label: g.label,
            score: g.probs.iter().sum::<f32>() / g.probs.len().max(1) as f32,
            detector: detector.clone(),
        })
        .collect()
}

/// Each organization moved to its whole name (`org_bounds`), each place's edges
/// mended (`place_bounds`). What a span then covers of a neighbour read as
/// another kind (a partner's surname read as a person) is its own: a neighbour
/// inside it goes; one it would cut keeps the span at its first bounds.
fn snap_edges(text: &str, groups: &mut Vec<Group>) {
    let mut swallowed = vec![false; groups.len()];
    let mut places = Vec::new();
    for i in 0..groups.len() {
        if swallowed[i] {
            continue;
        }
        let (g_start, g_end) = (groups[i].start, groups[i].end);
        let snapped = match groups[i].label {
            Label::Organization => super::org_bounds::snap(text, g_start, g_end),
            Label::Location => {
                let (start, end) = super::place_bounds::snap(text, g_start, g_end);
                super::org_bounds::Snapped {
                    start,
                    end,
                    place: None,
                }
            }
            _ => continue,
        };
        let (s, e) = (snapped.start, snapped.end);
        let others = |j: usize| j != i && !swallowed[j] && groups[j].start < e && s < groups[j].end;
        let cuts = (0..groups.len())
            .filter(|&j| others(j))
            .any(|j| groups[j].start < s || groups[j].end > e);
        if cuts {
            continue;
        }
        let inside: Vec<usize> = (0..groups.len()).filter(|&j| others(j)).collect();
        for j in inside {
            swallowed[j] = true;
        }
        groups[i].start = s;
        groups[i].end = e;
        if let Some((ps, pe)) = snapped.place {
            places.push(Group {
                label: Label::Location,
                start: ps,
                end: pe,
                probs: groups[i].probs.clone(),
                only_state: false,
                only_numbers: is_number(text, ps, pe),
            });
        }
    }
    let mut keep = swallowed.iter().map(|w| !w);
    groups.retain(|_| keep.next().unwrap_or(true));
    groups.extend(places);
    groups.sort_by_key(|g| g.start);
}

fn is_number(text: &str, s: usize, e: usize) -> bool {
    text.get(s..e).is_some_and(|t| {
        t.chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
    })
}

/// The words that join the names in a firm's name ("and Sons", "e figli", "&").
fn firm_connector(gap: &str) -> bool {
    gap.len() <= 6
        && !gap.contains('\n')
        && matches!(
            gap.trim(),
            "-" | "&" | "and" | "e" | "y" | "und" | "et" | "en"
        )
}

/// Whether the text between two pieces of one group keeps them one entity.
fn joins(label: Label, gap: &str) -> bool {
    if gap.contains('\n') {
        return false;
    }
    let g = gap.trim();
    match label {
        // "John Smith", "John F. Kennedy", "O'Connor-Smith"
        Label::Person => {
            gap.len() <= 4
                && (g.is_empty()
                    || g == "."
                    || g == "-"
                    || (g.len() == 2
                        && g.ends_with('.')
                        && g.starts_with(|c: char| c.is_uppercase())))
        }
        // "42 Baker Street, London NW1 6XE", "Apt 4B, 1 Main St", "Main St #5"
        Label::Location => {
            gap.len() <= 4 && g.chars().all(|c| matches!(c, ',' | '#' | '-' | '/' | '.'))
        }
        // "Ritacca, Zoppetto e Callegaro SPA", "Adadia & Asociados S.A."
        Label::Organization => {
            (gap.len() <= 6 && (g.is_empty() || g == "," || firm_connector(gap)))
                || super::org_bounds::bridges(gap)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &[
        "O",
        "B-GIVEN_NAME",
        "I-GIVEN_NAME",
        "B-SURNAME",
        "I-SURNAME",
        "B-CITY",
        "I-CITY",
        "B-STATE",
        "B-STREET_NAME",
        "B-BUILDING_NUMBER",
        "B-ROUTING_NUMBER",
        "B-ORGANIZATION",
        "I-ORGANIZATION",
        "B-DATE_TIME",
        "I-DATE_TIME",
    ];

    /// Build an encoding of whitespace-separated words, one token per word, and
    /// probabilities putting all mass on `labels[i]`.
    fn decode(text: &str, labels: &[&str]) -> Vec<(Label, String)> {
        let map = LabelMap::from_names(NAMES);
        let mut offsets = Vec::new();
        let mut pos = 0;
        for w in text.split(' ') {
            offsets.push((pos, pos + w.len()));
            pos += w.len() + 1;
        }
        let enc = Encoded {
            ids: vec![0; offsets.len()],
            words: (0..offsets.len()).map(|i| Some(i as u32)).collect(),
            offsets,
        };
        let probs: Vec<Vec<f32>> = labels
            .iter()
            .map(|l| {
                let i = NAMES.iter().position(|n| n == l).unwrap();
                (0..NAMES.len())
                    .map(|k| if k == i { 0.9 } else { 0.01 })
                    .collect()
            })
            .collect();
        spans(text, &enc, &probs, &map, &Arc::from("t"))
            .into_iter()
            .map(|f| (f.label, text[f.start..f.end].to_string()))
            .collect()
    }

    #[test]
    fn full_name_is_one_person() {
        assert_eq!(
            decode("ask Jane Doe now", &["O", "B-GIVEN_NAME", "B-SURNAME", "O"]),
            vec![(Label::Person, "Jane Doe".to_string())]
        );
        assert_eq!(
            decode("Jane F. Doe", &["B-GIVEN_NAME", "O", "B-SURNAME"]),
            vec![(Label::Person, "Jane F. Doe".to_string())]
        );
    }

    #[test]
    fn address_is_one_location_and_lone_state_is_dropped() {
        assert_eq!(
            decode(
                "at 42 Baker Street, London",
                &[
                    "O",
                    "B-BUILDING_NUMBER",
                    "B-STREET_NAME",
                    "B-STREET_NAME",
                    "B-CITY"
                ]
            ),
            vec![(Label::Location, "42 Baker Street, London".to_string())]
        );
        assert!(decode("born in Texas", &["O", "O", "B-STATE"]).is_empty());
        assert_eq!(
            decode("Austin, Texas", &["B-CITY", "B-STATE"]),
            vec![(Label::Location, "Austin, Texas".to_string())]
        );
    }

    #[test]
    fn separate_people_stay_separate_and_routing_numbers_are_ignored() {
        assert_eq!(
            decode("Jane and Bob", &["B-GIVEN_NAME", "O", "B-GIVEN_NAME"]),
            vec![
                (Label::Person, "Jane".to_string()),
                (Label::Person, "Bob".to_string())
            ]
        );
        assert!(decode("routing 021000021", &["O", "B-ROUTING_NUMBER"]).is_empty());
    }

    #[test]
    fn organizations_and_dates_map_directly() {
        assert_eq!(
            decode(
                "Jane works at Leeds General Infirmary since 3rd March 2019",
                &[
                    "B-GIVEN_NAME",
                    "O",
                    "O",
                    "B-ORGANIZATION",
                    "I-ORGANIZATION",
                    "I-ORGANIZATION",
                    "O",
                    "B-DATE_TIME",
                    "I-DATE_TIME",
                    "I-DATE_TIME"
                ]
            ),
            vec![
                (Label::Person, "Jane".to_string()),
                (Label::Organization, "Leeds General Infirmary".to_string()),
                (Label::DateTime, "3rd March 2019".to_string())
            ]
        );
        // Two organizations stay two; one firm's name read in pieces is one.
        assert_eq!(
            decode(
                "Siemens or Bosch",
                &["B-ORGANIZATION", "O", "B-ORGANIZATION"]
            ),
            vec![
                (Label::Organization, "Siemens".to_string()),
                (Label::Organization, "Bosch".to_string())
            ]
        );
        assert_eq!(
            decode(
                "Martin and Sons",
                &["B-SURNAME", "I-ORGANIZATION", "I-ORGANIZATION"]
            ),
            vec![(Label::Organization, "Martin and Sons".to_string())]
        );
    }
}
