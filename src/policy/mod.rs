//! Policies: what happens to each kind of personal data going to each
//! destination, written in a TOML file a privacy officer can read and test.
//!
//! ```text
//! policies/*.toml ─▶ source (read, resolve `extends`) ─▶ raw (serde, shape-checked
//!   against the JSON Schema) ─▶ compile (all errors at once) ─▶ CompiledPolicy
//! findings + FlowFacts ─▶ evaluate (pure) ─▶ Decision
//! ```
//!
//! # The file format
//!
//! ```toml
//! #:schema ./policy.schema.json
//! [policy]
//! name = "hipaa"
//! version = "2025.1"
//! extends = ["base"]            # base.toml beside this file; its rules come first
//! default_action = "redact"     # findings no rule covers (default: redact)
//! default_operator = "replace"  # operator when a redact rule names none
//! min_score = 0.5               # default minimum score
//!
//! [on_error]                    # each defaults to "block" (fail closed)
//! unsupported_content = "block"
//!
//! [backends.local]
//! base_url = "http://127.0.0.1:8081/v1"
//! api = "openai"                # or "anthropic"
//! models = { "*" = "llama3.1:8b" }
//!
//! [[rule]]
//! id = "hipaa.ssn"
//! labels = ["US_SSN"]
//! action = "redact"             # allow | redact | route | block
//! operator = "replace"          # mask | replace | hash | pseudonymize
//! min_score = 0.5
//! destination = ["*.openai.com"]  # optional conditions: destination, path,
//!                                 # provider, model, client, network
//!
//! [[recognizer]]                # regex + optional validator + context words
//! id = "zip-tail"
//! label = "LOCATION"
//! category = "hipaa:zip"
//! pattern = '\b\d{3}(?P<value>\d{2})\b'   # the `value` group is the finding
//! context = ["zip", "postal code"]
//!
//! [[dictionary]]                # whole words, ASCII case-insensitive
//! id = "health-terms"
//! label = "NRP"
//! category = "gdpr:special:health"
//! terms = ["diabetes", "chemotherapy"]
//!
//! [allow]
//! values = ["support@example.com"]
//! patterns = ['192\.0\.2\.\d+']   # must match the whole value
//!
//! [[test]]
//! name = "an SSN is replaced"
//! input = "SSN 536-22-1234"
//! destination = "api.openai.com"
//! expect = "redact"
//! output = "SSN <US_SSN>"
//! rules = ["hipaa.ssn"]
//! ```
//!
//! # Categories (special-category data)
//!
//! The label taxonomy stays closed: every custom recognizer maps to an existing
//! [`Label`](crate::detect::Label). What a label cannot say travels as the
//! recognizer's `category`, encoded in the finding's detector name
//! (`policy:gdpr:special:health:health-terms`, see [`recognizer`]). Rules match
//! `labels`, `categories`, or both; categories are hierarchical, so a rule on
//! `gdpr:special` covers `gdpr:special:health`. The shipped GDPR vocabularies
//! for Art. 9(1) use label `NRP` (the taxonomy's "sensitive attribute of a
//! person") and say which special category in their category.
//!
//! # Precedence
//!
//! Per finding the most specific matching rule decides, ties going to the
//! strictest action; per request the strictest action wins
//! (`block` > `route` > `redact` > `allow`). The full, total order is in
//! [`evaluate()`].

pub mod compile;
pub mod compiled;
pub mod error;
pub mod evaluate;
pub mod glob;
pub mod pipeline;
pub mod raw;
pub mod recognizer;
pub mod schema;
pub mod source;
pub mod store;
pub mod testcase;

use std::path::Path;

pub use compiled::{Api, Backend, CompiledPolicy, Rule, TestCase};
pub use error::{Location, PolicyError, PolicyErrors};
pub use evaluate::{
    evaluate, on_failure, Action, Decision, FailureKind, FindingVerdict, FlowFacts, RuleHit,
};
pub use pipeline::{run_text, TextOutcome};
pub use source::{EmbeddedLoader, FsLoader, Loader, TextLoader, SHIPPED};
pub use store::{PolicyHandle, PolicyOrigin};
pub use testcase::{run_tests, TestOutcome};

/// Load and compile a policy file (and everything it extends).
pub fn load(path: &Path) -> Result<CompiledPolicy, PolicyErrors> {
    compile::compile(&FsLoader, &path.to_string_lossy())
}

/// Compile a shipped policy by file name (`default.toml`, `hipaa.toml`, …).
pub fn shipped(name: &str) -> Result<CompiledPolicy, PolicyErrors> {
    let id = EmbeddedLoader.resolve("", name, false);
    compile::compile(&EmbeddedLoader, &id)
}

/// The proxy's built-in policy: `policies/default.toml` (GDPR + HIPAA + PCI DSS +
/// secrets), compiled from the copy embedded in the binary.
pub fn default_policy() -> Result<CompiledPolicy, PolicyErrors> {
    shipped("default.toml")
}

/// Compile policy text named `id`; `extends` resolves to the shipped policies.
pub fn compile_str(id: &str, text: &str) -> Result<CompiledPolicy, PolicyErrors> {
    let loader = TextLoader {
        id,
        text,
        fallback: EmbeddedLoader,
    };
    compile::compile(&loader, id)
}
