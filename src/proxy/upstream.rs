//! The upstream HTTP client: HTTP/1.1 and HTTP/2 over TLS verified against the
//! system roots plus `--upstream-ca` (there is no insecure mode), or plain HTTP for
//! local backends. Connections are pooled.

use std::path::PathBuf;
use std::time::Duration;

use http::Request;
use hyper::body::Incoming;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

use super::body::Body;

/// The pooled upstream client.
#[derive(Debug, Clone)]
pub struct Upstream {
    client: Client<hyper_rustls::HttpsConnector<HttpConnector>, Body>,
    timeout: Duration,
}

/// Why the upstream did not answer.
#[derive(Debug, thiserror::Error)]
pub enum UpstreamError {
    /// Connection, TLS or protocol failure.
    #[error("upstream unreachable: {0}")]
    Unreachable(String),
    /// No response headers within the deadline.
    #[error("upstream timed out after {0} ms")]
    Timeout(u64),
}

impl Upstream {
    /// A client trusting the system roots and `extra_ca`.
    pub fn new(extra_ca: &[PathBuf], timeout_ms: u64) -> Result<Upstream, crate::tls::TlsError> {
        let tls = crate::tls::upstream_client_config(extra_ca)?;
        // hyper-rustls sets ALPN itself from the enabled HTTP versions.
        let mut tls = (*tls).clone();
        tls.alpn_protocols.clear();
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_connect_timeout(Some(Duration::from_secs(10)));
        // Without it, a request written in several pieces (TLS records, HTTP/2
        // HEADERS then DATA, e.g.) waits for the peer's delayed ACK: +40 ms a request
        // (scripts/bench_proxy.sh, HTTPS_PROXY rows).
        http.set_nodelay(true);
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .enable_http2()
            .wrap_connector(http);
        let client = Client::builder(TokioExecutor::new()).build(https);
        Ok(Upstream {
            client,
            timeout: Duration::from_millis(timeout_ms),
        })
    }

    /// Send a request; resolves when the response headers arrive.
    pub async fn send(
        &self,
        req: Request<Body>,
    ) -> Result<http::Response<Incoming>, UpstreamError> {
        match tokio::time::timeout(self.timeout, self.client.request(req)).await {
            Ok(Ok(resp)) => Ok(resp),
            // The error text names hosts and causes, never bodies.
            Ok(Err(e)) => Err(UpstreamError::Unreachable(error_chain(&e))),
            Err(_) => Err(UpstreamError::Timeout(self.timeout.as_millis() as u64)),
        }
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}
