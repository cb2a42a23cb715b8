//! Fuzz the policy parser and compiler: any bytes compile to a policy or to
//! errors, never a panic; every error has a position inside the text; and a
//! policy that compiles evaluates its own test inputs without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scrim::policy::{compile_str, evaluate, FlowFacts};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match compile_str("fuzz.toml", text) {
        Ok(policy) => {
            let _ = policy.thresholds();
            let flow = FlowFacts::new("api.openai.com", "/v1/chat/completions");
            if let Ok(engine) = policy.engine() {
                for case in policy.tests().iter().take(4) {
                    let findings = engine.scan(&case.input);
                    let d = evaluate(&policy, &findings, &flow);
                    assert_eq!(d.verdicts.len(), findings.len());
                }
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in errors.errors() {
                if e.location.file == "fuzz.toml" && e.location.line > 0 {
                    assert!(e.location.line <= text.lines().count() + 1, "{e}");
                }
            }
        }
    }
});
