//! Running a policy's embedded `[[test]]` cases: each input goes through the
//! built-in detectors plus the policy's own, and the decision, backend, fired
//! rules and rewritten text are compared with what the case expects.
//!
//! The `hash` operator uses [`test_key`], a fixed, public key, so that expected
//! outputs are reproducible; it protects nothing.

use super::compiled::{CompiledPolicy, TestCase};
use super::evaluate::Action;
use super::pipeline::run_text;
use crate::detect::Engine;
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

/// Run every embedded case of `policy` with `engine` (from [`CompiledPolicy::engine`]).
pub fn run_tests<'p>(policy: &'p CompiledPolicy, engine: &Engine) -> Vec<TestOutcome<'p>> {
    let key = test_key();
    policy
        .tests()
        .iter()
        .map(|case| {
            let out = run_text(policy, engine, &case.input, &case.flow, key.as_ref());
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
