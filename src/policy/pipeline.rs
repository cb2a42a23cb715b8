//! One text through a policy: scan → drop allow-listed values → evaluate →
//! rewrite. What `scrim policy test` and `scrim policy explain` do, and what the
//! proxy does per request (there with many segments and one pseudonym map).

use super::compiled::CompiledPolicy;
use super::evaluate::{evaluate, Decision, FlowFacts};
use crate::detect::pipeline::{Pipeline, ScanError};
use crate::detect::Finding;
use crate::redact::{apply_each, HashKey, Operator, Pseudonyms};

/// What happened to one text.
#[derive(Debug)]
pub struct TextOutcome {
    /// Findings the policy evaluated (sorted, disjoint).
    pub findings: Vec<Finding>,
    /// Findings dropped because their value is on the allow-list.
    pub allowed: Vec<Finding>,
    /// The decision.
    pub decision: Decision,
    /// The text with the decision's redactions applied (the input itself when
    /// there are none).
    pub output: String,
}

/// Run `text` through `pipeline` (built with [`CompiledPolicy::pipeline`], as the
/// proxy's is) and `policy`. Fails only when detection fails (the NER model could
/// not run); the proxy turns that into the policy's `on_error` decision.
pub fn run_text(
    policy: &CompiledPolicy,
    pipeline: &Pipeline,
    text: &str,
    flow: &FlowFacts,
    key: Option<&HashKey>,
) -> Result<TextOutcome, ScanError> {
    let (allowed, findings): (Vec<Finding>, Vec<Finding>) = pipeline
        .scan(text)?
        .into_iter()
        .partition(|f| policy.is_allowed(text, f));
    let decision = evaluate(policy, &findings, flow);
    let output = rewrite(text, &findings, &decision, key, &mut Pseudonyms::new());
    Ok(TextOutcome {
        findings,
        allowed,
        decision,
        output,
    })
}

/// Apply a decision's redactions to the text its findings came from.
pub fn rewrite(
    text: &str,
    findings: &[Finding],
    decision: &Decision,
    key: Option<&HashKey>,
    pseudonyms: &mut Pseudonyms,
) -> String {
    let mut edits: Vec<(&Finding, Operator)> = decision
        .redactions
        .iter()
        .filter_map(|&(i, op)| findings.get(i).map(|f| (f, op)))
        .collect();
    edits.sort_by_key(|(f, _)| f.start);
    apply_each(text, &edits, key, pseudonyms)
}
