//! The proxy listener: accepts connections, checks who the client is, and sends
//! each request where it belongs — CONNECT (intercept, tunnel or deny), plain
//! `http://` proxy requests, or gateway paths — to [`flow::handle`].

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

use http::header::{self, HeaderValue};
use http::{Method, Request, Response, StatusCode};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

use crate::inspect::provider::Provider;

use super::access::{Quick, Refusal};
use super::body::{self, Body};
use super::flow::{self, Client, Destination};
use super::Shared;
use crate::tls::SniResolver;

/// Accept connections until shutdown.
pub async fn serve(
    shared: Arc<Shared>,
    listener: TcpListener,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        let (stream, peer) = tokio::select! {
            _ = shutdown.changed() => return,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed");
                    continue;
                }
            },
        };
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let _ = stream.set_nodelay(true);
            let service = service_fn(move |req| {
                let shared = Arc::clone(&shared);
                async move { Ok::<_, Infallible>(entry(shared, peer, req).await) }
            });
            // HTTP/1.1 on the proxy port: CONNECT needs it, and gateway clients use it.
            if let Err(e) = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .with_upgrades()
                .await
            {
                tracing::debug!(error = %e, "client connection ended");
            }
        });
    }
}

fn simple(status: StatusCode, text: &'static str) -> Response<Body> {
    let mut r = Response::new(body::full(text));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

async fn entry(shared: Arc<Shared>, peer: SocketAddr, req: Request<Incoming>) -> Response<Body> {
    let auth = req
        .headers()
        .get(header::PROXY_AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let checked = match shared.access.quick_check(peer.ip(), auth.as_deref()) {
        Quick::Decided(result) => result,
        // Argon2 is slow by design: verify on a blocking thread, never on the
        // async workers.
        Quick::NeedsVerify => {
            let verifier = Arc::clone(&shared);
            let header = auth.unwrap_or_default();
            tokio::task::spawn_blocking(move || verifier.access.verify(&header))
                .await
                .unwrap_or(Err(Refusal::Credentials))
        }
    };
    let identity = match checked {
        Ok(id) => id,
        Err(Refusal::Network) => {
            return simple(
                StatusCode::FORBIDDEN,
                "scrim: this client network may not use the proxy\n",
            )
        }
        Err(Refusal::Credentials) => {
            let mut r = simple(
                StatusCode::PROXY_AUTHENTICATION_REQUIRED,
                "scrim: proxy credentials required\n",
            );
            r.headers_mut().insert(
                header::PROXY_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"scrim\""),
            );
            return r;
        }
    };
    let client = Client {
        addr: peer,
        identity,
    };
    if req.method() == Method::CONNECT {
        return connect(shared, client, req).await;
    }
    // Absolute-form: a plain http:// request through the proxy.
    if let (Some(scheme), Some(authority)) = (req.uri().scheme_str(), req.uri().authority()) {
        let dest = Destination {
            scheme: if scheme == "https" { "https" } else { "http" },
            host: authority.host().to_ascii_lowercase(),
            port: authority
                .port_u16()
                .unwrap_or(if scheme == "https" { 443 } else { 80 }),
            path_and_query: req
                .uri()
                .path_and_query()
                .map_or("/".into(), |p| p.as_str().to_string()),
            gateway: None,
        };
        if shared.intercepts(&dest.host) {
            return flow::handle(shared, client, dest, req).await;
        }
        return passthrough(shared, client, dest, req).await;
    }
    // Origin-form: gateway mode.
    match gateway_destination(&shared, req.uri().path_and_query().map_or("/", |p| p.as_str())) {
        Some(dest) => flow::handle(shared, client, dest, req).await,
        None => simple(
            StatusCode::NOT_FOUND,
            "scrim: use scrim as HTTPS_PROXY, or a base URL under /openai/v1, /anthropic or /gemini\n",
        ),
    }
}

/// `/openai/v1/chat/completions` → the configured OpenAI base + `/v1/chat/completions`.
pub fn gateway_destination(shared: &Shared, path_and_query: &str) -> Option<Destination> {
    let gw = &shared.config.gateway;
    let (provider, base, rest) = [
        ("/openai", Provider::OpenAi, &gw.openai),
        ("/anthropic", Provider::Anthropic, &gw.anthropic),
        ("/gemini", Provider::Gemini, &gw.gemini),
    ]
    .into_iter()
    .find_map(|(prefix, provider, base)| {
        let rest = path_and_query.strip_prefix(prefix)?;
        (rest.is_empty() || rest.starts_with('/') || rest.starts_with('?')).then_some((
            provider,
            base.as_str(),
            rest,
        ))
    })?;
    let uri: http::Uri = base.parse().ok()?;
    let scheme = if uri.scheme_str() == Some("http") {
        "http"
    } else {
        "https"
    };
    let authority = uri.authority()?;
    let base_path = uri.path().trim_end_matches('/');
    Some(Destination {
        scheme,
        host: authority.host().to_ascii_lowercase(),
        port: authority
            .port_u16()
            .unwrap_or(if scheme == "https" { 443 } else { 80 }),
        path_and_query: format!("{base_path}{}", if rest.is_empty() { "/" } else { rest }),
        gateway: Some(provider),
    })
}

/// A plain http:// request to a host that is not intercepted: forwarded untouched
/// (`unknown_hosts = tunnel`) or refused (`deny`), audited either way.
async fn passthrough(
    shared: Arc<Shared>,
    client: Client,
    dest: Destination,
    req: Request<Incoming>,
) -> Response<Body> {
    let tunnel = shared.config.unknown_hosts == crate::config::UnknownHosts::Tunnel;
    if super::record::connect_record(&shared, &client, &dest.host, tunnel)
        .await
        .is_err()
    {
        return simple(
            StatusCode::SERVICE_UNAVAILABLE,
            "scrim: the audit log is unavailable\n",
        );
    }
    if !tunnel {
        return simple(
            StatusCode::FORBIDDEN,
            "scrim: this destination is not allowed through the proxy\n",
        );
    }
    let (parts, incoming) = req.into_parts();
    let mut builder = Request::builder().method(parts.method.clone()).uri(format!(
        "{}{}",
        dest.origin(),
        dest.path_and_query
    ));
    if let Some(h) = builder.headers_mut() {
        flow::copy_request_headers(&parts.headers, h);
        if let Some(len) = parts.headers.get(header::CONTENT_LENGTH) {
            h.insert(header::CONTENT_LENGTH, len.clone());
        }
    }
    let Ok(out) = builder.body(body::stream(incoming)) else {
        return simple(StatusCode::BAD_REQUEST, "scrim: malformed request\n");
    };
    match shared.upstream.send(out).await {
        Ok(resp) => {
            let (p, b) = resp.into_parts();
            let mut r = Response::new(body::stream(b));
            *r.status_mut() = p.status;
            flow::copy_response_headers(&p.headers, r.headers_mut());
            r
        }
        Err(_) => simple(
            StatusCode::BAD_GATEWAY,
            "scrim: the destination could not be reached\n",
        ),
    }
}

/// CONNECT host:port.
async fn connect(shared: Arc<Shared>, client: Client, req: Request<Incoming>) -> Response<Body> {
    let Some(authority) = req.uri().authority().cloned() else {
        return simple(StatusCode::BAD_REQUEST, "scrim: CONNECT needs host:port\n");
    };
    let host = authority
        .host()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase();
    let port = authority.port_u16().unwrap_or(443);
    if shared.intercepts(&host) {
        tokio::spawn(async move {
            match hyper::upgrade::on(req).await {
                Ok(upgraded) => intercept(shared, client, host, port, TokioIo::new(upgraded)).await,
                Err(e) => tracing::debug!(error = %e, "CONNECT upgrade failed"),
            }
        });
        return Response::new(body::empty());
    }
    let tunnel = shared.config.unknown_hosts == crate::config::UnknownHosts::Tunnel;
    if super::record::connect_record(&shared, &client, &host, tunnel)
        .await
        .is_err()
    {
        return simple(
            StatusCode::SERVICE_UNAVAILABLE,
            "scrim: the audit log is unavailable\n",
        );
    }
    if !tunnel {
        return simple(
            StatusCode::FORBIDDEN,
            "scrim: CONNECT to this host is not allowed\n",
        );
    }
    let upstream = match TcpStream::connect((host.as_str(), port)).await {
        Ok(s) => s,
        Err(_) => {
            return simple(
                StatusCode::BAD_GATEWAY,
                "scrim: the destination could not be reached\n",
            )
        }
    };
    tokio::spawn(async move {
        match hyper::upgrade::on(req).await {
            Ok(upgraded) => {
                let mut client_io = TokioIo::new(upgraded);
                let mut upstream = upstream;
                let _ = tokio::io::copy_bidirectional(&mut client_io, &mut upstream).await;
            }
            Err(e) => tracing::debug!(error = %e, "CONNECT upgrade failed"),
        }
    });
    Response::new(body::empty())
}

/// Terminate the client's TLS with a leaf for the SNI (or the CONNECT host) and
/// serve HTTP/1.1 or HTTP/2 inside it; every request goes through the flow.
async fn intercept<IO>(shared: Arc<Shared>, client: Client, host: String, port: u16, io: IO)
where
    IO: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let resolver = Arc::new(SniResolver::new(Arc::clone(&shared.certs), host.clone()));
    let config = match crate::tls::server_config(resolver) {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "TLS configuration failed");
            return;
        }
    };
    let tls = match tokio_rustls::TlsAcceptor::from(config).accept(io).await {
        Ok(t) => t,
        Err(e) => {
            // Usually a client that does not trust scrim's CA.
            tracing::info!(host = %host, error = %e, "TLS handshake with the client failed (does it trust scrim's CA?)");
            return;
        }
    };
    // The destination is the CONNECT host; a client naming another server in its
    // SNI gets nothing (no request smuggled to one host under another's name).
    if let Some(sni) = tls.get_ref().1.server_name() {
        if !sni.eq_ignore_ascii_case(&host) {
            tracing::info!(host = %host, "TLS SNI differs from the CONNECT host: connection closed");
            return;
        }
    }
    let service = service_fn(move |req: Request<Incoming>| {
        let shared = Arc::clone(&shared);
        let client = client.clone();
        let dest = Destination {
            scheme: "https",
            host: host.clone(),
            port,
            path_and_query: req
                .uri()
                .path_and_query()
                .map_or("/".into(), |p| p.as_str().to_string()),
            gateway: None,
        };
        async move { Ok::<_, Infallible>(flow::handle(shared, client, dest, req).await) }
    });
    if let Err(e) = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new())
        .serve_connection(TokioIo::new(tls), service)
        .await
    {
        tracing::debug!(error = %e, "intercepted connection ended");
    }
}
