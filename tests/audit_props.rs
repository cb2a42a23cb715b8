//! Property: after any sequence of appends, completions, checkpoints,
//! reopenings and crashes that tear the last write, `verify` passes (or, right
//! after a crash, reports exactly the torn bytes), and every acknowledged
//! record is in the log.

mod audit_support;

use std::collections::HashSet;
use std::fs;
use std::io::Write;

use audit_support::{draft, segments};
use proptest::prelude::*;
use scrim::audit::export::{export, ExportFormat};
use scrim::audit::{self, AuditConfig, AuditLog, Completion, Outcome, RecordId, VerifyOptions};

#[derive(Debug, Clone)]
enum Op {
    Append(u8),
    Complete,
    Checkpoint,
    Reopen,
    /// Close, then leave these bytes after the last whole record.
    Crash(Vec<u8>),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (1u8..12).prop_map(Op::Append),
        1 => Just(Op::Complete),
        1 => Just(Op::Checkpoint),
        1 => Just(Op::Reopen),
        1 => proptest::collection::vec(any::<u8>(), 1..40).prop_map(Op::Crash),
    ]
}

fn config(segment_max_bytes: u64) -> AuditConfig {
    AuditConfig {
        segment_max_bytes,
        checkpoint_every_records: 5,
        checkpoint_every_secs: 3600,
        retention_days: None,
        max_batch_records: 8,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn verify_passes_after_any_history(
        ops in proptest::collection::vec(op(), 1..14),
        segment_max_bytes in prop_oneof![Just(1500u64), Just(6000), Just(1 << 20)],
    ) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let mut log = Some(AuditLog::open(dir, config(segment_max_bytes)).unwrap());
        let mut acked: Vec<RecordId> = Vec::new();
        let mut torn_pending = false;
        let mut n = 0u64;
        for op in ops {
            let l = match log.take() {
                Some(l) => l,
                None => {
                    torn_pending = false;
                    AuditLog::open(dir, config(segment_max_bytes)).unwrap()
                }
            };
            match op {
                Op::Append(k) => {
                    for _ in 0..k {
                        acked.push(l.append_blocking(draft(&l, n)).unwrap());
                        n += 1;
                    }
                }
                Op::Complete => {
                    if let Some(&of) = acked.last() {
                        l.complete_blocking(Completion {
                            of,
                            outcome: Outcome::Forwarded { status: Some(200) },
                            response_bytes: None,
                            total_ms: 1,
                        })
                        .unwrap();
                    }
                }
                Op::Checkpoint => {
                    l.checkpoint_now().unwrap();
                }
                Op::Reopen => {
                    drop(l);
                    continue;
                }
                Op::Crash(bytes) => {
                    drop(l);
                    let last = segments(dir).pop().unwrap();
                    fs::OpenOptions::new()
                        .append(true)
                        .open(last)
                        .unwrap()
                        .write_all(&bytes)
                        .unwrap();
                    torn_pending = true;
                    continue;
                }
            }
            log = Some(l);
        }
        drop(log);
        let r = audit::verify(dir, &VerifyOptions::default()).unwrap();
        prop_assert!(r.ok(), "{}", r);
        prop_assert_eq!(r.exit_code(), if torn_pending { 3 } else { 0 }, "{}", r);

        // Reopening records any torn tail; then the log is clean.
        drop(AuditLog::open(dir, config(segment_max_bytes)).unwrap());
        let r = audit::verify(dir, &VerifyOptions::default()).unwrap();
        prop_assert_eq!(r.exit_code(), 0, "{}", r);

        let mut out = Vec::new();
        export(dir, None, None, ExportFormat::Jsonl, &mut out).unwrap();
        let present: HashSet<String> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
            .collect();
        for id in &acked {
            prop_assert!(present.contains(&id.to_string()), "acknowledged {} is missing", id);
        }
    }
}
