//! Responses the proxy makes or relays: errors in the provider's own format (one
//! place maps a decision or failure to a response, naming entity types and rule
//! ids, never values), and upstream responses relayed back, with pseudonyms
//! restored in JSON bodies and SSE streams (text that could still become a
//! placeholder is held back; everything else streams without added buffering).

use std::collections::HashMap;
use std::sync::Arc;

use bytes::Bytes;
use http::header::{self, HeaderValue};
use http::{Response, StatusCode};
use http_body_util::BodyExt;
use hyper::body::Incoming;

use super::body::{self, Body};
use super::flow::copy_response_headers;
use crate::inspect::errors::{error_body, ErrorKind};
use crate::inspect::provider::{ApiKind, Provider};
use crate::inspect::restore::{restore_json, restore_text, PlaceholderMap, SseRestorer};
use crate::policy::{Decision, FailureKind};

fn error_response(
    provider: Provider,
    kind: ErrorKind,
    message: &str,
    code: &str,
) -> Response<Body> {
    let e = error_body(provider, kind, message, code);
    let mut resp = Response::new(body::full(e.body));
    *resp.status_mut() = StatusCode::from_u16(e.status).unwrap_or(StatusCode::FORBIDDEN);
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(e.content_type),
    );
    resp.headers_mut().insert(
        header::HeaderName::from_static("x-should-retry"),
        HeaderValue::from_static(if e.should_retry { "true" } else { "false" }),
    );
    resp
}

/// A refusal that is not a policy decision (malformed request, upstream down).
pub fn blocked(
    provider: Provider,
    status: StatusCode,
    message: &str,
    code: &str,
) -> Response<Body> {
    let kind = match status.as_u16() {
        413 => ErrorKind::TooLarge,
        400 => ErrorKind::Malformed,
        502 | 504 => ErrorKind::Upstream,
        503 => ErrorKind::Unavailable,
        _ => ErrorKind::PolicyBlocked,
    };
    error_response(provider, kind, &format!("scrim: {message}"), code)
}

/// scrim itself (audit store) or a local backend is unavailable.
pub fn unavailable(provider: Provider, message: &str, code: &str) -> Response<Body> {
    error_response(
        provider,
        ErrorKind::Unavailable,
        &format!("scrim: {message}"),
        code,
    )
}

/// The response to a `block` decision (a rule, or `on_error` for a failure).
pub fn policy_block(
    provider: Provider,
    decision: &Decision,
    failure: Option<FailureKind>,
) -> Response<Body> {
    let (kind, code) = match failure {
        Some(FailureKind::BodyTooLarge) => (ErrorKind::TooLarge, "body_too_large"),
        Some(FailureKind::UndecodableBody) => (ErrorKind::Malformed, "undecodable_body"),
        Some(f) => (ErrorKind::PolicyBlocked, f.as_str()),
        None => (ErrorKind::PolicyBlocked, "policy_blocked"),
    };
    let message = format!("scrim blocked this request: {}", decision.reason);
    let mut resp = error_response(provider, kind, &message, code);
    resp.headers_mut().insert(
        super::flow::scrim_header(),
        HeaderValue::from_static("block"),
    );
    resp
}

/// Relay an upstream response. With `restore`, placeholders in the body are put
/// back: JSON bodies whole, SSE streams event by event.
pub async fn relay(
    resp: Response<Incoming>,
    restore: Option<HashMap<String, String>>,
    provider: Provider,
    _api: ApiKind,
    max_bytes: usize,
) -> Response<Body> {
    let (parts, incoming) = resp.into_parts();
    let mut out = Response::builder()
        .status(parts.status)
        .version(http::Version::HTTP_11);
    let Some(map) = restore else {
        if let Some(h) = out.headers_mut() {
            copy_response_headers(&parts.headers, h);
        }
        return out.body(body::stream(incoming)).unwrap_or_else(|_| {
            blocked(
                provider,
                StatusCode::BAD_GATEWAY,
                "bad upstream response",
                "upstream_protocol",
            )
        });
    };
    let map = Arc::new(PlaceholderMap::from_pairs(map));
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let encoding = parts
        .headers
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if let Some(h) = out.headers_mut() {
        copy_response_headers(&parts.headers, h);
        // The body changes length; it is sent decoded.
        h.remove(header::CONTENT_LENGTH);
        h.remove(header::CONTENT_ENCODING);
    }
    if content_type.starts_with("text/event-stream") && encoding.is_none() {
        let (tx, body) = body::channel(16);
        tokio::spawn(async move {
            let mut restorer = SseRestorer::new(map);
            let mut incoming = incoming;
            loop {
                match incoming.frame().await {
                    Some(Ok(frame)) => {
                        if let Some(data) = frame.data_ref() {
                            let bytes = restorer.push_bytes(data);
                            if !bytes.is_empty() && tx.send(Ok(Bytes::from(bytes))).await.is_err() {
                                return; // client gone
                            }
                        }
                    }
                    Some(Err(e)) => {
                        let _ = tx.send(Err(Box::new(e))).await;
                        return;
                    }
                    None => break,
                }
            }
            let tail = restorer.finish_bytes();
            if !tail.is_empty() {
                let _ = tx.send(Ok(Bytes::from(tail))).await;
            }
        });
        return out.body(body).unwrap_or_else(|_| {
            blocked(
                provider,
                StatusCode::BAD_GATEWAY,
                "bad upstream response",
                "upstream_protocol",
            )
        });
    }
    // Whole bodies: collect (bounded), decode, restore.
    let raw = match body::collect_limited(incoming, max_bytes).await {
        Ok(b) => b,
        Err(_) => {
            return blocked(
                provider,
                StatusCode::BAD_GATEWAY,
                "the upstream response could not be read",
                "upstream_protocol",
            )
        }
    };
    let decoded = match crate::inspect::decode::decode_body(encoding.as_deref(), &raw, max_bytes) {
        Ok(d) => d,
        Err(_) => {
            return blocked(
                provider,
                StatusCode::BAD_GATEWAY,
                "the upstream response could not be decoded",
                "upstream_protocol",
            )
        }
    };
    let restored = if content_type.contains("json") {
        restore_json(&map, &decoded)
            .unwrap_or_else(|_| restore_text(&map, &String::from_utf8_lossy(&decoded)).into_bytes())
    } else {
        match String::from_utf8(decoded) {
            Ok(text) => restore_text(&map, &text).into_bytes(),
            Err(e) => e.into_bytes(),
        }
    };
    if let Some(h) = out.headers_mut() {
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(restored.len()));
    }
    out.body(body::full(restored)).unwrap_or_else(|_| {
        blocked(
            provider,
            StatusCode::BAD_GATEWAY,
            "bad upstream response",
            "upstream_protocol",
        )
    })
}
