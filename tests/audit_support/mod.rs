//! Shared helpers of the audit integration tests.
#![allow(dead_code)]

use std::net::IpAddr;

use scrim::audit::{AuditConfig, AuditLog, Outcome, PolicyRef, RecordDraft};
use scrim::detect::Label;
use scrim::policy::{Action, FlowFacts};

/// Small segments and frequent checkpoints, so that tests cross boundaries.
pub fn small_config() -> AuditConfig {
    AuditConfig {
        segment_max_bytes: 4096,
        checkpoint_every_records: 7,
        checkpoint_every_secs: 3600,
        retention_days: None,
        max_batch_records: 64,
    }
}

/// A varied request draft: destination, client, decision and labels depend on `i`.
pub fn draft(log: &AuditLog, i: u64) -> RecordDraft {
    let host = [
        "api.openai.com",
        "api.anthropic.com",
        "generativelanguage.googleapis.com",
    ][(i % 3) as usize];
    let mut flow = FlowFacts::new(host, "/v1/chat/completions");
    flow.client_ip = Some(IpAddr::from([10, 0, 0, (i % 5) as u8 + 1]));
    flow.client_id = Some(format!("laptop-{}", i % 4));
    flow.model = Some("gpt-4o".into());
    flow.provider = Some("openai".into());
    let action = [Action::Allow, Action::Redact, Action::Block, Action::Route][(i % 4) as usize];
    let outcome = match action {
        Action::Block => Outcome::Blocked {
            reason: scrim::audit::BlockReason::Policy,
        },
        Action::Route => Outcome::Routed {
            backend: "local".into(),
            status: None,
        },
        _ => Outcome::Forwarded { status: None },
    };
    let mut d = RecordDraft::from_flow(
        &flow,
        PolicyRef {
            name: if i % 2 == 0 { "hipaa" } else { "gdpr" }.into(),
            content_hash: "c0ffee".repeat(10),
        },
        outcome,
    );
    d.decision.action = action;
    if action != Action::Allow {
        let ssn = format!("078-05-{:04}", 1000 + i);
        d.decision.labels.insert(Label::UsSsn, 1);
        d.decision.rules.push(scrim::audit::RuleFired {
            rule: "hipaa.ssn".into(),
            label: Label::UsSsn,
            count: 1,
            action,
        });
        d.value_hashes
            .push((Label::UsSsn, log.value_hash(Label::UsSsn, &ssn)));
        d.detectors.push("pattern:us_ssn".into());
    }
    if i % 3 == 0 {
        d.decision.labels.insert(Label::EmailAddress, 2);
    }
    d.sizes.request_bytes = 1000 + i;
    d.latency_ms = i % 17;
    d
}

/// Run a future to completion on this thread (no runtime needed for a oneshot).
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    use std::sync::Arc;
    use std::task::{Context, Poll, Wake, Waker};
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut f = std::pin::pin!(f);
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
        std::thread::park();
    }
}

/// The segment files of an audit directory, oldest first.
pub fn segments(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir.join("segments"))
        .expect("segments directory")
        .map(|e| e.expect("directory entry").path())
        .collect();
    v.sort();
    v
}

/// Make every segment of the audit directory `dir` look `days` older: each
/// header's `created` is moved back (the header is not part of the hash chain,
/// so the records still verify). Retention decides by these times.
pub fn age_segments(dir: &std::path::Path, days: u64) {
    use scrim::audit::frame;
    use scrim::audit::segment::{self, SegmentHeader};
    for path in segments(dir) {
        let bytes = std::fs::read(&path).expect("read segment");
        let scan = segment::scan(&bytes);
        let mut header: SegmentHeader = scan.header.expect("segment header");
        header.created.0 -= days * 86_400_000;
        let payload = serde_json::to_vec(&header).expect("header json");
        let old_len = frame::HEADER_LEN
            + u32::from_le_bytes(bytes[4..8].try_into().expect("4 bytes")) as usize;
        let mut out = Vec::with_capacity(bytes.len());
        frame::encode(&payload, &mut out);
        out.extend_from_slice(&bytes[old_len..]);
        std::fs::write(&path, out).expect("write segment");
    }
}
