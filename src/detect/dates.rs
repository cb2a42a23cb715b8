//! Dates and times tied to a person: birth, death, admission and discharge,
//! visits and appointments, hiring, travel, personal transactions.
//!
//! The shape of a date says nothing about whose it is, so every candidate is
//! scored by its context: words such as "born", "DOB", "admitted", "visit" make it
//! personal; "released", "deadline", "sprint", "created_at" make it not. Without
//! either, a calendar date counts as personal (a prompt that names a date usually
//! names someone's), but a system timestamp (`2024-03-15T14:30:00Z`) does not. In
//! a table, the column header is the context. Times are kept when they belong to a
//! kept date ("on 5 May 2024 at 10:30") or to an appointment.
//!
//! Numeric, ISO and written-out forms are recognized, with month names in English,
//! German, French, Spanish, Italian, Dutch and Portuguese; every candidate is
//! checked against the calendar.

use std::sync::Arc;

use regex::Regex;

use super::context::{evidence, ContextRule, Evidence};
use super::features::Feature;
use super::{compile, is_number_token, is_token, BuildError, Detector, Finding, Label, ScanInput};

/// Month names and abbreviations with their month number.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
];

static PERSONAL: ContextRule = ContextRule::new(
    &[
        "born",
        "birth",
        "birthday",
        "dob",
        "d.o.b",
        "admitted",
        "admission",
        "adm",
        "discharged",
        "discharge",
        "disch",
        "seen",
        "visit",
        "visited",
        "appointment",
        "appt",
        "follow-up",
        "f/u",
        "surgery",
        "operation",
        "procedure",
        "diagnosed",
        "hired",
        "hire",
        "start date",
        "started",
        "starting",
        "joined",
        "since",
        "employed",
        "worked",
        "terminated",
        "termination",
        "effective",
        "resign",
        "departing",
        "departure",
        "arriving",
        "arrival",
        "flight",
        "travel",
        "check-in",
        "checkout",
        "charged",
        "paid",
        "payment",
        "transaction",
        "transfer",
        "purchased",
        "bought",
        "died",
        "death",
        "deceased",
        "married",
        "wedding",
        "moved",
        "meeting",
        "call",
        "dinner",
        "lunch",
        "interview",
        "until",
        "away",
        "leave",
        "vacation",
        "booked",
        "reservation",
        "stay",
        "renewal",
        "issued",
        "geboren",
        "né",
        "née",
        "nacido",
        "nato",
        "nata",
    ],
    &[
        "released",
        "release",
        "came into force",
        "into force",
        "deadline",
        "sprint",
        "board",
        "board meeting",
        "sunset",
        "due",
        "closed",
        "maintenance",
        "launch",
        "audit",
        "filing",
        "conference",
        "early-bird",
        "quarter",
        "fiscal",
        "q1",
        "q2",
        "q3",
        "q4",
        "version",
        "changelog",
        "published",
        "created",
        "updated",
        "modified",
        "timestamp",
        "holiday",
        "countdown",
        "go-live",
        "cutoff",
        "end of life",
        "eol",
        "expires",
        "expiry",
        "expiration",
        "exp",
        "valid thru",
        "copyright",
        "patch",
        "build",
    ],
    60,
    25,
);

/// Context that makes a lone time personal.
static APPOINTMENT: ContextRule = ContextRule::new(
    &[
        "appointment",
        "appt",
        "meeting",
        "call",
        "visit",
        "dinner",
        "lunch",
        "interview",
        "pick up",
        "pickup",
        "arrive",
        "arrival",
        "depart",
        "departure",
        "check-in",
        "surgery",
        "session",
        "flight",
    ],
    &["cron", "log", "timeout", "every", "daily", "utc"],
    40,
    10,
);

/// Date and time detector.
#[derive(Debug)]
pub struct DateDetector {
    /// The time part of an ISO timestamp, right after its date.
    time_suffix: Regex,
    month_first: Regex,
    day_first: Regex,
    month_year: Regex,
    time: Regex,
    /// Any month name, to skip the written-date regexes on texts without one.
    month_names: aho_corasick::AhoCorasick,
    name: Arc<str>,
}

impl DateDetector {
    pub fn new() -> Result<Self, BuildError> {
        let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
        // Longest first, so "september" wins over "sep".
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let month = format!("(?:{})", names.join("|"));
        let month_first = format!(r"(?i){month}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?");
        let day_first = format!(
            r"(?i)\d{{1,2}}(?:st|nd|rd|th|\.)?(?:\s+|\s+of\s+|\s+de\s+|-){month}\.?(?:,?\s+(?:de\s+)?\d{{4}}|-\d{{2,4}})?"
        );
        let month_year = format!(r"(?i){month}\.?[ -]\d{{4}}");
        Ok(DateDetector {
            time_suffix: compile(
                "date_time_suffix",
                r"\A[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?",
            )?,
            month_first: compile("date_month_first", &month_first)?,
            day_first: compile("date_day_first", &day_first)?,
            month_year: compile("date_month_year", &month_year)?,
            time: compile(
                "time",
                r"(?i)\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?|\d{1,2}\s?[ap]\.?m\.?",
            )?,
            month_names: aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(MONTHS.iter().map(|(n, _)| n))
                .map_err(|e| BuildError::Automaton {
                    detector: "dates".into(),
                    source: e,
                })?,
            name: Arc::from("pattern:date"),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Shape {
    /// A calendar date.
    Date,
    /// A date with a time of day in ISO form: how systems write timestamps.
    Timestamp,
    /// A month and year ("May 2021", "05/2021"): less specific, same rules.
    MonthYear,
}

impl Detector for DateDetector {
    fn name(&self) -> &str {
        "dates"
    }

    fn detect(&self, input: &ScanInput<'_>, out: &mut Vec<Finding>) {
        let text = input.text();
        let bytes = text.as_bytes();
        if !input.has(Feature::Digit) {
            return;
        }
        // Cheap gates: each regex runs only if the text has what it needs.
        let month_word = self.month_names.is_match(text);
        let mut dates: Vec<(usize, usize, Shape)> = Vec::new();
        // Numeric dates come from the number runs: D/M/Y, M/D/Y, ISO Y-M-D (with an
        // optional time making it a timestamp), M/YYYY.
        for run in input.number_runs() {
            for sub in run.subs(3) {
                let (start, end) = sub.span();
                let s = &text[start..end];
                let sep = sub.separator();
                let standalone = sub.is_standalone(text);
                let iso = sub.shape_fits(&[4, 2, 2])
                    && sub.group_lengths().next() == Some(4)
                    && matches!(sep, Some(Some(b'-' | b'/')))
                    && valid_iso(s);
                if iso {
                    // "2024-03-15T14:30:00Z" is glued to its time: one timestamp.
                    match self.time_suffix.find(&text[end..]) {
                        Some(t)
                            if standalone
                                || (ends_before_time(bytes, end)
                                    && (start == 0
                                        || !bytes[start - 1].is_ascii_alphanumeric())) =>
                        {
                            dates.push((start, end + t.end(), Shape::Timestamp))
                        }
                        None if standalone => dates.push((start, end, Shape::Date)),
                        _ => {}
                    }
                    continue;
                }
                if !standalone || preceded_by_version_marker(bytes, start) {
                    continue;
                }
                if sub.len() == 3
                    && matches!(sep, Some(Some(b'/' | b'.' | b'-')))
                    && valid_numeric(s)
                {
                    dates.push((start, end, Shape::Date));
                } else if (sub.shape_is(&[2, 4]) || sub.shape_is(&[1, 4]))
                    && sep == Some(Some(b'/'))
                    && valid_month_year(s)
                {
                    dates.push((start, end, Shape::MonthYear));
                }
            }
        }
        if month_word {
            for re in [&self.month_first, &self.day_first] {
                for m in re.find_iter(text) {
                    if is_token(text, m.start(), m.end()) && valid_written(m.as_str()) {
                        dates.push((m.start(), m.end(), Shape::Date));
                    }
                }
            }
        }
        dates.sort();
        if month_word {
            let mut month_years = Vec::new();
            for m in self.month_year.find_iter(text) {
                let i = dates.partition_point(|&(s, _, _)| s <= m.start());
                let covered = i > 0 && dates[i - 1].1 >= m.end();
                if !covered && is_token(text, m.start(), m.end()) && valid_month_year(m.as_str()) {
                    month_years.push((m.start(), m.end(), Shape::MonthYear));
                }
            }
            dates.extend(month_years);
            dates.sort();
        }
        dates.dedup();

        let mut kept_personal: Vec<(usize, usize)> = Vec::new();
        for &(start, end, shape) in &dates {
            let score = score_date(input, start, end, shape);
            if score >= 0.5 {
                kept_personal.push((start, end));
            }
            out.push(Finding {
                start,
                end,
                label: Label::DateTime,
                score,
                detector: self.name.clone(),
            });
        }

        let time_shape = input.has(Feature::DigitColonDigit) || input.has(Feature::Meridiem);
        for m in self.time.find_iter(text).take_while(|_| time_shape) {
            let (start, end) = (m.start(), m.end());
            if !is_number_token(text, start, end) || !valid_time(m.as_str()) {
                continue;
            }
            if dates.iter().any(|&(s, e, _)| s < end && start < e) {
                continue;
            }
            let near_date = kept_personal
                .iter()
                .any(|&(_, de)| de <= start && start - de <= 8 && is_joiner(&text[de..start]));
            let score = if near_date {
                0.85
            } else {
                match evidence(text, start, end, &APPOINTMENT) {
                    Evidence::Supports => 0.7,
                    _ => 0.2,
                }
            };
            out.push(Finding {
                start,
                end,
                label: Label::DateTime,
                score,
                detector: self.name.clone(),
            });
        }
    }
}

fn score_date(input: &ScanInput<'_>, start: usize, end: usize, shape: Shape) -> f32 {
    if let Some(header) = input.column_header(start) {
        let h = header.to_ascii_lowercase();
        if [
            "dob",
            "birth",
            "born",
            "admit",
            "discharg",
            "visit",
            "appointment",
            "hire",
            "death",
        ]
        .iter()
        .any(|w| h.contains(w))
        {
            return 0.9;
        }
        return 0.2;
    }
    let base = match shape {
        // A timestamp that opens a line is a log record's; in prose it is a date.
        Shape::Timestamp if starts_line(input.text(), start) => 0.2,
        Shape::Date | Shape::Timestamp | Shape::MonthYear => 0.6,
    };
    match evidence(input.text(), start, end, &PERSONAL) {
        Evidence::Supports => 0.9,
        Evidence::Neutral => base,
        Evidence::Contradicts => 0.2,
    }
}

/// Whether an ISO date ending at `end` continues with a time ("T14:30", " 14:30").
fn ends_before_time(b: &[u8], end: usize) -> bool {
    matches!(b.get(end), Some(b'T' | b' ')) && b.get(end + 1).is_some_and(u8::is_ascii_digit)
}

/// Whether only an opening bracket or spaces stand between the line start and `pos`.
fn starts_line(text: &str, pos: usize) -> bool {
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..pos]
        .trim_start()
        .trim_start_matches('[')
        .is_empty()
}

/// Text between a date and a time that joins them: " at ", ", ", " - ", " @ ".
fn is_joiner(between: &str) -> bool {
    let t = between.trim().to_ascii_lowercase();
    matches!(
        t.as_str(),
        "" | "at" | "@" | "," | "-" | "–" | "um" | "à" | "a las" | "alle" | "om" | "às"
    )
}

fn preceded_by_version_marker(b: &[u8], start: usize) -> bool {
    start > 0 && matches!(b[start - 1], b'v' | b'V')
}

fn days_in_month(year: Option<u32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

fn valid_day(year: Option<u32>, month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

fn valid_year(y: u32) -> bool {
    (1900..=2100).contains(&y)
}

fn valid_iso(s: &str) -> bool {
    let date = &s[..10.min(s.len())];
    let parts: Vec<u32> = date
        .split(['-', '/'])
        .filter_map(|p| p.parse().ok())
        .collect();
    if parts.len() != 3 || !valid_year(parts[0]) || !valid_day(Some(parts[0]), parts[1], parts[2]) {
        return false;
    }
    if s.len() > 10 {
        if let Some(t) = s.get(11..16) {
            return valid_time(t);
        }
    }
    true
}

fn valid_numeric(s: &str) -> bool {
    let Some(sep) = s.chars().find(|c| !c.is_ascii_digit()) else {
        return false;
    };
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.len() != 3 {
        return false;
    }
    let (a, b, c) = (parts[0], parts[1], parts[2]);
    let (Ok(x), Ok(y), Ok(year)) = (a.parse::<u32>(), b.parse::<u32>(), c.parse::<u32>()) else {
        return false;
    };
    let year = match c.len() {
        4 if valid_year(year) => Some(year),
        2 => None,
        _ => return false,
    };
    // Dotted short forms ("3.12.10") are version numbers unless written DD.MM.YY.
    if sep == '.' && year.is_none() && (a.len() != 2 || b.len() != 2) {
        return false;
    }
    valid_day(year, x, y) || valid_day(year, y, x)
}

fn valid_month_year(s: &str) -> bool {
    let (m, y) = match s.split_once(['/', ' ', '-']) {
        Some(parts) => parts,
        None => return false,
    };
    let month = m.parse::<u32>().ok().or_else(|| month_number(m));
    let year = y.parse::<u32>().ok();
    matches!((month, year), (Some(1..=12), Some(y)) if valid_year(y))
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == w).map(|&(_, m)| m)
}

/// A written-out date: find its month word and numbers, and check the calendar.
fn valid_written(s: &str) -> bool {
    let mut month = None;
    let mut numbers: Vec<u32> = Vec::new();
    for token in s.split(|c: char| c.is_whitespace() || c == ',' || c == '-') {
        if token.is_empty() {
            continue;
        }
        let digits: String = token.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            if let Ok(n) = digits.parse() {
                numbers.push(n);
            }
        } else if month.is_none() {
            month = month_number(token);
        }
    }
    let Some(month) = month else {
        return false;
    };
    match numbers.as_slice() {
        [day] => valid_day(None, month, *day),
        [day, year] | [year, day] if *year >= 1000 => {
            valid_year(*year) && valid_day(Some(*year), month, *day)
        }
        [day, yy] if *yy < 100 => valid_day(None, month, *day),
        _ => false,
    }
}

fn valid_time(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let meridiem = lower.contains('a') || lower.contains('p');
    let digits: String = lower
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    let mut parts = digits.split(':').map(|p| p.parse::<u32>());
    let Some(Ok(h)) = parts.next() else {
        return false;
    };
    let m = match parts.next() {
        Some(Ok(m)) => m,
        Some(Err(_)) => return false,
        None => 0,
    };
    if meridiem {
        (1..=12).contains(&h) && m < 60
    } else {
        digits.contains(':') && h < 24 && m < 60
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let d = DateDetector::new().unwrap();
        let input = ScanInput::new(text);
        let mut out = Vec::new();
        d.detect(&input, &mut out);
        out.into_iter()
            .filter(|f| f.score >= 0.5)
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn personal_dates() {
        let cases: &[(&str, &[&str])] = &[
            ("DOB: 03/14/1985, MRN 1234", &["03/14/1985"]),
            ("she was born on 14 March 1985", &["14 March 1985"]),
            (
                "Admitted 2024-02-29 and discharged 2024-03-04.",
                &["2024-02-29", "2024-03-04"],
            ),
            (
                "meeting moved to May 5, 2025 at 3:30 PM",
                &["May 5, 2025", "3:30 PM"],
            ),
            ("geboren am 15. März 1990", &["15. März 1990"]),
            ("nacido el 15 de marzo de 1990", &["15 de marzo de 1990"]),
            ("Today is 5-MAY-2021", &["5-MAY-2021"]),
            ("seen 18.04.2025 for review", &["18.04.2025"]),
            (
                "Today is 2024-03-15T14:30:00Z or not?",
                &["2024-03-15T14:30:00Z"],
            ),
            ("hired in May 2021 as a nurse", &["May 2021"]),
            ("Today is 05/2021", &["05/2021"]),
        ];
        for (text, want) in cases {
            let got = found(text);
            let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn not_personal() {
        for text in [
            "Python 3.12 was released on 2023-10-02.",
            "The sprint ends on 05/09/2025",
            "The Q3 board meeting is scheduled for March 3, 2025.",
            "2025-03-04T12:33:00Z WARN auth failed",
            "SELECT * FROM users WHERE created_at > '2021-03-04'",
            "date,region,build\n2024-01-02,eu-west-1,1.2.3\n2024-01-03,us-east-2,1.2.4\n",
            "version 3.12.10 and 02/30/2024 and 1990",
            "cron at 10:30 daily",
            "card expires 05/2027",
            "Ratio 13/2024",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn table_header_decides() {
        let text = "name,dob,city\nAnn,1990-01-02,Leeds\nBo,1985-07-08,York\n";
        assert_eq!(found(text), vec!["1990-01-02", "1985-07-08"]);
    }
}
