//! `scrim audit …` as an auditor runs it, through the real binary: verify
//! (with and without a witness), query (table, JSON, CSV; local and through
//! the admin API), search, stats, export, checkpoint, reindex, and the locked
//! index message.

mod audit_support;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use audit_support::{age_segments, draft, segments, small_config};
use scrim::audit::{self, AuditLog};

fn scrim(args: &[&str], data: &Path, stdin: &[u8]) -> Output {
    let data = data.to_str().expect("utf-8 temp path");
    scrim_with(&[args, &["--data-dir", data]].concat(), stdin)
}

/// `scrim ARGS…` as given (no `--data-dir` added).
fn scrim_with(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scrim"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("scrim starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("stdin");
    child.wait_with_output().expect("scrim finishes")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A data directory with a 24-request audit log; the log is closed.
fn data_dir() -> tempfile::TempDir {
    let data = tempfile::tempdir().expect("tempdir");
    let log = AuditLog::open(&audit::audit_dir(data.path()), small_config()).expect("open");
    for i in 0..24 {
        log.append_blocking(draft(&log, i)).expect("append");
    }
    data
}

#[test]
fn verify_query_stats_export_search() {
    let data = data_dir();
    let d = data.path();

    let out = scrim(&["audit", "verify"], d, b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("OK: the chain is intact"),
        "{}",
        text(&out.stdout)
    );
    let out = scrim(&["audit", "verify", "--json"], d, b"");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["records"], 24);

    let out = scrim(&["audit", "query", "--decision", "block", "--json"], d, b"");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["count"], 6);
    assert_eq!(
        v["entries"][0]["record"]["event"]["decision"]["action"],
        "block"
    );

    let out = scrim(
        &["audit", "query", "--label", "US_SSN", "--limit", "3"],
        d,
        b"",
    );
    let table = text(&out.stdout);
    assert!(table.starts_with("TIME"), "{table}");
    assert!(table.contains("(3 requests)"), "{table}");

    let out = scrim(
        &[
            "audit",
            "query",
            "--since",
            "1h",
            "--csv",
            "--destination",
            "*.openai.com",
        ],
        d,
        b"",
    );
    let csv = text(&out.stdout);
    assert!(csv.starts_with("id,time,client_addr"), "{csv}");
    assert_eq!(csv.lines().count(), 1 + 8, "{csv}");

    let out = scrim(&["audit", "stats", "--since", "24h"], d, b"");
    let report = text(&out.stdout);
    assert!(report.contains("Requests by decision"), "{report}");
    assert!(report.contains("api.openai.com"), "{report}");
    let out = scrim(&["audit", "stats", "--json"], d, b"");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["requests"], 24);

    let out = scrim(&["audit", "export", "--format", "jsonl"], d, b"");
    assert_eq!(text(&out.stdout).lines().count(), 24);
    let out = scrim(
        &[
            "audit",
            "export",
            "--format",
            "csv",
            "--since",
            "2020-01-01",
        ],
        d,
        b"",
    );
    assert_eq!(text(&out.stdout).lines().count(), 25);

    // "Did this SSN ever go out?" (the drafts carry 078-05-1000+i).
    let out = scrim(
        &["audit", "search", "--value", "078 05 1005", "--json"],
        d,
        b"",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["count"], 1);
    let out = scrim(
        &[
            "audit", "search", "--value", "-", "--label", "us_ssn", "--json",
        ],
        d,
        b"078-05-1006\n",
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["count"], 1);
    let out = scrim(
        &["audit", "search", "--value", "078-05-9999", "--json"],
        d,
        b"",
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["count"], 0);

    let out = scrim(&["audit", "query", "--decision", "maybe"], d, b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not a decision"),
        "{}",
        text(&out.stderr)
    );

    let out = scrim(&["audit", "reindex"], d, b"");
    assert!(
        text(&out.stdout).contains("reindexed 24 record(s)"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn checkpoint_export_and_witnessed_verify() {
    let data = data_dir();
    let d = data.path();
    let witness = d.join("witness.jsonl");
    let out = scrim(
        &[
            "audit",
            "checkpoint",
            "--export",
            witness.to_str().expect("utf8"),
            "--latest",
        ],
        d,
        b"",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(&witness)
            .expect("read")
            .lines()
            .count(),
        1
    );
    let out = scrim(&["audit", "checkpoint"], d, b"");
    let cp: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(cp["records"], 24);

    let out = scrim(
        &[
            "audit",
            "verify",
            "--checkpoint",
            witness.to_str().expect("utf8"),
        ],
        d,
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));

    // A flipped byte in the first segment: exit 1, the segment named.
    let seg = audit_support::segments(&audit::audit_dir(d))[0].clone();
    let mut bytes = std::fs::read(&seg).expect("read");
    let n = bytes.len();
    bytes[n - 40] ^= 1;
    std::fs::write(&seg, bytes).expect("write");
    let out = scrim(&["audit", "verify"], d, b"");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let report = text(&out.stdout);
    assert!(
        report.contains("BROKEN") && report.contains("0000000001.seg"),
        "{report}"
    );

    // After a crash tears the newest record: exit 3, and "TORN TAIL".
    let data = data_dir();
    let seg = audit_support::segments(&audit::audit_dir(data.path()))
        .pop()
        .expect("seg");
    std::fs::OpenOptions::new()
        .append(true)
        .open(&seg)
        .expect("open")
        .write_all(&[0xA5, b'S', b'C', b'R', 9, 9])
        .expect("write");
    // The final checkpoint covers every whole record, so nothing is missing.
    let out = scrim(&["audit", "verify"], data.path(), b"");
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("TORN TAIL"));
}

/// Regression (review of #6): `checkpoint --now` opened the log with the
/// built-in defaults, and opening applies retention, so it removed segments
/// older than the default's 2192 days however long the configured retention.
/// It now reads the configuration as `scrim run` does (`--config`: data
/// directory and `[audit]`), and never applies retention at all.
#[test]
fn checkpoint_now_reads_the_configuration_and_removes_nothing() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = audit::audit_dir(data.path());
    let log = AuditLog::open(&dir, small_config()).expect("open");
    for i in 0..60 {
        log.append_blocking(draft(&log, i)).expect("append");
    }
    drop(log);
    let before = segments(&dir);
    assert!(before.len() >= 4, "{before:?}");
    // Every segment started 3000 days ago: past the default retention, within
    // the configured one.
    age_segments(&dir, 3000);
    let config = data.path().join("scrim.toml");
    std::fs::write(
        &config,
        format!(
            "[proxy]\ndata_dir = {:?}\n[audit]\nretention_days = 5000\n",
            data.path().to_str().expect("utf-8")
        ),
    )
    .expect("write config");

    // The data directory comes from the configuration (no --data-dir).
    let out = scrim_with(
        &[
            "audit",
            "checkpoint",
            "--now",
            "--config",
            config.to_str().expect("utf-8"),
        ],
        b"",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let cp: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        cp["records"], 60,
        "the log of the configured data directory"
    );
    assert_eq!(
        segments(&dir),
        before,
        "the configured retention keeps them"
    );

    // Without the proxy's configuration the command cannot know its
    // retention, so it applies none (the default would remove all but one).
    let log = AuditLog::open(&dir, small_config()).expect("reopen");
    log.append_blocking(draft(&log, 60)).expect("append");
    drop(log);
    let before = segments(&dir);
    age_segments(&dir, 3000);
    let out = scrim(&["audit", "checkpoint", "--now"], data.path(), b"");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(segments(&dir), before, "checkpoint --now removes nothing");
    let out = scrim(&["audit", "verify"], data.path(), b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

/// A one-connection-at-a-time HTTP server in front of `admin::respond`.
fn serve_admin(log: AuditLog) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut line = String::new();
            reader.read_line(&mut line).expect("request line");
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).expect("header") <= 2 {
                    break;
                }
            }
            let target = line.split_whitespace().nth(1).unwrap_or("/");
            let (path, query) = target.split_once('?').unwrap_or((target, ""));
            let r = audit::admin::respond(&log, path, query);
            let _ = write!(
                stream,
                "HTTP/1.1 {} X\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
                r.status,
                r.content_type,
                r.body.len(),
                r.body
            );
            let _ = stream.shutdown(std::net::Shutdown::Write);
        }
    });
    url
}

#[test]
fn a_running_proxy_is_asked_through_its_admin_api() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    let log = AuditLog::open(&audit::audit_dir(d), small_config()).expect("open");
    for i in 0..12 {
        log.append_blocking(draft(&log, i)).expect("append");
    }
    log.sync_index().expect("sync");

    // Without --admin: the index is locked, and the message says what to do.
    let out = scrim(&["audit", "query"], d, b"");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("locked") && err.contains("--admin"), "{err}");

    let url = serve_admin(log.clone());
    let out = scrim(
        &[
            "audit",
            "query",
            "--admin",
            &url,
            "--decision",
            "redact",
            "--json",
        ],
        d,
        b"",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["count"], 3);
    let out = scrim(
        &["audit", "query", "--admin", &url, "--client", "laptop-1"],
        d,
        b"",
    );
    assert!(
        text(&out.stdout).contains("(3 requests)"),
        "{}",
        text(&out.stdout)
    );
    let out = scrim(&["audit", "stats", "--admin", &url, "--json"], d, b"");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["requests"], 12);
    let out = scrim(
        &[
            "audit",
            "search",
            "--admin",
            &url,
            "--value",
            "078-05-1001",
            "--json",
        ],
        d,
        b"",
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["count"], 1);
    // The admin API's own errors come back as messages.
    let out = scrim(
        &["audit", "query", "--admin", &url, "--label", "NOPE"],
        d,
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("400"), "{}", text(&out.stderr));

    // verify and export read the segments: they work against the live log.
    let out = scrim(&["audit", "verify"], d, b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let out = scrim(&["audit", "export"], d, b"");
    assert_eq!(text(&out.stdout).lines().count(), 12);
}
