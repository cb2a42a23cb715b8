//! `Content-Encoding` decoding, bounded so that a compression bomb costs at most
//! the configured limit.
//!
//! Owns: turning a body as it came off the wire into the bytes the client meant,
//! for `identity`, `gzip`/`x-gzip`, `deflate` (zlib-wrapped as RFC 9110 says, and
//! raw DEFLATE as some clients send it), `br` and `zstd`, including stacked
//! codings (`Content-Encoding: gzip, br` means gzip was applied first, so br is
//! undone first).
//!
//! Invariants:
//! - no stage ever holds more than `max_decoded_bytes + 1` output bytes: decoders
//!   are read through `Read::take`, and the first byte past the limit ends the
//!   decode with [`InspectError::TooLarge`] (the policy's `body_too_large`);
//! - a zstd frame asking for a window far beyond the limit is refused before any
//!   buffer is reserved for it;
//! - an unknown coding is refused before any decoding ([`InspectError::UnknownEncoding`]),
//!   corrupt or truncated data is [`InspectError::Undecodable`]; neither carries body bytes.
//!
//! **Rewritten bodies are forwarded uncompressed.** When scrim rewrites a body
//! (redaction, restoration, translation) the proxy sends the plain bytes, removes
//! `Content-Encoding` and sets `Content-Length` to the new length. Every provider
//! API and every HTTP client accepts an identity body; re-encoding would only
//! spend CPU in the request path and add a second compressor to audit. Bodies
//! that are forwarded unchanged keep their original bytes and headers. For the
//! same reason no encoder is linked into the binary (the brotli encoder is a
//! dev-dependency that makes test fixtures).

use std::io::Read;

use super::InspectError;

/// At most this many stacked codings; more is not something a real client sends
/// and would only multiply the work a bomb can cause.
pub const MAX_STACKED_ENCODINGS: usize = 4;

/// zstd windows up to this size are always accepted: every zstd level up to 19
/// stays within it (`--ultra` and `--long` frames may ask for more).
const ZSTD_WINDOW_FLOOR_BYTES: u64 = 8 << 20;

/// One content coding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    /// No transformation.
    Identity,
    /// gzip (RFC 1952), also `x-gzip`; multi-member streams are decoded whole.
    Gzip,
    /// zlib-wrapped DEFLATE (RFC 1950) or raw DEFLATE (RFC 1951).
    Deflate,
    /// Brotli (RFC 7932).
    Brotli,
    /// Zstandard (RFC 8878), one or more frames.
    Zstd,
}

impl Coding {
    /// Parse one coding token (case-insensitive, surrounding whitespace ignored).
    pub fn from_token(token: &str) -> Result<Coding, InspectError> {
        match token.trim().to_ascii_lowercase().as_str() {
            "" | "identity" => Ok(Coding::Identity),
            "gzip" | "x-gzip" => Ok(Coding::Gzip),
            "deflate" => Ok(Coding::Deflate),
            "br" => Ok(Coding::Brotli),
            "zstd" => Ok(Coding::Zstd),
            other => Err(InspectError::UnknownEncoding(short_token(other))),
        }
    }

    /// The token, as used in error values.
    pub fn as_str(self) -> &'static str {
        match self {
            Coding::Identity => "identity",
            Coding::Gzip => "gzip",
            Coding::Deflate => "deflate",
            Coding::Brotli => "br",
            Coding::Zstd => "zstd",
        }
    }
}

/// The header value is client-controlled: keep error values short and printable.
fn short_token(token: &str) -> String {
    token
        .chars()
        .filter(|c| c.is_ascii_graphic())
        .take(32)
        .collect()
}

/// Parse a `Content-Encoding` header value into the codings in the order they
/// were applied. `None` and empty mean identity.
pub fn parse_content_encoding(value: Option<&str>) -> Result<Vec<Coding>, InspectError> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let mut codings = Vec::new();
    for token in value.split(',') {
        let coding = Coding::from_token(token)?;
        if coding != Coding::Identity {
            codings.push(coding);
        }
    }
    if codings.len() > MAX_STACKED_ENCODINGS {
        return Err(InspectError::Unsupported(
            "too many stacked content encodings",
        ));
    }
    Ok(codings)
}

/// Decode `body` as described by its `Content-Encoding` header value, stopping
/// with [`InspectError::TooLarge`] as soon as any stage produces more than
/// `max_decoded_bytes`. An identity body over the limit is also `TooLarge`.
pub fn decode_body(
    content_encoding: Option<&str>,
    body: &[u8],
    max_decoded_bytes: usize,
) -> Result<Vec<u8>, InspectError> {
    let codings = parse_content_encoding(content_encoding)?;
    let too_large = InspectError::TooLarge {
        limit_bytes: max_decoded_bytes,
    };
    if codings.is_empty() {
        return if body.len() > max_decoded_bytes {
            Err(too_large)
        } else {
            Ok(body.to_vec())
        };
    }
    // Codings are listed in the order applied; undo the last one first.
    let mut current: Vec<u8> = Vec::new();
    for (i, coding) in codings.iter().rev().enumerate() {
        let input: &[u8] = if i == 0 { body } else { &current };
        let next = decode_one(*coding, input, max_decoded_bytes)?;
        current = next;
    }
    Ok(current)
}

/// Undo one coding.
pub fn decode_one(coding: Coding, input: &[u8], limit: usize) -> Result<Vec<u8>, InspectError> {
    if input.is_empty() {
        // An empty body with a Content-Encoding header carries nothing to hide.
        return Ok(Vec::new());
    }
    let undecodable = InspectError::Undecodable {
        encoding: coding.as_str(),
    };
    let mut out = Vec::new();
    match coding {
        Coding::Identity => {
            if input.len() > limit {
                return Err(InspectError::TooLarge { limit_bytes: limit });
            }
            out.extend_from_slice(input);
        }
        Coding::Gzip => read_bounded(flate2::read::MultiGzDecoder::new(input), &mut out, limit)
            .map_err(|e| e.or(undecodable))?,
        Coding::Deflate => {
            // RFC 9110 says zlib, but some clients send raw DEFLATE: a zlib header is
            // two bytes with CM = 8 and a check value divisible by 31.
            if looks_like_zlib(input) {
                read_bounded(flate2::read::ZlibDecoder::new(input), &mut out, limit)
            } else {
                read_bounded(flate2::read::DeflateDecoder::new(input), &mut out, limit)
            }
            .map_err(|e| e.or(undecodable))?
        }
        Coding::Brotli => read_bounded(
            brotli_decompressor::Decompressor::new(input, 16 * 1024),
            &mut out,
            limit,
        )
        .map_err(|e| e.or(undecodable))?,
        Coding::Zstd => decode_zstd(input, &mut out, limit)?,
    }
    Ok(out)
}

/// The outcome of a bounded read: over the limit, or the decoder failed.
enum ReadFailure {
    TooLarge(usize),
    Corrupt,
}

impl ReadFailure {
    fn or(self, undecodable: InspectError) -> InspectError {
        match self {
            ReadFailure::TooLarge(limit) => InspectError::TooLarge { limit_bytes: limit },
            ReadFailure::Corrupt => undecodable,
        }
    }
}

/// Read `r` to its end into `out`, failing as soon as `out` would exceed `limit`.
fn read_bounded(r: impl Read, out: &mut Vec<u8>, limit: usize) -> Result<(), ReadFailure> {
    let room = limit.saturating_sub(out.len()) as u64;
    // One byte more than the room tells "exactly at the limit" from "over it".
    match r.take(room.saturating_add(1)).read_to_end(out) {
        Ok(_) if out.len() > limit => Err(ReadFailure::TooLarge(limit)),
        Ok(_) => Ok(()),
        Err(_) => Err(ReadFailure::Corrupt),
    }
}

fn looks_like_zlib(input: &[u8]) -> bool {
    match input {
        [cmf, flg, ..] => {
            cmf & 0x0f == 8 && cmf >> 4 <= 7 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0
        }
        _ => false,
    }
}

const ZSTD_MAGIC: u32 = 0xFD2F_B528;
const ZSTD_SKIPPABLE_MASK: u32 = 0xFFFF_FFF0;
const ZSTD_SKIPPABLE_MAGIC: u32 = 0x184D_2A50;

/// Decode every frame of a zstd body. Skippable frames are skipped; each frame's
/// declared window is checked before the decoder reserves a buffer for it.
fn decode_zstd(input: &[u8], out: &mut Vec<u8>, limit: usize) -> Result<(), InspectError> {
    let undecodable = InspectError::Undecodable { encoding: "zstd" };
    let too_large = InspectError::TooLarge { limit_bytes: limit };
    let window_cap = ZSTD_WINDOW_FLOOR_BYTES.max((limit as u64).saturating_mul(2));
    let mut rest = input;
    while !rest.is_empty() {
        let magic = read_u32_le(rest).ok_or(undecodable.clone())?;
        if magic & ZSTD_SKIPPABLE_MASK == ZSTD_SKIPPABLE_MAGIC {
            let len = read_u32_le(&rest[4..]).ok_or(undecodable.clone())? as usize;
            rest = rest
                .get(8usize.saturating_add(len)..)
                .ok_or(undecodable.clone())?;
            continue;
        }
        if magic != ZSTD_MAGIC {
            return Err(undecodable);
        }
        match zstd_window_size(rest) {
            Some(w) if w <= window_cap => {}
            Some(_) => return Err(too_large),
            None => return Err(undecodable),
        }
        let mut reader = rest;
        let decoder = ruzstd::decoding::StreamingDecoder::new(&mut reader)
            .map_err(|_| undecodable.clone())?;
        read_bounded(decoder, out, limit).map_err(|e| e.or(undecodable.clone()))?;
        if reader.len() >= rest.len() {
            // No progress: never loop forever on a frame the decoder did not consume.
            return Err(undecodable);
        }
        rest = reader;
    }
    Ok(())
}

fn read_u32_le(b: &[u8]) -> Option<u32> {
    let bytes: [u8; 4] = b.get(..4)?.try_into().ok()?;
    Some(u32::from_le_bytes(bytes))
}

/// The window a zstd frame declares (RFC 8878 §3.1.1.1.2), from its header.
fn zstd_window_size(frame: &[u8]) -> Option<u64> {
    let descriptor = *frame.get(4)?;
    let single_segment = descriptor & 0x20 != 0;
    if !single_segment {
        let wd = *frame.get(5)?;
        let exponent = u32::from(wd >> 3);
        let base = 1u64 << (10 + exponent);
        return Some(base + (base / 8) * u64::from(wd & 7));
    }
    // Single segment: the window is the frame content size, which follows the
    // dictionary id.
    let dict_len = [0usize, 1, 2, 4][usize::from(descriptor & 3)];
    let fcs_len = [1usize, 2, 4, 8][usize::from(descriptor >> 6)];
    let start = 5 + dict_len;
    let field = frame.get(start..start + fcs_len)?;
    let mut size = 0u64;
    for (i, b) in field.iter().enumerate() {
        size |= u64::from(*b) << (8 * i);
    }
    if fcs_len == 2 {
        size += 256;
    }
    Some(size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const TEXT: &[u8] = br#"{"model":"gpt-4o","messages":[{"role":"user","content":"Hi, I am Jane Roe, jane@example.com"}]}"#;

    fn gzip(b: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(b).unwrap();
        e.finish().unwrap()
    }
    fn zlib(b: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(b).unwrap();
        e.finish().unwrap()
    }
    fn raw_deflate(b: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(b).unwrap();
        e.finish().unwrap()
    }
    fn br(b: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut w = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
            w.write_all(b).unwrap();
        }
        out
    }
    fn zstd(b: &[u8]) -> Vec<u8> {
        ruzstd::encoding::compress_to_vec(b, ruzstd::encoding::CompressionLevel::Fastest)
    }

    #[test]
    fn every_coding_round_trips() {
        let cases: Vec<(Option<&str>, Vec<u8>)> = vec![
            (None, TEXT.to_vec()),
            (Some("identity"), TEXT.to_vec()),
            (Some(""), TEXT.to_vec()),
            (Some("gzip"), gzip(TEXT)),
            (Some("x-gzip"), gzip(TEXT)),
            (Some(" GZip "), gzip(TEXT)),
            (Some("deflate"), zlib(TEXT)),
            (Some("deflate"), raw_deflate(TEXT)),
            (Some("br"), br(TEXT)),
            (Some("zstd"), zstd(TEXT)),
            // Applied gzip first, then br: decoded br first.
            (Some("gzip, br"), br(&gzip(TEXT))),
            (Some("zstd,deflate"), zlib(&zstd(TEXT))),
            (Some("identity, gzip"), gzip(TEXT)),
        ];
        for (header, body) in cases {
            assert_eq!(
                decode_body(header, &body, 1 << 20).unwrap(),
                TEXT,
                "{header:?}"
            );
        }
    }

    #[test]
    fn multi_member_gzip_and_multi_frame_zstd() {
        let mut two = gzip(b"first ");
        two.extend(gzip(b"second"));
        assert_eq!(
            decode_body(Some("gzip"), &two, 100).unwrap(),
            b"first second"
        );
        let mut frames = zstd(b"one ");
        // A skippable frame between two data frames (magic, length 3, payload).
        frames.extend([0x50, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 9, 9, 9]);
        frames.extend(zstd(b"two"));
        assert_eq!(decode_body(Some("zstd"), &frames, 100).unwrap(), b"one two");
    }

    #[test]
    fn bombs_stop_at_the_limit() {
        let zeros = vec![0u8; 4 << 20];
        for (header, body) in [
            ("gzip", gzip(&zeros)),
            ("deflate", zlib(&zeros)),
            ("br", br(&zeros)),
            ("zstd", zstd(&zeros)),
            ("gzip, gzip", gzip(&gzip(&zeros))),
        ] {
            assert!(body.len() < 64 << 10, "{header}: fixture is a bomb");
            assert_eq!(
                decode_body(Some(header), &body, 1 << 20),
                Err(InspectError::TooLarge {
                    limit_bytes: 1 << 20
                }),
                "{header}"
            );
        }
        // Exactly at the limit is fine.
        assert_eq!(
            decode_body(Some("gzip"), &gzip(&zeros), 4 << 20)
                .unwrap()
                .len(),
            4 << 20
        );
        assert!(matches!(
            decode_body(None, &zeros, 100),
            Err(InspectError::TooLarge { limit_bytes: 100 })
        ));
    }

    #[test]
    fn huge_zstd_window_is_refused_before_allocation() {
        // Frame header: magic, descriptor (no single segment, no checksum), window
        // descriptor with exponent 30 (1 TiB), then garbage.
        let mut frame = ZSTD_MAGIC.to_le_bytes().to_vec();
        frame.extend([0x00, 30 << 3, 1, 2, 3]);
        assert_eq!(
            decode_body(Some("zstd"), &frame, 1 << 20),
            Err(InspectError::TooLarge {
                limit_bytes: 1 << 20
            })
        );
        assert_eq!(zstd_window_size(&frame), Some(1 << 40));
    }

    #[test]
    fn unknown_and_corrupt() {
        assert_eq!(
            decode_body(Some("compress"), b"x", 10),
            Err(InspectError::UnknownEncoding("compress".into()))
        );
        assert_eq!(
            decode_body(Some("gzip, snappy\u{1}"), b"x", 10),
            Err(InspectError::UnknownEncoding("snappy".into()))
        );
        assert_eq!(
            decode_body(Some("gzip,gzip,gzip,gzip,gzip"), b"x", 10),
            Err(InspectError::Unsupported(
                "too many stacked content encodings"
            ))
        );
        let full = gzip(TEXT);
        let truncated = &full[..full.len() / 2];
        for (header, body) in [
            ("gzip", truncated.to_vec()),
            ("gzip", TEXT.to_vec()),
            ("deflate", vec![0xff; 40]),
            ("br", TEXT.to_vec()),
            ("zstd", TEXT.to_vec()),
            ("zstd", zstd(TEXT)[..10].to_vec()),
        ] {
            assert!(
                matches!(
                    decode_body(Some(header), &body, 1 << 20),
                    Err(InspectError::Undecodable { .. })
                ),
                "{header}"
            );
        }
        // An empty body is empty whatever its claimed coding.
        assert_eq!(decode_body(Some("br"), b"", 10).unwrap(), b"");
    }

    #[test]
    fn zlib_sniffing() {
        assert!(looks_like_zlib(&zlib(b"x")));
        assert!(!looks_like_zlib(&raw_deflate(b"hello hello")));
        assert!(!looks_like_zlib(b"x"));
    }
}
