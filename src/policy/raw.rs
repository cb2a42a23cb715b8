//! The policy file as written: serde structs that mirror `policies/*.toml` one to
//! one, with unknown keys rejected. Names that must be checked against a closed
//! set (labels, actions, operators, validators, backends, rule ids) stay strings
//! with their byte span here, so that `compile` can report every bad one at once
//! with its position and the nearest valid name.
//!
//! The same types generate the JSON Schema (`policies/policy.schema.json`); the
//! `schema_*` helper types exist only to give the schema its enumerations.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;
use toml::Spanned;

use crate::detect::Label;

/// A string with its byte span in the file.
pub type SpStr = Spanned<String>;

/// One policy file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "scrim policy file")]
pub struct RawFile {
    /// Name, version and composition.
    pub policy: RawHeader,
    /// What to do when inspection fails. Every entry defaults to `block`.
    #[serde(default)]
    pub on_error: Option<RawOnError>,
    /// Named local backends that `route` rules send requests to.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, RawBackend>")]
    pub backends: BTreeMap<SpStr, RawBackend>,
    /// Rules: which labels or categories get which action, where.
    #[serde(default, rename = "rule")]
    pub rules: Vec<RawRule>,
    /// Custom regex recognizers.
    #[serde(default, rename = "recognizer")]
    pub recognizers: Vec<RawRecognizer>,
    /// Custom dictionary (word list) recognizers.
    #[serde(default, rename = "dictionary")]
    pub dictionaries: Vec<RawDictionary>,
    /// Values that are never flagged.
    #[serde(default)]
    pub allow: Option<RawAllow>,
    /// Embedded test cases, run by `scrim policy test`.
    #[serde(default, rename = "test")]
    pub tests: Vec<RawTest>,
}

/// `[policy]`: identity and composition.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    /// Policy name (letters, digits, `-`, `_`, `.`), reported in the audit log.
    #[schemars(with = "String")]
    pub name: SpStr,
    /// Policy version, reported in the audit log.
    #[schemars(with = "String")]
    pub version: SpStr,
    /// What the policy is for.
    #[serde(default)]
    pub description: Option<String>,
    /// Policies this one builds on: names of files in the same directory (`base`
    /// means `base.toml`) or relative paths. Their rules come first.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub extends: Vec<SpStr>,
    /// Action for a finding that no rule covers (default `redact`).
    #[serde(default)]
    #[schemars(with = "Option<SchemaAction>")]
    pub default_action: Option<SpStr>,
    /// Operator for `redact` when a rule names none (default `replace`).
    #[serde(default)]
    #[schemars(with = "Option<SchemaOperator>")]
    pub default_operator: Option<SpStr>,
    /// Minimum score for a finding that no rule covers (default 0.5).
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0.0, max = 1.0))]
    pub min_score: Option<Spanned<f64>>,
}

/// `[on_error]`: the action for each inspection failure (`allow`, `block` or `route`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOnError {
    /// A detector failed.
    #[serde(default)]
    #[schemars(with = "Option<SchemaFailureAction>")]
    pub detector_error: Option<SpStr>,
    /// A detector did not finish in time.
    #[serde(default)]
    #[schemars(with = "Option<SchemaFailureAction>")]
    pub detector_timeout: Option<SpStr>,
    /// The NER model is not loaded or not answering.
    #[serde(default)]
    #[schemars(with = "Option<SchemaFailureAction>")]
    pub ner_unavailable: Option<SpStr>,
    /// The request body is over the size limit.
    #[serde(default)]
    #[schemars(with = "Option<SchemaFailureAction>")]
    pub body_too_large: Option<SpStr>,
    /// The body could not be decoded (encoding, JSON, UTF-8).
    #[serde(default)]
    #[schemars(with = "Option<SchemaFailureAction>")]
    pub undecodable_body: Option<SpStr>,
    /// Content text detection cannot inspect (images, audio, files).
    #[serde(default)]
    #[schemars(with = "Option<SchemaFailureAction>")]
    pub unsupported_content: Option<SpStr>,
    /// Backend for entries whose action is `route`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub route: Option<SpStr>,
}

/// `[backends.NAME]`: a local, OpenAI- or Anthropic-compatible server.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBackend {
    /// Base URL, e.g. `http://127.0.0.1:8081/v1`.
    #[schemars(with = "String")]
    pub base_url: SpStr,
    /// API format the backend speaks.
    #[schemars(with = "SchemaApi")]
    pub api: SpStr,
    /// Requested model → backend model; the key `*` is the fallback.
    #[serde(default)]
    pub models: BTreeMap<String, String>,
}

/// `[[rule]]`: what happens to findings of some labels or categories.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    /// Unique id, reported in decisions (e.g. `hipaa.ssn`). A rule with the id of
    /// an inherited rule replaces it.
    #[schemars(with = "String")]
    pub id: SpStr,
    /// Why the rule exists (for the reader; not used).
    #[serde(default)]
    pub comment: Option<String>,
    /// Taxonomy labels the rule applies to.
    #[serde(default)]
    #[schemars(with = "Vec<SchemaLabel>")]
    pub labels: Vec<SpStr>,
    /// Recognizer categories the rule applies to (`gdpr:special` also covers
    /// `gdpr:special:health`).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub categories: Vec<SpStr>,
    /// What to do.
    #[schemars(with = "SchemaAction")]
    pub action: SpStr,
    /// How to redact (only with `action = "redact"`).
    #[serde(default)]
    #[schemars(with = "Option<SchemaOperator>")]
    pub operator: Option<SpStr>,
    /// Backend to route to (required with `action = "route"`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub route: Option<SpStr>,
    /// Findings scoring below this are ignored by this rule (default: the
    /// policy's `min_score`).
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0.0, max = 1.0))]
    pub min_score: Option<Spanned<f64>>,
    /// Destination host globs (`*.openai.com`); any may match.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub destination: Vec<SpStr>,
    /// API path globs (`/v1/chat/*`); any may match.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub path: Vec<SpStr>,
    /// Provider names (`openai`, `anthropic`, …); any may match.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub provider: Vec<SpStr>,
    /// Model globs (`gpt-4*`); any may match.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub model: Vec<SpStr>,
    /// Client identities; any may match.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub client: Vec<SpStr>,
    /// Client networks in CIDR notation (`10.0.0.0/8`); any may match.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub network: Vec<SpStr>,
}

/// `[[recognizer]]`: a regex, optionally validated and supported by context words.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRecognizer {
    /// Unique id (letters, digits, `-`, `_`, `.`).
    #[schemars(with = "String")]
    pub id: SpStr,
    /// Why it exists (for the reader).
    #[serde(default)]
    pub comment: Option<String>,
    /// Taxonomy label of its findings.
    #[schemars(with = "SchemaLabel")]
    pub label: SpStr,
    /// Category tag rules can match (`gdpr:special:health`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub category: Option<SpStr>,
    /// Rust regex. If it has a group named `value`, the finding is that group.
    #[schemars(with = "String")]
    pub pattern: SpStr,
    /// Checksum the match must pass.
    #[serde(default)]
    #[schemars(with = "Option<SchemaValidator>")]
    pub validator: Option<SpStr>,
    /// Words that must appear near the match for it to score `score`.
    #[serde(default)]
    pub context: Vec<String>,
    /// Score of a match (with a context word, when `context` is given). Default 0.85.
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0.0, max = 1.0))]
    pub score: Option<Spanned<f64>>,
    /// Score of a match without a context word. Default 0.3 (under the default
    /// minimum, so context is required).
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0.0, max = 1.0))]
    pub score_without_context: Option<Spanned<f64>>,
}

/// `[[dictionary]]`: whole-word terms, ASCII case-insensitive.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDictionary {
    /// Unique id (letters, digits, `-`, `_`, `.`).
    #[schemars(with = "String")]
    pub id: SpStr,
    /// Why it exists (for the reader).
    #[serde(default)]
    pub comment: Option<String>,
    /// Taxonomy label of its findings.
    #[schemars(with = "SchemaLabel")]
    pub label: SpStr,
    /// Category tag rules can match (`gdpr:special:health`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub category: Option<SpStr>,
    /// The terms.
    #[serde(default)]
    pub terms: Vec<String>,
    /// A file of terms, one per line (`#` starts a comment), relative to this file.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub file: Option<SpStr>,
    /// Match case exactly (default: ASCII case-insensitive).
    #[serde(default)]
    pub case_sensitive: bool,
    /// Words that must appear near a term for it to score `score`.
    #[serde(default)]
    pub context: Vec<String>,
    /// Score of a match (with a context word, when `context` is given). Default 0.85.
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0.0, max = 1.0))]
    pub score: Option<Spanned<f64>>,
    /// Score of a match without a context word. Default 0.3.
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0.0, max = 1.0))]
    pub score_without_context: Option<Spanned<f64>>,
}

/// `[allow]`: values never flagged, whatever detector found them.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAllow {
    /// Exact values.
    #[serde(default)]
    pub values: Vec<String>,
    /// Regexes that must match the whole value.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub patterns: Vec<SpStr>,
}

/// `[[test]]`: an input, a request context and the expected decision.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTest {
    /// Short description.
    #[schemars(with = "String")]
    pub name: SpStr,
    /// The prompt text.
    pub input: String,
    /// Destination host (default `api.openai.com`).
    #[serde(default)]
    pub destination: Option<String>,
    /// API path (default `/v1/chat/completions`).
    #[serde(default)]
    pub path: Option<String>,
    /// Provider (default: none).
    #[serde(default)]
    pub provider: Option<String>,
    /// Model (default: none).
    #[serde(default)]
    pub model: Option<String>,
    /// Client identity (default: none).
    #[serde(default)]
    pub client: Option<String>,
    /// Client IP address (default: none).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub client_ip: Option<SpStr>,
    /// Expected request decision.
    #[schemars(with = "SchemaAction")]
    pub expect: SpStr,
    /// Expected text after redaction (checked when given).
    #[serde(default)]
    pub output: Option<String>,
    /// Expected backend (with `expect = "route"`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub route: Option<SpStr>,
    /// Expected set of rule ids that fire (checked when given).
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub rules: Option<Vec<SpStr>>,
}

// ---- schema-only enumerations ----------------------------------------------

/// A taxonomy label.
#[derive(Debug)]
pub struct SchemaLabel;

impl JsonSchema for SchemaLabel {
    fn schema_name() -> Cow<'static, str> {
        "Label".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let names: Vec<&str> = Label::ALL.iter().map(|l| l.as_str()).collect();
        json_schema!({
            "description": "A label of the taxonomy (shared/eval/TAXONOMY.md).",
            "type": "string",
            "enum": names,
        })
    }
}

/// What happens to a finding, or to the whole request.
#[derive(Debug, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)] // only its schema is used
pub enum SchemaAction {
    /// Forward unchanged.
    Allow,
    /// Rewrite the value with the operator.
    Redact,
    /// Send the request to a local backend instead.
    Route,
    /// Refuse the request.
    Block,
}

/// What happens when inspection fails.
#[derive(Debug, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)] // only its schema is used
pub enum SchemaFailureAction {
    /// Forward unchanged (fail open).
    Allow,
    /// Send to the backend named by `on_error.route`.
    Route,
    /// Refuse the request (fail closed; the default).
    Block,
}

/// A redaction operator.
#[derive(Debug, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)] // only its schema is used
pub enum SchemaOperator {
    /// `*` for every character.
    Mask,
    /// `<LABEL>`.
    Replace,
    /// `<LABEL:keyed-hash>`.
    Hash,
    /// `<LABEL_n>`, consistent per value, restored in responses.
    Pseudonymize,
}

/// An API format.
#[derive(Debug, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)] // only its schema is used
pub enum SchemaApi {
    /// OpenAI-compatible (`/v1/chat/completions`).
    Openai,
    /// Anthropic messages API.
    Anthropic,
}

/// A checksum validator.
#[derive(Debug, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)] // only its schema is used
pub enum SchemaValidator {
    /// Luhn mod 10.
    Luhn,
    /// Payment card: Luhn plus issuer prefix and length.
    CreditCard,
    /// IBAN mod 97.
    Iban,
    /// NHS mod 11.
    Nhs,
    /// US SSN ranges.
    UsSsn,
    /// ABA routing checksum.
    AbaRouting,
    /// Base58Check.
    Base58check,
    /// Bech32 address.
    Bech32Address,
    /// Medicare MBI structure.
    Mbi,
}
