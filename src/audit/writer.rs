//! The writer thread: the only code that appends to the segments.
//!
//! ```text
//! append()/append_blocking() ─▶ channel ─▶ writer thread:
//!     take the first job, then every job already queued (up to max_batch_records)
//!     ─▶ for each: seq, id, time, prev = hash of the previous payload ─▶ frame into one buffer
//!     ─▶ one write(2) ─▶ one fdatasync ─▶ answer every job of the batch
//!     ─▶ hand the batch to the indexer thread ─▶ checkpoint if due
//! ```
//!
//! Concurrent appends share one fsync: while one batch syncs, the next one
//! queues. A failed write or sync poisons the writer: every later append fails
//! (the proxy blocks, fail closed) until the log is reopened, and reopening finds
//! any partial frame as a torn tail.
//!
//! Opening ([`recover`]) reads the newest segment(s). Bytes after the last whole
//! frame are a torn tail: they are never truncated or overwritten; the writer
//! continues in a new segment whose first record is a `recovery` event naming
//! them (segment, offset, length, SHA-256), so verification can account for
//! every byte.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use ed25519_dalek::SigningKey;
use rand::Rng;
use tokio::sync::oneshot;

use super::checkpoint::{self, Checkpoint};
use super::frame;
use super::id::{IdGen, RecordId};
use super::index::{Index, Loc};
use super::keys::sync_dir;
use super::record::{
    ChainFields, ChainHash, Event, Record, RecoveryEvent, RetentionEvent, Timestamp, TornSpan,
    SCHEMA_VERSION,
};
use super::segment::{self, SegmentHeader};
use super::time::now_ms;
use super::{AuditConfig, AuditError};

/// Where a job's answer goes.
#[derive(Debug)]
pub(crate) enum Reply {
    Async(oneshot::Sender<Result<RecordId, AuditError>>),
    Blocking(mpsc::SyncSender<Result<RecordId, AuditError>>),
    Detached,
}

impl Reply {
    fn send(self, r: Result<RecordId, AuditError>) {
        match self {
            Reply::Async(tx) => {
                let _ = tx.send(r);
            }
            Reply::Blocking(tx) => {
                let _ = tx.send(r);
            }
            Reply::Detached => {
                if let Err(e) = r {
                    tracing::error!(error = %e, "audit append failed");
                }
            }
        }
    }
}

/// Work for the writer thread.
#[derive(Debug)]
pub(crate) enum Job {
    Append(Event, Reply),
    Checkpoint(mpsc::SyncSender<Result<Option<Checkpoint>, AuditError>>),
    Retention(mpsc::SyncSender<Result<Option<RetentionEvent>, AuditError>>),
    /// Answered once every record appended before it is indexed.
    IndexBarrier(mpsc::SyncSender<()>),
}

/// Counters the writer keeps (read by [`AuditLog::metrics`](super::AuditLog::metrics)).
#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub records: AtomicU64,
    pub commits: AtomicU64,
    pub bytes: AtomicU64,
    pub failures: AtomicU64,
    pub checkpoints: AtomicU64,
}

/// Work for the indexer thread.
#[derive(Debug)]
pub(crate) enum IndexJob {
    Records(Vec<(Loc, Record)>),
    Barrier(mpsc::SyncSender<()>),
}

/// The state of the chain's end, found at open.
#[derive(Debug)]
pub(crate) struct Tail {
    /// Segment to continue in, with its file, length and record count;
    /// `None`: start a new one.
    pub open: Option<(u64, File, u64, u64)>,
    /// Number of the newest segment on disk.
    pub last_segment: u64,
    pub next_seq: u64,
    pub head: ChainHash,
    pub last_id: Option<RecordId>,
    /// Torn spans nobody has acknowledged yet, oldest first.
    pub torn: Vec<TornSpan>,
}

pub(crate) fn torn_span(segment: u64, offset: usize, bytes: &[u8]) -> TornSpan {
    TornSpan {
        segment,
        offset: offset as u64,
        bytes: (bytes.len() - offset) as u64,
        sha256: ChainHash::of(&bytes[offset..]),
    }
}

/// Find the end of the chain in the audit directory `dir`.
pub(crate) fn recover(dir: &Path) -> Result<Tail, AuditError> {
    let segs = segment::list(dir)?;
    let Some(last) = segs.last() else {
        return Ok(Tail {
            open: None,
            last_segment: 0,
            next_seq: 0,
            head: ChainHash::GENESIS,
            last_id: None,
            torn: Vec::new(),
        });
    };
    let mut torn = Vec::new();
    // (next_seq, head, last_id) from the newest segment with a readable header.
    let mut state: Option<(u64, ChainHash, Option<RecordId>)> = None;
    let mut open = None;
    for (i, s) in segs.iter().enumerate().rev() {
        let bytes = fs::read(&s.path).map_err(|e| AuditError::io(&s.path, e))?;
        let scan = segment::scan(&bytes);
        let header = match scan.header {
            Ok(h) if h.segment == s.number => Some(h),
            Ok(h) => {
                return Err(AuditError::Corrupt(format!(
                    "{} holds segment {} (run `scrim audit verify`)",
                    s.path.display(),
                    h.segment
                )))
            }
            Err(_) => None,
        };
        let stop = scan.stop.map(|(at, _)| at);
        match header {
            None => torn.insert(0, torn_span(s.number, 0, &bytes)),
            Some(_) => {
                if let Some(at) = stop {
                    torn.insert(0, torn_span(s.number, at, &bytes));
                }
            }
        }
        let Some(h) = header else {
            if i == 0 && s.number == 1 && state.is_none() {
                // The very first segment never got its header: an empty log.
                state = Some((0, ChainHash::GENESIS, None));
            }
            continue;
        };
        if state.is_none() {
            state = Some(match scan.records.last() {
                Some((_, range)) => {
                    let payload = &bytes[range.clone()];
                    let f: ChainFields = serde_json::from_slice(payload).map_err(|e| {
                        AuditError::Corrupt(format!(
                            "{}: the newest record does not parse ({e}); run `scrim audit verify`",
                            s.path.display()
                        ))
                    })?;
                    (f.seq + 1, ChainHash::of(payload), Some(f.id))
                }
                None => (h.first_seq, h.prev, None),
            });
            if i + 1 == segs.len() && stop.is_none() {
                let f = OpenOptions::new()
                    .append(true)
                    .open(&s.path)
                    .map_err(|e| AuditError::io(&s.path, e))?;
                open = Some((s.number, f, bytes.len() as u64, scan.records.len() as u64));
            }
        }
        // A segment with records ends the walk: whatever is before it was
        // acknowledged when it was written. An empty one may follow a torn
        // segment whose recovery record never got written: look further back.
        if let Some((_, range)) = scan.records.last() {
            // Ids continue after the newest one even if newer segments are empty.
            if let Some((_, _, last_id @ None)) = &mut state {
                *last_id = serde_json::from_slice::<ChainFields>(&bytes[range.clone()])
                    .ok()
                    .map(|f| f.id);
            }
            break;
        }
    }
    let Some((next_seq, head, last_id)) = state else {
        return Err(AuditError::Corrupt(format!(
            "no segment in {} has a readable header (run `scrim audit verify`)",
            dir.join(segment::SEGMENTS_DIR).display()
        )));
    };
    Ok(Tail {
        open,
        last_segment: last.number,
        next_seq,
        head,
        last_id,
        torn,
    })
}

/// The writer thread's state.
pub(crate) struct Writer {
    dir: PathBuf,
    config: AuditConfig,
    signing: SigningKey,
    segment: u64,
    file: Option<File>,
    seg_len: u64,
    seg_records: u64,
    next_seq: u64,
    head: ChainHash,
    ids: IdGen,
    poisoned: Option<String>,
    checkpointed: u64,
    last_checkpoint: Instant,
    last_retention: Option<Instant>,
    indexer: mpsc::Sender<IndexJob>,
    buf: Vec<u8>,
    counters: Arc<Counters>,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("dir", &self.dir)
            .field("segment", &self.segment)
            .field("next_seq", &self.next_seq)
            .finish_non_exhaustive()
    }
}

/// How often retention is checked.
const RETENTION_CHECK: Duration = Duration::from_secs(3600);

impl Writer {
    /// A writer continuing `tail`; writes the recovery record first if the
    /// tail has torn spans.
    pub(crate) fn start(
        dir: &Path,
        config: AuditConfig,
        signing: SigningKey,
        tail: Tail,
        indexer: mpsc::Sender<IndexJob>,
        counters: Arc<Counters>,
    ) -> Result<Writer, AuditError> {
        let checkpointed = checkpoint::load(dir)?
            .iter()
            .map(|c| c.records)
            .max()
            .unwrap_or(0)
            .min(tail.next_seq);
        let (segment, file, seg_len, seg_records) = match tail.open {
            Some((n, f, len, records)) => (n, Some(f), len, records),
            None => (tail.last_segment, None, 0, 0),
        };
        let mut w = Writer {
            dir: dir.to_path_buf(),
            config,
            signing,
            segment,
            file,
            seg_len,
            seg_records,
            next_seq: tail.next_seq,
            head: tail.head,
            ids: IdGen::after(tail.last_id),
            poisoned: None,
            checkpointed,
            last_checkpoint: Instant::now(),
            last_retention: None,
            indexer,
            buf: Vec::new(),
            counters,
        };
        if w.file.is_none() {
            w.roll()?;
        }
        if !tail.torn.is_empty() {
            for t in &tail.torn {
                tracing::warn!(
                    segment = t.segment,
                    offset = t.offset,
                    bytes = t.bytes,
                    "audit log: torn tail after a crash; recorded, continuing in a new segment"
                );
            }
            w.write_events(vec![(
                Event::Recovery(RecoveryEvent { torn: tail.torn }),
                Reply::Detached,
            )])?;
        }
        Ok(w)
    }

    /// The seq the next record gets.
    pub(crate) fn next_seq(&self) -> u64 {
        self.next_seq
    }

    /// Start a new segment after the current one.
    fn roll(&mut self) -> Result<(), AuditError> {
        let n = self.segment + 1;
        let header = SegmentHeader::new(n, self.next_seq, self.head, Timestamp(now_ms()));
        let f = segment::create(&self.dir, &header)?;
        self.seg_len = f
            .metadata()
            .map_err(|e| AuditError::io(&segment::path(&self.dir, n), e))?
            .len();
        self.segment = n;
        self.seg_records = 0;
        self.file = Some(f);
        Ok(())
    }

    /// Write the buffered frames to the current segment and sync them.
    fn flush_buf(&mut self) -> Result<(), AuditError> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let path = segment::path(&self.dir, self.segment);
        let Some(f) = self.file.as_mut() else {
            return Err(AuditError::Poisoned("no open segment".into()));
        };
        f.write_all(&self.buf)
            .and_then(|()| f.sync_data())
            .map_err(|e| AuditError::io(&path, e))?;
        self.counters.commits.fetch_add(1, Ordering::Relaxed);
        self.counters
            .bytes
            .fetch_add(self.buf.len() as u64, Ordering::Relaxed);
        self.seg_len += self.buf.len() as u64;
        self.buf.clear();
        Ok(())
    }

    /// Append events as one group commit; answer each reply. On failure the
    /// writer is poisoned and every reply gets the error.
    fn write_events(&mut self, jobs: Vec<(Event, Reply)>) -> Result<(), AuditError> {
        if let Some(why) = &self.poisoned {
            let err = AuditError::Poisoned(why.clone());
            for (_, reply) in jobs {
                reply.send(Err(err.clone()));
            }
            return Err(err);
        }
        let mut done: Vec<(Reply, RecordId)> = Vec::with_capacity(jobs.len());
        let mut indexed: Vec<(Loc, Record)> = Vec::with_capacity(jobs.len());
        let mut jobs = jobs.into_iter();
        let mut result = Ok(());
        for (mut event, reply) in jobs.by_ref() {
            if let Event::Request(d) = &mut event {
                d.sanitize();
            }
            let now = now_ms();
            let record = Record {
                v: SCHEMA_VERSION,
                seq: self.next_seq,
                id: self.ids.next(now, rand::thread_rng().gen()),
                time: Timestamp(now),
                prev: self.head,
                event,
            };
            let payload = match serde_json::to_vec(&record) {
                Ok(p) if p.len() <= frame::MAX_PAYLOAD as usize => p,
                Ok(_) => {
                    reply.send(Err(AuditError::Corrupt("record too large".into())));
                    continue;
                }
                Err(e) => {
                    reply.send(Err(AuditError::Corrupt(e.to_string())));
                    continue;
                }
            };
            let frame_len = (payload.len() + frame::HEADER_LEN) as u64;
            if self.seg_records > 0
                && self.seg_len + self.buf.len() as u64 + frame_len > self.config.segment_max_bytes
            {
                if let Err(e) = self.flush_buf().and_then(|()| self.roll()) {
                    result = Err(e);
                    done.push((reply, record.id));
                    break;
                }
            }
            let loc = Loc {
                segment: self.segment,
                offset: self.seg_len + self.buf.len() as u64,
            };
            frame::encode(&payload, &mut self.buf);
            self.head = ChainHash::of(&payload);
            self.next_seq += 1;
            self.seg_records += 1;
            done.push((reply, record.id));
            indexed.push((loc, record));
        }
        if result.is_ok() {
            result = self.flush_buf();
        }
        match result {
            Ok(()) => {
                self.counters
                    .records
                    .fetch_add(done.len() as u64, Ordering::Relaxed);
                for (reply, id) in done {
                    reply.send(Ok(id));
                }
                let _ = self.indexer.send(IndexJob::Records(indexed));
                Ok(())
            }
            Err(e) => {
                tracing::error!(error = %e, "audit write failed; refusing further appends (fail closed)");
                self.poisoned = Some(e.to_string());
                self.counters.failures.fetch_add(1, Ordering::Relaxed);
                self.buf.clear();
                for (reply, _) in done {
                    reply.send(Err(e.clone()));
                }
                for (_, reply) in jobs {
                    reply.send(Err(e.clone()));
                }
                Err(e)
            }
        }
    }

    /// Sign a checkpoint of the current head, if anything is unsigned.
    fn checkpoint(&mut self) -> Result<Option<Checkpoint>, AuditError> {
        self.last_checkpoint = Instant::now();
        if self.next_seq == 0 || self.checkpointed >= self.next_seq || self.poisoned.is_some() {
            return Ok(None);
        }
        let cp = Checkpoint::sign(
            &self.signing,
            self.segment,
            self.next_seq,
            self.head,
            Timestamp(now_ms()),
        );
        checkpoint::append(&self.dir, &cp)?;
        self.counters.checkpoints.fetch_add(1, Ordering::Relaxed);
        self.checkpointed = self.next_seq;
        Ok(Some(cp))
    }

    fn checkpoint_if_due(&mut self) {
        let unsigned = self.next_seq.saturating_sub(self.checkpointed);
        let due = unsigned >= self.config.checkpoint_every_records.max(1)
            || (unsigned > 0
                && self.last_checkpoint.elapsed()
                    >= Duration::from_secs(self.config.checkpoint_every_secs));
        if due {
            if let Err(e) = self.checkpoint() {
                tracing::error!(error = %e, "audit checkpoint failed");
            }
        }
    }

    /// Remove whole segments past retention, recording the removal first.
    pub(crate) fn enforce_retention(&mut self) -> Result<Option<RetentionEvent>, AuditError> {
        self.last_retention = Some(Instant::now());
        let Some(days) = self.config.retention_days else {
            return Ok(None);
        };
        let cutoff = now_ms().saturating_sub(u64::from(days) * 86_400_000);
        let segs = segment::list(&self.dir)?;
        // A segment is past retention when the one after it was started before
        // the cutoff: all its records are older. Only a contiguous run from the
        // oldest, never the current segment.
        let mut removable = Vec::new();
        let mut boundary = None;
        for pair in segs.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if b.number != a.number + 1 || a.number >= self.segment {
                break;
            }
            match segment::read_header(&b.path)? {
                Ok(h) if h.created.0 < cutoff => {
                    removable.push(a.clone());
                    boundary = Some(h);
                }
                _ => break,
            }
        }
        let (Some(last), Some(boundary)) = (removable.last(), boundary) else {
            return Ok(None);
        };
        let event = RetentionEvent {
            retention_days: days,
            removed: removable.iter().map(|s| s.number).collect(),
            removed_through: last.number,
            first_kept_seq: boundary.first_seq,
            boundary: boundary.prev,
        };
        self.write_events(vec![(Event::Retention(event.clone()), Reply::Detached)])?;
        for s in &removable {
            fs::remove_file(&s.path).map_err(|e| AuditError::io(&s.path, e))?;
        }
        sync_dir(&self.dir.join(segment::SEGMENTS_DIR))?;
        tracing::info!(
            removed = removable.len(),
            through = event.removed_through,
            "audit retention: removed segments past {days} days"
        );
        Ok(Some(event))
    }

    /// The thread's loop: until every sender is gone.
    pub(crate) fn run(mut self, rx: mpsc::Receiver<Job>) {
        if let Err(e) = self.enforce_retention() {
            tracing::error!(error = %e, "audit retention failed");
        }
        let max_batch = self.config.max_batch_records.max(1);
        loop {
            let first = match rx.recv_timeout(Duration::from_millis(500)) {
                Ok(job) => job,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    self.idle();
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            };
            let mut appends = Vec::new();
            let mut others = Vec::new();
            let mut next = Some(first);
            while let Some(job) = next.take() {
                match job {
                    Job::Append(e, r) => appends.push((e, r)),
                    other => others.push(other),
                }
                if appends.len() < max_batch {
                    next = rx.try_recv().ok();
                }
            }
            if !appends.is_empty() {
                let _ = self.write_events(appends);
                self.checkpoint_if_due();
            }
            for job in others {
                match job {
                    Job::Append(..) => {}
                    Job::Checkpoint(tx) => {
                        let _ = tx.send(self.checkpoint());
                    }
                    Job::Retention(tx) => {
                        let _ = tx.send(self.enforce_retention());
                    }
                    Job::IndexBarrier(tx) => {
                        let _ = self.indexer.send(IndexJob::Barrier(tx));
                    }
                }
            }
        }
        if let Err(e) = self.checkpoint() {
            tracing::error!(error = %e, "audit checkpoint at shutdown failed");
        }
    }

    fn idle(&mut self) {
        self.checkpoint_if_due();
        if self
            .last_retention
            .is_none_or(|t| t.elapsed() >= RETENTION_CHECK)
        {
            if let Err(e) = self.enforce_retention() {
                tracing::error!(error = %e, "audit retention failed");
            }
        }
    }
}

/// The indexer thread's loop.
pub(crate) fn run_indexer(index: Index, rx: mpsc::Receiver<IndexJob>) {
    let mut failed = false;
    for job in rx {
        match job {
            IndexJob::Records(items) => {
                if failed {
                    continue;
                }
                if let Err(e) = index.insert(&items) {
                    // The index is not the evidence: stop indexing, keep writing.
                    // The next open catches up from the high-water mark.
                    tracing::error!(error = %e, "audit index update failed; queries will lag until reopen or `scrim audit reindex`");
                    failed = true;
                }
            }
            IndexJob::Barrier(tx) => {
                let _ = tx.send(());
            }
        }
    }
    index.flush();
}
