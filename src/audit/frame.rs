//! Frames: how a payload (one JSON document) is laid down in a segment file.
//!
//! ```text
//! frame := magic (4 bytes: A5 53 43 52, "\xA5SCR")
//!          len   (u32, little-endian: payload bytes)
//!          crc   (u32, little-endian: CRC-32 (IEEE) of the 4 len bytes, then the payload)
//!          payload (len bytes)
//! ```
//!
//! The checksum tells a torn or damaged frame from a whole one; it is not a
//! defence against tampering (anyone can recompute it): the hash chain and the
//! signed checkpoints are. A scan stops at the first frame that is not whole,
//! because after it there is no trustworthy length to find the next one.

use std::fs::File;
use std::io;
use std::ops::Range;
use std::os::unix::fs::FileExt;

/// Bytes every frame starts with.
pub const MAGIC: [u8; 4] = [0xA5, b'S', b'C', b'R'];
/// Bytes before the payload.
pub const HEADER_LEN: usize = 12;
/// Largest payload accepted (a record is a few hundred bytes to a few KiB).
pub const MAX_PAYLOAD: u32 = 16 << 20;

/// Why the bytes at an offset are not a whole frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameError {
    /// The file ends inside the frame (header or payload).
    Incomplete,
    /// The bytes do not start with the frame magic.
    BadMagic,
    /// The length field is larger than [`MAX_PAYLOAD`].
    TooLarge,
    /// The checksum does not match.
    BadChecksum,
}

impl FrameError {
    /// A short description.
    pub fn describe(self) -> &'static str {
        match self {
            FrameError::Incomplete => "the file ends inside a frame",
            FrameError::BadMagic => "no frame starts here (bad magic)",
            FrameError::TooLarge => "frame length out of range",
            FrameError::BadChecksum => "frame checksum mismatch",
        }
    }
}

fn checksum(len: [u8; 4], payload: &[u8]) -> u32 {
    let mut h = crc32fast::Hasher::new();
    h.update(&len);
    h.update(payload);
    h.finalize()
}

/// Append one frame holding `payload` to `out`.
pub fn encode(payload: &[u8], out: &mut Vec<u8>) {
    // Payloads are bounded by the writer (MAX_PAYLOAD), far below u32::MAX.
    let len = (payload.len() as u32).to_le_bytes();
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&len);
    out.extend_from_slice(&checksum(len, payload).to_le_bytes());
    out.extend_from_slice(payload);
}

fn le32(b: &[u8]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// Check a frame header; `Ok(payload len)`.
fn check_header(h: &[u8]) -> Result<u32, FrameError> {
    if h[..4] != MAGIC {
        return Err(FrameError::BadMagic);
    }
    let len = le32(&h[4..8]);
    if len > MAX_PAYLOAD {
        return Err(FrameError::TooLarge);
    }
    Ok(len)
}

/// The frame at `offset` of `buf`: the payload's byte range.
pub fn decode_at(buf: &[u8], offset: usize) -> Result<Range<usize>, FrameError> {
    let Some(h) = buf.get(offset..offset + HEADER_LEN) else {
        // A short run of the magic's first bytes is a torn header; anything else
        // that is not a prefix of a header is garbage.
        let rest = &buf[offset.min(buf.len())..];
        return if MAGIC.starts_with(&rest[..rest.len().min(4)]) {
            Err(FrameError::Incomplete)
        } else {
            Err(FrameError::BadMagic)
        };
    };
    let len = check_header(h)? as usize;
    let start = offset + HEADER_LEN;
    let Some(payload) = buf.get(start..start + len) else {
        return Err(FrameError::Incomplete);
    };
    if checksum([h[4], h[5], h[6], h[7]], payload) != le32(&h[8..12]) {
        return Err(FrameError::BadChecksum);
    }
    Ok(start..start + len)
}

/// The whole frames at the start of `buf`, and where and why the scan stopped
/// if it did not reach the end.
#[derive(Debug, Default)]
pub struct Scan {
    /// `(frame offset, payload range)` of each whole frame, in order.
    pub frames: Vec<(usize, Range<usize>)>,
    /// The offset of the first byte that is not part of a whole frame, and why.
    pub stop: Option<(usize, FrameError)>,
}

/// Scan `buf` from `start` to its end.
pub fn scan(buf: &[u8], start: usize) -> Scan {
    let mut out = Scan::default();
    let mut at = start;
    while at < buf.len() {
        match decode_at(buf, at) {
            Ok(range) => {
                let next = range.end;
                out.frames.push((at, range));
                at = next;
            }
            Err(e) => {
                out.stop = Some((at, e));
                break;
            }
        }
    }
    out
}

/// Read the frame at `offset` of `file`: its payload, or why it is not whole.
pub fn read_at(file: &File, offset: u64) -> io::Result<Result<Vec<u8>, FrameError>> {
    let mut h = [0u8; HEADER_LEN];
    match file.read_exact_at(&mut h, offset) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
            return Ok(Err(FrameError::Incomplete))
        }
        Err(e) => return Err(e),
    }
    let len = match check_header(&h) {
        Ok(len) => len,
        Err(e) => return Ok(Err(e)),
    };
    let mut payload = vec![0u8; len as usize];
    match file.read_exact_at(&mut payload, offset + HEADER_LEN as u64) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
            return Ok(Err(FrameError::Incomplete))
        }
        Err(e) => return Err(e),
    }
    if checksum([h[4], h[5], h[6], h[7]], &payload) != le32(&h[8..12]) {
        return Ok(Err(FrameError::BadChecksum));
    }
    Ok(Ok(payload))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_frames() -> Vec<u8> {
        let mut buf = Vec::new();
        encode(b"{\"a\":1}", &mut buf);
        encode(b"{\"b\":22}", &mut buf);
        buf
    }

    #[test]
    fn round_trip() {
        let buf = two_frames();
        let s = scan(&buf, 0);
        assert!(s.stop.is_none());
        assert_eq!(s.frames.len(), 2);
        assert_eq!(&buf[s.frames[1].1.clone()], b"{\"b\":22}");
        assert_eq!(s.frames[1].0, HEADER_LEN + 7);
    }

    #[test]
    fn every_truncation_is_incomplete() {
        let buf = two_frames();
        let second = HEADER_LEN + 7;
        for cut in second + 1..buf.len() {
            let s = scan(&buf[..cut], 0);
            assert_eq!(s.frames.len(), 1, "cut {cut}");
            assert_eq!(s.stop, Some((second, FrameError::Incomplete)), "cut {cut}");
        }
    }

    #[test]
    fn damage_is_detected() {
        let buf = two_frames();
        for i in 0..HEADER_LEN + 7 {
            let mut b = buf.clone();
            b[i] ^= 0x40;
            let s = scan(&b, 0);
            assert!(s.frames.is_empty(), "flip at {i}");
            assert!(s.stop.is_some_and(|(at, _)| at == 0), "flip at {i}");
        }
        let mut zeros = buf.clone();
        zeros.extend_from_slice(&[0; 20]);
        assert_eq!(
            scan(&zeros, 0).stop,
            Some((buf.len(), FrameError::BadMagic))
        );
    }
}
