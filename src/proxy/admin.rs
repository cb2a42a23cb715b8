//! The admin API (loopback by default): `/healthz` (the process answers),
//! `/readyz` (model loaded, policy compiled, audit writable), `/metrics`
//! (Prometheus), `/audit/query` and `/audit/stats` (the audit log of the running
//! proxy, whose index it holds locked), `POST /policy/reload`.

use std::convert::Infallible;
use std::sync::Arc;

use http::header::{self, HeaderValue};
use http::{Method, Request, Response, StatusCode};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;

use super::body::{self, Body};
use super::Shared;

/// Serve the admin API until shutdown.
pub async fn serve(
    shared: Arc<Shared>,
    listener: TcpListener,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        let (stream, _) = tokio::select! {
            _ = shutdown.changed() => return,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(_) => continue,
            },
        };
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let service = service_fn(move |req| {
                let shared = Arc::clone(&shared);
                async move { Ok::<_, Infallible>(handle(&shared, req).await) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

fn reply(
    status: StatusCode,
    content_type: &'static str,
    body: impl Into<bytes::Bytes>,
) -> Response<Body> {
    let mut r = Response::new(body::full(body));
    *r.status_mut() = status;
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    r
}

async fn handle(shared: &Arc<Shared>, req: Request<Incoming>) -> Response<Body> {
    let path = req.uri().path().to_string();
    let query = req.uri().query().unwrap_or("").to_string();
    match (req.method(), path.as_str()) {
        (&Method::GET, "/healthz") => reply(StatusCode::OK, "text/plain", "ok\n"),
        (&Method::GET, "/readyz") => readiness(shared),
        (&Method::GET, "/metrics") => reply(
            StatusCode::OK,
            "text/plain; version=0.0.4",
            shared.metrics.render(),
        ),
        (&Method::GET, "/audit/query") | (&Method::GET, "/audit/stats") => {
            let log = shared.audit.clone();
            let answer = tokio::task::spawn_blocking(move || {
                crate::audit::admin::respond(&log, &path, &query)
            })
            .await;
            match answer {
                Ok(a) => reply(
                    StatusCode::from_u16(a.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                    "application/json",
                    a.body,
                ),
                Err(_) => reply(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "application/json",
                    "{\"error\":\"query failed\"}",
                ),
            }
        }
        (&Method::POST, "/policy/reload") => match shared.reload_now() {
            Ok(()) => reply(
                StatusCode::OK,
                "application/json",
                serde_json::json!({"reloaded": true, "policy": shared.active.load().policy.name()})
                    .to_string(),
            ),
            Err(e) => reply(
                StatusCode::UNPROCESSABLE_ENTITY,
                "application/json",
                serde_json::json!({"reloaded": false, "errors": e}).to_string(),
            ),
        },
        _ => reply(StatusCode::NOT_FOUND, "text/plain", "not found\n"),
    }
}

/// The audit directory accepts a new file (a full or read-only disk would fail
/// every append, so the proxy would block every request).
fn audit_dir_writable(dir: &std::path::Path) -> bool {
    let probe = dir.join(".ready-probe");
    let ok = std::fs::write(&probe, b"").is_ok();
    let _ = std::fs::remove_file(&probe);
    ok
}

fn readiness(shared: &Shared) -> Response<Body> {
    let active = shared.active.load();
    let model = !shared.config.ner.enabled || active.pipeline.has_ner();
    // A failed write stops the writer until restart: every request is refused then,
    // so the proxy is not ready even if the directory is writable again.
    let audit = audit_dir_writable(shared.audit.dir()) && shared.audit.metrics().failures == 0;
    let body = serde_json::json!({
        "ready": model && audit,
        "model_loaded": model,
        "policy": { "name": active.policy.name(), "version": active.policy.version(), "content_hash": active.policy.content_hash() },
        "audit_writable": audit,
    });
    let status = if model && audit {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    reply(status, "application/json", body.to_string())
}
