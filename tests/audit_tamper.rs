//! Tamper tests: every way of altering the evidence is detected by
//! `verify`, and the report names the segment and record where it breaks.
//!
//! One pristine log (many small segments, checkpoints every 7 records, a final
//! checkpoint at close) is copied for each case, altered, then verified.

mod audit_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use audit_support::{draft, segments, small_config};
use scrim::audit::frame;
use scrim::audit::{
    self, AuditLog, ChainHash, Checkpoint, ProblemKind, VerifyOptions, VerifyReport,
};

/// The pristine log, built once.
fn pristine() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = AuditLog::open(dir.path(), small_config()).expect("open");
        for i in 0..60 {
            log.append_blocking(draft(&log, i)).expect("append");
        }
        drop(log);
        let r = audit::verify(dir.path(), &VerifyOptions::default()).expect("verify");
        assert_eq!(r.exit_code(), 0, "{r}");
        dir
    })
    .path()
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for e in fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// A fresh copy of the pristine log.
fn copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(pristine(), dir.path());
    dir
}

fn verify(dir: &Path) -> VerifyReport {
    audit::verify(dir, &VerifyOptions::default()).expect("verify runs")
}

/// The frames of a segment file: `(offset, payload)`, header first.
fn frames(path: &Path) -> Vec<(usize, Vec<u8>)> {
    let bytes = fs::read(path).expect("read");
    let s = frame::scan(&bytes, 0);
    assert!(s.stop.is_none());
    s.frames
        .into_iter()
        .map(|(o, r)| (o, bytes[r].to_vec()))
        .collect()
}

fn write_frames(path: &Path, payloads: &[Vec<u8>]) {
    let mut out = Vec::new();
    for p in payloads {
        frame::encode(p, &mut out);
    }
    fs::write(path, out).expect("write");
}

fn seg(dir: &Path, n: usize) -> PathBuf {
    segments(dir)[n - 1].clone()
}

fn seg_name(n: usize) -> String {
    format!("{n:010}.seg")
}

/// Assert the first break and return it.
fn first_break(r: &VerifyReport, kind: ProblemKind) -> audit::Problem {
    assert_eq!(r.exit_code(), 1, "{r}");
    let p = r.first_break().expect("a problem").clone();
    assert_eq!(p.kind, kind, "{r}");
    p
}

#[test]
fn pristine_log_verifies_with_every_checkpoint() {
    let r = verify(pristine());
    assert!(r.segments >= 6, "{r}");
    assert_eq!(r.records, 60);
    assert!(r.checkpoints_verified >= 9, "{r}");
}

#[test]
fn a_flipped_byte_is_located() {
    let dir = copy();
    let path = seg(dir.path(), 3);
    let f = frames(&path);
    let mut bytes = fs::read(&path).expect("read");
    // Inside record 1's payload (frame 2: the header is frame 0).
    let at = f[2].0 + frame::HEADER_LEN + 20;
    bytes[at] ^= 0x01;
    fs::write(&path, &bytes).expect("write");
    let p = first_break(&verify(dir.path()), ProblemKind::Damaged);
    assert_eq!(p.segment.as_deref(), Some(seg_name(3).as_str()));
    assert_eq!(p.record, Some(1));
    assert_eq!(p.offset, Some(f[2].0 as u64));
}

#[test]
fn a_flipped_byte_in_the_newest_segment_is_not_a_torn_tail() {
    let dir = copy();
    let n = segments(dir.path()).len();
    let path = seg(dir.path(), n);
    let f = frames(&path);
    assert!(f.len() >= 3, "the newest segment has two records");
    let mut bytes = fs::read(&path).expect("read");
    bytes[f[1].0 + frame::HEADER_LEN + 5] ^= 0x20;
    fs::write(&path, &bytes).expect("write");
    let p = first_break(&verify(dir.path()), ProblemKind::Damaged);
    assert_eq!(p.segment.as_deref(), Some(seg_name(n).as_str()));
    assert_eq!(p.record, Some(0));
}

#[test]
fn an_altered_record_with_a_recomputed_checksum_breaks_the_next_link() {
    let dir = copy();
    let path = seg(dir.path(), 2);
    let mut f: Vec<Vec<u8>> = frames(&path).into_iter().map(|(_, p)| p).collect();
    // Rewrite record 1's decision from whatever it was to "allow".
    let text = String::from_utf8(f[2].clone()).expect("utf8");
    let altered = text
        .replace("\"action\":\"block\"", "\"action\":\"allow\"")
        .replace("\"action\":\"redact\"", "\"action\":\"allow\"")
        .replace("\"action\":\"route\"", "\"action\":\"allow\"")
        .replace("\"request_bytes\":", "\"request_bytes\":1");
    assert_ne!(text, altered);
    f[2] = altered.into_bytes();
    write_frames(&path, &f);
    // Record 2's prev no longer matches; if record 1 ends a checkpointed
    // prefix, the checkpoint sees it first, at record 1 itself.
    let r = verify(dir.path());
    let p = r.first_break().expect("a break").clone();
    assert_eq!(p.segment.as_deref(), Some(seg_name(2).as_str()), "{r}");
    match p.kind {
        ProblemKind::BrokenLink => assert_eq!(p.record, Some(2), "{r}"),
        ProblemKind::CheckpointMismatch => assert_eq!(p.record, Some(1), "{r}"),
        other => panic!("unexpected {other:?}: {r}"),
    }
}

#[test]
fn a_deleted_record_is_located() {
    let dir = copy();
    let path = seg(dir.path(), 2);
    let mut f: Vec<Vec<u8>> = frames(&path).into_iter().map(|(_, p)| p).collect();
    f.remove(2);
    write_frames(&path, &f);
    let r = verify(dir.path());
    let p = first_break(&r, ProblemKind::SeqMismatch);
    assert_eq!(p.segment.as_deref(), Some(seg_name(2).as_str()));
    assert_eq!(p.record, Some(1));
    assert!(p.detail.contains("removed"), "{p}");
}

#[test]
fn two_reordered_records_are_located() {
    let dir = copy();
    let path = seg(dir.path(), 4);
    let mut f: Vec<Vec<u8>> = frames(&path).into_iter().map(|(_, p)| p).collect();
    f.swap(1, 2);
    write_frames(&path, &f);
    let p = first_break(&verify(dir.path()), ProblemKind::SeqMismatch);
    assert_eq!(p.segment.as_deref(), Some(seg_name(4).as_str()));
    assert_eq!(p.record, Some(0));
}

#[test]
fn a_segment_truncated_at_a_record_boundary_is_located() {
    let dir = copy();
    let path = seg(dir.path(), 3);
    let f = frames(&path);
    let cut = f.last().expect("frames").0;
    let bytes = fs::read(&path).expect("read");
    fs::write(&path, &bytes[..cut]).expect("write");
    let p = first_break(&verify(dir.path()), ProblemKind::SegmentDiscontinuous);
    assert_eq!(p.segment.as_deref(), Some(seg_name(3).as_str()));
    assert!(p.detail.contains("removed"), "{p}");
}

#[test]
fn a_segment_truncated_inside_a_record_is_located() {
    let dir = copy();
    let path = seg(dir.path(), 3);
    let f = frames(&path);
    let bytes = fs::read(&path).expect("read");
    fs::write(&path, &bytes[..f[2].0 + 30]).expect("write");
    let p = first_break(&verify(dir.path()), ProblemKind::Damaged);
    assert_eq!(p.segment.as_deref(), Some(seg_name(3).as_str()));
    assert_eq!(p.record, Some(1));
}

#[test]
fn truncating_the_newest_segment_is_caught_by_the_checkpoints() {
    for inside_a_record in [false, true] {
        let dir = copy();
        let n = segments(dir.path()).len();
        let path = seg(dir.path(), n);
        let f = frames(&path);
        let cut = f.last().expect("frames").0 + if inside_a_record { 10 } else { 0 };
        let bytes = fs::read(&path).expect("read");
        fs::write(&path, &bytes[..cut]).expect("write");
        let r = verify(dir.path());
        let p = first_break(&r, ProblemKind::CheckpointBeyondEnd);
        assert!(p.detail.contains("removed from the end"), "{p}");
        assert_eq!(r.torn_tail.len(), usize::from(inside_a_record), "{r}");
    }
}

#[test]
fn swapped_segments_are_named() {
    let dir = copy();
    let (a, b) = (seg(dir.path(), 3), seg(dir.path(), 4));
    let tmp = a.with_extension("tmp");
    fs::rename(&a, &tmp).expect("rename");
    fs::rename(&b, &a).expect("rename");
    fs::rename(&tmp, &b).expect("rename");
    let p = first_break(&verify(dir.path()), ProblemKind::SegmentMisplaced);
    assert_eq!(p.segment.as_deref(), Some(seg_name(3).as_str()));
}

#[test]
fn a_removed_segment_is_named() {
    let dir = copy();
    fs::remove_file(seg(dir.path(), 3)).expect("remove");
    let p = first_break(&verify(dir.path()), ProblemKind::SegmentMissing);
    assert_eq!(p.segment.as_deref(), Some(seg_name(3).as_str()));
    let dir = copy();
    fs::remove_file(seg(dir.path(), 1)).expect("remove");
    let p = first_break(&verify(dir.path()), ProblemKind::PrefixMissing);
    assert!(p.detail.contains("no retention record"), "{p}");
}

fn checkpoint_lines(dir: &Path) -> Vec<String> {
    fs::read_to_string(dir.join("checkpoints.jsonl"))
        .expect("checkpoints")
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_forged_checkpoint_is_located() {
    let dir = copy();
    let mut lines = checkpoint_lines(dir.path());
    let mut cp: Checkpoint = serde_json::from_str(&lines[2]).expect("checkpoint");
    cp.records += 1;
    lines[2] = serde_json::to_string(&cp).expect("json");
    fs::write(
        dir.path().join("checkpoints.jsonl"),
        lines.join("\n") + "\n",
    )
    .expect("write");
    let p = first_break(&verify(dir.path()), ProblemKind::CheckpointSignature);
    assert_eq!(p.checkpoint.as_deref(), Some("checkpoints.jsonl:3"));

    // Signed, but by a key that is not the install's.
    let dir = copy();
    let mut lines = checkpoint_lines(dir.path());
    let cp: Checkpoint = serde_json::from_str(&lines[1]).expect("checkpoint");
    let thief = ed25519_dalek::SigningKey::from_bytes(&[42; 32]);
    let forged = Checkpoint::sign(&thief, cp.segment, cp.records, ChainHash([0; 32]), cp.time);
    lines[1] = serde_json::to_string(&forged).expect("json");
    fs::write(
        dir.path().join("checkpoints.jsonl"),
        lines.join("\n") + "\n",
    )
    .expect("write");
    let p = first_break(&verify(dir.path()), ProblemKind::CheckpointKey);
    assert_eq!(p.checkpoint.as_deref(), Some("checkpoints.jsonl:2"));
}

/// Re-link every record after an alteration, as a thief with the files would:
/// recompute every `prev`, checksum and segment header.
fn rechain(dir: &Path) {
    let mut prev = ChainHash::GENESIS;
    for path in segments(dir) {
        let f: Vec<Vec<u8>> = frames(&path).into_iter().map(|(_, p)| p).collect();
        let mut out = Vec::new();
        let mut header: serde_json::Value = serde_json::from_slice(&f[0]).expect("header");
        header["prev"] = prev.to_hex().into();
        out.push(serde_json::to_vec(&header).expect("json"));
        for p in &f[1..] {
            let mut r: serde_json::Value = serde_json::from_slice(p).expect("record");
            r["prev"] = prev.to_hex().into();
            let bytes = serde_json::to_vec(&r).expect("json");
            prev = ChainHash::of(&bytes);
            out.push(bytes);
        }
        write_frames(&path, &out);
    }
}

#[test]
fn rewritten_history_is_caught_by_checkpoints_and_by_a_witness() {
    // Export a checkpoint to a witness first.
    let witness = tempfile::NamedTempFile::new().expect("tmp");
    let lines = checkpoint_lines(pristine());
    fs::write(
        witness.path(),
        format!("{}\n", lines.last().expect("a checkpoint")),
    )
    .expect("w");
    let witness_cps = audit::verify::read_witness(witness.path()).expect("witness");
    let options = VerifyOptions {
        witness: witness_cps,
    };

    // Alter record 3 and re-link the whole chain: every link holds.
    let dir = copy();
    let path = seg(dir.path(), 1);
    let mut f: Vec<Vec<u8>> = frames(&path).into_iter().map(|(_, p)| p).collect();
    let text = String::from_utf8(f[4].clone()).expect("utf8");
    f[4] = text
        .replace("\"latency_ms\":", "\"latency_ms\":9")
        .into_bytes();
    write_frames(&path, &f);
    rechain(dir.path());
    let r = verify(dir.path());
    let p = first_break(&r, ProblemKind::CheckpointMismatch);
    // Located at the first checkpoint after the altered record (seq 3).
    assert_eq!(p.checkpoint.as_deref(), Some("checkpoints.jsonl:1"), "{r}");
    assert_eq!(p.seq, Some(6), "{r}");
    assert!(p.detail.contains("between seq 0 and seq 6"), "{p}");

    // The thief also replaces the key and re-signs every checkpoint: only the
    // witness can tell.
    let thief = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
    fs::write(dir.path().join("signing.key"), thief.to_bytes()).expect("key");
    fs::write(
        dir.path().join("signing.pub"),
        hex::encode(thief.verifying_key().as_bytes()),
    )
    .expect("pub");
    let report = verify(dir.path());
    let heads: std::collections::HashMap<u64, ChainHash> = {
        // Walk the rewritten chain to learn the new heads.
        let mut m = std::collections::HashMap::new();
        let mut n = 0u64;
        for path in segments(dir.path()) {
            for (_, p) in frames(&path).into_iter().skip(1) {
                n += 1;
                m.insert(n, ChainHash::of(&p));
            }
        }
        m
    };
    let resigned: Vec<String> = checkpoint_lines(dir.path())
        .iter()
        .map(|l| {
            let cp: Checkpoint = serde_json::from_str(l).expect("cp");
            let c = Checkpoint::sign(&thief, cp.segment, cp.records, heads[&cp.records], cp.time);
            serde_json::to_string(&c).expect("json")
        })
        .collect();
    fs::write(
        dir.path().join("checkpoints.jsonl"),
        resigned.join("\n") + "\n",
    )
    .expect("w");
    assert_eq!(verify(dir.path()).exit_code(), 0, "{report}");
    let r = audit::verify(dir.path(), &options).expect("verify");
    let p = first_break(&r, ProblemKind::CheckpointKey);
    assert!(p.detail.contains("replaced"), "{p}");
    assert!(p
        .checkpoint
        .as_deref()
        .is_some_and(|c| c.starts_with(&witness.path().display().to_string())));

    // The pristine log passes with the same witness.
    let r = audit::verify(pristine(), &options).expect("verify");
    assert_eq!(r.exit_code(), 0, "{r}");
    assert_eq!(r.checkpoints_verified as usize, lines.len() + 1);
}
