//! Segment files: `segments/0000000001.seg`, `0000000002.seg`, … in the audit
//! directory. Each is a sequence of [frames](super::frame); the first frame is
//! the segment header, every other frame is one [`Record`](super::Record).
//!
//! ```json
//! {"format":"scrim-audit-segment","v":1,"segment":2,"first_seq":18231,
//!  "prev":"<hash of record 18230>","created":"2025-11-24T02:50:00.123Z"}
//! ```
//!
//! The header is not part of the hash chain (the records carry the links), but
//! verification checks that it agrees with the file name and with the chain, so
//! a renamed, swapped or truncated segment is named as such.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::frame::{self, FrameError};
use super::keys::sync_dir;
use super::record::{ChainHash, Timestamp};
use super::AuditError;

/// Directory of the segments, inside the audit directory.
pub const SEGMENTS_DIR: &str = "segments";
/// `format` of a segment header.
pub const SEGMENT_FORMAT: &str = "scrim-audit-segment";
/// Segment format version.
pub const SEGMENT_VERSION: u32 = 1;

/// The first frame of every segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentHeader {
    /// Always [`SEGMENT_FORMAT`].
    pub format: String,
    /// Segment format version.
    pub v: u32,
    /// This segment's number (matches the file name).
    pub segment: u64,
    /// `seq` of the first record in it.
    pub first_seq: u64,
    /// Hash of the record before `first_seq` ([`ChainHash::GENESIS`] for seq 0).
    pub prev: ChainHash,
    /// When the segment was started.
    pub created: Timestamp,
}

impl SegmentHeader {
    /// A header for a new segment.
    pub fn new(segment: u64, first_seq: u64, prev: ChainHash, created: Timestamp) -> Self {
        SegmentHeader {
            format: SEGMENT_FORMAT.to_string(),
            v: SEGMENT_VERSION,
            segment,
            first_seq,
            prev,
            created,
        }
    }
}

/// A segment file found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentFile {
    /// Number from the file name.
    pub number: u64,
    /// Full path.
    pub path: PathBuf,
}

impl SegmentFile {
    /// The file name (what reports show).
    pub fn name(&self) -> String {
        file_name(self.number)
    }
}

/// `0000000042.seg`.
pub fn file_name(number: u64) -> String {
    format!("{number:010}.seg")
}

/// The path of segment `number` in the audit directory `dir`.
pub fn path(dir: &Path, number: u64) -> PathBuf {
    dir.join(SEGMENTS_DIR).join(file_name(number))
}

fn parse_name(name: &str) -> Option<u64> {
    let digits = name.strip_suffix(".seg")?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The segments of the audit directory `dir`, by number.
pub fn list(dir: &Path) -> Result<Vec<SegmentFile>, AuditError> {
    let seg_dir = dir.join(SEGMENTS_DIR);
    let entries = match fs::read_dir(&seg_dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(AuditError::io(&seg_dir, e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| AuditError::io(&seg_dir, e))?;
        let name = entry.file_name();
        if let Some(number) = name.to_str().and_then(parse_name) {
            out.push(SegmentFile {
                number,
                path: entry.path(),
            });
        }
    }
    out.sort_by_key(|s| s.number);
    Ok(out)
}

/// Why a segment's header cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderProblem {
    /// The header frame is not whole.
    Frame(FrameError),
    /// The frame is whole but not a segment header.
    Invalid(String),
}

/// What a segment's bytes hold.
#[derive(Debug)]
pub struct SegmentScan {
    /// The header, or why it is unreadable.
    pub header: Result<SegmentHeader, HeaderProblem>,
    /// `(frame offset, payload range)` of each whole record frame.
    pub records: Vec<(usize, Range<usize>)>,
    /// Where the whole frames end before the end of the file, and why.
    pub stop: Option<(usize, FrameError)>,
}

/// Scan a segment's bytes.
pub fn scan(bytes: &[u8]) -> SegmentScan {
    let mut s = frame::scan(bytes, 0);
    if s.frames.is_empty() {
        let why = s.stop.map_or(FrameError::Incomplete, |(_, e)| e);
        return SegmentScan {
            header: Err(HeaderProblem::Frame(why)),
            records: Vec::new(),
            stop: s.stop,
        };
    }
    let (_, hrange) = s.frames.remove(0);
    let header = serde_json::from_slice::<SegmentHeader>(&bytes[hrange])
        .map_err(|e| HeaderProblem::Invalid(e.to_string()))
        .and_then(|h| {
            if h.format == SEGMENT_FORMAT {
                Ok(h)
            } else {
                Err(HeaderProblem::Invalid(format!("format `{}`", h.format)))
            }
        });
    SegmentScan {
        header,
        records: s.frames,
        stop: s.stop,
    }
}

/// Read just the header of a segment file.
pub fn read_header(path: &Path) -> Result<Result<SegmentHeader, HeaderProblem>, AuditError> {
    let f = File::open(path).map_err(|e| AuditError::io(path, e))?;
    match frame::read_at(&f, 0).map_err(|e| AuditError::io(path, e))? {
        Ok(payload) => {
            Ok(serde_json::from_slice(&payload).map_err(|e| HeaderProblem::Invalid(e.to_string())))
        }
        Err(e) => Ok(Err(HeaderProblem::Frame(e))),
    }
}

/// Create segment `header.segment` with its header frame, durable (file and
/// directory synced). Fails if the file exists.
pub fn create(dir: &Path, header: &SegmentHeader) -> Result<File, AuditError> {
    let seg_dir = dir.join(SEGMENTS_DIR);
    fs::create_dir_all(&seg_dir).map_err(|e| AuditError::io(&seg_dir, e))?;
    let p = path(dir, header.segment);
    let mut f = OpenOptions::new()
        .append(true)
        .create_new(true)
        .open(&p)
        .map_err(|e| AuditError::io(&p, e))?;
    let payload = serde_json::to_vec(header).map_err(|e| AuditError::Corrupt(e.to_string()))?;
    let mut buf = Vec::with_capacity(payload.len() + frame::HEADER_LEN);
    frame::encode(&payload, &mut buf);
    f.write_all(&buf)
        .and_then(|()| f.sync_all())
        .map_err(|e| AuditError::io(&p, e))?;
    sync_dir(&seg_dir)?;
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(file_name(42), "0000000042.seg");
        assert_eq!(parse_name("0000000042.seg"), Some(42));
        assert_eq!(parse_name("42.seg"), Some(42));
        for bad in ["x.seg", ".seg", "0000000042.seg.tmp", "0000000042"] {
            assert_eq!(parse_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn create_list_scan() {
        let dir = tempfile::tempdir().unwrap();
        let h = SegmentHeader::new(3, 10, ChainHash([5; 32]), Timestamp(1000));
        drop(create(dir.path(), &h).unwrap());
        assert!(create(dir.path(), &h).is_err(), "never overwrites");
        let segs = list(dir.path()).unwrap();
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].number, 3);
        let bytes = fs::read(&segs[0].path).unwrap();
        let s = scan(&bytes);
        assert_eq!(s.header, Ok(h.clone()));
        assert!(s.records.is_empty() && s.stop.is_none());
        assert_eq!(read_header(&segs[0].path).unwrap(), Ok(h));
        let torn = scan(&bytes[..5]);
        assert_eq!(
            torn.header,
            Err(HeaderProblem::Frame(FrameError::Incomplete))
        );
    }
}
