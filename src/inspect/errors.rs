//! Responses scrim itself sends (blocks, failures), in each provider's own error
//! format, so the official SDKs raise their usual typed exception and the
//! message reaches the developer.
//!
//! Owns: status, `Content-Type`, body and retry hint per [`ErrorKind`] and
//! [`Provider`]. The statuses are chosen for what the SDKs do with them:
//!
//! | kind | OpenAI / Anthropic | Gemini | SDK exception | retried by SDKs |
//! |---|---|---|---|---|
//! | `PolicyBlocked` | 403 `permission_error` | 403 `PERMISSION_DENIED` | `PermissionDeniedError` | no |
//! | `TooLarge` | 413 (`request_too_large` for Anthropic) | 400 `INVALID_ARGUMENT` | `APIStatusError` (413) / `BadRequestError` | no |
//! | `Malformed` | 400 `invalid_request_error` | 400 `INVALID_ARGUMENT` | `BadRequestError` | no |
//! | `Upstream` | 502 `api_error` | 503 `UNAVAILABLE` | `InternalServerError` | yes |
//! | `Unavailable` | 503 `api_error` (OpenAI `server_error`) | 503 `UNAVAILABLE` | `InternalServerError` | yes |
//!
//! 403 for a policy block because the request is understood and refused on
//! purpose — retrying it unchanged cannot succeed, and every SDK leaves 4xx other
//! than 408/409/429 alone. Gemini's format pairs an HTTP code with a gRPC status,
//! and Google maps oversized requests to `INVALID_ARGUMENT` (400), so Gemini gets
//! 400 there. [`ErrorResponse::should_retry`] is meant for the `x-should-retry`
//! header, which the OpenAI and Anthropic SDKs honour over their defaults.
//!
//! Invariant: the body is built with `serde_json` from the caller's `message` and
//! `code`, which must name entity types and rule ids only, never values (the
//! proxy builds them from the decision, not from the request). Unknown providers
//! get OpenAI's shape, the one most clients parse.

use super::provider::Provider;
use super::sse::SseEvent;

/// Why scrim answers instead of the provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The policy blocked the request (personal data, unsupported content, fail-closed).
    PolicyBlocked,
    /// The body is over the size limit.
    TooLarge,
    /// The body could not be decoded or parsed.
    Malformed,
    /// The upstream provider failed or could not be reached.
    Upstream,
    /// A local backend or scrim's own audit store is unavailable.
    Unavailable,
}

/// A complete error response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorResponse {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type` header value.
    pub content_type: &'static str,
    /// Body.
    pub body: Vec<u8>,
    /// Value for an `x-should-retry` header.
    pub should_retry: bool,
}

/// The error response for `provider`. `message` and `code` name entity types and
/// rule ids, never values.
pub fn error_body(provider: Provider, kind: ErrorKind, message: &str, code: &str) -> ErrorResponse {
    let status = status_for(provider, kind);
    let body = match provider {
        Provider::Anthropic => serde_json::json!({
            "type": "error",
            "error": { "type": anthropic_type(kind), "message": message },
        }),
        Provider::Gemini => serde_json::json!({
            "error": { "code": status, "message": message, "status": google_status(kind) },
        }),
        Provider::OpenAi | Provider::Unknown => serde_json::json!({
            "error": { "message": message, "type": openai_type(kind), "param": null, "code": code },
        }),
    };
    ErrorResponse {
        status,
        content_type: "application/json",
        body: body.to_string().into_bytes(),
        should_retry: matches!(kind, ErrorKind::Upstream | ErrorKind::Unavailable),
    }
}

/// An error inside a stream that already started (status 200 sent): the event
/// each provider's SDK raises on. Anthropic has an `error` event; OpenAI and
/// Gemini clients raise on a data object with an `error` member.
pub fn stream_error_event(
    provider: Provider,
    kind: ErrorKind,
    message: &str,
    code: &str,
) -> SseEvent {
    let ErrorResponse { body, .. } = error_body(provider, kind, message, code);
    let data = String::from_utf8_lossy(&body).into_owned();
    match provider {
        Provider::Anthropic => SseEvent::named("error", data),
        _ => SseEvent::data(data),
    }
}

fn status_for(provider: Provider, kind: ErrorKind) -> u16 {
    match (kind, provider) {
        (ErrorKind::PolicyBlocked, _) => 403,
        (ErrorKind::TooLarge, Provider::Gemini) => 400,
        (ErrorKind::TooLarge, _) => 413,
        (ErrorKind::Malformed, _) => 400,
        (ErrorKind::Upstream, Provider::Gemini) => 503,
        (ErrorKind::Upstream, _) => 502,
        (ErrorKind::Unavailable, _) => 503,
    }
}

fn openai_type(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::PolicyBlocked => "permission_error",
        ErrorKind::TooLarge | ErrorKind::Malformed => "invalid_request_error",
        ErrorKind::Upstream => "api_error",
        ErrorKind::Unavailable => "server_error",
    }
}

fn anthropic_type(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::PolicyBlocked => "permission_error",
        ErrorKind::TooLarge => "request_too_large",
        ErrorKind::Malformed => "invalid_request_error",
        ErrorKind::Upstream | ErrorKind::Unavailable => "api_error",
    }
}

fn google_status(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::PolicyBlocked => "PERMISSION_DENIED",
        ErrorKind::TooLarge | ErrorKind::Malformed => "INVALID_ARGUMENT",
        ErrorKind::Upstream | ErrorKind::Unavailable => "UNAVAILABLE",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const MSG: &str = "Blocked by scrim: US_SSN (rule gdpr.block-national-ids)";

    fn parse(r: &ErrorResponse) -> Value {
        serde_json::from_slice(&r.body).unwrap()
    }

    #[test]
    fn shapes_per_provider() {
        let r = error_body(
            Provider::OpenAi,
            ErrorKind::PolicyBlocked,
            MSG,
            "pii_blocked",
        );
        assert_eq!(
            (r.status, r.content_type, r.should_retry),
            (403, "application/json", false)
        );
        assert_eq!(
            parse(&r),
            json!({"error":{"message":MSG,"type":"permission_error","param":null,"code":"pii_blocked"}})
        );
        let r = error_body(
            Provider::Anthropic,
            ErrorKind::PolicyBlocked,
            MSG,
            "pii_blocked",
        );
        assert_eq!(r.status, 403);
        assert_eq!(
            parse(&r),
            json!({"type":"error","error":{"type":"permission_error","message":MSG}})
        );
        let r = error_body(
            Provider::Gemini,
            ErrorKind::PolicyBlocked,
            MSG,
            "pii_blocked",
        );
        assert_eq!(r.status, 403);
        assert_eq!(
            parse(&r),
            json!({"error":{"code":403,"message":MSG,"status":"PERMISSION_DENIED"}})
        );
        // Unknown providers get OpenAI's shape.
        let r = error_body(
            Provider::Unknown,
            ErrorKind::Malformed,
            "bad JSON at line 1, column 2",
            "bad_json",
        );
        assert_eq!(parse(&r)["error"]["type"], "invalid_request_error");
    }

    #[test]
    fn statuses_and_retry_hints() {
        let table = [
            (
                Provider::OpenAi,
                ErrorKind::TooLarge,
                413,
                "invalid_request_error",
                false,
            ),
            (
                Provider::Anthropic,
                ErrorKind::TooLarge,
                413,
                "request_too_large",
                false,
            ),
            (
                Provider::Gemini,
                ErrorKind::TooLarge,
                400,
                "INVALID_ARGUMENT",
                false,
            ),
            (
                Provider::OpenAi,
                ErrorKind::Malformed,
                400,
                "invalid_request_error",
                false,
            ),
            (
                Provider::Anthropic,
                ErrorKind::Upstream,
                502,
                "api_error",
                true,
            ),
            (
                Provider::Gemini,
                ErrorKind::Upstream,
                503,
                "UNAVAILABLE",
                true,
            ),
            (
                Provider::OpenAi,
                ErrorKind::Unavailable,
                503,
                "server_error",
                true,
            ),
            (
                Provider::Anthropic,
                ErrorKind::Unavailable,
                503,
                "api_error",
                true,
            ),
        ];
        for (provider, kind, status, ty, retry) in table {
            let r = error_body(provider, kind, "m", "c");
            let v = parse(&r);
            let got_type = match provider {
                Provider::Gemini => v["error"]["status"].clone(),
                _ => v["error"]["type"].clone(),
            };
            assert_eq!(
                (r.status, got_type.as_str(), r.should_retry),
                (status, Some(ty), retry),
                "{provider:?} {kind:?}"
            );
            if provider == Provider::Gemini {
                assert_eq!(v["error"]["code"], status);
            }
        }
    }

    #[test]
    fn message_is_escaped_not_injected() {
        let r = error_body(Provider::OpenAi, ErrorKind::PolicyBlocked, "a\"}b\n", "c\"");
        let v = parse(&r);
        assert_eq!(v["error"]["message"], "a\"}b\n");
        assert_eq!(v["error"]["code"], "c\"");
    }

    #[test]
    fn stream_errors() {
        let e = stream_error_event(Provider::Anthropic, ErrorKind::Unavailable, "m", "c");
        assert_eq!(e.event.as_deref(), Some("error"));
        let v: Value = serde_json::from_str(e.data.as_deref().unwrap()).unwrap();
        assert_eq!(v["type"], "error");
        let e = stream_error_event(Provider::OpenAi, ErrorKind::Unavailable, "m", "c");
        assert_eq!(e.event, None);
        assert!(e.data.unwrap().starts_with("{\"error\""));
    }
}
