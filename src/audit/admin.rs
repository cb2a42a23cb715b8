//! The audit part of the admin API, as a plain function the admin server
//! mounts: `GET /audit/query?…` and `GET /audit/stats?…` with the parameters of
//! [`QueryFilter`] (the same names as the CLI flags).
//! `scrim audit query --admin URL` and `scrim audit stats --admin URL` call them.
//!
//! | path | answer (JSON) |
//! |---|---|
//! | `/audit/query` | [`query_to_json`]: `{"count": n, "entries": [{"record": …, "completion": …}]}` |
//! | `/audit/stats` | [`stats_to_json`]: the [`Stats`](super::Stats) object |
//!
//! Errors are `{"error": "…"}` with 400 (bad parameter), 404 (unknown path) or
//! 500. [`respond`] reads the segments: call it from a blocking thread
//! (`tokio::task::spawn_blocking`). Bind the admin API to loopback only.

use serde::Serialize;

use super::query::{query_to_json, stats_to_json};
use super::{AuditError, AuditLog, QueryFilter};

/// Path of the query endpoint.
pub const QUERY_PATH: &str = "/audit/query";
/// Path of the statistics endpoint.
pub const STATS_PATH: &str = "/audit/stats";

/// An HTTP answer for the admin server to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminResponse {
    /// HTTP status.
    pub status: u16,
    /// Always `application/json`.
    pub content_type: &'static str,
    /// JSON body.
    pub body: String,
}

fn json(status: u16, body: String) -> AdminResponse {
    AdminResponse {
        status,
        content_type: "application/json",
        body,
    }
}

/// An error body: `{"error": "…"}`.
pub fn error_body(message: &str) -> String {
    #[derive(Serialize)]
    struct E<'a> {
        error: &'a str,
    }
    serde_json::to_string(&E { error: message }).unwrap_or_else(|_| "{}".into())
}

/// Answer `GET path?query` (`query` without the `?`).
pub fn respond(log: &AuditLog, path: &str, query: &str) -> AdminResponse {
    let filter = match QueryFilter::from_query_string(query) {
        Ok(f) => f,
        Err(e) => return json(400, error_body(&e.to_string())),
    };
    let fail = |e: AuditError| {
        let status = if matches!(e, AuditError::Query(_)) {
            400
        } else {
            500
        };
        json(status, error_body(&e.to_string()))
    };
    match path {
        QUERY_PATH => match log.query(&filter) {
            Ok(entries) => json(200, query_to_json(&entries)),
            Err(e) => fail(e),
        },
        STATS_PATH => match log.stats(&filter) {
            Ok(stats) => json(200, stats_to_json(&stats)),
            Err(e) => fail(e),
        },
        _ => json(404, error_body(&format!("no audit endpoint {path}"))),
    }
}
