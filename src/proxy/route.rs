//! The `route` action: the original request goes to a named local backend
//! (OpenAI-compatible or Anthropic-compatible) instead of the cloud, with the
//! model mapped; an Anthropic Messages request to an OpenAI-compatible backend is
//! translated both ways, streaming included. If the backend is down the request is
//! blocked with an error naming the backend — it never falls back to the cloud.

use std::sync::Arc;

use bytes::Bytes;
use http::header::{self, HeaderValue};
use http::{Request, Response, StatusCode};
use http_body_util::BodyExt;

use super::body::{self, Body};
use super::flow::Destination;
use super::respond;
use super::Shared;
use crate::inspect::json;
use crate::inspect::provider::{ApiKind, Provider};
use crate::inspect::translate::{
    anthropic_request_to_openai, openai_error_to_anthropic, openai_response_to_anthropic,
    AnthropicStream,
};
use crate::policy::compiled::{Api, Backend};

/// Send the request to `backend` and relay its answer in the client's format.
#[allow(clippy::too_many_arguments)]
pub async fn route(
    shared: &Arc<Shared>,
    backend_name: &str,
    backend: &Backend,
    parts: http::request::Parts,
    body_bytes: Vec<u8>,
    provider: Provider,
    api: ApiKind,
    dest: &Destination,
) -> Response<Body> {
    let base = backend.base_url.trim_end_matches('/');
    let requested_model = json::segments(&body_bytes)
        .ok()
        .and_then(|segs| {
            segs.into_iter()
                .find(|s| s.pointer == "/model" && !s.is_key)
        })
        .map(|s| s.value)
        .unwrap_or_default();
    let backend_model = backend.model_for(&requested_model).to_string();
    let translate = provider == Provider::Anthropic && backend.api == Api::Openai;

    // Body and path for the backend.
    let (path, body, stream) = if translate {
        match anthropic_request_to_openai(&body_bytes, &backend_model) {
            Ok(t) => ("/chat/completions".to_string(), t.body, t.stream),
            Err(_) => {
                return respond::blocked(
                    provider,
                    StatusCode::BAD_REQUEST,
                    "the request could not be translated for the local backend",
                    "bad_request",
                )
            }
        }
    } else {
        let path = backend_path(&dest.path_and_query, api);
        (path, with_model(&body_bytes, &backend_model), false)
    };
    let uri = format!("{base}{path}");
    let mut builder = Request::builder().method(parts.method.clone()).uri(&uri);
    if let Some(h) = builder.headers_mut() {
        if !translate {
            super::flow::copy_request_headers(&parts.headers, h);
            // Cloud credentials are not the local backend's business.
            h.remove(header::AUTHORIZATION);
            h.remove("x-api-key");
            h.remove("x-goog-api-key");
        }
        h.remove(header::CONTENT_ENCODING);
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("identity"),
        );
    }
    let req = match builder.body(body::full(body)) {
        Ok(r) => r,
        Err(_) => {
            return respond::blocked(
                provider,
                StatusCode::BAD_REQUEST,
                "malformed request",
                "bad_request",
            )
        }
    };
    let resp = match shared.upstream.send(req).await {
        Ok(r) => r,
        Err(e) => {
            tracing::warn!(backend = backend_name, error = %e, "local backend unavailable");
            return respond::unavailable(
                provider,
                &format!("the local backend `{backend_name}` that this request must be routed to is unavailable; the request was not sent anywhere"),
                "backend_unavailable",
            );
        }
    };
    if !translate {
        return respond::relay(
            resp,
            None,
            provider,
            api,
            shared.config.max_decoded_body_bytes,
        )
        .await;
    }
    // OpenAI answer → Anthropic answer.
    let (rparts, incoming) = resp.into_parts();
    let is_sse = rparts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/event-stream"));
    if stream && is_sse && rparts.status.is_success() {
        let (tx, out_body) = body::channel(16);
        // Name the model that answered, as the OpenAI path does (the client
        // learns its request was served locally).
        let model = backend_model.clone();
        tokio::spawn(async move {
            let mut translator = AnthropicStream::new(&model);
            let mut incoming = incoming;
            while let Some(frame) = incoming.frame().await {
                match frame {
                    Ok(f) => {
                        if let Some(d) = f.data_ref() {
                            let out = translator.push_bytes(d);
                            if !out.is_empty() && tx.send(Ok(Bytes::from(out))).await.is_err() {
                                return;
                            }
                        }
                    }
                    Err(e) => {
                        let _ = tx.send(Err(Box::new(e))).await;
                        return;
                    }
                }
            }
            let tail = translator.finish_bytes();
            if !tail.is_empty() {
                let _ = tx.send(Ok(Bytes::from(tail))).await;
            }
        });
        return Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, "text/event-stream")
            .header(header::CACHE_CONTROL, "no-cache")
            .body(out_body)
            .unwrap_or_else(|_| {
                respond::blocked(
                    provider,
                    StatusCode::BAD_GATEWAY,
                    "bad backend response",
                    "backend_protocol",
                )
            });
    }
    let raw = match body::collect_limited(incoming, shared.config.max_decoded_body_bytes).await {
        Ok(b) => b,
        Err(_) => {
            return respond::unavailable(
                provider,
                &format!("the local backend `{backend_name}` failed"),
                "backend_unavailable",
            )
        }
    };
    let translated = if rparts.status.is_success() {
        match openai_response_to_anthropic(&raw, &backend_model) {
            Ok(b) => b,
            Err(_) => {
                return respond::unavailable(
                    provider,
                    &format!(
                        "the local backend `{backend_name}` gave an answer scrim cannot translate"
                    ),
                    "backend_protocol",
                )
            }
        }
    } else {
        openai_error_to_anthropic(&raw)
    };
    Response::builder()
        .status(rparts.status)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, translated.len())
        .body(body::full(translated))
        .unwrap_or_else(|_| {
            respond::blocked(
                provider,
                StatusCode::BAD_GATEWAY,
                "bad backend response",
                "backend_protocol",
            )
        })
}

/// The backend path for a request path: the part after the API version, since the
/// backend's base URL carries its own (`…/v1/chat/completions` → `/chat/completions`).
fn backend_path(path_and_query: &str, api: ApiKind) -> String {
    let path = path_and_query.split('?').next().unwrap_or("/");
    match api {
        ApiKind::OpenAiChat => "/chat/completions".into(),
        ApiKind::OpenAiCompletions => "/completions".into(),
        ApiKind::OpenAiEmbeddings => "/embeddings".into(),
        ApiKind::OpenAiResponses => "/responses".into(),
        ApiKind::AnthropicMessages => "/messages".into(),
        _ => match path.find("/v1/") {
            Some(i) => path[i + 3..].to_string(),
            None => path.to_string(),
        },
    }
}

/// The body with its top-level `model` replaced.
fn with_model(body: &[u8], model: &str) -> Vec<u8> {
    match json::segments(body) {
        Ok(segs) => {
            let idx = segs.iter().position(|s| s.pointer == "/model" && !s.is_key);
            match idx {
                Some(i) => json::rewrite(body, &segs, &[(i, model.to_string())]),
                None => body.to_vec(),
            }
        }
        Err(_) => body.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_models() {
        assert_eq!(
            backend_path("/v1/chat/completions", ApiKind::OpenAiChat),
            "/chat/completions"
        );
        assert_eq!(
            backend_path("/openai/v1/models", ApiKind::Unknown),
            "/models"
        );
        let body = br#"{"model": "gpt-4o", "messages": []}"#;
        assert_eq!(
            with_model(body, "smollm2"),
            br#"{"model": "smollm2", "messages": []}"#.to_vec()
        );
    }
}
