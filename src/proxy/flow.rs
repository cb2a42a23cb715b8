//! One request's life, as named phases (DESIGN.md's data path):
//!
//! ```text
//! collect (bounded) ─▶ decode (Content-Encoding) ─▶ segments (JSON strings, text parts)
//!   ─▶ detect (blocking pool, deadline) ─▶ allow-list ─▶ evaluate (policy)
//!   ─▶ audit (durable BEFORE any byte leaves) ─▶ act: forward | rewrite+forward | block | route
//!   ─▶ response (pseudonyms restored, streaming-aware)
//! ```
//!
//! Every failure on the way is a [`FailureKind`] the policy decides (`on_error`,
//! block by default), and every path ends in exactly one decision record.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::{Method, Request, Response, StatusCode};
use hyper::body::Incoming;

use super::body::{self, Body, CollectError};
use super::record::{AuditFacts, Outcome};
use super::respond;
use super::Shared;
use crate::detect::ner::NerError;
use crate::detect::pipeline::ScanError;
use crate::detect::Finding;
use crate::inspect::provider::{self, ApiKind, Provider};
use crate::inspect::{json, multipart};
use crate::policy::{evaluate, on_failure, Action, Decision, FailureKind, FlowFacts};
use crate::redact::Pseudonyms;

/// Where a request is going, as the proxy determined it.
#[derive(Debug, Clone)]
pub struct Destination {
    /// `https` or `http`.
    pub scheme: &'static str,
    /// Host name (or IP) to connect to.
    pub host: String,
    /// Port.
    pub port: u16,
    /// Path and query, as sent upstream.
    pub path_and_query: String,
    /// The provider the client named by its gateway prefix (`/gemini/…`), if it
    /// came in gateway mode: the base URL behind a prefix may be any host, so the
    /// prefix decides where host and path do not.
    pub gateway: Option<Provider>,
}

impl Destination {
    /// `scheme://host[:port]`.
    pub fn origin(&self) -> String {
        let default = if self.scheme == "https" { 443 } else { 80 };
        if self.port == default {
            format!("{}://{}", self.scheme, self.host)
        } else {
            format!("{}://{}:{}", self.scheme, self.host, self.port)
        }
    }
}

/// Who is asking.
#[derive(Debug, Clone)]
pub struct Client {
    /// Peer address.
    pub addr: SocketAddr,
    /// Authenticated proxy user, if any.
    pub identity: Option<String>,
}

/// Hop-by-hop headers, never forwarded (RFC 9110 §7.6.1) plus proxy credentials.
const HOP_BY_HOP: &[&str] = &[
    "connection",
    "proxy-connection",
    "keep-alive",
    "proxy-authorization",
    "proxy-authenticate",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

/// The segments of a body scrim scans.
struct Inspected {
    /// The decoded body bytes.
    body: Vec<u8>,
    /// What it is.
    kind: BodyKind,
    /// Text segments (for JSON: every string value).
    segments: Vec<json::Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum BodyKind {
    Empty,
    Json,
    /// JSON Lines (batch files): every string of every line.
    JsonLines,
    Text,
    /// `multipart/form-data` (file uploads): the text parts are segments.
    Multipart {
        boundary: String,
        parts: Vec<multipart::Part>,
        /// The part of each segment.
        part_of_segment: Vec<usize>,
        /// Parts that are not text (audio, images, archives).
        binary_parts: usize,
    },
}

/// Handle one inspected request (intercepted TLS, plain HTTP to an intercepted host,
/// or gateway mode).
pub async fn handle(
    shared: Arc<Shared>,
    client: Client,
    dest: Destination,
    req: Request<Incoming>,
) -> Response<Body> {
    let started = Instant::now();
    let active = shared.active.load_full();
    let policy = Arc::clone(&active.policy);
    let target = provider::classify_with_hint(&dest.host, &dest.path_and_query, dest.gateway);
    let (provider, api) = (target.provider, target.kind);
    let mut facts = FlowFacts::new(&dest.host, path_only(&dest.path_and_query));
    facts.provider = Some(provider.as_str().to_string());
    facts.client_id = client.identity.clone();
    facts.client_ip = Some(client.addr.ip());
    let mut audit = AuditFacts::new(&client, &dest, provider, &policy);

    let (parts, incoming) = req.into_parts();
    let ctx = RequestContext {
        shared: &shared,
        policy: &policy,
        dest: &dest,
        provider,
        api,
        started,
    };
    // WebSocket upgrades to intercepted hosts cannot be inspected. An upgraded
    // connection is a byte stream scrim does not relay: even where `on_error`
    // allows it, there is no body to forward.
    if parts.headers.contains_key(header::UPGRADE) {
        let decision = on_failure(&policy, FailureKind::UnsupportedContent, &facts);
        audit.failure = Some(FailureKind::UnsupportedContent);
        return ctx.act(audit, decision, parts, None).await;
    }

    // collect + decode + segment
    let inspected = match inspect_request(&shared, &parts.headers, incoming).await {
        Ok(i) => i,
        Err(Uninspected { kind, body }) => {
            let decision = on_failure(&policy, kind, &facts);
            audit.failure = Some(kind);
            audit.request_bytes = body.as_ref().map_or(0, |b| b.bytes.len() as u64);
            return ctx.act(audit, decision, parts, body).await;
        }
    };
    audit.request_bytes = inspected.body.len() as u64;
    if inspected.kind == BodyKind::Json {
        facts.model = provider::describe(&target, &inspected.body).model;
        audit.model = facts.model.clone();
    }
    // Images, audio and files inside an inspectable body: `on_error` decides;
    // `allow` lets the text parts go on to detection.
    let binary_parts = match &inspected.kind {
        BodyKind::Multipart { binary_parts, .. } => *binary_parts,
        BodyKind::Json => provider::media_count(api, &inspected.segments),
        _ => 0,
    };
    if binary_parts > 0 {
        let decision = on_failure(&policy, FailureKind::UnsupportedContent, &facts);
        audit.failure = Some(FailureKind::UnsupportedContent);
        if decision.action != Action::Allow {
            let body = Some(Forwardable::decoded(inspected.body));
            return ctx.act(audit, decision, parts, body).await;
        }
    }

    // detect
    let texts: Vec<String> = inspected.segments.iter().map(|s| s.value.clone()).collect();
    let detect_started = Instant::now();
    let pipeline = Arc::clone(&active.pipeline);
    let deadline = std::time::Duration::from_millis(shared.config.detect_timeout_ms);
    let slots = Arc::clone(&shared.scan_slots);
    let scan = async move {
        // The semaphore is never closed, so a permit always comes (or the
        // deadline does first).
        let permit = slots.acquire_owned().await.ok();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            pipeline.scan_many(&refs)
        })
        .await
    };
    let scanned = match tokio::time::timeout(deadline, scan).await {
        Ok(Ok(Ok(found))) => Ok(found),
        Ok(Ok(Err(ScanError::Ner(e)))) => Err(match e {
            NerError::Timeout(_) => FailureKind::DetectorTimeout,
            NerError::Unavailable(_) => FailureKind::NerUnavailable,
            NerError::Inference(_) | NerError::Overloaded => FailureKind::DetectorError,
        }),
        Ok(Err(_)) => Err(FailureKind::DetectorError),
        Err(_) => Err(FailureKind::DetectorTimeout),
    };
    let per_segment = match scanned {
        Ok(found) => found,
        Err(kind) => {
            let decision = on_failure(&policy, kind, &facts);
            audit.failure = Some(kind);
            let body = Some(Forwardable::decoded(inspected.body));
            return ctx.act(audit, decision, parts, body).await;
        }
    };
    shared.metrics.detection_time(detect_started.elapsed());

    // allow-list, flatten
    let mut findings: Vec<Finding> = Vec::new();
    let mut owners: Vec<usize> = Vec::new();
    for (i, (seg, found)) in inspected.segments.iter().zip(per_segment).enumerate() {
        for f in found {
            if !policy.is_allowed(&seg.value, &f) {
                findings.push(f);
                owners.push(i);
            }
        }
    }
    let decision = evaluate(&policy, &findings, &facts);
    audit.set_findings(&findings, &owners, &inspected.segments, &shared.audit);
    audit.detectors = active.pipeline.detector_names();
    for f in &findings {
        shared.metrics.findings(f.label.as_str(), 1);
    }

    match decision.action {
        Action::Block => {
            finish_blocked_or_failed(&shared, audit, decision, provider, started).await
        }
        Action::Allow => {
            let body = Forwardable::decoded(inspected.body);
            ctx.forward_unchanged(audit, &decision, parts, body).await
        }
        Action::Redact => {
            // The client's own map, so no placeholder names two values in the
            // turns of a conversation the provider keeps (see `memory`). Held
            // only while the body is rewritten (no await in between); the answer
            // restores only this request's own values.
            let client_key = super::memory::client_key(
                client.identity.as_deref(),
                &parts.headers,
                &dest.path_and_query,
            );
            let map = shared.pseudonyms.for_request(client_key);
            let rewritten = {
                let mut pseudonyms = map
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                pseudonyms.begin_request();
                rewrite(
                    &shared,
                    &inspected,
                    &findings,
                    &owners,
                    &decision,
                    &mut pseudonyms,
                )
                .map(|body| {
                    let restore = Some(pseudonyms.request_restore_map()).filter(|m| !m.is_empty());
                    (body, restore)
                })
            };
            let (body, restore) = match rewritten {
                Ok(b) => b,
                Err(kind) => {
                    // The redacted body cannot be rebuilt, and the original must
                    // not go out: block, whatever `on_error` says.
                    audit.failure = Some(kind);
                    let mut block = decision;
                    block.action = Action::Block;
                    block.reason =
                        format!("block: the redacted body could not be rebuilt ({kind})");
                    return finish_blocked_or_failed(&shared, audit, block, provider, started)
                        .await;
                }
            };
            if let Err(resp) = audit
                .commit(&shared, &decision, Outcome::Forwarded, started)
                .await
            {
                return resp;
            }
            shared.metrics.request("redact", provider.as_str());
            forward(
                &shared,
                &dest,
                parts,
                Bytes::from(body),
                restore,
                provider,
                api,
                false,
            )
            .await
        }
        Action::Route => ctx.route(audit, decision, parts, inspected.body).await,
    }
}

/// The original body of a request whose inspection failed, kept so that an
/// `on_error` of `allow` or `route` can still send it.
struct Forwardable {
    bytes: Vec<u8>,
    /// The bytes are still in the request's `Content-Encoding` (it could not be
    /// decoded): forward them with that header.
    keep_encoding: bool,
}

impl Forwardable {
    fn decoded(bytes: Vec<u8>) -> Forwardable {
        Forwardable {
            bytes,
            keep_encoding: false,
        }
    }
}

/// Why a body could not be inspected, and what of it is left to forward (nothing
/// for a body over the size cap: scrim stopped reading it).
struct Uninspected {
    kind: FailureKind,
    body: Option<Forwardable>,
}

impl Uninspected {
    fn new(kind: FailureKind, bytes: Vec<u8>, keep_encoding: bool) -> Uninspected {
        let body = Forwardable {
            bytes,
            keep_encoding,
        };
        Uninspected {
            kind,
            body: Some(body),
        }
    }
}

/// What carrying out a decision needs besides the decision and the request.
struct RequestContext<'a> {
    shared: &'a Arc<Shared>,
    policy: &'a crate::policy::CompiledPolicy,
    dest: &'a Destination,
    provider: Provider,
    api: ApiKind,
    started: Instant,
}

impl RequestContext<'_> {
    /// Carry out an inspection failure's decision (`on_error`): `allow` forwards
    /// the original body unchanged and `route` sends it to the local backend, each
    /// recorded like any decision; anything else, or no body left to send, blocks.
    async fn act(
        &self,
        audit: AuditFacts,
        mut decision: Decision,
        parts: http::request::Parts,
        body: Option<Forwardable>,
    ) -> Response<Body> {
        let (shared, provider) = (self.shared, self.provider);
        match (decision.action, body) {
            (Action::Allow, Some(body)) => {
                self.forward_unchanged(audit, &decision, parts, body).await
            }
            // A backend needs the decoded request (its model field, a translation).
            (Action::Route, Some(body)) if !body.keep_encoding => {
                self.route(audit, decision, parts, body.bytes).await
            }
            (Action::Allow | Action::Route, _) => {
                decision.reason = format!(
                    "block: {} (the policy says {}, but the request cannot be sent on)",
                    decision.reason, decision.action
                );
                decision.action = Action::Block;
                finish_blocked_or_failed(shared, audit, decision, provider, self.started).await
            }
            _ => finish_blocked_or_failed(shared, audit, decision, provider, self.started).await,
        }
    }

    /// Record an `allow` decision and forward the body as it came.
    async fn forward_unchanged(
        &self,
        audit: AuditFacts,
        decision: &Decision,
        parts: http::request::Parts,
        body: Forwardable,
    ) -> Response<Body> {
        if let Err(resp) = audit
            .commit(self.shared, decision, Outcome::Forwarded, self.started)
            .await
        {
            return resp;
        }
        self.shared.metrics.request("allow", self.provider.as_str());
        forward(
            self.shared,
            self.dest,
            parts,
            Bytes::from(body.bytes),
            None,
            self.provider,
            self.api,
            body.keep_encoding,
        )
        .await
    }

    /// Record a `route` decision and send the original request to its backend
    /// (never to the cloud); without a backend the request is blocked.
    async fn route(
        &self,
        audit: AuditFacts,
        decision: Decision,
        parts: http::request::Parts,
        body: Vec<u8>,
    ) -> Response<Body> {
        let (shared, provider, started) = (self.shared, self.provider, self.started);
        let backend = decision
            .route
            .clone()
            .and_then(|name| Some((self.policy.backends().get(&name).cloned()?, name)));
        let Some((backend, backend_name)) = backend else {
            return finish_blocked_or_failed(shared, audit, decision, provider, started).await;
        };
        if let Err(resp) = audit
            .commit(
                shared,
                &decision,
                Outcome::Routed {
                    backend: backend_name.clone(),
                },
                started,
            )
            .await
        {
            return resp;
        }
        shared.metrics.request("route", provider.as_str());
        super::route::route(
            shared,
            &backend_name,
            &backend,
            parts,
            body,
            provider,
            self.api,
            self.dest,
        )
        .await
    }
}

/// Record a blocking decision (or an inspection failure's decision) and answer
/// in the provider's error format.
async fn finish_blocked_or_failed(
    shared: &Arc<Shared>,
    audit: AuditFacts,
    decision: Decision,
    provider: Provider,
    started: Instant,
) -> Response<Body> {
    let kind = decision.failure;
    if let Err(resp) = audit
        .commit(shared, &decision, Outcome::Blocked, started)
        .await
    {
        return resp;
    }
    shared.metrics.request("block", provider.as_str());
    respond::policy_block(provider, &decision, kind)
}

fn path_only(path_and_query: &str) -> &str {
    path_and_query.split('?').next().unwrap_or("/")
}

/// Collect, decode and segment a request body. An error is the failure kind with
/// what is left of the body to forward.
async fn inspect_request(
    shared: &Shared,
    headers: &HeaderMap,
    incoming: Incoming,
) -> Result<Inspected, Uninspected> {
    let lost = |kind| Uninspected { kind, body: None };
    let raw = match body::collect_limited(incoming, shared.config.max_body_bytes).await {
        Ok(b) => b,
        Err(CollectError::TooLarge) => return Err(lost(FailureKind::BodyTooLarge)),
        Err(CollectError::Io(_)) => return Err(lost(FailureKind::UndecodableBody)),
    };
    if raw.is_empty() {
        return Ok(Inspected {
            body: Vec::new(),
            kind: BodyKind::Empty,
            segments: Vec::new(),
        });
    }
    let encoding = headers
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok());
    let decoded = match crate::inspect::decode::decode_body(
        encoding,
        &raw,
        shared.config.max_decoded_body_bytes,
    ) {
        Ok(d) => d,
        Err(e) => return Err(Uninspected::new(e.failure_kind(), raw.to_vec(), true)),
    };
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    segment(decoded, &content_type)
        .map_err(|(kind, decoded)| Uninspected::new(kind, decoded, false))
}

/// The segments of a decoded body by its content type; an error gives the bytes back.
fn segment(decoded: Vec<u8>, content_type: &str) -> Result<Inspected, (FailureKind, Vec<u8>)> {
    let looks_json = decoded
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| matches!(b, b'{' | b'['));
    // `curl -d '{…}'` labels JSON as a form: treat a form that parses as JSON as
    // JSON (a real form body never starts with `{` or `[`).
    let form = content_type.starts_with("application/x-www-form-urlencoded");
    if content_type.contains("json")
        && !content_type.contains("jsonl")
        && !content_type.contains("ndjson")
        || ((content_type.is_empty() || form) && looks_json)
    {
        return match json::segments(&decoded) {
            Ok(segments) => Ok(Inspected {
                body: decoded,
                kind: BodyKind::Json,
                segments,
            }),
            Err(e) => Err((e.failure_kind(), decoded)),
        };
    }
    if content_type.contains("jsonl") || content_type.contains("ndjson") {
        return match multipart::jsonl_segments(&decoded) {
            Ok(segments) => Ok(Inspected {
                body: decoded,
                kind: BodyKind::JsonLines,
                segments,
            }),
            Err(e) => Err((e.failure_kind(), decoded)),
        };
    }
    if content_type.starts_with("multipart/") {
        let Some(boundary) = multipart::boundary(content_type) else {
            return Err((FailureKind::UndecodableBody, decoded));
        };
        let parts = match multipart::parts(&decoded, &boundary) {
            Ok(p) => p,
            Err(e) => return Err((e.failure_kind(), decoded)),
        };
        let (part_of_segment, segments) = multipart::text_segments(&parts).into_iter().unzip();
        let binary_parts = multipart::binary_count(&parts);
        return Ok(Inspected {
            body: decoded,
            kind: BodyKind::Multipart {
                boundary,
                parts,
                part_of_segment,
                binary_parts,
            },
            segments,
        });
    }
    if content_type.starts_with("text/") || content_type.is_empty() {
        let text = match String::from_utf8(decoded) {
            Ok(t) => t,
            Err(e) => return Err((FailureKind::UndecodableBody, e.into_bytes())),
        };
        let segments = vec![json::Segment {
            pointer: String::new(),
            value: text.clone(),
            span: (0, text.len()),
            is_key: false,
        }];
        return Ok(Inspected {
            body: text.into_bytes(),
            kind: BodyKind::Text,
            segments,
        });
    }
    // Binary content (images, audio, archives) and shapes we cannot read.
    Err((FailureKind::UnsupportedContent, decoded))
}

/// Apply the decision's redactions to every segment and rebuild the body (an
/// error when the body cannot be rebuilt safely, e.g. a replacement that would
/// forge a multipart boundary).
fn rewrite(
    shared: &Shared,
    inspected: &Inspected,
    findings: &[Finding],
    owners: &[usize],
    decision: &Decision,
    pseudonyms: &mut Pseudonyms,
) -> Result<Vec<u8>, FailureKind> {
    // Group the redactions per segment, keeping the decision's per-finding operators.
    let mut per_segment: Vec<Vec<(usize, crate::redact::Operator)>> =
        vec![Vec::new(); inspected.segments.len()];
    for &(i, op) in &decision.redactions {
        if let Some(&seg) = owners.get(i) {
            per_segment[seg].push((i, op));
        }
    }
    let key = &shared.redact_key;
    let mut replacements = Vec::new();
    for (seg_index, edits) in per_segment.iter().enumerate() {
        if edits.is_empty() {
            continue;
        }
        let seg = &inspected.segments[seg_index];
        let mut list: Vec<(&Finding, crate::redact::Operator)> =
            edits.iter().map(|&(i, op)| (&findings[i], op)).collect();
        list.sort_by_key(|(f, _)| f.start);
        let new_value = crate::redact::apply_each(&seg.value, &list, Some(key), pseudonyms);
        replacements.push((seg_index, new_value));
    }
    match &inspected.kind {
        BodyKind::Json => Ok(json::rewrite(
            &inspected.body,
            &inspected.segments,
            &replacements,
        )),
        BodyKind::JsonLines => Ok(multipart::rewrite_jsonl(
            &inspected.body,
            &inspected.segments,
            &replacements,
        )),
        BodyKind::Text => Ok(replacements
            .into_iter()
            .next()
            .map(|(_, v)| v.into_bytes())
            .unwrap_or_else(|| inspected.body.clone())),
        BodyKind::Multipart {
            boundary,
            parts,
            part_of_segment,
            ..
        } => {
            let by_part: Vec<(usize, String)> = replacements
                .into_iter()
                .filter_map(|(seg, v)| Some((*part_of_segment.get(seg)?, v)))
                .collect();
            multipart::rewrite_parts(&inspected.body, parts, boundary, &by_part)
                .map_err(|e| e.failure_kind())
        }
        BodyKind::Empty => Ok(Vec::new()),
    }
}

/// Forward (possibly rewritten) bytes upstream and stream the answer back,
/// restoring pseudonyms when `restore` is set. The bytes are decoded unless
/// `keep_encoding` (an undecodable body an `on_error` of `allow` lets through).
#[allow(clippy::too_many_arguments)] // one request's parts, as in route::route
async fn forward(
    shared: &Arc<Shared>,
    dest: &Destination,
    parts: http::request::Parts,
    body_bytes: Bytes,
    restore: Option<std::collections::HashMap<String, String>>,
    provider: Provider,
    api: ApiKind,
    keep_encoding: bool,
) -> Response<Body> {
    let uri = format!("{}{}", dest.origin(), dest.path_and_query);
    let mut builder = Request::builder().method(parts.method.clone()).uri(&uri);
    let headers = builder.headers_mut();
    if let Some(h) = headers {
        copy_request_headers(&parts.headers, h);
        h.insert(header::HOST, host_header(dest));
        if !keep_encoding {
            h.remove(header::CONTENT_ENCODING); // the body is forwarded decoded
        }
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(body_bytes.len()));
        if restore.is_some() {
            // Restoring needs plain bytes back.
            h.insert(
                header::ACCEPT_ENCODING,
                HeaderValue::from_static("identity"),
            );
        }
    }
    let method_has_body =
        !matches!(parts.method, Method::GET | Method::HEAD) || !body_bytes.is_empty();
    let req = match builder.body(if method_has_body {
        body::full(body_bytes)
    } else {
        body::empty()
    }) {
        Ok(r) => r,
        Err(_) => {
            return respond::blocked(
                provider,
                StatusCode::BAD_REQUEST,
                "malformed request",
                "bad_request",
            )
        }
    };
    let t = Instant::now();
    let resp = match shared.upstream.send(req).await {
        Ok(r) => r,
        Err(e) => {
            tracing::warn!(host = %dest.host, error = %e, "upstream failed");
            return respond::blocked(
                provider,
                StatusCode::BAD_GATEWAY,
                "the upstream API could not be reached",
                "upstream_unreachable",
            );
        }
    };
    shared.metrics.upstream_time(t.elapsed());
    super::respond::relay(
        resp,
        restore,
        provider,
        api,
        shared.config.max_decoded_body_bytes,
    )
    .await
}

fn host_header(dest: &Destination) -> HeaderValue {
    let default = if dest.scheme == "https" { 443 } else { 80 };
    let v = if dest.port == default {
        dest.host.clone()
    } else {
        format!("{}:{}", dest.host, dest.port)
    };
    HeaderValue::from_str(&v).unwrap_or_else(|_| HeaderValue::from_static("invalid"))
}

/// Copy end-to-end request headers (not hop-by-hop, not length/host: set by us).
pub fn copy_request_headers(from: &HeaderMap, to: &mut HeaderMap) {
    let connection_listed: Vec<String> = from
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(',').map(|s| s.trim().to_ascii_lowercase()))
        .collect();
    for (name, value) in from {
        let n = name.as_str();
        if HOP_BY_HOP.contains(&n)
            || n == "host"
            || n == "content-length"
            || connection_listed.iter().any(|c| c == n)
        {
            continue;
        }
        to.append(name.clone(), value.clone());
    }
}

/// Copy end-to-end response headers.
pub fn copy_response_headers(from: &HeaderMap, to: &mut HeaderMap) {
    for (name, value) in from {
        let n = name.as_str();
        if HOP_BY_HOP.contains(&n) {
            continue;
        }
        to.append(name.clone(), value.clone());
    }
}

/// Header names the proxy adds to its own responses.
pub fn scrim_header() -> HeaderName {
    HeaderName::from_static("x-scrim-decision")
}
