//! `scrim.toml`: the proxy's configuration. Raw serde structs mirror the file
//! (unknown keys are errors); [`Config::from_toml`] checks everything and yields a
//! [`Config`] whose values are valid. An embedded default (`config/default.toml`)
//! makes `scrim run` work with no file; command-line flags override it.
//!
//! Every bound carries its unit in its name (`max_body_bytes`, `ner_timeout_ms`).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::audit::AuditConfig;

/// The embedded default configuration.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// The data directory when none is configured: `$SCRIM_DATA_DIR`, else
/// `$XDG_DATA_HOME/scrim`, else `~/.local/share/scrim`, else `./.scrim`.
pub fn default_data_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("SCRIM_DATA_DIR") {
        return PathBuf::from(d);
    }
    if let Some(d) = std::env::var_os("XDG_DATA_HOME") {
        return PathBuf::from(d).join("scrim");
    }
    match std::env::var_os("HOME") {
        Some(h) => PathBuf::from(h).join(".local/share/scrim"),
        None => PathBuf::from(".scrim"),
    }
}

/// `~/…` in a configured path is the home directory, as the shell would read it
/// (the shipped config's example is `~/.local/share/scrim`).
fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// What to do with CONNECT requests to hosts outside the intercept list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnknownHosts {
    /// Pass the bytes through untouched (audited as tunnelled).
    Tunnel,
    /// Refuse with 403 (audited as denied).
    Deny,
}

/// Raw file structure (mirrors `scrim.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    proxy: RawProxy,
    #[serde(default)]
    gateway: Option<RawGateway>,
    #[serde(default)]
    limits: Option<RawLimits>,
    #[serde(default)]
    ner: Option<RawNer>,
    #[serde(default)]
    audit: Option<RawAudit>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProxy {
    listen: Option<String>,
    admin_listen: Option<String>,
    data_dir: Option<String>,
    #[serde(default)]
    policies: Vec<String>,
    #[serde(default)]
    intercept: Vec<String>,
    unknown_hosts: Option<UnknownHosts>,
    #[serde(default)]
    upstream_ca: Vec<String>,
    #[serde(default)]
    client_networks: Vec<String>,
    #[serde(default)]
    proxy_users: Vec<RawUser>,
    cert_cache_entries: Option<usize>,
    pseudonym_clients: Option<usize>,
    pseudonym_values: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUser {
    name: String,
    /// Argon2id PHC string of the password (`scrim hash-password`), never the
    /// password itself.
    password_hash: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGateway {
    openai: Option<String>,
    anthropic: Option<String>,
    gemini: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    max_body_bytes: Option<usize>,
    max_decoded_body_bytes: Option<usize>,
    detect_timeout_ms: Option<u64>,
    upstream_timeout_ms: Option<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNer {
    enabled: Option<bool>,
    model_dir: Option<String>,
    ort_library: Option<String>,
    pool_size: Option<usize>,
    timeout_ms: Option<u64>,
    cache_entries: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAudit {
    segment_bytes: Option<u64>,
    checkpoint_every_records: Option<u64>,
    checkpoint_every_seconds: Option<u64>,
    retention_days: Option<u32>,
}

/// A proxy user for `Proxy-Authorization: Basic`.
#[derive(Debug, Clone)]
pub struct ProxyUser {
    /// User name.
    pub name: String,
    /// Argon2 PHC string of the password.
    pub password_hash: String,
}

/// Upstream base URLs of gateway mode (`/openai/v1/…` → `{openai}/v1/…`).
#[derive(Debug, Clone)]
pub struct Gateway {
    /// OpenAI API base (scheme + host, optional `:port`).
    pub openai: String,
    /// Anthropic API base.
    pub anthropic: String,
    /// Gemini API base.
    pub gemini: String,
}

/// NER settings.
#[derive(Debug, Clone)]
pub struct NerSettings {
    /// Run the model (else patterns only; the policy's `ner_unavailable` does not fire).
    pub enabled: bool,
    /// Model directory (default: found by the NER module).
    pub model_dir: Option<PathBuf>,
    /// ONNX Runtime library (default: found by the NER module).
    pub ort_library: Option<PathBuf>,
    /// Inference worker threads.
    pub pool_size: usize,
    /// Per-request inference deadline, milliseconds.
    pub timeout_ms: u64,
    /// Texts whose model results are cached (chat history is resent every turn).
    pub cache_entries: usize,
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Proxy listen address.
    pub listen: SocketAddr,
    /// Admin API listen address (loopback).
    pub admin_listen: SocketAddr,
    /// Data directory (CA, audit log, keys).
    pub data_dir: PathBuf,
    /// Policy files; empty = the embedded default policy.
    pub policies: Vec<PathBuf>,
    /// Host globs whose TLS is terminated and inspected.
    pub intercept: Vec<String>,
    /// What happens to other CONNECT hosts.
    pub unknown_hosts: UnknownHosts,
    /// Extra trusted roots for upstream TLS (PEM files).
    pub upstream_ca: Vec<PathBuf>,
    /// Client networks allowed to use the proxy (CIDR); loopback only by default.
    pub client_networks: Vec<String>,
    /// Proxy users; empty = no `Proxy-Authorization` required.
    pub proxy_users: Vec<ProxyUser>,
    /// Minted leaf certificates kept in memory.
    pub cert_cache_entries: usize,
    /// Clients whose pseudonym maps are kept across requests (0: none; every
    /// request numbers its own placeholders from 1).
    pub pseudonym_clients: usize,
    /// Values remembered per client before its map forgets them.
    pub pseudonym_values: usize,
    /// Gateway upstreams.
    pub gateway: Gateway,
    /// Largest request body inspected, bytes (larger: `body_too_large`).
    pub max_body_bytes: usize,
    /// Largest decompressed body, bytes (decompression bombs stop here).
    pub max_decoded_body_bytes: usize,
    /// Detection deadline per request, milliseconds.
    pub detect_timeout_ms: u64,
    /// Upstream response deadline (headers), milliseconds.
    pub upstream_timeout_ms: u64,
    /// NER.
    pub ner: NerSettings,
    /// Audit log (`[audit]`): what is not in the file is
    /// [`AuditConfig::default`], the one source of the defaults.
    pub audit: AuditConfig,
}

/// A configuration error: file, what is wrong, and how to fix it.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct ConfigError {
    /// The file (or `<embedded default>`).
    pub file: String,
    /// What is wrong, with line and column where known.
    pub message: String,
}

impl Config {
    /// The embedded default.
    pub fn embedded() -> Result<Config, ConfigError> {
        Config::from_toml("<embedded default>", DEFAULT_TOML)
    }

    /// Read and validate a file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: name.clone(),
            message: format!("cannot read: {e}"),
        })?;
        Config::from_toml(&name, &text)
    }

    /// Parse and validate TOML text; every problem is reported at once.
    pub fn from_toml(file: &str, text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| ConfigError {
            file: file.to_string(),
            message: describe_toml_error(text, &e),
        })?;
        let mut problems = Vec::new();
        let addr = |v: Option<String>, default: &str, key: &str, problems: &mut Vec<String>| {
            let s = v.unwrap_or_else(|| default.to_string());
            s.parse::<SocketAddr>().unwrap_or_else(|_| {
                problems.push(format!(
                    "proxy.{key}: `{s}` is not an address like 127.0.0.1:8080"
                ));
                SocketAddr::from(([127, 0, 0, 1], 0))
            })
        };
        let p = raw.proxy;
        let listen = addr(p.listen, "127.0.0.1:8080", "listen", &mut problems);
        let admin_listen = addr(
            p.admin_listen,
            "127.0.0.1:9090",
            "admin_listen",
            &mut problems,
        );
        let mut proxy_users = Vec::new();
        for u in p.proxy_users {
            if crate::proxy::access::is_valid_password_hash(&u.password_hash) {
                proxy_users.push(ProxyUser {
                    name: u.name,
                    password_hash: u.password_hash,
                });
            } else {
                problems.push(format!(
                    "proxy.proxy_users: password_hash of `{}` must be an Argon2 PHC string ($argon2id$…); make one with `scrim hash-password`",
                    u.name
                ));
            }
        }
        for n in &p.client_networks {
            if crate::policy::glob::Cidr::parse(n).is_none() {
                problems.push(format!(
                    "proxy.client_networks: `{n}` is not a network like 10.0.0.0/8"
                ));
            }
        }
        let gw = raw.gateway.unwrap_or(RawGateway {
            openai: None,
            anthropic: None,
            gemini: None,
        });
        let base = |v: Option<String>, d: &str, key: &str, problems: &mut Vec<String>| {
            let s = v.unwrap_or_else(|| d.to_string());
            if !(s.starts_with("https://") || s.starts_with("http://")) {
                problems.push(format!(
                    "gateway.{key}: `{s}` must start with https:// or http://"
                ));
            }
            s.trim_end_matches('/').to_string()
        };
        let gateway = Gateway {
            openai: base(gw.openai, "https://api.openai.com", "openai", &mut problems),
            anthropic: base(
                gw.anthropic,
                "https://api.anthropic.com",
                "anthropic",
                &mut problems,
            ),
            gemini: base(
                gw.gemini,
                "https://generativelanguage.googleapis.com",
                "gemini",
                &mut problems,
            ),
        };
        let l = raw.limits.unwrap_or(RawLimits {
            max_body_bytes: None,
            max_decoded_body_bytes: None,
            detect_timeout_ms: None,
            upstream_timeout_ms: None,
        });
        let n = raw.ner.unwrap_or(RawNer {
            enabled: None,
            model_dir: None,
            ort_library: None,
            pool_size: None,
            timeout_ms: None,
            cache_entries: None,
        });
        let a = raw.audit.unwrap_or(RawAudit {
            segment_bytes: None,
            checkpoint_every_records: None,
            checkpoint_every_seconds: None,
            retention_days: None,
        });
        let config = Config {
            listen,
            admin_listen,
            data_dir: p
                .data_dir
                .map(|d| expand_home(&d))
                .unwrap_or_else(default_data_dir),
            policies: p.policies.into_iter().map(PathBuf::from).collect(),
            intercept: if p.intercept.is_empty() {
                default_intercept()
            } else {
                p.intercept
            },
            unknown_hosts: p.unknown_hosts.unwrap_or(UnknownHosts::Tunnel),
            upstream_ca: p.upstream_ca.into_iter().map(PathBuf::from).collect(),
            client_networks: if p.client_networks.is_empty() {
                vec!["127.0.0.0/8".into(), "::1/128".into()]
            } else {
                p.client_networks
            },
            proxy_users,
            cert_cache_entries: p.cert_cache_entries.unwrap_or(1024),
            pseudonym_clients: p
                .pseudonym_clients
                .unwrap_or(crate::proxy::memory::MAX_CLIENTS),
            pseudonym_values: p
                .pseudonym_values
                .unwrap_or(crate::proxy::memory::MAX_VALUES_PER_CLIENT),
            gateway,
            max_body_bytes: l.max_body_bytes.unwrap_or(16 << 20),
            max_decoded_body_bytes: l.max_decoded_body_bytes.unwrap_or(64 << 20),
            detect_timeout_ms: l.detect_timeout_ms.unwrap_or(10_000),
            upstream_timeout_ms: l.upstream_timeout_ms.unwrap_or(300_000),
            ner: NerSettings {
                enabled: n.enabled.unwrap_or(true),
                model_dir: n.model_dir.map(PathBuf::from),
                ort_library: n.ort_library.map(PathBuf::from),
                pool_size: n.pool_size.unwrap_or(2),
                timeout_ms: n.timeout_ms.unwrap_or(5_000),
                cache_entries: n.cache_entries.unwrap_or(4096),
            },
            audit: {
                let d = AuditConfig::default();
                AuditConfig {
                    segment_max_bytes: a.segment_bytes.unwrap_or(d.segment_max_bytes),
                    checkpoint_every_records: a
                        .checkpoint_every_records
                        .unwrap_or(d.checkpoint_every_records),
                    checkpoint_every_secs: a
                        .checkpoint_every_seconds
                        .unwrap_or(d.checkpoint_every_secs),
                    retention_days: a.retention_days.or(d.retention_days),
                    ..d
                }
            },
        };
        if config.max_body_bytes == 0 || config.max_decoded_body_bytes < config.max_body_bytes {
            problems.push(
                "limits: max_decoded_body_bytes must be at least max_body_bytes, both > 0".into(),
            );
        }
        if config.audit.retention_days == Some(0) {
            problems.push(format!(
                "audit.retention_days must be at least 1: it is how many days records are kept \
                 ({} is HIPAA's six years)",
                crate::audit::HIPAA_RETENTION_DAYS
            ));
        }
        if config.ner.pool_size == 0 {
            problems.push("ner.pool_size must be at least 1".into());
        }
        // The memory's map is made with room for every client up front: a bound
        // keeps a typo from allocating gigabytes at start-up.
        if config.pseudonym_clients > MAX_PSEUDONYM_BOUND {
            problems.push(format!(
                "proxy.pseudonym_clients must be at most {MAX_PSEUDONYM_BOUND} (0 keeps no pseudonyms past their request)"
            ));
        }
        if config.pseudonym_values == 0 || config.pseudonym_values > MAX_PSEUDONYM_BOUND {
            problems.push(format!(
                "proxy.pseudonym_values must be between 1 and {MAX_PSEUDONYM_BOUND}; to keep nothing past a request, set pseudonym_clients = 0"
            ));
        }
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(ConfigError {
                file: file.to_string(),
                message: problems.join("; "),
            })
        }
    }
}

/// The largest `pseudonym_clients` / `pseudonym_values` accepted.
const MAX_PSEUDONYM_BOUND: usize = 1_000_000;

/// The LLM API hosts intercepted by default.
pub fn default_intercept() -> Vec<String> {
    [
        "api.openai.com",
        "*.openai.azure.com",
        "api.anthropic.com",
        "generativelanguage.googleapis.com",
        "api.mistral.ai",
        "api.groq.com",
        "api.cohere.ai",
        "api.cohere.com",
        "api.together.xyz",
        "api.together.ai",
        "api.deepseek.com",
        "openrouter.ai",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// A TOML error with line and column, and the nearest valid key for unknown ones.
fn describe_toml_error(text: &str, e: &toml::de::Error) -> String {
    let position = e.span().map(|span| {
        let before = &text[..span.start.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        format!("line {line}, column {col}: ")
    });
    let message = e.message().to_string();
    let hint = message
        .split_once("unknown field `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .and_then(|(field, expected)| {
            let valid: Vec<&str> = expected
                .split('`')
                .enumerate()
                .filter(|(i, _)| i % 2 == 1)
                .map(|(_, s)| s)
                .collect();
            crate::policy::error::suggest(field, valid).map(|s| format!(" (did you mean `{s}`?)"))
        })
        .unwrap_or_default();
    format!("{}{message}{hint}", position.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_data_dir_under_home_is_expanded() {
        let c =
            Config::from_toml("t.toml", "[proxy]\ndata_dir = \"~/.local/share/scrim\"\n").unwrap();
        if let Some(home) = std::env::var_os("HOME") {
            assert_eq!(c.data_dir, PathBuf::from(home).join(".local/share/scrim"));
        }
        assert!(!c.data_dir.starts_with("~"), "{}", c.data_dir.display());
        let c = Config::from_toml("t.toml", "[proxy]\ndata_dir = \"/srv/scrim\"\n").unwrap();
        assert_eq!(c.data_dir, PathBuf::from("/srv/scrim"));
    }

    #[test]
    fn embedded_default_is_valid() {
        let c = Config::embedded().unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.admin_listen.to_string(), "127.0.0.1:9090");
        assert!(c.intercept.contains(&"api.openai.com".to_string()));
        assert_eq!(c.unknown_hosts, UnknownHosts::Tunnel);
    }

    /// Regression (review of #6): the code's defaults said 10 000 records / 60 s /
    /// 2192 days while `config/default.toml` said 1000 / 300 s / 2190.
    #[test]
    fn audit_defaults_have_one_source() {
        assert_eq!(Config::embedded().unwrap().audit, AuditConfig::default());
        let bare = Config::from_toml("bare.toml", "[proxy]\n").unwrap();
        assert_eq!(bare.audit, AuditConfig::default());
        assert_eq!(
            AuditConfig::default().retention_days,
            Some(crate::audit::HIPAA_RETENTION_DAYS)
        );
        let set = Config::from_toml(
            "set.toml",
            "[proxy]\n[audit]\nsegment_bytes = 4096\ncheckpoint_every_records = 7\n\
             checkpoint_every_seconds = 2\nretention_days = 30\n",
        )
        .unwrap();
        assert_eq!(
            set.audit,
            AuditConfig {
                segment_max_bytes: 4096,
                checkpoint_every_records: 7,
                checkpoint_every_secs: 2,
                retention_days: Some(30),
                ..AuditConfig::default()
            }
        );
        let err = Config::from_toml("zero.toml", "[proxy]\n[audit]\nretention_days = 0\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("audit.retention_days must be at least 1"),
            "{err}"
        );
    }

    #[test]
    fn pseudonym_memory_bounds_parse_and_are_checked() {
        let embedded = Config::embedded().unwrap();
        assert_eq!(
            embedded.pseudonym_clients,
            crate::proxy::memory::MAX_CLIENTS
        );
        assert_eq!(
            embedded.pseudonym_values,
            crate::proxy::memory::MAX_VALUES_PER_CLIENT
        );
        let off = Config::from_toml("off.toml", "[proxy]\npseudonym_clients = 0\n").unwrap();
        assert_eq!(off.pseudonym_clients, 0);
        for (bad, says) in [
            (
                "pseudonym_values = 0",
                "proxy.pseudonym_values must be between 1",
            ),
            (
                "pseudonym_clients = 99999999999",
                "proxy.pseudonym_clients must be at most",
            ),
        ] {
            let err = Config::from_toml("bad.toml", &format!("[proxy]\n{bad}\n"))
                .unwrap_err()
                .to_string();
            assert!(err.contains(says), "{bad}: {err}");
        }
    }

    #[test]
    fn typos_name_the_line_and_the_fix() {
        let err = Config::from_toml(
            "scrim.toml",
            "[proxy]\nlisten = \"127.0.0.1:1\"\nunknwon_hosts = \"deny\"\n",
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("scrim.toml: line 3"), "{msg}");
        assert!(msg.contains("did you mean `unknown_hosts`"), "{msg}");
    }

    #[test]
    fn bad_values_are_all_reported() {
        let err = Config::from_toml(
            "x.toml",
            "[proxy]\nlisten = \"nowhere\"\nclient_networks = [\"10.0.0.0/99\"]\n[gateway]\nopenai = \"ftp://x\"\n",
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("proxy.listen")
                && msg.contains("client_networks")
                && msg.contains("gateway.openai"),
            "{msg}"
        );
    }
}
