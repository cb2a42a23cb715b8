//! Telephone and fax numbers in international and national formats, with
//! extensions. A permissive regex proposes candidates; Google's libphonenumber
//! metadata (the `phonenumber` crate) decides whether a candidate is a valid number
//! of its country (international form) or of one of the regions we try (national
//! form).

use std::sync::Arc;

use regex::Regex;

use super::phone_meta::PhoneRules;

use super::context::{evidence, ContextRule, Evidence};
use super::patterns::scored;
use super::{compile, is_number_token, BuildError, Detector, Finding, Label, ScanInput};

/// A country prefix or leading group, then more groups joined by at most one
/// separator (and optional spaces), then an optional extension. Runs can hold
/// several numbers; `detect` splits them.
const CANDIDATE: &str = r"(?:\+ ?\d{1,3}|\+\(\d{1,3}\)|00\d{1,3}|\(\+?\d{1,5}(?: \d{1,4})?\)|\d{1,5})(?: ?[.\-/‐‑‒–]? ?(?:\(0\)|\(\d{1,5}\)|\d{1,5})){1,24}(?: *(?:ext\.?|x|extension|#|poste|ramal|interno|anexo|доб\.?) *\d{1,6})?";

/// Regions tried, in order, for numbers written without a country code (after the
/// North American plan, checked directly): the locales our users write in most,
/// then those whose formats Presidio's tests use.
const NATIONAL_REGIONS: &[&str] = &[
    "GB", "DE", "FR", "ES", "IT", "NL", "BR", "IN", "AU", "IE", "BE", "CH", "AT", "PT", "PL", "SE",
    "IL", "JP", "CN", "TR", "DK", "NO", "SG", "HK", "RU", "UA", "HU", "MX", "GR",
];

/// Regions whose national numbers are eight or ten digits with no trunk prefix:
/// any such number fits one of them, so they count only with phone context.
const CONTEXT_ONLY_REGIONS: &[&str] = &["DK", "NO", "SG", "HK", "MX", "GR"];

static PHONE_CONTEXT: ContextRule = ContextRule::new(
    &[
        "phone",
        "tel",
        "telephone",
        "mobile",
        "mob",
        "cell",
        "call",
        "ring",
        "text",
        "sms",
        "whatsapp",
        "fax",
        "contact",
        "reach",
        "ph",
        "dial",
        "callback",
        "telecom",
        "my number",
        "new number",
        "nummer",
        "her number",
        "his number",
        "their number",
        "your number",
        "hotline",
        "next of kin",
        // people whose phone a case file gives (the word "case" alone contradicts)
        "case manager",
        "case worker",
        "caseworker",
        "social worker",
        // other languages
        "telefon",
        "téléphone",
        "telefone",
        "teléfono",
        "telefono",
        "tlf",
        "puhelin",
        "móvil",
        "movil",
        "celular",
        "cellulare",
        "cellulaire",
        "portable",
        "handy",
        "mobil",
        "natel",
        "gsm",
        "cep",
        "mobiel",
        "komórk",
        "numer tel",
        "mobilní",
        "điện thoại",
        "sđt",
        "nomor hp",
        "nomor telepon",
        "telepon",
        "no. hp",
        // (case folds ASCII only: the capitalized forms start a line)
        "телефон",
        "Телефон",
        "тел",
        "Тел",
        "моб",
        "Моб",
        "τηλ",
        "Τηλ",
        "κινητό",
        "Κινητό",
        "هاتف",
        "جوال",
        "موبايل",
        "טלפון",
        "נייד",
        "फोन",
        "फ़ोन",
        "मोबाइल",
        "โทร",
        "電話",
        "电话",
        "手机",
        "携帯",
        "휴대폰",
        "전화",
        "연락처",
    ],
    &[
        "order",
        "invoice",
        "tracking",
        "account",
        "acct",
        "iban",
        "ssn",
        "nhs",
        "mrn",
        "passport",
        "license",
        "licence",
        "dl",
        "cdl",
        "member",
        "policy",
        "routing",
        "aba",
        "isbn",
        "sku",
        "ean",
        "serial",
        "ticket",
        "case",
        "build",
        "version",
        "zip",
        "postcode",
        "postal",
        "plz",
        "waybill",
        "rx",
        "prescription",
        "complaint",
        "claim",
        "awb",
        "parcel",
        "shipment",
        "consignment",
        // an ID that is written like a local number ("Student ID 046-2772")
        "student id",
        "employee id",
        "emp id",
        "staff id",
        "customer id",
        "user id",
        "badge",
        // product and drug codes, meeting IDs
        "ndc",
        "meeting id",
        "conference id",
        "webinar id",
        "upc",
        "gtin",
        "asin",
        "mpn",
        // a company's or trader's tax and registry numbers
        "vat",
        "tva",
        "btw-nr",
        "btw nr",
        "btw-nummer",
        "partita iva",
        "p.iva",
        "p. iva",
        "nip",
        "regon",
        "krs",
        "siren",
        "siret",
        "ust-id",
        "steuernummer",
        "kvk",
        "cvr",
        "abn",
        "acn",
        "gstin",
        "company no",
        "company number",
        "registered in",
    ],
    40,
    5,
);

/// Phone number detector.
#[derive(Debug)]
pub struct PhoneDetector {
    candidate: Regex,
    rules: PhoneRules,
    name: Arc<str>,
}

impl PhoneDetector {
    pub fn new() -> Result<Self, BuildError> {
        Ok(PhoneDetector {
            candidate: compile("phone", CANDIDATE)?,
            rules: PhoneRules::new(),
            name: Arc::from("pattern:phone"),
        })
    }
}

impl Detector for PhoneDetector {
    fn name(&self) -> &str {
        "phone"
    }

    fn detect(&self, input: &ScanInput<'_>, out: &mut Vec<Finding>) {
        // A phone number has at least seven digits.
        if !input.has(super::features::Feature::Digits7) {
            return;
        }
        let text = input.text();
        let matches = candidate_segments(text).flat_map(|(s, e)| {
            self.candidate
                .find_iter(&text[s..e])
                .map(move |m| (s + m.start(), s + m.end()))
        });
        for (m_start, m_end) in matches {
            let (start, end) = trim_candidate(text, m_start, m_end);
            // A run of space-separated groups may hold several numbers, or one number
            // between other digits ("SD 20241 440-600-5124", "+44 20 7946 0958
            // (415) 555-0132"): from each group, the longest sub-run that is a valid
            // number is a candidate; overlapping candidates are left to the merge,
            // which also weighs what other detectors found there.
            let groups = group_bounds(text, start, end);
            // The groups of a +country-code number already found are its own:
            // none starts another number ("+81 70-6260-9062" holds no
            // "70-6260-9062" that context could score above it).
            let mut international_until = 0;
            for i in 0..groups.len() {
                if groups[i].0 < international_until {
                    continue;
                }
                // A phone number has at most eight space-separated groups.
                let found = (i + 1..=groups.len().min(i + 8)).rev().find_map(|j| {
                    // A group of separators only ("06.01.2025 - 17.01.2025")
                    // is not part of a number at its end.
                    let (s, e) = trim_candidate(text, groups[i].0, groups[j - 1].1);
                    if s >= e {
                        return None;
                    }
                    // Inside a uniformly spaced run ("9311 5212 3456 79", an IBAN's
                    // tail) only a number written with its own punctuation starts.
                    let punctuated = text[s..].starts_with(['+', '('])
                        || text.as_bytes()[s..e]
                            .iter()
                            .any(|c| matches!(c, b'-' | b'.' | b'/' | b')'));
                    if i > 0 && !punctuated {
                        return None;
                    }
                    // Nor one cut from a longer list of plain groups ("04 11 23 31 38
                    // 47"): where the number would end is a guess.
                    if j < groups.len() && !punctuated {
                        return None;
                    }
                    match self.check(input, s, e) {
                        Check::Found(f) => Some(f),
                        _ => None,
                    }
                });
                if let Some(f) = &found {
                    if text[f.start..].starts_with('+') || text[f.start..].starts_with("00") {
                        international_until = f.end;
                    }
                }
                out.extend(found.map(|mut f| {
                    f.end = extension_after(text, f.end).unwrap_or(f.end);
                    f
                }));
            }
        }
        for (start, end) in dictated_numbers(text) {
            if evidence(text, start, end, &PHONE_CONTEXT) == Evidence::Supports {
                out.push(Finding {
                    start,
                    end,
                    label: Label::PhoneNumber,
                    score: 0.7,
                    detector: self.name.clone(),
                });
            }
        }
    }
}

/// Numbers dictated digit by digit ("call me back on 2 3 7 8 1 7 2 9 6 2", a
/// voicemail transcript): 7 to 15 single digits, one space apart, standing
/// alone. No format says whose they are, so only phone context makes them
/// a phone number.
fn dictated_numbers(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let alone_before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if !(b[i].is_ascii_digit() && alone_before) {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = 0;
        let mut end = i;
        while end < b.len()
            && b[end].is_ascii_digit()
            && b.get(end + 1).is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            digits += 1;
            end += 1;
            if b.get(end) == Some(&b' ') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
                end += 1;
            } else {
                break;
            }
        }
        // A longer digit group or a letter right after the last digit ends it
        // as something else ("1 2 3 45").
        let whole = b.get(end).is_none_or(|c| !c.is_ascii_alphanumeric());
        if (7..=15).contains(&digits) && whole {
            found.push((start, end));
        }
        i = end.max(i + 1);
    }
    found
}

/// The parts of `text` the candidate regex needs to see: maximal runs of what a
/// candidate can hold (digits, `+().-/#`, spaces, any non-ASCII byte since `\d`
/// takes every script's digits, and the extension markers `ext`, `x` and
/// `extension` as whole letter runs) with at least seven ASCII digits. No
/// candidate crosses anything else and the regex has no look-around, so searching
/// each part alone finds the same candidates as searching the whole text; a part
/// with fewer digits holds no sub-run that `check` could accept. Prose is mostly
/// letters, so the regex runs on a small fraction of the text, and not at all on
/// most prompts.
fn candidate_segments(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let letters = |i: usize| {
        b[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count()
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            let start = i;
            let mut digits = 0;
            while i < b.len() {
                let c = b[i];
                if c.is_ascii_alphabetic() {
                    let n = letters(i);
                    if !matches!(
                        &b[i..i + n],
                        b"ext" | b"x" | b"extension" | b"poste" | b"ramal" | b"interno" | b"anexo"
                    ) {
                        break;
                    }
                    i += n;
                } else if CANDIDATE_BYTES[usize::from(c)] {
                    digits += usize::from(c.is_ascii_digit());
                    i += 1;
                } else {
                    break;
                }
            }
            let end = i;
            // Past what ended the part: a word, or one other byte.
            if i < b.len() {
                i += letters(i).max(1);
            }
            if digits >= 7 {
                return Some((start, end));
            }
        }
        None
    })
}

/// The bytes a candidate is made of, but for the letters of its extension marker.
static CANDIDATE_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0x80;
    while c < 256 {
        t[c] = true;
        c += 1;
    }
    let ascii = b"0123456789 +().-/#";
    let mut k = 0;
    while k < ascii.len() {
        t[ascii[k] as usize] = true;
        k += 1;
    }
    t
};

/// Byte ranges of the space-separated groups of `[start, end)`.
fn group_bounds(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut groups = Vec::new();
    let mut pos = start;
    for part in text[start..end].split(' ') {
        if !part.is_empty() {
            groups.push((pos, pos + part.len()));
        }
        pos += part.len() + 1;
    }
    groups
}

/// Outcome of checking one candidate.
enum Check {
    Found(Finding),
    /// Not a valid number.
    Invalid,
    /// Not a number at all here (glued to a longer token, part of a code).
    NotANumber,
}

impl PhoneDetector {
    fn check(&self, input: &ScanInput<'_>, start: usize, end: usize) -> Check {
        let text = input.text();
        let cand = &text[start..end];
        // Cheapest test first: most candidates are short numbers (the number part
        // has at most the digits of the whole candidate).
        if cand.bytes().filter(u8::is_ascii_digit).count() < 7 {
            return Check::NotANumber;
        }
        let number_part = strip_extension(cand);
        let digits = number_part.bytes().filter(u8::is_ascii_digit).count();
        if digits < 7 {
            return Check::NotANumber;
        }
        // A ZIP+4-shaped postcode after a state's code ("CHIS 36642-8918",
        // "NL 39652-8823"): an address line, not a number to call.
        if is_postcode_after_state(text, start, number_part) {
            return Check::NotANumber;
        }
        // "cep" is the Turkish word for a mobile and the Brazilian one for a postcode
        // ("CEP 01310100"): eight digits after it are the postcode.
        if digits == 8 && after_word(text, start, "cep") {
            return Check::NotANumber;
        }
        // "2025-03-02 14:05:19": a date and the hour of a time, not a number.
        let b = text.as_bytes();
        let time_after =
            b.get(end) == Some(&b':') && b.get(end + 1).is_some_and(u8::is_ascii_digit);
        if time_after || !is_number_token(text, start, end) || next_to_code(text, start, end) {
            return Check::NotANumber;
        }
        if !(7..=15).contains(&digits)
            || named_otherwise_after(text, end)
            || looks_like_date_or_version(number_part)
            // "avdelning 32 2025-02-27": a number before a date is no phone number.
            || (number_part.contains(' ')
                && number_part
                    .split(' ')
                    .any(|g| g.len() >= 8 && looks_like_date_or_version(g)))
            || looks_like_other_number(number_part)
        {
            return Check::Invalid;
        }
        // The context is looked at only when it matters: most candidates fail the
        // metadata check whatever the words around them say.
        let ev_once = std::cell::OnceCell::new();
        let ev = || {
            *ev_once.get_or_init(|| match input.column_header(start) {
                Some(h) if is_phone_header(h) => Evidence::Supports,
                // A column of routing, account or member numbers holds no phone numbers.
                Some(h) if header_names_other_number(h) => Evidence::Contradicts,
                _ if country_number_cue(&self.rules, text, start) => Evidence::Supports,
                _ if letter_label_before(text, start) => Evidence::Supports,
                _ => evidence(text, start, end, &PHONE_CONTEXT),
            })
        };
        // A bare national number with a trunk prefix ("0498084209") is rarely
        // anything but a phone number; without one it may be any ID and needs context.
        let bare_base = if cand.starts_with('0') { 0.55 } else { 0.4 };
        // NHS numbers are grouped 3-3-4 with spaces: on a line about NHS numbers,
        // one that fails the NHS check digit, with no phone word for it, is a bad
        // NHS number, not a phone ("Validate these NHS-number look-alikes: 724 891
        // 1147 and …").
        if is_spaced_3_3_4(number_part)
            && nhs_on_line_before(text, start)
            && !super::validate::nhs(number_part)
            && ev() != Evidence::Supports
        {
            return Check::NotANumber;
        }
        let supported = || ev() == Evidence::Supports;
        let Some(kind) = classify(&self.rules, cand, bare_base >= 0.5, &supported) else {
            return Check::Invalid;
        };
        let ev = ev();
        // Nine bare digits that pass the ABA checksum on a line about routing
        // numbers, with nothing saying phone, are a bank's routing number
        // ("Routing (ABA) 011000015, 061000104"): TAXONOMY labels neither.
        if kind == Kind::NationalBare && ev != Evidence::Supports && digits == 9 {
            let compact: String = number_part.chars().filter(char::is_ascii_digit).collect();
            if super::validate::aba_routing(&compact) && routing_on_line(input, start) {
                return Check::Invalid;
            }
        }
        let score = match kind {
            // A +country-code number is a phone number whatever the words around it;
            // contradicting context only lowers its confidence.
            Kind::International => match ev {
                Evidence::Supports => 1.0,
                Evidence::Neutral => 0.9,
                Evidence::Contradicts => 0.75,
            },
            Kind::NationalFormatted => scored(0.7, 0.95, ev),
            Kind::NationalBare => scored(bare_base, 0.85, ev),
        };
        Check::Found(Finding {
            start,
            end,
            label: Label::PhoneNumber,
            score,
            detector: self.name.clone(),
        })
    }
}

/// Whether the candidate continues a code: it follows a token of mixed capitals and
/// digits ("IE29 AIBK 9311 5212 3456 79", an IBAN's groups) or a group of four
/// capitals after an IBAN head ("NL91 ABNA 0417 1643 00").
fn next_to_code(text: &str, start: usize, _end: usize) -> bool {
    // Four to six characters, as IBANs' groups are ("IE29"): a ward or room
    // ("ward 7B 0113 206 5862") is no code the number continues.
    let mixed = |t: &str| {
        (4..=6).contains(&t.len())
            && t.bytes()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && t.bytes().any(|c| c.is_ascii_digit())
            && t.bytes().any(|c| c.is_ascii_uppercase())
    };
    let Some(before) = text[..start].strip_suffix(' ') else {
        return false;
    };
    let mut tokens = before.rsplit(' ');
    let last = tokens.next().unwrap_or("");
    let iban_head = |t: &str| {
        let b = t.as_bytes();
        b.len() == 4
            && b[..2].iter().all(u8::is_ascii_uppercase)
            && b[2..].iter().all(u8::is_ascii_digit)
    };
    mixed(last)
        || (last.len() == 4
            && last.bytes().all(|c| c.is_ascii_uppercase())
            && tokens.next().is_some_and(iban_head))
}

/// Whether the words right after the number name it as something else: "Is
/// 026009593 the routing number…", "4155550132 (order)". Up to two short words
/// (articles, possessives, "is") may stand between; a word further on, or after
/// "and", is about something else.
fn named_otherwise_after(text: &str, end: usize) -> bool {
    const BETWEEN: &[&str] = &[
        "is", "was", "the", "a", "an", "my", "our", "your", "their", "its",
    ];
    let rest = &text[end..];
    // Within the number's own line and clause.
    let rest = &rest[..rest.find(['\n', '.', ';', '!', '?']).unwrap_or(rest.len())];
    let mut words = rest
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ':'))
        .filter(|w| !w.is_empty());
    for _ in 0..3 {
        let Some(word) = words.next() else {
            return false;
        };
        let is = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
        if is(PHONE_CONTEXT.negative) {
            return true;
        }
        if !is(BETWEEN) {
            return false;
        }
    }
    false
}

/// "My CN number is …", "her UK number:": a possessive, a country code and
/// "number" right before the value say it is someone's phone number. "ID" is
/// Indonesia's code but far more often an identity number.
fn country_number_cue(rules: &PhoneRules, text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', ':']);
    let before = before.strip_suffix(" is").unwrap_or(before);
    let Some((head, code)) = before
        .strip_suffix(" number")
        .and_then(|rest| rest.rsplit_once(' '))
    else {
        return false;
    };
    let owner = head.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    code.len() == 2
        && code.bytes().all(|c| c.is_ascii_uppercase())
        && ["my", "her", "his", "their", "your", "our"].contains(&owner.as_str())
        && code != "ID"
        && (code == "UK" || rules.is_region(code))
}

/// A signature's one-letter label right before the number: "T: …", "M: …",
/// "F: …", "P: …" at a line's start or after a `|` or two spaces.
fn letter_label_before(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    let Some(rest) = before.strip_suffix(':') else {
        return false;
    };
    let Some(head) = rest.strip_suffix(['T', 'M', 'F', 'P', 'C', 'W', 'O', 'H']) else {
        return false;
    };
    let trimmed = head.trim_end_matches(' ');
    trimmed.is_empty() || trimmed.ends_with(['\n', '|', '/']) || head.ends_with("  ")
}

/// Whether `word` (lowercase) stands right before `start`, maybe followed by a
/// colon or a period and spaces.
fn after_word(text: &str, start: usize, word: &str) -> bool {
    let before = text[..start].trim_end_matches([' ', ':', '.']);
    let b = before.as_bytes();
    b.len() >= word.len()
        && b[b.len() - word.len()..].eq_ignore_ascii_case(word.as_bytes())
        && (b.len() == word.len() || !b[b.len() - word.len() - 1].is_ascii_alphanumeric())
}

fn is_phone_header(header: &str) -> bool {
    let h = header.to_ascii_lowercase();
    ["phone", "tel", "mobile", "cell", "fax", "contact"]
        .iter()
        .any(|w| h.contains(w))
}

/// Whether a column header names a number that is no phone number: one of its
/// words is a contradicting context word ("routing_number", "accountNo", "zip").
fn header_names_other_number(header: &str) -> bool {
    super::tabular::header_words(header)
        .iter()
        .any(|w| PHONE_CONTEXT.negative.contains(&w.as_str()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// With a `+` or `00` country code.
    International,
    /// National form with separators or parentheses.
    NationalFormatted,
    /// A bare run of digits, valid somewhere: needs context.
    NationalBare,
}

/// Classify a candidate. `trunk` says it starts with the trunk prefix 0; `context`
/// (asked only when needed) whether its context supports a phone number. A bare
/// digit run with neither could not reach the reporting threshold anyway, so the
/// costly metadata check is skipped for it.
fn classify(
    rules: &PhoneRules,
    cand: &str,
    trunk: bool,
    context: &dyn Fn() -> bool,
) -> Option<Kind> {
    let t = cand.trim_start();
    // "011 49 30 44646595": North America's exit code before a country code, as
    // a caller there dials it (and only as that: "011 2345 6789" is Delhi's).
    if let Some(rest) = t.strip_prefix("011 ").or_else(|| t.strip_prefix("011-")) {
        let mut buf = DigitBuf::default();
        buf.push_digits(strip_extension(rest));
        let digits = buf.as_str();
        if digits.len() >= 10 && !digits.starts_with('1') && rules.valid_international(digits) {
            return Some(Kind::International);
        }
    }
    if t.starts_with("00") || t.starts_with('+') || t.starts_with("(+") {
        // "+44 (0)20 …": the bracketed trunk prefix is not dialled from abroad.
        let number = strip_extension(t);
        let mut buf = DigitBuf::default();
        let mut rest = number;
        while let Some(i) = rest.find("(0)") {
            buf.push_digits(&rest[..i]);
            rest = &rest[i + 3..];
        }
        buf.push_digits(rest);
        let digits = buf.as_str();
        let digits = if t.starts_with("00") {
            digits.get(2..)?
        } else {
            digits
        };
        // +1 numbers are checked as North American numbers are written without
        // it (area code and exchange rules, not the list of area codes in service),
        // so that "+1-328-508-8195" and "(328) 508-8195" get the same verdict.
        let nanp = digits.len() == 11 && digits.starts_with('1') && nanp_valid(digits);
        if nanp || rules.valid_international(digits) {
            return Some(Kind::International);
        }
        // Written as an international number (a country code and a plausible
        // length) and called a phone number ("הטלפון שלי +972 58-272-0946"): a
        // number the metadata does not know (yet) is still someone's number.
        return (rules.plausible_international(digits) && context())
            .then_some(Kind::NationalFormatted);
    }
    // "030/1234567" is how Germans write numbers, "30/123 4567" Hungarians (and
    // such a number is tried as Hungarian only); "816787/2025" is a reference.
    let slash = t.contains('/') && !t.starts_with('0');
    if slash && !hungarian_area_code(t) {
        return None;
    }
    let regions: &[&str] = if slash { &["HU"] } else { NATIONAL_REGIONS };
    let formatted = t
        .bytes()
        .any(|b| matches!(b, b' ' | b'-' | b'.' | b'(' | b'/'));
    if !(formatted || trunk || context()) {
        return None;
    }
    let mut buf = DigitBuf::default();
    buf.push_digits(strip_extension(t));
    let national = buf.as_str();
    // 3-3-4 without a trunk 0 is how North American (and NHS) numbers are
    // grouped: such a number that is not a valid NANP number is no other
    // country's phone number ("799 193 9201", a check-invalid NHS look-alike)
    // unless a phone word says so (Mexican and Greek numbers are grouped so).
    if !t.starts_with('0') && !nanp_valid(national) && is_three_three_four(t) && !context() {
        return None;
    }
    let valid = (!slash && nanp_valid(national))
        || regions.iter().any(|&region| {
            plausible_national(region, t, national)
                && (!CONTEXT_ONLY_REGIONS.contains(&region) || context())
                && rules.valid_national(region, national)
        });
    if !valid {
        // "(351) 918 100 339": a country code in brackets, without its "+".
        return bracketed_country_code(rules, t).then_some(Kind::NationalFormatted);
    }
    Some(if formatted {
        Kind::NationalFormatted
    } else {
        Kind::NationalBare
    })
}

/// North American Numbering Plan (US, Canada, Caribbean): NXX-NXX-XXXX, with an
/// optional leading 1; area codes N9X are reserved and N11 are service codes.
/// Checked directly: it covers most numbers written without a country code.
fn nanp_valid(digits: &str) -> bool {
    let d = digits
        .strip_prefix('1')
        .filter(|r| r.len() == 10)
        .unwrap_or(digits);
    let b = d.as_bytes();
    if b.len() != 10 {
        return false;
    }
    let n = |c: u8| (b'2'..=b'9').contains(&c);
    let service = |x: &[u8]| x[1] == b'1' && x[2] == b'1';
    n(b[0]) && b[1] != b'9' && !service(&b[0..3]) && n(b[3]) && !service(&b[3..6])
    // 555-01XX numbers are reserved for fiction, but they are still what people
    // write as phone numbers in prompts; keep them.
}

/// How a national number is written in `region`, beyond what the metadata checks:
/// the written length must fit; German and Austrian numbers have variable length, so
/// almost any digit run is "valid" there unless written like one (trunk 0, area code
/// and subscriber number); and wherever national numbers carry the trunk prefix 0, a
/// number written without it is not a national number of that country.
fn plausible_national(region: &str, cand: &str, digits: &str) -> bool {
    let digits_start = cand.trim_start_matches(['(', ' ']);
    let trunk_zero = digits_start.starts_with('0');
    let n = digits.len();
    // Compared as two bytes, not as strings: this runs for every region tried.
    let region: [u8; 2] = region.as_bytes().try_into().unwrap_or_default();
    let length_ok = match &region {
        b"GB" => (10..=11).contains(&n),
        b"FR" | b"NL" | b"CH" | b"AU" => n == 10,
        b"BE" | b"IL" => (9..=10).contains(&n),
        b"IE" | b"SE" => (7..=10).contains(&n),
        b"JP" => (10..=11).contains(&n),
        b"ES" | b"PT" | b"PL" => n == 9,
        b"IT" => (6..=11).contains(&n),
        b"BR" => (10..=12).contains(&n),
        b"IN" => (10..=11).contains(&n),
        b"CN" => n == 11,
        b"TR" => n == 11,
        b"DK" | b"NO" | b"SG" | b"HK" => n == 8,
        b"RU" => n == 11,
        b"UA" | b"MX" | b"GR" => n == 10,
        b"HU" => (8..=11).contains(&n),
        _ => (6..=13).contains(&n),
    };
    if !length_ok {
        return false;
    }
    match &region {
        b"DE" | b"AT" => {
            // "(0 30) 4471 2290" is the old way of writing 030.
            let mut groups = cand
                .strip_prefix("(0 ")
                .unwrap_or(cand)
                .split([' ', '-', '/', '(', ')'])
                .filter(|g| !g.is_empty());
            // Vienna's area code is 1: "01 58801 41270".
            let first_ok = groups.next().is_some_and(|g| g.len() >= 2);
            trunk_zero && first_ok && groups.count() <= 2
        }
        b"GB" | b"FR" | b"NL" | b"BE" | b"CH" | b"IE" | b"AU" | b"JP" | b"IL" | b"SE" | b"TR" => {
            trunk_zero
        }
        // Russian national numbers are dialled with the trunk prefix 8.
        b"RU" => digits_start.starts_with('8'),
        b"UA" => trunk_zero,
        // Dialled with 06, or written with the area code before a slash.
        b"HU" => {
            let trunk = digits_start.starts_with("06");
            (trunk && n >= 10) || (!trunk && n <= 9 && hungarian_area_code(cand))
        }
        // Mainland mobiles: 11 digits starting with 1, written as one run or 3-4-4.
        b"CN" => {
            let groups: Vec<usize> = cand
                .split([' ', '-'])
                .filter(|g| !g.is_empty())
                .map(str::len)
                .collect();
            digits.starts_with('1') && (groups == [11] || groups == [3, 4, 4])
        }
        _ => true,
    }
}

/// Whether the number starts with a one- or two-digit area code and a slash, as
/// Hungarian numbers are written: "30/123 4567", "(21)/178-5025", "1/234-5678".
fn hungarian_area_code(t: &str) -> bool {
    let t = t.trim_start();
    let (inner, rest) = match t.strip_prefix('(') {
        Some(r) => match r.split_once(')') {
            Some((a, rest)) => (a, rest),
            None => return false,
        },
        None => match t.find('/') {
            Some(i) => (&t[..i], &t[i..]),
            None => return false,
        },
    };
    (1..=2).contains(&inner.len())
        && inner.bytes().all(|c| c.is_ascii_digit())
        && rest.starts_with('/')
}

/// Whether the number is a country code in brackets and a number valid under it:
/// "(351) 918 100 339". Asked only of numbers valid in no national plan tried,
/// so a North American area code in brackets ("(212) 555-0132") stays one.
fn bracketed_country_code(rules: &PhoneRules, t: &str) -> bool {
    let Some((code, _)) = t.strip_prefix('(').and_then(|r| r.split_once(')')) else {
        return false;
    };
    if !(1..=3).contains(&code.len()) || !code.bytes().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let mut buf = DigitBuf::default();
    buf.push_digits(strip_extension(t));
    rules.valid_international(buf.as_str())
}

/// Drop separators the regex may have taken at the ends.
fn trim_candidate(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    while end > start && matches!(b[end - 1], b' ' | b'.' | b'-' | b'/' | b'\t') {
        end -= 1;
    }
    // An unbalanced "(" at the start belongs to the prose: "(call 555…)".
    // (Counted in one byte pass: this runs for every sub-run of every candidate.)
    let (opens, closes) = b[start..end].iter().fold((0, 0), |(o, c), &x| {
        (o + usize::from(x == b'('), c + usize::from(x == b')'))
    });
    if opens > closes && b.get(start) == Some(&b'(') {
        start += 1;
    }
    while start < end && b[start] == b' ' {
        start += 1;
    }
    // A list item's number at a line's start ("2. 2449 2766 0561 5123") is the
    // list's, not the first group of a phone number.
    if start == 0 || b[start - 1] == b'\n' {
        let n = b[start..end]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if (1..=2).contains(&n)
            && start + n + 2 < end
            && b.get(start + n..start + n + 2) == Some(b". ")
        {
            start += n + 2;
        }
    }
    (start, end)
}

/// `ddd ddd dddd`.
fn is_spaced_3_3_4(number: &str) -> bool {
    let groups: Vec<&str> = number.split(' ').collect();
    matches!(groups.as_slice(), [a, b, c] if a.len() == 3 && b.len() == 3 && c.len() == 4)
        && number.bytes().filter(u8::is_ascii_digit).count() == 10
}

/// Whether "NHS" stands earlier on the line of `start` (within 100 bytes).
fn nhs_on_line_before(text: &str, start: usize) -> bool {
    let from = super::line_start(text, start).max(start.saturating_sub(100));
    text.as_bytes()[from..start]
        .windows(3)
        .any(|w| w.eq_ignore_ascii_case(b"nhs"))
}

/// Five digits, a dash and four (ZIP+4's shape) right after a state's code of
/// two to four capitals.
fn is_postcode_after_state(text: &str, start: usize, number: &str) -> bool {
    let b = number.as_bytes();
    let zip4 =
        b.len() == 10 && b[5] == b'-' && b[..5].iter().chain(&b[6..]).all(u8::is_ascii_digit);
    let Some(before) = text[..start].strip_suffix(' ') else {
        return false;
    };
    let code = before
        .rsplit(|c: char| !c.is_ascii_uppercase())
        .next()
        .unwrap_or("");
    let whole_word = before.len() == code.len()
        || !before.as_bytes()[before.len() - code.len() - 1].is_ascii_alphanumeric();
    // "TEL 98456-5666", "CEL …": a Brazilian mobile, labelled by its kind.
    let phone_word = ["TEL", "CEL", "FAX", "FON", "MOB", "CELL", "TLF"].contains(&code);
    zip4 && (2..=4).contains(&code.len()) && whole_word && !phone_word
}

/// Whether the line holding `pos` speaks of routing numbers.
fn routing_on_line(input: &ScanInput<'_>, pos: usize) -> bool {
    super::line_mentions(
        input.lowercase(),
        pos,
        &["routing", "aba", "rtn", "transit"],
    )
}

/// Two clock times joined by a dash: opening hours ("08.00–17.00", "9:00 - 12:30").
fn is_time_range(s: &str) -> bool {
    let is_time = |t: &str| {
        let Some((h, m)) = t.trim().split_once(['.', ':']) else {
            return false;
        };
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit())
            && h.parse::<u8>().is_ok_and(|h| h <= 24)
            && m.parse::<u8>().is_ok_and(|m| m < 60)
    };
    s.split_once(['-', '–', '—'])
        .is_some_and(|(a, b)| is_time(a) && is_time(b))
}

/// Extension markers: English, French ("poste"), Portuguese ("ramal"), Italian and
/// Spanish ("interno", "anexo"), Russian ("доб.").
const EXTENSION_MARKERS: [&[u8]; 8] = [
    b"interno",
    b"poste",
    b"ramal",
    b"anexo",
    "доб".as_bytes(),
    b"ext",
    b"x",
    b"#",
];

/// Extension markers read after a number, longest first where one starts another;
/// case does not matter: English, Dutch ("toestel"), German ("Durchwahl", "Dw."),
/// Italian ("int."), Polish ("wew."), Japanese (内線), Korean (내선), and those the
/// candidate regex knows.
const EXTENSION_AFTER: &[&str] = &[
    "extension",
    "ext.",
    "ext",
    "x",
    "toestel",
    "tst.",
    "durchwahl",
    "dw.",
    "int.",
    "interno",
    "wewn.",
    "wew.",
    "poste",
    "ramal",
    "anexo",
    "доб.",
    "内線",
    "내선",
];

/// The end of an extension written after a number ("(921) 456-1400, ext. 9198",
/// "…, x3058", "406.962.7400 Ext. 655", "010 895 4162 toestel 499",
/// "03-9996-4146 内線 30"), which belongs to the number. The candidate regex
/// stops at commas (they separate CSV fields) and knows only lower-case markers,
/// so the rest is read here.
fn extension_after(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let (comma, rest) = match rest.strip_prefix(',') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let rest_trimmed = rest.trim_start_matches(' ');
    // Glued to the number, only "x3058" and the CJK markers ("4146内線30") are
    // extensions; after a comma any marker is (",ext. 9198").
    let glued_ok = comma || rest.starts_with(['x', '内', '내']);
    if rest_trimmed.len() == rest.len() && !glued_ok {
        return None;
    }
    let marker = EXTENSION_AFTER.iter().find(|m| {
        rest_trimmed
            .as_bytes()
            .get(..m.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(m.as_bytes()))
    })?;
    let after_marker = &rest_trimmed[marker.len()..];
    // A letter marker is a whole word: "x" is not the start of "xyz 12".
    if marker.ends_with(|c: char| c.is_ascii_alphabetic())
        && after_marker.starts_with(|c: char| c.is_alphabetic())
    {
        return None;
    }
    let after = after_marker.trim_start_matches(' ');
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let whole = after
        .as_bytes()
        .get(digits)
        .is_none_or(|c| !c.is_ascii_alphanumeric());
    ((1..=6).contains(&digits) && whole).then(|| text.len() - after.len() + digits)
}

fn strip_extension(cand: &str) -> &str {
    let b = cand.as_bytes();
    // Every marker holds a letter or is `#`: most candidates have neither.
    if !b
        .iter()
        .any(|&c| c.is_ascii_alphabetic() || c == b'#' || c >= 0x80)
    {
        return cand;
    }
    // Longest first: "anexo" holds an "x".
    for marker in EXTENSION_MARKERS {
        let found = (0..b.len().saturating_sub(marker.len() - 1))
            .rev()
            .find(|&i| b[i..i + marker.len()].eq_ignore_ascii_case(marker));
        if let Some(i) = found {
            if i > 0 && b[i..].iter().any(u8::is_ascii_digit) {
                return &cand[..i];
            }
        }
    }
    cand
}

/// The digits of a candidate, on the stack (candidates are checked by the dozen).
#[derive(Default)]
struct DigitBuf {
    d: [u8; 32],
    n: usize,
}

impl DigitBuf {
    fn push_digits(&mut self, s: &str) {
        for c in s.bytes().filter(u8::is_ascii_digit) {
            if self.n < self.d.len() {
                self.d[self.n] = c;
                self.n += 1;
            }
        }
    }

    fn as_str(&self) -> &str {
        // Only ASCII digits were pushed.
        std::str::from_utf8(&self.d[..self.n]).unwrap_or("")
    }
}

/// Whether the number part is grouped 3-3-4 with one kind of separator.
fn is_three_three_four(s: &str) -> bool {
    let mut lens = [0usize; 4];
    let mut k = 0;
    for g in s.split([' ', '-', '.']).filter(|g| !g.is_empty()) {
        if k == 3 || !g.bytes().all(|c| c.is_ascii_digit()) {
            return false;
        }
        lens[k] = g.len();
        k += 1;
    }
    k == 3 && lens[..3] == [3, 3, 4]
}

/// Groupings that belong to other identifiers: card numbers (4-4-4-4, 4-6-5),
/// Brazilian postal codes (5-3), SSNs (3-2-4), EINs (2-7), Australian Medicare
/// numbers (4-5-1) and decimals.
fn looks_like_other_number(s: &str) -> bool {
    let all_digits = s
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b' ' | b'-' | b'.'));
    if !all_digits {
        return false;
    }
    let mut lens = [0usize; 5];
    let mut k = 0;
    for g in s.split([' ', '-', '.']).filter(|g| !g.is_empty()) {
        if k == lens.len() {
            return false;
        }
        lens[k] = g.len();
        k += 1;
    }
    // A decimal ("4471.000000", a table's statistics) has one dot and a long
    // fraction; a US employer number (EIN) is 2-7 ("09-7625400" with its trunk 0
    // is an Israeli phone number).
    // So is a long integer part with a dot: "21740.4180" (an amount, a Windows
    // build); no numbering plan writes five digits, a dot and four.
    let decimal = k == 2 && s.contains('.') && (lens[1] >= 5 || lens[0] >= 5);
    let ein = lens[..k] == [2, 7] && !s.starts_with('0');
    decimal
        || ein
        || matches!(
            &lens[..k],
            [4, 4, 4, 4] | [4, 6, 5] | [4, 6, 4] | [5, 3] | [3, 2, 4] | [4, 5, 1]
        )
}

/// `12.03.2024`, `2024-03-12`, `05/09/25` or dotted versions with four or more parts.
fn looks_like_date_or_version(s: &str) -> bool {
    let s = s.trim();
    if s.starts_with('+') {
        return false;
    }
    if is_time_range(s) {
        return true;
    }
    let dots = s.bytes().filter(|&c| c == b'.').count();
    if dots >= 3 {
        // Dotted phone numbers: French 06.71.83.29.47, North American 1.312.847.2290.
        let mut lens = [0usize; 6];
        let mut k = 0;
        for g in s.split('.') {
            if k == lens.len() || g.is_empty() || !g.bytes().all(|c| c.is_ascii_digit()) {
                return true;
            }
            lens[k] = g.len();
            k += 1;
        }
        let french = k == 5 && lens[..5] == [2; 5] && s.starts_with('0');
        let nanp = k == 4 && lens[..4] == [1, 3, 3, 4] && s.starts_with('1');
        return !(french || nanp);
    }
    for sep in ['.', '/', '-'] {
        let mut lens = [0usize; 3];
        let mut k = 0;
        let mut ok = true;
        for p in s.split(sep) {
            if k == 3 || p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                ok = false;
                break;
            }
            lens[k] = p.len();
            k += 1;
        }
        if ok && k == 3 {
            let [a, b, c] = lens;
            if (a <= 2 && b <= 2 && (c == 2 || c == 4)) || (a == 4 && b <= 2 && c <= 2) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_belong_to_the_number() {
        for (text, number) in [
            (
                "reach me at (921) 456-1400, ext. 9198 or by mail",
                "(921) 456-1400, ext. 9198",
            ),
            (
                "Please call +1-212-555-0188, x3058.",
                "+1-212-555-0188, x3058",
            ),
            // Capitalized, and in other languages.
            (
                "Employer phone: 406.962.7400 Ext. 655\n",
                "406.962.7400 Ext. 655",
            ),
            (
                "Bel mij op 010 895 4162 toestel 499 als",
                "010 895 4162 toestel 499",
            ),
            (
                "Bitte unter +49 30 3750816 Dw. 3922 zurück.",
                "+49 30 3750816 Dw. 3922",
            ),
            (
                "il +39 06 8578 7058 int. 46 in orario",
                "+39 06 8578 7058 int. 46",
            ),
            ("numer 22 588 27 95 wew. 31.", "22 588 27 95 wew. 31"),
            (
                "お問い合わせは03-9996-4146 内線 30までお願いします。",
                "03-9996-4146 内線 30",
            ),
            ("お問い合わせは03-9996-4146内線30まで", "03-9996-4146内線30"),
            (
                "reach me at (921) 456-1400,ext. 9198 or",
                "(921) 456-1400,ext. 9198",
            ),
            (
                "문의는 031-833-7620 내선 3656로 연락 주세요.",
                "031-833-7620 내선 3656",
            ),
            // Unicode hyphens and dashes between the groups.
            (
                "call (605) 478\u{2011}6048 for the pickup",
                "(605) 478\u{2011}6048",
            ),
            (
                "the coordinator's cell as 365–474–8226 — is",
                "365–474–8226",
            ),
            // Dictated digit by digit, after a phone word; not without one.
            (
                "\"call me back on 2 3 7 8 1 7 2 9 6 2 thanks\"",
                "2 3 7 8 1 7 2 9 6 2",
            ),
            // A comma and a word that is no extension marker: the number alone.
            ("call 730-503-3329, extra fees apply", "730-503-3329"),
            ("call 730-503-3329 xyz 12", "730-503-3329"),
        ] {
            assert_eq!(found(text), vec![number.to_string()], "{text}");
        }
        assert!(found("the sequence 2 3 7 8 1 7 2 9 6 2 repeats").is_empty());
        assert!(found("call 1 2 3 4 5 6 7 8 9 10 11 12").is_empty());
        // Five digits, a dot and four is a decimal or a build number.
        assert!(found("They're on Windows 21740.4180 now").is_empty());
    }

    fn found(text: &str) -> Vec<String> {
        let d = PhoneDetector::new().unwrap();
        let input = ScanInput::new(text);
        let mut out = Vec::new();
        d.detect(&input, &mut out);
        out.retain(|f| f.score >= 0.5);
        super::super::merge::merge(out)
            .into_iter()
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn formats() {
        let cases = [
            ("My US number is (415) 555-0132, ok", "(415) 555-0132"),
            ("intl +1 415 555 0132.", "+1 415 555 0132"),
            ("UK +44 (20) 7123 4567", "+44 (20) 7123 4567"),
            ("Brazil: +55 11 98456 5666", "+55 11 98456 5666"),
            // North America's exit code before a country code (challenge 9)
            (
                "How do I call +49 30 44646595 from the US? Is it 011 49 30 44646595? And",
                "+49 30 44646595|011 49 30 44646595",
            ),
            // Delhi's area code 011 is no exit code: the number stays national
            (
                "Call our Delhi office on 011 2345 6789 today",
                "011 2345 6789",
            ),
            // a phone beside an NHS number, or after TEL (review)
            (
                "NHS no. 943 476 5919, daughter's mobile 087 123 4567",
                "087 123 4567",
            ),
            ("CEL 98456-5666", "98456-5666"),
            // a next of kin's number in brackets (challenge 11)
            (
                "Chart no. A14415287. Next of kin Mark Vega (3298963463).",
                "3298963463",
            ),
            // a bare number that happens to pass the ABA checksum is still a phone
            ("Brussels office 021234567", "021234567"),
            // a case manager is a person with a phone (challenge 10)
            (
                "Case manager: 602-205-6872 ext 2946",
                "602-205-6872 ext 2946",
            ),
            // the country code stays when a word before it contradicts (challenge 9)
            (
                "IBAN AE878807779630157423284. Questions: accounts receivable on +81 70-6260-9062.",
                "+81 70-6260-9062",
            ),
            ("call 0141 496 0018 today", "0141 496 0018"),
            ("Tel. +49 30 1234567", "+49 30 1234567"),
            ("+33 1 42 68 53 00", "+33 1 42 68 53 00"),
            ("ring me on +44(0)20 7946 0958", "+44(0)20 7946 0958"),
            ("phone 202-555-0173x1234", "202-555-0173x1234"),
            ("mobile 3331234567", "3331234567"),
            // glued to a script written without spaces, or a Korean particle
            ("携帯は090-3481-7726です", "090-3481-7726"),
            ("010-3184-7726로 연락주세요", "010-3184-7726"),
            // Russian numbers keep their trunk 8; Ukrainian ones their 0
            ("тел. 8 916 123-45-67", "8 916 123-45-67"),
            ("тел. 067 123 45 67", "067 123 45 67"),
            // a country code in brackets, with or without its "+"
            ("Phone: +(370) 61003307", "+(370) 61003307"),
            ("Phone: (351) 918 100 339", "(351) 918 100 339"),
            // Hungarian area code and slash
            ("Phone: 30/004 4609", "30/004 4609"),
            ("Phone: (21)/178-5025", "(21)/178-5025"),
            // grouped 3-3-4 outside North America, with a phone word
            ("Teléfono: 374-095-4611", "374-095-4611"),
            // after a ward or room number
            ("ward 7B 0113 206 5862.", "0113 206 5862"),
            ("Tel. (11) 3456-7890 anexo 12", "(11) 3456-7890 anexo 12"),
            // extensions in other languages
            (
                "Clinique : (514) 872-3391 poste 2207",
                "(514) 872-3391 poste 2207",
            ),
            (
                "звоните +7 (495) 318-44-72 доб. 214",
                "+7 (495) 318-44-72 доб. 214",
            ),
            // a bare number with a phone word in another language
            ("Телефон: 89161234567", "89161234567"),
            ("电话13812345678，谢谢", "13812345678"),
            ("Mobile: 138 1047 2291", "138 1047 2291"),
            ("Phone: +31785-247840", "+31785-247840"),
            ("SD 20241 440-600-5124", "440-600-5124"),
            ("+44 20 7946 0958 192.168.1.20", "+44 20 7946 0958"),
            (
                "+44 20 7946 0958 (415) 555-0132",
                "+44 20 7946 0958|(415) 555-0132",
            ),
            ("My Israeli number is 09-7625400", "09-7625400"),
            ("My Japanese number is 090-1234-5678", "090-1234-5678"),
            // Turkish "cep" (mobile) supports a number (challenge2 ch2-0160)
            ("Cep: 0532 418 27 65", "0532 418 27 65"),
            // a country code before "number" (Presidio's test cases)
            ("My CN number is 13812345678", "13812345678"),
            // +1 numbers follow the same NANP rules as national ones: an area
            // code not (yet) in service is still how the number is written
            (
                "Please call +1-328-508-8195 x3058.",
                "+1-328-508-8195 x3058",
            ),
            (
                "nurse line +1-666-729-2612, ext. 3831",
                "+1-666-729-2612, ext. 3831",
            ),
            // a country code and a phone word: a number the metadata does not know
            ("הטלפון שלי +972 58-272-0946 והמייל", "+972 58-272-0946"),
            ("phone +81 3-0989-4453", "+81 3-0989-4453"),
            // a signature's one-letter labels; "new number"; Dutch "nummer"
            (
                "Health\nT: 6718819470 | F: (850) 331-6686",
                "6718819470|(850) 331-6686",
            ),
            ("my new number is 3817621266 and", "3817621266"),
            ("mijn nieuwe nummer is 0612345678", "0612345678"),
        ];
        for (text, want) in cases {
            let want: Vec<String> = want.split('|').map(str::to_string).collect();
            assert_eq!(found(text), want, "{text}");
        }
    }

    #[test]
    fn not_phones() {
        for text in [
            "Today is 12.03.2024",
            // a range's dash is no group of a number
            "sprint 41 is 06.01.2025 - 17.01.2025, sprint 42",
            "订单号13812345678",
            "Walgreens #04471   Rx 2219874-03",
            "complaint no. 1-447102819 was closed",
            // an Australian Medicare number's grouping
            "Medicare 3147 21039 4",
            "Inskriven på avdelning 32 2025-02-27, utskriven",
            // a table's decimals, an employer number
            "count      4471.000000\nmean      52318.447",
            "Employer identification number (EIN)  47-3821190",
            // 3-3-4 and no valid NANP number, without a phone word
            "ref 374-095-4611",
            "invoice 816787/2025",
            // a slash after two digits is tried as Hungarian only (22/… is no
            // Hungarian number; as a Portuguese one it would be valid)
            "Az. 22/1785025 vom Amtsgericht",
            "build 10.0.19045.3803",
            "order 4155550132",
            "ISBN 978-3-16-148410-0",
            "078 05 1123",
            "401-023-2137",
            "NL91 1BNA 0417 1643 00",
            "IE29 AIBK 9311 5212 3456 79",
            "my ip: 192.168.0",
            "2024-06-05T09:15:30.500-07:00",
            "12345",
            // shipping numbers (challenge2 ch2-0177)
            "DHL waybill 1234 5678 90 and parcel 3S PQR 4417 2290",
            "shipment 4155550132 left the depot",
            // a contradicting word right after the number (challenge2 ch2-0178);
            // a Brazilian postcode after "CEP"
            "Is 026009593 the routing number for Bank of America wires?",
            "CEP 01310100, São Paulo",
            "my ID number is 13812345678",
            // an ID written like a local number (challenge 6)
            "Student ID 046-2772, grade 4, room 12.",
            "Case #4155550132 was closed.",
            "Case: 4155550132",
            // a column of routing numbers (challenge 6)
            "name,routing_number,account_number,amount\nRahul W,017040846,72936039180,1915.14\nDan K,021000021,4417229031,20.00\n",
            // +1 and a number no NANP number can be (area code 1xx)
            "+1-128-508-8195",
            // a one-letter label inside a sentence is no signature label
            "Plan B: 6718819470",
            // a company's tax and registry numbers (challenge 9)
            "Registered in England & Wales No. 25212076 · VAT GB 928 9566 84",
            "NIP 351-920-57-31 · KRS 0000370379",
            // opening hours, a list's item numbers, routing numbers, product codes
            // (challenge 10)
            "Jam buka toko Senin–Jumat 08.00–17.00, Sabtu 08.00–12.00.",
            "These fail Luhn:\n1. 4728-3193-1303-3460\n2. 2449 2766 0561 5123\n3. 6011 2460 8812 3458\n",
            "Which banks do these belong to? Routing (ABA) 011000015, 061000104",
            "Case 4155550132 was closed.",
            // Delhi's area code is no exit code: no valid number after it
            "Invoice 011 2345 0000 0000 paid",
            "ticket_id,case_id,status\nT-1,4155550132,open\n",
            "SKU WH-1000XM5-B  UPC 014141205934",
            // check-digit failures on a line about NHS numbers (challenge 11)
            "Validate these NHS-number look-alikes from a test fixture: 724 891 1147 and 416 506 9649.",
            // drug codes, meeting IDs, a postcode after a state (challenge 11)
            "salbutamol 100 mcg inhaler, NDC 75676-440-23, dispensed 09/08/2023",
            "Meeting ID 834 2707 3382, passcode 4411",
            "Depto. 458, Nueva Bolivia, CHIS 36642-8918 (21°44'14.2\"N)",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        // ... but a label on the next line is about the next value.
        assert_eq!(
            found("Phone: (915) 482-3391\nSSN: 229-86-0545"),
            ["(915) 482-3391"]
        );
    }
}
