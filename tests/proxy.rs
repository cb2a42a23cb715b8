//! The proxy end to end with a real client (curl), a fake TLS upstream that records
//! what it receives, and a fake local backend: what leaves, what comes back, and
//! what gets recorded.
#![allow(clippy::unwrap_used)] // test code

mod common;

use common::{curl, pii_prompt, start, test_policy, PII};

fn chat_body(content: &str, stream: bool) -> String {
    serde_json::json!({"model": "gpt-4o", "stream": stream, "messages": [{"role": "user", "content": content}]}).to_string()
}

/// An OpenAI chat request with a question and a PNG (base64 `png`).
fn chat_with_image(png: &str) -> String {
    serde_json::json!({"model": "gpt-4o", "messages": [{"role": "user", "content": [
        {"type": "text", "text": "What is in this picture?"},
        {"type": "image_url", "image_url": {"url": format!("data:image/png;base64,{png}")}}
    ]}]})
    .to_string()
}

fn gateway(h: &common::Harness, path: &str) -> String {
    format!("http://{}{path}", h.running.proxy_addr)
}

/// POST a JSON body to the gateway and read the streamed answer (`curl -N`).
async fn stream_post(h: &common::Harness, path: &str, body: String) -> (i32, String, String) {
    curl(vec![
        "-N".into(),
        gateway(h, path),
        "-H".into(),
        "content-type: application/json".into(),
        "-d".into(),
        body,
    ])
    .await
}

/// POST a JSON body through the gateway; (curl exit code, stdout, stderr).
async fn post_json(h: &common::Harness, path: &str, body: String) -> (i32, String, String) {
    curl(vec![
        gateway(h, path),
        "-H".into(),
        "content-type: application/json".into(),
        "-d".into(),
        body,
    ])
    .await
}

/// POST a JSON body through the gateway; (HTTP status, response body).
async fn post_json_status(h: &common::Harness, path: &str, body: String) -> (String, String) {
    let (code, out, err) = curl(vec![
        "-w".into(),
        "\n%{http_code}".into(),
        gateway(h, path),
        "-H".into(),
        "content-type: application/json".into(),
        "-d".into(),
        body,
    ])
    .await;
    assert_eq!(code, 0, "{err}");
    let (body, status) = out.rsplit_once('\n').unwrap();
    (status.to_string(), body.to_string())
}

/// POST a chat completion whose prompt holds a GitHub token (the default
/// policy blocks it); (HTTP status, response body).
async fn post_secret(h: &common::Harness) -> (String, String) {
    let prompt = "my key is ghp_R4nd0mL00k1ngT0k3nV4lu3F0rD3m0Purp0s3s fix it";
    post_json_status(h, "/openai/v1/chat/completions", chat_body(prompt, false)).await
}

/// POST `body` to the fake upstream's `url` through the proxy (`HTTPS_PROXY`
/// style), trusting `cacert`.
async fn post_via_proxy(
    h: &common::Harness,
    cacert: &std::path::Path,
    body: String,
) -> (i32, String, String) {
    let url = format!(
        "https://localhost:{}/v1/chat/completions",
        h.upstream.addr.port()
    );
    curl(vec![
        "--proxy".into(),
        format!("http://{}", h.running.proxy_addr),
        "--cacert".into(),
        cacert.display().to_string(),
        url,
        "-H".into(),
        "content-type: application/json".into(),
        "-d".into(),
        body,
    ])
    .await
}

fn assert_no_pii(received: &str) {
    for v in PII {
        assert!(
            !received.contains(v),
            "upstream received `{v}`:\n{received}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gateway_redacts_upstream_and_restores_the_answer() {
    let h = start("gw", |_| {}).await;
    let prompt = pii_prompt();
    let (code, out, err) =
        post_json(&h, "/openai/v1/chat/completions", chat_body(&prompt, false)).await;
    assert_eq!(code, 0, "{err}");
    let received = h.upstream.all_bodies();
    assert_no_pii(&received);
    assert!(received.contains("<EMAIL_ADDRESS"), "{received}");
    // The fake echoes the prompt: pseudonyms come back restored, masked/replaced
    // values stay redacted.
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let content = v["choices"][0]["message"]["content"].as_str().unwrap();
    assert!(content.contains("jane.doe@example.com"), "{content}");
    assert!(content.contains("Margaret Okafor"), "{content}");
    assert!(!content.contains("<EMAIL_ADDRESS"), "{content}");
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn values_revealed_by_redacting_their_neighbours_do_not_leave() {
    // From challenge set 4 (written blind): the last row's phone number is found
    // only once the e-mail address before it is redacted.
    let h = start("settle", |_| {}).await;
    let set = std::fs::read_to_string("tests/data/challenge4.jsonl").unwrap();
    let record: serde_json::Value = set
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["id"] == "ch4-0025")
        .unwrap();
    let prompt = record["text"].as_str().unwrap();
    let (code, _, err) =
        post_json(&h, "/openai/v1/chat/completions", chat_body(prompt, false)).await;
    assert_eq!(code, 0, "{err}");
    let received = h.upstream.all_bodies();
    assert!(received.contains("Why is the phone column"), "{received}");
    for v in ["FUNMI.ADEYEMI@GMAIL.COM", "0701 481 2290", "0809-318-4472"] {
        assert!(
            !received.contains(v),
            "upstream received `{v}`:\n{received}"
        );
    }
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn streamed_answers_are_restored_across_split_events() {
    let h = start("sse", |_| {}).await;
    let (code, out, err) = stream_post(
        &h,
        "/openai/v1/chat/completions",
        chat_body(
            "Contact jane.doe@example.com or +44 20 7946 0958 today.",
            true,
        ),
    )
    .await;
    assert_eq!(code, 0, "{err}");
    assert_no_pii(&h.upstream.all_bodies());
    let mut text = String::new();
    for line in out.lines() {
        if let Some(data) = line.strip_prefix("data: ") {
            if data == "[DONE]" {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(data).unwrap();
            if let Some(c) = v["choices"][0]["delta"]["content"].as_str() {
                text.push_str(c);
            }
        }
    }
    assert!(text.contains("jane.doe@example.com"), "{text}");
    assert!(text.contains("+44 20 7946 0958"), "{text}");
    assert!(!text.contains('<'), "no placeholder left: {text}");
    assert!(out.trim_end().ends_with("data: [DONE]"), "{out}");
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_proxy_intercepts_and_redacts() {
    let h = start("connect", |_| {}).await;
    let bundle = h.dir.path().join("client-ca.pem");
    std::fs::write(&bundle, h.running.shared.ca.cert_pem()).unwrap();
    let (code, out, err) = post_via_proxy(&h, &bundle, chat_body(&pii_prompt(), false)).await;
    assert_eq!(code, 0, "{err}");
    assert_no_pii(&h.upstream.all_bodies());
    assert!(out.contains("jane.doe@example.com"), "restored: {out}");
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_are_blocked_in_the_providers_format() {
    let h = start("block", |_| {}).await;
    let (status, body) = post_secret(&h).await;
    assert_eq!(status, "403");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let msg = v["error"]["message"].as_str().unwrap();
    assert!(msg.contains("SECRET"), "{msg}");
    assert!(!msg.contains("ghp_"), "no value in the message: {msg}");
    assert_eq!(h.upstream.count(), 0, "nothing reached the upstream");
    // Anthropic clients get Anthropic's error shape.
    let (_, out, _) = post_json(&h, "/anthropic/v1/messages", serde_json::json!({"model": "claude", "max_tokens": 10, "messages": [{"role": "user", "content": "key sk_live_4eC39HqLyjWDarjtT1zdp7dc"}]}).to_string())
    .await;
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["type"], "error", "{out}");
    assert_eq!(h.upstream.count(), 0);
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gzip_bodies_are_inspected() {
    let h = start("gzip", |_| {}).await;
    let body = chat_body(&pii_prompt(), false);
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut enc, body.as_bytes()).unwrap();
    let gz = h.dir.path().join("body.gz");
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();
    let (code, _, err) = curl(vec![
        gateway(&h, "/openai/v1/chat/completions"),
        "-H".into(),
        "content-type: application/json".into(),
        "-H".into(),
        "content-encoding: gzip".into(),
        "--data-binary".into(),
        format!("@{}", gz.display()),
    ])
    .await;
    assert_eq!(code, 0, "{err}");
    assert_eq!(h.upstream.count(), 1);
    assert_no_pii(&h.upstream.all_bodies());
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn special_categories_route_to_the_local_backend() {
    let h = start("route", |_| {}).await;
    let (code, out, err) = post_json(
        &h,
        "/openai/v1/chat/completions",
        chat_body(
            "My patient has HIV and is on chemotherapy; draft a care plan.",
            false,
        ),
    )
    .await;
    assert_eq!(code, 0, "{err}");
    assert_eq!(h.upstream.count(), 0, "nothing went to the cloud");
    assert_eq!(h.backend.count(), 1, "the local backend got it");
    let (path, body) = {
        let got = &h.backend.received.lock().unwrap()[0];
        (got.path.clone(), got.body_text())
    };
    assert_eq!(path, "/v1/chat/completions");
    assert!(body.contains("\"model\":\"tiny\""), "model mapped: {body}");
    assert!(out.contains("Hello from the local model."), "{out}");
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_down_backend_blocks_and_never_falls_back_to_the_cloud() {
    let h = start("down", |_| {}).await;
    // Point the policy's backend at a closed port, then reload.
    let policy = h.dir.path().join("policy.toml");
    std::fs::write(&policy, test_policy("2", "http://127.0.0.1:9/v1")).unwrap();
    h.running.shared.reload_now().unwrap();
    let (status, body) = post_json_status(
        &h,
        "/openai/v1/chat/completions",
        chat_body("The patient is HIV positive.", false),
    )
    .await;
    assert_eq!(status, "503", "{body}");
    assert!(body.contains("`local`"), "names the backend: {body}");
    assert_eq!(h.upstream.count(), 0, "no cloud fallback");
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_hosts_are_tunnelled_or_denied() {
    // Tunnel: TLS goes through untouched (curl verifies the fake's own certificate).
    let h = start("tunnel", |c| c.intercept.retain(|h| h != "localhost")).await;
    let (code, out, err) = post_via_proxy(
        &h,
        &h.ca.ca_pem_path,
        chat_body("jane.doe@example.com", false),
    )
    .await;
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("jane.doe@example.com"));
    assert!(
        h.upstream.all_bodies().contains("jane.doe@example.com"),
        "tunnelled untouched"
    );
    assert_eq!(outcomes(&h), ["Tunnelled"], "audited");
    h.running.stop().await;

    let h = start("deny", |c| {
        c.intercept.retain(|h| h != "localhost");
        c.unknown_hosts = scrim::config::UnknownHosts::Deny;
    })
    .await;
    let (code, _, err) = post_via_proxy(&h, &h.ca.ca_pem_path, "{}".into()).await;
    assert_ne!(code, 0);
    assert!(err.contains("403"), "{err}");
    assert_eq!(h.upstream.count(), 0);
    assert_eq!(outcomes(&h), ["Denied"], "audited");
    h.running.stop().await;
}

/// Every audit entry, oldest first.
fn audit_entries(h: &common::Harness) -> Vec<scrim::audit::Entry> {
    h.running.shared.audit.sync_index().unwrap();
    let mut entries = h
        .running
        .shared
        .audit
        .query(&scrim::audit::QueryFilter::default())
        .unwrap();
    entries.reverse();
    entries
}

/// The outcome kind of every request record, oldest first.
fn outcomes(h: &common::Harness) -> Vec<String> {
    audit_entries(h)
        .iter()
        .filter_map(|e| e.request())
        .map(|d| {
            let o = format!("{:?}", d.outcome);
            o.split([' ', '{', '(']).next().unwrap_or("").to_string()
        })
        .collect()
}

/// Plain `http://` through the proxy (local backends often speak it): an
/// intercepted host is inspected like any other.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_http_requests_through_the_proxy_are_inspected() {
    let h = start("plain", |c| c.intercept.push("127.0.0.1".into())).await;
    let url = format!(
        "http://127.0.0.1:{}/v1/chat/completions",
        h.backend.addr.port()
    );
    let (code, out, err) = curl(vec![
        "--proxy".into(),
        format!("http://{}", h.running.proxy_addr),
        url,
        "-H".into(),
        "content-type: application/json".into(),
        "-d".into(),
        chat_body("Please e-mail jane.doe@example.com about it.", false),
    ])
    .await;
    assert_eq!(code, 0, "{err}");
    let received = h.backend.all_bodies();
    assert!(!received.contains("jane.doe@example.com"), "{received}");
    assert!(received.contains("<EMAIL_ADDRESS"), "{received}");
    assert!(!out.is_empty());
    assert_eq!(outcomes(&h), ["Forwarded"]);
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_request_has_exactly_one_durable_record() {
    let h = start("audit", |_| {}).await;
    let n = 5;
    for i in 0..n {
        let content = if i % 2 == 0 {
            pii_prompt()
        } else {
            "What is 2 + 2?".to_string()
        };
        post_json(
            &h,
            "/openai/v1/chat/completions",
            chat_body(&content, false),
        )
        .await;
    }
    h.running.shared.audit.sync_index().unwrap();
    let entries = h
        .running
        .shared
        .audit
        .query(&scrim::audit::QueryFilter::default())
        .unwrap();
    assert_eq!(entries.len(), n, "one decision record per request");
    // The admin API answers the same query.
    let (code, out, _) = curl(vec![format!(
        "http://{}/audit/query?limit=100",
        h.running.admin_addr
    )])
    .await;
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v.to_string().contains("redact"), "{out}");
    let (_, metrics, _) = curl(vec![format!("http://{}/metrics", h.running.admin_addr)]).await;
    assert!(
        metrics.contains("scrim_requests_total{decision=\"redact\",provider=\"openai\"}"),
        "{metrics}"
    );
    let (_, ready, _) = curl(vec![format!("http://{}/readyz", h.running.admin_addr)]).await;
    assert!(ready.contains("\"ready\":true"), "{ready}");
    // No fixture value anywhere under the data directory.
    let data = h.dir.path().join("data");
    for entry in walk(&data) {
        let bytes = std::fs::read(&entry).unwrap_or_default();
        for v in PII {
            assert!(
                !contains(&bytes, v.as_bytes()),
                "{v} found in {}",
                entry.display()
            );
        }
    }
    h.running.stop().await;
}

/// A failed audit write after start blocks the request (fail closed) with a 503
/// in the provider's format, and nothing is sent anywhere (review of #6: only
/// the library tested it). Tests may run as root, whom a read-only directory
/// does not stop, so the failure comes from a name: with 1-byte segments every
/// record after a segment's first needs a new segment file, and a directory
/// sits on the next one's name (as in tests/audit_log.rs).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_audit_write_failure_blocks_the_request() {
    let h = start("audit-fail", |c| c.audit.segment_max_bytes = 1).await;
    let segments = h.dir.path().join("data/audit/segments");
    std::fs::create_dir(segments.join("0000000002.seg")).unwrap();
    // The last record that fits: a request the policy blocks anyway.
    let (status, _) = post_secret(&h).await;
    assert_eq!(status, "403");

    let (status, body) = post_json_status(
        &h,
        "/openai/v1/chat/completions",
        chat_body(&pii_prompt(), false),
    )
    .await;
    assert_eq!(status, "503", "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["error"]["code"], "audit_unavailable", "{body}");
    assert_eq!(v["error"]["type"], "server_error", "{body}");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("audit log"),
        "{body}"
    );
    assert_no_pii(&body);
    // The writer stays stopped: a clean request to another provider is refused
    // too, in Anthropic's format.
    let (status, body) = post_json_status(
        &h,
        "/anthropic/v1/messages",
        serde_json::json!({"model": "claude", "max_tokens": 10, "messages": [{"role": "user", "content": "What is 2 + 2?"}]}).to_string(),
    )
    .await;
    assert_eq!(status, "503", "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["type"], "error", "{body}");
    assert_eq!(v["error"]["type"], "api_error", "{body}");
    assert_eq!(h.upstream.count(), 0, "nothing reached the upstream");
    assert_eq!(h.backend.count(), 0, "nor the local backend");
    assert!(h.running.shared.audit.metrics().failures >= 1);
    // …and says so to a load balancer.
    let (_, ready, _) = curl(vec![
        "-w".into(),
        " %{http_code}".into(),
        format!("http://{}/readyz", h.running.admin_addr),
    ])
    .await;
    assert!(ready.ends_with(" 503"), "{ready}");
    assert!(ready.contains("\"audit_writable\":false"), "{ready}");
    h.running.stop().await;
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gemini_and_anthropic_streams_are_redacted_and_restored() {
    let h = start("gemini", |_| {}).await;
    let body =
        serde_json::json!({"contents": [{"role": "user", "parts": [{"text": pii_prompt()}]}]});
    let (code, out, err) = post_json(
        &h,
        "/gemini/v1beta/models/gemini-1.5-flash:generateContent",
        body.to_string(),
    )
    .await;
    assert_eq!(code, 0, "{err}");
    assert_no_pii(&h.upstream.all_bodies());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let text = v["candidates"][0]["content"]["parts"][0]["text"]
        .as_str()
        .unwrap();
    assert!(text.contains("jane.doe@example.com"), "{text}");

    let body = serde_json::json!({"model": "claude-3-5-haiku", "max_tokens": 50, "stream": true,
        "messages": [{"role": "user", "content": "Write to jane.doe@example.com about it."}]});
    let (code, out, err) = post_json(&h, "/anthropic/v1/messages", body.to_string()).await;
    assert_eq!(code, 0, "{err}");
    assert_no_pii(&h.upstream.all_bodies());
    let mut text = String::new();
    for line in out.lines() {
        if let Some(data) = line.strip_prefix("data: ") {
            let v: serde_json::Value = serde_json::from_str(data).unwrap();
            if let Some(t) = v["delta"]["text"].as_str() {
                text.push_str(t);
            }
        }
    }
    assert!(text.contains("jane.doe@example.com"), "{text}");
    assert!(out.contains("event: message_stop"), "{out}");
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn images_and_websocket_upgrades_are_blocked_by_default() {
    let h = start("media", |_| {}).await;
    let body = chat_with_image("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    let (status, body) = post_json_status(&h, "/openai/v1/chat/completions", body).await;
    assert_eq!(status, "403", "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["error"]["code"], "unsupported_content", "{body}");

    let (code, out, err) = curl(vec![
        "-w".into(),
        "\n%{http_code}".into(),
        gateway(&h, "/openai/v1/realtime?model=gpt-4o-realtime"),
        "-H".into(),
        "Connection: Upgrade".into(),
        "-H".into(),
        "Upgrade: websocket".into(),
        "-H".into(),
        "Sec-WebSocket-Version: 13".into(),
        "-H".into(),
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==".into(),
    ])
    .await;
    assert_eq!(code, 0, "{err}");
    assert!(out.ends_with("\n403"), "{out}");
    assert!(out.contains("unsupported_content"), "{out}");
    assert_eq!(h.upstream.count(), 0, "nothing reached the upstream");
    h.running.stop().await;
}

/// `on_error` other than `block` is carried out, and recorded like any decision:
/// a malformed body the policy lets through reaches the upstream unchanged; an
/// image the policy routes goes to the local backend only; a body over the size
/// cap, which scrim stopped reading, is blocked whatever the policy says.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_error_allow_and_route_are_carried_out() {
    let h = start("onerror", |c| c.max_body_bytes = 4096).await;
    let policy = h.dir.path().join("policy.toml");
    let backend = format!("http://127.0.0.1:{}/v1", h.backend.addr.port());
    let mut text = test_policy("2", &backend);
    text.push_str(
        "\n[on_error]\nundecodable_body = \"allow\"\nunsupported_content = \"route\"\nbody_too_large = \"allow\"\nroute = \"local\"\n",
    );
    std::fs::write(&policy, text).unwrap();
    h.running.shared.reload_now().unwrap();

    let malformed = "{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"hi";
    let (status, body) =
        post_json_status(&h, "/openai/v1/chat/completions", malformed.to_string()).await;
    assert_eq!(status, "200", "{body}");
    assert_eq!(h.upstream.count(), 1, "forwarded");
    assert_eq!(h.upstream.all_bodies(), malformed, "unchanged");

    let image = chat_with_image("iVBORw0KGgo=");
    let (status, body) = post_json_status(&h, "/openai/v1/chat/completions", image).await;
    assert_eq!(status, "200", "{body}");
    assert!(body.contains("Hello from the local model."), "{body}");
    assert_eq!(h.backend.count(), 1, "routed to the local backend");
    assert_eq!(h.upstream.count(), 1, "not to the cloud");

    let big = chat_body(&"lorem ipsum ".repeat(1000), false);
    let (status, body) = post_json_status(&h, "/openai/v1/chat/completions", big).await;
    assert_eq!(status, "413", "{body}");
    assert_eq!(h.upstream.count(), 1, "the truncated body never left");

    assert_eq!(
        outcomes(&h),
        ["Forwarded", "Routed", "Blocked"],
        "one record per request"
    );
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_and_oversized_bodies_fail_closed_in_the_providers_format() {
    let h = start("malformed", |c| c.max_body_bytes = 4096).await;
    let (status, body) = post_json_status(
        &h,
        "/openai/v1/chat/completions",
        "{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"jane.doe@example.com".into(),
    )
    .await;
    assert_eq!(status, "400", "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(v["error"]["message"].is_string(), "{body}");
    assert!(!body.contains("jane.doe"), "no value in the error: {body}");

    let big = chat_body(&"lorem ipsum ".repeat(1000), false);
    let (status, body) = post_json_status(&h, "/anthropic/v1/messages", big).await;
    assert_eq!(status, "413", "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["type"], "error", "Anthropic's shape: {body}");
    assert_eq!(h.upstream.count(), 0, "nothing reached the upstream");
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http2_clients_are_served_inside_intercepted_tls() {
    let h = start("h2", |_| {}).await;
    let bundle = h.dir.path().join("client-ca.pem");
    std::fs::write(&bundle, h.running.shared.ca.cert_pem()).unwrap();
    let url = format!(
        "https://localhost:{}/v1/chat/completions",
        h.upstream.addr.port()
    );
    let (code, out, err) = curl(vec![
        "--http2".into(),
        "-w".into(),
        "\n%{http_version}".into(),
        "--proxy".into(),
        format!("http://{}", h.running.proxy_addr),
        "--cacert".into(),
        bundle.display().to_string(),
        url,
        "-H".into(),
        "content-type: application/json".into(),
        "-d".into(),
        chat_body(&pii_prompt(), false),
    ])
    .await;
    assert_eq!(code, 0, "{err}");
    let (body, version) = out.rsplit_once('\n').unwrap();
    assert_eq!(version, "2", "HTTP/2 negotiated with the client");
    assert!(body.contains("jane.doe@example.com"), "restored: {body}");
    assert_no_pii(&h.upstream.all_bodies());
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn proxy_credentials_and_client_networks_are_enforced() {
    let hash = scrim::proxy::access::hash_password("s3cret").unwrap();
    let h = start("auth", move |c| {
        c.proxy_users = vec![scrim::config::ProxyUser {
            name: "ci".into(),
            password_hash: hash,
        }];
    })
    .await;
    let bundle = h.dir.path().join("client-ca.pem");
    std::fs::write(&bundle, h.running.shared.ca.cert_pem()).unwrap();
    let via_proxy = |user: Option<&str>| {
        let mut args = vec![
            "-w".to_string(),
            "\n%{http_code}".into(),
            "--proxy".into(),
            format!("http://{}", h.running.proxy_addr),
            "--cacert".into(),
            bundle.display().to_string(),
            format!(
                "https://localhost:{}/v1/chat/completions",
                h.upstream.addr.port()
            ),
            "-d".into(),
            chat_body("hello", false),
        ];
        if let Some(u) = user {
            args.extend(["--proxy-user".to_string(), u.to_string()]);
        }
        curl(args)
    };
    // No or wrong credentials: 407 on CONNECT, nothing forwarded.
    let (_, _, err) = via_proxy(None).await;
    assert!(err.contains("407"), "{err}");
    let (_, _, err) = via_proxy(Some("ci:wrong")).await;
    assert!(err.contains("407"), "{err}");
    assert_eq!(h.upstream.count(), 0);
    // Right credentials, twice (the second is remembered, not re-hashed).
    for _ in 0..2 {
        let (code, out, err) = via_proxy(Some("ci:s3cret")).await;
        assert_eq!(code, 0, "{err}");
        assert!(out.ends_with("\n200"), "{out}");
    }
    assert_eq!(h.upstream.count(), 2);
    h.running.stop().await;

    let h = start("networks", |c| {
        c.client_networks = vec!["10.0.0.0/8".into()]
    })
    .await;
    let (status, body) =
        post_json_status(&h, "/openai/v1/chat/completions", chat_body("hi", false)).await;
    assert_eq!(status, "403", "{body}");
    assert!(body.contains("client network"), "{body}");
    assert_eq!(h.upstream.count(), 0);
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_and_batch_files_are_inspected() {
    let h = start("uploads", |_| {}).await;
    let dir = h.dir.path();
    // A batch file (JSON Lines) with PII in its second line.
    let batch = dir.join("batch.jsonl");
    std::fs::write(
        &batch,
        format!(
            "{}\n{}\n",
            serde_json::json!({"custom_id": "a", "body": {"messages": [{"role": "user", "content": "hello"}]}}),
            serde_json::json!({"custom_id": "b", "body": {"messages": [{"role": "user", "content": pii_prompt()}]}}),
        ),
    )
    .unwrap();
    let (code, _, err) = curl(vec![
        gateway(&h, "/openai/v1/files"),
        "-F".into(),
        "purpose=batch".into(),
        "-F".into(),
        format!("file=@{};type=application/jsonl", batch.display()),
    ])
    .await;
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = curl(vec![
        gateway(&h, "/openai/v1/batches/upload"),
        "-H".into(),
        "content-type: application/jsonl".into(),
        "--data-binary".into(),
        format!("@{}", batch.display()),
    ])
    .await;
    assert_eq!(code, 0, "{err}");
    assert_eq!(h.upstream.count(), 2);
    let received = h.upstream.all_bodies();
    assert_no_pii(&received);
    assert!(
        received.contains("\"custom_id\":\"b\""),
        "structure kept: {received}"
    );
    assert!(received.contains("purpose"), "other parts kept: {received}");

    // A binary part (audio) cannot be inspected: blocked by default.
    let audio = dir.join("a.mp3");
    std::fs::write(
        &audio,
        [0xFFu8, 0xFB, 0x90, 0x64, 0x00, 0x0F, 0xF0, 0x00, 0xC3],
    )
    .unwrap();
    let (code, out, err) = curl(vec![
        "-w".into(),
        "\n%{http_code}".into(),
        gateway(&h, "/openai/v1/audio/transcriptions"),
        "-F".into(),
        "model=whisper-1".into(),
        "-F".into(),
        format!("file=@{};type=audio/mpeg", audio.display()),
    ])
    .await;
    assert_eq!(code, 0, "{err}");
    assert!(out.ends_with("\n403"), "{out}");
    assert_eq!(h.upstream.count(), 2, "the audio did not go out");

    // The same audio through the Gemini prefix, to a path no provider's shape
    // names and a base that is no Google host (the fake upstream): the client
    // said Gemini, so the refusal comes in Gemini's error format.
    let (code, out, err) = curl(vec![
        "-w".into(),
        "\n%{http_code}".into(),
        gateway(&h, "/gemini/upload/v1beta/files"),
        "-H".into(),
        "content-type: audio/mpeg".into(),
        "--data-binary".into(),
        format!("@{}", audio.display()),
    ])
    .await;
    assert_eq!(code, 0, "{err}");
    let (body, status) = out.rsplit_once('\n').unwrap();
    assert_eq!(status, "403", "{body}");
    let error: serde_json::Value = serde_json::from_str(body).expect("a JSON error");
    assert_eq!(error["error"]["status"], "PERMISSION_DENIED", "{body}");
    assert_eq!(error["error"]["code"], 403, "{body}");
    assert_eq!(h.upstream.count(), 2, "the audio did not go out");
    h.running.stop().await;
}

/// CONNECT to the fake upstream through the proxy, then a TLS handshake naming
/// `sni`; returns what a plain HTTP/1.1 request over it gets back.
async fn connect_with_sni(h: &common::Harness, sni: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut tcp = tokio::net::TcpStream::connect(h.running.proxy_addr)
        .await
        .unwrap();
    let target = format!("localhost:{}", h.upstream.addr.port());
    tcp.write_all(format!("CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let mut head = [0u8; 256];
    let n = tcp.read(&mut head).await.unwrap();
    assert!(String::from_utf8_lossy(&head[..n]).starts_with("HTTP/1.1 200"));
    let mut roots = rustls::RootCertStore::empty();
    let der = h.running.shared.ca.cert_der().clone();
    roots.add(der).unwrap();
    let config = rustls::ClientConfig::builder_with_provider(scrim::tls::crypto_provider())
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let connector = tokio_rustls::TlsConnector::from(std::sync::Arc::new(config));
    let name = rustls_pki_types::ServerName::try_from(sni.to_string()).unwrap();
    let Ok(mut tls) = connector.connect(name, tcp).await else {
        return String::new();
    };
    let body = chat_body("hello", false);
    let request = format!(
        "POST /v1/chat/completions HTTP/1.1\r\nHost: {sni}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    if tls.write_all(request.as_bytes()).await.is_err() {
        return String::new();
    }
    let mut out = Vec::new();
    let _ = tls.read_to_end(&mut out).await;
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sni_must_name_the_connect_host() {
    let h = start("sni", |_| {}).await;
    let ok = connect_with_sni(&h, "localhost").await;
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    let smuggled = connect_with_sni(&h, "other.example").await;
    assert!(smuggled.is_empty(), "{smuggled}");
    assert_eq!(h.upstream.count(), 1);
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_api_listens_on_loopback_only() {
    let dir = common::tempdir::Dir::new("admin-lan");
    let mut config = scrim::config::Config::embedded().unwrap();
    config.listen = "127.0.0.1:0".parse().unwrap();
    config.admin_listen = "0.0.0.0:0".parse().unwrap();
    config.data_dir = dir.path().join("data");
    config.ner.enabled = false;
    let err = scrim::proxy::start(config).await.unwrap_err().to_string();
    assert!(
        err.contains("admin_listen") && err.contains("loopback"),
        "{err}"
    );
}

// ---- OpenAI tool calling, Responses API, embeddings ---------------------------------
//
// scrim scans every string of a JSON body whatever the endpoint
// (`inspect::provider`), so PII in tool schemas, in tool-call `arguments` (JSON
// text inside a JSON string) and in tool results is redacted like any prompt;
// answers are restored by `inspect::restore`, which treats `arguments` as JSON
// text. The fake upstream answers a chat request that offers `tools` with a call
// whose arguments echo the prompt, answers `/responses` in the Responses shape
// and `/embeddings` with vectors.

/// The pseudonym placeholders (`<EMAIL_ADDRESS_1>`) left in `text`.
fn pseudonyms_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('<') {
        let Some(len) = text[i + 1..].find('>') else {
            continue;
        };
        let inner = &text[i + 1..i + 1 + len];
        let numbered = inner.rsplit_once('_').is_some_and(|(label, n)| {
            !label.is_empty()
                && label.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
                && !n.is_empty()
                && n.bytes().all(|b| b.is_ascii_digit())
        });
        if numbered {
            out.push(format!("<{inner}>"));
        }
    }
    out
}

/// The JSON `data:` payloads of an SSE stream, `[DONE]` left out.
fn sse_payloads(stream: &str) -> Vec<serde_json::Value> {
    stream
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .filter(|d| *d != "[DONE]")
        .map(|d| serde_json::from_str(d).unwrap())
        .collect()
}

/// Every request record, oldest first: (path, decision, labels found).
fn decisions(h: &common::Harness) -> Vec<(String, String, Vec<String>)> {
    audit_entries(h)
        .iter()
        .filter_map(|e| e.request())
        .map(|d| {
            (
                d.destination.path.clone(),
                d.decision.action.to_string(),
                d.decision
                    .labels
                    .keys()
                    .map(|l| l.as_str().to_string())
                    .collect(),
            )
        })
        .collect()
}

/// Assert one record per request, each a `decision` on `path`, naming `labels`.
fn assert_decisions(h: &common::Harness, expected: &[(&str, &str, &[&str])]) {
    let got = decisions(h);
    assert_eq!(got.len(), expected.len(), "one record per request: {got:?}");
    for ((path, action, labels), (want_path, want_action, want_labels)) in got.iter().zip(expected)
    {
        assert_eq!(
            (path.as_str(), action.as_str()),
            (*want_path, *want_action),
            "{got:?}"
        );
        for l in *want_labels {
            assert!(labels.iter().any(|x| x == l), "{l} in {got:?}");
        }
    }
}

/// A chat request in the middle of a tool-calling turn: a tool schema, an
/// assistant tool call and the tool's result, each holding a different value.
fn tool_calling_body(stream: bool) -> String {
    let arguments = serde_json::json!({"email": "jane.doe@example.com"}).to_string();
    let result = serde_json::json!({"customer": "Margaret Okafor", "ssn": "078-05-1123",
        "card": "4111 1111 1111 1111", "iban": "DE89 3704 0044 0532 0130 00"})
    .to_string();
    serde_json::json!({"model": "gpt-4o", "stream": stream, "messages": [
        {"role": "system", "content": "You are a CRM assistant."},
        {"role": "user", "content": "Find the customer Margaret Okafor and draft a reply."},
        {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function",
            "function": {"name": "lookup_customer", "arguments": arguments}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": result}
    ], "tools": [{"type": "function", "function": {"name": "send_email",
        "description": "Send an e-mail. Escalations go to the duty phone +44 20 7946 0958.",
        "parameters": {"type": "object", "properties": {"to": {"type": "string"}}}}}]})
    .to_string()
}

/// What the upstream got for `tool_calling_body`: no value anywhere, every
/// embedded JSON text still valid JSON with the values replaced in place.
fn assert_tool_calling_redacted(h: &common::Harness) {
    let received = h.upstream.all_bodies();
    assert_no_pii(&received);
    let sent: serde_json::Value = serde_json::from_str(&received).unwrap();
    let arguments = sent["messages"][2]["tool_calls"][0]["function"]["arguments"]
        .as_str()
        .unwrap();
    let arguments: serde_json::Value = serde_json::from_str(arguments).unwrap();
    let email = arguments["email"].as_str().unwrap();
    assert!(email.starts_with("<EMAIL_ADDRESS_"), "{arguments}");
    let result: serde_json::Value =
        serde_json::from_str(sent["messages"][3]["content"].as_str().unwrap()).unwrap();
    assert_eq!(result["ssn"], "<US_SSN>", "{result}");
    assert_eq!(result["card"], "<CREDIT_CARD>", "{result}");
    assert!(
        result["customer"].as_str().unwrap().starts_with("<PERSON_"),
        "{result}"
    );
    let description = sent["tools"][0]["function"]["description"]
        .as_str()
        .unwrap();
    assert!(description.contains("<PHONE_NUMBER_"), "{description}");
}

/// The restored `{"echo": …}` arguments of the fake's tool call: the prompt the
/// upstream saw, with the pseudonyms put back and the replaced values not.
fn assert_echo_restored(arguments: &str) {
    let parsed: serde_json::Value = serde_json::from_str(arguments)
        .unwrap_or_else(|e| panic!("arguments are no longer JSON ({e}): {arguments}"));
    let echo = parsed["echo"].as_str().unwrap();
    assert!(echo.contains("Margaret Okafor"), "{echo}");
    assert!(echo.contains("jane.doe@example.com"), "{echo}");
    assert!(pseudonyms_in(echo).is_empty(), "restored: {echo}");
    assert!(
        echo.contains("<US_SSN>"),
        "replaced values stay out: {echo}"
    );
    assert!(!echo.contains("078-05-1123"), "{echo}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tool_calls_and_tool_results_are_redacted_and_call_arguments_restored() {
    let h = start("tools", |_| {}).await;
    let (code, out, err) =
        post_json(&h, "/openai/v1/chat/completions", tool_calling_body(false)).await;
    assert_eq!(code, 0, "{err}");
    assert_eq!(h.upstream.count(), 1);
    assert_tool_calling_redacted(&h);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let call = &v["choices"][0]["message"]["tool_calls"][0];
    assert_eq!(call["function"]["name"], "send_email", "{out}");
    assert_echo_restored(call["function"]["arguments"].as_str().unwrap());
    assert_decisions(
        &h,
        &[(
            "/v1/chat/completions",
            "redact",
            &[
                "EMAIL_ADDRESS",
                "PERSON",
                "PHONE_NUMBER",
                "US_SSN",
                "CREDIT_CARD",
            ],
        )],
    );
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn streamed_tool_call_arguments_are_restored_across_split_events() {
    let h = start("tools-sse", |_| {}).await;
    let (code, out, err) =
        stream_post(&h, "/openai/v1/chat/completions", tool_calling_body(true)).await;
    assert_eq!(code, 0, "{err}");
    assert_tool_calling_redacted(&h);
    // The fake sends the arguments in 3-byte pieces: every placeholder is split.
    let mut arguments = String::new();
    for v in sse_payloads(&out) {
        if let Some(a) = v["choices"][0]["delta"]["tool_calls"][0]["function"]["arguments"].as_str()
        {
            arguments.push_str(a);
        }
    }
    assert_echo_restored(&arguments);
    assert!(out.trim_end().ends_with("data: [DONE]"), "{out}");
    assert_decisions(
        &h,
        &[("/v1/chat/completions", "redact", &["EMAIL_ADDRESS"])],
    );
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn responses_api_input_is_redacted_and_output_text_restored() {
    let h = start("responses", |_| {}).await;
    // `input` as a string.
    let body = serde_json::json!({"model": "gpt-4.1", "input": pii_prompt()});
    let (code, out, err) = post_json(&h, "/openai/v1/responses", body.to_string()).await;
    assert_eq!(code, 0, "{err}");
    assert_eq!(h.upstream.count(), 1);
    assert_no_pii(&h.upstream.all_bodies());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let text = v["output"][0]["content"][0]["text"].as_str().unwrap();
    assert!(text.contains("jane.doe@example.com"), "{text}");
    assert!(text.contains("Margaret Okafor"), "{text}");
    assert!(pseudonyms_in(text).is_empty(), "restored: {text}");
    assert!(
        !text.contains("078-05-1123"),
        "replaced, not restored: {text}"
    );

    // `input` as a list of items: messages (content as parts and as a string),
    // a function call and its output; PII in `instructions` too.
    let arguments = serde_json::json!({"ssn": "078-05-1123"}).to_string();
    let body = serde_json::json!({"model": "gpt-4.1",
    "instructions": "You write on behalf of Margaret Okafor.",
    "input": [
        {"role": "user", "content": [{"type": "input_text",
            "text": "Her e-mail is jane.doe@example.com and her phone +44 20 7946 0958."}]},
        {"type": "function_call", "call_id": "call_1", "name": "lookup", "arguments": arguments},
        {"type": "function_call_output", "call_id": "call_1",
            "output": "card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00"},
        {"role": "user", "content": "Summarise her account."}
    ]});
    let (code, out, err) = post_json(&h, "/openai/v1/responses", body.to_string()).await;
    assert_eq!(code, 0, "{err}");
    assert_eq!(h.upstream.count(), 2);
    let received = h.upstream.all_bodies();
    assert_no_pii(&received);
    let sent: serde_json::Value =
        serde_json::from_slice(&h.upstream.received.lock().unwrap()[1].body).unwrap();
    let sent_arguments: serde_json::Value =
        serde_json::from_str(sent["input"][1]["arguments"].as_str().unwrap()).unwrap();
    assert_eq!(sent_arguments["ssn"], "<US_SSN>", "{sent}");
    assert_eq!(
        sent["input"][3]["content"], "Summarise her account.",
        "{sent}"
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let text = v["output"][0]["content"][0]["text"].as_str().unwrap();
    assert!(text.contains("jane.doe@example.com"), "{text}");
    assert!(text.contains("+44 20 7946 0958"), "{text}");
    assert!(pseudonyms_in(text).is_empty(), "restored: {text}");
    assert_decisions(
        &h,
        &[
            (
                "/v1/responses",
                "redact",
                &["EMAIL_ADDRESS", "PERSON", "US_SSN"],
            ),
            (
                "/v1/responses",
                "redact",
                &[
                    "EMAIL_ADDRESS",
                    "PERSON",
                    "PHONE_NUMBER",
                    "US_SSN",
                    "IBAN_CODE",
                ],
            ),
        ],
    );
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn streamed_responses_are_restored_across_split_events() {
    let h = start("responses-sse", |_| {}).await;
    let body = serde_json::json!({"model": "gpt-4.1", "stream": true, "input": [
        {"role": "user", "content": [{"type": "input_text",
            "text": "Contact Margaret Okafor at jane.doe@example.com or +44 20 7946 0958 today."}]}
    ]});
    let (code, out, err) = stream_post(&h, "/openai/v1/responses", body.to_string()).await;
    assert_eq!(code, 0, "{err}");
    assert_no_pii(&h.upstream.all_bodies());
    let events = sse_payloads(&out);
    // The deltas, concatenated (the fake splits every placeholder across them)…
    let deltas: String = events
        .iter()
        .filter(|v| v["type"] == "response.output_text.delta")
        .filter_map(|v| v["delta"].as_str())
        .collect();
    // …and the whole texts of the `done` and `completed` events.
    let done = events
        .iter()
        .find(|v| v["type"] == "response.output_text.done")
        .unwrap_or_else(|| panic!("no output_text.done: {out}"))["text"]
        .as_str()
        .unwrap()
        .to_string();
    let completed = events
        .iter()
        .find(|v| v["type"] == "response.completed")
        .unwrap_or_else(|| panic!("no response.completed: {out}"))["response"]["output"][0]
        ["content"][0]["text"]
        .as_str()
        .unwrap()
        .to_string();
    for text in [&deltas, &done, &completed] {
        assert!(text.contains("Margaret Okafor"), "{text}");
        assert!(text.contains("jane.doe@example.com"), "{text}");
        assert!(text.contains("+44 20 7946 0958"), "{text}");
        assert!(pseudonyms_in(text).is_empty(), "restored: {text}");
    }
    assert_eq!(deltas, done, "the deltas add up to the done text");
    assert_eq!(
        events.last().map(|v| v["type"].clone()),
        Some("response.completed".into()),
        "{out}"
    );
    assert_decisions(
        &h,
        &[(
            "/v1/responses",
            "redact",
            &["EMAIL_ADDRESS", "PHONE_NUMBER"],
        )],
    );
    h.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embeddings_input_is_redacted_as_a_string_and_as_an_array() {
    let h = start("embeddings", |_| {}).await;
    let body = serde_json::json!({"model": "text-embedding-3-small", "input": pii_prompt()});
    let (status, out) = post_json_status(&h, "/openai/v1/embeddings", body.to_string()).await;
    assert_eq!(status, "200", "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["data"].as_array().map(Vec::len), Some(1), "{out}");

    let inputs = [
        "Customer Margaret Okafor, jane.doe@example.com",
        "What is the refund policy?",
        "SSN 078-05-1123, card 4111 1111 1111 1111",
        "IBAN DE89 3704 0044 0532 0130 00, phone +44 20 7946 0958",
    ];
    let body = serde_json::json!({"model": "text-embedding-3-small", "input": inputs});
    let (status, out) = post_json_status(&h, "/openai/v1/embeddings", body.to_string()).await;
    assert_eq!(status, "200", "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["data"].as_array().map(Vec::len), Some(4), "{out}");

    assert_eq!(h.upstream.count(), 2);
    assert_no_pii(&h.upstream.all_bodies());
    let received = h.upstream.received.lock().unwrap().clone();
    let first: serde_json::Value = serde_json::from_slice(&received[0].body).unwrap();
    let input = first["input"].as_str().expect("still a string");
    assert!(input.contains("<EMAIL_ADDRESS_"), "{input}");
    let second: serde_json::Value = serde_json::from_slice(&received[1].body).unwrap();
    let sent = second["input"].as_array().expect("still an array");
    assert_eq!(sent.len(), 4, "{second}");
    assert_eq!(sent[1], inputs[1], "clean inputs unchanged: {second}");
    assert!(sent[2].as_str().unwrap().contains("<US_SSN>"), "{second}");
    assert_decisions(
        &h,
        &[
            ("/v1/embeddings", "redact", &["EMAIL_ADDRESS", "US_SSN"]),
            (
                "/v1/embeddings",
                "redact",
                &["EMAIL_ADDRESS", "US_SSN", "IBAN_CODE"],
            ),
        ],
    );
    h.running.stop().await;
}

/// What scrim cannot inspect in these APIs — images and files inside Responses
/// input — is blocked by the harness's (default) `on_error`, and a secret in an
/// embeddings input is blocked by the policy: an OpenAI-format 403 each time,
/// nothing sent upstream, one record per request.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn responses_media_and_embedding_secrets_fail_closed_in_openai_format() {
    let h = start("responses-block", |_| {}).await;
    let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    let image = serde_json::json!({"model": "gpt-4.1", "input": [{"role": "user", "content": [
        {"type": "input_text", "text": "Who is this? Reply to jane.doe@example.com."},
        {"type": "input_image", "image_url": format!("data:image/png;base64,{png}")}
    ]}]});
    let file = serde_json::json!({"model": "gpt-4.1", "input": [{"role": "user", "content": [
        {"type": "input_text", "text": "Summarise the attached statement."},
        {"type": "input_file", "filename": "statement.pdf", "file_data": "data:application/pdf;base64,JVBERi0xLjQK"}
    ]}]});
    for body in [image, file] {
        let (status, out) = post_json_status(&h, "/openai/v1/responses", body.to_string()).await;
        assert_eq!(status, "403", "{out}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["error"]["code"], "unsupported_content", "{out}");
        assert_eq!(v["error"]["type"], "permission_error", "{out}");
        assert!(!out.contains("jane.doe"), "no value in the error: {out}");
    }
    let secret = serde_json::json!({"model": "text-embedding-3-small",
        "input": ["harmless", "my key is ghp_R4nd0mL00k1ngT0k3nV4lu3F0rD3m0Purp0s3s"]});
    let (status, out) = post_json_status(&h, "/openai/v1/embeddings", secret.to_string()).await;
    assert_eq!(status, "403", "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let msg = v["error"]["message"].as_str().unwrap();
    assert!(msg.contains("SECRET"), "{msg}");
    assert!(!msg.contains("ghp_"), "no value in the message: {msg}");
    assert_eq!(h.upstream.count(), 0, "nothing reached the upstream");
    assert_eq!(h.backend.count(), 0, "nor the local backend");
    assert_eq!(outcomes(&h), ["Blocked", "Blocked", "Blocked"]);
    assert_decisions(
        &h,
        &[
            ("/v1/responses", "block", &[]),
            ("/v1/responses", "block", &[]),
            ("/v1/embeddings", "block", &["SECRET"]),
        ],
    );
    h.running.stop().await;
}

/// Special categories in a Responses or embeddings request go to the local
/// backend, at the same endpoint, model mapped; never to the cloud.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn special_categories_in_responses_and_embeddings_route_to_the_local_backend() {
    let h = start("responses-route", |_| {}).await;
    let prompt = "My patient has HIV and is on chemotherapy; draft a care plan.";
    let responses = serde_json::json!({"model": "gpt-4.1", "input": prompt});
    let (status, out) = post_json_status(&h, "/openai/v1/responses", responses.to_string()).await;
    assert_eq!(status, "200", "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["output"][0]["content"][0]["text"], "Hello from the local model.",
        "{out}"
    );
    let embeddings = serde_json::json!({"model": "text-embedding-3-small", "input": [prompt]});
    let (status, out) = post_json_status(&h, "/openai/v1/embeddings", embeddings.to_string()).await;
    assert_eq!(status, "200", "{out}");
    assert_eq!(h.upstream.count(), 0, "nothing went to the cloud");
    let got: Vec<(String, String)> = h
        .backend
        .received
        .lock()
        .unwrap()
        .iter()
        .map(|r| (r.path.clone(), r.body_text()))
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, "/v1/responses");
    assert_eq!(got[1].0, "/v1/embeddings");
    for (_, body) in &got {
        assert!(body.contains("\"model\":\"tiny\""), "model mapped: {body}");
    }
    assert_eq!(outcomes(&h), ["Routed", "Routed"]);
    h.running.stop().await;
}

/// The helper the restoration checks above rely on finds numbered placeholders
/// only (`<US_SSN>` is a replacement, not a pseudonym).
#[test]
fn pseudonyms_in_finds_numbered_placeholders_only() {
    assert_eq!(
        pseudonyms_in("a <EMAIL_ADDRESS_1> b <US_SSN> c <PERSON_12>, 1 < 2 > 0, <x_1>"),
        ["<EMAIL_ADDRESS_1>", "<PERSON_12>"]
    );
    assert!(pseudonyms_in("jane.doe@example.com <CREDIT_CARD>").is_empty());
}

/// POST a Responses API body as the client holding `api_key`; the answer's text.
async fn respond_as(h: &common::Harness, api_key: &str, body: serde_json::Value) -> String {
    let (code, out, err) = curl(vec![
        gateway(h, "/openai/v1/responses"),
        "-H".into(),
        "content-type: application/json".into(),
        "-H".into(),
        format!("authorization: Bearer {api_key}"),
        "-d".into(),
        body.to_string(),
    ])
    .await;
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["output"][0]["content"][0]["text"]
        .as_str()
        .unwrap()
        .to_string()
}

/// What the fake upstream received as the `n`-th request's `input`.
fn sent_input(h: &common::Harness, n: usize) -> String {
    let sent: serde_json::Value =
        serde_json::from_slice(&h.upstream.received.lock().unwrap()[n].body).unwrap();
    sent["input"].as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conversation_kept_by_the_provider_never_reuses_a_placeholder() {
    let h = start("conversation", |_| {}).await;
    // Turn 1 and turn 2 of one client's stateful conversation: the provider keeps
    // turn 1 (`previous_response_id`), so turn 2's new address must not get
    // turn 1's placeholder, and turn 1's address keeps its own.
    let first = respond_as(
        &h,
        "sk-client-a",
        serde_json::json!({"model": "gpt-4.1", "input": "Write to alice.one@example.com today."}),
    )
    .await;
    assert!(first.contains("alice.one@example.com"), "{first}");
    let turn1 = sent_input(&h, 0);
    assert!(turn1.contains("<EMAIL_ADDRESS_1>"), "{turn1}");

    let second = respond_as(
        &h,
        "sk-client-a",
        serde_json::json!({"model": "gpt-4.1", "previous_response_id": "resp_1",
            "input": "Also copy bob.two@example.com, and keep alice.one@example.com."}),
    )
    .await;
    let turn2 = sent_input(&h, 1);
    // The new address gets a new number; the known one keeps turn 1's.
    assert_eq!(
        turn2, "Also copy <EMAIL_ADDRESS_2>, and keep <EMAIL_ADDRESS_1>.",
        "{turn2}"
    );
    assert!(second.contains("bob.two@example.com"), "{second}");
    assert!(second.contains("alice.one@example.com"), "{second}");
    assert!(pseudonyms_in(&second).is_empty(), "restored: {second}");

    // Another client has its own numbering, and a placeholder it writes itself
    // is never restored to the first client's value.
    let other = respond_as(
        &h,
        "sk-client-b",
        serde_json::json!({"model": "gpt-4.1",
            "input": "Mail carol.three@example.com about <EMAIL_ADDRESS_2>."}),
    )
    .await;
    let turn3 = sent_input(&h, 2);
    assert_eq!(
        turn3, "Mail <EMAIL_ADDRESS_1> about <EMAIL_ADDRESS_2>.",
        "{turn3}"
    );
    assert!(other.contains("carol.three@example.com"), "{other}");
    assert!(!other.contains("bob.two@example.com"), "{other}");
    // Nor, behind one shared key, does a request get back values it did not
    // carry: an answer naming turn 1's placeholder shows the placeholder.
    let probe = respond_as(
        &h,
        "sk-client-a",
        serde_json::json!({"model": "gpt-4.1",
            "input": "I am dave.four@example.com; who is <EMAIL_ADDRESS_1>?"}),
    )
    .await;
    assert!(probe.contains("dave.four@example.com"), "{probe}");
    assert!(probe.contains("<EMAIL_ADDRESS_1>"), "{probe}");
    assert!(!probe.contains("alice.one@example.com"), "{probe}");
    assert!(!h.upstream.all_bodies().contains("@example.com"));
    h.running.stop().await;
}

#[tokio::test]
async fn pseudonym_memory_can_be_turned_off() {
    // `pseudonym_clients = 0`: no raw value is kept past its request, so each
    // request numbers its placeholders from 1 again.
    let h = start("no-memory", |c| c.pseudonym_clients = 0).await;
    for (turn, address) in ["alice.one@example.com", "bob.two@example.com"]
        .into_iter()
        .enumerate()
    {
        let answer = respond_as(
            &h,
            "sk-client-a",
            serde_json::json!({"model": "gpt-4.1", "input": format!("Write to {address}.")}),
        )
        .await;
        assert!(answer.contains(address), "{answer}");
        let sent = sent_input(&h, turn);
        assert_eq!(sent, "Write to <EMAIL_ADDRESS_1>.", "turn {turn}: {sent}");
    }
    h.running.stop().await;
}
