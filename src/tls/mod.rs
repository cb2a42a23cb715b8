//! TLS for interception: the local CA, leaf certificates minted per host, and the rustls
//! configurations on both sides of the proxy.
//!
//! ```text
//! client ──TLS (leaf for SNI, signed by the local CA)──▶ scrim ──TLS (verified)──▶ API host
//!          server_config(SniResolver ─▶ CertCache ─▶ LocalCa)   upstream_client_config(roots)
//! ```
//!
//! Use from the proxy, once at start-up:
//!
//! ```no_run
//! # fn main() -> Result<(), scrim::tls::TlsError> {
//! use std::sync::Arc;
//! use scrim::tls::{CertCache, LocalCa, SniResolver};
//! let ca = Arc::new(LocalCa::load_or_create("/var/lib/scrim".as_ref())?);
//! let certs = Arc::new(CertCache::new(ca, 1000, 30)?); // cert_cache_entries, leaf days
//! let upstream = scrim::tls::upstream_client_config(&[])?; // + `--upstream-ca` files
//! // per intercepted CONNECT to `host`:
//! let host = "api.openai.com";
//! let server = scrim::tls::server_config(Arc::new(SniResolver::new(certs.clone(), host)))?;
//! // tokio_rustls::TlsAcceptor::from(server), tokio_rustls::TlsConnector::from(upstream)
//! # let _ = (server, upstream); Ok(()) }
//! ```
//!
//! Invariants (each has a test in `tests/tls.rs`):
//! - **Leaf keys are never the CA key.** Every leaf gets a fresh ECDSA P-256 key; the CA key
//!   only signs. (hudsucker signs leaves with the CA's own key; we check on every mint.)
//! - **The CA key file is mode 0600 from the moment it exists** (created with that mode,
//!   then linked into place), is never overwritten, and is refused if others can read it.
//! - **No key material in errors, logs or `Debug`.** Errors name files, not contents.
//! - **No insecure mode.** Upstream certificates are always verified against the system
//!   roots plus explicitly given CA files; nothing here can turn verification off.
//! - **One crypto provider (ring).** Configurations are built with [`crypto_provider`],
//!   never the process default, and `cargo tree -i aws-lc-rs` stays empty.
//! - **No panics on input.** Host names, files and handshakes produce [`TlsError`] values;
//!   nothing here `unwrap`s or `expect`s them.

mod ca;
mod config;
mod error;
mod leaf;

pub use ca::{format_utc, CaCertificate, LocalCa, CA_CERT_FILE, CA_DIR, CA_KEY_FILE};
pub use config::{crypto_provider, server_config, upstream_client_config, ALPN_H2, ALPN_HTTP11};
pub use error::TlsError;
pub use leaf::{CertCache, SniResolver, MAX_LEAF_VALIDITY_DAYS};
