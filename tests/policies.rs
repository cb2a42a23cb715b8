//! The shipped policies (`policies/*.toml`): every embedded `[[test]]` case passes,
//! every rule a file defines is exercised by that file's own cases, the copies
//! embedded in the binary are the files on disk, and the committed JSON Schema is
//! the one the raw types generate.
//!
//! The cases run through the pipeline the proxy runs, NER model included (as
//! `scrim policy test` does): names and places are the model's to find, and a
//! case about them means nothing without it. The model artifacts come from
//! `bash scripts/setup.sh`, which the test command runs first; without them these
//! tests fail and say so.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use scrim::detect::ner::{NerConfig, NerModel};
use scrim::detect::pipeline::Pipeline;
use scrim::policy::{
    self, on_failure, run_tests, Action, CompiledPolicy, FailureKind, FlowFacts, PolicyHandle,
    SHIPPED,
};

fn ner() -> NerModel {
    static M: OnceLock<NerModel> = OnceLock::new();
    M.get_or_init(|| {
        // A generous deadline: these tests check decisions, not speed (CI machines
        // are loaded; speed is measured by the benches).
        NerModel::load(NerConfig {
            timeout_ms: 300_000,
            ..NerConfig::default()
        })
        .unwrap_or_else(|e| {
            panic!(
                "the shipped policies' cases need the NER model: {e} (run bash scripts/setup.sh)"
            )
        })
    })
    .clone()
}

/// The proxy's pipeline for `p`, with the model.
fn pipeline(p: &CompiledPolicy) -> Pipeline {
    p.pipeline(Some(ner()), 256)
        .expect("the policy's detectors build")
}

fn policies_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("policies")
}

fn shipped_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(policies_dir())
        .expect("policies/ is readable")
        .map(|e| e.expect("policies/ entry is readable").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_shipped_policy_passes_its_cases() {
    let files = shipped_files();
    assert_eq!(files.len(), SHIPPED.len(), "every policy file is embedded");
    let (mut passed, mut failed) = (0, Vec::new());
    for file in &files {
        let p = policy::load(file).unwrap_or_else(|e| panic!("{}:\n{e}", file.display()));
        assert!(
            !p.tests().is_empty(),
            "{} has no test cases",
            file.display()
        );
        for outcome in run_tests(&p, &pipeline(&p)) {
            if outcome.passed() {
                passed += 1;
            } else {
                failed.push(format!(
                    "{} {}\n    {}",
                    outcome.case.location,
                    outcome.case.name,
                    outcome.failures.join("\n    ")
                ));
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    assert!(passed >= 50, "only {passed} cases");
}

#[test]
fn every_rule_is_covered_by_its_own_files_cases() {
    for file in shipped_files() {
        let p = policy::load(&file).unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        let fired: BTreeSet<String> = run_tests(&p, &pipeline(&p))
            .into_iter()
            .flat_map(|o| o.fired)
            .collect();
        for rule in p.rules() {
            // Rules defined in this file (inherited ones are covered by their own file).
            if !text.contains(&format!("id = \"{}\"", rule.id())) {
                continue;
            }
            assert!(
                fired.contains(rule.id()),
                "{}: no test case fires rule `{}`",
                file.display(),
                rule.id()
            );
        }
    }
}

#[test]
fn embedded_copies_are_the_files_on_disk() {
    for (name, text) in SHIPPED {
        let disk = std::fs::read_to_string(policies_dir().join(name)).unwrap();
        assert_eq!(*text, disk, "{name}");
        let from_disk = policy::load(&policies_dir().join(name)).unwrap();
        let embedded = policy::shipped(name).unwrap();
        assert_eq!(from_disk.content_hash(), embedded.content_hash(), "{name}");
    }
    let handle = PolicyHandle::embedded_default().unwrap();
    assert_eq!(handle.current().name(), "default");
    handle.reload().unwrap();
}

#[test]
fn committed_schema_is_generated_from_the_types() {
    let path = policies_dir().join("policy.schema.json");
    let generated = policy::schema::schema_json();
    if std::env::var_os("SCRIM_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    assert!(
        committed == generated,
        "policies/policy.schema.json is stale: run `scrim policy schema > policies/policy.schema.json` \
         (or this test with SCRIM_UPDATE_SCHEMA=1)"
    );
}

#[test]
fn hipaa_blocks_what_text_detection_cannot_see() {
    // (P) biometric identifiers and (Q) full-face photographs arrive as images,
    // audio or files: unsupported content.
    let p = policy::shipped("hipaa.toml").unwrap();
    let flow = FlowFacts::new("api.openai.com", "/v1/chat/completions");
    let d = on_failure(&p, FailureKind::UnsupportedContent, &flow);
    assert_eq!(d.action, Action::Block);
    // and every failure fails closed in every shipped policy
    for (name, _) in SHIPPED {
        let p = policy::shipped(name).unwrap();
        for kind in FailureKind::ALL {
            assert_eq!(
                on_failure(&p, kind, &flow).action,
                Action::Block,
                "{name} {kind}"
            );
        }
    }
}

#[test]
fn hipaa_covers_all_eighteen_identifiers() {
    let text = std::fs::read_to_string(policies_dir().join("hipaa.toml")).unwrap();
    let p = policy::shipped("hipaa.toml").unwrap();
    for letter in 'A'..='R' {
        let has_rule = p.rules().iter().any(|r| {
            r.id().starts_with(&format!("hipaa.{letter}-"))
                || r.id().contains(&format!("-{letter}-"))
        });
        let explained = text.contains(&format!("({letter})"));
        assert!(explained, "({letter}) is not mentioned in hipaa.toml");
        if !matches!(letter, 'P' | 'Q') {
            assert!(has_rule, "no rule for ({letter})");
        }
    }
}

mod parser_never_panics {
    //! The fuzz target's invariant (`fuzz/fuzz_targets/policy.rs`) as a property
    //! test, so CI checks it without cargo-fuzz: mutated shipped policies compile
    //! or fail with positioned errors, never panic.

    use proptest::prelude::*;
    use scrim::policy::{compile_str, SHIPPED};

    const TOKENS: &[&str] = &[
        "[",
        "]",
        "[[",
        "]]",
        "=",
        "\"",
        "'",
        "\n",
        "{",
        "}",
        ",",
        "#",
        "rule",
        "test",
        "policy",
        "extends",
        "\"base\"",
        "\"gdpr\"",
        "\"x\"",
        "action",
        "labels",
        "route",
        "1.5",
        "-1",
        "true",
        "(?P<value>",
        ")",
        "\\",
        "é",
        "\u{0}",
        "\"\"\"",
        "'''",
        "[[rule]]\nid = \"r\"\n",
    ];

    fn mutate(text: &str, edits: &[(usize, usize, usize)]) -> String {
        let mut s = text.to_string();
        for &(pos, del, tok) in edits {
            let mut p = pos % (s.len() + 1);
            while !s.is_char_boundary(p) {
                p -= 1;
            }
            let mut end = (p + del % 8).min(s.len());
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            s.replace_range(p..end, TOKENS[tok % TOKENS.len()]);
        }
        s
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn mutated_policies(
            file in 0usize..SHIPPED.len(),
            edits in proptest::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 1..6),
        ) {
            let text = mutate(SHIPPED[file].1, &edits);
            if let Err(errors) = compile_str("fuzz.toml", &text) {
                prop_assert!(!errors.is_empty());
                for e in errors.errors() {
                    if e.location.file == "fuzz.toml" && e.location.line > 0 {
                        prop_assert!(e.location.line <= text.lines().count() + 1);
                    }
                }
            }
        }

        #[test]
        fn arbitrary_text(text in "\\PC{0,200}") {
            let _ = compile_str("fuzz.toml", &text);
        }
    }
}
