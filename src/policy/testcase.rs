//! Running a policy's embedded `[[test]]` cases: each input goes through the
//! detection pipeline the proxy would run (built-in detectors, the policy's own
//! and, when loaded, the NER model), and the decision, backend, fired rules and
//! rewritten text are compared with what the case expects.
//!
//! The `hash` operator uses [`test_key`], a fixed, public key, so that expected
//! outputs are reproducible; it protects nothing.

use super::compiled::{CompiledPolicy, TestCase};
use super::evaluate::Action;
use super::pipeline::run_text;
use crate::detect::pipeline::Pipeline;
use crate::redact::HashKey;

/// The fixed key `hash` uses in test cases and `scrim policy explain`.
pub fn test_key() -> Option<HashKey> {
    HashKey::new(b"scrim policy test key: not a secret".to_vec())
}

/// The result of one case.
#[derive(Debug)]
pub struct TestOutcome<'p> {
    /// The case.
    pub case: &'p TestCase,
    /// What did not match (empty when the case passed). Test inputs are the
    /// policy author's own sample data, so these may quote them.
    pub failures: Vec<String>,
    /// Ids of the rules that fired (sorted, deduplicated).
    pub fired: Vec<String>,
}

impl TestOutcome<'_> {
    /// Whether the case passed.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Run every embedded case of `policy` with `pipeline` (from
/// [`CompiledPolicy::pipeline`]). A case whose detection fails (the NER model
/// could not run) fails, saying why.
pub fn run_tests<'p>(policy: &'p CompiledPolicy, pipeline: &Pipeline) -> Vec<TestOutcome<'p>> {
    let key = test_key();
    policy
        .tests()
        .iter()
        .map(|case| {
            let out = match run_text(policy, pipeline, &case.input, &case.flow, key.as_ref()) {
                Ok(out) => out,
                Err(e) => {
                    return TestOutcome {
                        case,
                        failures: vec![format!("detection failed: {e}")],
                        fired: Vec::new(),
                    }
                }
            };
            let d = &out.decision;
            let mut fired: Vec<String> = d.fired.iter().map(|h| h.rule_id.clone()).collect();
            fired.sort();
            fired.dedup();
            let mut failures = Vec::new();
            if d.action != case.expect {
                failures.push(format!(
                    "decision: expected {}, got {} ({})",
                    case.expect, d.action, d.reason
                ));
            }
            if case.expect == Action::Route || case.route.is_some() {
                if let Some(want) = &case.route {
                    if d.route.as_ref() != Some(want) {
                        failures.push(format!(
                            "route: expected `{want}`, got {}",
                            d.route
                                .as_deref()
                                .map_or("none".to_string(), |r| format!("`{r}`"))
                        ));
                    }
                }
            }
            if let Some(want) = &case.rules {
                if *want != fired {
                    failures.push(format!(
                        "rules: expected [{}], got [{}]",
                        want.join(", "),
                        fired.join(", ")
                    ));
                }
            }
            if let Some(want) = &case.output {
                if *want != out.output {
                    failures.push(format!(
                        "output:\n      expected: {want:?}\n      got:      {:?}",
                        out.output
                    ));
                }
            }
            TestOutcome {
                case,
                failures,
                fired,
            }
        })
        .collect()
}
