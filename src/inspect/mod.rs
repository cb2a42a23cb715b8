//! Request and response inspection: the pure layer between the proxy's bytes and
//! detection. No sockets, no async, no clocks: every function here is a plain
//! function over buffers (or a small state machine fed buffers), so it is tested
//! with input → expected tables and fuzzed.
//!
//! ```text
//! request body ─▶ decode::decode_body (Content-Encoding, bounded)   ─▶ plain bytes
//!              ─▶ json::segments / multipart / jsonl                ─▶ text segments + JSON pointers
//!              ─▶ provider::prompt_segments (roles; all strings by default) ─▶ what detection scans
//!              ─▶ json::rewrite (surgical splice)                   ─▶ redacted body, forwarded
//!                                                                      uncompressed (see `decode`)
//! response     ─▶ restore (JSON bodies, SSE streams via sse)         ─▶ pseudonyms restored
//! block        ─▶ errors::error_body                                 ─▶ the provider's own error shape
//! route        ─▶ translate (Anthropic Messages ⇄ OpenAI Chat)       ─▶ local backend
//! ```
//!
//! Invariants that hold across the module:
//! - nothing here logs, and no error value carries body text ([`InspectError`] holds
//!   positions, limits and static names only), so an error can go to a log line or
//!   the audit store as it is;
//! - every failure is a value the policy turns into a decision (fail closed by
//!   default): see [`InspectError::failure_kind`];
//! - byte offsets everywhere; spans are into the exact bytes the caller passed;
//! - no panic on any input (fuzz targets `json_rewrite` and `sse` in `fuzz/`).

pub mod decode;
pub mod errors;
pub mod json;
pub mod multipart;
pub mod provider;
pub mod restore;
pub mod sse;
pub mod translate;

use crate::policy::FailureKind;

/// Why a body could not be inspected. Never contains body text: an encoding name
/// is the only header-derived value, and it is cut to a short token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InspectError {
    /// The body (or one decoding stage of it) is over the size limit.
    #[error("body is larger than the {limit_bytes}-byte limit")]
    TooLarge {
        /// The limit that was exceeded, in bytes.
        limit_bytes: usize,
    },
    /// A `Content-Encoding` scrim cannot decode (for example `compress`).
    #[error("unknown content encoding {0:?}")]
    UnknownEncoding(String),
    /// The body claims an encoding but is not valid in it (corrupt or truncated).
    #[error("body is not valid {encoding}")]
    Undecodable {
        /// The encoding that failed (`gzip`, `br`, …; `utf-8` for text).
        encoding: &'static str,
    },
    /// The body is not well-formed JSON. Line and column are 1-based.
    #[error("malformed JSON at line {line}, column {column}")]
    BadJson {
        /// 1-based line.
        line: usize,
        /// 1-based column (in bytes).
        column: usize,
    },
    /// A shape scrim cannot inspect (for example a multipart body without a boundary).
    #[error("unsupported content: {0}")]
    Unsupported(&'static str),
}

impl InspectError {
    /// The policy's failure kind for this error (its `on_error` key).
    pub fn failure_kind(&self) -> FailureKind {
        match self {
            InspectError::TooLarge { .. } => FailureKind::BodyTooLarge,
            InspectError::UnknownEncoding(_)
            | InspectError::Undecodable { .. }
            | InspectError::BadJson { .. } => FailureKind::UndecodableBody,
            InspectError::Unsupported(_) => FailureKind::UnsupportedContent,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_map_to_policy_failures_and_carry_no_body_text() {
        let table = [
            (
                InspectError::TooLarge { limit_bytes: 10 },
                FailureKind::BodyTooLarge,
                "body is larger than the 10-byte limit",
            ),
            (
                InspectError::UnknownEncoding("compress".into()),
                FailureKind::UndecodableBody,
                "unknown content encoding \"compress\"",
            ),
            (
                InspectError::Undecodable { encoding: "gzip" },
                FailureKind::UndecodableBody,
                "body is not valid gzip",
            ),
            (
                InspectError::BadJson { line: 2, column: 7 },
                FailureKind::UndecodableBody,
                "malformed JSON at line 2, column 7",
            ),
            (
                InspectError::Unsupported("multipart without boundary"),
                FailureKind::UnsupportedContent,
                "unsupported content: multipart without boundary",
            ),
        ];
        for (err, kind, text) in table {
            assert_eq!(err.failure_kind(), kind);
            assert_eq!(err.to_string(), text);
        }
    }
}
