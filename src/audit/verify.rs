//! Verification: read every segment and checkpoint and say whether the
//! evidence is intact, and if not, where it first breaks.
//!
//! Checked, in chain order:
//! - segment files are numbered without gaps; each header names its own file,
//!   continues the previous segment's `seq` and carries its last hash;
//! - every frame is whole (checksum), every record parses, `seq` counts up by
//!   one, `prev` is the SHA-256 of the previous payload, ids increase;
//! - bytes after the last whole frame of a segment (a torn write) are accepted
//!   only if the next record is a `recovery` record naming them exactly
//!   (offset, length, SHA-256); at the end of the log they are reported as the
//!   torn tail, never hidden;
//! - a log that no longer starts at segment 1 is accepted only if a
//!   `retention` record accounts for the removed segments and the boundary hash;
//! - every checkpoint (in `checkpoints.jsonl`, and any exported ones given as
//!   witnesses) is signed by the install's key and matches the chain at its
//!   record count; a checkpoint beyond the chain's end means records were
//!   removed from the end.
//!
//! A key replaced along with re-signed checkpoints and a rewritten chain is
//! caught only by a witness: a checkpoint exported earlier, which pins the key
//! and the head at its count.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::checkpoint::{self, Checkpoint, CheckpointLine};
use super::id::RecordId;
use super::keys;
use super::record::{
    ChainFields, ChainHash, Event, Record, RetentionEvent, TornSpan, SCHEMA_VERSION,
};
use super::segment::{self, HeaderProblem};
use super::AuditError;

/// Options of [`verify`].
#[derive(Debug, Clone, Default)]
pub struct VerifyOptions {
    /// Checkpoints exported earlier (`scrim audit checkpoint --export`), each
    /// with where it came from (shown in problems).
    pub witness: Vec<(String, Checkpoint)>,
}

/// What kind of break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// A segment number is missing between two others.
    SegmentMissing,
    /// A segment file holds another segment (renamed or swapped).
    SegmentMisplaced,
    /// A segment header is unreadable or inconsistent.
    BadHeader,
    /// A segment does not continue where the previous one ended (records
    /// removed from the end of the previous segment, or segments overlap).
    SegmentDiscontinuous,
    /// A record frame parses as a frame but not as a record.
    BadRecord,
    /// A record has the wrong `seq`: one was removed, inserted or moved.
    SeqMismatch,
    /// A record's `prev` is not the hash of the record before it: an earlier
    /// record was altered.
    BrokenLink,
    /// Record ids do not increase.
    IdOrder,
    /// Bytes that are not whole frames, not accounted for by a recovery record.
    Damaged,
    /// The log does not start at segment 1 and no retention record explains it.
    PrefixMissing,
    /// A checkpoint line is signed wrongly (forged or altered).
    CheckpointSignature,
    /// A checkpoint is signed by another key than the install's.
    CheckpointKey,
    /// The chain at a checkpoint's count does not end in the signed head.
    CheckpointMismatch,
    /// A checkpoint covers more records than the chain has.
    CheckpointBeyondEnd,
    /// Checkpoints exist but the install's public key is missing.
    NoPublicKey,
}

/// One break, located.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// What is wrong.
    pub kind: ProblemKind,
    /// Segment file name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// Record index within the segment (0 = first record after the header).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<u64>,
    /// The `seq` expected at that position.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seq: Option<u64>,
    /// Byte offset in the segment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// Checkpoint source (`checkpoints.jsonl:12`, or a witness file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checkpoint: Option<String>,
    /// Explanation.
    pub detail: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut at = Vec::new();
        if let Some(s) = &self.segment {
            at.push(format!("segment {s}"));
        }
        if let Some(r) = self.record {
            at.push(format!("record {r}"));
        }
        if let Some(q) = self.seq {
            at.push(format!("seq {q}"));
        }
        if let Some(o) = self.offset {
            at.push(format!("offset {o}"));
        }
        if let Some(c) = &self.checkpoint {
            at.push(format!("checkpoint {c}"));
        }
        let kind = serde_json::to_value(self.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        write!(f, "{kind}: {}: {}", at.join(", "), self.detail)
    }
}

/// The outcome of [`verify`].
#[derive(Debug, Clone, Default, Serialize)]
pub struct VerifyReport {
    /// The audit directory.
    pub dir: PathBuf,
    /// Segment files read.
    pub segments: u64,
    /// Whole records checked.
    pub records: u64,
    /// `seq` of the first record present (after retention).
    pub first_seq: Option<u64>,
    /// The `seq` the next record would get.
    pub next_seq: u64,
    /// Hash of the last whole record.
    pub head: Option<ChainHash>,
    /// Checkpoints whose signature and head matched.
    pub checkpoints_verified: u64,
    /// Checkpoints older than the retention horizon (not checkable).
    pub checkpoints_before_retention: u64,
    /// Torn spans accounted for by recovery records (crashes that were recovered).
    pub recovered: Vec<TornSpan>,
    /// Bytes after the last whole record, not yet accounted for: the write a
    /// crash interrupted (or damage to the newest record).
    pub torn_tail: Vec<TornSpan>,
    /// Things worth knowing that are not breaks.
    pub notes: Vec<String>,
    /// Breaks, the first break of the chain first.
    pub problems: Vec<Problem>,
}

impl VerifyReport {
    /// No problem found (a torn tail is not a problem, but see [`VerifyReport::exit_code`]).
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }

    /// The first break.
    pub fn first_break(&self) -> Option<&Problem> {
        self.problems.first()
    }

    /// 0: intact; 1: broken; 3: intact up to a torn tail (a crash not yet
    /// recovered by reopening the log).
    pub fn exit_code(&self) -> u8 {
        if !self.ok() {
            1
        } else if !self.torn_tail.is_empty() {
            3
        } else {
            0
        }
    }
}

impl fmt::Display for VerifyReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} segment(s), {} record(s) checked (seq {}..{}), {} checkpoint(s) verified",
            self.dir.display(),
            self.segments,
            self.records,
            self.first_seq.unwrap_or(0),
            self.next_seq,
            self.checkpoints_verified
        )?;
        for r in &self.recovered {
            writeln!(
                f,
                "recovered crash: segment {} has {} torn byte(s) at offset {}, recorded by a recovery record",
                segment::file_name(r.segment),
                r.bytes,
                r.offset
            )?;
        }
        for n in &self.notes {
            writeln!(f, "note: {n}")?;
        }
        for t in &self.torn_tail {
            writeln!(
                f,
                "TORN TAIL: segment {} ends with {} byte(s) at offset {} that are not a whole record \
                 (a write interrupted by a crash, or damage to the newest record); \
                 reopening the log records them",
                segment::file_name(t.segment),
                t.bytes,
                t.offset
            )?;
        }
        for p in &self.problems {
            writeln!(f, "BROKEN: {p}")?;
        }
        match self.exit_code() {
            0 => writeln!(f, "OK: the chain is intact"),
            3 => writeln!(f, "OK up to the torn tail"),
            _ => writeln!(f, "FAILED: the audit log has been altered or damaged"),
        }
    }
}

struct Expect {
    head: ChainHash,
    source: String,
}

fn loc(segment: &str, record: u64, seq: u64, offset: usize) -> Problem {
    Problem {
        kind: ProblemKind::BrokenLink,
        segment: Some(segment.to_string()),
        record: Some(record),
        seq: Some(seq),
        offset: Some(offset as u64),
        checkpoint: None,
        detail: String::new(),
    }
}

fn at_checkpoint(kind: ProblemKind, source: &str, detail: String) -> Problem {
    Problem {
        kind,
        segment: None,
        record: None,
        seq: None,
        offset: None,
        checkpoint: Some(source.to_string()),
        detail,
    }
}

fn at_segment(kind: ProblemKind, segment: String, detail: String) -> Problem {
    Problem {
        kind,
        segment: Some(segment),
        record: None,
        seq: None,
        offset: None,
        checkpoint: None,
        detail,
    }
}

/// Verify the audit directory `dir`. Errors only when files cannot be read;
/// everything wrong with their contents is in the report.
pub fn verify(dir: &Path, options: &VerifyOptions) -> Result<VerifyReport, AuditError> {
    let mut rep = VerifyReport {
        dir: dir.to_path_buf(),
        ..VerifyReport::default()
    };
    let public = keys::load_public_key(dir)?;
    let public_hex = public.map(|k| hex::encode(k.as_bytes()));

    // Checkpoints: signatures and keys first; heads are compared during the walk.
    let mut expect: BTreeMap<u64, Vec<Expect>> = BTreeMap::new();
    let mut cps: Vec<(String, Checkpoint)> = Vec::new();
    for (line, entry) in checkpoint::read_file(&dir.join(checkpoint::CHECKPOINTS_FILE))? {
        let source = format!("{}:{line}", checkpoint::CHECKPOINTS_FILE);
        match entry {
            CheckpointLine::Ok(cp) => cps.push((source, cp)),
            CheckpointLine::Torn => rep.notes.push(format!(
                "{source}: the last checkpoint line is incomplete (a write interrupted by a crash)"
            )),
            CheckpointLine::Invalid(e) => rep.notes.push(format!(
                "{source}: unreadable line ({e}); a torn write from a crash, or an edit"
            )),
        }
    }
    let n_local = cps.len();
    cps.extend(options.witness.iter().cloned());
    for (i, (source, cp)) in cps.iter().enumerate() {
        let witness = i >= n_local;
        if let Err(e) = cp.verify_signature() {
            rep.problems.push(at_checkpoint(
                ProblemKind::CheckpointSignature,
                source,
                format!("checkpoint of {} records: {e}", cp.records),
            ));
            continue;
        }
        match &public_hex {
            None => {
                rep.problems.push(at_checkpoint(
                    ProblemKind::NoPublicKey,
                    source,
                    format!(
                        "there are checkpoints but neither {} nor {} exists",
                        keys::PUBLIC_KEY_FILE,
                        keys::SIGNING_KEY_FILE
                    ),
                ));
                continue;
            }
            Some(k) if *k != cp.public_key => {
                rep.problems.push(at_checkpoint(
                    ProblemKind::CheckpointKey,
                    source,
                    if witness {
                        format!(
                            "the exported checkpoint was signed by key {}…, but the install's key is now {}…: \
                             the signing key was replaced since",
                            &cp.public_key[..16.min(cp.public_key.len())],
                            &k[..16]
                        )
                    } else {
                        format!(
                            "signed by key {}…, not the install's key {}…",
                            &cp.public_key[..16.min(cp.public_key.len())],
                            &k[..16]
                        )
                    },
                ));
                continue;
            }
            Some(_) => {}
        }
        if cp.records > 0 {
            expect.entry(cp.records).or_default().push(Expect {
                head: cp.head,
                source: source.clone(),
            });
        }
    }

    let segs = segment::list(dir)?;
    rep.segments = segs.len() as u64;
    let mut expected_seq = 0u64;
    let mut prev = ChainHash::GENESIS;
    let mut last_id: Option<RecordId> = None;
    // Unreadable spans not yet accounted for, with the whole records before them.
    let mut pending: Vec<(TornSpan, u64)> = Vec::new();
    let mut retention: Vec<RetentionEvent> = Vec::new();
    let mut first_header = None;
    let mut newer_version = false;
    // Records covered by the newest checkpoint that matched so far.
    let mut last_good_checkpoint = 0u64;
    let mut broken = false;
    'segments: for (i, s) in segs.iter().enumerate() {
        let name = s.name();
        let last = i + 1 == segs.len();
        if i > 0 && s.number != segs[i - 1].number + 1 {
            rep.problems.push(at_segment(
                ProblemKind::SegmentMissing,
                segment::file_name(segs[i - 1].number + 1),
                format!(
                    "segments {}..{} are missing between {} and {name}",
                    segs[i - 1].number + 1,
                    s.number - 1,
                    segs[i - 1].name()
                ),
            ));
            broken = true;
            break;
        }
        let bytes = fs::read(&s.path).map_err(|e| AuditError::io(&s.path, e))?;
        let scan = segment::scan(&bytes);
        let header = match scan.header {
            Ok(h) => h,
            Err(HeaderProblem::Frame(e)) => {
                // A segment whose header never got written whole (crash while rolling).
                let span = super::writer::torn_span(s.number, 0, &bytes);
                if last {
                    rep.torn_tail.push(span);
                } else if i == 0 {
                    rep.problems.push(at_segment(
                        ProblemKind::BadHeader,
                        name,
                        format!("the header is unreadable: {}", e.describe()),
                    ));
                    broken = true;
                    break;
                } else {
                    pending.push((span, 0));
                }
                continue;
            }
            Err(HeaderProblem::Invalid(e)) => {
                rep.problems.push(at_segment(
                    ProblemKind::BadHeader,
                    name,
                    format!("the header frame is not a segment header: {e}"),
                ));
                broken = true;
                break;
            }
        };
        if header.segment != s.number {
            rep.problems.push(at_segment(
                ProblemKind::SegmentMisplaced,
                name,
                format!(
                    "the file holds segment {} ({}): segment files were renamed or swapped",
                    header.segment,
                    segment::file_name(header.segment)
                ),
            ));
            broken = true;
            break;
        }
        if let Some((t, before)) = pending.first() {
            if header.first_seq != expected_seq || header.prev != prev {
                rep.problems.push(Problem {
                    kind: ProblemKind::Damaged,
                    segment: Some(segment::file_name(t.segment)),
                    record: Some(*before),
                    seq: Some(expected_seq),
                    offset: Some(t.offset),
                    checkpoint: None,
                    detail: format!(
                        "{} byte(s) that are not whole records, and the next segment does not continue \
                         after the last whole one (records were cut here)",
                        t.bytes
                    ),
                });
                broken = true;
                break;
            }
        }
        if first_header.is_none() {
            if s.number == 1 && (header.first_seq != 0 || header.prev != ChainHash::GENESIS) {
                rep.problems.push(at_segment(
                    ProblemKind::BadHeader,
                    name,
                    "the first segment does not start the chain (seq 0, genesis hash)".into(),
                ));
                broken = true;
                break;
            }
            expected_seq = header.first_seq;
            prev = header.prev;
            rep.first_seq = Some(header.first_seq);
            first_header = Some(header.clone());
        } else if header.first_seq != expected_seq {
            let prev_name = segs[i - 1].name();
            rep.problems.push(at_segment(
                ProblemKind::SegmentDiscontinuous,
                prev_name.clone(),
                if header.first_seq > expected_seq {
                    format!(
                        "{prev_name} ends at seq {}, but {name} starts at seq {}: records {}..{} were removed \
                         from the end of {prev_name}",
                        expected_seq.saturating_sub(1),
                        header.first_seq,
                        expected_seq,
                        header.first_seq - 1
                    )
                } else {
                    format!(
                        "{name} starts at seq {}, inside {prev_name} (which ends at seq {}): segments overlap",
                        header.first_seq,
                        expected_seq.saturating_sub(1)
                    )
                },
            ));
            broken = true;
            break;
        } else if header.prev != prev {
            rep.problems.push(at_segment(
                ProblemKind::BrokenLink,
                name,
                format!(
                    "the header's previous hash is not the hash of the last record of {}",
                    segs[i - 1].name()
                ),
            ));
            broken = true;
            break;
        }
        for (idx, (offset, range)) in scan.records.iter().enumerate() {
            let idx = idx as u64;
            let payload = &bytes[range.clone()];
            let mut p = loc(&name, idx, expected_seq, *offset);
            let f: ChainFields = match serde_json::from_slice(payload) {
                Ok(f) => f,
                Err(e) => {
                    p.kind = ProblemKind::BadRecord;
                    p.detail = format!("the frame is whole but its record does not parse: {e}");
                    rep.problems.push(p);
                    broken = true;
                    break 'segments;
                }
            };
            if f.seq != expected_seq {
                p.kind = ProblemKind::SeqMismatch;
                p.detail = if f.seq > expected_seq {
                    format!(
                        "found seq {} where seq {expected_seq} belongs: record(s) {expected_seq}..{} were \
                         removed (or records were reordered)",
                        f.seq,
                        f.seq - 1
                    )
                } else {
                    format!(
                        "found seq {} where seq {expected_seq} belongs: records were reordered or duplicated",
                        f.seq
                    )
                };
                rep.problems.push(p);
                broken = true;
                break 'segments;
            }
            if f.prev != prev {
                p.kind = ProblemKind::BrokenLink;
                p.detail = format!(
                    "its prev hash is not the hash of record {}: that record (or an earlier one) was altered",
                    expected_seq.saturating_sub(1)
                );
                rep.problems.push(p);
                broken = true;
                break 'segments;
            }
            if !pending.is_empty() {
                let acknowledged = match serde_json::from_slice::<Record>(payload) {
                    Ok(Record {
                        event: Event::Recovery(ev),
                        ..
                    }) => pending.iter().all(|(t, _)| ev.torn.contains(t)),
                    _ => false,
                };
                if !acknowledged {
                    let (t, before) = &pending[0];
                    rep.problems.push(Problem {
                        kind: ProblemKind::Damaged,
                        segment: Some(segment::file_name(t.segment)),
                        record: Some(*before),
                        seq: None,
                        offset: Some(t.offset),
                        checkpoint: None,
                        detail: format!(
                            "{} byte(s) that are not whole records, and no recovery record accounts for them \
                             (damage or tampering inside the log)",
                            t.bytes
                        ),
                    });
                    broken = true;
                    break 'segments;
                }
                rep.recovered.extend(pending.drain(..).map(|(t, _)| t));
            }
            if last_id.is_some_and(|l| f.id <= l) {
                p.kind = ProblemKind::IdOrder;
                p.detail = format!("id {} does not come after the previous record's id", f.id);
                rep.problems.push(p);
                broken = true;
                break 'segments;
            }
            if f.v > SCHEMA_VERSION {
                newer_version = true;
            }
            if f.event.as_ref().is_some_and(|e| e.kind == "retention") {
                if let Ok(Record {
                    event: Event::Retention(ev),
                    ..
                }) = serde_json::from_slice::<Record>(payload)
                {
                    retention.push(ev);
                }
            }
            let h = ChainHash::of(payload);
            expected_seq += 1;
            prev = h;
            last_id = Some(f.id);
            rep.records += 1;
            if let Some(list) = expect.remove(&expected_seq) {
                for e in list {
                    if e.head == h {
                        rep.checkpoints_verified += 1;
                        last_good_checkpoint = expected_seq;
                    } else {
                        p.kind = ProblemKind::CheckpointMismatch;
                        p.checkpoint = Some(e.source.clone());
                        p.detail = format!(
                            "the chain's first {expected_seq} records do not end in the head that checkpoint \
                             {} signed: records between seq {last_good_checkpoint} and seq {} were rewritten \
                             (and re-linked)",
                            e.source,
                            expected_seq - 1
                        );
                        rep.problems.push(p.clone());
                        broken = true;
                    }
                }
                if broken {
                    break 'segments;
                }
            }
        }
        if let Some((at, why)) = scan.stop {
            let span = super::writer::torn_span(s.number, at, &bytes);
            let whole = scan.records.len() as u64;
            if let Some(next) = whole_frame_after(&bytes, at) {
                // A crash tears only the end of what was being written; whole
                // records after unreadable bytes mean the bytes were damaged.
                rep.problems.push(Problem {
                    kind: ProblemKind::Damaged,
                    segment: Some(name.clone()),
                    record: Some(whole),
                    seq: Some(expected_seq),
                    offset: Some(at as u64),
                    checkpoint: None,
                    detail: format!(
                        "{}, yet a whole record follows at offset {next}: a record was altered or \
                         overwritten here (or a power loss wrote pages out of order)",
                        why.describe()
                    ),
                });
                broken = true;
                break;
            }
            if last {
                rep.torn_tail.push(span);
            } else {
                pending.push((span, whole));
            }
        }
    }
    rep.next_seq = expected_seq;
    if rep.records > 0 || first_header.is_some() {
        rep.head = Some(prev);
    }
    if newer_version {
        rep.notes.push(format!(
            "some records have a schema version above {SCHEMA_VERSION}; their chain was checked, not their contents"
        ));
    }
    if broken {
        return Ok(rep);
    }
    // Torn spans before an empty newest segment: a crash while recovering.
    rep.torn_tail
        .splice(0..0, pending.into_iter().map(|(t, _)| t));

    if let Some(h) = &first_header {
        if h.segment > 1 {
            let covering = retention
                .iter()
                .filter(|r| r.removed_through + 1 >= h.segment)
                .min_by_key(|r| r.removed_through);
            match covering {
                None => rep.problems.push(at_segment(
                    ProblemKind::PrefixMissing,
                    segment::file_name(1),
                    format!(
                        "the log starts at segment {}; segments 1..{} are missing and no retention record \
                         accounts for them",
                        h.segment,
                        h.segment - 1
                    ),
                )),
                Some(r) if r.removed_through + 1 == h.segment
                    && (r.first_kept_seq != h.first_seq || r.boundary != h.prev) =>
                {
                    rep.problems.push(at_segment(
                        ProblemKind::PrefixMissing,
                        segment::file_name(h.segment),
                        "the first segment does not continue where the retention record says the \
                         removed segments ended"
                            .into(),
                    ))
                }
                Some(r) => rep.notes.push(format!(
                    "segments 1..{} were removed past retention ({} days), as recorded",
                    r.removed_through, r.retention_days
                )),
            }
        }
    }

    let first_seq = rep.first_seq.unwrap_or(0);
    for (records, list) in expect {
        for e in list {
            if records <= first_seq {
                rep.checkpoints_before_retention += 1;
            } else if records > expected_seq {
                let torn = if rep.torn_tail.is_empty() {
                    String::new()
                } else {
                    " (a checkpointed record can never be torn: it was durable when signed)".into()
                };
                rep.problems.push(at_checkpoint(
                    ProblemKind::CheckpointBeyondEnd,
                    &e.source,
                    format!(
                        "it signed {records} records, but the chain has {expected_seq}: records were removed \
                         from the end of the log{torn}"
                    ),
                ));
            }
        }
    }
    if rep.checkpoints_before_retention > 0 {
        rep.notes.push(format!(
            "{} checkpoint(s) predate the retention horizon and cannot be checked",
            rep.checkpoints_before_retention
        ));
    }
    Ok(rep)
}

/// The offset of the first whole frame after `at`, if any.
fn whole_frame_after(bytes: &[u8], at: usize) -> Option<usize> {
    let magic = super::frame::MAGIC;
    (at + 1..bytes.len().saturating_sub(super::frame::HEADER_LEN - 1))
        .filter(|&i| bytes[i..].starts_with(&magic))
        .find(|&i| super::frame::decode_at(bytes, i).is_ok())
}

/// Read checkpoints exported to a file (JSON lines, or one JSON object).
pub fn read_witness(path: &Path) -> Result<Vec<(String, Checkpoint)>, AuditError> {
    let mut out = Vec::new();
    for (line, entry) in checkpoint::read_file(path)? {
        let source = format!("{}:{line}", path.display());
        match entry {
            CheckpointLine::Ok(cp) => out.push((source, cp)),
            CheckpointLine::Torn | CheckpointLine::Invalid(_) => {
                return Err(AuditError::Query(format!("{source}: not a checkpoint")))
            }
        }
    }
    if out.is_empty() {
        // A pretty-printed single object.
        let text = fs::read_to_string(path).map_err(|e| AuditError::io(path, e))?;
        let cp: Checkpoint = serde_json::from_str(&text)
            .map_err(|e| AuditError::Query(format!("{}: not a checkpoint: {e}", path.display())))?;
        out.push((path.display().to_string(), cp));
    }
    Ok(out)
}
