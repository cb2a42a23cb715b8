//! Identifiers that only context can tell apart: US passport, driver's licence and
//! bank account numbers, medical record numbers, health-plan member/policy numbers.
//! "A1234567" is nothing on its own; after "DL#" it is a licence number, after
//! "MRN" a medical record number.
//!
//! One pass of an Aho-Corasick automaton finds every keyword (for every label, and
//! the contradicting ones such as "routing" or "order"). A keyword binds to the
//! first value after it, within a short window, past filler ("no.", "#", ":",
//! "number", "is"): "passport no. C24240560", "Ohio DLN SB482917, citation 88-4471"
//! (the citation is not a licence). The value takes the keyword's label if its shape
//! fits; licence and record numbers may be written in spaced groups ("482 913 776",
//! "S 482 193 776 201", "MRN: 3320 1984"). In a table, the column header is the
//! keyword of every value below it. No regex runs over the text.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{BuildError, Detector, Finding, Label, ScanInput};

/// What a keyword says about the token after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Is(Label),
    /// A keyword for something that is not personal (routing number, order id…).
    Not,
}

const KEYWORDS: &[(&str, Cue)] = &[
    // passport
    ("passport", Cue::Is(Label::UsPassport)),
    // The wallet-sized passport card ("card" alone says payment card).
    ("passport card", Cue::Is(Label::UsPassport)),
    ("ppt no", Cue::Is(Label::UsPassport)),
    ("ppt #", Cue::Is(Label::UsPassport)),
    ("travel document", Cue::Is(Label::UsPassport)),
    ("pasaporte", Cue::Is(Label::UsPassport)),
    ("passeport", Cue::Is(Label::UsPassport)),
    ("passaporto", Cue::Is(Label::UsPassport)),
    ("passaporte", Cue::Is(Label::UsPassport)),
    ("reisepass", Cue::Is(Label::UsPassport)),
    ("paspoort", Cue::Is(Label::UsPassport)),
    ("paszport", Cue::Is(Label::UsPassport)),
    ("pasaport", Cue::Is(Label::UsPassport)),
    ("hộ chiếu", Cue::Is(Label::UsPassport)),
    ("여권", Cue::Is(Label::UsPassport)),
    ("여권번호", Cue::Is(Label::UsPassport)),
    ("パスポート", Cue::Is(Label::UsPassport)),
    ("旅券", Cue::Is(Label::UsPassport)),
    ("护照", Cue::Is(Label::UsPassport)),
    ("護照", Cue::Is(Label::UsPassport)),
    ("جواز السفر", Cue::Is(Label::UsPassport)),
    ("דרכון", Cue::Is(Label::UsPassport)),
    // driver's licence
    ("driver's license", Cue::Is(Label::UsDriverLicense)),
    ("driver’s license", Cue::Is(Label::UsDriverLicense)),
    ("drivers license", Cue::Is(Label::UsDriverLicense)),
    ("driver license", Cue::Is(Label::UsDriverLicense)),
    ("driver's licence", Cue::Is(Label::UsDriverLicense)),
    ("driving licence", Cue::Is(Label::UsDriverLicense)),
    ("driving license", Cue::Is(Label::UsDriverLicense)),
    ("license", Cue::Is(Label::UsDriverLicense)),
    ("licence", Cue::Is(Label::UsDriverLicense)),
    ("dl", Cue::Is(Label::UsDriverLicense)),
    ("dl#", Cue::Is(Label::UsDriverLicense)),
    ("dln", Cue::Is(Label::UsDriverLicense)),
    ("dmv", Cue::Is(Label::UsDriverLicense)),
    ("cdl", Cue::Is(Label::UsDriverLicense)),
    ("driver's lic", Cue::Is(Label::UsDriverLicense)),
    ("drivers lic", Cue::Is(Label::UsDriverLicense)),
    ("führerschein", Cue::Is(Label::UsDriverLicense)),
    ("licencia de manejo", Cue::Is(Label::UsDriverLicense)),
    ("licencia de conducir", Cue::Is(Label::UsDriverLicense)),
    ("carteira de motorista", Cue::Is(Label::UsDriverLicense)),
    ("carta de condução", Cue::Is(Label::UsDriverLicense)),
    ("permis de conduire", Cue::Is(Label::UsDriverLicense)),
    ("patente di guida", Cue::Is(Label::UsDriverLicense)),
    ("prawo jazdy", Cue::Is(Label::UsDriverLicense)),
    ("bằng lái", Cue::Is(Label::UsDriverLicense)),
    ("운전면허", Cue::Is(Label::UsDriverLicense)),
    ("運転免許", Cue::Is(Label::UsDriverLicense)),
    ("驾照", Cue::Is(Label::UsDriverLicense)),
    ("駕照", Cue::Is(Label::UsDriverLicense)),
    ("rijbewijs", Cue::Is(Label::UsDriverLicense)),
    ("ehliyet", Cue::Is(Label::UsDriverLicense)),
    ("körkort", Cue::Is(Label::UsDriverLicense)),
    ("kørekort", Cue::Is(Label::UsDriverLicense)),
    ("førerkort", Cue::Is(Label::UsDriverLicense)),
    ("ajokortti", Cue::Is(Label::UsDriverLicense)),
    ("řidičský průkaz", Cue::Is(Label::UsDriverLicense)),
    ("jogosítvány", Cue::Is(Label::UsDriverLicense)),
    ("rishyon nehiga", Cue::Is(Label::UsDriverLicense)),
    ("רישיון נהיגה", Cue::Is(Label::UsDriverLicense)),
    ("رخصة القيادة", Cue::Is(Label::UsDriverLicense)),
    // bank account
    ("account", Cue::Is(Label::UsBankNumber)),
    ("acct", Cue::Is(Label::UsBankNumber)),
    // demand deposit account: a checking account in bank forms
    ("dda", Cue::Is(Label::UsBankNumber)),
    ("a/c", Cue::Is(Label::UsBankNumber)),
    ("checking", Cue::Is(Label::UsBankNumber)),
    ("savings", Cue::Is(Label::UsBankNumber)),
    ("bank", Cue::Is(Label::UsBankNumber)),
    ("cuenta", Cue::Is(Label::UsBankNumber)),
    ("konto", Cue::Is(Label::UsBankNumber)),
    ("kontonummer", Cue::Is(Label::UsBankNumber)),
    ("compte", Cue::Is(Label::UsBankNumber)),
    ("conto", Cue::Is(Label::UsBankNumber)),
    ("계좌번호", Cue::Is(Label::UsBankNumber)),
    ("계좌", Cue::Is(Label::UsBankNumber)),
    ("口座番号", Cue::Is(Label::UsBankNumber)),
    ("銀行口座", Cue::Is(Label::UsBankNumber)),
    ("银行账号", Cue::Is(Label::UsBankNumber)),
    ("账号", Cue::Is(Label::UsBankNumber)),
    ("conta bancária", Cue::Is(Label::UsBankNumber)),
    ("número de cuenta", Cue::Is(Label::UsBankNumber)),
    ("numer konta", Cue::Is(Label::UsBankNumber)),
    ("rekeningnummer", Cue::Is(Label::UsBankNumber)),
    ("rekening", Cue::Is(Label::UsBankNumber)),
    ("số tài khoản", Cue::Is(Label::UsBankNumber)),
    ("hesap numarası", Cue::Is(Label::UsBankNumber)),
    ("رقم الحساب", Cue::Is(Label::UsBankNumber)),
    ("מספר חשבון", Cue::Is(Label::UsBankNumber)),
    // medical record
    ("mrn", Cue::Is(Label::MedicalRecordNumber)),
    ("medical record", Cue::Is(Label::MedicalRecordNumber)),
    ("med rec", Cue::Is(Label::MedicalRecordNumber)),
    ("chart", Cue::Is(Label::MedicalRecordNumber)),
    ("patient id", Cue::Is(Label::MedicalRecordNumber)),
    ("patient no", Cue::Is(Label::MedicalRecordNumber)),
    ("patient number", Cue::Is(Label::MedicalRecordNumber)),
    ("patient #", Cue::Is(Label::MedicalRecordNumber)),
    ("hospital number", Cue::Is(Label::MedicalRecordNumber)),
    ("hospital no", Cue::Is(Label::MedicalRecordNumber)),
    ("record number", Cue::Is(Label::MedicalRecordNumber)),
    ("record no", Cue::Is(Label::MedicalRecordNumber)),
    ("emr", Cue::Is(Label::MedicalRecordNumber)),
    ("hosp no", Cue::Is(Label::MedicalRecordNumber)),
    ("hosp. no", Cue::Is(Label::MedicalRecordNumber)),
    ("hosp #", Cue::Is(Label::MedicalRecordNumber)),
    ("hospital id", Cue::Is(Label::MedicalRecordNumber)),
    ("unit number", Cue::Is(Label::MedicalRecordNumber)),
    // Australian and New Zealand hospitals' "UR number" (unit record)
    ("ur no", Cue::Is(Label::MedicalRecordNumber)),
    ("ur number", Cue::Is(Label::MedicalRecordNumber)),
    ("patientennummer", Cue::Is(Label::MedicalRecordNumber)),
    ("patienten-nr", Cue::Is(Label::MedicalRecordNumber)),
    ("patientenummer", Cue::Is(Label::MedicalRecordNumber)),
    ("numéro de dossier", Cue::Is(Label::MedicalRecordNumber)),
    ("환자 등록번호", Cue::Is(Label::MedicalRecordNumber)),
    ("병록번호", Cue::Is(Label::MedicalRecordNumber)),
    ("차트번호", Cue::Is(Label::MedicalRecordNumber)),
    ("カルテ番号", Cue::Is(Label::MedicalRecordNumber)),
    ("カルテ", Cue::Is(Label::MedicalRecordNumber)),
    ("診察券番号", Cue::Is(Label::MedicalRecordNumber)),
    ("病历号", Cue::Is(Label::MedicalRecordNumber)),
    ("病案号", Cue::Is(Label::MedicalRecordNumber)),
    ("病歷號", Cue::Is(Label::MedicalRecordNumber)),
    ("historii choroby", Cue::Is(Label::MedicalRecordNumber)),
    ("nr historii choroby", Cue::Is(Label::MedicalRecordNumber)),
    ("patiëntnummer", Cue::Is(Label::MedicalRecordNumber)),
    ("patiëntnr", Cue::Is(Label::MedicalRecordNumber)),
    ("מספר תיק רפואי", Cue::Is(Label::MedicalRecordNumber)),
    ("תיק רפואי", Cue::Is(Label::MedicalRecordNumber)),
    ("رقم الملف الطبي", Cue::Is(Label::MedicalRecordNumber)),
    ("الملف الطبي", Cue::Is(Label::MedicalRecordNumber)),
    ("numero di cartella", Cue::Is(Label::MedicalRecordNumber)),
    ("cartella clinica", Cue::Is(Label::MedicalRecordNumber)),
    ("número de historia", Cue::Is(Label::MedicalRecordNumber)),
    ("expediente clínico", Cue::Is(Label::MedicalRecordNumber)),
    ("expediente médico", Cue::Is(Label::MedicalRecordNumber)),
    ("historia clínica", Cue::Is(Label::MedicalRecordNumber)),
    ("prontuário", Cue::Is(Label::MedicalRecordNumber)),
    ("numéro de patient", Cue::Is(Label::MedicalRecordNumber)),
    ("dossier médical", Cue::Is(Label::MedicalRecordNumber)),
    ("hasta numarası", Cue::Is(Label::MedicalRecordNumber)),
    ("hasta no", Cue::Is(Label::MedicalRecordNumber)),
    ("số hồ sơ bệnh án", Cue::Is(Label::MedicalRecordNumber)),
    ("mã bệnh nhân", Cue::Is(Label::MedicalRecordNumber)),
    // health plan
    ("member id", Cue::Is(Label::HealthPlanId)),
    ("member", Cue::Is(Label::HealthPlanId)),
    ("subscriber", Cue::Is(Label::HealthPlanId)),
    ("policy", Cue::Is(Label::HealthPlanId)),
    ("insurance", Cue::Is(Label::HealthPlanId)),
    ("insurer", Cue::Is(Label::HealthPlanId)),
    ("ins.", Cue::Is(Label::HealthPlanId)),
    ("health plan", Cue::Is(Label::HealthPlanId)),
    ("plan id", Cue::Is(Label::HealthPlanId)),
    ("medicaid", Cue::Is(Label::HealthPlanId)),
    ("medicare", Cue::Is(Label::HealthPlanId)),
    // Ontario's health card
    ("ohip", Cue::Is(Label::HealthPlanId)),
    ("beneficiary", Cue::Is(Label::HealthPlanId)),
    ("coverage", Cue::Is(Label::HealthPlanId)),
    ("versichertennummer", Cue::Is(Label::HealthPlanId)),
    ("versicherungsnummer", Cue::Is(Label::HealthPlanId)),
    ("versicherten-nr", Cue::Is(Label::HealthPlanId)),
    ("krankenversicherung", Cue::Is(Label::HealthPlanId)),
    ("krankenkasse", Cue::Is(Label::HealthPlanId)),
    ("mitgliedsnummer", Cue::Is(Label::HealthPlanId)),
    ("polisnummer", Cue::Is(Label::HealthPlanId)),
    ("zorgverzekering", Cue::Is(Label::HealthPlanId)),
    ("numer polisy", Cue::Is(Label::HealthPlanId)),
    ("número de póliza", Cue::Is(Label::HealthPlanId)),
    ("póliza", Cue::Is(Label::HealthPlanId)),
    ("apólice", Cue::Is(Label::HealthPlanId)),
    ("carteirinha", Cue::Is(Label::HealthPlanId)),
    ("numéro d'adhérent", Cue::Is(Label::HealthPlanId)),
    ("mutuelle", Cue::Is(Label::HealthPlanId)),
    ("tessera sanitaria", Cue::Is(Label::HealthPlanId)),
    ("건강보험", Cue::Is(Label::HealthPlanId)),
    ("保険証", Cue::Is(Label::HealthPlanId)),
    ("医保卡", Cue::Is(Label::HealthPlanId)),
    // a group or pharmacy-benefit number names the plan, not the member
    // insurance that is not health insurance: a car's, a home's, a life policy
    ("auto policy", Cue::Not),
    ("car policy", Cue::Not),
    ("vehicle policy", Cue::Not),
    ("motor policy", Cue::Not),
    ("home policy", Cue::Not),
    ("homeowners policy", Cue::Not),
    ("renters policy", Cue::Not),
    ("life policy", Cue::Not),
    ("auto insurance", Cue::Not),
    ("car insurance", Cue::Not),
    ("home insurance", Cue::Not),
    ("life insurance", Cue::Not),
    ("group", Cue::Not),
    ("grp", Cue::Not),
    ("rxbin", Cue::Not),
    ("rxpcn", Cue::Not),
    ("rxgrp", Cue::Not),
    ("bin", Cue::Not),
    ("pcn", Cue::Not),
    ("payer", Cue::Not),
    ("citation", Cue::Not),
    // a claim's own number (not "claim" alone: "Member ID for this claim: …")
    ("claim number", Cue::Not),
    ("claim no", Cue::Not),
    ("claim #", Cue::Not),
    ("claim id", Cue::Not),
    ("part", Cue::Not),
    ("model", Cue::Not),
    // not personal
    ("routing", Cue::Not),
    ("aba", Cue::Not),
    ("rtn", Cue::Not),
    ("transit", Cue::Not),
    ("sort code", Cue::Not),
    ("swift", Cue::Not),
    ("bic", Cue::Not),
    ("iban", Cue::Not),
    ("order", Cue::Not),
    ("invoice", Cue::Not),
    ("ticket", Cue::Not),
    ("tracking", Cue::Not),
    ("shipment", Cue::Not),
    ("sku", Cue::Not),
    ("serial", Cue::Not),
    ("build", Cue::Not),
    ("version", Cue::Not),
    ("isbn", Cue::Not),
    ("booking", Cue::Not),
    ("flight", Cue::Not),
    ("ref", Cue::Not),
    ("reference", Cue::Not),
    ("case", Cue::Not),
    ("phone", Cue::Not),
    ("tel", Cue::Not),
    ("fax", Cue::Not),
    ("mobile", Cue::Not),
    ("ssn", Cue::Not),
    ("nhs", Cue::Not),
    ("card", Cue::Not),
    ("amount", Cue::Not),
];

/// How far before a token (in bytes, from the keyword's end) a keyword still applies.
const WINDOW_BYTES: usize = 32;

/// Detector for context-dependent identifiers.
#[derive(Debug)]
pub struct ContextIdDetector {
    keywords: AhoCorasick,
    names: [Arc<str>; 5],
}

impl ContextIdDetector {
    pub fn new() -> Result<Self, BuildError> {
        let keywords = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(KEYWORDS.iter().map(|(k, _)| k))
            .map_err(|e| BuildError::Automaton {
                detector: "ids".into(),
                source: e,
            })?;
        Ok(ContextIdDetector {
            keywords,
            names: [
                Arc::from("context:us_passport"),
                Arc::from("context:us_driver_license"),
                Arc::from("context:us_bank_number"),
                Arc::from("context:medical_record_number"),
                Arc::from("context:health_plan_id"),
            ],
        })
    }

    /// A finding of `label` (every context ID is scored alike: the keyword
    /// decided it).
    fn push(&self, out: &mut Vec<Finding>, start: usize, end: usize, label: Label) {
        out.push(Finding {
            start,
            end,
            label,
            score: 0.85,
            detector: self.name_for(label),
        });
    }

    fn name_for(&self, label: Label) -> Arc<str> {
        let i = match label {
            Label::UsPassport => 0,
            Label::UsDriverLicense => 1,
            Label::UsBankNumber => 2,
            Label::MedicalRecordNumber => 3,
            _ => 4,
        };
        self.names[i].clone()
    }
}

impl Detector for ContextIdDetector {
    fn name(&self) -> &str {
        "context_ids"
    }

    fn detect(&self, input: &ScanInput<'_>, out: &mut Vec<Finding>) {
        if !input.has(super::features::Feature::Digit) {
            return;
        }
        let text = input.text();
        let bytes = text.as_bytes();
        // (start, end, cue) of every whole-word keyword, in order.
        let cues: Vec<(usize, usize, Cue)> = self
            .keywords
            .find_iter(text)
            .filter(|m| keyword_bounded(bytes, m.start(), m.end()))
            // "<US_DRIVER_LICENSE>" in redacted text is no "license" cue.
            .filter(|m| !super::context::in_placeholder(bytes, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), KEYWORDS[m.pattern().as_usize()].1))
            .collect();
        for (k, &(start, end, cue)) in cues.iter().enumerate() {
            let is_policy = super::contains_ignore_case(&text[start..end], "polic");
            let Cue::Is(label) = cue else {
                continue;
            };
            if is_header_field(bytes, start, end) {
                continue;
            }
            // The next keyword, whatever it says, ends this one's reach; on a
            // table's header line, so does the line's end (the header names its
            // column, read below, not the first value of the next line).
            let mut limit = cues.get(k + 1).map_or(text.len(), |&(s, _, _)| s);
            if input.in_table_header(start) {
                limit = limit.min(text[end..].find('\n').map_or(text.len(), |i| end + i));
            }
            // "group/member is A / B", "Routing and account: A / B": two keywords
            // joined, then two values: the first value is the first keyword's.
            // Two names of one thing ("Policy/member number A") share one value.
            let paired = k > 0 && cues[k - 1].2 != cue && {
                let between = &text[cues[k - 1].1..start];
                matches!(between, "/" | " / " | " and " | " & " | " or ")
            };
            let mut skip_first = paired;
            let mut from = end;
            while let Some((start, end)) = value_after(text, from, limit, label) {
                // With one value only, it is the nearer keyword's ("patient
                // account/MRN 5319835").
                if std::mem::take(&mut skip_first) {
                    if let Some(next) = next_in_list(text, end, limit) {
                        // The first value is the first keyword's: "MRN/member ID:
                        // 4412345 / W987654321" holds an MRN and a member ID.
                        if let Cue::Is(first) = cues[k - 1].2 {
                            if fits(first, &text[start..end]) {
                                self.push(out, start, end, first);
                            }
                        }
                        from = next;
                        continue;
                    }
                    // Only when both keywords name personal values: after
                    // "routing/account" one number is the routing number.
                    if text[end..].trim_start().starts_with('/') || cues[k - 1].2 == Cue::Not {
                        break;
                    }
                }
                // "Policy no.: P/922934/2024 (motor)": a car's or a home's policy.
                if !(label == Label::HealthPlanId && is_policy && other_insurance_after(text, end))
                {
                    self.push(out, start, end, label);
                }
                // "My subscriber # is A and my wife's is B": a second value of
                // the same kind, joined to the first, is one too.
                match next_in_list(text, end, limit) {
                    Some(next) => from = next,
                    None => break,
                }
            }
            // "U07964854 — that's the passport number I entered": the keyword
            // names the value right before it.
            if let Some((start, end)) = value_before(text, start, label) {
                self.push(out, start, end, label);
            }
        }
        if text.contains("^MR") {
            for (start, end) in hl7_record_numbers(text) {
                self.push(out, start, end, Label::MedicalRecordNumber);
            }
        }
        if text.contains("\"identifier\"") {
            for (start, end) in fhir_patient_identifiers(text) {
                self.push(out, start, end, Label::MedicalRecordNumber);
            }
        }
        if input.has_tables() {
            let mut taken_until = 0;
            for (start, end) in tokens(text) {
                if start < taken_until {
                    continue; // a group of the spaced value just found
                }
                let token = &text[start..end];
                // A value in spaced groups ("D 715 352 662 731") starts with a
                // capital or a short group that a space and a digit follow.
                let group_follows = bytes.get(end) == Some(&b' ')
                    && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
                    && token.len() <= 5;
                if group_follows {
                    if let Some(Cue::Is(label)) = header_cue(input, start) {
                        if let Some((s, e)) = spaced_value(text, start, label) {
                            self.push(out, s, e, label);
                            taken_until = e;
                            continue;
                        }
                    }
                }
                // The token's own shape first: most cells are words, and finding the
                // header of a cell costs a walk over its line.
                if !candidate_token(token) {
                    continue;
                }
                let Some(Cue::Is(label)) = header_cue(input, start) else {
                    continue;
                };
                if fits(label, token) {
                    self.push(out, start, end, label);
                }
            }
        }
    }
}

/// Whether the words right after a policy number say it insures no one's
/// health: "(motor)", "(home)", "- car".
fn other_insurance_after(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(|c: char| c.is_ascii_digit() || c == '/');
    // In brackets or after a dash: "(motor)", " - home"; not the next field
    // ("Home: 415-…") nor "(home health)".
    let Some(rest) = rest
        .strip_prefix(" (")
        .or_else(|| rest.strip_prefix('('))
        .or_else(|| rest.strip_prefix(" - "))
        .or_else(|| rest.strip_prefix(" – "))
    else {
        return false;
    };
    let rest = rest.to_ascii_lowercase();
    if rest.starts_with("home health") || rest.starts_with("home care") {
        return false;
    }
    [
        "motor",
        "auto",
        "car",
        "vehicle",
        "home",
        "household",
        "travel",
        "pet",
    ]
    .iter()
    .any(|w| {
        rest.starts_with(w) && !rest[w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
    })
}

/// Tokens of letters, digits and inner dashes: `(start, end)`.
fn tokens(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let s = i;
        while i < b.len()
            && (b[i].is_ascii_alphanumeric()
                || (b[i] == b'-' && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)))
        {
            i += 1;
        }
        Some((s, i))
    })
    .filter(move |&(s, e)| !super::word_before(text, s) && !super::word_after(text, e))
}

/// Whether a token could be an identifier at all: enough digits, not too long, not
/// a date.
fn candidate_token(token: &str) -> bool {
    let digits = token.bytes().filter(u8::is_ascii_digit).count();
    // Washington licences (WDL + 9 alphanumerics) may hold only a couple of digits.
    let wa_licence = token.len() == 12 && token.starts_with("WDL");
    (digits >= 4 || wa_licence) && token.len() <= 24 && !looks_like_date(token)
}

/// The value a keyword ending at `pos` binds to: the first token after it (past
/// filler words and punctuation, within the window, on the same or the next line)
/// that has digits. `None` if that token does not fit `label`.
fn value_after(text: &str, pos: usize, limit: usize, label: Label) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let limit = (pos + WINDOW_BYTES).min(limit);
    let mut i = pos;
    let mut lines = 0;
    while i < limit {
        let c = b[i];
        if c == b'\n' {
            lines += 1;
            if lines > 1 {
                return None;
            }
            i += 1;
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            // The keyword's value was redacted already ("MRN <MEDICAL_RECORD_NUMBER>",
            // "MRN ********"): it is bound, and the next number is not its value
            // (redacting twice must give what redacting once gave).
            if redacted_value_at(b, i) {
                return None;
            }
            // A sentence end stops the search; "No." and "#" are filler, and so
            // are a form's dot leaders ("MRN ........ 87576275").
            let leader = i > 0 && b[i - 1] == b'.';
            if c == b'.' && b.get(i + 1) == Some(&b' ') && !filler_before(b, i) && !leader {
                return None;
            }
            if c == b';' {
                return None;
            }
            i += 1;
            continue;
        }
        let s = i;
        let mut e = i;
        while e < b.len()
            && (b[e].is_ascii_alphanumeric()
                || (b[e] == b'-' && b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric)))
        {
            e += 1;
        }
        let token = &text[s..e];
        if !token.bytes().any(|c| c.is_ascii_digit()) {
            // A word: filler, or a word of the keyword's phrase ("account
            // number", "DL state"); a single capital may start a spaced licence.
            let single_letter = e - s == 1 && b[s].is_ascii_uppercase();
            if single_letter {
                if let Some(v) = spaced_value(text, s, label) {
                    return Some(v);
                }
            }
            // Any other word is skipped too ("passport book number is X"): the
            // window and the next keyword bound the reach.
            let wa = token.len() == 12 && token.starts_with("WDL");
            if wa && fits(label, token) {
                return Some((s, e));
            }
            i = e;
            continue;
        }
        if super::word_before(text, s) || super::word_after(text, e) {
            return None;
        }
        if let Some(v) = spaced_value(text, s, label) {
            return Some(v);
        }
        return (candidate_token(token) && fits(label, token)).then_some((s, e));
    }
    None
}

/// Where the next value of a list starts to be searched, if the text after a
/// value at `end` joins another value of the same kind to it: "and my wife's
/// is", ", her son's:", "or". The join stays in the sentence and ends in "is"
/// or ":" (or is a bare "and"/"or"/"/"), so "… and claim 55" joins nothing.
fn next_in_list(text: &str, end: usize, limit: usize) -> Option<usize> {
    let (_, stop) = super::context::window(&text[..limit.max(end)], end, end, 0, 40);
    let rest = &text[end..stop];
    let digit = rest.find(|c: char| c.is_ascii_digit())?;
    let gap = &rest[..digit];
    // The value itself may start with capitals ("W735839359").
    let gap = gap.trim_end_matches(|c: char| c.is_ascii_uppercase());
    if gap.contains(['.', ';', '\n', '(', ')']) {
        return None;
    }
    let g = gap.trim().to_ascii_lowercase();
    let g = g.trim_start_matches(',').trim_start();
    let bare = matches!(g, "and" | "or" | "&" | "/" | "");
    if bare {
        return (gap.starts_with([',', ' ', '/']) && !gap.is_empty()).then_some(end);
    }
    // "and my wife's is", "or hers:": whose it is, not what it is ("and the
    // claim number is" names another kind of number).
    let middle = ["and ", "or ", "& "]
        .iter()
        .find_map(|j| g.strip_prefix(j))?;
    let middle = middle
        .strip_suffix(" is:")
        .or_else(|| middle.strip_suffix(" is"))
        .or_else(|| middle.strip_suffix(':'))?;
    let words: Vec<&str> = middle.split_whitespace().collect();
    let whose = |w: &str| {
        w.ends_with("'s")
            || w.ends_with("’s")
            || matches!(
                w,
                "his" | "hers" | "her" | "mine" | "theirs" | "ours" | "yours" | "another" | "other"
            )
    };
    (words.len() <= 3 && words.iter().any(|w| whose(w))).then_some(end)
}

/// The value right before a keyword at `kw_start`, when the words between say
/// the keyword names it: "U07964854 — that's the passport number", "40073824465190866
/// is the checking account". Only a few linking words may stand between.
fn value_before(text: &str, kw_start: usize, label: Label) -> Option<(usize, usize)> {
    const LINKS: &[&str] = &[
        "is", "was", "that's", "that’s", "thats", "that", "the", "my", "our", "his", "her",
        "their", "its", "—", "–", "-", ",",
    ];
    let before = &text[..kw_start];
    let mut words = before.trim_end().rsplit(' ');
    let mut consumed = 0;
    let mut links = 0;
    // "12345678, the account holder" names no value: a copula or a dash must link.
    let mut copula = false;
    for word in words.by_ref() {
        if word.is_empty() {
            consumed += 1;
            continue;
        }
        if LINKS.iter().any(|l| l.eq_ignore_ascii_case(word)) {
            links += 1;
            copula |= !matches!(
                word.to_ascii_lowercase().as_str(),
                "the" | "my" | "our" | "his" | "her" | "their" | "its" | ","
            );
            consumed += word.len() + 1;
            if links > 4 {
                return None;
            }
            continue;
        }
        // The value, possibly with a comma glued to it ("U07964854,").
        let value = word.trim_end_matches(',');
        let has_link = copula && (before.len() - before.trim_end().len() + consumed) <= 24;
        let end = before.trim_end().len() - consumed - (word.len() - value.len());
        let start = end - value.len();
        let ok = has_link
            && !value.is_empty()
            && value.bytes().any(|c| c.is_ascii_digit())
            && value
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-')
            && candidate_token(value)
            && fits(label, value)
            && !super::word_before(text, start);
        return ok.then_some((start, end));
    }
    None
}

/// Whether a redaction operator's output starts at `i`: a placeholder
/// (`<LABEL>`, `<LABEL_3>`, `<LABEL:3f9a01>`) or a mask of three or more `*`.
fn redacted_value_at(b: &[u8], i: usize) -> bool {
    match b[i] {
        b'*' => b[i..].iter().take_while(|&&c| c == b'*').count() >= 3,
        b'<' => {
            let rest = &b[i + 1..];
            let name = rest
                .iter()
                .take_while(|c| c.is_ascii_uppercase() || **c == b'_')
                .count();
            let Some(close) = rest.iter().take(64).position(|&c| c == b'>') else {
                return false;
            };
            name >= 2
                && close >= name
                && rest[name..close]
                    .iter()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b':'))
        }
        _ => false,
    }
}

/// HL7 v2 identifiers typed `MR` (medical record number): the first component of
/// a field such as `PID|1||448812093^^^MAINHOSP^MR||…`.
fn hl7_record_numbers(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for (pos, _) in text.match_indices("^MR") {
        if b.get(pos + 3)
            .is_some_and(|c| !matches!(c, b'|' | b'^' | b'~' | b'\n' | b'\r'))
        {
            continue;
        }
        let field_start = b[..pos]
            .iter()
            .rposition(|&c| matches!(c, b'|' | b'~'))
            .map_or(0, |i| i + 1);
        let value_end = b[field_start..pos]
            .iter()
            .position(|&c| c == b'^')
            .map_or(pos, |i| field_start + i);
        let value = &text[field_start..value_end];
        if candidate_token(value) && fits(Label::MedicalRecordNumber, value) {
            out.push((field_start, value_end));
        }
    }
    out
}

/// The `value`s of a FHIR Patient's `identifier` array: a patient's identifiers
/// at a provider are its record numbers, unless the identifier's `system` or
/// `type` names another kind (an SSN, a licence, a passport, a provider's NPI).
fn fhir_patient_identifiers(text: &str) -> Vec<(usize, usize)> {
    // NHS numbers and SSNs by their OIDs too (2.16.840.1.113883.2.1.4.1, …4.1).
    const OTHER_KINDS: &[&str] = &[
        "ssn",
        "driver",
        "passport",
        "npi",
        "tax",
        "nhs",
        "\"dl\"",
        "\"pp\"",
        "\"ss\"",
        "2.16.840.1.113883.2.1.4.1",
        "2.16.840.1.113883.4.1\"",
    ];
    let mut out = Vec::new();
    for (pos, _) in text.match_indices("\"identifier\"") {
        // Only a Patient's: the nearest resource type before it.
        let patient = text[..pos]
            .rfind("\"resourceType\"")
            .is_some_and(|r| text[r..pos].contains("\"Patient\""));
        let Some(open) = text[pos..].find('[').map(|i| pos + i) else {
            continue;
        };
        if !patient || !text[pos + 12..open].trim_start().starts_with(':') {
            continue;
        }
        let mut depth = 0usize;
        let close = text[open..]
            .char_indices()
            .find(|&(_, c)| {
                match c {
                    '[' => depth += 1,
                    ']' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                depth == 0
            })
            .map_or(text.len(), |(i, _)| open + i);
        let array = &text[open..close];
        for (v, _) in array.match_indices("\"value\"") {
            let rest = array[v + 7..].trim_start();
            let Some(rest) = rest.strip_prefix(':').map(str::trim_start) else {
                continue;
            };
            let Some(value) = rest.strip_prefix('"') else {
                continue;
            };
            let Some(len) = value.find('"') else {
                continue;
            };
            let start = open + (array.len() - value.len());
            let end = start + len;
            let object = array[array[..v].rfind('{').unwrap_or(0)..v].to_ascii_lowercase();
            let other = OTHER_KINDS.iter().any(|k| object.contains(k));
            let token = &text[start..end];
            if !other && candidate_token(token) && fits(Label::MedicalRecordNumber, token) {
                out.push((start, end));
            }
        }
    }
    out
}

/// Whether the `.` at `i` ends a filler abbreviation ("No.", "Nr.", "Rec.").
fn filler_before(b: &[u8], i: usize) -> bool {
    let w = b[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    w > 0 && w <= 4
}

/// A value written in spaced groups at `s`: an optional capital (alone or
/// glued to the first group), then 2–5 digit groups joined by single spaces
/// ("482 913 776", "S 482 193 776 201", "3320 1984", New Jersey's "G1414 67261
/// 76243"), for the labels whose numbers are printed that way.
fn spaced_value(text: &str, s: usize, label: Label) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let (min_digits, max_digits) = match label {
        Label::UsDriverLicense => (7, 14),
        Label::MedicalRecordNumber => (6, 12),
        Label::UsBankNumber => (8, 17),
        _ => return None,
    };
    let mut i = s;
    if b[i].is_ascii_uppercase() {
        match b.get(i + 1) {
            Some(b' ') => i += 2,
            Some(c) if c.is_ascii_digit() => i += 1,
            _ => return None,
        }
    }
    let mut groups = 0;
    let mut digits = 0;
    let mut end = i;
    loop {
        let gs = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let len = i - gs;
        if !(2..=5).contains(&len) || super::word_after(text, i) {
            break;
        }
        groups += 1;
        digits += len;
        end = i;
        if b.get(i) == Some(&b' ') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else {
            break;
        }
    }
    // A run that goes on with a group of another length ("LV80 bANK 0000 4351 9500
    // 1", an IBAN's tail) is not a whole value.
    let cut = b.get(end) == Some(&b' ') && b.get(end + 1).is_some_and(u8::is_ascii_digit);
    (!cut && groups >= 2 && (min_digits..=max_digits).contains(&digits)).then_some((s, end))
}

/// Keywords must be whole words ("bank" not in "embankment", "aba" not in "database").
fn keyword_bounded(b: &[u8], start: usize, end: usize) -> bool {
    let before = start == 0 || !b[start - 1].is_ascii_alphanumeric();
    let last_is_word = b[end - 1].is_ascii_alphanumeric();
    // A camelCase key ends a word where a capital follows a small letter
    // ("memberId", "passportNo").
    let camel = b[end - 1].is_ascii_lowercase() && b.get(end).is_some_and(u8::is_ascii_uppercase);
    let after = end >= b.len() || !last_is_word || !b[end].is_ascii_alphabetic() || camel;
    before && after
}

fn header_cue(input: &ScanInput<'_>, pos: usize) -> Option<Cue> {
    let header = input.column_header(pos)?;
    let words = super::tabular::header_words(header);
    let has = |w: &str| words.iter().any(|x| x == w);
    let h = header.to_ascii_lowercase();
    let h = h.as_str();
    let label = if h.contains("mrn") || h.contains("medical_record") || h.contains("chart") {
        Label::MedicalRecordNumber
    } else if h.contains("passport") || has("ppt") {
        Label::UsPassport
    } else if h.contains("licen") || has("dl") || has("dln") || has("driver") || has("cdl") {
        Label::UsDriverLicense
    } else if h.contains("member")
        || h.contains("policy")
        || h.contains("insur")
        || h.contains("subscriber")
        || h.contains("medicaid")
        || h.contains("medicare")
        || h.contains("beneficiar")
        || has("mbi")
        || (has("plan") && (has("id") || has("no") || has("number") || has("num")))
    {
        Label::HealthPlanId
    } else if (h.contains("account") || h.contains("acct") || has("dda")) && !has("routing") {
        Label::UsBankNumber
    } else {
        return None;
    };
    Some(Cue::Is(label))
}

/// Whether the keyword at `start..end` is part of a column name in a header
/// row ("…,dl_number,dl_state⏎CX55600,…"): a snake_case field name that runs to
/// a delimiter or the line's end. Its cells are found through their header; the
/// first cell of the next row is no value of it.
fn is_header_field(b: &[u8], start: usize, end: usize) -> bool {
    let glued = |c: Option<&u8>| c == Some(&b'_');
    let in_snake_name = glued(b.get(end)) || (start > 0 && glued(b.get(start - 1)));
    if !in_snake_name {
        return false;
    }
    let mut i = end;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
        i += 1;
    }
    matches!(
        b.get(i),
        None | Some(b',' | b'\t' | b';' | b'|' | b'\n' | b'\r')
    )
}

fn looks_like_date(token: &str) -> bool {
    let parts: Vec<&str> = token.split('-').collect();
    if parts.len() != 3 || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let (a, b, c) = (parts[0].len(), parts[1].len(), parts[2].len());
    let n = |i: usize| parts[i].parse::<u32>().unwrap_or(0);
    // Day and month first, only a real day, month and year: "25-79-8548" is
    // an MRN, not a date.
    let day_month = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
    let year = |y: u32| (1800..=2199).contains(&y);
    (a == 4 && b <= 2 && c <= 2)
        || (a <= 2
            && b <= 2
            && c == 4
            && year(n(2))
            && (day_month(n(0), n(1)) || day_month(n(1), n(0))))
}

/// Whether a token has a shape that `label` uses.
fn fits(label: Label, token: &str) -> bool {
    let b = token.as_bytes();
    // A format template ("AAA000000000", "000-000-000"): no digit but zeros.
    if b.iter().filter(|c| c.is_ascii_digit()).all(|&c| c == b'0') {
        return false;
    }
    let all_digits = b.iter().all(u8::is_ascii_digit);
    let upper_then_digits = |min_letters: usize, max_letters: usize, min_d: usize, max_d: usize| {
        let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
        let rest = &b[letters..];
        (min_letters..=max_letters).contains(&letters)
            && (min_d..=max_d).contains(&rest.len())
            && rest.iter().all(u8::is_ascii_digit)
    };
    match label {
        // 9 digits, or one letter and 8 digits (next-generation books)
        Label::UsPassport => upper_then_digits(0, 0, 9, 9) || upper_then_digits(1, 2, 7, 8),
        Label::UsDriverLicense => {
            upper_then_digits(0, 3, 5, 14)
                || (b.len() == 12 && token.starts_with("WDL"))
                || (token.contains('-') && dashed_id(token, 6))
                || letters_inside(b)
        }
        // 8–17 digits; a valid ABA routing number on its own is the bank's, not the person's
        Label::UsBankNumber => all_digits && (8..=17).contains(&b.len()),
        Label::MedicalRecordNumber => {
            upper_then_digits(0, 3, 5, 12) || (token.contains('-') && dashed_id(token, 5))
        }
        Label::HealthPlanId => {
            // "CLM-2023-953467" is a claim's number, not the member's.
            if token.starts_with("CLM") {
                return false;
            }
            let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
            let upper_ok = b
                .iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'-');
            // New York's Medicaid CIN has five digits between letters ("XB02936P").
            let letters = b.iter().filter(|c| c.is_ascii_uppercase()).count();
            upper_ok
                && (digits >= 6 || (digits == 5 && letters >= 2))
                && (6..=20).contains(&b.len())
        }
        _ => false,
    }
}

/// Letters inside the number, as some states issue licences: New Hampshire
/// "07MRW48213" (2 digits, 3 letters, 5 digits), Iowa "482KQ7731".
fn letters_inside(b: &[u8]) -> bool {
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    let letters = b.iter().filter(|c| c.is_ascii_uppercase()).count();
    (7..=13).contains(&b.len())
        && b[0].is_ascii_digit()
        && digits + letters == b.len()
        && digits >= 5
        && (1..=4).contains(&letters)
}

/// Dash-separated groups of upper-case letters and digits with enough digits.
fn dashed_id(token: &str, min_digits: usize) -> bool {
    let digits = token.bytes().filter(u8::is_ascii_digit).count();
    digits >= min_digits
        && token.split('-').all(|g| {
            !g.is_empty()
                && g.bytes()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Label, String)> {
        let d = ContextIdDetector::new().unwrap();
        let input = ScanInput::new(text);
        let mut out = Vec::new();
        d.detect(&input, &mut out);
        out.into_iter()
            .map(|f| (f.label, text[f.start..f.end].to_string()))
            .collect()
    }

    #[test]
    fn state_formats_and_plan_shapes() {
        let cases: &[(&str, Label, &str)] = &[
            // New York's Medicaid CIN: two letters, five digits, a letter
            (
                "Child's Medicaid #: XB02936P",
                Label::HealthPlanId,
                "XB02936P",
            ),
            (
                "Medicaid ID WJ28097O is for my son",
                Label::HealthPlanId,
                "WJ28097O",
            ),
            (
                "her coverage (ZGP964671WR) was active",
                Label::HealthPlanId,
                "ZGP964671WR",
            ),
            // New Jersey licences: a letter glued to the first of three groups
            (
                "CDL # X7453 28874 74819 (NJ)",
                Label::UsDriverLicense,
                "X7453 28874 74819",
            ),
            (
                "(DL A7245 81534 88478, NJ)",
                Label::UsDriverLicense,
                "A7245 81534 88478",
            ),
            // a key=value log line: each key names its own value
            (
                "kyc.match ssn=506618749 dl=553685187 dl_state=NY",
                Label::UsDriverLicense,
                "553685187",
            ),
        ];
        for &(text, label, value) in cases {
            assert_eq!(found(text), vec![(label, value.to_string())], "{text}");
        }
        // five digits and one letter is too little for a plan ID
        assert!(found("member 12345A").is_empty());
    }

    #[test]
    fn lists_and_keywords_after_the_value() {
        let plan = |v: &str| (Label::HealthPlanId, v.to_string());
        // a second value joined to the first: whose, not what
        assert_eq!(
            found("My subscriber # is W735839359 and my wife's is AGO136664516. Group 399709."),
            vec![plan("W735839359"), plan("AGO136664516")]
        );
        assert_eq!(
            found("The correct group/member is 025264 / SSAW76331626."),
            vec![plan("SSAW76331626")]
        );
        assert_eq!(
            found("Routing and account: 056107096 / 2909375244"),
            vec![(Label::UsBankNumber, "2909375244".to_string())]
        );
        let mrn = |v: &str| vec![(Label::MedicalRecordNumber, v.to_string())];
        // two keywords and one value: the nearer one's (challenge 10)
        let text = "Provider: Lakeside Orthopedics — patient account/MRN 5319835\nDate";
        assert_eq!(found(text), mrn("5319835"));
        // an MRN shaped like no real date; Mexican and Ontario keywords; a claim
        // number is no plan's
        assert_eq!(found("MRN: 25-79-8548"), mrn("25-79-8548"));
        assert_eq!(found("Expediente clínico: EXP-603946"), mrn("EXP-603946"));
        assert_eq!(
            found("OHIP: 4204-422-382-HE"),
            vec![plan("4204-422-382-HE")]
        );
        assert!(found("Other driver's insurer claim no.: PD-159534010").is_empty());
        assert_eq!(
            found("Member ID for this claim: W123456789"),
            vec![plan("W123456789")]
        );
        assert!(found("routing/account 021000021").is_empty());
        // a car's policy and a claim's number are no health plan's (challenge 11)
        assert!(found("Policyholder: M. Larsson\nPolicy no.: P/922934/2024 (motor)\n").is_empty());
        assert!(found("Policy no.: HO5843207 (motor)").is_empty());
        assert!(found("Nordic Insurance: they denied claim CLM-2023-953467 for physio").is_empty());
        assert_eq!(
            found("Policy no. AB1234567 (home health)"),
            vec![plan("AB1234567")]
        );
        assert_eq!(
            found("Member ID W123456789 Home: 415-555-0132"),
            vec![plan("W123456789")]
        );
        assert_eq!(
            found("Policy no.: HO5843207 (dental)"),
            vec![plan("HO5843207")]
        );
        assert_eq!(
            found("MRN/member ID: 4412345 / W987654321"),
            vec![
                (Label::MedicalRecordNumber, "4412345".to_string()),
                plan("W987654321")
            ]
        );
        // two names of one thing share its one value (challenge 9 ch9-0052)
        assert_eq!(
            found("Policy/member number M5220394860, claim CLM8770029901."),
            vec![plan("M5220394860")]
        );
        assert_eq!(
            found("policy number is V26180496O and the claim number is CL532569441."),
            vec![plan("V26180496O")]
        );
        // the keyword right after the value, linked by a copula or a dash
        assert_eq!(
            found("U07964854 — that's the passport number I entered"),
            vec![(Label::UsPassport, "U07964854".to_string())]
        );
        assert_eq!(
            found("40073824465190866 is the checking account for the refund"),
            vec![(Label::UsBankNumber, "40073824465190866".to_string())]
        );
        assert!(found("order 12345678, the account holder asked").is_empty());
        // non-ASCII text right after a value (a slice must not split a character)
        assert_eq!(
            found("Bằng lái xe Texas của tôi số 13283894, tôi chuyển sang California thì đổi"),
            vec![(Label::UsDriverLicense, "13283894".to_string())]
        );
    }

    #[test]
    fn fhir_patient_identifiers_and_ur_numbers() {
        let mrn = |v: &str| (Label::MedicalRecordNumber, v.to_string());
        let bundle = r#"{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Patient", "identifier": [{"type": {"coding": [{"code": "MR"}]}, "value": "683461386"}, {"system": "http://hl7.org/fhir/sid/us-ssn", "value": "078-05-1123"}, {"system": "urn:oid:2.16.840.1.113883.2.1.4.1", "value": "4210554928"}]}}]}"#;
        assert_eq!(found(bundle), vec![mrn("683461386")]);
        // a practitioner's identifiers are no patient's record numbers
        assert!(found(
            r#"{"resourceType": "Practitioner", "identifier": [{"value": "683461386"}]}"#
        )
        .is_empty());
        assert_eq!(
            found("ROYAL MELBOURNE HOSPITAL ED\nUR No: 3908694"),
            vec![mrn("3908694")]
        );
    }

    #[test]
    fn spaced_values_in_a_column() {
        let csv = "name,dl_number,dl_state\nMaria A,D 715 352 662 731,MI\nRahul B,O23730104,AZ\n";
        assert_eq!(
            found(csv),
            vec![
                (Label::UsDriverLicense, "D 715 352 662 731".to_string()),
                (Label::UsDriverLicense, "O23730104".to_string()),
            ]
        );
    }

    #[test]
    fn columns_named_in_snake_or_camel_case() {
        let csv = "employee_id,name,dl_number,dl_state\nCX55600,Fatima Park,97775940,TX\n";
        assert_eq!(
            found(csv),
            vec![(Label::UsDriverLicense, "97775940".to_string())],
            "the header's dl_state is no cue for the next row's first cell"
        );
        let tsv = "claim_no\tsubscriberId\tbilled\nCLM-8143\tBSD997691614\t3048.78\n";
        assert_eq!(
            found(tsv),
            vec![(Label::HealthPlanId, "BSD997691614".to_string())]
        );
        assert_eq!(
            crate::detect::tabular::header_words("dlNumber"),
            ["dl", "number"]
        );
        assert_eq!(crate::detect::tabular::header_words("DL No."), ["dl", "no"]);
        // A format template is no value.
        assert!(found("Policy number field format: AAA000000000.").is_empty());
        // camelCase keys and short forms of forms and statements
        for (text, label, value) in [
            (
                r#"{"coverage": {"memberId": "DICW13468012"}}"#,
                Label::HealthPlanId,
                "DICW13468012",
            ),
            (
                "Stop-payment request. DDA 12692515573, check #5774",
                Label::UsBankNumber,
                "12692515573",
            ),
            (
                "Given names: Maria\nPPT no: 703774008\n",
                Label::UsPassport,
                "703774008",
            ),
            (
                "Renewing my California driver's lic. Y4144108 online",
                Label::UsDriverLicense,
                "Y4144108",
            ),
        ] {
            assert_eq!(found(text), vec![(label, value.to_string())], "{text}");
        }
    }

    #[test]
    fn table() {
        let cases: &[(&str, Option<(Label, &str)>)] = &[
            // the passport card; licences with letters inside; a spaced account
            (
                "with my passport card C83668406 or the book?",
                Some((Label::UsPassport, "C83668406")),
            ),
            (
                "NH DL no. 07MRW48213 got flagged",
                Some((Label::UsDriverLicense, "07MRW48213")),
            ),
            (
                "new Iowa license no. 482KQ7731.",
                Some((Label::UsDriverLicense, "482KQ7731")),
            ),
            (
                "acct 4471 2290 1183 (checking)",
                Some((Label::UsBankNumber, "4471 2290 1183")),
            ),
            // an IBAN's tail after its bank code is no account number
            ("LV80 bANK 0000 4351 9500 1", None),
            (
                "Passport No: 912803456",
                Some((Label::UsPassport, "912803456")),
            ),
            (
                "my travel document is A12803456",
                Some((Label::UsPassport, "A12803456")),
            ),
            (
                "Driver's license: D1234567 (CA)",
                Some((Label::UsDriverLicense, "D1234567")),
            ),
            (
                "DL# WDLABC123456 — state WA",
                Some((Label::UsDriverLicense, "WDLABC123456")),
            ),
            (
                "Hotel asks for ID: DL WDLJEZR56SOR, issued",
                Some((Label::UsDriverLicense, "WDLJEZR56SOR")),
            ),
            (
                "Member ID W481233522 — check",
                Some((Label::HealthPlanId, "W481233522")),
            ),
            (
                "DL 12-345-6789",
                Some((Label::UsDriverLicense, "12-345-6789")),
            ),
            (
                "(acct 12345678901) disputes",
                Some((Label::UsBankNumber, "12345678901")),
            ),
            (
                "MRN: 12345678   DOB: 01/02/1990",
                Some((Label::MedicalRecordNumber, "12345678")),
            ),
            (
                "Chart #1234-567 belongs",
                Some((Label::MedicalRecordNumber, "1234-567")),
            ),
            (
                "Member ID ABC123456789 — check",
                Some((Label::HealthPlanId, "ABC123456789")),
            ),
            (
                "insurer (policy W123456789) appeal",
                Some((Label::HealthPlanId, "W123456789")),
            ),
            ("Routing number on file 021000021.", None),
            (
                "account 12345678, routing 021000021",
                Some((Label::UsBankNumber, "12345678")),
            ),
            ("order 12345678", None),
            ("12345678", None),
            ("handle 12345678", None),
            ("license 2024-01-05", None),
        ];
        for (text, want) in cases {
            let got = found(text);
            match want {
                Some((label, value)) => assert!(
                    got.contains(&(*label, value.to_string())),
                    "{text}: {got:?}"
                ),
                None => assert!(got.is_empty(), "{text}: {got:?}"),
            }
        }
        // the routing number after the account number is not taken
        let got = found("account 12345678, routing 021000021");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    /// Challenge-set regressions, named by their cause.
    #[test]
    fn regressions() {
        let cases: &[(&str, &[(Label, &str)])] = &[
            // a form's dot leaders, an XML element
            (
                "MRN ............ 87576275\nDOB ...",
                &[(Label::MedicalRecordNumber, "87576275")],
            ),
            (
                "Account number ... 28607338371\n",
                &[(Label::UsBankNumber, "28607338371")],
            ),
            (
                "  <mrn>6986614-3</mrn>",
                &[(Label::MedicalRecordNumber, "6986614-3")],
            ),
            // a line taken for a table's header keeps its own values
            (
                "Jane Doe, Member ID W839264078, Aetna\nCopay 20, deductible met, no referral",
                &[(Label::HealthPlanId, "W839264078")],
            ),
            // a car's policy is no health plan
            ("Your insured's auto policy number is PA-69288185.", &[]),
            (
                "MRN\tPlan ID\n00477754\tW839264078\n",
                &[
                    (Label::MedicalRecordNumber, "00477754"),
                    (Label::HealthPlanId, "W839264078"),
                ],
            ),
            // "no." / "#" / "nr." after a keyword is filler, not a sentence end
            (
                "passport no. C24240560",
                &[(Label::UsPassport, "C24240560")],
            ),
            (
                "savings account no. 00477886676",
                &[(Label::UsBankNumber, "00477886676")],
            ),
            (
                "Med Rec No. 7731-4420",
                &[(Label::MedicalRecordNumber, "7731-4420")],
            ),
            // more record-number keywords; spaced record and licence numbers
            (
                "Hosp No: K1234567",
                &[(Label::MedicalRecordNumber, "K1234567")],
            ),
            (
                "MRN: 3320 1984",
                &[(Label::MedicalRecordNumber, "3320 1984")],
            ),
            (
                "Patientennummer 20250417-0931",
                &[(Label::MedicalRecordNumber, "20250417-0931")],
            ),
            (
                "NY license 482 913 776",
                &[(Label::UsDriverLicense, "482 913 776")],
            ),
            (
                "PA DL 29 481 736",
                &[(Label::UsDriverLicense, "29 481 736")],
            ),
            (
                "MI licence S 482 193 776 201",
                &[(Label::UsDriverLicense, "S 482 193 776 201")],
            ),
            ("CDL 058213947", &[(Label::UsDriverLicense, "058213947")]),
            // a keyword binds to the first value after it
            (
                "Ohio DLN SB482917, citation 88-4471",
                &[(Label::UsDriverLicense, "SB482917")],
            ),
            (
                "Member ID W481233522, group 0047120",
                &[(Label::HealthPlanId, "W481233522")],
            ),
            ("insurance card RxBIN 610014", &[]),
            (
                "passport book number is A18258167",
                &[(Label::UsPassport, "A18258167")],
            ),
            (
                "Versichertennummer A123456780",
                &[(Label::HealthPlanId, "A123456780")],
            ),
            // HL7 CX identifiers typed MR
            (
                "PID|1||448812093^^^MAINHOSP^MR||DOE^JANE",
                &[(Label::MedicalRecordNumber, "448812093")],
            ),
            // a redacted value is the keyword's value: the next number is not
            // (found by tests/detect_props.rs, redaction_is_idempotent)
            ("MRN <MEDICAL_RECORD_NUMBER> 4111 4111", &[]),
            ("MRN ******** 4111 4111", &[]),
            ("DL <US_DRIVER_LICENSE:3f9a01c2> 482 913 776", &[]),
        ];
        for (text, want) in cases {
            let got = found(text);
            let want: Vec<(Label, String)> =
                want.iter().map(|(l, v)| (*l, v.to_string())).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn table_header_is_context() {
        let text =
            "patient_name,mrn,dob\nAnn Lee,12345678,01/02/1990\nBo Chan,87654321,03/04/1980\n";
        let got = found(text);
        assert!(
            got.contains(&(Label::MedicalRecordNumber, "12345678".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&(Label::MedicalRecordNumber, "87654321".into())),
            "{got:?}"
        );
    }
}
