//! No raw PII in the audit log, ever: requests full of fixture PII go through
//! detection, the default policy and the audit writer as the proxy drives
//! them; then every byte under the data directory, every export and query
//! output, and every log line is searched for each value in every encoding
//! tried. None may appear.

mod audit_support;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use scrim::audit::export::{export, ExportFormat};
use scrim::audit::keys::normalize_value;
use scrim::audit::query::{query_to_json, stats_report, stats_to_json, table, write_csv_rows};
use scrim::audit::{
    AuditLog, AuditReader, Completion, Outcome, PolicyRef, QueryFilter, RecordDraft,
};
use scrim::detect::{Engine, Label};
use scrim::policy::{self, FlowFacts};

/// Fixture values, each with the label the detectors give it.
const VALUES: &[(Label, &str)] = &[
    (Label::UsSsn, "536-22-1234"),
    (Label::EmailAddress, "jo.bloggs@example.org"),
    (Label::PhoneNumber, "+44 20 7946 0958"),
    (Label::CreditCard, "4111 1111 1111 1111"),
    (Label::IbanCode, "GB82 WEST 1234 5698 7654 32"),
    (Label::IpAddress, "203.0.113.77"),
    (Label::UkNhs, "943 476 5919"),
];

fn prompts() -> Vec<String> {
    vec![
        "Patient SSN 536-22-1234, mail jo.bloggs@example.org, call +44 20 7946 0958.".into(),
        "Charge card 4111 1111 1111 1111 and wire to IBAN GB82 WEST 1234 5698 7654 32.".into(),
        "Login from 203.0.113.77 by jo.bloggs@example.org; NHS number 943 476 5919.".into(),
        r#"{"messages":[{"role":"user","content":"my ssn is 536-22-1234"}]}"#.into(),
    ]
}

/// Every spelling of `v` the test looks for.
fn encodings(label: Label, v: &str) -> Vec<(String, Vec<u8>)> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let b64url = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let url: String = v
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let mut out = vec![
        ("plain".to_string(), v.as_bytes().to_vec()),
        ("lowercase".into(), v.to_lowercase().into_bytes()),
        ("uppercase".into(), v.to_uppercase().into_bytes()),
        ("normalized".into(), normalize_value(label, v).into_bytes()),
        ("base64".into(), b64.encode(v).into_bytes()),
        ("base64url".into(), b64url.encode(v).into_bytes()),
        ("hex".into(), hex::encode(v).into_bytes()),
        ("HEX".into(), hex::encode_upper(v).into_bytes()),
        ("url".into(), url.clone().into_bytes()),
        ("url-lower".into(), url.to_lowercase().into_bytes()),
        ("form".into(), v.replace(' ', "+").into_bytes()),
        (
            "json-escaped".into(),
            serde_json::to_string(v).unwrap_or_default().into_bytes(),
        ),
        (
            "utf16le".into(),
            v.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        ),
        (
            "utf16be".into(),
            v.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
    ];
    // The digits alone (e.g. 078051120), for values that have separators.
    let digits: String = v.chars().filter(char::is_ascii_digit).collect();
    if digits.len() >= 8 {
        out.push(("digits".into(), digits.into_bytes()));
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Every (file, bytes) under `dir`.
fn files(dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for e in fs::read_dir(dir).expect("read_dir") {
        let e = e.expect("entry");
        if e.file_type().expect("type").is_dir() {
            files(&e.path(), out);
        } else {
            out.push((
                e.path().display().to_string(),
                fs::read(e.path()).expect("read"),
            ));
        }
    }
}

/// A `Write` that appends to a shared buffer (captures every log line).
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn no_value_appears_anywhere() {
    let logs = Capture::default();
    let sink = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || sink.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let data = tempfile::tempdir().expect("tempdir");
    let dir = scrim::audit::audit_dir(data.path());
    let engine = Engine::builtin().expect("engine");
    let policy = policy::default_policy().expect("policy");
    let log = AuditLog::open(&dir, audit_support::small_config()).expect("open");
    let mut found = std::collections::BTreeSet::new();
    for round in 0..5 {
        for (i, text) in prompts().iter().enumerate() {
            let findings = engine.scan(text);
            for f in &findings {
                found.insert(f.label);
            }
            // The query string carries a value too: it must not be kept.
            let mut flow = FlowFacts::new(
                "api.openai.com",
                "/v1/chat/completions?user=jo.bloggs@example.org&ssn=536-22-1234",
            );
            flow.client_ip = Some("10.1.2.3".parse().expect("ip"));
            flow.client_id = Some(format!("laptop-{i}"));
            let decision = policy::evaluate(&policy, &findings, &flow);
            let mut draft = RecordDraft::from_flow(
                &flow,
                PolicyRef::of(&policy),
                Outcome::Forwarded { status: None },
            )
            .with_decision(&decision, &findings);
            for f in &findings {
                draft
                    .value_hashes
                    .push((f.label, log.value_hash(f.label, &text[f.start..f.end])));
            }
            draft.sizes.request_bytes = text.len() as u64;
            let id = log.append_blocking(draft).expect("append");
            if round % 2 == 0 {
                log.complete_detached(Completion {
                    of: id,
                    outcome: Outcome::Forwarded { status: Some(200) },
                    response_bytes: Some(10),
                    total_ms: 5,
                });
            }
        }
    }
    for (label, _) in VALUES {
        assert!(
            found.contains(label),
            "the detectors find {label}: {found:?}"
        );
    }
    // An investigator can still find a value by its hash.
    log.sync_index().expect("sync");
    let h = log.value_hash(Label::UsSsn, "536 22 1234");
    let hits = log
        .query(&QueryFilter::from_query_string(&format!("value_hash={h}&limit=0")).expect("q"))
        .expect("query");
    assert_eq!(hits.len(), 10, "two prompts carry the SSN, five rounds");
    log.checkpoint_now().expect("checkpoint");
    drop(log);

    // Everything an auditor can produce.
    let mut outputs: Vec<(String, Vec<u8>)> = Vec::new();
    for (name, format) in [
        ("export.jsonl", ExportFormat::Jsonl),
        ("export.csv", ExportFormat::Csv),
    ] {
        let mut out = Vec::new();
        export(&dir, None, None, format, &mut out).expect("export");
        assert!(out.len() > 1000, "{name} is not empty");
        outputs.push((name.into(), out));
    }
    let reader = AuditReader::open(&dir).expect("reader");
    let all = reader
        .query(&QueryFilter::from_query_string("limit=0").expect("q"))
        .expect("query");
    assert_eq!(all.len(), 20);
    outputs.push(("query.json".into(), query_to_json(&all).into_bytes()));
    outputs.push(("query.table".into(), table(&all).into_bytes()));
    let mut csv = Vec::new();
    write_csv_rows(&all, &mut csv).expect("csv");
    outputs.push(("query.csv".into(), csv));
    let stats = reader.stats(&QueryFilter::default()).expect("stats");
    outputs.push(("stats.json".into(), stats_to_json(&stats).into_bytes()));
    outputs.push(("stats.txt".into(), stats_report(&stats).into_bytes()));
    drop(reader);
    files(data.path(), &mut outputs);
    let log_text = logs.0.lock().expect("lock").clone();
    outputs.push(("log lines".into(), log_text));
    assert!(outputs.len() > 10, "{}", outputs.len());

    let mut leaks = Vec::new();
    for (label, value) in VALUES {
        for (enc, needle) in encodings(*label, value) {
            for (name, hay) in &outputs {
                if let Some(at) = find(hay, &needle) {
                    leaks.push(format!("{value} ({enc}) in {name} at byte {at}"));
                }
            }
        }
    }
    assert!(leaks.is_empty(), "PII found:\n{}", leaks.join("\n"));
}
