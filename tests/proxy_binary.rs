//! The `scrim run` binary end to end: it starts from a config file, prints the
//! client setup, serves through both modes, stops on SIGTERM, and none of its
//! output (stdout, and stderr at debug level) ever contains a fixture PII value.
#![allow(clippy::unwrap_used)]

mod common;

use common::process::{write_config, ScrimProcess};
use common::{curl, pii_prompt, FakeApi, TestCa, PII};
use tokio::io::AsyncReadExt;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scrim_run_serves_and_never_logs_pii() {
    let dir = common::tempdir::Dir::new("binary");
    let ca = TestCa::new(dir.path());
    let upstream = FakeApi::start(Some(std::sync::Arc::clone(&ca.server_config)), None).await;
    let config = write_config(dir.path(), &upstream, &ca, "http://127.0.0.1:9/v1");
    let base = format!("https://localhost:{}", upstream.addr.port());
    let mut scrim = ScrimProcess::start(&config, "debug").await;
    let (proxy, ca_file) = (scrim.proxy.clone(), scrim.ca_file.clone());
    let mut printed = std::mem::take(&mut scrim.printed);
    assert!(printed.contains("export HTTPS_PROXY="), "{printed}");
    assert!(printed.contains("NODE_EXTRA_CA_CERTS="), "{printed}");
    assert!(printed.contains("export REQUESTS_CA_BUNDLE="), "{printed}");
    assert!(printed.contains("export SSL_CERT_FILE="), "{printed}");
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

    scrim.signal("TERM");
    let exit = tokio::time::timeout(std::time::Duration::from_secs(30), scrim.child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(exit.success(), "clean exit on SIGTERM: {exit:?}");
    while let Some(line) = scrim.stdout.next_line().await.unwrap() {
        printed.push_str(&line);
        printed.push('\n');
    }
    let mut logs = String::new();
    scrim
        .child
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
