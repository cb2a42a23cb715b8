//! The query index: sled trees that point into the segments. Never the
//! evidence (DESIGN.md): sled's flush is not a durability barrier and its format
//! is unstable, so everything here is rebuilt from the segments — caught up at
//! every open from the index's own high-water mark, or from scratch by
//! `scrim audit reindex`. Query results are read from the segments, so a damaged
//! index can hide a record from a query but never alter one.
//!
//! Trees (all integers big-endian, so keys sort by time):
//!
//! | tree | key | value |
//! |---|---|---|
//! | `records` | seq | segment, offset of the frame |
//! | `ids` | record id (16 bytes) | seq |
//! | `completions` | seq of a request | seq of its completion |
//! | `by_time` | ms, seq | |
//! | `by_decision` | action, ms, seq | |
//! | `by_label` | label, ms, seq | |
//! | `by_destination` | host, 0, ms, seq | |
//! | `by_client` | address or identity, 0, ms, seq | |
//! | `by_policy` | policy name, 0, ms, seq | |
//! | `by_value` | value hash (32 bytes), seq | |
//! | `meta` | `next_seq` | the first seq not yet indexed |
//!
//! Only request records enter the `by_*` trees. sled also locks its directory,
//! which is what keeps a second writer (or an offline query) away from a live
//! proxy's log.

use std::collections::HashMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use super::frame;
use super::record::{Event, Record};
use super::segment;
use super::AuditError;
use crate::policy::Action;

/// Directory of the index inside the audit directory.
pub const INDEX_DIR: &str = "index";

/// How long opening waits for a lock a closed handle has not released yet.
pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// Where a record's frame is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Loc {
    pub segment: u64,
    pub offset: u64,
}

/// The open index.
#[derive(Clone)]
pub(crate) struct Index {
    path: PathBuf,
    db: sled::Db,
    records: sled::Tree,
    ids: sled::Tree,
    completions: sled::Tree,
    by_time: sled::Tree,
    by_decision: sled::Tree,
    by_label: sled::Tree,
    by_destination: sled::Tree,
    by_client: sled::Tree,
    by_policy: sled::Tree,
    by_value: sled::Tree,
    meta: sled::Tree,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Index({})", self.path.display())
    }
}

/// Which secondary tree a scan uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tree {
    Time,
    Decision,
    Label,
    Destination,
    Client,
    Policy,
}

fn time_key(ms: u64, seq: u64) -> [u8; 16] {
    let mut k = [0u8; 16];
    k[..8].copy_from_slice(&ms.to_be_bytes());
    k[8..].copy_from_slice(&seq.to_be_bytes());
    k
}

/// The prefix of a string key: the bytes without NULs, then a NUL.
pub(crate) fn string_prefix(s: &str) -> Vec<u8> {
    let mut k: Vec<u8> = s.bytes().filter(|&b| b != 0).collect();
    k.push(0);
    k
}

fn keyed(prefix: &[u8], ms: u64, seq: u64) -> Vec<u8> {
    let mut k = prefix.to_vec();
    k.extend_from_slice(&time_key(ms, seq));
    k
}

fn be64(b: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(b.get(..8)?.try_into().ok()?))
}

pub(crate) fn action_byte(a: Action) -> u8 {
    a as u8
}

impl Index {
    /// Open (or create) the index at `path`.
    ///
    /// sled 0.34 releases its directory lock lazily after the last handle is
    /// dropped (spacejam/sled#1234), so a reopen right after a close can see
    /// the lock for a few milliseconds: contention is retried for up to
    /// [`LOCK_WAIT`]. A live proxy holds the lock far longer, so
    /// [`AuditError::Locked`] still reports it.
    pub fn open(path: &Path) -> Result<Index, AuditError> {
        let start = std::time::Instant::now();
        let db = loop {
            let opened = sled::Config::new()
                .path(path)
                .cache_capacity(64 << 20)
                .flush_every_ms(Some(1000))
                .open()
                .map_err(|e| sled_open_error(path, e));
            match opened {
                Err(AuditError::Locked { .. }) if start.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                other => break other?,
            }
        };
        let t = |name: &str| {
            db.open_tree(name).map_err(|e| AuditError::Index {
                path: path.to_path_buf(),
                message: e.to_string(),
            })
        };
        Ok(Index {
            path: path.to_path_buf(),
            records: t("records")?,
            ids: t("ids")?,
            completions: t("completions")?,
            by_time: t("by_time")?,
            by_decision: t("by_decision")?,
            by_label: t("by_label")?,
            by_destination: t("by_destination")?,
            by_client: t("by_client")?,
            by_policy: t("by_policy")?,
            by_value: t("by_value")?,
            meta: t("meta")?,
            db,
        })
    }

    fn err(&self, e: sled::Error) -> AuditError {
        AuditError::Index {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    /// The first seq not yet indexed.
    pub fn next_seq(&self) -> Result<u64, AuditError> {
        Ok(self
            .meta
            .get(b"next_seq")
            .map_err(|e| self.err(e))?
            .and_then(|v| be64(&v))
            .unwrap_or(0))
    }

    /// Empty every tree.
    pub fn clear(&self) -> Result<(), AuditError> {
        for t in self.trees() {
            t.clear().map_err(|e| self.err(e))?;
        }
        self.meta.clear().map_err(|e| self.err(e))
    }

    fn trees(&self) -> [&sled::Tree; 10] {
        [
            &self.records,
            &self.ids,
            &self.completions,
            &self.by_time,
            &self.by_decision,
            &self.by_label,
            &self.by_destination,
            &self.by_client,
            &self.by_policy,
            &self.by_value,
        ]
    }

    /// Index records (in seq order) and move the high-water mark past them.
    pub fn insert(&self, items: &[(Loc, Record)]) -> Result<(), AuditError> {
        let Some((_, last)) = items.last() else {
            return Ok(());
        };
        let e = |e| self.err(e);
        for (loc, r) in items {
            let seq = r.seq;
            let mut v = [0u8; 16];
            v[..8].copy_from_slice(&loc.segment.to_be_bytes());
            v[8..].copy_from_slice(&loc.offset.to_be_bytes());
            self.records.insert(seq.to_be_bytes(), &v[..]).map_err(e)?;
            self.ids
                .insert(r.id.to_bytes(), &seq.to_be_bytes()[..])
                .map_err(e)?;
            let ms = r.time.0;
            match &r.event {
                Event::Request(d) => {
                    let empty: &[u8] = &[];
                    self.by_time.insert(time_key(ms, seq), empty).map_err(e)?;
                    self.by_decision
                        .insert(keyed(&[action_byte(d.decision.action)], ms, seq), empty)
                        .map_err(e)?;
                    for (label, n) in &d.decision.labels {
                        if *n > 0 {
                            self.by_label
                                .insert(keyed(&[label.index() as u8], ms, seq), empty)
                                .map_err(e)?;
                        }
                    }
                    self.by_destination
                        .insert(keyed(&string_prefix(&d.destination.host), ms, seq), empty)
                        .map_err(e)?;
                    let addr = d.client.addr.map(|a| a.to_string());
                    for c in [addr.as_deref(), d.client.identity.as_deref()]
                        .into_iter()
                        .flatten()
                    {
                        self.by_client
                            .insert(keyed(&string_prefix(c), ms, seq), empty)
                            .map_err(e)?;
                    }
                    self.by_policy
                        .insert(keyed(&string_prefix(&d.policy.name), ms, seq), empty)
                        .map_err(e)?;
                    for (_, h) in &d.value_hashes {
                        let mut k = h.to_bytes().to_vec();
                        k.extend_from_slice(&seq.to_be_bytes());
                        self.by_value.insert(k, empty).map_err(e)?;
                    }
                }
                Event::Completion(c) => {
                    if let Some(req) = self.ids.get(c.of.to_bytes()).map_err(e)? {
                        self.completions
                            .insert(req, &seq.to_be_bytes()[..])
                            .map_err(e)?;
                    }
                }
                Event::Recovery(_) | Event::Retention(_) => {}
            }
        }
        self.meta
            .insert(b"next_seq", &(last.seq + 1).to_be_bytes()[..])
            .map_err(e)?;
        Ok(())
    }

    /// Where record `seq` is.
    pub fn locate(&self, seq: u64) -> Result<Option<Loc>, AuditError> {
        let v = self
            .records
            .get(seq.to_be_bytes())
            .map_err(|e| self.err(e))?;
        Ok(v.and_then(|v| {
            Some(Loc {
                segment: be64(&v)?,
                offset: be64(v.get(8..)?)?,
            })
        }))
    }

    /// The seq of the completion of request `seq`.
    pub fn completion_of(&self, seq: u64) -> Result<Option<u64>, AuditError> {
        let v = self
            .completions
            .get(seq.to_be_bytes())
            .map_err(|e| self.err(e))?;
        Ok(v.and_then(|v| be64(&v)))
    }

    /// Request seqs whose value hashes include one of `hashes`, ascending.
    pub fn by_value(&self, hashes: &[[u8; 32]]) -> Result<Vec<u64>, AuditError> {
        let mut out = Vec::new();
        for h in hashes {
            for kv in self.by_value.scan_prefix(h) {
                let (k, _) = kv.map_err(|e| self.err(e))?;
                if let Some(seq) = k.get(32..).and_then(be64) {
                    out.push(seq);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        Ok(out)
    }

    /// Request seqs in `tree` under `prefix`, between `since` and `until`
    /// (ms, inclusive), ascending or descending.
    pub fn scan(
        &self,
        tree: Tree,
        prefix: &[u8],
        since: u64,
        until: u64,
        descending: bool,
    ) -> Box<dyn Iterator<Item = Result<u64, AuditError>> + '_> {
        let t = match tree {
            Tree::Time => &self.by_time,
            Tree::Decision => &self.by_decision,
            Tree::Label => &self.by_label,
            Tree::Destination => &self.by_destination,
            Tree::Client => &self.by_client,
            Tree::Policy => &self.by_policy,
        };
        let lo = keyed(prefix, since, 0);
        let hi = keyed(prefix, until, u64::MAX);
        let n = prefix.len();
        let map = move |kv: sled::Result<(sled::IVec, sled::IVec)>| {
            let (k, _) = kv.map_err(|e| self.err(e))?;
            k.get(n + 8..)
                .and_then(be64)
                .ok_or_else(|| AuditError::Corrupt("malformed index key".into()))
        };
        let range = t.range(lo..=hi);
        if descending {
            Box::new(range.rev().map(map))
        } else {
            Box::new(range.map(map))
        }
    }

    /// Write sled's buffers out (not a durability guarantee; nothing depends on it).
    pub fn flush(&self) {
        let _ = self.db.flush();
    }
}

fn sled_open_error(path: &Path, e: sled::Error) -> AuditError {
    let message = e.to_string();
    if message.contains("could not acquire lock") {
        AuditError::Locked {
            path: path.to_path_buf(),
        }
    } else {
        AuditError::Index {
            path: path.to_path_buf(),
            message,
        }
    }
}

/// Reads records from the segments by location, keeping files open.
#[derive(Debug)]
pub(crate) struct SegmentReader {
    dir: PathBuf,
    files: HashMap<u64, Option<File>>,
}

impl SegmentReader {
    pub fn new(dir: &Path) -> SegmentReader {
        SegmentReader {
            dir: dir.to_path_buf(),
            files: HashMap::new(),
        }
    }

    /// The record at `loc`; `None` if its segment is gone (retention).
    pub fn read(&mut self, loc: Loc) -> Result<Option<Record>, AuditError> {
        let path = segment::path(&self.dir, loc.segment);
        if let std::collections::hash_map::Entry::Vacant(slot) = self.files.entry(loc.segment) {
            let f = match File::open(&path) {
                Ok(f) => Some(f),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => return Err(AuditError::io(&path, e)),
            };
            slot.insert(f);
        }
        let Some(Some(f)) = self.files.get(&loc.segment) else {
            return Ok(None);
        };
        let payload = frame::read_at(f, loc.offset)
            .map_err(|e| AuditError::io(&path, e))?
            .map_err(|e| {
                AuditError::Corrupt(format!(
                    "{} at offset {}: {}",
                    path.display(),
                    loc.offset,
                    e.describe()
                ))
            })?;
        serde_json::from_slice(&payload).map(Some).map_err(|e| {
            AuditError::Corrupt(format!("{} at offset {}: {e}", path.display(), loc.offset))
        })
    }
}

/// Bring the index up to the segments: index every whole record from the
/// index's high-water mark on. Returns how many records were indexed. An index
/// that is ahead of the segments (restored from elsewhere) is rebuilt.
pub(crate) fn catch_up(dir: &Path, index: &Index, chain_next_seq: u64) -> Result<u64, AuditError> {
    let mut from = index.next_seq()?;
    if from > chain_next_seq {
        index.clear()?;
        from = 0;
    }
    if from == chain_next_seq {
        return Ok(0);
    }
    let segs = segment::list(dir)?;
    // Start in the last segment whose first record is at or before `from`.
    let mut start = 0;
    for (i, s) in segs.iter().enumerate() {
        if let Ok(h) = segment::read_header(&s.path)? {
            if h.first_seq <= from {
                start = i;
            }
        }
    }
    let mut count = 0;
    let mut batch: Vec<(Loc, Record)> = Vec::new();
    for s in &segs[start..] {
        let bytes = fs::read(&s.path).map_err(|e| AuditError::io(&s.path, e))?;
        let scan = segment::scan(&bytes);
        for (offset, range) in scan.records {
            let Ok(r) = serde_json::from_slice::<Record>(&bytes[range]) else {
                continue;
            };
            if r.seq < from {
                continue;
            }
            batch.push((
                Loc {
                    segment: s.number,
                    offset: offset as u64,
                },
                r,
            ));
            if batch.len() >= 1024 {
                index.insert(&batch)?;
                count += batch.len() as u64;
                batch.clear();
            }
        }
    }
    count += batch.len() as u64;
    index.insert(&batch)?;
    index.flush();
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_by_time_within_a_prefix() {
        let a = keyed(&string_prefix("api.openai.com"), 5, 9);
        let b = keyed(&string_prefix("api.openai.com"), 6, 1);
        let c = keyed(&string_prefix("api.openai.co"), 7, 1);
        assert!(a < b);
        assert!(
            c < a,
            "a shorter host is its own prefix, not a range of the longer"
        );
        assert_eq!(string_prefix("a\0b"), b"ab\0");
    }
}
