//! The proxy end to end with the official `openai` and `anthropic` Python SDKs, the
//! way applications use it: through the gateway (`base_url=http://scrim/openai/v1`)
//! and through `HTTPS_PROXY` with scrim's CA in `SSL_CERT_FILE` (issue 5, "tests
//! with real clients"); and the route action against a real llama.cpp
//! `llama-server` started by `scripts/local-llm.sh` (issue 8).
//!
//! The SDKs run in a pinned, hash-checked venv that `scripts/sdk-env.sh` creates
//! when it is missing (there is no skip: no venv, no pass). The scripts under
//! `tests/sdk/` only drive the SDK and print what came back as JSON; every
//! assertion is here.
#![allow(clippy::unwrap_used)] // test code

mod common;

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use common::{pii_prompt, start, test_policy, Harness, PII};

/// The tiny model's whole answer, whatever the prompt (scripts/make_tiny_gguf.py);
/// the fake backend answers the same.
const LOCAL_ANSWER: &str = "Hello from the local model.";
/// A prompt the shipped policy routes (GDPR Art. 9 health data).
const HEALTH_PROMPT: &str = "My patient has HIV and is on chemotherapy; draft a care plan.";
/// A prompt the shipped policy blocks (a GitHub token).
const SECRET: &str = "ghp_R4nd0mL00k1ngT0k3nV4lu3F0rD3m0Purp0s3s";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The SDK venv's interpreter. `scripts/sdk-env.sh` creates the venv when it is
/// missing (a few seconds, under a lock) and otherwise only prints its path.
fn python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        let out = Command::new("bash")
            .arg(repo().join("scripts/sdk-env.sh"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "scripts/sdk-env.sh failed; the SDK tests need its venv:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
        assert!(path.is_file(), "no interpreter at {}", path.display());
        path
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sdk {
    OpenAi,
    Anthropic,
}

/// How the application reaches the provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `base_url` points at scrim's gateway routes; no CA involved.
    Gateway,
    /// `base_url` is the provider's own `https://` URL (the fake on `localhost`);
    /// `HTTPS_PROXY` is scrim and `SSL_CERT_FILE` is scrim's CA.
    HttpsProxy,
}

impl Sdk {
    fn script(self) -> PathBuf {
        repo().join(match self {
            Sdk::OpenAi => "tests/sdk/openai_client.py",
            Sdk::Anthropic => "tests/sdk/anthropic_client.py",
        })
    }

    fn base_url(self, h: &Harness, mode: Mode) -> String {
        match (mode, self) {
            (Mode::Gateway, Sdk::OpenAi) => format!("http://{}/openai/v1", h.running.proxy_addr),
            (Mode::Gateway, Sdk::Anthropic) => format!("http://{}/anthropic", h.running.proxy_addr),
            (Mode::HttpsProxy, Sdk::OpenAi) => {
                format!("https://localhost:{}/v1", h.upstream.addr.port())
            }
            (Mode::HttpsProxy, Sdk::Anthropic) => {
                format!("https://localhost:{}", h.upstream.addr.port())
            }
        }
    }

    /// The path the provider's API is called on.
    fn api_path(self) -> &'static str {
        match self {
            Sdk::OpenAi => "/v1/chat/completions",
            Sdk::Anthropic => "/v1/messages",
        }
    }

    fn exception(self, name: &str) -> String {
        match self {
            Sdk::OpenAi => format!("openai.{name}"),
            Sdk::Anthropic => format!("anthropic.{name}"),
        }
    }
}

/// Variables of the test machine that would change where the SDKs connect or
/// what they trust; each run sets only what its mode needs.
const CLEARED_ENV: &[&str] = &[
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "REQUESTS_CA_BUNDLE",
    "OPENAI_BASE_URL",
    "OPENAI_API_KEY",
    "ANTHROPIC_BASE_URL",
    "ANTHROPIC_API_KEY",
];

/// One request for a client script.
fn req(prompt: &str, stream: bool) -> Value {
    json!({"prompt": prompt, "stream": stream})
}

/// `prompt` as a plain request, then as a streamed one.
fn plain_and_streamed(prompt: &str) -> [Value; 2] {
    [req(prompt, false), req(prompt, true)]
}

/// Run `sdk`'s script with `requests` through scrim in `mode`; one result per request.
async fn run_sdk(h: &Harness, sdk: Sdk, mode: Mode, requests: &[Value]) -> Vec<Value> {
    let spec = json!({"base_url": sdk.base_url(h, mode), "requests": requests, "max_retries": 0});
    let mut cmd = tokio::process::Command::new(python());
    cmd.arg(sdk.script()).arg(spec.to_string());
    for k in CLEARED_ENV {
        cmd.env_remove(k);
    }
    cmd.env("PYTHONDONTWRITEBYTECODE", "1");
    if mode == Mode::HttpsProxy {
        let ca = h.dir.path().join("scrim-ca.pem");
        std::fs::write(&ca, h.running.shared.ca.cert_pem()).unwrap();
        cmd.env("HTTPS_PROXY", format!("http://{}", h.running.proxy_addr))
            .env("SSL_CERT_FILE", &ca);
    }
    cmd.kill_on_drop(true);
    let out = tokio::time::timeout(Duration::from_secs(180), cmd.output())
        .await
        .unwrap_or_else(|_| panic!("{sdk:?} client did not finish in 180 s"))
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{sdk:?} client failed:\n{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{sdk:?} client printed no JSON ({e}):\n{stderr}"));
    let results = v["results"].as_array().unwrap().clone();
    assert_eq!(results.len(), requests.len(), "{v}");
    results
}

/// What came back from a request that succeeded.
#[derive(Debug, serde::Deserialize)]
struct Answer {
    text: String,
    /// Text pieces in arrival order (streams only).
    #[serde(default)]
    deltas: Option<Vec<String>>,
    #[serde(default)]
    model: Option<String>,
    /// The whole result, for messages.
    #[serde(skip)]
    raw: Value,
}

fn answer(r: &Value) -> Answer {
    assert_eq!(r["ok"], true, "expected an answer, got {r:#}");
    let mut a: Answer = serde_json::from_value(r.clone()).unwrap();
    a.raw = r.clone();
    a
}

/// What the SDK raised for a request that failed.
#[derive(Debug, serde::Deserialize)]
struct Raised {
    /// `module.Class`.
    exception: String,
    /// The class and its bases, most derived first.
    classes: Vec<String>,
    status: Option<u64>,
    message: String,
}

fn raised(r: &Value) -> Raised {
    assert_eq!(r["ok"], false, "expected an exception, got {r:#}");
    serde_json::from_value(r.clone()).unwrap()
}

fn assert_no_pii(received: &str) {
    for v in PII {
        assert!(
            !received.contains(v),
            "upstream received `{v}`:\n{received}"
        );
    }
}

/// Point the test policy's `local` backend at `url` (hot reload).
fn set_local_backend(h: &Harness, version: &str, url: &str) {
    std::fs::write(h.dir.path().join("policy.toml"), test_policy(version, url)).unwrap();
    h.running.shared.reload_now().unwrap();
}

/// The audit entries of routed requests, as JSON.
fn routed_entries(h: &Harness) -> Vec<Value> {
    h.running.shared.audit.sync_index().unwrap();
    let filter = scrim::audit::QueryFilter {
        decision: Some(scrim::policy::Action::Route),
        limit: Some(0),
        ..Default::default()
    };
    h.running
        .shared
        .audit
        .query(&filter)
        .unwrap()
        .iter()
        .map(|e| serde_json::to_value(e).unwrap())
        .collect()
}

/// One test per SDK for a scenario `async fn(Sdk, ARGS…)`.
macro_rules! sdk_tests {
    ($scenario:ident($($arg:expr),*): $openai:ident, $anthropic:ident) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $openai() {
            $scenario(Sdk::OpenAi, $($arg),*).await;
        }

        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $anthropic() {
            $scenario(Sdk::Anthropic, $($arg),*).await;
        }
    };
}

// --- issue 5: redaction, restoration, blocks, routing with the real SDKs -------------------

/// The fixture prompt goes out pseudonymized and comes back restored, as one JSON
/// body and as a stream. The fake upstream echoes what it received and streams it
/// in 3-byte events, so every placeholder (`<PERSON_1>`, …) reaches scrim split
/// across several events.
async fn redacts_and_restores(sdk: Sdk, mode: Mode) {
    let h = start(&format!("sdk-restore-{sdk:?}-{mode:?}"), |_| {}).await;
    let prompt = pii_prompt();
    let r = run_sdk(&h, sdk, mode, &plain_and_streamed(&prompt)).await;
    let (plain, streamed) = (answer(&r[0]), answer(&r[1]));

    let received = h.upstream.received.lock().unwrap().clone();
    assert_eq!(received.len(), 2, "both requests went upstream");
    for got in &received {
        assert_eq!(got.path, sdk.api_path());
        assert_no_pii(&got.body_text());
        for placeholder in ["<PERSON_1>", "<EMAIL_ADDRESS_1>", "<PHONE_NUMBER_1>"] {
            assert!(
                got.body_text().contains(placeholder),
                "{placeholder} upstream: {}",
                got.body_text()
            );
        }
    }
    // The echo comes back with the pseudonyms restored (values that were replaced
    // rather than pseudonymized stay replaced).
    let restored =
        "You said: Please write to Margaret Okafor (jane.doe@example.com, +44 20 7946 0958).";
    assert!(
        plain.text.starts_with(restored),
        "plain answer: {}",
        plain.text
    );
    assert_eq!(
        streamed.text, plain.text,
        "the stream restores exactly what the JSON body does"
    );
    assert!(
        streamed.deltas.as_ref().unwrap().len() > 20,
        "the answer arrived as a stream: {:?}",
        streamed.deltas
    );
    h.running.stop().await;
}

sdk_tests!(redacts_and_restores(Mode::Gateway):
    openai_gateway_redacts_and_restores, anthropic_gateway_redacts_and_restores);
sdk_tests!(redacts_and_restores(Mode::HttpsProxy):
    openai_https_proxy_redacts_and_restores, anthropic_https_proxy_redacts_and_restores);

/// A block is the SDK's own `PermissionDeniedError` (403), plain and streamed, in
/// both modes; its message names the entity type and the rule, never the value.
async fn blocks_surface_as_permission_denied(sdk: Sdk) {
    let h = start(&format!("sdk-block-{sdk:?}"), |_| {}).await;
    let prompt = format!("my key is {SECRET} fix it");
    let mut results = run_sdk(&h, sdk, Mode::Gateway, &plain_and_streamed(&prompt)).await;
    results.extend(run_sdk(&h, sdk, Mode::HttpsProxy, &[req(&prompt, false)]).await);
    for r in &results {
        let Raised {
            exception,
            status,
            message,
            ..
        } = raised(r);
        assert_eq!(exception, sdk.exception("PermissionDeniedError"), "{r:#}");
        assert_eq!(status, Some(403), "{r:#}");
        assert!(message.contains("scrim blocked this request"), "{message}");
        assert!(message.contains("SECRET"), "names the type: {message}");
        assert!(
            message.contains("secrets.block"),
            "names the rule: {message}"
        );
        assert!(!message.contains("ghp_"), "never the value: {message}");
        assert!(!r.to_string().contains("R4nd0m"), "never the value: {r}");
    }
    assert_eq!(h.upstream.count(), 0, "nothing reached the upstream");
    h.running.stop().await;
}

sdk_tests!(blocks_surface_as_permission_denied():
    openai_blocks_are_permission_denied_errors, anthropic_blocks_are_permission_denied_errors);

/// Health data goes to the local backend only, in both modes, plain and streamed;
/// Anthropic requests are translated to the backend's OpenAI chat API and back.
async fn routes_only_to_the_local_backend(sdk: Sdk) {
    let h = start(&format!("sdk-route-{sdk:?}"), |_| {}).await;
    let mut results = Vec::new();
    for mode in [Mode::Gateway, Mode::HttpsProxy] {
        results.extend(run_sdk(&h, sdk, mode, &plain_and_streamed(HEALTH_PROMPT)).await);
    }
    for r in &results {
        assert_eq!(answer(r).text, LOCAL_ANSWER, "{r:#}");
    }
    assert_eq!(h.upstream.count(), 0, "nothing went to the cloud");
    let received = h.backend.received.lock().unwrap().clone();
    assert_eq!(received.len(), 4, "the local backend got every request");
    for got in &received {
        assert_eq!(got.path, "/v1/chat/completions");
        assert!(
            got.body_text().contains("\"model\":\"tiny\""),
            "model mapped: {}",
            got.body_text()
        );
        assert!(got.body_text().contains("HIV"), "{}", got.body_text());
    }
    assert_eq!(routed_entries(&h).len(), 4, "audited as routed");
    h.running.stop().await;
}

sdk_tests!(routes_only_to_the_local_backend():
    openai_routed_requests_reach_only_the_local_backend,
    anthropic_routed_requests_reach_only_the_local_backend);

// --- issue 8: a real llama-server behind the route action -----------------------------------

/// `scripts/local-llm.sh` serving on a free loopback port. Dropping it stops the
/// server; so does the end of the test process, however it ends (see `WATCHDOG`).
struct LocalLlm {
    child: Child,
    /// The watchdog's stdin; closing it sends the script SIGTERM.
    stdin: Option<ChildStdin>,
    port: u16,
    stderr: PathBuf,
}

/// Runs `local-llm.sh` (stdout passed through, for its ready line) and a watchdog
/// that waits for EOF on stdin, the test's pipe, then sends the script SIGTERM; the
/// script then stops llama-server (SIGTERM, SIGKILL after 10 s). EOF comes when
/// the guard drops or when the test process dies, even by SIGKILL.
const WATCHDOG: &str = r#"
script="$1"; shift
exec 3<&0
bash "$script" "$@" </dev/null &
pid=$!
{ cat <&3 >/dev/null; kill -TERM "$pid" 2>/dev/null; } >/dev/null 2>&1 &
exec 3<&-
wait "$pid"
"#;

/// How long to wait for the ready line. `scripts/test.sh` builds llama-server
/// beforehand; run alone on a fresh machine, the first start builds it (6–9 min).
const LLM_READY_TIMEOUT: Duration = Duration::from_secs(20 * 60);

impl LocalLlm {
    /// Start `scripts/local-llm.sh ARGS --port <free port>` and wait until it is ready.
    fn start(args: &[&str], dir: &Path) -> LocalLlm {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let stderr = dir.join(format!("local-llm-{port}.stderr"));
        let mut child = Command::new("bash")
            .arg("-c")
            .arg(WATCHDOG)
            .arg("local-llm-watchdog")
            .arg(repo().join("scripts/local-llm.sh"))
            .args(args)
            .args(["--port", &port.to_string()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&stderr).unwrap())
            .process_group(0)
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let stdin = child.stdin.take();
        // From here on a panic drops the guard, which stops the server.
        let llm = LocalLlm {
            child,
            stdin,
            port,
            stderr,
        };
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + LLM_READY_TIMEOUT;
        let ready = format!("local-llm: ready at {}", llm.base_url());
        loop {
            match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(line) if line == ready => return llm,
                Ok(_) => {}
                Err(e) => panic!(
                    "scripts/local-llm.sh {args:?} did not become ready ({e}); its stderr:\n{}",
                    llm.stderr_text()
                ),
            }
        }
    }

    fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}/v1", self.port)
    }

    fn stderr_text(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }

    /// Stop the server and wait for it (what drop does); the port it listened on.
    fn stop(self) -> u16 {
        let port = self.port;
        drop(self);
        port
    }
}

impl Drop for LocalLlm {
    fn drop(&mut self) {
        drop(self.stdin.take()); // the watchdog sends SIGTERM
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        // Still up after 20 s: kill the whole process group (ours alone: it was
        // started with `process_group(0)`, its id is the wrapper's pid).
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.wait();
    }
}

fn port_is_closed(port: u16) -> bool {
    std::net::TcpStream::connect(("127.0.0.1", port)).is_err()
}

/// The routed prompt through each SDK, plain and streamed, against llama-server
/// with the tiny deterministic model.
async fn routes_to_llama_server(sdk: Sdk) {
    let h = start(&format!("sdk-llama-{sdk:?}"), |_| {}).await;
    let llm = LocalLlm::start(&["--tiny"], h.dir.path());
    set_local_backend(&h, "2", &llm.base_url());
    let r = run_sdk(&h, sdk, Mode::Gateway, &plain_and_streamed(HEALTH_PROMPT)).await;
    let (plain, streamed) = (answer(&r[0]), answer(&r[1]));
    assert_eq!(plain.text, LOCAL_ANSWER, "{:#}", plain.raw);
    assert_eq!(streamed.text, LOCAL_ANSWER, "{:#}", streamed.raw);
    assert!(
        streamed.deltas.as_ref().unwrap().len() >= 6,
        "one delta per token: {:?}",
        streamed.deltas
    );
    for a in [&plain, &streamed] {
        // Both name the model that answered (Anthropic answers are translated).
        assert_eq!(a.model.as_deref(), Some("tiny"), "{:#}", a.raw);
        if sdk == Sdk::OpenAi {
            // llama-server's own mark: its build fingerprint.
            assert_eq!(a.raw["system_fingerprint"], "b0-unknown", "{:#}", a.raw);
        }
    }
    assert_eq!(h.upstream.count(), 0, "the cloud stand-in received nothing");
    assert_eq!(h.backend.count(), 0, "the fake backend is out of the loop");
    let routed = routed_entries(&h);
    assert_eq!(routed.len(), 2, "{routed:#?}");
    for e in &routed {
        assert!(e.to_string().contains("\"local\""), "{e:#}");
    }
    drop(llm);
    h.running.stop().await;
}

sdk_tests!(routes_to_llama_server():
    openai_sdk_routed_to_llama_server, anthropic_sdk_routed_to_llama_server);

/// llama-server answers, then stops: the same prompt is now a clean 503 naming the
/// backend, as each SDK's `InternalServerError` (or a subclass), and still nothing
/// goes to the cloud.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_llama_server_blocks_and_names_the_backend() {
    let h = start("sdk-llama-down", |_| {}).await;
    let llm = LocalLlm::start(&["--tiny"], h.dir.path());
    set_local_backend(&h, "2", &llm.base_url());
    let up = run_sdk(&h, Sdk::OpenAi, Mode::Gateway, &[req(HEALTH_PROMPT, false)]).await;
    assert_eq!(answer(&up[0]).text, LOCAL_ANSWER);

    let port = llm.stop();
    assert!(port_is_closed(port), "llama-server was stopped");
    for sdk in [Sdk::OpenAi, Sdk::Anthropic] {
        let r = run_sdk(&h, sdk, Mode::Gateway, &plain_and_streamed(HEALTH_PROMPT)).await;
        for r in &r {
            let e = raised(r);
            // openai raises `InternalServerError` for 503, anthropic its subclass
            // `ServiceUnavailableError`: what applications catch for "server down".
            assert!(e.exception.starts_with(&sdk.exception("")), "{r:#}");
            assert!(
                e.classes.iter().any(|c| c == "InternalServerError"),
                "{r:#}"
            );
            assert_eq!(e.status, Some(503), "{r:#}");
            let message = e.message;
            assert!(message.contains("`local`"), "names the backend: {message}");
            assert!(
                message.contains("not sent anywhere"),
                "says where it went: {message}"
            );
            assert!(!message.contains("HIV"), "no prompt text: {message}");
        }
    }
    assert_eq!(h.upstream.count(), 0, "no cloud fallback");
    h.running.stop().await;
}

/// The real model (SmolLM2-135M-Instruct): whatever it says comes back through both
/// SDKs, plain and streamed, and nothing goes to the cloud.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smollm2_answers_routed_requests() {
    let h = start("sdk-smollm2", |_| {}).await;
    let llm = LocalLlm::start(&[], h.dir.path());
    set_local_backend(&h, "2", &llm.base_url());
    for sdk in [Sdk::OpenAi, Sdk::Anthropic] {
        let requests: Vec<Value> = [false, true]
            .iter()
            .map(|&stream| {
                json!({"prompt": "My patient has HIV. In one sentence, what should she eat?", "stream": stream, "max_tokens": 24})
            })
            .collect();
        let r = run_sdk(&h, sdk, Mode::Gateway, &requests).await;
        for r in &r {
            let a = answer(r);
            assert!(!a.text.trim().is_empty(), "an answer: {:#}", a.raw);
            if sdk == Sdk::OpenAi {
                assert_eq!(a.model.as_deref(), Some("smollm2-135m"), "{:#}", a.raw);
            }
        }
    }
    assert_eq!(h.upstream.count(), 0, "the cloud stand-in received nothing");
    assert_eq!(routed_entries(&h).len(), 4);
    drop(llm);
    h.running.stop().await;
}
