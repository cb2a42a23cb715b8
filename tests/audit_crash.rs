//! Crash test: a child process appends from many threads and prints every
//! acknowledged (durable) id; it is killed with SIGKILL mid-load, restarted,
//! killed again. After each kill every printed id is in the log, and verify
//! passes or reports exactly the torn tail; after reopening it passes.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use scrim::audit::export::{export, ExportFormat};
use scrim::audit::{self, AuditConfig, AuditLog, VerifyOptions};

/// Run the load child until it has acknowledged `at_least` records (or a time
/// bound), SIGKILL it, and return the ids it printed.
fn run_and_kill(data: &Path, at_least: usize) -> Vec<String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scrim"))
        .args([
            "audit",
            "_load-test",
            "--threads",
            "16",
            "--segment-bytes",
            "65536",
        ])
        .arg("--data-dir")
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("scrim starts");
    let stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<_>>()
    });
    // Kill once the segments have grown by about `at_least` records (bounded in time).
    let start = Instant::now();
    let bound = Duration::from_secs(20);
    let seg_dir = data.join("audit/segments");
    let size = || -> u64 {
        std::fs::read_dir(&seg_dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter_map(|e| e.metadata().ok())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    };
    let before = size();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        // A record is roughly 500 bytes.
        if (size() - before) as usize > at_least * 500 || start.elapsed() > bound {
            break;
        }
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    reader.join().expect("reader")
}

fn ids_in_log(dir: &Path) -> HashSet<String> {
    let mut out = Vec::new();
    export(dir, None, None, ExportFormat::Jsonl, &mut out).expect("export");
    String::from_utf8(out)
        .expect("utf8")
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["id"]
                .as_str()
                .expect("id")
                .to_string()
        })
        .collect()
}

#[test]
fn every_acknowledged_record_survives_sigkill() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = audit::audit_dir(data.path());
    let mut acked_total = 0;
    for round in 0..3 {
        let acked = run_and_kill(data.path(), 1500);
        assert!(
            !acked.is_empty(),
            "round {round}: the child acknowledged nothing"
        );
        acked_total += acked.len();
        eprintln!("round {round}: {} acknowledged before SIGKILL", acked.len());

        // Before anyone reopens: intact, or intact up to exactly the torn tail.
        let r = audit::verify(&dir, &VerifyOptions::default()).expect("verify");
        assert!(r.ok(), "round {round}: {r}");
        assert!(matches!(r.exit_code(), 0 | 3), "round {round}: {r}");
        let present = ids_in_log(&dir);
        let missing: Vec<_> = acked.iter().filter(|id| !present.contains(*id)).collect();
        assert!(
            missing.is_empty(),
            "round {round}: {} acknowledged id(s) missing, e.g. {:?}",
            missing.len(),
            &missing[..missing.len().min(3)]
        );

        // Reopening records the torn tail (if any); verify is then clean.
        let log = AuditLog::open(&dir, AuditConfig::default()).expect("reopen");
        assert_eq!(
            log.open_report().recovered.len(),
            r.torn_tail.len(),
            "round {round}: recovery names exactly what verify saw"
        );
        drop(log);
        let r = audit::verify(&dir, &VerifyOptions::default()).expect("verify");
        assert_eq!(r.exit_code(), 0, "round {round}: {r}");
    }
    assert!(acked_total >= 3, "{acked_total}");
}
