//! The audit log: for every request, what was found, which rule decided and
//! what was done — durable before the request is forwarded, tamper-evident,
//! free of personal data, and queryable by an auditor.
//!
//! ```text
//! proxy ─ RecordDraft (flow facts, decision, outcome, keyed value hashes)
//!       ─▶ AuditLog::append ─▶ writer thread: hash-chain, frame, group commit (one fdatasync per batch)
//!       ─▶ Ok(RecordId) once durable ─▶ proxy forwards
//!                                   └─▶ indexer thread ─▶ sled query index (rebuildable)
//!       every N records / T seconds ─▶ signed checkpoint (ed25519) ─▶ checkpoints.jsonl
//! ```
//!
//! # On disk (the audit directory, conventionally `<data dir>/audit`, see [`audit_dir`])
//!
//! | path | what | mode |
//! |---|---|---|
//! | `segments/NNNNNNNNNN.seg` | the evidence: header frame, then one frame per record ([`segment`], [`frame`]) | 0600 dir |
//! | `checkpoints.jsonl` | signed checkpoints, one per line ([`checkpoint`]) | |
//! | `audit.key` | HMAC-SHA256 key of value hashes ([`keys`]) | 0600 |
//! | `signing.key`, `signing.pub` | ed25519 checkpoint key pair | 0600, 0644 |
//! | `index/` | sled query index, never the evidence ([`index`]) | |
//!
//! A frame is `magic ‖ len ‖ crc32 ‖ payload`; the payload is one JSON record
//! (schema and versioning in [`record`]); each record's `prev` is the SHA-256
//! of the previous record's payload bytes. Segments roll at
//! [`AuditConfig::segment_max_bytes`].
//!
//! # Invariants
//!
//! - `append` answers `Ok` only after the record's bytes are fdatasync'd.
//! - A failed write poisons the writer: every later append fails until reopen
//!   (the proxy then blocks requests: fail closed).
//! - Nothing is ever truncated or rewritten. A torn tail found at open is named
//!   by a `recovery` record at the start of a new segment; whole segments past
//!   retention are removed only after a `retention` record is durable.
//! - No record holds a detected value: values enter only as [`ValueHash`]es,
//!   made by [`AuditLog::value_hash`] with the install's key.
//!
//! # Interfaces for the proxy and the admin API
//!
//! ```no_run
//! # async fn demo(flow: scrim::policy::FlowFacts, policy: scrim::policy::CompiledPolicy,
//! #   decision: scrim::policy::Decision, findings: Vec<scrim::detect::Finding>, text: String)
//! #   -> Result<(), scrim::audit::AuditError> {
//! use scrim::audit::{AuditConfig, AuditLog, Completion, Outcome, PolicyRef, RecordDraft};
//! let log = AuditLog::open(&scrim::audit::audit_dir("/var/lib/scrim".as_ref()), AuditConfig::default())?;
//! let mut draft = RecordDraft::from_flow(&flow, PolicyRef::of(&policy), Outcome::Forwarded { status: None })
//!     .with_decision(&decision, &findings);
//! for f in &findings {
//!     draft.value_hashes.push((f.label, log.value_hash(f.label, &text[f.start..f.end])));
//! }
//! draft.sizes.request_bytes = text.len() as u64;
//! let id = log.append(draft).await?;          // durable: now forward
//! // … after the response:
//! log.complete_detached(Completion { of: id, outcome: Outcome::Forwarded { status: Some(200) },
//!                                    response_bytes: Some(512), total_ms: 840 });
//! // Admin API: GET /audit/query?since=24h&decision=block  →
//! let resp = scrim::audit::admin::respond(&log, "/audit/query", "since=24h&decision=block");
//! # Ok(()) }
//! ```

pub mod admin;
pub mod checkpoint;
pub mod export;
pub mod frame;
pub mod id;
pub mod index;
pub mod keys;
pub mod query;
pub mod record;
pub mod segment;
pub mod time;
pub mod verify;
mod writer;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc};
use std::thread::JoinHandle;

use ed25519_dalek::VerifyingKey;
use tokio::sync::oneshot;

pub use checkpoint::Checkpoint;
pub use id::RecordId;
pub use keys::ValueKey;
pub use query::{Entry, QueryFilter, Stats};
pub use record::{
    BlockReason, ChainHash, Client, Completion, DecisionSummary, Destination, ErrorKind, Event,
    Outcome, PolicyRef, Record, RecordDraft, RuleFired, Sizes, Timestamp, TornSpan, ValueHash,
    SCHEMA_VERSION,
};
pub use verify::{verify, Problem, ProblemKind, VerifyOptions, VerifyReport};

use crate::detect::Label;
use index::Index;
use writer::{Counters, IndexJob, Job, Reply};

/// The audit directory inside a scrim data directory: `<data_dir>/audit`.
pub fn audit_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("audit")
}

/// Audit log settings. `[audit]` in `scrim.toml` is compiled into this by
/// [`crate::config`], whose defaults are these values: the one source of the
/// defaults (`config/default.toml` states them too, and a test keeps the two
/// equal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditConfig {
    /// Start a new segment once the current one would pass this size, in bytes.
    /// Default 64 MiB. Retention removes whole segments, so this is also its
    /// granularity.
    pub segment_max_bytes: u64,
    /// Sign a checkpoint after this many unsigned records. Default 1000.
    pub checkpoint_every_records: u64,
    /// …or once the oldest unsigned record is this many seconds old. Default
    /// 300 (five minutes).
    pub checkpoint_every_secs: u64,
    /// Remove whole segments whose records are all older than this many days;
    /// absent keeps everything. Default [`HIPAA_RETENTION_DAYS`].
    pub retention_days: Option<u32>,
    /// Most records in one group commit (one write and one fdatasync). Default 4096.
    pub max_batch_records: usize,
}

/// Six years, HIPAA's retention of documentation (45 CFR 164.316(b)(2)(i)),
/// in days: 6 × 365 plus the two leap days that six years can hold, so no
/// record goes before six calendar years have passed.
pub const HIPAA_RETENTION_DAYS: u32 = 6 * 365 + 2;

impl Default for AuditConfig {
    fn default() -> Self {
        AuditConfig {
            segment_max_bytes: 64 << 20,
            checkpoint_every_records: 1000,
            checkpoint_every_secs: 300,
            retention_days: Some(HIPAA_RETENTION_DAYS),
            max_batch_records: 4096,
        }
    }
}

/// Errors of the audit log. Cloneable: one write failure answers every append
/// of its batch.
#[derive(Debug, Clone, thiserror::Error)]
pub enum AuditError {
    /// A file operation failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: Arc<io::Error>,
    },
    /// The sled index failed (queries only; never the evidence).
    #[error("audit index {}: {message}", path.display())]
    Index {
        /// The index directory.
        path: PathBuf,
        /// sled's message.
        message: String,
    },
    /// Another process holds the index (and so the log): a running proxy.
    #[error(
        "the audit index {} is locked by another process (a running scrim proxy?); \
         ask the proxy through its admin API with --admin URL",
        path.display()
    )]
    Locked {
        /// The index directory.
        path: PathBuf,
    },
    /// A key file is missing, malformed or too open.
    #[error("audit key {}: {reason}", path.display())]
    Key {
        /// The key file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// Segment data could not be read as expected.
    #[error("audit data: {0} (run `scrim audit verify`)")]
    Corrupt(String),
    /// An earlier write failed; the writer accepts nothing until reopened.
    #[error("the audit writer stopped after a failed write ({0}); reopen the log")]
    Poisoned(String),
    /// The writer thread is gone.
    #[error("the audit log is closed")]
    Closed,
    /// A query parameter is invalid.
    #[error("invalid audit query: {0}")]
    Query(String),
}

impl AuditError {
    pub(crate) fn io(path: &Path, e: io::Error) -> AuditError {
        AuditError::Io {
            path: path.to_path_buf(),
            source: Arc::new(e),
        }
    }
}

/// What opening found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenReport {
    /// Torn spans found and recorded by a `recovery` record (empty after a
    /// clean shutdown).
    pub recovered: Vec<TornSpan>,
    /// Records in the chain when opened (the next seq).
    pub records: u64,
    /// Records the index caught up on.
    pub indexed: u64,
}

/// The audit log of one audit directory: `Clone + Send + Sync`, one writer
/// thread and one indexer thread behind it. Dropping the last clone stops the
/// threads after a final checkpoint.
#[derive(Clone)]
pub struct AuditLog {
    inner: Arc<Inner>,
}

struct Inner {
    dir: PathBuf,
    tx: Option<mpsc::Sender<Job>>,
    writer: Option<JoinHandle<()>>,
    index: Index,
    value_key: ValueKey,
    public_key: VerifyingKey,
    report: OpenReport,
    counters: Arc<Counters>,
}

/// Counters since the log was opened (for the admin API's metrics).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriterMetrics {
    /// Records made durable.
    pub records: u64,
    /// Group commits (one write and one fdatasync each).
    pub commits: u64,
    /// Bytes written to segments.
    pub bytes: u64,
    /// Failed commits (the first one poisons the writer).
    pub failures: u64,
    /// Checkpoints signed.
    pub checkpoints: u64,
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.tx.take();
        if let Some(h) = self.writer.take() {
            let _ = h.join();
        }
    }
}

impl fmt::Debug for AuditLog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuditLog")
            .field("dir", &self.inner.dir)
            .finish_non_exhaustive()
    }
}

fn create_private_dir(dir: &Path) -> Result<(), AuditError> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| AuditError::io(dir, e))
}

impl AuditLog {
    /// Open the audit directory `dir` (see [`audit_dir`]), creating its layout
    /// and keys (mode 0600) on first use, recovering a torn tail (recorded,
    /// never truncated), catching the index up, and starting the writer.
    /// Fails with [`AuditError::Locked`] if another process has it open.
    pub fn open(dir: &Path, config: AuditConfig) -> Result<AuditLog, AuditError> {
        create_private_dir(dir)?;
        create_private_dir(&dir.join(segment::SEGMENTS_DIR))?;
        // The index's lock is the writer's lock: take it before reading the tail.
        let index = Index::open(&dir.join(index::INDEX_DIR))?;
        let (value_key, signing) = keys::load_or_create(dir)?;
        let public_key = signing.verifying_key();
        let tail = writer::recover(dir)?;
        let recovered = tail.torn.clone();
        let indexed = index::catch_up(dir, &index, tail.next_seq)?;
        let (itx, irx) = mpsc::channel::<IndexJob>();
        let idx = index.clone();
        let indexer = std::thread::Builder::new()
            .name("scrim-audit-index".into())
            .spawn(move || writer::run_indexer(idx, irx))
            .map_err(|e| AuditError::io(dir, e))?;
        let counters = Arc::new(Counters::default());
        let w = writer::Writer::start(dir, config, signing, tail, itx, Arc::clone(&counters))?;
        let records = w.next_seq();
        let (tx, rx) = mpsc::channel::<Job>();
        let writer = std::thread::Builder::new()
            .name("scrim-audit-writer".into())
            .spawn(move || {
                w.run(rx);
                // The writer owned the indexer's sender: it is gone now.
                let _ = indexer.join();
            })
            .map_err(|e| AuditError::io(dir, e))?;
        Ok(AuditLog {
            inner: Arc::new(Inner {
                dir: dir.to_path_buf(),
                tx: Some(tx),
                writer: Some(writer),
                index,
                value_key,
                public_key,
                report: OpenReport {
                    recovered,
                    records,
                    indexed,
                },
                counters,
            }),
        })
    }

    /// The audit directory.
    pub fn dir(&self) -> &Path {
        &self.inner.dir
    }

    /// What opening found (torn tails recovered, records, index catch-up).
    pub fn open_report(&self) -> &OpenReport {
        &self.inner.report
    }

    /// Counters since open: records, group commits (fsyncs), bytes, failures,
    /// checkpoints.
    pub fn metrics(&self) -> WriterMetrics {
        use std::sync::atomic::Ordering::Relaxed;
        let c = &self.inner.counters;
        WriterMetrics {
            records: c.records.load(Relaxed),
            commits: c.commits.load(Relaxed),
            bytes: c.bytes.load(Relaxed),
            failures: c.failures.load(Relaxed),
            checkpoints: c.checkpoints.load(Relaxed),
        }
    }

    /// The install's checkpoint public key, hex (what a witness pins).
    pub fn public_key_hex(&self) -> String {
        hex::encode(self.inner.public_key.as_bytes())
    }

    /// The keyed hash of a detected value (HMAC-SHA256 with the install's
    /// audit key, over the label and the normalized value; see
    /// [`keys::normalize_value`]). Hash values *before* building the draft.
    pub fn value_hash(&self, label: Label, value: &str) -> ValueHash {
        self.inner.value_key.hash(label, value)
    }

    fn submit(&self, job: Job) -> Result<(), AuditError> {
        let tx = self.inner.tx.as_ref().ok_or(AuditError::Closed)?;
        tx.send(job).map_err(|_| AuditError::Closed)
    }

    async fn append_event(&self, event: Event) -> Result<RecordId, AuditError> {
        let (tx, rx) = oneshot::channel();
        self.submit(Job::Append(event, Reply::Async(tx)))?;
        rx.await.map_err(|_| AuditError::Closed)?
    }

    fn append_event_blocking(&self, event: Event) -> Result<RecordId, AuditError> {
        let (tx, rx) = mpsc::sync_channel(1);
        self.submit(Job::Append(event, Reply::Blocking(tx)))?;
        rx.recv().map_err(|_| AuditError::Closed)?
    }

    /// Append a request record; resolves once it is fsync'd (group-committed
    /// with every concurrent append). Forward the request only after `Ok`.
    pub async fn append(&self, draft: RecordDraft) -> Result<RecordId, AuditError> {
        self.append_event(Event::Request(Box::new(draft))).await
    }

    /// [`AuditLog::append`] for threads outside an async runtime (blocks).
    pub fn append_blocking(&self, draft: RecordDraft) -> Result<RecordId, AuditError> {
        self.append_event_blocking(Event::Request(Box::new(draft)))
    }

    /// Record how a request ended; resolves once durable.
    pub async fn complete(&self, completion: Completion) -> Result<RecordId, AuditError> {
        self.append_event(Event::Completion(completion)).await
    }

    /// [`AuditLog::complete`], blocking.
    pub fn complete_blocking(&self, completion: Completion) -> Result<RecordId, AuditError> {
        self.append_event_blocking(Event::Completion(completion))
    }

    /// Record how a request ended without waiting (the response is already
    /// on its way; a failure is logged and poisons the writer like any other).
    pub fn complete_detached(&self, completion: Completion) {
        if let Err(e) = self.submit(Job::Append(Event::Completion(completion), Reply::Detached)) {
            tracing::error!(error = %e, "audit completion not recorded");
        }
    }

    /// Sign a checkpoint of the current head now (blocking); `None` if nothing
    /// is unsigned.
    pub fn checkpoint_now(&self) -> Result<Option<Checkpoint>, AuditError> {
        let (tx, rx) = mpsc::sync_channel(1);
        self.submit(Job::Checkpoint(tx))?;
        rx.recv().map_err(|_| AuditError::Closed)?
    }

    /// Apply retention now (blocking); the event written, if any segment went.
    pub fn enforce_retention(&self) -> Result<Option<record::RetentionEvent>, AuditError> {
        let (tx, rx) = mpsc::sync_channel(1);
        self.submit(Job::Retention(tx))?;
        rx.recv().map_err(|_| AuditError::Closed)?
    }

    /// Wait until every record appended so far is in the index (blocking).
    /// Queries otherwise lag appends by a few milliseconds.
    pub fn sync_index(&self) -> Result<(), AuditError> {
        let (tx, rx) = mpsc::sync_channel(1);
        self.submit(Job::IndexBarrier(tx))?;
        rx.recv().map_err(|_| AuditError::Closed)
    }

    /// Request records matching `filter` (blocking: reads the segments; call it
    /// from `spawn_blocking` in async code).
    pub fn query(&self, filter: &QueryFilter) -> Result<Vec<Entry>, AuditError> {
        query::run(&self.inner.dir, &self.inner.index, filter)
    }

    /// Aggregates over the request records matching `filter` (blocking).
    pub fn stats(&self, filter: &QueryFilter) -> Result<Stats, AuditError> {
        query::stats(&self.inner.dir, &self.inner.index, filter)
    }

    /// Stop the writer after a final checkpoint and wait for it, if this is
    /// the last clone (other clones keep the log open).
    pub fn close(self) {
        drop(self);
    }
}

/// Read access to a stopped proxy's audit directory through its index
/// (which it catches up first). Holds the index lock while open.
#[derive(Debug)]
pub struct AuditReader {
    dir: PathBuf,
    index: Index,
    indexed: u64,
}

impl AuditReader {
    /// Open the index of the audit directory `dir`;
    /// [`AuditError::Locked`] if a proxy has it.
    pub fn open(dir: &Path) -> Result<AuditReader, AuditError> {
        if !dir.join(segment::SEGMENTS_DIR).is_dir() {
            return Err(AuditError::io(
                &dir.join(segment::SEGMENTS_DIR),
                io::Error::new(io::ErrorKind::NotFound, "no audit log here"),
            ));
        }
        let index = Index::open(&dir.join(index::INDEX_DIR))?;
        let tail = writer::recover(dir)?;
        let indexed = index::catch_up(dir, &index, tail.next_seq)?;
        Ok(AuditReader {
            dir: dir.to_path_buf(),
            index,
            indexed,
        })
    }

    /// Records indexed while opening.
    pub fn indexed(&self) -> u64 {
        self.indexed
    }

    /// See [`AuditLog::query`].
    pub fn query(&self, filter: &QueryFilter) -> Result<Vec<Entry>, AuditError> {
        query::run(&self.dir, &self.index, filter)
    }

    /// See [`AuditLog::stats`].
    pub fn stats(&self, filter: &QueryFilter) -> Result<Stats, AuditError> {
        query::stats(&self.dir, &self.index, filter)
    }
}

/// Rebuild the index of the audit directory `dir` from its segments (the
/// proxy must be stopped). Returns how many records were indexed.
pub fn reindex(dir: &Path) -> Result<u64, AuditError> {
    let path = dir.join(index::INDEX_DIR);
    // Take the lock first so a running proxy's index is never removed.
    drop(Index::open(&path)?);
    std::fs::remove_dir_all(&path).map_err(|e| AuditError::io(&path, e))?;
    let index = Index::open(&path)?;
    let tail = writer::recover(dir)?;
    index::catch_up(dir, &index, tail.next_seq)
}
