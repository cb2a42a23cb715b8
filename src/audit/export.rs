//! Export for a SIEM, read straight from the segments (no index, no lock: it
//! works against a running proxy's directory too).
//!
//! - `jsonl`: every record of the period, every kind, exactly the bytes that
//!   were hashed, one per line — a SIEM can re-verify the chain links itself;
//! - `csv`: one row per request ([`query::CSV_COLUMNS`]), joined with its
//!   completion when that follows within [`CSV_JOIN_WINDOW`] records.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use super::id::RecordId;
use super::query::{self, Entry};
use super::record::{Event, Record};
use super::segment;
use super::AuditError;

/// How many later records the CSV export looks through for a completion.
pub const CSV_JOIN_WINDOW: usize = 65_536;

/// Export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The records as stored, one JSON object per line.
    Jsonl,
    /// One CSV row per request.
    Csv,
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Records read in the period.
    pub records: u64,
    /// Lines written (records for JSONL, requests for CSV; header excluded).
    pub lines: u64,
    /// Segments with bytes that are not whole records (export stopped there
    /// in that segment; run `scrim audit verify`).
    pub damaged_segments: u64,
}

/// Export the records of the audit directory `dir` whose time is within
/// `since..=until` (ms; `None` is open).
pub fn export(
    dir: &Path,
    since: Option<u64>,
    until: Option<u64>,
    format: ExportFormat,
    out: &mut impl Write,
) -> Result<ExportSummary, AuditError> {
    let mut sum = ExportSummary::default();
    let mut pending: BTreeMap<u64, Entry> = BTreeMap::new();
    let mut by_id: HashMap<RecordId, u64> = HashMap::new();
    let w = |e: io::Error| AuditError::io(Path::new("<output>"), e);
    if format == ExportFormat::Csv {
        query::write_csv_header(out).map_err(w)?;
    }
    let in_period = |t: u64| since.is_none_or(|s| t >= s) && until.is_none_or(|u| t <= u);
    for s in segment::list(dir)? {
        let bytes = match fs::read(&s.path) {
            Ok(b) => b,
            // Removed by retention between listing and reading.
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(AuditError::io(&s.path, e)),
        };
        let scan = segment::scan(&bytes);
        if scan.stop.is_some() {
            sum.damaged_segments += 1;
        }
        for (_, range) in scan.records {
            let payload = &bytes[range];
            let Ok(record) = serde_json::from_slice::<Record>(payload) else {
                continue;
            };
            if !in_period(record.time.0) {
                continue;
            }
            sum.records += 1;
            match format {
                ExportFormat::Jsonl => {
                    out.write_all(payload).map_err(w)?;
                    out.write_all(b"\n").map_err(w)?;
                    sum.lines += 1;
                }
                ExportFormat::Csv => match record.event {
                    Event::Request(_) => {
                        by_id.insert(record.id, record.seq);
                        pending.insert(
                            record.seq,
                            Entry {
                                record,
                                completion: None,
                            },
                        );
                        if pending.len() > CSV_JOIN_WINDOW {
                            if let Some((_, e)) = pending.pop_first() {
                                by_id.remove(&e.record.id);
                                query::write_csv_rows(&[e], out).map_err(w)?;
                                sum.lines += 1;
                            }
                        }
                    }
                    Event::Completion(c) => {
                        if let Some(seq) = by_id.remove(&c.of) {
                            if let Some(e) = pending.get_mut(&seq) {
                                e.completion = Some(c);
                            }
                        }
                    }
                    _ => {}
                },
            }
        }
    }
    let rest: Vec<Entry> = pending.into_values().collect();
    sum.lines += rest.len() as u64;
    query::write_csv_rows(&rest, out).map_err(w)?;
    out.flush().map_err(w)?;
    Ok(sum)
}
