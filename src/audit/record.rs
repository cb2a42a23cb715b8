//! The record schema (version [`SCHEMA_VERSION`]), as written to the segments.
//!
//! One record is one JSON object (the payload of one frame):
//!
//! ```json
//! {"v":1,"seq":41,"id":"01JAX…","time":"2025-11-24T02:50:00.123Z",
//!  "prev":"<sha256 hex of record 40's payload>",
//!  "event":{"kind":"request", …}}
//! ```
//!
//! | field | meaning |
//! |---|---|
//! | `v` | schema version; readers accept every version up to their own |
//! | `seq` | position in the chain, from 0, never reused (retention keeps counting) |
//! | `id` | ULID: time-sortable, unique, what the proxy and the admin API quote |
//! | `time` | wall-clock time the writer made the record (RFC 3339, UTC, ms) |
//! | `prev` | SHA-256 of the previous record's payload bytes (64 zeros for the first) |
//! | `event` | what happened, tagged by `kind` (below) |
//!
//! Event kinds:
//! - `request`: one per request, written before any byte leaves ([`RecordDraft`]);
//! - `completion`: how a forwarded, routed or tunnelled request ended ([`Completion`]);
//! - `recovery`: bytes after a crash that are not a whole record, named so that
//!   nothing is hidden ([`RecoveryEvent`]);
//! - `retention`: whole segments removed past retention ([`RetentionEvent`]).
//!
//! The hash of a record is SHA-256 over its exact payload bytes, so verification
//! needs no canonical form. No field holds a detected value: values enter only
//! as [`ValueHash`]es, which only [`ValueKey::hash`](super::ValueKey::hash) makes.

use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::id::RecordId;
use super::time;
use crate::detect::{Finding, Label};
use crate::policy::{Action, Decision, FailureKind, FlowFacts};

/// The record schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Longest host, model, identity, provider, rule id or detector name kept (bytes).
pub const MAX_NAME_BYTES: usize = 256;
/// Longest path kept (bytes); the query string is never kept.
pub const MAX_PATH_BYTES: usize = 1024;

/// A SHA-256 digest in the chain (hex in JSON).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ChainHash(pub [u8; 32]);

impl ChainHash {
    /// The `prev` of the very first record.
    pub const GENESIS: ChainHash = ChainHash([0; 32]);

    /// SHA-256 of `payload`.
    pub fn of(payload: &[u8]) -> ChainHash {
        use sha2::Digest;
        ChainHash(sha2::Sha256::digest(payload).into())
    }

    /// Lowercase hex.
    pub fn to_hex(self) -> String {
        hex::encode(self.0)
    }

    /// From 64 hex digits.
    pub fn from_hex(s: &str) -> Option<ChainHash> {
        let mut out = [0u8; 32];
        hex::decode_to_slice(s, &mut out).ok()?;
        Some(ChainHash(out))
    }
}

impl fmt::Display for ChainHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for ChainHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ChainHash({})", &self.to_hex()[..12])
    }
}

impl Serialize for ChainHash {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for ChainHash {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ChainHash, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        ChainHash::from_hex(&s).ok_or_else(|| serde::de::Error::custom("expected 64 hex digits"))
    }
}

/// Milliseconds since the epoch; RFC 3339 (UTC, ms) in JSON.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Timestamp(pub u64);

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&time::format_ms(self.0))
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({self})")
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        time::parse_rfc3339(&s)
            .map(Timestamp)
            .ok_or_else(|| serde::de::Error::custom("expected an RFC 3339 time"))
    }
}

/// A keyed hash (HMAC-SHA256, 64 hex digits) of one detected value.
///
/// Only [`ValueKey::hash`](super::ValueKey::hash) (and so
/// [`AuditLog::value_hash`](super::AuditLog::value_hash)) makes one, and
/// reading one back checks it is 64 hex digits: there is no way to put a raw
/// value where a hash belongs.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ValueHash(String);

impl ValueHash {
    pub(crate) fn from_digest(d: [u8; 32]) -> ValueHash {
        ValueHash(hex::encode(d))
    }

    /// Parse 64 hex digits (as found in a record or typed by an investigator).
    pub fn parse(s: &str) -> Option<ValueHash> {
        let s = s.trim().to_ascii_lowercase();
        (s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())).then_some(ValueHash(s))
    }

    /// The hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The 32 digest bytes.
    pub fn to_bytes(&self) -> [u8; 32] {
        let mut out = [0u8; 32];
        // Constructors guarantee 64 hex digits.
        let _ = hex::decode_to_slice(&self.0, &mut out);
        out
    }
}

impl fmt::Display for ValueHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for ValueHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ValueHash({}…)", &self.0[..12.min(self.0.len())])
    }
}

impl Serialize for ValueHash {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ValueHash {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ValueHash, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        ValueHash::parse(&s).ok_or_else(|| serde::de::Error::custom("expected 64 hex digits"))
    }
}

/// One record of the chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Schema version ([`SCHEMA_VERSION`] when written by this build).
    pub v: u32,
    /// Position in the chain, from 0.
    pub seq: u64,
    /// Time-sortable id.
    pub id: RecordId,
    /// When the writer made the record.
    pub time: Timestamp,
    /// Hash of the previous record's payload.
    pub prev: ChainHash,
    /// What happened.
    pub event: Event,
}

impl Record {
    /// The request event, if this is a request record.
    pub fn request(&self) -> Option<&RecordDraft> {
        match &self.event {
            Event::Request(r) => Some(r),
            _ => None,
        }
    }
}

/// The fields verification needs; parses records of any version.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct ChainFields {
    pub v: u32,
    pub seq: u64,
    pub id: RecordId,
    pub prev: ChainHash,
    #[serde(default)]
    pub event: Option<EventKind>,
}

/// Just the `kind` of an event.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct EventKind {
    pub kind: String,
}

/// What a record says happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// A request and its decision (written before forwarding).
    Request(Box<RecordDraft>),
    /// How a request ended.
    Completion(Completion),
    /// Unreadable bytes found after a crash.
    Recovery(RecoveryEvent),
    /// Segments removed past retention.
    Retention(RetentionEvent),
}

impl Event {
    /// The `kind` tag.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::Request(_) => "request",
            Event::Completion(_) => "completion",
            Event::Recovery(_) => "recovery",
            Event::Retention(_) => "retention",
        }
    }
}

/// Who sent the request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Client {
    /// Client IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addr: Option<IpAddr>,
    /// Authenticated identity (proxy credentials, mTLS subject, API key name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
}

/// Where the request was going.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Destination {
    /// Host name, no port.
    pub host: String,
    /// Path, without the query string (which may carry anything).
    pub path: String,
}

/// The policy that decided.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyRef {
    /// `[policy] name`.
    pub name: String,
    /// [`CompiledPolicy::content_hash`](crate::policy::CompiledPolicy::content_hash).
    pub content_hash: String,
}

impl PolicyRef {
    /// The name and content hash of a compiled policy.
    pub fn of(policy: &crate::policy::CompiledPolicy) -> PolicyRef {
        PolicyRef {
            name: policy.name().to_string(),
            content_hash: policy.content_hash().to_string(),
        }
    }
}

/// One rule that fired, per label (from [`crate::policy::RuleHit`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleFired {
    /// Rule id from the policy file (`default` for the default rule).
    pub rule: String,
    /// Label of the findings it decided.
    pub label: Label,
    /// How many.
    pub count: u32,
    /// The rule's action.
    pub action: Action,
}

/// The decision, without the values it was about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionSummary {
    /// What happened to the request.
    pub action: Action,
    /// Every rule that fired.
    #[serde(default)]
    pub rules: Vec<RuleFired>,
    /// Findings per label (every finding the detectors reported, decided or not).
    #[serde(default)]
    pub labels: BTreeMap<Label, u32>,
    /// Set when an inspection failure decided (`on_error`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<FailureKind>,
    /// Backend name from the policy, when routed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
}

impl DecisionSummary {
    /// Summarize a policy decision over `findings` (the findings it was made on).
    pub fn of(decision: &Decision, findings: &[Finding]) -> DecisionSummary {
        let mut labels = BTreeMap::new();
        for f in findings {
            *labels.entry(f.label).or_insert(0u32) += 1;
        }
        DecisionSummary {
            action: decision.action,
            rules: decision
                .fired
                .iter()
                .map(|h| RuleFired {
                    rule: h.rule_id.clone(),
                    label: h.label,
                    count: u32::try_from(h.count).unwrap_or(u32::MAX),
                    action: h.action,
                })
                .collect(),
            labels,
            failure: decision.failure,
            route: decision.route.clone(),
        }
    }

    /// Total findings.
    pub fn findings(&self) -> u64 {
        self.labels.values().map(|&n| u64::from(n)).sum()
    }
}

/// Sizes in bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sizes {
    /// Request body as received (decoded size if it was compressed).
    pub request_bytes: u64,
    /// Request body as sent on (after redaction), when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forwarded_bytes: Option<u64>,
    /// Response body, when known (usually in the [`Completion`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_bytes: Option<u64>,
}

/// Why a request was blocked: a closed set, never free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockReason {
    /// A policy rule said `block` (the decision's rules say which).
    Policy,
    /// A detector failed.
    DetectorError,
    /// A detector timed out.
    DetectorTimeout,
    /// The NER model was not available.
    NerUnavailable,
    /// The body was over the size limit.
    BodyTooLarge,
    /// The body could not be decoded.
    UndecodableBody,
    /// Content text detection cannot inspect.
    UnsupportedContent,
}

impl From<FailureKind> for BlockReason {
    fn from(k: FailureKind) -> BlockReason {
        match k {
            FailureKind::DetectorError => BlockReason::DetectorError,
            FailureKind::DetectorTimeout => BlockReason::DetectorTimeout,
            FailureKind::NerUnavailable => BlockReason::NerUnavailable,
            FailureKind::BodyTooLarge => BlockReason::BodyTooLarge,
            FailureKind::UndecodableBody => BlockReason::UndecodableBody,
            FailureKind::UnsupportedContent => BlockReason::UnsupportedContent,
        }
    }
}

/// What went wrong, for `Outcome::Error`: a closed set, never free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// Could not connect to the upstream.
    UpstreamConnect,
    /// TLS with the upstream failed.
    UpstreamTls,
    /// The upstream did not answer in time.
    UpstreamTimeout,
    /// The upstream answered with something that is not HTTP.
    UpstreamProtocol,
    /// The local backend of a route was unreachable or failed.
    BackendUnavailable,
    /// The client went away.
    ClientDisconnected,
    /// The client sent a request the proxy could not read.
    BadRequest,
    /// Restoring pseudonyms in the response failed.
    ResponseRewrite,
    /// A bug or resource exhaustion in scrim.
    Internal,
}

/// What happened to the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Outcome {
    /// Sent to the destination (`status` once known).
    Forwarded {
        /// Upstream HTTP status.
        #[serde(default)]
        status: Option<u16>,
    },
    /// Sent to a local backend instead.
    Routed {
        /// Backend name from the policy.
        backend: String,
        /// Backend HTTP status.
        #[serde(default)]
        status: Option<u16>,
    },
    /// Refused.
    Blocked {
        /// Why.
        reason: BlockReason,
    },
    /// Passed through uninspected (CONNECT to a host not intercepted).
    Tunnelled,
    /// Refused before inspection (CONNECT to a host neither intercepted nor allowed).
    Denied,
    /// Failed.
    Error {
        /// What failed.
        kind: ErrorKind,
    },
}

impl Outcome {
    /// Short name: `forwarded`, `routed`, `blocked`, `tunnelled`, `denied`, `error`.
    pub fn name(&self) -> &'static str {
        match self {
            Outcome::Forwarded { .. } => "forwarded",
            Outcome::Routed { .. } => "routed",
            Outcome::Blocked { .. } => "blocked",
            Outcome::Tunnelled => "tunnelled",
            Outcome::Denied => "denied",
            Outcome::Error { .. } => "error",
        }
    }

    /// The HTTP status, when there is one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Outcome::Forwarded { status } | Outcome::Routed { status, .. } => *status,
            _ => None,
        }
    }

    /// One-word detail: the block reason, error kind or backend.
    pub fn detail(&self) -> String {
        match self {
            Outcome::Blocked { reason } => serde_name(reason),
            Outcome::Error { kind } => serde_name(kind),
            Outcome::Routed { backend, .. } => backend.clone(),
            _ => String::new(),
        }
    }
}

/// The JSON name of a unit variant (`body_too_large`).
fn serde_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The request record, as the proxy drafts it: plain data about the flow, the
/// decision and the outcome, and keyed hashes of the values. Nothing in it can
/// hold a detected value: free-text fields are names the proxy or the policy
/// chose (host, path without query, model, rule ids, detector names), and
/// values enter only as [`ValueHash`]es.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordDraft {
    /// Who sent it.
    #[serde(default)]
    pub client: Client,
    /// Where it was going.
    pub destination: Destination,
    /// Provider adapter that recognised the API (`openai`, `anthropic`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Requested model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// The policy that decided.
    pub policy: PolicyRef,
    /// The decision.
    pub decision: DecisionSummary,
    /// Names of the detectors whose findings were considered.
    #[serde(default)]
    pub detectors: Vec<String>,
    /// Sizes.
    #[serde(default)]
    pub sizes: Sizes,
    /// Time scrim spent on the request before deciding (inspection, detection,
    /// policy), in milliseconds.
    pub latency_ms: u64,
    /// What happened (or, for a forwarded request, what is about to happen: its
    /// status arrives in the [`Completion`]).
    pub outcome: Outcome,
    /// Keyed hashes of the detected values, with their labels.
    #[serde(default)]
    pub value_hashes: Vec<(Label, ValueHash)>,
}

impl RecordDraft {
    /// A draft for a flow, with an empty decision (`allow`, nothing found),
    /// no sizes and `outcome`.
    pub fn from_flow(flow: &FlowFacts, policy: PolicyRef, outcome: Outcome) -> RecordDraft {
        RecordDraft {
            client: Client {
                addr: flow.client_ip,
                identity: flow.client_id.clone(),
            },
            destination: Destination {
                host: flow.destination_host.clone(),
                path: flow.path.clone(),
            },
            provider: flow.provider.clone(),
            model: flow.model.clone(),
            policy,
            decision: DecisionSummary::default(),
            detectors: Vec::new(),
            sizes: Sizes::default(),
            latency_ms: 0,
            outcome,
            value_hashes: Vec::new(),
        }
    }

    /// Set the decision and the detectors from the findings it was made on.
    pub fn with_decision(mut self, decision: &Decision, findings: &[Finding]) -> RecordDraft {
        self.decision = DecisionSummary::of(decision, findings);
        self.detectors = detectors_of(findings);
        self
    }

    /// Bound every free-text field and drop the path's query string and
    /// fragment. The writer applies this to every draft.
    pub(crate) fn sanitize(&mut self) {
        let path = &mut self.destination.path;
        if let Some(cut) = path.find(['?', '#']) {
            path.truncate(cut);
        }
        truncate(path, MAX_PATH_BYTES);
        truncate(&mut self.destination.host, MAX_NAME_BYTES);
        // Host names are case-insensitive; the index and queries use lower case.
        self.destination.host.make_ascii_lowercase();
        for s in [
            &mut self.client.identity,
            &mut self.provider,
            &mut self.model,
            &mut self.decision.route,
        ]
        .into_iter()
        .flatten()
        {
            truncate(s, MAX_NAME_BYTES);
        }
        truncate(&mut self.policy.name, MAX_NAME_BYTES);
        truncate(&mut self.policy.content_hash, MAX_NAME_BYTES);
        if let Outcome::Routed { backend, .. } = &mut self.outcome {
            truncate(backend, MAX_NAME_BYTES);
        }
        for r in &mut self.decision.rules {
            truncate(&mut r.rule, MAX_NAME_BYTES);
        }
        for d in &mut self.detectors {
            truncate(d, MAX_NAME_BYTES);
        }
    }
}

/// The distinct detector names of `findings`, sorted.
pub fn detectors_of(findings: &[Finding]) -> Vec<String> {
    let mut names: Vec<String> = findings.iter().map(|f| f.detector.to_string()).collect();
    names.sort();
    names.dedup();
    names
}

fn truncate(s: &mut String, max: usize) {
    if s.len() > max {
        let mut cut = max;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
    }
}

/// How a forwarded, routed or tunnelled request ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completion {
    /// The request record this completes.
    pub of: RecordId,
    /// The final outcome (with the status), or `Error` if it failed.
    pub outcome: Outcome,
    /// Response body bytes sent back to the client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_bytes: Option<u64>,
    /// Milliseconds from the request's arrival to the end of the response.
    pub total_ms: u64,
}

/// A run of bytes that is not a whole record (a write torn by a crash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TornSpan {
    /// Segment number.
    pub segment: u64,
    /// Byte offset where the whole frames end.
    pub offset: u64,
    /// How many bytes follow (to the end of the file).
    pub bytes: u64,
    /// SHA-256 of those bytes, so that verification can tell they did not change.
    pub sha256: ChainHash,
}

/// Written first when a log is reopened after a crash left bytes that are not
/// a whole record: the writer never truncates, it names them and continues in
/// a new segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryEvent {
    /// The torn spans, oldest first.
    pub torn: Vec<TornSpan>,
}

/// Segments removed because they were past retention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionEvent {
    /// The retention in force, in days.
    pub retention_days: u32,
    /// Segment numbers removed now.
    pub removed: Vec<u64>,
    /// Every segment up to and including this number is gone.
    pub removed_through: u64,
    /// `seq` of the first record kept.
    pub first_kept_seq: u64,
    /// `prev` of the first record kept (the hash of the last one removed).
    pub boundary: ChainHash,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> RecordDraft {
        let mut flow = FlowFacts::new("api.openai.com", "/v1/chat/completions?key=abc#x");
        flow.client_ip = Some("10.0.0.7".parse().unwrap());
        flow.client_id = Some("laptop-42".into());
        flow.model = Some("gpt-4o".into());
        let mut d = RecordDraft::from_flow(
            &flow,
            PolicyRef {
                name: "default".into(),
                content_hash: "ab".repeat(32),
            },
            Outcome::Forwarded { status: None },
        );
        d.decision.labels.insert(Label::UsSsn, 2);
        d.value_hashes
            .push((Label::UsSsn, ValueHash::from_digest([7; 32])));
        d
    }

    #[test]
    fn json_round_trip() {
        let r = Record {
            v: SCHEMA_VERSION,
            seq: 3,
            id: RecordId::from_parts(1_763_952_600_123, 9),
            time: Timestamp(1_763_952_600_123),
            prev: ChainHash::of(b"x"),
            event: Event::Request(Box::new(draft())),
        };
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains("\"kind\":\"request\""), "{json}");
        assert!(json.contains("\"labels\":{\"US_SSN\":2}"), "{json}");
        assert!(
            json.contains("\"outcome\":{\"type\":\"forwarded\",\"status\":null}"),
            "{json}"
        );
        let back: Record = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
        let chain: ChainFields = serde_json::from_str(&json).unwrap();
        assert_eq!((chain.seq, chain.prev), (3, r.prev));
    }

    #[test]
    fn sanitize_drops_query_and_bounds_names() {
        let mut d = draft();
        d.model = Some("é".repeat(300));
        d.sanitize();
        assert_eq!(d.destination.path, "/v1/chat/completions");
        assert!(d.model.as_ref().unwrap().len() <= MAX_NAME_BYTES);
    }

    #[test]
    fn value_hashes_reject_text() {
        assert!(ValueHash::parse("078-05-1120").is_none());
        assert!(serde_json::from_str::<ValueHash>("\"jo@example.org\"").is_err());
        let h = ValueHash::from_digest([0xAB; 32]);
        assert_eq!(
            ValueHash::parse(&h.as_str().to_uppercase()),
            Some(h.clone())
        );
        assert_eq!(h.to_bytes(), [0xAB; 32]);
    }

    #[test]
    fn outcome_details() {
        assert_eq!(
            Outcome::Blocked {
                reason: BlockReason::BodyTooLarge
            }
            .detail(),
            "body_too_large"
        );
        assert_eq!(
            Outcome::Error {
                kind: ErrorKind::UpstreamTls
            }
            .detail(),
            "upstream_tls"
        );
        assert_eq!(Outcome::Forwarded { status: Some(200) }.status(), Some(200));
    }
}
