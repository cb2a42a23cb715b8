//! rustls configurations: toward clients (serving minted leaves) and toward upstream
//! API servers (verifying them against the system roots plus `--upstream-ca` files).
//!
//! Both use the ring provider explicitly rather than rustls' process-wide default, so the
//! configuration never depends on which provider some other crate installed first.
//! There is deliberately no way to turn upstream verification off.

use std::path::PathBuf;
use std::sync::Arc;

use rustls::crypto::CryptoProvider;
use rustls::server::ResolvesServerCert;
use rustls::{ClientConfig, RootCertStore, ServerConfig};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::CertificateDer;

use super::TlsError;

/// ALPN identifier of HTTP/2.
pub const ALPN_H2: &[u8] = b"h2";
/// ALPN identifier of HTTP/1.1.
pub const ALPN_HTTP11: &[u8] = b"http/1.1";

/// The one crypto provider of the binary (DESIGN.md: ring everywhere).
pub fn crypto_provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn alpn() -> Vec<Vec<u8>> {
    vec![ALPN_H2.to_vec(), ALPN_HTTP11.to_vec()]
}

/// Server side of an intercepted connection: certificates from `resolver`, TLS 1.3 and
/// 1.2, ALPN `h2` then `http/1.1`, no client authentication.
///
/// Meant to be built per connection (the resolver carries the CONNECT host), so TLS 1.3
/// session tickets are turned off: a ticket issued under one connection's configuration
/// could never be redeemed under the next one's, and issuing them is wasted work.
pub fn server_config(resolver: Arc<dyn ResolvesServerCert>) -> Result<Arc<ServerConfig>, TlsError> {
    let mut config = ServerConfig::builder_with_provider(crypto_provider())
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_cert_resolver(resolver);
    config.alpn_protocols = alpn();
    config.send_tls13_tickets = 0;
    Ok(Arc::new(config))
}

/// Client side toward upstream API servers: the system trust roots plus every
/// certificate in `extra_ca_files` (PEM; e.g. a corporate TLS-inspection CA), ALPN `h2`
/// then `http/1.1`. Certificates are always verified: there is no insecure mode.
///
/// Unparsable system certificates are skipped with a warning; an unusable extra CA file
/// is an error naming it; no trust root at all is an error.
pub fn upstream_client_config(extra_ca_files: &[PathBuf]) -> Result<Arc<ClientConfig>, TlsError> {
    let mut roots = RootCertStore::empty();

    let native = rustls_native_certs::load_native_certs();
    for error in &native.errors {
        tracing::warn!(%error, "some system trust roots could not be loaded");
    }
    let (added, ignored) = roots.add_parsable_certificates(native.certs);
    if ignored > 0 {
        tracing::warn!(ignored, "system trust roots skipped as unparsable");
    }
    tracing::debug!(added, "system trust roots loaded");

    for path in extra_ca_files {
        let certs = read_pem_certs(path)?;
        for (i, cert) in certs.into_iter().enumerate() {
            roots.add(cert).map_err(|e| TlsError::UpstreamCa {
                path: path.clone(),
                reason: format!("certificate #{} is not a usable trust anchor: {e}", i + 1),
            })?;
        }
    }
    if roots.is_empty() {
        return Err(TlsError::NoTrustRoots);
    }

    let mut config = ClientConfig::builder_with_provider(crypto_provider())
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = alpn();
    Ok(Arc::new(config))
}

/// Every certificate in a PEM file; at least one, else an error naming the file.
fn read_pem_certs(path: &PathBuf) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let bytes = std::fs::read(path).map_err(|source| TlsError::Read {
        path: path.clone(),
        source,
    })?;
    let certs = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| TlsError::UpstreamCa {
            path: path.clone(),
            reason: format!("not valid PEM: {e}"),
        })?;
    if certs.is_empty() {
        return Err(TlsError::UpstreamCa {
            path: path.clone(),
            reason: "no \"BEGIN CERTIFICATE\" block found".into(),
        });
    }
    Ok(certs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_extra_ca_file_is_named() {
        let err = upstream_client_config(&[PathBuf::from("/nonexistent/corp-ca.pem")])
            .expect_err("missing file");
        assert!(
            err.to_string().contains("/nonexistent/corp-ca.pem"),
            "{err}"
        );
    }

    #[test]
    fn extra_ca_file_without_certs_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.pem");
        std::fs::write(&path, "just text\n").unwrap();
        let err = upstream_client_config(std::slice::from_ref(&path)).expect_err("no certs");
        assert!(err.to_string().contains("empty.pem"), "{err}");
        assert!(err.to_string().contains("BEGIN CERTIFICATE"), "{err}");
    }

    #[test]
    fn server_config_offers_h2_then_http11() {
        #[derive(Debug)]
        struct NoCert;
        impl ResolvesServerCert for NoCert {
            fn resolve(
                &self,
                _: rustls::server::ClientHello<'_>,
            ) -> Option<Arc<rustls::sign::CertifiedKey>> {
                None
            }
        }
        let config = server_config(Arc::new(NoCert)).unwrap();
        assert_eq!(
            config.alpn_protocols,
            vec![b"h2".to_vec(), b"http/1.1".to_vec()]
        );
        assert_eq!(config.send_tls13_tickets, 0);
    }
}
