//! Server-Sent Events: an incremental parser and a serializer.
//!
//! Owns: cutting a `text/event-stream` body, arriving in chunks split at any
//! byte, into frames, and writing frames back out. Parsing follows the WHATWG
//! "event stream interpretation" (lines end in `\n`, `\r\n` or `\r`; `data` lines
//! join with `\n`; one leading space after the colon is dropped; a leading BOM is
//! ignored; `retry` must be all digits; an `id` with NUL is ignored), with two
//! deliberate differences because scrim forwards what it parses rather than
//! consuming it:
//! - a frame is emitted whenever it had any known field or comment, even without
//!   `data` (a browser would drop it): keep-alive comments and bare `event:` frames
//!   reach the client;
//! - [`SseParser::finish`] returns a final frame the stream ended without its
//!   blank line, so an upstream that closes early does not lose its last event.
//!
//! Unknown field names are ignored (and so are not re-serialized).
//!
//! Invariants: `push` never panics and never splits a frame differently because
//! of where chunk boundaries fall (property-tested: any chunking yields the same
//! frames); `to_bytes` output parses back to the same frame. The parser buffers at
//! most one incomplete frame; [`SseParser::buffered_len`] lets the proxy enforce
//! its own cap on that.

use std::fmt;

/// One frame of an event stream.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SseEvent {
    /// The `event:` field, if any.
    pub event: Option<String>,
    /// The `data:` lines joined with `\n`; `None` when the frame had no data line.
    pub data: Option<String>,
    /// The `id:` field, if any.
    pub id: Option<String>,
    /// The `retry:` field (milliseconds), if any and valid.
    pub retry: Option<u64>,
    /// Comment lines (text after the `:`), in order.
    pub comments: Vec<String>,
}

impl fmt::Debug for SseEvent {
    // Data is model output (with restored personal data): print its size only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SseEvent")
            .field("event", &self.event)
            .field("data_bytes", &self.data.as_ref().map(String::len))
            .field("id", &self.id)
            .field("retry", &self.retry)
            .field("comments", &self.comments.len())
            .finish()
    }
}

impl SseEvent {
    /// A frame with only `data`.
    pub fn data(data: impl Into<String>) -> SseEvent {
        SseEvent {
            data: Some(data.into()),
            ..SseEvent::default()
        }
    }

    /// A frame with `event` and `data` (the Anthropic and OpenAI Responses shape).
    pub fn named(event: impl Into<String>, data: impl Into<String>) -> SseEvent {
        SseEvent {
            event: Some(event.into()),
            data: Some(data.into()),
            ..SseEvent::default()
        }
    }

    /// The frame on the wire, ending with its blank line. Line breaks inside
    /// `event`, `id` and comments would end the field early, so they become spaces;
    /// a line break inside `data` starts a new `data:` line, as the format wants.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = String::new();
        for c in &self.comments {
            out.push(':');
            out.push_str(&one_line(c));
            out.push('\n');
        }
        if let Some(e) = &self.event {
            out.push_str("event: ");
            out.push_str(&one_line(e));
            out.push('\n');
        }
        if let Some(id) = &self.id {
            out.push_str("id: ");
            out.push_str(&one_line(id));
            out.push('\n');
        }
        if let Some(r) = self.retry {
            out.push_str(&format!("retry: {r}\n"));
        }
        if let Some(data) = &self.data {
            for line in split_lines(data) {
                out.push_str("data: ");
                out.push_str(line);
                out.push('\n');
            }
        }
        out.push('\n');
        out.into_bytes()
    }
}

fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

/// Split on `\r\n`, `\r` or `\n` (every one an SSE line end).
fn split_lines(s: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let b = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                lines.push(&s[start..i]);
                start = i + 1;
            }
            b'\r' => {
                lines.push(&s[start..i]);
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    lines.push(&s[start..]);
    lines
}

/// Incremental parser: feed chunks as they arrive, get complete frames back.
#[derive(Default)]
pub struct SseParser {
    /// Bytes of the current, unfinished line.
    line: Vec<u8>,
    /// The previous chunk ended in `\r`: a `\n` first in the next one belongs to it.
    pending_cr: bool,
    /// Whether the first line (which may start with a BOM) is done.
    seen_first_line: bool,
    current: SseEvent,
    /// Whether `current` has anything worth emitting.
    has_fields: bool,
}

impl fmt::Debug for SseParser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SseParser")
            .field("buffered_len", &self.buffered_len())
            .finish()
    }
}

impl SseParser {
    /// A parser at the start of a stream.
    pub fn new() -> SseParser {
        SseParser::default()
    }

    /// Feed a chunk; return the frames it completed, in order.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<SseEvent> {
        let mut out = Vec::new();
        let mut rest = chunk;
        if self.pending_cr && !rest.is_empty() {
            self.pending_cr = false;
            if let Some((b'\n', tail)) = rest.split_first() {
                rest = tail;
            }
        }
        while let Some(k) = memchr::memchr2(b'\n', b'\r', rest) {
            self.line.extend_from_slice(&rest[..k]);
            self.end_line(&mut out);
            if rest[k] == b'\r' {
                match rest.get(k + 1) {
                    Some(b'\n') => rest = &rest[k + 2..],
                    Some(_) => rest = &rest[k + 1..],
                    None => {
                        self.pending_cr = true;
                        rest = &[];
                    }
                }
            } else {
                rest = &rest[k + 1..];
            }
        }
        self.line.extend_from_slice(rest);
        out
    }

    /// End of stream: the frame still being built, if it has anything (its last
    /// line counts even without a line end).
    pub fn finish(&mut self) -> Option<SseEvent> {
        if !self.line.is_empty() {
            let mut out = Vec::new();
            self.end_line(&mut out);
        }
        self.pending_cr = false;
        self.take_current()
    }

    /// Bytes held for the incomplete line and frame (for the caller's size cap).
    pub fn buffered_len(&self) -> usize {
        self.line.len()
            + self.current.data.as_ref().map_or(0, String::len)
            + self.current.comments.iter().map(String::len).sum::<usize>()
    }

    fn take_current(&mut self) -> Option<SseEvent> {
        let has = std::mem::take(&mut self.has_fields);
        let ev = std::mem::take(&mut self.current);
        has.then_some(ev)
    }

    fn end_line(&mut self, out: &mut Vec<SseEvent>) {
        let mut line: &[u8] = &self.line;
        if !self.seen_first_line {
            self.seen_first_line = true;
            line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        }
        if line.is_empty() {
            if let Some(ev) = self.take_current() {
                out.push(ev);
            }
            self.line.clear();
            return;
        }
        let text = String::from_utf8_lossy(line).into_owned();
        self.line.clear();
        if let Some(comment) = text.strip_prefix(':') {
            self.current.comments.push(comment.to_string());
            self.has_fields = true;
            return;
        }
        let (name, value) = match text.split_once(':') {
            Some((n, v)) => (n, v.strip_prefix(' ').unwrap_or(v)),
            None => (text.as_str(), ""),
        };
        match name {
            "event" => self.current.event = Some(value.to_string()),
            "data" => match &mut self.current.data {
                Some(d) => {
                    d.push('\n');
                    d.push_str(value);
                }
                None => self.current.data = Some(value.to_string()),
            },
            "id" if !value.contains('\0') => self.current.id = Some(value.to_string()),
            "retry" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                match value.parse() {
                    Ok(ms) => self.current.retry = Some(ms),
                    Err(_) => return,
                }
            }
            _ => return,
        }
        self.has_fields = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse_all(chunks: &[&[u8]]) -> Vec<SseEvent> {
        let mut p = SseParser::new();
        let mut out = Vec::new();
        for c in chunks {
            out.extend(p.push(c));
        }
        out.extend(p.finish());
        out
    }

    const OPENAI: &str =
        "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: [DONE]\n\n";
    const ANTHROPIC: &str = "event: message_start\r\ndata: {\"type\":\"message_start\"}\r\n\r\nevent: ping\r\ndata: {\"type\": \"ping\"}\r\n\r\n";

    #[test]
    fn provider_streams() {
        let ev = parse_all(&[OPENAI.as_bytes()]);
        assert_eq!(
            ev,
            [
                SseEvent::data("{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}"),
                SseEvent::data("[DONE]")
            ]
        );
        let ev = parse_all(&[ANTHROPIC.as_bytes()]);
        assert_eq!(
            ev,
            [
                SseEvent::named("message_start", "{\"type\":\"message_start\"}"),
                SseEvent::named("ping", "{\"type\": \"ping\"}"),
            ]
        );
    }

    #[test]
    fn fields_comments_and_line_ends() {
        let input = "\u{FEFF}: keep-alive\r\rid: 7\rretry: 1500\rdata:a\ndata:  b\ndata\n\nretry: x1\nid: a\0b\nevent:x\nfoo: bar\n\n";
        let ev = parse_all(&[input.as_bytes()]);
        assert_eq!(
            ev,
            [
                SseEvent {
                    comments: vec![" keep-alive".into()],
                    ..SseEvent::default()
                },
                SseEvent {
                    id: Some("7".into()),
                    retry: Some(1500),
                    data: Some("a\n b\n".into()),
                    ..SseEvent::default()
                },
                SseEvent {
                    event: Some("x".into()),
                    ..SseEvent::default()
                },
            ]
        );
        // Blank lines alone and unknown fields alone make no frame.
        assert!(parse_all(&[b"\n\n\r\n\rfoo: 1\n\n"]).is_empty());
        // A stream that ends without the final blank line still yields its frame.
        assert_eq!(parse_all(&[b"data: [DONE]"]), [SseEvent::data("[DONE]")]);
        // Invalid UTF-8 is replaced, never a panic.
        assert_eq!(
            parse_all(&[b"data: \xff\n\n"]),
            [SseEvent::data("\u{FFFD}")]
        );
    }

    #[test]
    fn crlf_split_across_chunks() {
        let ev = parse_all(&[b"data: a\r", b"\n", b"\r", b"\ndata: b\r\n\r\n"]);
        assert_eq!(ev, [SseEvent::data("a"), SseEvent::data("b")]);
        // A lone \r at a chunk end followed by a non-\n byte; empty chunks between.
        let ev = parse_all(&[b"data: a\r", b"", b"\r"]);
        assert_eq!(ev, [SseEvent::data("a")]);
    }

    #[test]
    fn every_split_point_gives_the_same_frames() {
        for input in [OPENAI, ANTHROPIC, "\u{FEFF}data: é\r\n\r\n:c\r\r"] {
            let whole = parse_all(&[input.as_bytes()]);
            let b = input.as_bytes();
            for i in 0..=b.len() {
                for j in i..=b.len() {
                    assert_eq!(parse_all(&[&b[..i], &b[i..j], &b[j..]]), whole, "{i} {j}");
                }
            }
        }
    }

    #[test]
    fn serializer() {
        let ev = SseEvent {
            event: Some("content_block_delta".into()),
            data: Some("l1\nl2\r\nl3\rl4".into()),
            id: Some("i\nd".into()),
            retry: Some(10),
            comments: vec!["hi".into()],
        };
        let bytes = ev.to_bytes();
        assert_eq!(
            String::from_utf8(bytes.clone()).unwrap(),
            ":hi\nevent: content_block_delta\nid: i d\nretry: 10\ndata: l1\ndata: l2\ndata: l3\ndata: l4\n\n"
        );
        let back = parse_all(&[&bytes]);
        assert_eq!(back[0].data.as_deref(), Some("l1\nl2\nl3\nl4"));
        assert_eq!(SseEvent::data("").to_bytes(), b"data: \n\n");
        assert!(!format!("{ev:?}").contains("l1"));
    }

    proptest! {
        #[test]
        fn chunking_never_changes_frames(input in "(data|event|id|retry|:|: |x|1|\r|\n|\u{e9})*", cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6)) {
            let b = input.as_bytes();
            let mut points: Vec<usize> = cuts.iter().map(|c| c.index(b.len() + 1)).collect();
            points.sort_unstable();
            let mut chunks: Vec<&[u8]> = Vec::new();
            let mut last = 0;
            for p in points {
                chunks.push(&b[last..p]);
                last = p;
            }
            chunks.push(&b[last..]);
            prop_assert_eq!(parse_all(&chunks), parse_all(&[b]));
        }

        #[test]
        fn serialized_frames_parse_back(event in proptest::option::of("[a-z_.]{1,12}"), data in proptest::option::of(".{0,40}"), comments in prop::collection::vec("[ -~]{0,8}", 0..2)) {
            let ev = SseEvent { event, data, id: None, retry: None, comments };
            let has = ev.event.is_some() || ev.data.is_some() || !ev.comments.is_empty();
            let back = parse_all(&[&ev.to_bytes()]);
            if has {
                let mut expect = ev.clone();
                // Line ends inside data normalize to \n.
                expect.data = ev.data.as_ref().map(|d| split_lines(d).join("\n"));
                prop_assert_eq!(back, vec![expect]);
            } else {
                prop_assert!(back.is_empty());
            }
        }
    }
}
