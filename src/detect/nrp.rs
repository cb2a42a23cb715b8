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
    inflected, Kind, ADVERBS, ARTICLES, COPULAS, ENGLISH, FIELDS, NOT_NAMES, OTHER_LANGUAGES,
    PERSON_AFTER, PERSON_BEFORE, PERSON_SUBJECTS, STATED_BEFORE, TITLES,
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
}

impl Term {
    fn new(text: String, kind: Kind) -> Term {
        let cased = kind != Kind::Colour && text.starts_with(char::is_uppercase);
        Term { text, kind, cased }
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
            .map(|&(t, kind)| (t.to_string(), kind))
            .chain(hyphenated)
            .chain(inflected())
            .map(|(t, kind)| Term::new(t, kind));
        let mut keys: Vec<String> = Vec::new();
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut group_of: std::collections::HashMap<String, usize> = Default::default();
        for term in terms {
            let key = first_word(&term.text).to_lowercase();
            let g = *group_of.entry(key.clone()).or_insert_with(|| {
                keys.push(key);
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(term);
        }
        for group in &mut groups {
            group.sort_by_key(|t| std::cmp::Reverse(t.text.len()));
            group.dedup_by(|a, b| a.text.eq_ignore_ascii_case(&b.text));
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

/// The leading letters of `s` (up to a space, hyphen or apostrophe).
fn first_word(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    &s[..end]
}

impl Detector for NrpDetector {
    fn name(&self) -> &str {
        "nrp"
    }

    fn detect(&self, input: &ScanInput<'_>, out: &mut Vec<Finding>) {
        let text = input.text();
        let b = text.as_bytes();
        // The end of the last term found: its later words start no other term.
        let mut found_until = 0;
        for (s, e) in runs(b, |c| c.is_ascii_alphabetic() || c >= 0x80) {
            if s < found_until {
                continue;
            }
            // A run with non-ASCII bytes may hold punctuation (’, —): the word is
            // its leading letters. (Most runs are ASCII letters: no decoding.)
            let run = &text[s..e];
            let word = if run.is_ascii() { run } else { first_word(run) };
            let Some(group) = self.first_words.get(word.as_bytes()) else {
                continue;
            };
            if glued_before(text, s) {
                continue;
            }
            let Some(term) = self.groups[usize::from(group)].iter().find(|t| {
                term_at(text, s, t) && (!t.cased || b[s].is_ascii_uppercase() || b[s] >= 0x80)
            }) else {
                continue;
            };
            let end = s + term.text.len();
            if stated(input, s, end, term.kind) {
                found_until = end;
                out.push(Finding {
                    start: s,
                    end,
                    label: Label::Nrp,
                    score: 0.85,
                    detector: self.name.clone(),
                });
            }
        }
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

/// A hyphen or slash joins the word to the one before ("non-Hispanic",
/// "Afro-…" not listed).
fn glued_before(text: &str, s: usize) -> bool {
    let b = text.as_bytes();
    s >= 2 && matches!(b[s - 1], b'-' | b'/') && word_before(text, s - 1) || word_before(text, s)
}

fn glued_after(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    matches!(b.get(end), Some(b'-' | b'/')) && word_after(text, end + 1)
}

/// Whether the term at `start..end` is stated about a person (see the module doc).
fn stated(input: &ScanInput<'_>, start: usize, end: usize, kind: Kind) -> bool {
    let text = input.text();
    let lower = input.lowercase();
    if is_field_value(input, start) {
        return true;
    }
    let after = next_word(text, end);
    let person_after = after
        .as_ref()
        .is_some_and(|(w, _)| PERSON_AFTER.contains(&w.as_str()));
    if kind == Kind::Colour {
        return person_after && age_before(&lower[..start]);
    }
    // "5% of respondents identified as Hindu": a population, not a person.
    if about_a_share(&lower[line_start(lower, start)..start]) {
        return false;
    }
    if person_after {
        return true;
    }
    // "Christian Weber", "Catholic University": part of a name.
    if after.is_some_and(|(_, capital)| capital) {
        return false;
    }
    let before = strip_article(strip_adverb(strip_article(&lower[..start])));
    if STATED_BEFORE.iter().any(|cue| ends_with_words(before, cue))
        || (kind == Kind::Politics && ends_with_words(before, "strong "))
    {
        return true;
    }
    // Romance word order, "mujer mexicana": the adjective is lower case there
    // ("signora Greco" is a name).
    let lower_case_term = !text[start..].starts_with(char::is_uppercase);
    if lower_case_term && PERSON_BEFORE.iter().any(|cue| ends_with_words(before, cue)) {
        return true;
    }
    if in_brackets_after_name(text, start, end, kind) {
        return true;
    }
    if kind != Kind::Politics
        && (age_before(&lower[..start]) || after_person_in_list(before) || person_as_before(before))
    {
        return true;
    }
    clause_ends_at(text, end)
        && (copula_with_person(text, &lower[..before.len()])
            || appositive_of_name(text, &lower[..start]))
}

/// "Rep. Feldman, a Democrat from Ohio": the term in an appositive to a name.
fn appositive_of_name(text: &str, before: &str) -> bool {
    let Some(name_end) = [", a ", ", an "]
        .iter()
        .find_map(|a| before.strip_suffix(a).map(str::len))
    else {
        return false;
    };
    text[..name_end].rsplit(' ').next().is_some_and(|w| {
        w.starts_with(char::is_uppercase) && !NOT_NAMES.contains(&w.to_lowercase().as_str())
    })
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

/// Whether the sentence before the term speaks of a share of people.
fn about_a_share(line_before: &str) -> bool {
    let sentence = line_before.rsplit(". ").next().unwrap_or(line_before);
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

/// Whether `start` is the value of a form field or a table column about NRP.
fn is_field_value(input: &ScanInput<'_>, start: usize) -> bool {
    let lower = input.lowercase();
    if let Some(header) = input.column_header(start) {
        let header = header.trim().trim_matches('"').to_lowercase();
        if FIELDS
            .iter()
            .any(|f| header == *f || header.replace('_', " ") == *f)
        {
            return true;
        }
    }
    let line = &lower[line_start(lower, start)..start];
    // "<citizenship>Haitian": an element named like a field.
    if let Some(open) = line.strip_suffix('>').and_then(|l| l.rsplit_once('<')) {
        return FIELDS.contains(&open.1);
    }
    let line = line.trim_end_matches([' ', '"', '\'']);
    let Some(label) = line.strip_suffix([':', '=', '|', '\t', '-']) else {
        return false;
    };
    let mut label = label.trim_end_matches([' ', '"', '\'', '*']);
    // "Konfession (Kirchensteuer):": the bracket qualifies the field.
    if label.ends_with(')') {
        if let Some(open) = label.rfind('(') {
            label = label[..open].trim_end();
        }
    }
    FIELDS.iter().any(|f| ends_with_words(label, f))
}

/// Whether an age with its unit or a sex ends `before`: "67F, ", "45 yo ",
/// "a 30-year-old ", "aged 52, ". A bare number is no age ("Tacos,9,Mexican").
fn age_before(before: &str) -> bool {
    let s = before.trim_end_matches([' ', ',']);
    let (s, unit) = [
        "-year-old",
        " year old",
        "-years-old",
        " years old",
        "yo",
        "y/o",
        "yrs",
        "f",
        "m",
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
    ]
    .iter()
    .find_map(|suffix| s.strip_suffix(suffix))
    .map_or((s, false), |rest| (rest.trim_end(), true));
    let digits = s.bytes().rev().take_while(u8::is_ascii_digit).count();
    let number = &s[..s.len() - digits];
    (1..=3).contains(&digits)
        && !word_before(s, s.len() - digits)
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
            " ve ",
            " \u{2013} ",
            " \u{2014} ",
            " - ",
            " who ",
            " from ",
            " since ",
            " seit ",
            " depuis ",
            " desde ",
            " da ",
            " sinds ",
            " od ",
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
/// title and a name, or none after a comma ("…, é Testemunha de Jeová").
fn copula_with_person(text: &str, before: &str) -> bool {
    let Some(copula) = COPULAS.iter().find(|c| before.ends_with(*c)) else {
        return false;
    };
    let subject_end = before.len() - copula.len();
    let subject = &text[..subject_end];
    if subject.ends_with(',') {
        return true;
    }
    let mut words = subject
        .rsplit(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let Some(last) = words.next().filter(|w| !w.is_empty()) else {
        return false;
    };
    let is = |list: &[&str], w: &str| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    if is(PERSON_SUBJECTS, last) {
        return true;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if !capitalised(last) || is(NOT_NAMES, last) {
        return false;
    }
    words
        .next()
        .is_some_and(|w| (capitalised(w) && !is(NOT_NAMES, w)) || is(TITLES, w))
}

/// A term in brackets after a name: "Aarav Mehta (Sikh) was …", "Cllr Naveed
/// Akhtar (Labour, Sparkhill ward)" (a party may be followed by more).
fn in_brackets_after_name(text: &str, start: usize, end: usize, kind: Kind) -> bool {
    let rest = &text[end..];
    let closes = rest.starts_with(')') || (kind == Kind::Politics && rest.starts_with(','));
    let Some(name) = text[..start].strip_suffix(" (") else {
        return false;
    };
    closes
        && name
            .rsplit(' ')
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
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
                "mocked her for being a registered Republican after",
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
                "She describes herself as Korean-American and writes.",
                "Korean-American",
            ),
        ];
        for &(text, want) in cases {
            assert_eq!(nrp(text), vec![want], "{text}");
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
