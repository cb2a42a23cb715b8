//! Crash test of the whole proxy: `scrim run` is killed with SIGKILL while 16
//! clients send requests through it. Every request the upstream received has a
//! durable record (records are written before forwarding), `scrim audit verify`
//! passes or reports exactly a torn tail, and the restarted proxy recovers and
//! verifies clean.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use common::process::{scrim, write_config, ScrimProcess};
use common::{curl, FakeApi, TestCa};

/// Records the audit log holds for requests that were forwarded upstream.
fn forwarded_records(data: &str) -> usize {
    let (code, out, err) = scrim(&[
        "audit",
        "query",
        "--data-dir",
        data,
        "--decision",
        "allow",
        "--limit",
        "1000000",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["count"].as_u64().unwrap() as usize
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_under_load_loses_no_record_of_a_forwarded_request() {
    let dir = common::tempdir::Dir::new("crash");
    let ca = TestCa::new(dir.path());
    let upstream = FakeApi::start(Some(Arc::clone(&ca.server_config)), None).await;
    let config = write_config(dir.path(), &upstream, &ca, "http://127.0.0.1:9/v1");
    let data = dir.path().join("data").display().to_string();

    let proxy = ScrimProcess::start(&config, "warn").await;
    let url = format!("{}/openai/v1/chat/completions", proxy.proxy);
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for c in 0..16 {
        let (url, stop) = (url.clone(), Arc::clone(&stop));
        clients.push(tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                let body = serde_json::json!({"model": "gpt-4o",
                    "messages": [{"role": "user", "content": format!("client {c} request {i}: summarise the release notes")}]});
                let _ = curl(vec![
                    url.clone(),
                    "-H".into(),
                    "content-type: application/json".into(),
                    "-d".into(),
                    body.to_string(),
                ])
                .await;
                i += 1;
            }
        }));
    }
    // Let the load run until the upstream has seen a good number of requests.
    let started = std::time::Instant::now();
    while upstream.count() < 60 && started.elapsed() < std::time::Duration::from_secs(60) {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    proxy.signal("KILL");
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.await.unwrap();
    }
    drop(proxy);
    let reached = upstream.count();
    assert!(
        reached >= 20,
        "the load ran: {reached} requests reached the upstream"
    );

    // Straight after the crash: intact, or exactly a torn tail (exit 3).
    let (code, out, err) = scrim(&["audit", "verify", "--data-dir", &data]);
    assert!(
        code == 0 || code == 3,
        "verify after kill -9: {code}\n{out}\n{err}"
    );
    assert!(
        forwarded_records(&data) >= reached,
        "every forwarded request has a durable record"
    );

    // Restart: recovery runs, and the chain verifies clean.
    let mut again = ScrimProcess::start(&config, "warn").await;
    again.signal("TERM");
    let exit = again.child.wait().await.unwrap();
    assert!(exit.success(), "{exit:?}");
    let (code, out, err) = scrim(&["audit", "verify", "--data-dir", &data]);
    assert_eq!(code, 0, "verify after restart:\n{out}\n{err}");
    assert!(forwarded_records(&data) >= reached);
}
