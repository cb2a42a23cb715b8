//! Names and places in tables, by their column header. A CSV export's `name`,
//! `patient_name` or `city` column holds exactly what its header says, whatever a
//! language model makes of a lone cell; and a value deep in a table has no other
//! context. Cells must look like what they claim (letters for names).

use std::sync::Arc;

use super::{Detector, Finding, Label, ScanInput};

/// Labels table cells by their column header.
#[derive(Debug)]
pub struct ColumnDetector {
    name: Arc<str>,
}

impl Default for ColumnDetector {
    fn default() -> Self {
        ColumnDetector {
            name: Arc::from("table:column"),
        }
    }
}

/// Headers that name people only as a whole header (or with `_name`): in other
/// languages ("Nom du produit" is a product's) and roles ("student_status",
/// "package_manager" hold no names).
const WHOLE_PERSON_HEADERS: &[&str] = &[
    "policyholder",
    "guardian",
    "next_of_kin",
    "student",
    "manager",
    "supervisor",
    "referee",
    "vorname",
    "nachname",
    "prénom",
    "prenom",
    "nom",
    "nombre",
    "apellido",
    "apellidos",
    "nome",
    "cognome",
    "sobrenome",
    "voornaam",
    "achternaam",
    "imię",
    "nazwisko",
    "förnamn",
    "efternamn",
    "fornavn",
    "efternavn",
    "etternavn",
    "etunimi",
    "sukunimi",
    "jméno",
    "příjmení",
    "氏名",
    "名前",
    "姓名",
];

/// Other languages' city, postcode and address headers, as whole headers.
const WHOLE_PLACE_HEADERS: &[&str] = &[
    "ort",
    "stadt",
    "plz",
    "ville",
    "ciudad",
    "città",
    "cidade",
    "plaats",
    "woonplaats",
    "miasto",
    "adresse",
    "dirección",
    "indirizzo",
    "endereço",
    "adres",
];

fn label_for(header: &str) -> Option<Label> {
    let h = header.to_ascii_lowercase().replace([' ', '-'], "_");
    let whole = |words: &[&str]| {
        words
            .iter()
            .any(|w| h == *w || h.strip_suffix("_name") == Some(*w))
    };
    if whole(WHOLE_PERSON_HEADERS) {
        return Some(Label::Person);
    }
    if whole(WHOLE_PLACE_HEADERS) {
        return Some(Label::Location);
    }
    let is = |words: &[&str]| {
        words
            .iter()
            .any(|w| h == *w || h.ends_with(&format!("_{w}")) || h.starts_with(&format!("{w}_")))
    };
    if is(&[
        "name",
        "full_name",
        "fullname",
        "first_name",
        "last_name",
        "surname",
        "given_name",
        "payee",
        "customer",
        "employee",
        "patient",
        "contact",
        "beneficiary",
        "holder",
    ]) && !h.contains("user")
        && !h.contains("file")
        && !h.contains("host")
        && !h.contains("product")
        && !h.contains("company")
    {
        return Some(Label::Person);
    }
    if is(&[
        "city",
        "town",
        "address",
        "street",
        "zip",
        "zipcode",
        "zip_code",
        "postcode",
        "postal_code",
        "location",
    ]) {
        return Some(Label::Location);
    }
    None
}

/// Whether a cell is a field's name, not a person's: in a key/value layout read
/// as a table ("Student⇥Siobhan Haddad⏎Date of birth⇥12/02/2012⏎Grade⇥2") the
/// first column holds keys.
fn names_a_field(cell: &str) -> bool {
    const FIELD_WORDS: &[&str] = &[
        "date", "birth", "dob", "grade", "phone", "id", "number", "email", "e-mail", "address",
        "plan", "member", "code", "type", "status", "age", "sex", "gender", "class", "room",
        "school", "contact", "name",
    ];
    cell.split(char::is_whitespace)
        .any(|w| FIELD_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Whether a cell's text can be a value of `label`.
fn fits(label: Label, cell: &str) -> bool {
    let letters = cell.chars().filter(|c| c.is_alphabetic()).count();
    match label {
        Label::Person => {
            letters >= 2
                && cell
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’'))
                && !names_a_field(cell)
        }
        Label::Location => {
            !cell.is_empty() && (letters > 0 || cell.chars().any(|c| c.is_ascii_digit()))
        }
        _ => false,
    }
}

impl Detector for ColumnDetector {
    fn name(&self) -> &str {
        "columns"
    }

    fn detect(&self, input: &ScanInput<'_>, out: &mut Vec<Finding>) {
        let text = input.text();
        if !input.has(super::features::Feature::Newline)
            || !input.has(super::features::Feature::TableDelimiter)
        {
            return;
        }
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            let mut cell_start = line_start;
            for cell in split_cells(content) {
                let pos = cell_start;
                cell_start += cell.len() + 1;
                let trimmed = cell.trim().trim_matches('"').trim();
                if trimmed.is_empty() {
                    continue;
                }
                let Some(label) = input.column_header(pos.min(text.len())).and_then(label_for)
                else {
                    continue;
                };
                if !fits(label, trimmed) {
                    continue;
                }
                let offset = cell.find(trimmed).unwrap_or(0);
                out.push(Finding {
                    start: pos + offset,
                    end: pos + offset + trimmed.len(),
                    label,
                    score: 0.8,
                    detector: self.name.clone(),
                });
            }
            line_start += line.len();
        }
    }
}

/// Cells of a row, split on the row's delimiter (the most frequent of `,;\t|`),
/// quotes respected.
fn split_cells(line: &str) -> Vec<&str> {
    let delim = [',', ';', '\t', '|']
        .into_iter()
        .max_by_key(|d| line.matches(*d).count())
        .unwrap_or(',');
    let mut cells = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == delim && !quoted {
            cells.push(&line[start..i]);
            start = i + 1;
        }
    }
    cells.push(&line[start..]);
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Label, String)> {
        let input = ScanInput::new(text);
        let mut out = Vec::new();
        ColumnDetector::default().detect(&input, &mut out);
        out.into_iter()
            .map(|f| (f.label, text[f.start..f.end].to_string()))
            .collect()
    }

    #[test]
    fn header_names_the_cells() {
        let text = "patient_name,mrn,dob,zip\nStuart J. Haynes,481-8,02/21/1958,63724\nJane Morris,A742,11/13/2001,10001\n";
        let got = found(text);
        assert!(
            got.contains(&(Label::Person, "Stuart J. Haynes".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&(Label::Person, "Jane Morris".into())),
            "{got:?}"
        );
        assert!(got.contains(&(Label::Location, "63724".into())), "{got:?}");
        assert_eq!(got.len(), 4, "{got:?}");
    }

    #[test]
    fn headers_in_other_languages() {
        let text =
            "Vorname;Nachname;Firma;E-Mail;PLZ;Ort\nEla;Bianchi;Schwarz AG;e@x.ch;8688;Rüti\n";
        let got = found(text);
        for want in [
            (Label::Person, "Ela"),
            (Label::Person, "Bianchi"),
            (Label::Location, "8688"),
            (Label::Location, "Rüti"),
        ] {
            assert!(got.contains(&(want.0, want.1.into())), "{want:?}: {got:?}");
        }
        assert_eq!(got.len(), 4, "the company is no person: {got:?}");
        let text = "student_id,student,dob,guardian\ns3291614,Gustav Eriksson,2012-12-12,Tilda Fredriksson\n";
        let got = found(text);
        assert!(
            got.contains(&(Label::Person, "Gustav Eriksson".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&(Label::Person, "Tilda Fredriksson".into())),
            "{got:?}"
        );
        assert!(!got.iter().any(|(_, v)| v == "s3291614"), "{got:?}");
        // a key/value layout read as a table: its keys are no people (challenge 8)
        let text = "Student\tSiobhan Haddad\nDate of birth\t12/02/2012\nGrade\t2\nPediatrician phone\t+1 280 685 0219\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn foreign_and_role_headers_count_only_whole() {
        for text in [
            "Nom du produit;Prix;Stock\nChaise Bois;49;3\nTable Chene;120;1\n",
            "student_status,student_type,year\nActive,International,2\nAlumni,Domestic,4\n",
            "package_manager,version,os\nHomebrew,4.2,mac\nMacPorts,2.9,mac\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        // ... while the same words name people as whole headers
        let text = "student;nom;classe\nGustav Eriksson;Eriksson;8B\nOla Larsson;Larsson;8D\n";
        let got = found(text);
        assert!(
            got.contains(&(Label::Person, "Gustav Eriksson".into())),
            "{got:?}"
        );
        assert!(got.contains(&(Label::Person, "Larsson".into())), "{got:?}");
        // "No" is a surname, not a field word
        let text = "guardian_name,guardian_phone,room\nNo Min-ji,010-1234-5678,8B\nKim Ha-eun,010-8765-4321,8A\n";
        let got = found(text);
        assert!(
            got.contains(&(Label::Person, "No Min-ji".into())),
            "{got:?}"
        );
    }

    #[test]
    fn other_columns_and_prose_are_ignored() {
        assert!(found("username,host,file_name\njdoe,db1,a.txt\nasmith,db2,b.txt\n").is_empty());
        assert!(found("Hello there, name is Bob.\nThanks, bye, now.\n").is_empty());
    }
}
