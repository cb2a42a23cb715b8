//! The `scrim run` binary end to end: it starts from a config file, prints the
//! client setup, serves through both modes, stops on SIGTERM, and none of its
//! output (stdout, and stderr at debug level) ever contains a fixture PII value.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Stdio;

use common::{curl, pii_prompt, test_policy, FakeApi, TestCa, PII};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scrim_run_serves_and_never_logs_pii() {
    let dir = common::tempdir::Dir::new("binary");
    let ca = TestCa::new(dir.path());
    let upstream = FakeApi::start(Some(std::sync::Arc::clone(&ca.server_config)), None).await;
    let policy = dir.path().join("policy.toml");
    std::fs::write(&policy, test_policy("1", "http://127.0.0.1:9/v1")).unwrap();
    let base = format!("https://localhost:{}", upstream.addr.port());
    let config = dir.path().join("scrim.toml");
    std::fs::write(
        &config,
        format!(
            r#"[proxy]
listen = "127.0.0.1:0"
admin_listen = "127.0.0.1:0"
data_dir = "{data}"
policies = ["{policy}"]
intercept = ["localhost"]
upstream_ca = ["{ca}"]

[gateway]
openai = "{base}"
anthropic = "{base}"
gemini = "{base}"
"#,
            data = dir.path().join("data").display(),
            policy = policy.display(),
            ca = ca.ca_pem_path.display(),
        ),
    )
    .unwrap();

    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_scrim"))
        .args(["run", "--config"])
        .arg(&config)
        .env("RUST_LOG", "debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut printed = String::new();
    let mut proxy = None;
    let mut ca_file = None;
    while let Some(line) =
        tokio::time::timeout(std::time::Duration::from_secs(60), stdout.next_line())
            .await
            .unwrap()
            .unwrap()
    {
        printed.push_str(&line);
        printed.push('\n');
        if let Some(rest) = line.trim().strip_prefix("proxy") {
            proxy = rest.split_whitespace().next().map(str::to_string);
        }
        if let Some(rest) = line.trim().strip_prefix("export SSL_CERT_FILE=") {
            ca_file = Some(rest.to_string());
        }
        if line.contains("backend `local`") {
            break;
        }
    }
    let proxy = proxy.unwrap_or_else(|| panic!("no proxy address in: {printed}"));
    let ca_file = ca_file.unwrap_or_else(|| panic!("no SSL_CERT_FILE in: {printed}"));
    assert!(printed.contains("export HTTPS_PROXY="), "{printed}");
    assert!(printed.contains("NODE_EXTRA_CA_CERTS="), "{printed}");
    assert!(
        printed.contains("does not answer"),
        "down backend reported: {printed}"
    );

    let json = |content: &str| {
        serde_json::json!({"model": "gpt-4o", "messages": [{"role": "user", "content": content}]})
            .to_string()
    };
    // Gateway: redact; a secret: block; HTTPS_PROXY: redact; special category: route to a down backend.
    for (url, body, via_proxy) in [
        (
            format!("{proxy}/openai/v1/chat/completions"),
            json(&pii_prompt()),
            false,
        ),
        (
            format!("{proxy}/openai/v1/chat/completions"),
            json("token ghp_R4nd0mL00k1ngT0k3nV4lu3F0rD3m0Purp0s3s for jane.doe@example.com"),
            false,
        ),
        (
            format!("{base}/v1/chat/completions"),
            json(&pii_prompt()),
            true,
        ),
        (
            format!("{proxy}/openai/v1/chat/completions"),
            json("Margaret Okafor (078-05-1123) was diagnosed with HIV."),
            false,
        ),
    ] {
        let mut args = vec![
            url,
            "-H".into(),
            "content-type: application/json".into(),
            "-d".into(),
            body,
        ];
        if via_proxy {
            args.extend([
                "--proxy".into(),
                proxy.clone(),
                "--cacert".into(),
                ca_file.clone(),
            ]);
        }
        let (code, _, err) = curl(args).await;
        assert_eq!(code, 0, "{err}");
    }
    assert!(upstream.count() >= 2);

    let pid = child.id().unwrap();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = tokio::time::timeout(std::time::Duration::from_secs(30), child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(exit.success(), "clean exit on SIGTERM: {exit:?}");
    while let Some(line) = stdout.next_line().await.unwrap() {
        printed.push_str(&line);
        printed.push('\n');
    }
    let mut logs = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut logs)
        .await
        .unwrap();
    // The log has one line per request, with its decision…
    assert_eq!(logs.matches(": request record=").count(), 4, "{logs}");
    assert!(logs.contains("decision=redact"), "{logs}");
    assert!(logs.contains("decision=block"), "{logs}");
    assert!(logs.contains("decision=route"), "{logs}");
    // …and no fixture value anywhere in what the binary wrote.
    for v in PII.iter().chain(
        [
            "ghp_R4nd0mL00k1ngT0k3nV4lu3F0rD3m0Purp0s3s",
            "Margaret Okafor",
        ]
        .iter(),
    ) {
        assert!(!logs.contains(v), "{v} in the log:\n{logs}");
        assert!(!printed.contains(v), "{v} on stdout:\n{printed}");
    }
}
