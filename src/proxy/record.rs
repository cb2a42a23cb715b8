//! The one decision record per request: facts gathered along the flow, turned
//! into an [`crate::audit::RecordDraft`] and made durable
//! before any byte goes upstream ([`AuditFacts::commit`]). A failed write blocks
//! the request (fail closed). The upstream status arrives later, in a
//! [`Completion`](crate::audit::Completion) that references the record.

use std::sync::Arc;
use std::time::Instant;

use http::{Response, StatusCode};

use super::body::Body;
use super::flow::{Client, Destination};
use super::respond;
use super::Shared;
use crate::audit::{self, BlockReason, PolicyRef, RecordDraft, RecordId, ValueHash};
use crate::detect::{Finding, Label};
use crate::inspect::json::Segment;
use crate::inspect::provider::Provider;
use crate::policy::{Action, CompiledPolicy, Decision, FailureKind, FlowFacts};

/// What the proxy will do (the record's outcome before the response is known).
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Forward to the destination.
    Forwarded,
    /// Send to a local backend.
    Routed {
        /// Backend name.
        backend: String,
    },
    /// Refuse.
    Blocked,
}

/// Facts about one flow, filled in as it goes.
#[derive(Debug)]
pub struct AuditFacts {
    flow: FlowFacts,
    policy: PolicyRef,
    provider: Provider,
    /// Requested model.
    pub model: Option<String>,
    /// Set when the decision comes from an inspection failure.
    pub failure: Option<FailureKind>,
    /// Decoded request body size.
    pub request_bytes: u64,
    /// Detector names.
    pub detectors: Vec<String>,
    findings: Vec<Finding>,
    hashes: Vec<(Label, ValueHash)>,
}

impl AuditFacts {
    /// Facts for a new flow.
    pub fn new(
        client: &Client,
        dest: &Destination,
        provider: Provider,
        policy: &CompiledPolicy,
    ) -> AuditFacts {
        let mut flow = FlowFacts::new(
            &dest.host,
            dest.path_and_query.split('?').next().unwrap_or("/"),
        );
        flow.client_ip = Some(client.addr.ip());
        flow.client_id = client.identity.clone();
        flow.provider = Some(provider.as_str().to_string());
        AuditFacts {
            flow,
            policy: PolicyRef::of(policy),
            provider,
            model: None,
            failure: None,
            request_bytes: 0,
            detectors: Vec::new(),
            findings: Vec::new(),
            hashes: Vec::new(),
        }
    }

    /// Keep the findings (for counts) and the keyed hashes of their values — the
    /// values themselves are dropped here.
    pub fn set_findings(
        &mut self,
        findings: &[Finding],
        owners: &[usize],
        segments: &[Segment],
        log: &audit::AuditLog,
    ) {
        self.hashes = findings
            .iter()
            .zip(owners)
            .filter_map(|(f, &seg)| {
                let value = segments.get(seg)?.value.get(f.start..f.end)?;
                Some((f.label, log.value_hash(f.label, value)))
            })
            .collect();
        self.findings = findings.to_vec();
    }

    /// Make the decision record durable. On failure, the response to send instead
    /// (the request must not go upstream).
    pub async fn commit(
        &self,
        shared: &Arc<Shared>,
        decision: &Decision,
        outcome: Outcome,
        started: Instant,
    ) -> Result<RecordId, Response<Body>> {
        let outcome = match outcome {
            Outcome::Forwarded => audit::Outcome::Forwarded { status: None },
            Outcome::Routed { backend } => audit::Outcome::Routed {
                backend,
                status: None,
            },
            Outcome::Blocked => audit::Outcome::Blocked {
                reason: match (self.failure, decision.action) {
                    (Some(kind), _) => BlockReason::from(kind),
                    (None, Action::Block) => BlockReason::Policy,
                    (None, _) => BlockReason::Policy,
                },
            },
        };
        let mut flow = self.flow.clone();
        flow.model = self.model.clone();
        let mut draft = RecordDraft::from_flow(&flow, self.policy.clone(), outcome)
            .with_decision(decision, &self.findings);
        if !self.detectors.is_empty() {
            draft.detectors = self.detectors.clone();
        }
        draft.value_hashes = self.hashes.clone();
        draft.sizes.request_bytes = self.request_bytes;
        draft.latency_ms = started.elapsed().as_millis() as u64;
        match shared.audit.append(draft).await {
            Ok(id) => {
                // The request's one log line: ids, names and counts, never a value
                // (the reason lists labels, rule ids and counts).
                tracing::info!(
                    record = %id,
                    provider = self.provider.as_str(),
                    host = %self.flow.destination_host,
                    path = %self.flow.path,
                    decision = %decision.action,
                    reason = %decision.reason,
                    "request"
                );
                Ok(id)
            }
            Err(e) => {
                tracing::error!(error = %e, "audit write failed: blocking the request");
                Err(respond::unavailable(
                    self.provider,
                    "scrim could not record this request in its audit log, so it was not sent",
                    "audit_unavailable",
                ))
            }
        }
    }
}

/// Record a CONNECT that was tunnelled or denied (no inspection, one record).
pub async fn connect_record(
    shared: &Arc<Shared>,
    client: &Client,
    host: &str,
    tunnelled: bool,
) -> Result<RecordId, StatusCode> {
    let policy = shared.active.load().policy.clone();
    let mut flow = FlowFacts::new(host, "");
    flow.client_ip = Some(client.addr.ip());
    flow.client_id = client.identity.clone();
    let outcome = if tunnelled {
        audit::Outcome::Tunnelled
    } else {
        audit::Outcome::Denied
    };
    let draft = RecordDraft::from_flow(&flow, PolicyRef::of(&policy), outcome);
    shared.audit.append(draft).await.map_err(|e| {
        tracing::error!(error = %e, "audit write failed: refusing the tunnel");
        StatusCode::SERVICE_UNAVAILABLE
    })
}
