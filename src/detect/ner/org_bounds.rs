//! Where an organization's name begins and ends.
//!
//! The model finds firms and institutions but often only part of their name: it
//! stops before the legal form ("Bonilla" of "Bonilla PLC"), reads the legal form
//! alone ("N.V." of "Mars N.V."), keeps the generic tail and drops the place
//! ("Regional Medical Center" of "San Diego Regional Medical Center"), stops at a
//! hyphen ("Lopez-" of "Lopez-Phillips"), takes only the last names of a firm of
//! partners ("Parker and Booth" of "Matthews, Parker and Booth"), or runs on into
//! the next word ("Johnson Ltd offer", "Striebitz KG —"). A span cut wrong leaks
//! the part it leaves out, so [`snap`] moves each organization span to the whole
//! name, by the written shape of names alone:
//!
//! 1. a span never starts or ends inside a word (or a hyphenated word);
//! 2. trailing punctuation, dashes, a dangling connector and a lower-case word
//!    after the name are not part of it;
//! 3. a legal form right after the span belongs to it (`GmbH`, `Ltd.`, `S.A.`,
//!    `& Co. KG`), and so do institution words (`Infirmary`, `Credit Union`);
//! 4. a span ending in a word that takes a name after it (`Klinikum`,
//!    `Terveyskeskus`, `Pharmacie`) takes the capitalised words that follow;
//! 5. a span of partners' names takes the rest of the list ("A, B and C");
//! 6. a span of only generic words (legal forms, `Regional Medical Center`) takes
//!    the capitalised words before it, and any span takes a name-starting word
//!    right before it (`First`, `Saint`, `New`).
//!
//! Every extension stays on the span's line and stops at punctuation, a
//! lower-case word or a function word ("to", "The"), so it never crosses into
//! the sentence around the name.

/// Legal forms written after a firm's name, compared exactly (case matters for
/// the short ones: "AS", "SA" and "AG" are also words and initials).
const LEGAL_FORMS: &[&str] = &[
    "GmbH",
    "mbH",
    "AG",
    "KG",
    "KGaA",
    "OHG",
    "GbR",
    "UG",
    "e.V.",
    "e.G.",
    "eG",
    "SE",
    "Ltd",
    "Ltd.",
    "LTD",
    "Limited",
    "LLC",
    "L.L.C.",
    "LLP",
    "LP",
    "Inc",
    "Inc.",
    "INC",
    "Corp",
    "Corp.",
    "Corporation",
    "Co.",
    "PLC",
    "plc",
    "Pty",
    "S.A.",
    "SA",
    "S/A",
    "S.A.U.",
    "S.A.U",
    "S.L.",
    "S.L.U.",
    "S.L.N.E.",
    "S.L.N.E",
    "S.L.L.",
    "S.Coop.",
    "S.Com.",
    "S.C.",
    "SAS",
    "S.A.S.",
    "SARL",
    "S.A.R.L.",
    "SNC",
    "EURL",
    "SpA",
    "S.p.A.",
    "Srl",
    "S.r.l.",
    "SRL",
    "BV",
    "B.V.",
    "NV",
    "N.V.",
    "VOF",
    "Lda",
    "Lda.",
    "Ltda",
    "Ltda.",
    "ApS",
    "A/S",
    "I/S",
    "AS",
    "ASA",
    "AB",
    "Oy",
    "Oyj",
    "s.r.o.",
    "a.s.",
    "Kft.",
    "Zrt.",
    "A.Ş.",
    "AŞ",
    "Group",
    "Holding",
    "Holdings",
    "EI",
    "Cie",
    "Cie.",
    "PLLC",
    "Şti.",
    "S.L.P.",
    "S.C.A.",
    "Bhd",
    "K.K.",
];

/// Legal forms of more than one word, tried before the single words.
const LEGAL_PHRASES: &[&str] = &[
    "& Co. KG",
    "& Co. KGaA",
    "& Co.",
    "& Cie.",
    "& Cie",
    "& Söhne",
    "& Sons",
    "& Partners",
    "and Sons",
    "e figli",
    "e Figli",
    "e filhos",
    "e Filhos",
    "e hijos",
    "e Hijos",
    "y Cía.",
    "et Fils",
    "& Fils",
    "und Söhne",
    "Sp. z o.o.",
    "sp. z o.o.",
    "Pty Ltd",
    "Pty. Ltd.",
    "- EI",
    // Turkish: "San. ve Tic. Ltd. Şti." (industry and trade, limited company)
    "San. ve Tic. Ltd. Şti.",
    "San. ve Tic. A.Ş.",
    "Tic. Ltd. Şti.",
    "Ltd. Şti.",
    "Sdn Bhd",
    "Sdn. Bhd.",
];

/// Capitalised words that continue an institution's name after the span
/// ("Lüdenscheid Royal" + "Infirmary").
const INSTITUTION_WORDS: &[&str] = &[
    "Infirmary",
    "Hospital",
    "Hospitals",
    "Clinic",
    "Institute",
    "Center",
    "Centre",
    "Medical",
    "Health",
    "Healthcare",
    "University",
    "College",
    "School",
    "Academy",
    "Bank",
    "Pharmacy",
    "Chemist",
    "Chemists",
    "Credit",
    "Union",
    "Trust",
    "Foundation",
    "Society",
    "Association",
    "Partners",
    "Associates",
    "Surgery",
    "Practice",
    "Laboratories",
    "Mutual",
    "Insurance",
    "Realty",
    "Regional",
    "General",
    "Memorial",
    "Royal",
    "Council",
    "Tribunal",
    "Court",
    "Authority",
];

/// Words with no name in them: a span of only these (and legal forms) is the
/// generic end of a name whose distinctive part stands before it.
const GENERIC_WORDS: &[&str] = &[
    "National",
    "Community",
    "County",
    "City",
    "State",
    "Heart",
    "Children's",
    "Medical",
    "Center",
    "Centre",
    "Regional",
    "General",
    "Royal",
    "Memorial",
];

/// Words after which an institution's name follows ("Klinikum Rignano Bolognese").
const NAME_AFTER: &[&str] = &[
    "Klinikum",
    "Klinikums",
    "Klinik",
    "Krankenhaus",
    "Krankenhauses",
    "Universitätsklinikums",
    "Landeskrankenhaus",
    "Kreiskrankenhaus",
    "Universitätsklinikum",
    "Spital",
    "Kantonsspital",
    "Hôpital",
    "Clinique",
    "Pharmacie",
    "Ospedale",
    "Policlinico",
    "Farmacia",
    "Farmácia",
    "Clínica",
    "Terveyskeskus",
    "Lægehuset",
    "Vårdcentral",
    "Vårdcentralen",
    "Apotek",
    "Apoteket",
    "Apotheke",
    "Praxis",
    "Szpital",
    "Przychodnia",
    "Universität",
    "Université",
    "Universidad",
    "Università",
    "Universidade",
    "Uniwersytet",
];

/// Words that begin a name and may be left out by the model ("First" of "First
/// Chicago Credit Union", "Saint" of "Saint Alice Regional Medical Center").
const NAME_STARTS: &[&str] = &[
    "First", "Saint", "St.", "Sankt", "San", "Santa", "New", "North", "South", "East", "West",
    "Lake", "Port", "Fort", "Mount", "Bad",
];

/// Lower-case words the model runs on into after a name ("the Johnson, Jackson
/// and Carrillo offer").
const ENDS_NOT_NAMES: &[&str] = &[
    "offer", "offers", "account", "accounts", "support", "team", "branch", "office", "in", "at",
    "on", "for", "from", "to", "with", "since", "sessions", "session",
];

/// Name particles that need the name after them ("van den Bergh & van" +
/// " Malsen").
const PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "del", "della", "di", "du", "der", "den", "ter", "ten", "le", "la",
    "dos", "das",
];

/// Words that join partners' names in a firm's name.
const CONNECTORS: &[&str] = &["and", "&", "e", "y", "und", "et", "en", "og", "och", "i"];

/// Articles the model takes into a name's start ("l'Hôpital", "het Erasmus MC").
const LEADING_ARTICLES: &[&str] = &[
    "the", "het", "der", "die", "das", "dem", "den", "des", "il", "lo", "el", "los", "las", "le",
    "la", "les",
];

/// Elided articles glued to a name's first word.
const ELISIONS: &[&str] = &[
    "l'", "l’", "d'", "d’", "dell'", "dell’", "nell'", "nell’", "all'", "all’",
];

/// Capitalised words that are not part of a name before it ("The", "To").
const FUNCTION_WORDS: &[&str] = &[
    "The", "A", "An", "At", "To", "In", "Of", "For", "From", "With", "By", "Via", "And", "Or",
    "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Prof", "Prof.", "Der", "Die", "Das",
    "Le", "La", "Les", "El", "Il", "Lo", "De", "Het", "Een",
];

/// How many words an extension may take before or after the span.
const MAX_EXTRA_WORDS: usize = 3;

/// An organization span moved to the whole name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapped {
    /// The name's start (byte offset).
    pub start: usize,
    /// The name's end (exclusive).
    pub end: usize,
    /// What the span held after the name past a comma: the firm's branch or
    /// town ("Canara Bank, Basavanagudi"), a place, which must stay covered.
    pub place: Option<(usize, usize)>,
}

/// The organization span `[start, end)` of `text` moved to the whole name.
pub fn snap(text: &str, start: usize, end: usize) -> Snapped {
    let (mut s, mut e) = complete_words(text, start, end);
    s = trim_start(text, s, e);
    let whole = e;
    e = cut_at_comma(text, s, e);
    let place = (e < whole).then(|| {
        let tail = &text[e..whole];
        let lead = tail.len() - tail.trim_start_matches([',', ' ']).len();
        (e + lead, trim_end(text, e + lead, whole))
    });
    e = trim_end(text, s, e);
    e = take_legal_forms(text, s, e);
    e = take_institution_words(text, e);
    // "Klinikum" + " Nürnberg Nord"; "Heinrich-Heine-Universität" + " Düsseldorf"
    let takes_name = |w: &str| NAME_AFTER.contains(&w.rsplit('-').next().unwrap_or(w));
    if last_word(&text[s..e]).is_some_and(takes_name) {
        e = take_capitalised(text, e, MAX_EXTRA_WORDS);
        e = take_legal_forms(text, s, e);
    } else if last_word(&text[s..e])
        .is_some_and(|w| NAME_STARTS.contains(&w) || PARTICLES.contains(&w))
    {
        // "Ospedale San" + " Raffaele", "van den Bergh & van" + " Malsen"
        e = take_capitalised(text, e, 1);
    }
    (s, e) = take_partner_list(text, s, e);
    if text[s..e]
        .split_whitespace()
        .all(|w| is_legal_form(w) || GENERIC_WORDS.contains(&w) || INSTITUTION_WORDS.contains(&w))
    {
        s = take_capitalised_before(text, s, MAX_EXTRA_WORDS);
    }
    // "First" + " New Amyview Credit Union", "Farmacia" + " San Marco",
    // "Farmacias" + " del Ahorro"
    for _ in 0..2 {
        let particle_first = text[s..e]
            .split_whitespace()
            .next()
            .is_some_and(|w| PARTICLES.contains(&w));
        match word_before(text, s) {
            Some((ws, w)) if NAME_STARTS.contains(&w) || takes_name(w) => s = ws,
            Some((ws, w)) if particle_first && is_name_word(w) && !FUNCTION_WORDS.contains(&w) => {
                s = ws
            }
            _ => break,
        }
    }
    let e = trim_end(text, s, e);
    Snapped {
        start: s,
        end: keep_abbreviation_dot(text, s, e),
        // a capitalised name, not a credential or a state's code ("Daniel
        // D'Alia, MD") nor a word the model ran on into ("sessions")
        place: place.filter(|&(ps, pe)| {
            let p = &text[ps..pe];
            let key = text[pe..].starts_with(['=', ':']);
            ps < pe
                && !key
                && p.split_whitespace()
                    .all(|w| is_name_word(w.trim_end_matches(',')))
                && !(p.len() <= 3 && p.chars().all(|c| c.is_ascii_uppercase()))
        }),
    }
}

/// Whether two organization pieces with `gap` between them are one name: the
/// model skipped one or two capitalised words in the middle ("Rhodes [Heart]
/// Institute").
pub fn bridges(gap: &str) -> bool {
    if gap.contains('\n') || gap.len() > 30 || !gap.starts_with(' ') || !gap.ends_with(' ') {
        return false;
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    (1..=2).contains(&words.len()) && words.iter().all(|w| is_name_word(w))
}

/// Move a start or end inside a word out to the word's edge. Words here are runs
/// of letters, digits and the marks inside names (`-`, `'`, `.`, `/`, `&`).
fn complete_words(text: &str, start: usize, end: usize) -> (usize, usize) {
    let inner = |c: char| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.' | '/');
    let mut s = start;
    let mut before = text[..s].chars().rev();
    let inside = match (before.next(), before.next()) {
        (Some(c), _) if c.is_alphanumeric() || c == '-' => true,
        // "S.L.N.E" read from "L": a dot or slash glued to a letter before it
        (Some('.' | '/'), Some(c)) => c.is_alphanumeric(),
        _ => false,
    };
    if inside {
        while let Some(c) = text[..s].chars().next_back().filter(|&c| inner(c)) {
            s -= c.len_utf8();
        }
        // A dot or dash before the word is punctuation, not the word's.
        while let Some(c) = text[s..start]
            .chars()
            .next()
            .filter(|c| !c.is_alphanumeric())
        {
            s += c.len_utf8();
        }
    }
    let mut e = end;
    let continues = text[e..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric())
        || (text[..e].ends_with(['-', '/', '.'])
            && text[e..].chars().next().is_some_and(char::is_alphanumeric));
    let glued = text[e..]
        .strip_prefix(['-', '/', '.'])
        .is_some_and(|r| r.chars().next().is_some_and(char::is_alphanumeric))
        && text[..e]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    if continues || glued {
        while let Some(c) = text[e..].chars().next().filter(|&c| inner(c)) {
            e += c.len_utf8();
        }
    }
    (s, keep_abbreviation_dot(text, s, e))
}

/// `end` without a sentence's full stop: a dot stays only on an abbreviation
/// ("S.A.", "Ltd.", "Co.").
fn keep_abbreviation_dot(text: &str, start: usize, end: usize) -> usize {
    let span = &text[start..end];
    match last_word(span) {
        Some(w) if w.ends_with('.') => {
            let bare = w.trim_end_matches('.');
            // "Rice Ltd." ending a sentence: the dot is the sentence's when the
            // form is also written without it.
            let rest = &text[end..];
            let sentence_ends = rest.trim_start_matches([' ', '\t']).is_empty()
                || rest.starts_with('\n')
                || rest.starts_with(|c: char| c.is_whitespace())
                    && rest.trim_start().starts_with(char::is_uppercase);
            if sentence_ends && is_legal_form(bare) && !bare.contains('.') {
                end - 1
            } else if bare.contains('.') || is_legal_form(w) || bare.chars().count() <= 1 {
                end
            } else {
                end - (w.len() - bare.len())
            }
        }
        _ => end,
    }
}

/// `start` after a leading article ("het Erasmus MC") or elision
/// ("l'Hôpital"): the name begins with its first capitalised word.
fn trim_start(text: &str, start: usize, end: usize) -> usize {
    let span = &text[start..end];
    // "M/s Gupta & Sons": Indian "Messrs", a courtesy, not the firm's name
    if let Some(rest) = span
        .strip_prefix("M/s ")
        .or_else(|| span.strip_prefix("M/S "))
    {
        if rest.starts_with(char::is_uppercase) {
            return start + 4;
        }
    }
    if let Some(e) = ELISIONS.iter().find(|e| span.starts_with(*e)) {
        if span[e.len()..].starts_with(char::is_uppercase) {
            return start + e.len();
        }
    }
    match span.split_once(' ') {
        Some((first, rest))
            if LEADING_ARTICLES.contains(&first) && rest.starts_with(char::is_uppercase) =>
        {
            start + first.len() + 1
        }
        _ => start,
    }
}

/// `end` before the last `, ` of the span unless a partner list or a legal
/// form follows it: "Canara Bank, Basavanagudi" is the bank and its branch,
/// "Whitaker, Ingram and Moody" one firm.
fn cut_at_comma(text: &str, start: usize, end: usize) -> usize {
    let span = &text[start..end];
    match span.rfind(", ") {
        Some(i) => {
            let after = &span[i + 2..];
            let joined = after.split_whitespace().any(|w| CONNECTORS.contains(&w))
                || is_form_after_comma(after.trim_end_matches([',', ';']));
            if joined {
                end
            } else {
                start + i
            }
        }
        None => end,
    }
}

/// `end` without what follows a name: punctuation and dashes, a connector with
/// nothing after it, a lower-case word ("offer", "sessions").
fn trim_end(text: &str, start: usize, mut end: usize) -> usize {
    loop {
        let span = &text[start..end];
        let trimmed = span.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | '"' | '|')
        });
        let trimmed = trimmed.strip_suffix(" -").unwrap_or(trimmed);
        let mut new_end = start + trimmed.len();
        // Not a lower-case word in general: "Bergen sykehus", "Väänänen
        // Toivanen ry" end in one.
        if let Some((head, last)) = trimmed.rsplit_once(char::is_whitespace) {
            // "Andes y ahora": a connector and a lower-case word join no
            // partner's name, unless a legal form follows ("Barba y asociados S.Coop.")
            let head_word = last_word(head).unwrap_or("");
            let form_after = next_word(text, start + trimmed.len())
                .is_some_and(|(_, w)| legal_form_prefix(w).is_some());
            let lower_after_connector = CONNECTORS.contains(&head_word)
                && !LEGAL_PHRASES.contains(&format!("{head_word} {last}").as_str())
                && last.chars().all(char::is_lowercase)
                && !is_legal_form(last)
                && !form_after;
            if CONNECTORS.contains(&last) || ENDS_NOT_NAMES.contains(&last) {
                new_end = start + head.trim_end().len();
            } else if lower_after_connector {
                new_end = start + head[..head.len() - head_word.len()].trim_end().len();
            }
        }
        if new_end == end || new_end <= start {
            return new_end.max(start + 1).min(end);
        }
        end = new_end;
    }
}

/// `end` after the legal forms that follow it ("Lorenz Lintner" + " GmbH").
fn take_legal_forms(text: &str, start: usize, mut end: usize) -> usize {
    // ("Komerční banka" + ", a.s.": a generic word may end the name before a comma)
    if let Some(after) = text[end..].strip_prefix(", ") {
        if let Some(w) = word_at(after).filter(|w| is_form_after_comma(w)) {
            return end + 2 + w.len();
        }
    }
    if !last_word(&text[start..end]).is_some_and(|w| starts_upper(w) || is_legal_form(w)) {
        return end;
    }
    // "Nordisk Rør" + " & VVS ApS": one more partner, then the legal form
    if let Some((ce, _)) = next_word(text, end).filter(|(_, w)| matches!(*w, "&" | "and")) {
        if let Some((we, w)) = next_word(text, ce) {
            let partner = starts_upper(w) && w.chars().all(|c| c.is_alphabetic() || c == '-');
            if partner && next_word(text, we).is_some_and(|(_, f)| legal_form_prefix(f).is_some()) {
                end = we;
            }
        }
    }
    // A phrase that starts inside the span: "Aydın Gıda San" + ". ve Tic. Ltd. Şti."
    let ws = start + last_word_start(&text[start..end]);
    if let Some(p) = LEGAL_PHRASES.iter().find(|p| {
        text[ws..].starts_with(*p)
            && ws + p.len() > end
            && !text[ws + p.len()..].starts_with(char::is_alphanumeric)
    }) {
        end = ws + p.len();
    }
    for _ in 0..MAX_EXTRA_WORDS {
        let rest = &text[end..];
        let blank = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if blank == 0 || blank > 2 {
            break;
        }
        let after = &rest[blank..];
        if let Some(p) = LEGAL_PHRASES
            .iter()
            .find(|p| after.starts_with(*p) && !after[p.len()..].starts_with(char::is_alphanumeric))
        {
            end += blank + p.len();
            continue;
        }
        match word_at(after).and_then(legal_form_prefix) {
            Some(w) => end += blank + w.len(),
            None => break,
        }
    }
    // "Vieira Ltda" + "." when the dotted form is the legal form ("Ltda.").
    let span = &text[start..end];
    if text[end..].starts_with('.')
        && last_word(span).is_some_and(|w| !w.ends_with('.') && is_legal_form(&format!("{w}.")))
    {
        end += 1;
    }
    end
}

/// A legal form written after a comma ("Holdings, Inc.", "Prieto, S.A.",
/// "banka, a.s."): a listed form or a dotted abbreviation of short parts.
fn is_form_after_comma(w: &str) -> bool {
    let dotted = w.matches('.').count() >= 2
        && w.split('.')
            .all(|p| p.chars().count() <= 3 && p.chars().all(char::is_alphabetic));
    is_legal_form(w) || dotted
}

/// The legal form `w` is, or `w` without a sentence's full stop is ("PLC.").
fn legal_form_prefix(w: &str) -> Option<&str> {
    if is_legal_form(w) {
        return Some(w);
    }
    let bare = w.strip_suffix('.')?;
    is_legal_form(bare).then_some(bare)
}

/// `end` after the institution words that follow it ("Royal" + " Infirmary").
fn take_institution_words(text: &str, mut end: usize) -> usize {
    for _ in 0..MAX_EXTRA_WORDS {
        match next_word(text, end) {
            Some((we, w)) if INSTITUTION_WORDS.contains(&bare(w)) => {
                end = we - (w.len() - bare(w).len());
            }
            _ => break,
        }
    }
    end
}

/// `end` after up to `max` capitalised name words that follow it.
fn take_capitalised(text: &str, mut end: usize, max: usize) -> usize {
    for _ in 0..max {
        match next_word(text, end) {
            Some((we, w)) if is_name_word(bare(w)) && !FUNCTION_WORDS.contains(&w) => {
                end = we - (w.len() - bare(w).len());
            }
            _ => break,
        }
    }
    end
}

/// `start` before up to `max` capitalised name words that precede it.
fn take_capitalised_before(text: &str, mut start: usize, max: usize) -> usize {
    for _ in 0..max {
        match word_before(text, start) {
            Some((ws, w)) if is_name_word(w) && !FUNCTION_WORDS.contains(&w) => start = ws,
            _ => break,
        }
    }
    start
}

/// A firm of partners ("Matthews, Parker and Booth"): a span inside such a list
/// takes the whole list. The list is capitalised single names joined by `, ` and
/// one connector before the last; the span must hold a connector or touch one.
fn take_partner_list(text: &str, start: usize, mut end: usize) -> (usize, usize) {
    let span = &text[start..end];
    // "Snyder, Hoffman and" + " Smith", "Muni" + " and Saini".
    let ends_in_connector = last_word(span).is_some_and(|w| CONNECTORS.contains(&w));
    let connector_after = next_word(text, end).filter(|(_, w)| CONNECTORS.contains(w));
    let in_list = span.contains(", ") || comma_name_before(text, start).is_some();
    if let Some((ce, _)) = connector_after.filter(|_| !ends_in_connector) {
        if let Some((we, w)) = next_word(text, ce) {
            if is_name_word(w) && in_list {
                end = we;
            }
        }
    } else if ends_in_connector {
        if let Some((we, w)) = next_word(text, end) {
            if is_name_word(w) {
                end = we;
            }
        }
    }
    let span = &text[start..end];
    // A list of single names: the span's first name is followed by a comma or
    // a connector ("Muni and Saini", "Finch, Moss and Hale"), not by more of
    // one name ("Bergström Bygg & Fastighet AB").
    let mut words = span.split_whitespace();
    let first = words.next().unwrap_or("");
    let list_shape = first.ends_with(',') || words.next().is_some_and(|w| CONNECTORS.contains(&w));
    let mut s = start;
    if list_shape {
        // "Bhatti, " + "Muni and Saini"; up to two more names ("A, B, C and D").
        for _ in 0..2 {
            match comma_name_before(text, s) {
                Some(ws) => s = ws,
                None => break,
            }
        }
    }
    (s, take_legal_forms(text, s, end))
}

/// Where a capitalised single name followed by `, ` right before `pos` starts;
/// not at a line's start, where "Partner, " or "Inköpschef, " is a signature's
/// title before the firm.
fn comma_name_before(text: &str, pos: usize) -> Option<usize> {
    let before = text[..pos].strip_suffix(", ")?;
    let ws = last_word_start(before);
    let w = &before[ws..];
    let line_start = ws == 0 || before[..ws].trim_end_matches([' ', '\t']).ends_with('\n');
    (is_name_word(w) && !FUNCTION_WORDS.contains(&w) && !line_start).then_some(ws)
}

/// The word that ends right before `pos` (after at most two blanks on the same
/// line), with its start.
fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let head = &text[..pos];
    let trimmed = head.trim_end_matches([' ', '\t']);
    let blank = head.len() - trimmed.len();
    if !(1..=2).contains(&blank) {
        return None;
    }
    let ws = last_word_start(trimmed);
    let w = &trimmed[ws..];
    (!w.is_empty()).then_some((ws, w))
}

/// The word after `pos` (after one or two blanks on the same line), with its
/// end, without punctuation that follows it.
fn next_word(text: &str, pos: usize) -> Option<(usize, &str)> {
    let rest = &text[pos..];
    let after = rest.trim_start_matches([' ', '\t']);
    let blank = rest.len() - after.len();
    if !(1..=2).contains(&blank) {
        return None;
    }
    let w = word_at(after)?;
    Some((pos + blank + w.len(), w))
}

/// The word at the start of `s`, without trailing punctuation (a dot stays: it
/// may be an abbreviation's; callers decide).
fn word_at(s: &str) -> Option<&str> {
    let w = s.split(char::is_whitespace).next()?;
    let w = w.trim_end_matches([',', ';', ':', ')', ']', '"', '!', '?', '|']);
    (!w.is_empty()).then_some(w)
}

/// Where the last word of `s` starts: after its last whitespace, or at 0.
pub(super) fn last_word_start(s: &str) -> usize {
    s.rfind(char::is_whitespace)
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8))
}

/// The last whitespace-separated word of `span`.
fn last_word(span: &str) -> Option<&str> {
    span.split_whitespace().next_back()
}

/// `w` without a trailing full stop.
fn bare(w: &str) -> &str {
    w.trim_end_matches('.')
}

/// A legal form; the short ones ("AS", "AG") only as written, the longer ones
/// in any case ("martin llc").
fn is_legal_form(w: &str) -> bool {
    LEGAL_FORMS.contains(&w)
        || (w.len() >= 3
            && LEGAL_FORMS
                .iter()
                .any(|f| f.len() >= 3 && f.eq_ignore_ascii_case(w)))
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised word of letters (and the marks inside names), not a number or
/// code: "Lauridsen", "O'Brien", "Collins-Powell", "Hämeenlinna".
fn is_name_word(w: &str) -> bool {
    starts_upper(w)
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        && !w.chars().skip(1).all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Snap the span of `part` (its first occurrence) in `text`.
    fn snapped<'t>(text: &'t str, part: &str) -> &'t str {
        let s = text.find(part).expect("part is in text");
        let snapped = snap(text, s, s + part.len());
        &text[snapped.start..snapped.end]
    }

    #[test]
    fn organizations_take_their_whole_name() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "Sign it as Ingeburg from Giovine-Onisto e figli.",
                "Giovine-Onisto e figli",
                "Giovine-Onisto e figli",
            ),
            (
                "REMITENTE: TRANSPORTES HERMANOS PRIETO, S.A.\nDESTINATARIO",
                "TRANSPORTES HERMANOS PRIETO, S.A",
                "TRANSPORTES HERMANOS PRIETO, S.A.",
            ),
            (
                "Odběratel: Komerční banka, a.s.",
                "Komerční banka",
                "Komerční banka, a.s.",
            ),
            (
                "işveren: Aydın Gıda San. ve Tic. Ltd. Şti.",
                "Aydın Gıda San",
                "Aydın Gıda San. ve Tic. Ltd. Şti.",
            ),
            (
                "Faktura fra Nordisk Rør & VVS ApS, Vestergade 14",
                "Nordisk Rør",
                "Nordisk Rør & VVS ApS",
            ),
            (
                "Cheque payable to M/s Gupta & Sons, Chandni Chowk",
                "M/s Gupta & Sons",
                "Gupta & Sons",
            ),
            (
                "promoviert an der Heinrich-Heine-Universität Düsseldorf und",
                "Heinrich-Heine-Universität",
                "Heinrich-Heine-Universität Düsseldorf",
            ),
            (
                "il farmaco alla Farmacia San Marco, Via Garibaldi 8",
                "San Marco",
                "Farmacia San Marco",
            ),
            (
                "Compré el ibuprofeno en Farmacias del Ahorro, sucursal",
                "del Ahorro",
                "Farmacias del Ahorro",
            ),
            (
                "en la Universidad de los Andes y ahora trabaja",
                "Andes y ahora",
                "Andes",
            ),
            // legal forms after the span
            (
                "instructions for my employer Bonilla PLC.",
                "Bonilla",
                "Bonilla PLC",
            ),
            (
                "I've called Vieira Ltda. support four times",
                "Vieira Ltda",
                "Vieira Ltda.",
            ),
            (
                "Where: Jesus Lda., Travessa de Azevedo",
                "Jesus Lda",
                "Jesus Lda.",
            ),
            ("| Caron SARL | 03 76 14 78 46 |", "Caron", "Caron SARL"),
            (
                "Creditor: Berg & Søn A/S, GB02",
                "Berg & Søn A/",
                "Berg & Søn A/S",
            ),
            (
                "at Müller GmbH & Co. KG in Ulm",
                "Müller",
                "Müller GmbH & Co. KG",
            ),
            ("Engineer; Linke e.G., Engineer", "Linke e", "Linke e.G."),
            // the legal form or the generic tail alone
            ("8 yrs, Mars N.V.), Bente", "N.V.", "Mars N.V."),
            (
                "Admitted 4/9/24 to San Diego Regional Medical Center with CAP",
                "Regional Medical Center",
                "San Diego Regional Medical Center",
            ),
            (
                "Dr. Dawn Wright, Edwardsfurt Royal Infirmary.",
                "Royal",
                "Edwardsfurt Royal Infirmary",
            ),
            (
                "at First Chicago Credit Union, routing",
                "Chicago Credit Union",
                "First Chicago Credit Union",
            ),
            // a name after the institution word
            (
                "Dr. Alice Pires, Klinikum Rignano Bolognese.",
                "Klinikum",
                "Klinikum Rignano Bolognese",
            ),
            (
                "Referring: Dr A. Jaakkola, Terveyskeskus Hämeenlinna\nFindings",
                "Terveyskeskus",
                "Terveyskeskus Hämeenlinna",
            ),
            // words cut in the middle
            (
                "Experience: Lopez-Phillips, Senior Engineer",
                "Lopez-",
                "Lopez-Phillips",
            ),
            (
                "by Flor Carretero Sala S.L.N.E on 2024-08-29",
                "L.N.E",
                "Flor Carretero Sala S.L.N.E",
            ),
            // partners
            (
                "charged £1191.73 by Matthews, Parker and Booth on 2022-02-04",
                "Parker and Booth",
                "Matthews, Parker and Booth",
            ),
            (
                "pretending to be Bhatti, Muni and Saini asked",
                "Muni",
                "Bhatti, Muni and Saini",
            ),
            (
                "Experience: Snyder, Hoffman and Smith, Senior",
                "Snyder, Hoffman and",
                "Snyder, Hoffman and Smith",
            ),
            // what follows the name
            (
                "said about the Johnson, Jackson and Carrillo offer — her",
                "Johnson, Jackson and Carrillo offer",
                "Johnson, Jackson and Carrillo",
            ),
            (
                "account 60969666007455 at Striebitz KG — set as payout",
                "Striebitz KG —",
                "Striebitz KG",
            ),
            (
                "treating clinic Winnipeg General Hospital, sessions since",
                "Winnipeg General Hospital, sessions",
                "Winnipeg General Hospital",
            ),
            (
                "Experience: Barba y asociados S.Coop., Senior",
                "Barba y asociados S",
                "Barba y asociados S.Coop.",
            ),
            (
                "Die Stelle bei Frey Furrer & Cie. in Biel",
                "Frey Furrer",
                "Frey Furrer & Cie.",
            ),
            (
                "| Ali | van den Bergh & van Kuijc van Malsen | 0416",
                "van den Bergh & van Kuijc van",
                "van den Bergh & van Kuijc van Malsen",
            ),
            (
                "account at First New Amyview Credit Union, routing",
                "Amyview Credit Union",
                "First New Amyview Credit Union",
            ),
            (
                "Ospedale San Raffaele dal 10/02/2025",
                "Ospedale San",
                "Ospedale San Raffaele",
            ),
            // articles, branches and a legal form after a comma
            (
                "hospitalisée à l'Hôpital Édouard-Herriot du 12",
                "l'Hôpital Édouard-Herriot",
                "Hôpital Édouard-Herriot",
            ),
            (
                "de polikliniek van het Erasmus MC op 17",
                "het Erasmus MC",
                "Erasmus MC",
            ),
            (
                "an e-mail to HDFC Bank, Koramangala branch",
                "HDFC Bank, Koramangala",
                "HDFC Bank",
            ),
            (
                "Defendant: Ridgeline Freight Holdings, Inc. denies",
                "Ridgeline Freight",
                "Ridgeline Freight Holdings, Inc.",
            ),
            (
                "\nCanterbury City Council\nEnvironmental",
                "City Council",
                "Canterbury City Council",
            ),
        ];
        for (text, part, want) in cases {
            assert_eq!(snapped(text, part), *want, "in {text:?}");
        }
    }

    #[test]
    fn extensions_stop_at_the_sentence_around_the_name() {
        let cases: &[(&str, &str, &str)] = &[
            // a signature's title before the firm is not a partner
            (
                "Nils Åberg\nInköpschef, Bergström Bygg & Fastighet AB\n",
                "Bergström Bygg & Fastighet AB",
                "Bergström Bygg & Fastighet AB",
            ),
            (
                "Daniel Whitcombe\nPartner, Harlow, Finch and Moss LLP",
                "Harlow, Finch and Moss LLP",
                "Harlow, Finch and Moss LLP",
            ),
            // a function word or lower-case word before a generic tail
            (
                "She was admitted to Regional Medical Center yesterday",
                "Regional Medical Center",
                "Regional Medical Center",
            ),
            (
                "The Royal Infirmary called",
                "Royal Infirmary",
                "Royal Infirmary",
            ),
            // two firms joined by "and" are not a firm of partners without a list
            ("We compared Siemens and Bosch offers", "Siemens", "Siemens"),
            // the legal form must touch the name on its line
            ("Acme\nLtd is on the next line", "Acme", "Acme"),
            // a capitalised word after a name is not taken without an institution word
            ("works at Acme Ltd Monday to Friday", "Acme Ltd", "Acme Ltd"),
            // a sentence's full stop is not the firm's
            ("She works at Acme Corp.", "Acme", "Acme Corp"),
            ("Acme Corp. and Initech", "Acme", "Acme Corp."),
            ("Ask Shell.", "Shell", "Shell"),
            // a lower-case name stays whole, and so does a lower-case generic word in one
            (
                "hi this is roy from martin llc calling",
                "martin llc",
                "martin llc",
            ),
            (
                "treating clinic Bergen sykehus, sessions since",
                "Bergen sykehus",
                "Bergen sykehus",
            ),
            (
                "is leaving Väänänen Toivanen ry for Penttinen Takala Oy.",
                "Väänänen Toivanen ry",
                "Väänänen Toivanen ry",
            ),
        ];
        for (text, part, want) in cases {
            assert_eq!(snapped(text, part), *want, "in {text:?}");
        }
    }

    #[test]
    fn a_place_after_the_name_stays_a_place() {
        let text = "an e-mail to Canara Bank, Basavanagudi branch";
        let s = text.find("Canara").unwrap();
        let snapped = snap(text, s, s + "Canara Bank, Basavanagudi".len());
        let (ps, pe) = snapped.place.expect("the branch is kept");
        assert_eq!(&text[snapped.start..snapped.end], "Canara Bank");
        assert_eq!(&text[ps..pe], "Basavanagudi");
        let whole = "Whitaker, Ingram and Moody";
        assert_eq!(snap(whole, 0, whole.len()).place, None);
    }

    #[test]
    fn skipped_middle_words_bridge_two_pieces() {
        assert!(bridges(" Heart "));
        assert!(bridges(" Royal Medical "));
        assert!(!bridges(" and "));
        assert!(!bridges(" to the "));
        assert!(!bridges(" Heart\n"));
        assert!(!bridges(" Three Long Words "));
        assert!(!bridges(" 42 "));
    }
}
