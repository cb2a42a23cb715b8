//! scrim — a privacy-enforcing egress proxy for LLM traffic.
//!
//! Every outbound prompt passes through local PII detection; a policy decides to
//! allow, redact, block or route it; every decision is audited. The same engine
//! works offline as a filter (`scrim scan`, `scrim redact`).
//!
//! ```text
//! text ─▶ detect::Engine::scan ─▶ findings (byte spans, labels, scores)
//!      ─▶ redact::apply (mask | replace | keyed hash) ─▶ text without the values
//! ```
//!
//! Module map: [`detect`] owns detection (normalization, pattern detectors,
//! merging); [`redact`] owns the redaction operators; [`cli`] owns the commands and
//! is the only place that prints.

pub mod audit;
pub mod cli;
pub mod config;
pub mod detect;
pub mod inspect;
pub mod policy;
pub mod proxy;
pub mod redact;
pub mod tls;
