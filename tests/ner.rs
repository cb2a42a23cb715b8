#![allow(clippy::unwrap_used)] // test helpers: a failure here is a test failure
//! The NER detector end to end with the real model and the real ONNX Runtime
//! (artifacts from `bash scripts/setup.sh`, which the test command runs first).

use std::sync::OnceLock;

use scrim::detect::ner::{NerConfig, NerError, NerModel};
use scrim::detect::pipeline::Pipeline;
use scrim::detect::{Engine, Label};

fn model() -> &'static NerModel {
    static M: OnceLock<NerModel> = OnceLock::new();
    M.get_or_init(|| {
        // A generous deadline: these tests check what is found, not how fast
        // (CI machines are loaded; speed is measured by the benches).
        NerModel::load(NerConfig {
            timeout_ms: 300_000,
            ..NerConfig::default()
        })
        .expect("model artifacts present (run bash scripts/setup.sh)")
    })
}

fn fixture() -> serde_json::Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/models/reference/rampart_fixture.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("fixture JSON")
}

/// The q4 reference fixture, loaded through the same pipeline (the 4-bit model file).
fn q4_model() -> NerModel {
    let dir = std::env::temp_dir().join(format!("scrim-q4-{}", std::process::id()));
    let artifacts = concat!(env!("CARGO_MANIFEST_DIR"), "/models/artifacts/rampart");
    std::fs::create_dir_all(dir.join("onnx")).unwrap();
    for f in ["tokenizer.json", "config.json"] {
        std::fs::copy(format!("{artifacts}/{f}"), dir.join(f)).unwrap();
    }
    std::fs::copy(
        format!("{artifacts}/onnx/model_q4.onnx"),
        dir.join("onnx/model_q4.onnx"),
    )
    .unwrap();
    NerModel::load(NerConfig {
        model_dir: Some(dir),
        pool_size: 1,
        ..NerConfig::default()
    })
    .unwrap()
}

#[test]
fn rust_pipeline_matches_the_python_reference() {
    let fx = fixture();
    let q4 = q4_model();
    let mut compared = 0;
    for case in fx["cases"].as_array().unwrap() {
        let text = case["text"].as_str().unwrap();
        let got = q4.token_labels(text).unwrap();
        // The fixture includes [CLS] and [SEP]; ours does not.
        let ids: Vec<i64> = case["input_ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_i64().unwrap())
            .collect();
        let labels: Vec<&str> = case["labels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let offsets: Vec<(usize, usize)> = case["byte_offsets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                (
                    o[0].as_u64().unwrap() as usize,
                    o[1].as_u64().unwrap() as usize,
                )
            })
            .collect();
        let inner = 1..ids.len() - 1;
        assert_eq!(got.len(), inner.len(), "{}: token count", case["id"]);
        for (t, tok) in inner.zip(&got) {
            assert_eq!(tok.id, ids[t], "{}: token {t} id", case["id"]);
            assert_eq!(
                (tok.start, tok.end),
                offsets[t],
                "{}: token {t} offsets",
                case["id"]
            );
            assert_eq!(tok.label, labels[t], "{}: token {t} label", case["id"]);
            compared += 1;
        }
    }
    assert!(compared > 300, "compared {compared} tokens");
}

#[test]
fn names_and_addresses_map_to_the_taxonomy() {
    let text = "Please send the contract to Sarah O'Connor at 42 Baker Street, London NW1 6XE.";
    let found = model().detect(text).unwrap();
    let got: Vec<(Label, &str)> = found
        .iter()
        .map(|f| (f.label, &text[f.start..f.end]))
        .collect();
    assert!(got.contains(&(Label::Person, "Sarah O'Connor")), "{got:?}");
    assert!(
        got.iter()
            .any(|(l, s)| *l == Label::Location && s.contains("Baker Street")),
        "{got:?}"
    );
}

#[test]
fn unicode_names_have_byte_offsets_on_char_boundaries() {
    let text = "Forward it to Zoë Müller-Łukasiewicz and José Ñúñez before Friday.";
    let found = model().detect(text).unwrap();
    assert!(!found.is_empty());
    for f in &found {
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
    }
    let persons: Vec<&str> = found
        .iter()
        .filter(|f| f.label == Label::Person)
        .map(|f| &text[f.start..f.end])
        .collect();
    assert!(persons.iter().any(|p| p.contains("Müller")), "{persons:?}");
}

/// A long text is scanned completely: a name placed in every part of a ~100 KB
/// prompt is found, and one that straddles a window boundary is found once.
#[test]
fn long_texts_are_scanned_completely() {
    let filler = [
        "The quarterly figures were discussed at length. ",
        "Revenue grew in the second half, mostly from renewals. ",
        "Several open questions remain about the pricing model. ",
        "The migration to the new cluster finished on schedule. ",
        "Support tickets dropped after the documentation update. ",
        "We agreed to revisit the roadmap next month. ",
    ];
    let names = [
        "Daniel Okafor",
        "Rajesh Venkataraman",
        "Ingrid Solberg",
        "Tomasz Wiśniewski",
    ];
    let mut text = String::new();
    let mut positions = Vec::new();
    let mut k = 0;
    while text.len() < 100_000 {
        for i in 0..(7 + k % 5) {
            text.push_str(filler[(i + k) % filler.len()]);
        }
        positions.push(text.len());
        text.push_str(&format!(
            "Please call {} about it. ",
            names[k % names.len()]
        ));
        k += 1;
    }
    let found = model().detect(&text).unwrap();
    let mut missed = 0;
    for &p in &positions {
        let hits = found
            .iter()
            .filter(|f| f.label == Label::Person && f.start >= p && f.start < p + 40)
            .count();
        assert!(hits <= 1, "name at byte {p} found {hits} times");
        missed += usize::from(hits == 0);
    }
    // Every part of the text was read: at most a stray miss, never a missing region.
    assert!(
        missed * 50 <= positions.len(),
        "{missed} of {} names missed",
        positions.len()
    );
    assert!(
        found.iter().any(|f| f.start > 95_000),
        "the end of the text was scanned"
    );
}

#[test]
fn pipeline_fuses_model_and_patterns() {
    let pipeline = Pipeline::new(Engine::builtin().unwrap(), Some(model().clone()), 16);
    let text = "Ticket from Daniel Okafor (daniel.okafor@example.org, +44 20 7946 0958).";
    let found = pipeline.scan(text).unwrap();
    let labels: Vec<Label> = found.iter().map(|f| f.label).collect();
    assert_eq!(
        labels,
        [Label::Person, Label::EmailAddress, Label::PhoneNumber],
        "{found:?}"
    );
    // A second scan of the same text is answered from the cache, with the same result.
    assert_eq!(pipeline.scan(text).unwrap(), found);
}

#[test]
fn failures_are_errors_naming_the_setup_command() {
    let err = NerModel::load(NerConfig {
        model_dir: Some("/nonexistent/model".into()),
        ..NerConfig::default()
    })
    .unwrap_err();
    assert!(matches!(err, NerError::Unavailable(_)));
    assert!(err.to_string().contains("bash scripts/setup.sh"), "{err}");

    let slow = NerModel::load(NerConfig {
        timeout_ms: 0,
        pool_size: 1,
        ..NerConfig::default()
    })
    .unwrap();
    let err = slow.detect("Jane Doe lives in Leeds").unwrap_err();
    assert!(matches!(err, NerError::Timeout(0)), "{err}");
}

// --- our own model's labels (issue 7): ORGANIZATION and personal DATE_TIME ---------------------

fn found(findings: &[scrim::detect::Finding], text: &str, label: Label) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.label == label)
        .map(|f| text[f.start..f.end].to_string())
        .collect()
}

#[test]
fn the_default_model_is_our_own() {
    assert_eq!(model().name(), "ner:scrim-ner");
}

#[test]
fn the_model_finds_an_employer_and_a_date_of_birth() {
    let text =
        "Maria Lopez was born on the 3rd of March 1987 and works at Leeds General Infirmary.";
    let f = model().detect(text).unwrap();
    assert_eq!(found(&f, text, Label::Person), ["Maria Lopez"], "{f:?}");
    assert_eq!(
        found(&f, text, Label::Organization),
        ["Leeds General Infirmary"],
        "{f:?}"
    );
    let dates = found(&f, text, Label::DateTime);
    assert!(dates.iter().any(|d| d.contains("March 1987")), "{dates:?}");
}

#[test]
fn tools_and_protocols_are_not_organizations() {
    let text = "Deploy it to AWS over UDP, post the Q3 numbers in Slack and open a GitHub issue.";
    let f = model().detect(text).unwrap();
    assert!(found(&f, text, Label::Organization).is_empty(), "{f:?}");
}

/// A date the patterns can parse is counted once, by the patterns; one they left out on
/// purpose (a release date) stays out even if the model tags it.
#[test]
fn dates_are_counted_once() {
    let pipeline = Pipeline::new(Engine::builtin().unwrap(), Some(model().clone()), 0);
    let text = "Patient DOB 12 March 1987, admitted to St. Mary's Hospital on 4 May 2024.";
    let f = pipeline.scan(text).unwrap();
    let dates: Vec<&scrim::detect::Finding> =
        f.iter().filter(|x| x.label == Label::DateTime).collect();
    assert_eq!(dates.len(), 2, "{f:?}");
    assert!(
        dates.iter().all(|d| d.detector.starts_with("pattern:")),
        "{f:?}"
    );
    assert_eq!(
        found(&f, text, Label::Organization),
        ["St. Mary's Hospital"],
        "{f:?}"
    );

    let release = "Version 2.3 was released on 12 March 2024.";
    let f = pipeline.scan(release).unwrap();
    assert!(found(&f, release, Label::DateTime).is_empty(), "{f:?}");

    let written = "My daughter Aisha was born on the 3rd of March 2019.";
    let f = pipeline.scan(written).unwrap();
    assert!(
        found(&f, written, Label::DateTime)
            .iter()
            .any(|d| d.contains("March 2019")),
        "{f:?}"
    );
}

#[test]
fn scan_reports_organizations() {
    let out =
        std::process::Command::new(env!("CARGO_BIN_EXE_scrim"))
            .args(["scan", "--show-values", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                child.stdin.take().unwrap().write_all(
                    b"I am a nurse at Klinikum Dortmund and my manager is Petra Vogel.",
                )?;
                child.wait_with_output()
            })
            .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["label"].as_str().unwrap().to_string(),
                f["text"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert!(
        got.contains(&("ORGANIZATION".into(), "Klinikum Dortmund".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("PERSON".into(), "Petra Vogel".into())),
        "{got:?}"
    );
}

/// A single prompt of a few hundred tokens is cut so that both workers share it;
/// the names across it are found exactly as when it runs whole.
#[test]
fn a_single_prompt_shared_by_the_workers_finds_the_same_names() {
    let mut text = String::new();
    let names = [
        "Daniel Okafor",
        "Ingrid Solberg",
        "Rajesh Venkataraman",
        "Ana Lucía Pérez",
    ];
    for (i, name) in names.iter().cycle().take(12).enumerate() {
        text.push_str(&format!(
            "Item {i}: the review went well and {name} will send the notes to the team. "
        ));
    }
    let names_of = |f: &[scrim::detect::Finding]| found(f, &text, Label::Person);
    // Alone: cut across the workers. With a second text: each runs whole.
    let alone = model().detect(&text).unwrap();
    let whole = model().detect_many(&[&text, "ok"]).unwrap().remove(0);
    assert_eq!(names_of(&alone), names_of(&whole));
    assert_eq!(names_of(&alone).len(), 12, "{:?}", names_of(&alone));
}
