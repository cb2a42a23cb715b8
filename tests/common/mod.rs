//! Test doubles for what stands outside scrim: a test CA made at test time, a fake
//! LLM upstream (TLS, records everything it receives, echoes prompts back, streams
//! in small pieces so placeholders split across events) and a fake local backend.
//! And a helper that starts the real proxy in-process on free ports.
#![allow(dead_code, clippy::unwrap_used)] // shared by several test crates; failures are test failures

mod policy;
pub use policy::test_policy;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http::{Request, Response};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::net::TcpListener;

/// A CA for the fake upstream's certificate.
pub struct TestCa {
    pub ca_pem_path: PathBuf,
    pub server_config: Arc<rustls::ServerConfig>,
}

impl TestCa {
    pub fn new(dir: &Path) -> TestCa {
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "scrim test upstream CA");
        let ca_cert = ca_params.self_signed(&ca_key).unwrap();
        let leaf_key = rcgen::KeyPair::generate().unwrap();
        let mut leaf_params = rcgen::CertificateParams::new(vec!["localhost".to_string()]).unwrap();
        leaf_params
            .subject_alt_names
            .push(rcgen::SanType::IpAddress("127.0.0.1".parse().unwrap()));
        let issuer = rcgen::Issuer::new(ca_params, ca_key);
        let leaf = leaf_params.signed_by(&leaf_key, &issuer).unwrap();
        let ca_pem_path = dir.join("test-upstream-ca.pem");
        std::fs::write(&ca_pem_path, ca_cert.pem()).unwrap();
        let key = rustls_pki_types::PrivateKeyDer::Pkcs8(leaf_key.serialize_der().into());
        let mut server_config =
            rustls::ServerConfig::builder_with_provider(scrim::tls::crypto_provider())
                .with_safe_default_protocol_versions()
                .unwrap()
                .with_no_client_auth()
                .with_single_cert(vec![leaf.der().clone(), ca_cert.der().clone()], key)
                .unwrap();
        server_config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        TestCa {
            ca_pem_path,
            server_config: Arc::new(server_config),
        }
    }
}

/// One request the fake received.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Received {
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A fake LLM API (OpenAI chat — with tool calls when the request offers tools —,
/// Responses and embeddings, Anthropic messages, Gemini generateContent).
pub struct FakeApi {
    pub addr: SocketAddr,
    pub received: Arc<Mutex<Vec<Received>>>,
}

impl FakeApi {
    /// Everything received so far, concatenated (for "never saw this value" checks).
    pub fn all_bodies(&self) -> String {
        self.received
            .lock()
            .unwrap()
            .iter()
            .map(Received::body_text)
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn count(&self) -> usize {
        self.received.lock().unwrap().len()
    }

    /// Start on a free port; TLS when `tls` is given. `reply` is the fixed answer
    /// text; when `None` the answer echoes the prompt ("You said: …").
    pub async fn start(
        tls: Option<Arc<rustls::ServerConfig>>,
        reply: Option<&'static str>,
    ) -> FakeApi {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let received: Arc<Mutex<Vec<Received>>> = Arc::default();
        let rec = Arc::clone(&received);
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let rec = Arc::clone(&rec);
                let tls = tls.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |req| {
                        let rec = Arc::clone(&rec);
                        async move { Ok::<_, Infallible>(answer(req, rec, reply).await) }
                    });
                    let builder =
                        hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
                    match tls {
                        Some(cfg) => {
                            if let Ok(s) = tokio_rustls::TlsAcceptor::from(cfg).accept(stream).await
                            {
                                let _ = builder.serve_connection(TokioIo::new(s), service).await;
                            }
                        }
                        None => {
                            let _ = builder
                                .serve_connection(TokioIo::new(stream), service)
                                .await;
                        }
                    }
                });
            }
        });
        FakeApi { addr, received }
    }
}

type FakeBody = http_body_util::combinators::BoxBody<Bytes, Infallible>;

fn full(s: impl Into<Bytes>) -> FakeBody {
    Full::new(s.into()).boxed()
}

/// Split `text` into chunks of `n` bytes (on char boundaries).
fn pieces(text: &str, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        cur.push(c);
        if cur.len() >= n {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Every string under the request's prompt fields, joined.
fn prompt_text(v: &serde_json::Value) -> String {
    let mut out = Vec::new();
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => {
                for (k, x) in o {
                    if k != "role" && k != "type" && k != "model" {
                        walk(x, out);
                    }
                }
            }
            _ => {}
        }
    }
    for key in ["messages", "system", "contents", "input", "prompt"] {
        if let Some(x) = v.get(key) {
            walk(x, &mut out);
        }
    }
    out.join(" ")
}

async fn answer(
    req: Request<Incoming>,
    rec: Arc<Mutex<Vec<Received>>>,
    reply: Option<&'static str>,
) -> Response<FakeBody> {
    let method = req.method().to_string();
    let path = req.uri().path().to_string();
    let headers = req
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let body = req
        .into_body()
        .collect()
        .await
        .map(|c| c.to_bytes().to_vec())
        .unwrap_or_default();
    rec.lock().unwrap().push(Received {
        method,
        path: path.clone(),
        headers,
        body: body.clone(),
    });
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null);
    let text = match reply {
        Some(r) => r.to_string(),
        None => format!("You said: {}", prompt_text(&json)),
    };
    let stream = json.get("stream").and_then(|s| s.as_bool()) == Some(true)
        || path.contains("streamGenerateContent");
    let sse = |events: Vec<String>| {
        Response::builder()
            .header("content-type", "text/event-stream")
            .body(full(events.concat()))
            .unwrap()
    };
    if path.ends_with("/chat/completions") {
        // A request that offers tools gets a call of the first one back.
        if let Some(name) = json
            .pointer("/tools/0/function/name")
            .and_then(|n| n.as_str())
        {
            return chat_tool_call(name, &text, stream, &json);
        }
        if stream {
            let mut events = vec![format!(
                "data: {}\n\n",
                serde_json::json!({"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]})
            )];
            for p in pieces(&text, 3) {
                events.push(format!(
                    "data: {}\n\n",
                    serde_json::json!({"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":p},"finish_reason":null}]})
                ));
            }
            events.push(format!(
                "data: {}\n\n",
                serde_json::json!({"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})
            ));
            events.push("data: [DONE]\n\n".into());
            return sse(events);
        }
        let out = serde_json::json!({
            "id": "c1", "object": "chat.completion", "created": 1, "model": json.get("model").cloned().unwrap_or_default(),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}
        });
        return Response::builder()
            .header("content-type", "application/json")
            .body(full(out.to_string()))
            .unwrap();
    }
    if path.ends_with("/messages") {
        let model = json.get("model").cloned().unwrap_or_default();
        if stream {
            let mut events = vec![
                format!(
                    "event: message_start\ndata: {}\n\n",
                    serde_json::json!({"type":"message_start","message":{"id":"m1","type":"message","role":"assistant","model":model,"content":[],"stop_reason":null,"usage":{"input_tokens":1,"output_tokens":0}}})
                ),
                format!(
                    "event: content_block_start\ndata: {}\n\n",
                    serde_json::json!({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})
                ),
            ];
            for p in pieces(&text, 3) {
                events.push(format!("event: content_block_delta\ndata: {}\n\n", serde_json::json!({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":p}})));
            }
            events.push(format!(
                "event: content_block_stop\ndata: {}\n\n",
                serde_json::json!({"type":"content_block_stop","index":0})
            ));
            events.push(format!("event: message_delta\ndata: {}\n\n", serde_json::json!({"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":5}})));
            events.push(format!(
                "event: message_stop\ndata: {}\n\n",
                serde_json::json!({"type":"message_stop"})
            ));
            return sse(events);
        }
        let out = serde_json::json!({
            "id": "m1", "type": "message", "role": "assistant", "model": model,
            "content": [{"type": "text", "text": text}], "stop_reason": "end_turn", "stop_sequence": null,
            "usage": {"input_tokens": 1, "output_tokens": 1}
        });
        return Response::builder()
            .header("content-type", "application/json")
            .body(full(out.to_string()))
            .unwrap();
    }
    if path.ends_with("/responses") {
        return responses_answer(&text, stream, &json);
    }
    if path.ends_with("/embeddings") {
        return embeddings_answer(&json);
    }
    if path.contains(":generateContent") || path.contains(":streamGenerateContent") {
        let out = serde_json::json!({"candidates": [{"content": {"role": "model", "parts": [{"text": text}]}, "finishReason": "STOP", "index": 0}]});
        return Response::builder()
            .header("content-type", "application/json")
            .body(full(out.to_string()))
            .unwrap();
    }
    Response::builder()
        .status(404)
        .body(full("not found"))
        .unwrap()
}

fn sse_response(events: Vec<String>) -> Response<FakeBody> {
    Response::builder()
        .header("content-type", "text/event-stream")
        .body(full(events.concat()))
        .unwrap()
}

fn json_response(v: serde_json::Value) -> Response<FakeBody> {
    Response::builder()
        .header("content-type", "application/json")
        .body(full(v.to_string()))
        .unwrap()
}

/// OpenAI chat: a call of tool `name` whose `arguments` (JSON text) is
/// `{"echo": text}`; streamed, the arguments come in 3-byte pieces.
fn chat_tool_call(
    name: &str,
    text: &str,
    stream: bool,
    req: &serde_json::Value,
) -> Response<FakeBody> {
    let arguments = serde_json::json!({ "echo": text }).to_string();
    if stream {
        let chunk = |delta: serde_json::Value, finish: serde_json::Value| {
            format!(
                "data: {}\n\n",
                serde_json::json!({"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":delta,"finish_reason":finish}]})
            )
        };
        let mut events = vec![chunk(
            serde_json::json!({"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_f1","type":"function","function":{"name":name,"arguments":""}}]}),
            serde_json::Value::Null,
        )];
        for p in pieces(&arguments, 3) {
            events.push(chunk(
                serde_json::json!({"tool_calls":[{"index":0,"function":{"arguments":p}}]}),
                serde_json::Value::Null,
            ));
        }
        events.push(chunk(serde_json::json!({}), "tool_calls".into()));
        events.push("data: [DONE]\n\n".into());
        return sse_response(events);
    }
    json_response(serde_json::json!({
        "id": "c1", "object": "chat.completion", "created": 1, "model": req.get("model").cloned().unwrap_or_default(),
        "choices": [{"index": 0, "message": {"role": "assistant", "content": null, "tool_calls": [
            {"id": "call_f1", "type": "function", "function": {"name": name, "arguments": arguments}}
        ]}, "finish_reason": "tool_calls"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}
    }))
}

/// OpenAI Responses: one message with one `output_text`; streamed, the text
/// comes in 3-byte `response.output_text.delta` events, then the `done` events
/// and `response.completed` carry it whole.
fn responses_answer(text: &str, stream: bool, req: &serde_json::Value) -> Response<FakeBody> {
    let model = req.get("model").cloned().unwrap_or_default();
    let part = serde_json::json!({"type": "output_text", "text": text, "annotations": []});
    let item = serde_json::json!({"id": "msg_1", "type": "message", "status": "completed", "role": "assistant", "content": [part]});
    let response = serde_json::json!({
        "id": "resp_1", "object": "response", "created_at": 1, "status": "completed", "model": model,
        "output": [item], "usage": {"input_tokens": 1, "output_tokens": 1, "total_tokens": 2}
    });
    if !stream {
        return json_response(response);
    }
    let mut seq = 0;
    let mut event = |mut data: serde_json::Value| {
        let ty = data["type"].as_str().unwrap_or("").to_string();
        data["sequence_number"] = seq.into();
        seq += 1;
        format!("event: {ty}\ndata: {data}\n\n")
    };
    let at = serde_json::json!({"item_id": "msg_1", "output_index": 0, "content_index": 0});
    let with = |mut v: serde_json::Value, extra: &serde_json::Value| {
        for (k, x) in extra.as_object().unwrap() {
            v[k] = x.clone();
        }
        v
    };
    let mut events = vec![
        event(
            serde_json::json!({"type": "response.created", "response": {"id": "resp_1", "object": "response", "status": "in_progress", "model": model, "output": []}}),
        ),
        event(
            serde_json::json!({"type": "response.output_item.added", "output_index": 0, "item": {"id": "msg_1", "type": "message", "status": "in_progress", "role": "assistant", "content": []}}),
        ),
        event(with(
            serde_json::json!({"type": "response.content_part.added", "part": {"type": "output_text", "text": "", "annotations": []}}),
            &at,
        )),
    ];
    for p in pieces(text, 3) {
        events.push(event(with(
            serde_json::json!({"type": "response.output_text.delta", "delta": p}),
            &at,
        )));
    }
    events.push(event(with(
        serde_json::json!({"type": "response.output_text.done", "text": text}),
        &at,
    )));
    events.push(event(with(
        serde_json::json!({"type": "response.content_part.done", "part": part}),
        &at,
    )));
    events.push(event(
        serde_json::json!({"type": "response.output_item.done", "output_index": 0, "item": item}),
    ));
    events.push(event(
        serde_json::json!({"type": "response.completed", "response": response}),
    ));
    sse_response(events)
}

/// OpenAI embeddings: one small vector per input (a string is one input).
fn embeddings_answer(req: &serde_json::Value) -> Response<FakeBody> {
    let n = match req.get("input") {
        Some(serde_json::Value::Array(a)) => a.len(),
        _ => 1,
    };
    let data: Vec<serde_json::Value> = (0..n)
        .map(|i| serde_json::json!({"object": "embedding", "index": i, "embedding": [0.0, 0.5, -0.5]}))
        .collect();
    json_response(serde_json::json!({
        "object": "list", "data": data, "model": req.get("model").cloned().unwrap_or_default(),
        "usage": {"prompt_tokens": 1, "total_tokens": 1}
    }))
}

/// A started proxy and its fakes.
pub struct Harness {
    pub running: scrim::proxy::Running,
    pub upstream: FakeApi,
    pub backend: FakeApi,
    pub dir: tempdir::Dir,
    pub ca: TestCa,
}

pub mod process;

pub mod tempdir {
    /// A temporary directory removed on drop.
    pub struct Dir(pub std::path::PathBuf);
    impl Dir {
        pub fn new(tag: &str) -> Dir {
            let n = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos();
            let p = std::env::temp_dir().join(format!("scrim-{tag}-{}-{n}", std::process::id()));
            std::fs::create_dir_all(&p).unwrap();
            Dir(p)
        }
        pub fn path(&self) -> &std::path::Path {
            &self.0
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// The proxy with the default policy, model on, gateway and intercept pointed at a
/// fake TLS upstream on `localhost`, the `local` backend at a fake plain-HTTP one.
pub async fn start(tag: &str, tweak: impl FnOnce(&mut scrim::config::Config)) -> Harness {
    let dir = tempdir::Dir::new(tag);
    let ca = TestCa::new(dir.path());
    let upstream = FakeApi::start(Some(Arc::clone(&ca.server_config)), None).await;
    let backend = FakeApi::start(None, Some("Hello from the local model.")).await;
    let mut config = scrim::config::Config::embedded().unwrap();
    config.listen = "127.0.0.1:0".parse().unwrap();
    config.admin_listen = "127.0.0.1:0".parse().unwrap();
    config.data_dir = dir.path().join("data");
    config.upstream_ca = vec![ca.ca_pem_path.clone()];
    config.intercept.push("localhost".into());
    let base = format!("https://localhost:{}", upstream.addr.port());
    config.gateway.openai = base.clone();
    config.gateway.anthropic = base.clone();
    config.gateway.gemini = base;
    let policy = dir.path().join("policy.toml");
    std::fs::write(
        &policy,
        test_policy("1", &format!("http://127.0.0.1:{}/v1", backend.addr.port())),
    )
    .unwrap();
    config.policies = vec![policy];
    tweak(&mut config);
    let running = scrim::proxy::start(config).await.unwrap();
    Harness {
        running,
        upstream,
        backend,
        dir,
        ca,
    }
}

/// Run curl with arguments; returns (exit code, stdout, stderr).
pub async fn curl(args: Vec<String>) -> (i32, String, String) {
    let out = tokio::process::Command::new("curl")
        .args(["-sS", "--max-time", "30"])
        .args(&args)
        .output()
        .await
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Fixture PII: values that must never reach the upstream.
pub const PII: &[&str] = &[
    "jane.doe@example.com",
    "078-05-1123",
    "4111 1111 1111 1111",
    "DE89 3704 0044 0532 0130 00",
    "+44 20 7946 0958",
    "Margaret Okafor",
];

/// A prompt containing every fixture value.
pub fn pii_prompt() -> String {
    "Please write to Margaret Okafor (jane.doe@example.com, +44 20 7946 0958). Her SSN is 078-05-1123, card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00.".to_string()
}
