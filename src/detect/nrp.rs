//! NRP: a person's nationality, ethnic group, religion or political affiliation,
//! stated about that person (TAXONOMY: "a 54-year-old Hispanic woman", "he is a
//! practising Catholic"; "German cars" is no NRP).
//!
//! A dictionary (`nrp_terms`) finds the words; a term counts only where the text
//! states it of someone:
//! - as a form field's or table column's value ("Nationality: Indian",
//!   "Konfession (Kirchensteuer): römisch-katholisch");
//! - before a person ("a Filipino man", "Polish national", "66 yo Orthodox
//!   Christian female"), or after one in Romance word order ("mujer mexicana");
//! - after words that state it ("identifies as", "a practising", "registered",
//!   "de nationalité", "I'm") or a copula whose subject is a person ("Pt is Sikh",
//!   "Yasmina Amrani is moslim", "The witness is Caucasian"), when the clause ends
//!   with it or goes on with a person ("is Mexican food" is about food);
//! - after an age and sex ("67F, Mexican American");
//! - a party in brackets after a name ("Cllr Naveed Akhtar (Labour, …)").
//!
//! A capitalised word right after the term makes it part of a name ("Christian
//! Weber", "Catholic University"), not an NRP. Colours and continents ("white",
//! "Asian") count only on a field or between an age and a person ("45 yo white
//! male"). The model finds no NRP, so this is the only source of the label; the
//! GDPR policy routes its findings like the special-category vocabularies.

use std::sync::Arc;

use super::nrp_terms::{
    inflected, Kind, ADVERBS, ARTICLES, COPULAS, ENGLISH, FIELDS, MORE_LANGUAGES, NOT_NAMES,
    OTHER_LANGUAGES, PERSON_AFTER, PERSON_AFTER_CAPITALISED, PERSON_BEFORE, PERSON_SUBJECTS,
    STATED_BEFORE, TITLES,
};
use super::words::{runs, WordTable};
use super::{line_start, word_after, word_before, Detector, Finding, Label, ScanInput};

/// One dictionary entry.
#[derive(Debug, Clone)]
struct Term {
    text: String,
    kind: Kind,
    /// Matches only with a capital first letter: the term is written so (English
    /// words, German and Polish nouns); colours are not.
    cased: bool,
    /// Some language writes it capitalised, so a capital does not make it a
    /// proper noun.
    capitalised_spelling: bool,
}

impl Term {
    fn new(text: String, kind: Kind) -> Term {
        let capitalised_spelling = text.starts_with(char::is_uppercase);
        let cased = kind != Kind::Colour && capitalised_spelling;
        Term {
            text,
            kind,
            cased,
            capitalised_spelling,
        }
    }
}

/// Finds NRP terms stated about a person.
#[derive(Debug)]
pub struct NrpDetector {
    /// Each term's first word → its group in `groups`.
    first_words: WordTable<u16>,
    /// The terms that start with the same word, longest first.
    groups: Vec<Vec<Term>>,
    name: Arc<str>,
}

impl Default for NrpDetector {
    fn default() -> Self {
        // "Korean American" is also written "Korean-American".
        let hyphenated = ENGLISH
            .iter()
            .filter(|(t, _)| t.ends_with(" American"))
            .map(|&(t, kind)| (t.replace(' ', "-"), kind));
        let terms = ENGLISH
            .iter()
            .chain(OTHER_LANGUAGES)
            .chain(MORE_LANGUAGES)
            .map(|&(t, kind)| (t.to_string(), kind))
            .chain(hyphenated)
            .chain(inflected())
            .map(|(t, kind)| Term::new(t, kind));
        let mut keys: Vec<String> = Vec::new();
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut group_of: std::collections::HashMap<String, usize> = Default::default();
        for term in terms {
            // ASCII folding, as the table's lookups fold ("Österreicher" keeps its Ö).
            let key = first_word(&term.text).to_ascii_lowercase();
            let g = *group_of.entry(key.clone()).or_insert_with(|| {
                keys.push(key);
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(term);
        }
        for group in &mut groups {
            // Longest first; of two spellings of one term, the one matching any case
            // (a language writing it in lower case) is kept.
            group.sort_by_key(|t| {
                (
                    std::cmp::Reverse(t.text.len()),
                    t.text.to_ascii_lowercase(),
                    t.cased,
                )
            });
            group.dedup_by(|later, kept| {
                let same = later.text.eq_ignore_ascii_case(&kept.text);
                if same {
                    kept.cased &= later.cased;
                    kept.capitalised_spelling |= later.capitalised_spelling;
                }
                same
            });
        }
        let index = |g: usize| u16::try_from(g).expect("fewer than 65536 term groups");
        NrpDetector {
            first_words: WordTable::new(
                keys.iter().enumerate().map(|(g, k)| (k.as_str(), index(g))),
            ),
            groups,
            name: Arc::from("dictionary:nrp"),
        }
    }
}

/// The leading letters of `s` (up to its first character that is no letter).
fn first_word(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    &s[..end]
}

impl Detector for NrpDetector {
    fn name(&self) -> &str {
        "nrp"
    }

    fn detect(&self, input: &ScanInput<'_>, out: &mut Vec<Finding>) {
        let cands = self.candidates(input.text());
        let mut verdicts: Vec<Verdict> = cands
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let next_is_term = cands.get(i + 1).is_some_and(|n| {
                    n.start == c.end + 1 && input.text().as_bytes()[c.end] == b' '
                });
                verdict(input, c, next_is_term)
            })
            .collect();
        inherit_along_lists(input.text(), &cands, &mut verdicts);
        for (c, v) in cands.iter().zip(verdicts) {
            if v == Verdict::Yes {
                out.push(Finding {
                    start: c.start,
                    end: c.end,
                    label: Label::Nrp,
                    score: 0.85,
                    detector: self.name.clone(),
                });
            }
        }
    }
}

/// One occurrence of a term in the text.
#[derive(Debug, Clone, Copy)]
struct Cand {
    start: usize,
    end: usize,
    kind: Kind,
    /// The vocabulary writes it in lower case but the text capitalises it
    /// ("Argentina", "Italien", "François"): a proper noun, unless at a sentence
    /// start or a field's value.
    capitalised_lower_entry: bool,
}

impl NrpDetector {
    /// Every term occurrence, longest term first at each word, none inside another.
    fn candidates(&self, text: &str) -> Vec<Cand> {
        let b = text.as_bytes();
        let mut found = Vec::new();
        let mut found_until = 0;
        for (run_start, e) in runs(b, |c| c.is_ascii_alphabetic() || c >= 0x80) {
            // A run with non-ASCII bytes may start or hold punctuation (NBSP, “, ’):
            // the word is its first letters. (Most runs are ASCII letters.)
            let run = &text[run_start..e];
            let (s, word) = if run.is_ascii() {
                (run_start, run)
            } else {
                let lead = run.len() - run.trim_start_matches(|c: char| !c.is_alphabetic()).len();
                (run_start + lead, first_word(&run[lead..]))
            };
            if s < found_until || word.is_empty() {
                continue;
            }
            let Some(group) = self.first_words.get(word.as_bytes()) else {
                continue;
            };
            if glued_before(text, s) {
                continue;
            }
            let capital = text[s..].starts_with(char::is_uppercase);
            let Some(term) = self.groups[usize::from(group)]
                .iter()
                .find(|t| term_at(text, s, t) && (!t.cased || capital))
            else {
                continue;
            };
            let mut end = s + term.text.len();
            // "Taiwanese American", "Greek-Canadian": one heritage, one span.
            if matches!(term.kind, Kind::Nationality | Kind::Ethnicity) {
                for second in [
                    " American",
                    "-American",
                    " Canadian",
                    "-Canadian",
                    " Australian",
                ] {
                    let joined = end + second.len();
                    if text[end..].starts_with(second)
                        && !word_after(text, joined)
                        && !glued_after(text, joined)
                    {
                        end = joined;
                        break;
                    }
                }
            }
            found_until = end;
            found.push(Cand {
                start: s,
                end,
                kind: term.kind,
                // A phrase ("Testemunha de Jeová") is no proper noun of one word.
                capitalised_lower_entry: capital
                    && !term.capitalised_spelling
                    && !term.text.contains(' '),
            });
        }
        found
    }
}

/// Whether `term` is written at byte `s` of `text` as whole words (ASCII case
/// ignored; other letters exact).
fn term_at(text: &str, s: usize, term: &Term) -> bool {
    let end = s + term.text.len();
    text.as_bytes()
        .get(s..end)
        .is_some_and(|w| w.eq_ignore_ascii_case(term.text.as_bytes()))
        && text.is_char_boundary(end)
        && !word_after(text, end)
        && !glued_after(text, end)
}

/// A hyphen or slash joins the word to the one before ("non-Hispanic"), except
/// the prefixes of a mixed heritage ("half-Japanese").
fn glued_before(text: &str, s: usize) -> bool {
    let b = text.as_bytes();
    if s >= 2 && matches!(b[s - 1], b'-' | b'/') && word_before(text, s - 1) {
        let prefix = text[..s - 1]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        return !["half", "part", "quarter"].contains(&prefix.to_ascii_lowercase().as_str());
    }
    word_before(text, s)
}

fn glued_after(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    matches!(b.get(end), Some(b'-' | b'/')) && word_after(text, end + 1)
}

/// What the words around a term say of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// Stated of a person.
    Yes,
    /// Part of a name, a population's share, a thing's attribute: never NRP.
    No,
    /// Nothing says: NRP only as an item of a list whose neighbour is
    /// ("Hazara, Shia, Afghan citizen"; "somalisk og muslim").
    Maybe,
}

/// The verdict on one candidate (see the module doc). `next_is_term`: another
/// term follows after one space ("Sri Lankan Tamil", "Rohingya Muslim").
fn verdict(input: &ScanInput<'_>, c: &Cand, next_is_term: bool) -> Verdict {
    let text = input.text();
    let lower = input.lowercase();
    let (start, end) = (c.start, c.end);
    let line_before = &lower[line_start(lower, start)..start];
    let after = next_word(text, end);
    let capital_after = after.as_ref().is_some_and(|(_, capital)| *capital);
    let person_after = after
        .as_ref()
        .is_some_and(|(w, capital)| person_word_after(w, *capital) && national_ends(text, end, w))
        || attribute_after(after.as_ref(), &lower[..start]);
    // "Christian Weber", "Catholic University": part of a name; "Italian Grand
    // Prix" even as a field's value.
    let name_after = capital_after
        && !next_is_term
        && !person_after
        && after.as_ref().is_none_or(|(w, _)| w != "i");
    if is_field_value(input, start, line_before) {
        return if name_after {
            Verdict::No
        } else {
            Verdict::Yes
        };
    }
    if c.capitalised_lower_entry && !at_sentence_start(line_before) {
        return Verdict::No;
    }
    if c.kind == Kind::Colour {
        return if person_after && age_before(&lower[..start]) {
            Verdict::Yes
        } else {
            Verdict::No
        };
    }
    // "Hispanic voters, who make up 30% of the district": a population.
    let group_after = after
        .as_ref()
        .is_some_and(|(w, _)| w.ends_with('s') && w != "parents");
    if (group_after || !person_after) && share_in_sentence(lower, start, end) {
        return Verdict::No;
    }
    if person_after {
        return Verdict::Yes;
    }
    // "Hi, I'm Christian, 35": a name and an age.
    if name_after
        || text[end..]
            .strip_prefix(", ")
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    {
        return Verdict::No;
    }
    let goes_on_about_person = clause_ends_at(text, end) || next_is_term;
    let before = strip_article(strip_adverb(strip_article(&lower[..start])));
    if goes_on_about_person && cue_before(before, c.kind) {
        return Verdict::Yes;
    }
    // Romance word order, "mujer mexicana": the adjective is lower case there
    // ("signora Greco" is a name).
    let lower_case_term = !text[start..].starts_with(char::is_uppercase);
    if lower_case_term && PERSON_BEFORE.iter().any(|cue| ends_with_words(before, cue)) {
        return Verdict::Yes;
    }
    if in_brackets_after_name(text, start, end, c.kind) {
        return Verdict::Yes;
    }
    if c.kind != Kind::Politics
        && (age_before(&lower[..start]) || after_person_in_list(before) || person_as_before(before))
    {
        return Verdict::Yes;
    }
    if goes_on_about_person
        && (copula_with_person(text, before) || appositive_of_name(text, &lower[..start]))
    {
        return Verdict::Yes;
    }
    Verdict::Maybe
}

/// A term nothing decided takes the verdict of a neighbour it is listed with
/// ("Hazara, Shia, Afghan citizen", "a Sri Lankan Tamil", "Kashubian and a
/// Catholic"), in both directions.
fn inherit_along_lists(text: &str, cands: &[Cand], verdicts: &mut [Verdict]) {
    let joined = |a: &Cand, b: &Cand| {
        let gap = text[a.end..b.start].to_ascii_lowercase();
        LIST_JOINERS.contains(&gap.as_str())
    };
    for i in 1..cands.len() {
        if verdicts[i] == Verdict::Maybe
            && verdicts[i - 1] == Verdict::Yes
            && joined(&cands[i - 1], &cands[i])
        {
            verdicts[i] = Verdict::Yes;
        }
    }
    for i in (0..cands.len().saturating_sub(1)).rev() {
        if verdicts[i] == Verdict::Maybe
            && verdicts[i + 1] == Verdict::Yes
            && joined(&cands[i], &cands[i + 1])
        {
            verdicts[i] = Verdict::Yes;
        }
    }
}

/// What may stand between two items of one list of a person's NRP.
const LIST_JOINERS: &[&str] = &[
    " ",
    ", ",
    " and ",
    " and a ",
    " and an ",
    ", and ",
    " & ",
    " / ",
    "/",
    " or ",
    " y ",
    " e ",
    " et ",
    " und ",
    " en ",
    " og ",
    " och ",
    " i ",
    " a ",
    " ve ",
    " dan ",
    " și ",
    ", a ",
    ", an ",
    " and half ",
    ", half ",
];

/// Cue words right before the term; those about practice or a record count
/// only for the kinds they speak of ("I'm practicing Spanish", "a former British
/// colony", "a registered English charity").
fn cue_before(before: &str, kind: Kind) -> bool {
    const RELIGIOUS: &[&str] = &[
        "practising ",
        "practicing ",
        "non-practising ",
        "non-practicing ",
        "devout ",
        "observant ",
        "lapsed ",
        "baptised ",
        "baptized ",
        "raised ",
        "converted ",
    ];
    const RECORDED: &[&str] = &[
        "registered ",
        "former ",
        "card-carrying ",
        "lifelong ",
        "staunch ",
    ];
    // "de origen mexicano" names a product's origin as often as a person's; after
    // a comma it is an aside about the person ("Le requérant, d'origine arménienne,").
    const ORIGIN: &[&str] = &["d'origine ", "de origen ", "de origem ", "di origine "];
    let ends = |cues: &[&str]| cues.iter().any(|cue| ends_with_words(before, cue));
    if ends(RELIGIOUS) {
        return kind == Kind::Religion;
    }
    if ends(RECORDED) {
        return matches!(kind, Kind::Politics | Kind::Religion);
    }
    if ends(ORIGIN) {
        return ORIGIN
            .iter()
            .any(|cue| before.ends_with(&format!(", {cue}")));
    }
    (kind == Kind::Politics && ends_with_words(before, "strong "))
        || STATED_BEFORE.iter().any(|cue| ends_with_words(before, cue))
}

/// Whether `line_before` ends where a sentence, line or field starts.
fn at_sentence_start(line_before: &str) -> bool {
    let t = line_before.trim_end();
    t.is_empty() || t.ends_with(['.', '!', '?', ':', '|', '\t', '"', '(', ','])
}

/// "42yo Turkish male, Muslim, fasting": the term follows a person word in a list.
fn after_person_in_list(before: &str) -> bool {
    let Some(item) = before.strip_suffix(", ") else {
        return false;
    };
    let word = item
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    ["male", "female", "man", "woman", "boy", "girl"].contains(&word)
}

/// Whether the sentence holding `start..end` (within its line) speaks of a
/// share of people.
fn share_in_sentence(lower: &str, start: usize, end: usize) -> bool {
    let line_before = &lower[line_start(lower, start)..start];
    let line_after = &lower[end..super::line_end(lower, end)];
    let before = line_before.rsplit(". ").next().unwrap_or(line_before);
    let after = line_after.split(". ").next().unwrap_or(line_after);
    about_a_share(before) || about_a_share(after)
}

/// Whether a piece of a sentence speaks of a share of people.
fn about_a_share(sentence: &str) -> bool {
    sentence.contains('%') || sentence.contains(" percent") || sentence.contains(" per cent")
}

/// "… and the father as Yemeni": a person word, then "as".
fn person_as_before(before: &str) -> bool {
    before.strip_suffix(" as ").is_some_and(|b| {
        let word = b
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        PERSON_SUBJECTS.contains(&word)
    })
}

/// `before` without one trailing adverb ("is actually ").
fn strip_adverb(before: &str) -> &str {
    ADVERBS
        .iter()
        .find(|a| ends_with_words(before, a))
        .map_or(before, |a| &before[..before.len() - a.len()])
}

/// The word after `end` when only one space separates them (letters of any
/// alphabet, lower-cased), and whether it is capitalised.
fn next_word(text: &str, end: usize) -> Option<(String, bool)> {
    let rest = text.get(end..)?.strip_prefix(' ')?;
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    let whole = rest[word.len()..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    let capital = word.starts_with(char::is_uppercase);
    (!word.is_empty() && whole).then(|| (word.to_lowercase(), capital))
}

/// Whether `word` (lower case) is a person the term can stand before. English
/// person words count only in lower case (a capital starts a name: "Polish
/// National Bank"); German nouns are capitalised.
fn person_word_after(word: &str, capital: bool) -> bool {
    if capital {
        return PERSON_AFTER_CAPITALISED.contains(&word);
    }
    PERSON_AFTER.contains(&word)
}

/// "national" is a person when the clause ends after it or goes on about
/// them ("a Polish national, …", "an Eritrean national of Tigrinya ethnicity"),
/// not in "the Brazilian national team".
fn national_ends(text: &str, end: usize, word: &str) -> bool {
    if !matches!(word, "national" | "nationals") {
        return true;
    }
    let rest = &text[end + 1 + word.len()..];
    rest.is_empty()
        || rest.starts_with(['.', ',', ';', ':', ')', '\n'])
        || [
            " of ",
            " who ",
            " and ",
            " living ",
            " residing ",
            " with ",
            " from ",
            " born ",
            " in ",
        ]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// "of Nigerian descent", "holds Italian citizenship": an attribute word after
/// the term, when a person holds it (a copula or person word before "of", a
/// possessive, "holds"); "products of Chinese origin" are no one's.
fn attribute_after(after: Option<&(String, bool)>, before: &str) -> bool {
    const ATTRIBUTES: &[&str] = &[
        "descent",
        "heritage",
        "origin",
        "extraction",
        "ancestry",
        "background",
        "ethnicity",
        "citizenship",
        "nationality",
        "afkomst",
        "herkomst",
        "abstammung",
        "herkunft",
        "staatsangehörigkeit",
        "bakgrunn",
        "bakgrund",
    ];
    let Some((word, _)) = after else {
        return false;
    };
    if !ATTRIBUTES.contains(&word.as_str()) {
        return false;
    }
    let before = strip_article(before);
    [
        "his ", "her ", "their ", "my ", "holds ", "has ", "have ", "dual ", "van ", "har ",
    ]
    .iter()
    .any(|w| ends_with_words(before, w))
        || before.strip_suffix("of ").is_some_and(|b| {
            let word = b.trim_end().rsplit(' ').next().unwrap_or("");
            ["is", "are", "was", "were", "am", "be", "being"].contains(&word)
                || person_word_after(word, false)
        })
}

/// `before` without one trailing article ("is a " → "is ").
fn strip_article(before: &str) -> &str {
    ARTICLES
        .iter()
        .find(|a| ends_with_words(before, a))
        .map_or(before, |a| &before[..before.len() - a.len()])
}

/// Whether `hay` ends with `cue` and `cue` starts a word there.
fn ends_with_words(hay: &str, cue: &str) -> bool {
    hay.ends_with(cue) && !word_before(hay, hay.len() - cue.len())
}

/// Whether `start` is the value of a form field or a table column about NRP
/// (`line_before`: the lowercased line up to `start`).
fn is_field_value(input: &ScanInput<'_>, start: usize, line_before: &str) -> bool {
    if let Some(header) = input.column_header(start) {
        let header = header.trim().trim_matches('"').to_lowercase();
        if FIELDS
            .iter()
            .any(|f| header == *f || header.replace('_', " ") == *f)
        {
            return true;
        }
    }
    let line = line_before;
    // "<citizenship>Haitian": an element named like a field.
    if let Some(open) = line.strip_suffix('>').and_then(|l| l.rsplit_once('<')) {
        return FIELDS.contains(&open.1);
    }
    let line = line.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '“'));
    let Some(label) = line.strip_suffix([':', '=', '|', '\t', '-']) else {
        return false;
    };
    let mut label =
        label.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '*'));
    // "Konfession (Kirchensteuer):": the bracket qualifies the field.
    if label.ends_with(')') {
        if let Some(open) = label.rfind('(') {
            label = label[..open].trim_end();
        }
    }
    FIELDS.iter().any(|f| ends_with_words(label, f))
}

/// Whether an age with its unit or a sex ends `before`: "67F, ", "45 yo ",
/// "a 30-year-old ", "aged 52, ". A bare number is no age ("Tacos,9,Mexican"),
/// nor a sum or a length ("$25m, Chinese investors", "200m, Italian …").
fn age_before(before: &str) -> bool {
    let listed = before.trim_end().ends_with(',');
    let s = before.trim_end_matches([' ', ',']);
    let units = [
        "-year-old",
        " year old",
        "-years-old",
        " years old",
        "yo",
        "y/o",
        "yrs",
        " j.",
        " jahre",
        " ans",
        " anos",
        " a\u{f1}os",
        " anni",
        " \u{e5}r",
        " jaar",
        " lat",
        " ya\u{15f}\u{131}nda",
    ];
    let (s, unit) = match units.iter().find_map(|u| s.strip_suffix(u)) {
        Some(rest) => (rest.trim_end(), true),
        // A sex letter right after the age and before a comma: "67F, ".
        None => match s.strip_suffix(['f', 'm']) {
            Some(rest) if listed && rest.ends_with(|c: char| c.is_ascii_digit()) => (rest, true),
            _ => (s, false),
        },
    };
    let digits = s.bytes().rev().take_while(u8::is_ascii_digit).count();
    let number = &s[..s.len() - digits];
    let age_like = s[s.len() - digits..].parse::<u32>().is_ok_and(|n| n <= 120);
    (1..=3).contains(&digits)
        && age_like
        && !word_before(s, s.len() - digits)
        && !number.ends_with(['$', '€', '£'])
        && (unit || number.ends_with("aged "))
}

/// Whether the clause ends right after the term, or goes on with "and".
fn clause_ends_at(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    rest.is_empty()
        || rest.starts_with(['.', ',', ';', ':', '!', '?', ')', '\n', '\r'])
        || [
            " and ",
            " und ",
            " et ",
            " y ",
            " e ",
            " en ",
            " i ",
            " but ",
            " so ",
            " och ",
            " og ",
            " ve ",
            " \u{2013} ",
            " \u{2014} ",
            " - ",
            " who ",
            " from ",
            " since ",
            " seit ",
            " aus ",
            " depuis ",
            " desde ",
            " da ",
            " sinds ",
            " od ",
            " after ",
            " before ",
            " when ",
            " because ",
            " there ",
            " in ",
            " at ",
            " for ",
            " on ",
            " to ",
            " with ",
            " now",
            " by ",
            " until ",
            // "musulmano osservante": a word of practice goes on about the person
            " practising",
            " practicing",
            " observant",
            " praticante",
            " pratiquant",
            " osservante",
            " practicante",
            " praktizierend",
        ]
        .iter()
        .any(|j| rest.starts_with(j))
}

/// Whether `before` (lower case, article stripped) ends with a copula whose
/// subject is a person: a person word, a name of two capitalised words or a
/// title (or person word) and a name, or a sentence's start in a language that
/// drops the subject ("Jest katolikiem").
fn copula_with_person(text: &str, before: &str) -> bool {
    let Some(copula) = COPULAS.iter().find(|c| before.ends_with(*c)) else {
        return false;
    };
    let subject_end = before.len() - copula.len();
    let subject = text[..subject_end].trim_end();
    if subject.is_empty() || subject.ends_with(['.', '!', '?', '\n']) {
        return !matches!(*copula, " is " | " was " | " are ");
    }
    if subject.ends_with(',') {
        // "paciente Raimunda, prontuário 63590955, é …": only after a person word
        // in the same clause ("The restaurant, which opened last year, is …" is not).
        let clause = &before[line_start(before, subject_end)..subject_end];
        return clause
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| PERSON_SUBJECTS.contains(&w));
    }
    let mut words = subject
        .rsplit(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let Some(last) = words.next().filter(|w| !w.is_empty()) else {
        return false;
    };
    let is = |list: &[&str], w: &str| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    if is(PERSON_SUBJECTS, last) {
        // "Our logistics partner is German": a partner is a person only as someone's.
        return !last.eq_ignore_ascii_case("partner")
            || words
                .next()
                .is_some_and(|w| is(&["my", "his", "her", "their", "your"], w));
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if !capitalised(last) || is(NOT_NAMES, last) {
        return false;
    }
    let Some(previous) = words.next() else {
        return false;
    };
    if is(TITLES, previous) || is(PERSON_SUBJECTS, previous) {
        return true;
    }
    // Two capitalised words, not after a preposition ("in Costa Rica are").
    capitalised(previous)
        && !is(NOT_NAMES, previous)
        && !words.next().is_some_and(|w| is(PREPOSITIONS, w))
}

/// Words before a capitalised pair that make it a place or a thing.
const PREPOSITIONS: &[&str] = &[
    "in", "on", "of", "at", "for", "with", "from", "to", "by", "im", "bei", "von", "aus", "de",
    "en", "di", "da", "du", "dans", "w", "na", "i", "på",
];

/// "Rep. Feldman, a Democrat from Ohio": the term in an appositive to a name.
fn appositive_of_name(text: &str, before: &str) -> bool {
    let Some(name_end) = [", a ", ", an "]
        .iter()
        .find_map(|a| before.strip_suffix(a).map(str::len))
    else {
        return false;
    };
    let word = text[..name_end].rsplit(' ').next().unwrap_or("");
    (word.starts_with(char::is_uppercase) && !NOT_NAMES.contains(&word.to_lowercase().as_str()))
        || PERSON_SUBJECTS.contains(&word.to_lowercase().as_str())
}

/// A religion or party in brackets after a name: "Aarav Mehta (Sikh) was …",
/// "Cllr Naveed Akhtar (Labour, Sparkhill ward)". Nationalities are not taken
/// ("User Guide (English)").
fn in_brackets_after_name(text: &str, start: usize, end: usize, kind: Kind) -> bool {
    if matches!(kind, Kind::Nationality | Kind::Colour) {
        return false;
    }
    let rest = &text[end..];
    let closes = rest.starts_with(')')
        || (kind == Kind::Politics
            && rest
                .strip_prefix(", ")
                .is_some_and(|r| r.starts_with(char::is_uppercase)));
    let Some(before) = text[..start].strip_suffix(" (") else {
        return false;
    };
    let mut words = before.rsplit(' ');
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    let is = |list: &[&str], w: &str| {
        list.iter()
            .any(|x| w.trim_end_matches('.').eq_ignore_ascii_case(x))
    };
    let (Some(last), Some(previous)) = (words.next(), words.next()) else {
        return false;
    };
    closes
        && capitalised(last)
        && !is(NOT_NAMES, last)
        && ((capitalised(previous) && !is(NOT_NAMES, previous)) || is(TITLES, previous))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nrp(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        NrpDetector::default().detect(&ScanInput::new(text), &mut out);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn terms_stated_about_a_person() {
        let cases: &[(&str, &str)] = &[
            (
                "Patient is a 30-year-old Filipino man with asthma.",
                "Filipino",
            ),
            (
                "SOAP note. S: 66 yo Orthodox Christian female c/o chest pain",
                "Orthodox Christian",
            ),
            (
                "Family: daughter Ana. Pt is Sikh, requests chaplain visit.",
                "Sikh",
            ),
            ("I'm Muslim and fasting this month", "Muslim"),
            (
                "The witness is Caucasian and has asked for an interpreter.",
                "Caucasian",
            ),
            (
                "client Joan Blake, 56, identifies as Irish, lives with",
                "Irish",
            ),
            (
                "Pt: Dolores Hope-Ramírez, 67F, Mexican American, Spanish-speaking",
                "Mexican American",
            ),
            (
                "Tomasz Wiśniewski, 39, Polish national, lives alone",
                "Polish",
            ),
            (
                "Ethnicity: Hispanic or Latino\nStart date",
                "Hispanic or Latino",
            ),
            (
                "for Maria Dela Cruz, a Filipino citizen, who has worked",
                "Filipino",
            ),
            (
                "Gurpreet Singh Dhillon, is a practising Sikh and has asked",
                "Sikh",
            ),
            (
                "mocked her for being a registered Republican after the election",
                "Republican",
            ),
            (
                "Surname: Menon\nNationality: Indian\nPlace of birth",
                "Indian",
            ),
            (
                "our son Liam was baptised Catholic there on 16 July",
                "Catholic",
            ),
            (
                "Draft an e-mail to Cllr Naveed Akhtar (Labour, Sparkhill ward)",
                "Labour",
            ),
            (
                "Geburtsort: Lübeck\nStaatsangehörigkeit: deutsch\n",
                "deutsch",
            ),
            (
                "Konfession (Kirchensteuer): römisch-katholisch\nIBAN",
                "römisch-katholisch",
            ),
            (
                "Je soussignée Nadia Berrada, de nationalité marocaine, demeurant",
                "marocaine",
            ),
            (
                "la Lic. Ana Herrera, de nacionalidad mexicana, trabaja",
                "mexicana",
            ),
            ("mevrouw Yasmina Amrani is moslim en wil vasten", "moslim"),
            (
                "paciente Raimunda, prontuário 63590955, é Testemunha de Jeová e recusa",
                "Testemunha de Jeová",
            ),
            ("Pani Olena Kovalenko jest Ukrainką, pracuje", "Ukrainką"),
            ("A 45 yo white male presents with chest pain", "white"),
            (
                "She describes herself as a non-practising Jewish woman.",
                "Jewish",
            ),
            ("Mrs Patel is Hindu.", "Hindu"),
            ("He is of Nigerian descent.", "Nigerian"),
            (
                "The claimant, who is Hazara, fears persecution on return.",
                "Hazara",
            ),
            (
                "Il mio collega è musulmano osservante e il venerdì esce prima.",
                "musulmano",
            ),
            (
                "Madame Ndiaye, ressortissante congolaise, a déposé une demande.",
                "congolaise",
            ),
            ("Sie ist Italienerin und betreibt ein Café.", "Italienerin"),
            (
                "Der Beschuldigte, ein tunesischer Staatsangehöriger, wurde festgenommen.",
                "tunesischer",
            ),
            ("Obywatelstwo: litewskie\nStan cywilny: wolna", "litewskie"),
            (
                "Ebba Sandberg är syrisk-ortodox och kom till Sverige 2013.",
                "syrisk-ortodox",
            ),
            ("Uyruk: Afgan\nMedeni hâl: evli", "Afgan"),
            (
                "<person><citizenship>Haitian</citizenship></person>",
                "Haitian",
            ),
            (
                "Rep. Feldman, a Democrat from Ohio, introduced the bill.",
                "Democrat",
            ),
            ("Aarav Mehta (Sikh) was refused entry.", "Sikh"),
            ("lol my mom is Samoan and my dad is a builder", "Samoan"),
            (
                "Claimant profile: Hazara, Shia, Afghan citizen, born in Ghazni.",
                "Hazara Shia Afghan",
            ),
            (
                "I'm a Sri Lankan Tamil; my parents are Hindu.",
                "Sri Lankan Tamil Hindu",
            ),
            (
                "The Taiwanese American lawmaker, a Presbyterian, sits on it.",
                "Taiwanese American Presbyterian",
            ),
            (
                "Grandma Ruth was Lutheran and Scottish.",
                "Lutheran Scottish",
            ),
            ("Jeg er pakistansk og muslim.", "pakistansk muslim"),
            ("Nationality:\u{a0}Indian", "Indian"),
            ("Nationalité\u{a0}: française", "française"),
            ("She’s Muslim.", "Muslim"),
            ("a 30-year-old Filipino Catholic man", "Filipino Catholic"),
            ("She is half-Japanese.", "Japanese"),
            ("Herr Yıldız ist ein syrischer Flüchtling.", "syrischer"),
            (
                "She describes herself as Korean-American and writes.",
                "Korean-American",
            ),
        ];
        for &(text, want) in cases {
            // Several expected spans are written space-separated.
            let found = nrp(text).join(" ");
            assert_eq!(found, want, "{text}");
        }
    }

    #[test]
    fn terms_about_things_or_names_are_not_nrp() {
        for text in [
            "German cars are reliable.",
            "Translate this into German, please.",
            "The restaurant is Mexican and opens at noon.",
            "Acme is an American company.",
            "Christian Weber called about the invoice.",
            "She studies at the Catholic University of Leuven.",
            "Polish the silver before the party.",
            "Der Text ist deutsch.",
            "The text is English.",
            "Labour costs rose by 4% last quarter.",
            "Conservative management was advised.",
            "The white male connector is loose.",
            "a black cat sat on the mat",
            "non-Hispanic",
            "The Asian markets closed higher.",
            "He asked about Jewish holidays in May.",
            "Census 2021: 5% of respondents identified as Hindu and 3% as Sikh.",
            "The tool is vendor-agnostic.",
            "La signora Greco è arrivata ieri.",
            "I'm a pole vaulter.",
            "Übersetze den Text ins Italienische.",
            "Wir essen heute beim Italiener um die Ecke.",
            "He has a strong Mexican accent.",
            // From the review: cues, brackets, proper nouns, copulas, units, attributes.
            "We are a German company based in Hamburg.",
            "She is a French teacher.",
            "I'm practicing Spanish every day.",
            "I converted Chinese characters to pinyin.",
            "Hong Kong is a former British colony.",
            "Acme Ltd is a registered English charity.",
            "Viande d'origine française, élevée en plein air.",
            "Translate to Spanish (Mexican) please.",
            "User Guide (English)",
            "Messi (Argentina) scored twice.",
            "Breakdown (Labour, parts, VAT)",
            "Unser Hauptmarkt ist Italien.",
            "Hi, I'm François and I need help.",
            "I'm an Americano drinker.",
            "The restaurant, which opened last year, is Mexican.",
            "The default language in Windows Server is English.",
            "Most people in Costa Rica are Catholic.",
            "Unsere Firma ist deutsch.",
            "Our logistics partner is German.",
            "We raised $25m, Chinese investors led.",
            "Walk 200m, Italian restaurant on the left.",
            "a 1m black male-to-female cable",
            "Anyone watch the Italian national team last night?",
            "You can apply for Italian citizenship by descent.",
            "German asylum law changed in 2024.",
            "These are products of Chinese origin.",
            "Next race: Italian Grand Prix",
            "Hi, I'm Christian, 35, an engineer.",
            "Both parties are courting Hispanic voters, who make up 30% of the district.",
            "Currently learning Japanese on my commute.",
            "The Republican National Committee moved its convention.",
        ] {
            assert_eq!(nrp(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn a_column_about_ethnicity_labels_its_cells() {
        let text = "name,age,ethnicity\nAnna Ruiz,34,Hispanic\nLee Wong,51,Chinese\n";
        assert_eq!(nrp(text), vec!["Hispanic", "Chinese"]);
        // The same words in a column about something else are no NRP.
        let text = "dish,price,cuisine\nTacos,9,Mexican\nDumplings,7,Chinese\n";
        assert!(nrp(text).is_empty());
    }

    #[test]
    fn spans_are_whole_words() {
        // "Sikhism" holds "Sikh" but is no term; "Irish-born" is glued.
        assert!(nrp("Pt is Sikhism.").is_empty());
        assert!(nrp("He is Irish-born.").is_empty());
        assert_eq!(nrp("He is Irish."), vec!["Irish"]);
    }
}
