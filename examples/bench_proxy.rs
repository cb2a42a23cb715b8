//! Proxy overhead (issue 5's "speed to reach", issue 8's route path): the latency
//! scrim adds over the same upstream called directly, requests/s with 64 concurrent
//! keep-alive clients, scrim's memory under that load, and how they change with
//! prompt size. Prints markdown tables.
//!
//!     cargo build --release --examples --bin scrim
//!     target/release/examples/bench_proxy [--scrim target/release/scrim] [--out DIR]
//!         [--quick] [--modes patterns,ner] [--sizes 1,4,16,64] [--load-secs 10]
//!         [--llm http://127.0.0.1:PORT/v1]
//!
//! `bash scripts/bench_proxy.sh` does all of it (and starts llama-server for `--llm`).
//!
//! This process holds the load generator and the fakes: a "cloud" OpenAI API
//! (plain HTTP for gateway mode, TLS for `HTTPS_PROXY`/CONNECT mode) and a local
//! backend, each answering every request with the same small chat completion, no
//! think time. scrim is the release binary in its own process (`scrim run`, its
//! audit log on the same disk as `--out`), so its RSS is read from /proc/PID/status.
//! Every request's prompt is unique (a ticket reference changes), so the model's
//! content-hash cache never hides the model: these are cache-miss figures.
//!
//! Latency: sequential requests on one keep-alive connection, warm-up excluded;
//! each "through scrim" row is measured right after its "direct" row, and "added"
//! is the difference of the two percentiles. Load: N connections each sending its
//! next request as soon as the last answer is read, for a fixed time after a
//! warm-up; failures (non-200, e.g. a detection deadline that fails closed) are
//! counted apart.
#![allow(clippy::unwrap_used)] // a benchmark harness: a broken setup just stops it

#[path = "../tests/common/policy.rs"]
mod policy;
use policy::test_policy;

use std::io::{BufRead, BufReader, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http::header;
use http::{Request, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::client::conn::http1::SendRequest;
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const KB: usize = 1024;

/// What the fakes answer, whatever they are asked.
const REPLY: &str = r#"{"id":"chatcmpl-bench","object":"chat.completion","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Here is a shorter version of your text, with the open questions listed at the end."},"finish_reason":"stop"}],"usage":{"prompt_tokens":250,"completion_tokens":18,"total_tokens":268}}"#;

/// Clean sentences (checked: `scrim scan` finds nothing in them).
const CLEAN: &[&str] = &[
    "The build pipeline compiles each service in its own container and caches the dependency layers between runs.",
    "We would like the summary to be short, written in plain language, and to end with a list of open questions.",
    "The new search feature ranks results by relevance first and by recency second, which most users seem to prefer.",
    "Please rewrite the following paragraph so that it reads well to someone who has never used the product before.",
    "The integration tests start a fake server, send a few hundred requests, and compare every answer with a recorded one.",
    "Our team agreed to keep the public interface small and to document every option with its unit and its default value.",
    "The dashboard shows the number of requests per minute, the error rate, and the slowest endpoints over the last hour.",
    "When a job fails, the scheduler retries it twice with a growing delay before it marks the job as failed.",
    "The release notes should mention the faster start-up, the smaller memory footprint, and the two settings that were renamed.",
    "A good commit message says what changed and why, in a short first line followed by a longer explanation.",
    "The cache keeps the most recently used entries and drops the oldest ones when it reaches its configured size.",
    "We still need to decide whether the export should produce one large file or many small ones.",
    "Please suggest three clearer names for the function that merges overlapping ranges into one sorted list.",
    "The onboarding guide walks a new engineer through setting up the tools, running the tests, and shipping a small change.",
    "Reviewers asked for more examples in the documentation and for a table that compares the three storage options.",
];

/// People for the PII sentences: (first, last, e-mail domain, phone).
const PEOPLE: &[(&str, &str, &str, &str)] = &[
    ("Margaret", "Okafor", "example.com", "+44 20 7946 0958"),
    ("Daniel", "Novak", "example.org", "+1 415 555 0132"),
    ("Priya", "Raman", "example.net", "+44 20 7946 0321"),
    ("Lucas", "Fischer", "example.com", "+1 212 555 0187"),
    ("Amelia", "Brooks", "example.org", "+44 20 7946 0744"),
    ("Kenji", "Watanabe", "example.net", "+1 312 555 0169"),
];

/// The sentence that makes a prompt one the shipped policy routes to the local
/// backend (GDPR Art. 9 health data).
const HEALTH: &str = "Our colleague was diagnosed with diabetes and needs a lighter schedule for a while; please draft a friendly note to the team about the change.";

/// Where the per-request reference goes: 8 letters, rewritten for every request.
const REF_SLOT: &str = "aaaaaaaa";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Mostly clean text, one sentence with two names, two e-mails and two phone
    /// numbers per KB: the redact path (pseudonymize, restore the answer).
    Pii,
    /// No PII at all: the allow path.
    Clean,
    /// Clean text plus health data: the route path.
    Route,
}

impl Kind {
    fn decision(self) -> &'static str {
        match self {
            Kind::Pii => "redact",
            Kind::Clean => "allow",
            Kind::Route => "route",
        }
    }
}

/// A chat completions body, and where its reference letters are.
#[derive(Debug)]
struct Prompt {
    kind: Kind,
    /// Bytes of the user message.
    text_bytes: usize,
    body: Vec<u8>,
    slot: usize,
}

impl Prompt {
    fn new(kind: Kind, size: usize) -> Prompt {
        let mut text = format!("Ticket ref {REF_SLOT}.");
        if kind == Kind::Route {
            text.push(' ');
            text.push_str(HEALTH);
        }
        let (mut clean, mut people, mut next_pii) = (0, 0, 0);
        while text.len() < size {
            text.push(' ');
            if kind == Kind::Pii && text.len() >= next_pii {
                let (f1, l1, d1, p1) = PEOPLE[people % PEOPLE.len()];
                let (f2, l2, d2, p2) = PEOPLE[(people + 1) % PEOPLE.len()];
                text.push_str(&format!(
                    "Please send the revised draft to {f1} {l1} at {}.{}@{d1} or call {p1} before the review. If she is away, forward it to {f2} {l2} at {}.{}@{d2}, phone {p2}.",
                    f1.to_lowercase(), l1.to_lowercase(), f2.to_lowercase(), l2.to_lowercase()
                ));
                people += 2;
                next_pii += KB;
            } else {
                text.push_str(CLEAN[clean % CLEAN.len()]);
                clean += 1;
            }
        }
        let body = serde_json::json!({
            "model": "gpt-4o-mini",
            "max_tokens": 32,
            "messages": [
                {"role": "system", "content": "You are a helpful assistant for a software team."},
                {"role": "user", "content": text},
            ],
        })
        .to_string()
        .into_bytes();
        let slot = memchr::memmem::find(&body, REF_SLOT.as_bytes()).unwrap();
        Prompt {
            kind,
            text_bytes: text.len(),
            body,
            slot,
        }
    }

    /// The body with reference `n` (base-26 letters): a text no cache has seen.
    fn unique(&self, n: u64) -> Bytes {
        let mut body = self.body.clone();
        let mut n = n;
        for b in body[self.slot..self.slot + REF_SLOT.len()].iter_mut().rev() {
            *b = b'a' + (n % 26) as u8;
            n /= 26;
        }
        Bytes::from(body)
    }
}

/// The next request number (unique over the whole run).
static NEXT_REF: AtomicU64 = AtomicU64::new(1);

fn next_body(p: &Prompt) -> Bytes {
    p.unique(NEXT_REF.fetch_add(1, Ordering::Relaxed))
}

// ---- the fakes ------------------------------------------------------------------------

/// A fake OpenAI-compatible server: counts requests, keeps the last body.
#[derive(Debug)]
struct Fake {
    addr: SocketAddr,
    hits: AtomicU64,
    last: Mutex<Bytes>,
}

impl Fake {
    async fn start(tls: Option<Arc<rustls::ServerConfig>>) -> Arc<Fake> {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let fake = Arc::new(Fake {
            addr: listener.local_addr().unwrap(),
            hits: AtomicU64::new(0),
            last: Mutex::new(Bytes::new()),
        });
        let server = Arc::clone(&fake);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let _ = stream.set_nodelay(true);
                let (fake, tls) = (Arc::clone(&server), tls.clone());
                tokio::spawn(async move {
                    let service = service_fn(move |req: Request<Incoming>| {
                        let fake = Arc::clone(&fake);
                        async move {
                            let body = req.into_body().collect().await;
                            *fake.last.lock().unwrap() =
                                body.map(|b| b.to_bytes()).unwrap_or_default();
                            fake.hits.fetch_add(1, Ordering::Relaxed);
                            let mut resp =
                                Response::new(Full::new(Bytes::from_static(REPLY.as_bytes())));
                            resp.headers_mut().insert(
                                header::CONTENT_TYPE,
                                header::HeaderValue::from_static("application/json"),
                            );
                            Ok::<_, std::convert::Infallible>(resp)
                        }
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
        fake
    }

    fn hits(&self) -> u64 {
        self.hits.load(Ordering::Relaxed)
    }

    fn last(&self) -> Bytes {
        self.last.lock().unwrap().clone()
    }
}

// ---- the client -----------------------------------------------------------------------

/// How a client reaches a server.
#[derive(Clone)]
enum Via {
    /// Plain HTTP/1.1 to `addr`.
    Plain { addr: SocketAddr, path: String },
    /// HTTP/1.1 over TLS to `localhost:port`, through a CONNECT tunnel at `proxy`
    /// when set (scrim intercepts `localhost`).
    Tls {
        proxy: Option<SocketAddr>,
        port: u16,
        path: String,
        config: Arc<rustls::ClientConfig>,
    },
}

impl Via {
    fn path(&self) -> &str {
        match self {
            Via::Plain { path, .. } | Via::Tls { path, .. } => path,
        }
    }

    fn host(&self) -> String {
        match self {
            Via::Plain { addr, .. } => addr.to_string(),
            Via::Tls { port, .. } => format!("localhost:{port}"),
        }
    }
}

type Sender = SendRequest<Full<Bytes>>;

async fn open(via: &Via) -> Result<Sender, String> {
    async fn handshake<IO>(io: IO) -> Result<Sender, String>
    where
        IO: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
    {
        let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(io))
            .await
            .map_err(|e| format!("HTTP handshake: {e}"))?;
        tokio::spawn(conn);
        Ok(sender)
    }
    match via {
        Via::Plain { addr, .. } => {
            let s = TcpStream::connect(addr)
                .await
                .map_err(|e| format!("connect {addr}: {e}"))?;
            let _ = s.set_nodelay(true);
            handshake(s).await
        }
        Via::Tls {
            proxy,
            port,
            config,
            ..
        } => {
            let target = SocketAddr::from(([127, 0, 0, 1], *port));
            let mut s = TcpStream::connect(proxy.unwrap_or(target))
                .await
                .map_err(|e| format!("connect: {e}"))?;
            let _ = s.set_nodelay(true);
            if proxy.is_some() {
                let hello =
                    format!("CONNECT localhost:{port} HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n");
                s.write_all(hello.as_bytes())
                    .await
                    .map_err(|e| format!("CONNECT: {e}"))?;
                let mut head = Vec::new();
                while !head.ends_with(b"\r\n\r\n") {
                    let b = s.read_u8().await.map_err(|e| format!("CONNECT: {e}"))?;
                    head.push(b);
                }
                if !head.starts_with(b"HTTP/1.1 200") {
                    return Err(format!(
                        "CONNECT refused: {}",
                        String::from_utf8_lossy(&head).lines().next().unwrap_or("")
                    ));
                }
            }
            let name = rustls_pki_types::ServerName::try_from("localhost").unwrap();
            let tls = tokio_rustls::TlsConnector::from(Arc::clone(config))
                .connect(name, s)
                .await
                .map_err(|e| format!("TLS: {e}"))?;
            handshake(tls).await
        }
    }
}

/// One request; the time runs until the whole answer is read.
async fn send(s: &mut Sender, via: &Via, body: Bytes) -> Result<(StatusCode, f64), String> {
    let req = Request::post(via.path())
        .header(header::HOST, via.host())
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, "Bearer bench-token")
        .body(Full::new(body))
        .map_err(|e| e.to_string())?;
    let t = Instant::now();
    let work = async {
        s.ready().await.map_err(|e| format!("connection: {e}"))?;
        let resp = s
            .send_request(req)
            .await
            .map_err(|e| format!("request: {e}"))?;
        let status = resp.status();
        resp.into_body()
            .collect()
            .await
            .map_err(|e| format!("response body: {e}"))?;
        Ok::<_, String>(status)
    };
    let status = tokio::time::timeout(Duration::from_secs(60), work)
        .await
        .map_err(|_| "no answer within 60 s".to_string())??;
    Ok((status, t.elapsed().as_secs_f64() * 1e3))
}

// ---- measurements ---------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct Settings {
    samples: usize,
    min_samples: usize,
    max_secs: f64,
    load_secs: f64,
    load_warm_secs: f64,
    conns: usize,
}

/// Latency percentiles, milliseconds.
#[derive(Debug, Clone, Copy, Default)]
struct Lat {
    n: usize,
    p50: f64,
    p90: f64,
    p99: f64,
    failed: usize,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn summarize(mut v: Vec<f64>, failed: usize) -> Lat {
    v.sort_by(f64::total_cmp);
    Lat {
        n: v.len(),
        p50: percentile(&v, 0.5),
        p90: percentile(&v, 0.9),
        p99: percentile(&v, 0.99),
        failed,
    }
}

/// [`send`], on a new connection if the old one was closed (llama-server closes
/// a keep-alive connection after a number of requests; clients reconnect).
async fn send_again(conn: &mut Sender, via: &Via, p: &Prompt) -> Result<(StatusCode, f64), String> {
    if let Ok(r) = send(conn, via, next_body(p)).await {
        return Ok(r);
    }
    *conn = open(via).await?;
    send(conn, via, next_body(p)).await
}

/// Sequential requests on one keep-alive connection, after a warm-up (20 requests
/// or 1.5 s); at most `samples` and `max_secs`, but at least `min_samples` unless
/// that takes three times `max_secs`.
async fn latency(via: &Via, p: &Prompt, s: Settings) -> Result<Lat, String> {
    let mut conn = open(via).await?;
    let warm_until = Instant::now() + Duration::from_secs_f64(1.5);
    for i in 0..20 {
        send_again(&mut conn, via, p).await?;
        if i >= 2 && Instant::now() > warm_until {
            break;
        }
    }
    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(s.max_secs);
    let hard_deadline = started + Duration::from_secs_f64(3.0 * s.max_secs);
    let (mut v, mut failed) = (Vec::with_capacity(s.samples), 0);
    while v.len() + failed < s.samples
        && (Instant::now() < deadline
            || (v.len() + failed < s.min_samples && Instant::now() < hard_deadline))
    {
        let (status, ms) = send_again(&mut conn, via, p).await?;
        if status == StatusCode::OK {
            v.push(ms);
        } else {
            failed += 1;
        }
    }
    Ok(summarize(v, failed))
}

/// Under load: N connections, each sending as soon as its last answer is in.
#[derive(Debug, Clone, Copy, Default)]
struct Load {
    rps: f64,
    lat: Lat,
    /// Largest VmRSS seen during the run, and VmHWM at its end, KiB.
    rss_kb: Option<u64>,
    hwm_kb: Option<u64>,
}

async fn load(via: &Via, p: Arc<Prompt>, s: Settings, pid: Option<u32>) -> Load {
    let start = Instant::now();
    let measure_from = start + Duration::from_secs_f64(s.load_warm_secs);
    let end = measure_from + Duration::from_secs_f64(s.load_secs);
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let done = Arc::clone(&done);
        tokio::spawn(async move {
            let mut peak = None;
            while !done.load(Ordering::Relaxed) {
                if let Some(kb) = pid.and_then(|pid| proc_status_kb(pid, "VmRSS")) {
                    peak = Some(peak.map_or(kb, |p: u64| p.max(kb)));
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            peak
        })
    };
    let mut workers = Vec::new();
    for _ in 0..s.conns {
        let (via, p) = (via.clone(), Arc::clone(&p));
        workers.push(tokio::spawn(async move {
            let (mut ok, mut failed) = (Vec::new(), 0usize);
            let mut conn = None;
            while Instant::now() < end {
                if conn.is_none() {
                    match open(&via).await {
                        Ok(c) => conn = Some(c),
                        Err(_) => {
                            failed += 1;
                            tokio::time::sleep(Duration::from_millis(50)).await;
                            continue;
                        }
                    }
                }
                let Some(c) = conn.as_mut() else { continue };
                let sent = Instant::now();
                let result = send(c, &via, next_body(&p)).await;
                let counted = sent >= measure_from && Instant::now() <= end;
                match result {
                    Ok((StatusCode::OK, ms)) if counted => ok.push(ms),
                    Ok(_) if counted => failed += 1,
                    Ok(_) => {}
                    Err(_) => {
                        conn = None;
                        failed += usize::from(counted);
                    }
                }
            }
            (ok, failed)
        }));
    }
    let (mut all, mut failed) = (Vec::new(), 0);
    for w in workers {
        let (ok, f) = w.await.unwrap();
        all.extend(ok);
        failed += f;
    }
    done.store(true, Ordering::Relaxed);
    let rss_kb = sampler.await.unwrap();
    Load {
        rps: all.len() as f64 / s.load_secs,
        lat: summarize(all, failed),
        rss_kb,
        hwm_kb: pid.and_then(|pid| proc_status_kb(pid, "VmHWM")),
    }
}

fn proc_status_kb(pid: u32, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

// ---- scrim as a separate process ------------------------------------------------------

struct Scrim {
    child: Child,
    proxy: SocketAddr,
}

impl Scrim {
    /// `scrim run` with the shipped default policy (extended: the `local` backend at
    /// `backend`), gateway `openai` → `gateway`, `localhost` intercepted.
    fn start(
        bin: &Path,
        dir: &Path,
        ner: bool,
        gateway: SocketAddr,
        upstream_ca: &Path,
        backend: &str,
    ) -> Result<Scrim, String> {
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let policy = dir.join("policy.toml");
        std::fs::write(&policy, test_policy("1", backend)).map_err(|e| e.to_string())?;
        let config = dir.join("scrim.toml");
        std::fs::write(
            &config,
            format!(
                r#"[proxy]
listen = "127.0.0.1:0"
admin_listen = "127.0.0.1:0"
data_dir = {data:?}
policies = [{policy:?}]
intercept = ["localhost"]
upstream_ca = [{ca:?}]

[gateway]
openai = "http://{gateway}"

[ner]
enabled = {ner}
"#,
                data = dir.join("data").display().to_string(),
                policy = policy.display().to_string(),
                ca = upstream_ca.display().to_string(),
            ),
        )
        .map_err(|e| e.to_string())?;
        let stderr =
            std::fs::File::create(dir.join("scrim.stderr.log")).map_err(|e| e.to_string())?;
        let mut child = Command::new(bin)
            .args(["run", "--config"])
            .arg(&config)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let mut log =
            std::fs::File::create(dir.join("scrim.stdout.log")).map_err(|e| e.to_string())?;
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let _ = writeln!(log, "{line}");
                if let Some(rest) = line.trim_start().strip_prefix("proxy") {
                    let addr = rest.trim().trim_start_matches("http://");
                    let addr = addr.split_whitespace().next().unwrap_or("");
                    let _ = tx.send(addr.parse::<SocketAddr>());
                }
            }
        });
        match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(Ok(proxy)) => Ok(Scrim { child, proxy }),
            _ => {
                let _ = child.kill();
                Err(format!(
                    "scrim did not start; see {}",
                    dir.join("scrim.stderr.log").display()
                ))
            }
        }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGTERM (a clean stop), SIGKILL after 10 s.
    fn stop(mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---- the run --------------------------------------------------------------------------

struct Args {
    scrim: PathBuf,
    out: PathBuf,
    llm: Option<String>,
    /// Detection modes: without the model, with it.
    modes: Vec<(&'static str, bool)>,
    settings: Settings,
    sizes: Vec<usize>,
}

fn args() -> Args {
    let mut a = Args {
        scrim: PathBuf::from("target/release/scrim"),
        out: PathBuf::from("target/bench-proxy"),
        llm: None,
        modes: vec![("patterns", false), ("patterns + NER", true)],
        settings: Settings {
            samples: 1000,
            min_samples: 30,
            max_secs: 12.0,
            load_secs: 10.0,
            load_warm_secs: 2.0,
            conns: 64,
        },
        sizes: vec![KB, 4 * KB, 16 * KB, 64 * KB],
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        match flag.as_str() {
            "--scrim" => a.scrim = it.next().unwrap().into(),
            "--out" => a.out = it.next().unwrap().into(),
            "--llm" => a.llm = it.next(),
            "--modes" => {
                let list = it.next().unwrap_or_default();
                a.modes = [
                    ("patterns", "patterns", false),
                    ("ner", "patterns + NER", true),
                ]
                .into_iter()
                .filter(|(flag, ..)| list.split(',').any(|m| m == *flag))
                .map(|(_, name, ner)| (name, ner))
                .collect();
            }
            "--load-secs" => a.settings.load_secs = it.next().unwrap().parse().unwrap(),
            "--sizes" => {
                let list = it.next().unwrap_or_default();
                a.sizes = list
                    .split(',')
                    .map(|k| k.parse::<usize>().unwrap() * KB)
                    .collect();
            }
            "--quick" => {
                a.settings.samples = 200;
                a.settings.min_samples = 10;
                a.settings.max_secs = 3.0;
                a.settings.load_secs = 3.0;
                a.settings.load_warm_secs = 1.0;
            }
            other => {
                eprintln!("bench_proxy: unknown argument {other:?} (see the doc comment of examples/bench_proxy.rs)");
                std::process::exit(2);
            }
        }
    }
    a
}

/// One latency row: the same prompt directly and through scrim.
struct LatRow {
    detection: &'static str,
    path: &'static str,
    kind: Kind,
    text_bytes: usize,
    direct: Lat,
    scrim: Lat,
    /// Why the row has no figures.
    note: Option<String>,
}

impl LatRow {
    fn new(
        detection: &'static str,
        path: &'static str,
        p: &Prompt,
        measured: Result<(Lat, Lat), String>,
    ) -> LatRow {
        let ((direct, scrim), note) = match measured {
            Ok(m) => (m, None),
            Err(e) => {
                eprintln!("bench_proxy: {e}");
                (Default::default(), Some(e))
            }
        };
        LatRow {
            detection,
            path,
            kind: p.kind,
            text_bytes: p.text_bytes,
            direct,
            scrim,
            note,
        }
    }
}

/// A way to the fakes, directly and through scrim.
struct Path3<'a> {
    name: &'static str,
    direct: &'a Via,
    through: &'a Via,
    /// The fakes that tell which way the preflight request went: (cloud, backend).
    checks: (&'a Fake, &'a Fake),
}

/// Measure `p` directly and then through scrim (a failure is the row's note).
async fn row(detection: &'static str, path: &Path3<'_>, p: &Prompt, s: Settings) -> LatRow {
    let measured = async {
        preflight(path.through, p, path.checks.0, path.checks.1).await?;
        let d = latency(path.direct, p, s).await?;
        let t = latency(path.through, p, s).await?;
        Ok((d, t))
    }
    .await;
    LatRow::new(detection, path.name, p, measured)
}

struct LoadRow {
    detection: &'static str,
    text_bytes: usize,
    direct: Load,
    scrim: Load,
}

struct Fakes {
    cloud: Arc<Fake>,
    cloud_tls: Arc<Fake>,
    backend: Arc<Fake>,
    /// Trusts the fake TLS upstream's CA (direct TLS baseline).
    client_tls: Arc<rustls::ClientConfig>,
    upstream_ca: PathBuf,
}

/// A client TLS config trusting `ca_files`, HTTP/1.1 only.
fn client_tls(ca_files: &[PathBuf]) -> Arc<rustls::ClientConfig> {
    let mut c = (*scrim::tls::upstream_client_config(ca_files).unwrap()).clone();
    c.alpn_protocols = vec![scrim::tls::ALPN_HTTP11.to_vec()];
    Arc::new(c)
}

/// Check on one request that scrim takes the expected path (a figure for the
/// wrong path is worse than none).
async fn preflight(via: &Via, p: &Prompt, upstream: &Fake, backend: &Fake) -> Result<(), String> {
    let (up, back) = (upstream.hits(), backend.hits());
    let body = next_body(p);
    let mut conn = open(via).await?;
    let (status, _) = send(&mut conn, via, body.clone()).await?;
    let ok = status == StatusCode::OK
        && match p.kind {
            Kind::Clean => upstream.hits() == up + 1 && upstream.last() == body,
            Kind::Pii => {
                upstream.hits() == up + 1
                    && memchr::memmem::find(&upstream.last(), b"@example.").is_none()
                    && memchr::memmem::find(&upstream.last(), b"7946").is_none()
            }
            Kind::Route => upstream.hits() == up && backend.hits() == back + 1,
        };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "preflight: a {} prompt of {} bytes was not handled as `{}` (status {status})",
            format!("{:?}", p.kind).to_lowercase(),
            p.text_bytes,
            p.kind.decision()
        ))
    }
}

async fn run(a: &Args) -> Result<(), String> {
    let s = a.settings;
    std::fs::create_dir_all(&a.out).map_err(|e| e.to_string())?;
    let out = std::fs::canonicalize(&a.out).map_err(|e| e.to_string())?;
    let scrim_bin = std::fs::canonicalize(&a.scrim).map_err(|e| {
        format!(
            "{}: {e} (build it: cargo build --release --bin scrim)",
            a.scrim.display()
        )
    })?;

    // The fake TLS upstream's certificate: a CA of its own, a leaf for `localhost`.
    let ca_dir = out.join("upstream-ca");
    let ca = Arc::new(scrim::tls::LocalCa::load_or_create(&ca_dir).map_err(|e| e.to_string())?);
    let upstream_ca = ca.cert_path().to_path_buf();
    let certs = Arc::new(scrim::tls::CertCache::new(ca, 4, 30).map_err(|e| e.to_string())?);
    let resolver = Arc::new(scrim::tls::SniResolver::new(certs, "localhost"));
    let server_tls = scrim::tls::server_config(resolver).map_err(|e| e.to_string())?;
    let fakes = Fakes {
        cloud: Fake::start(None).await,
        cloud_tls: Fake::start(Some(server_tls)).await,
        backend: Fake::start(None).await,
        client_tls: client_tls(std::slice::from_ref(&upstream_ca)),
        upstream_ca,
    };
    let chat = "/v1/chat/completions".to_string();
    let direct = Via::Plain {
        addr: fakes.cloud.addr,
        path: chat.clone(),
    };
    let direct_tls = Via::Tls {
        proxy: None,
        port: fakes.cloud_tls.addr.port(),
        path: chat.clone(),
        config: Arc::clone(&fakes.client_tls),
    };
    let direct_backend = Via::Plain {
        addr: fakes.backend.addr,
        path: chat.clone(),
    };
    let backend_url = format!("http://{}/v1", fakes.backend.addr);

    let mut lat_rows = Vec::new();
    let mut load_rows = Vec::new();
    let mut idle_rss = Vec::new();
    let pii: Vec<Arc<Prompt>> = a
        .sizes
        .iter()
        .map(|&n| Arc::new(Prompt::new(Kind::Pii, n)))
        .collect();

    // Direct under load, once per size (the ceiling of this load generator).
    eprintln!("bench_proxy: direct, {} connections", s.conns);
    let mut direct_load = Vec::new();
    for p in &pii {
        direct_load.push(load(&direct, Arc::clone(p), s, None).await);
    }

    let modes = &a.modes;
    for &(detection, ner) in modes {
        eprintln!("bench_proxy: scrim ({detection})");
        let dir = out.join(if ner { "scrim-ner" } else { "scrim-patterns" });
        let proc = Scrim::start(
            &scrim_bin,
            &dir,
            ner,
            fakes.cloud.addr,
            &fakes.upstream_ca,
            &backend_url,
        )?;
        idle_rss.push((detection, proc_status_kb(proc.pid(), "VmRSS")));
        let gateway = Via::Plain {
            addr: proc.proxy,
            path: "/openai/v1/chat/completions".into(),
        };
        let connect = Via::Tls {
            proxy: Some(proc.proxy),
            port: fakes.cloud_tls.addr.port(),
            path: chat.clone(),
            // Trusts scrim's CA, as a client told to by `scrim run` would.
            config: client_tls(&[dir
                .join("data")
                .join(scrim::tls::CA_DIR)
                .join(scrim::tls::CA_CERT_FILE)]),
        };
        let checks = (&*fakes.cloud, &*fakes.backend);
        let plain = Path3 {
            name: "gateway, HTTP",
            direct: &direct,
            through: &gateway,
            checks,
        };
        for p in &pii {
            lat_rows.push(row(detection, &plain, p, s).await);
        }
        for size in [KB, 16 * KB] {
            lat_rows.push(row(detection, &plain, &Prompt::new(Kind::Clean, size), s).await);
        }
        let tls = Path3 {
            name: "HTTPS_PROXY, TLS",
            direct: &direct_tls,
            through: &connect,
            checks: (&*fakes.cloud_tls, &*fakes.backend),
        };
        for size in [KB, 16 * KB] {
            lat_rows.push(row(detection, &tls, &Prompt::new(Kind::Pii, size), s).await);
        }
        let route = Path3 {
            name: "route → fake backend",
            direct: &direct_backend,
            through: &gateway,
            checks,
        };
        lat_rows.push(row(detection, &route, &Prompt::new(Kind::Route, KB), s).await);
        for (i, p) in pii.iter().enumerate() {
            eprintln!(
                "bench_proxy: scrim ({detection}) under load, {} bytes",
                p.text_bytes
            );
            let l = load(&gateway, Arc::clone(p), s, Some(proc.pid())).await;
            load_rows.push(LoadRow {
                detection,
                text_bytes: p.text_bytes,
                direct: direct_load[i],
                scrim: l,
            });
        }
        proc.stop();
    }

    // The route path to a real llama-server (issue 8).
    if let Some(llm) = &a.llm {
        let uri: http::Uri = llm.parse().map_err(|e| format!("--llm {llm}: {e}"))?;
        let addr: SocketAddr = uri
            .authority()
            .map(|a| a.as_str().replace("localhost", "127.0.0.1"))
            .unwrap_or_default()
            .parse()
            .map_err(|e| format!("--llm {llm}: {e}"))?;
        let direct_llm = Via::Plain {
            addr,
            path: format!("{}/chat/completions", uri.path().trim_end_matches('/')),
        };
        let llm_settings = Settings {
            samples: s.samples.min(200),
            ..s
        };
        for &(detection, ner) in modes {
            eprintln!("bench_proxy: scrim ({detection}) routing to {llm}");
            let proc = Scrim::start(
                &scrim_bin,
                &out.join("scrim-llm"),
                ner,
                fakes.cloud.addr,
                &fakes.upstream_ca,
                llm,
            )?;
            let gateway = Via::Plain {
                addr: proc.proxy,
                path: "/openai/v1/chat/completions".into(),
            };
            let p = Prompt::new(Kind::Route, KB);
            let up = fakes.cloud.hits();
            let measured = async {
                let d = latency(&direct_llm, &p, llm_settings).await?;
                let t = latency(&gateway, &p, llm_settings).await?;
                if fakes.cloud.hits() != up {
                    return Err("the route prompt reached the cloud fake".to_string());
                }
                Ok((d, t))
            }
            .await;
            lat_rows.push(LatRow::new(detection, "route → llama-server", &p, measured));
            proc.stop();
        }
    }

    report(a, &lat_rows, &load_rows, &idle_rss);
    Ok(())
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / KB as f64)
}

fn mib(kb: Option<u64>) -> String {
    kb.map_or("–".into(), |k| format!("{:.0} MiB", k as f64 / 1024.0))
}

fn report(a: &Args, lat: &[LatRow], loads: &[LoadRow], idle: &[(&str, Option<u64>)]) {
    let s = a.settings;
    println!("### Added latency: sequential requests, one keep-alive connection\n");
    println!("| detection | path | prompt | decision | direct p50 / p99 | through scrim p50 / p90 / p99 | **added p50 / p99** | n | failed |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for r in lat {
        if let Some(note) = &r.note {
            println!(
                "| {} | {} | {} | {} | not measured: {note} | | | | |",
                r.detection,
                r.path,
                kb(r.text_bytes),
                r.kind.decision(),
            );
            continue;
        }
        println!(
            "| {} | {} | {} | {} | {:.2} / {:.2} ms | {:.2} / {:.2} / {:.2} ms | **{:.2} / {:.2} ms** | {} | {} |",
            r.detection,
            r.path,
            kb(r.text_bytes),
            r.kind.decision(),
            r.direct.p50,
            r.direct.p99,
            r.scrim.p50,
            r.scrim.p90,
            r.scrim.p99,
            r.scrim.p50 - r.direct.p50,
            r.scrim.p99 - r.direct.p99,
            r.scrim.n,
            r.scrim.failed + r.direct.failed,
        );
    }
    println!(
        "\n### Under load: {} concurrent keep-alive connections, {:.0} s after a {:.0} s warm-up (redact path, gateway)\n",
        s.conns, s.load_secs, s.load_warm_secs
    );
    println!("| detection | prompt | direct req/s | **through scrim req/s** | p50 / p99 under load | failed | scrim RSS peak (VmRSS / VmHWM) |");
    println!("|---|---|---|---|---|---|---|");
    for r in loads {
        println!(
            "| {} | {} | {:.0} | **{:.0}** | {:.1} / {:.1} ms | {} | {} / {} |",
            r.detection,
            kb(r.text_bytes),
            r.direct.rps,
            r.scrim.rps,
            r.scrim.lat.p50,
            r.scrim.lat.p99,
            r.scrim.lat.failed,
            mib(r.scrim.rss_kb),
            mib(r.scrim.hwm_kb),
        );
    }
    for (d, kb) in idle {
        println!("\nscrim RSS after start ({d}): {}", mib(*kb));
    }

    println!("\n### Issue 5 targets (gateway, HTTP, redact path)\n");
    let find = |detection: &str, size: usize| {
        lat.iter().find(|r| {
            r.detection == detection
                && r.path == "gateway, HTTP"
                && r.kind == Kind::Pii
                && r.text_bytes >= size
                && r.text_bytes < size + KB
        })
    };
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    for size in [KB, 16 * KB] {
        if let Some(r) = find("patterns", size) {
            let (p50, p99) = (r.scrim.p50 - r.direct.p50, r.scrim.p99 - r.direct.p99);
            println!(
                "- without NER, {}: added p50 {p50:.2} ms (≤ 2: {}), p99 {p99:.2} ms (≤ 10: {})",
                kb(r.text_bytes),
                verdict(p50 <= 2.0),
                verdict(p99 <= 10.0)
            );
        }
    }
    if let Some(r) = find("patterns + NER", KB) {
        let p50 = r.scrim.p50 - r.direct.p50;
        println!(
            "- with NER, {}: added p50 {p50:.2} ms (≤ 20: {})",
            kb(r.text_bytes),
            verdict(p50 <= 20.0)
        );
    }
}

fn main() -> std::process::ExitCode {
    let a = args();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    match rt.block_on(run(&a)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench_proxy: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
