//! Policy hot reload in the running binary: a changed file takes effect without a
//! restart, a broken file keeps the old policy in force and says what is wrong
//! (file, line), and SIGHUP reloads on demand.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use common::process::{write_config, ScrimProcess};
use common::{curl, test_policy, FakeApi, TestCa};

/// The HTTP status of a chat request carrying an e-mail address.
async fn status_for_email(proxy: &str) -> String {
    let (code, out, err) = curl(vec![
        "-o".into(),
        "/dev/null".into(),
        "-w".into(),
        "%{http_code}".into(),
        format!("{proxy}/openai/v1/chat/completions"),
        "-H".into(),
        "content-type: application/json".into(),
        "-d".into(),
        serde_json::json!({"model": "gpt-4o", "messages": [{"role": "user", "content": "Write to jane.doe@example.com"}]}).to_string(),
    ])
    .await;
    assert_eq!(code, 0, "{err}");
    out
}

/// Wait (bounded) until `check` holds.
async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    while !check().await {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for: {what}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn policy_changes_apply_live_and_broken_files_keep_the_old_policy() {
    let dir = common::tempdir::Dir::new("reload");
    let ca = TestCa::new(dir.path());
    let upstream = FakeApi::start(Some(std::sync::Arc::clone(&ca.server_config)), None).await;
    let backend = "http://127.0.0.1:9/v1";
    let config = write_config(dir.path(), &upstream, &ca, backend);
    let policy = dir.path().join("policy.toml");
    let mut scrim = ScrimProcess::start(&config, "info").await;
    let logs = scrim.collect_stderr();
    let proxy = scrim.proxy.clone();

    // The shipped default redacts e-mail addresses.
    assert_eq!(status_for_email(&proxy).await, "200");
    assert_eq!(upstream.count(), 1);

    // A stricter file: e-mail addresses are blocked, picked up on change.
    let strict = format!(
        "{}\n[[rule]]\nid = \"test.no-email\"\nlabels = [\"EMAIL_ADDRESS\"]\naction = \"block\"\n",
        test_policy("2", backend)
    );
    std::fs::write(&policy, &strict).unwrap();
    eventually("the stricter policy", || async {
        status_for_email(&proxy).await == "403"
    })
    .await;
    assert!(
        logs.lock().unwrap().contains("policy reloaded"),
        "{}",
        logs.lock().unwrap()
    );

    // A typo: the old (strict) policy stays in force, and the log names the file and line.
    std::fs::write(
        &policy,
        strict.replace("action = \"block\"", "action = \"blok\""),
    )
    .unwrap();
    eventually("the reload error in the log", || async {
        logs.lock().unwrap().contains("policy reload failed")
    })
    .await;
    let text = logs.lock().unwrap().clone();
    assert!(text.contains("policy.toml:"), "file and line named: {text}");
    assert!(text.contains("block"), "the fix suggested: {text}");
    assert_eq!(
        status_for_email(&proxy).await,
        "403",
        "old policy still in force"
    );

    // SIGHUP reloads on demand (here: back to the default behaviour).
    std::fs::write(&policy, test_policy("3", backend)).unwrap();
    scrim.signal("HUP");
    eventually("SIGHUP reload", || async {
        logs.lock().unwrap().contains("policy reloaded (SIGHUP)")
    })
    .await;
    eventually("the default policy again", || async {
        status_for_email(&proxy).await == "200"
    })
    .await;
    scrim.signal("TERM");
    assert!(scrim.child.wait().await.unwrap().success());
}
