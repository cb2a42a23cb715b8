//! Audit log throughput and added latency: durable records per second with 1
//! and 64 concurrent writers (group commit: concurrent appends share one
//! fdatasync), and the latency an append adds to a request (p50, p99).
//!
//!     cargo bench --bench audit            # release build, ~20 s
//!     SCRIM_BENCH_SECS=2 cargo bench --bench audit
//!
//! The log lives under the target directory (the same disk as the build), not
//! on a tmpfs, so every commit is a real fdatasync.

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use scrim::audit::{AuditConfig, AuditLog, Outcome, PolicyRef, RecordDraft};
use scrim::detect::Label;
use scrim::policy::{Action, FlowFacts};

fn draft(log: &AuditLog, t: usize, i: u64) -> RecordDraft {
    let mut flow = FlowFacts::new("api.openai.com", "/v1/chat/completions");
    flow.client_ip = Some(std::net::IpAddr::from([
        10,
        0,
        (t / 256) as u8,
        (t % 256) as u8,
    ]));
    flow.client_id = Some(format!("client-{t}"));
    flow.model = Some("gpt-4o-mini".into());
    let mut d = RecordDraft::from_flow(
        &flow,
        PolicyRef {
            name: "default".into(),
            content_hash: "ab".repeat(32),
        },
        Outcome::Forwarded { status: None },
    );
    d.decision.action = Action::Redact;
    d.decision.labels.insert(Label::EmailAddress, 1);
    d.decision.labels.insert(Label::PhoneNumber, 1);
    d.decision.rules.push(scrim::audit::RuleFired {
        rule: "gdpr.contact".into(),
        label: Label::EmailAddress,
        count: 1,
        action: Action::Redact,
    });
    d.detectors = vec!["pattern:email".into(), "pattern:phone".into()];
    d.value_hashes.push((
        Label::EmailAddress,
        log.value_hash(Label::EmailAddress, &format!("user{t}.{i}@example.org")),
    ));
    d.value_hashes.push((
        Label::PhoneNumber,
        log.value_hash(Label::PhoneNumber, &format!("+44 20 7946 {i:04}")),
    ));
    d.sizes.request_bytes = 2048;
    d.latency_ms = 3;
    d
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn run(writers: usize, secs: f64) {
    let base = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    std::fs::create_dir_all(base).expect("target tmpdir");
    let tmp = tempfile::tempdir_in(base).expect("tempdir");
    let log = AuditLog::open(tmp.path(), AuditConfig::default()).expect("open");
    // Warm up: keys, first segment, index.
    for i in 0..50 {
        log.append_blocking(draft(&log, 0, i)).expect("append");
    }
    let before = log.metrics();
    let barrier = Arc::new(Barrier::new(writers + 1));
    let deadline = Duration::from_secs_f64(secs);
    let handles: Vec<_> = (0..writers)
        .map(|t| {
            let log = log.clone();
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                let mut lat = Vec::new();
                barrier.wait();
                let start = Instant::now();
                let mut i = 0u64;
                while start.elapsed() < deadline {
                    let d = draft(&log, t, i);
                    let t0 = Instant::now();
                    log.append_blocking(d).expect("append");
                    lat.push(t0.elapsed());
                    i += 1;
                }
                lat
            })
        })
        .collect();
    barrier.wait();
    let start = Instant::now();
    let mut lat: Vec<Duration> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("writer"))
        .collect();
    let elapsed = start.elapsed().as_secs_f64();
    let m = log.metrics();
    lat.sort_unstable();
    let records = m.records - before.records;
    let commits = (m.commits - before.commits).max(1);
    println!(
        "writers {writers:>3}: {:>8.0} durable records/s  append latency p50 {:>7.2} ms  p99 {:>7.2} ms  \
         ({records} records, {commits} fsyncs, {:.1} records/fsync, {:.0} bytes/record)",
        records as f64 / elapsed,
        percentile(&lat, 0.50).as_secs_f64() * 1e3,
        percentile(&lat, 0.99).as_secs_f64() * 1e3,
        records as f64 / commits as f64,
        (m.bytes - before.bytes) as f64 / records.max(1) as f64,
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Test runners list test binaries first (libtest's `--list` protocol):
    // this one holds a benchmark, not a test.
    if args.iter().any(|a| a == "--list") {
        if !args.iter().any(|a| a == "--ignored") {
            println!("audit_throughput: benchmark");
        }
        return;
    }
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing: run briefly.
    let benching = args.iter().any(|a| a == "--bench");
    let secs: f64 = std::env::var("SCRIM_BENCH_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if benching { 5.0 } else { 0.2 });
    for writers in [1, 8, 64] {
        run(writers, secs);
    }
}
