//! Table awareness: in a CSV/TSV/pipe table pasted into a prompt, the header names
//! what each column holds ("dob", "mrn", "zip"), which is the context word a value
//! deep in the table no longer has next to it.
//!
//! A table is a run of at least two consecutive lines that contain the same
//! delimiter the same (non-zero) number of times; its first line is the header.
//! Quoted fields are respected for `,` and `;`.

/// The tables found in one text.
#[derive(Debug, Default)]
pub struct Tables {
    /// `(header line start, header line end, table end, delimiter)`.
    blocks: Vec<(usize, usize, usize, u8)>,
    /// For each block: whether its header names people (see `names_people`),
    /// decided once when the table is found.
    of_people: Vec<bool>,
}

/// Headers of a key/value table's value column: they name no kind of value.
const GENERIC_VALUE_HEADERS: &[&str] = &[
    "value",
    "values",
    "detail",
    "details",
    "info",
    "information",
    "data",
    "entry",
    "answer",
    "response",
];

const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Lines longer than this are not treated as table rows (keeps the scan linear).
const MAX_ROW_BYTES: usize = 4096;

impl Tables {
    /// Find the tables of `text`.
    pub fn find(text: &str) -> Tables {
        let mut blocks = Vec::new();
        if !text.contains('\n') {
            return Tables::default();
        }
        // One pass per line counts the fields of every delimiter at once.
        let lines: Vec<(usize, usize, [usize; 4])> = line_spans(text)
            .map(|(s, e)| {
                let counts = if e - s > MAX_ROW_BYTES {
                    [0; 4]
                } else {
                    count_all_fields(&text[s..e])
                };
                (s, e, counts)
            })
            .collect();
        for (d, &delim) in DELIMITERS.iter().enumerate() {
            let mut i = 0;
            while i < lines.len() {
                let (s, e, counts) = lines[i];
                let count = counts[d];
                if count < min_fields(delim) {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while j < lines.len() && lines[j].2[d] == count {
                    j += 1;
                }
                if j - i >= 2 && looks_like_header(&text[s..e], delim) {
                    blocks.push((s, e, lines[j - 1].1, delim));
                }
                i = j.max(i + 1);
            }
        }
        let of_people = blocks
            .iter()
            .map(|&(hs, he, end, delim)| {
                names_people(&text[hs..he], delim)
                    || (is_key_value_header(&text[hs..he], delim)
                        && row_keys(text, he, end, delim).any(|key| names_people(key, delim)))
            })
            .collect();
        Tables { blocks, of_people }
    }

    /// Whether no table was found.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The index of the block whose data rows hold byte `pos`.
    fn block_index(&self, pos: usize) -> Option<usize> {
        self.blocks
            .iter()
            .position(|&(_, he, end, _)| pos > he && pos <= end)
    }

    /// Whether byte `pos` is on a table's header line.
    pub fn is_header_at(&self, pos: usize) -> bool {
        self.blocks
            .iter()
            .any(|&(hs, he, _, _)| pos >= hs && pos < he)
    }

    /// Whether byte `pos` is in a data row of a table about people.
    pub fn of_people_at(&self, pos: usize) -> bool {
        self.block_index(pos).is_some_and(|i| self.of_people[i])
    }

    /// The header cell above byte `pos`, if `pos` is in a data row of a table.
    /// In a key/value table ("| Field | Value |", "Item,Details") the header
    /// above a value says nothing; the row's own first cell ("Patient DOB",
    /// "Member ID") names it, and is returned instead.
    pub fn header_for<'t>(&self, text: &'t str, pos: usize) -> Option<&'t str> {
        let (hs, he, _, delim) = self.blocks[self.block_index(pos)?];
        let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
        let column = field_index(&text[line_start..pos], delim);
        let header = header_cells(&text[hs..he], delim).nth(column)?;
        if !is_generic_value_header(header) {
            return Some(header);
        }
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let (key_column, key) = header_cells(&text[line_start..line_end], delim)
            .enumerate()
            .find(|(_, cell)| !cell.is_empty())?;
        // "| Name | Details |": the first column holds people, not field names.
        let key_header = header_cells(&text[hs..he], delim)
            .nth(key_column)
            .unwrap_or("");
        let names_fields = !names_people(key_header, delim);
        Some(if key_column < column && names_fields {
            key
        } else {
            header
        })
    }
}

/// Whether a header line is a key/value table's: its last cell is a generic
/// value header ("| Field | Value |").
fn is_key_value_header(line: &str, delim: u8) -> bool {
    header_cells(line, delim)
        .filter(|c| !c.is_empty())
        .last()
        .is_some_and(is_generic_value_header)
}

/// Whether a header cell is one of [`GENERIC_VALUE_HEADERS`] ("Value", "Details").
fn is_generic_value_header(cell: &str) -> bool {
    GENERIC_VALUE_HEADERS.contains(&cell.to_ascii_lowercase().as_str())
}

/// The first non-empty cell of each data row between `from` and `end`.
fn row_keys(text: &str, from: usize, end: usize, delim: u8) -> impl Iterator<Item = &str> {
    text[from..end.min(text.len())]
        .lines()
        .filter_map(move |row| header_cells(row, delim).find(|c| !c.is_empty()))
}

fn line_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let s = start;
        start += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        (s, s + content.len())
    })
}

/// Number of fields on a line for each of `DELIMITERS` (delimiters outside quotes
/// + 1, or 0 if none), in one pass.
fn count_all_fields(line: &str) -> [usize; 4] {
    let mut in_quotes = false;
    let mut n = [0usize; 4];
    for b in line.bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b',' if !in_quotes => n[0] += 1,
            b';' if !in_quotes => n[1] += 1,
            b'\t' => n[2] += 1,
            b'|' => n[3] += 1,
            _ => {}
        }
    }
    n.map(|k| if k == 0 { 0 } else { k + 1 })
}

/// Index of the field that the end of `prefix` is in.
fn field_index(prefix: &str, delim: u8) -> usize {
    let quotes = delim == b',' || delim == b';';
    let mut in_quotes = false;
    let mut n = 0;
    for b in prefix.bytes() {
        if quotes && b == b'"' {
            in_quotes = !in_quotes;
        } else if b == delim && !in_quotes {
            n += 1;
        }
    }
    n
}

fn split_fields(line: &str, delim: u8) -> impl Iterator<Item = &str> {
    let quotes = delim == b',' || delim == b';';
    let mut in_quotes = false;
    let mut start = 0;
    let mut parts = Vec::new();
    for (i, b) in line.bytes().enumerate() {
        if quotes && b == b'"' {
            in_quotes = !in_quotes;
        } else if b == delim && !in_quotes {
            parts.push(&line[start..i]);
            start = i + 1;
        }
    }
    parts.push(&line[start..]);
    parts.into_iter()
}

/// Two commas on consecutive prose lines are common; two tabs are not.
fn min_fields(delim: u8) -> usize {
    if delim == b'\t' {
        2
    } else {
        3
    }
}

/// A header names columns: its cells are short, mostly letters, and not sentences.
fn looks_like_header(line: &str, delim: u8) -> bool {
    // A markdown table's rows start and end with the delimiter ("| MRN | Name |"):
    // the empty cells outside them are no header cells.
    let line = if delim == b'|' {
        let t = line.trim();
        let t = t.strip_prefix('|').unwrap_or(t);
        t.strip_suffix('|').unwrap_or(t)
    } else {
        line
    };
    split_fields(line, delim).all(|cell| {
        let cell = cell.trim().trim_matches('"');
        let letters = cell.bytes().filter(u8::is_ascii_alphabetic).count();
        let digits = cell.bytes().filter(u8::is_ascii_digit).count();
        let sentence = cell.ends_with(['.', '?', '!', ':']) || cell.split_whitespace().count() > 4;
        cell.len() <= 40 && letters > 0 && digits <= letters && !sentence
    })
}

/// The cells of a header line, trimmed and unquoted.
pub(crate) fn header_cells(line: &str, delim: u8) -> impl Iterator<Item = &str> {
    split_fields(line, delim).map(|h| h.trim().trim_matches('"'))
}

/// Whether a table is about people: one of its header cells names a person
/// ("Name", "patient", "Employee", "full_name") or a personal field ("dob",
/// "ssn", "email"). "Host Name" and "file_name" name no person.
pub(crate) fn names_people(header_line: &str, delim: u8) -> bool {
    const PEOPLE: &[&str] = &[
        "patient",
        "employee",
        "customer",
        "client",
        "member",
        "person",
        "student",
        "guest",
        "passenger",
        "traveler",
        "traveller",
        "applicant",
        "subscriber",
        "beneficiary",
        "insured",
        "policyholder",
        "claimant",
        "borrower",
        "participant",
        "surname",
        "ssn",
        "mrn",
        "dob",
        "email",
        "phone",
    ];
    const NAME_OF: &[&str] = &[
        "full", "first", "last", "given", "family", "legal", "display",
    ];
    header_cells(header_line, delim).any(|cell| {
        let words = header_words(cell);
        let person_name = match words.as_slice() {
            [only] => only == "name",
            [first, last] => last == "name" && NAME_OF.contains(&first.as_str()),
            _ => false,
        };
        person_name || words.iter().any(|w| PEOPLE.contains(&w.as_str()))
    })
}

/// A header's words, lower case: split at anything but letters and digits and
/// where camelCase starts a word ("dlNumber", "dl_number", "DL No." → dl, number …).
pub(crate) fn header_words(header: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in header.chars() {
        if !c.is_alphanumeric() {
            prev_lower = false;
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            continue;
        }
        if c.is_uppercase() && prev_lower && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_header_of_markdown_column() {
        let text = "| MRN | Patient |\n|---|---|\n| E49132791 | Keisha Ivanova |\n";
        let t = Tables::find(text);
        let pos = text.find("E49132791").unwrap();
        assert_eq!(t.header_for(text, pos), Some("MRN"));
    }

    #[test]
    fn key_value_table_names_a_value_by_its_row() {
        let text = "| Field | Value |\n|---|---|\n| Patient DOB | 11/24/1958 |\n| Value | 7 |\n";
        let t = Tables::find(text);
        assert_eq!(
            t.header_for(text, text.find("11/24").unwrap()),
            Some("Patient DOB")
        );
        assert_eq!(
            t.header_for(text, text.find("Patient").unwrap()),
            Some("Field")
        );
        let csv = "Item\tDetails\nMember ID\tW839264078\nPlan\tGold\n";
        let t = Tables::find(csv);
        assert_eq!(
            t.header_for(csv, csv.find("W83").unwrap()),
            Some("Member ID")
        );
        // A first column of people holds no field names.
        let people = "| Name | Details |\n|---|---|\n| Tariq Ramadan | 1962-08-26 |\n";
        let t = Tables::find(people);
        assert_eq!(
            t.header_for(people, people.find("1962").unwrap()),
            Some("Details")
        );
        // Its keys say whether it is about a person.
        assert!(t.of_people_at(csv.find("W83").unwrap()));
        let settings = "Setting\tValue\nRetention\t30\nStarts\t2025-01-01\n";
        let t = Tables::find(settings);
        assert!(!t.of_people_at(settings.find("2025").unwrap()));
        let person = "| Field | Value |\n|---|---|\n| SSN | 201-05-7249 |\n| Application date | 04/03/2024 |\n";
        let t = Tables::find(person);
        assert!(t.of_people_at(person.find("04/03").unwrap()));
    }

    #[test]
    fn finds_header_of_csv_column() {
        let text = "Pivot this:\nname,mrn,dob\nAnn Lee,12345678,01/02/1990\nBo Chan,\"8765,43\",03/04/1980\n";
        let t = Tables::find(text);
        let pos = text.find("12345678").unwrap();
        assert_eq!(t.header_for(text, pos), Some("mrn"));
        let pos = text.find("03/04/1980").unwrap();
        assert_eq!(t.header_for(text, pos), Some("dob"));
        // the header itself and the text above are not in a data row
        assert_eq!(t.header_for(text, text.find("mrn").unwrap()), None);
        assert_eq!(t.header_for(text, 2), None);
    }

    #[test]
    fn prose_is_not_a_table() {
        let text = "Hello, world, again.\nHow are you, friend, today?\n";
        let t = Tables::find(text);
        assert_eq!(t.header_for(text, 20), None);
    }

    #[test]
    fn semicolon_tables() {
        let text = "payee;iban;amount\nA B;DE89370400440532013000;10,00\nC D;GB29NWBK60161331926819;5,00\n";
        let t = Tables::find(text);
        let pos = text.find("GB29").unwrap();
        assert_eq!(t.header_for(text, pos), Some("iban"));
    }
}
