//! Non-JSON request bodies that still carry prompt text: `multipart/form-data`
//! (file uploads, audio transcription prompts, batch input files) and JSON Lines
//! (batch files, fine-tuning data).
//!
//! Owns: splitting a complete multipart body into parts (RFC 7578 over RFC 2046
//! framing), telling text parts from binary ones, splicing rewritten text back,
//! and JSON Lines segments whose pointers start with the 1-based line number
//! (`/3/messages/0/content`).
//!
//! Why a parser here: the maintained multipart crates (`multer`) are async
//! stream parsers; the proxy already holds the whole, size-capped body, so a
//! synchronous pass over a slice is simpler and has no executor. Only the
//! multipart framing is parsed here; part headers go through `httparse` (the
//! parser under hyper), and `Content-Disposition` parameters through a small
//! quoted-string reader.
//!
//! Invariants:
//! - framing is strict (CRLF line ends, a closing `--boundary--`); anything else
//!   is [`InspectError::Undecodable`] — a body scrim cannot split is a body it
//!   cannot inspect, and the policy decides (fail closed by default);
//! - a part is text when its bytes are UTF-8 without NUL and it is either a plain
//!   field (no filename) or a file with a textual type (`text/*`, JSON, JSONL,
//!   XML, CSV) or one whose bytes are UTF-8 anyway; everything else is binary,
//!   counted for the policy's `unsupported_content`;
//! - [`rewrite_parts`] changes only the bytes of the parts it is given, and
//!   refuses a replacement that contains the boundary (it would split the body).

use super::json::{push_component, rewrite, segments_into, Segment};
use super::InspectError;

/// Most parts a body may have; more is not an API request.
pub const MAX_PARTS: usize = 1000;

/// One part of a multipart body.
#[derive(Clone, PartialEq, Eq)]
pub struct Part {
    /// The `name` parameter of `Content-Disposition`.
    pub name: Option<String>,
    /// The `filename` (or RFC 5987 `filename*`) parameter.
    pub filename: Option<String>,
    /// The part's `Content-Type`, lowercased, without parameters.
    pub content_type: Option<String>,
    /// Byte span of the part's content in the body.
    pub span: (usize, usize),
    /// The content, when the part is text.
    pub text: Option<String>,
}

impl std::fmt::Debug for Part {
    // Part content is prompt data: never printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Part")
            .field("name", &self.name)
            .field("filename", &self.filename.as_ref().map(|_| "[redacted]"))
            .field("content_type", &self.content_type)
            .field("span", &self.span)
            .field("is_text", &self.text.is_some())
            .finish()
    }
}

impl Part {
    /// Whether the part is text (see the module doc).
    pub fn is_text(&self) -> bool {
        self.text.is_some()
    }
}

/// The boundary of a `multipart/form-data` (or any `multipart/*`) content type.
pub fn boundary(content_type: &str) -> Option<String> {
    let (mime, params) = content_type.split_once(';')?;
    if !mime.trim().to_ascii_lowercase().starts_with("multipart/") {
        return None;
    }
    let b = params_of(params)
        .into_iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("boundary"))
        .map(|(_, v)| v)?;
    // RFC 2046: 1 to 70 characters.
    (!b.is_empty() && b.len() <= 70).then_some(b)
}

fn undecodable() -> InspectError {
    InspectError::Undecodable {
        encoding: "multipart",
    }
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|i| from + i)
}

/// Split a complete multipart body into its parts.
pub fn parts(body: &[u8], boundary: &str) -> Result<Vec<Part>, InspectError> {
    if boundary.is_empty() || boundary.len() > 70 {
        return Err(InspectError::Unsupported(
            "multipart boundary missing or too long",
        ));
    }
    let delim = format!("--{boundary}").into_bytes();
    let mut crlf_delim = b"\r\n".to_vec();
    crlf_delim.extend_from_slice(&delim);
    // The first delimiter opens the body or follows a preamble line.
    let mut pos = if body.starts_with(&delim) {
        delim.len()
    } else {
        find(body, &crlf_delim, 0).ok_or_else(undecodable)? + crlf_delim.len()
    };
    let mut out = Vec::new();
    loop {
        if body.get(pos..pos + 2) == Some(b"--") {
            return Ok(out); // closing delimiter; the epilogue is ignored
        }
        // Transport padding, then CRLF.
        while matches!(body.get(pos), Some(b' ' | b'\t')) {
            pos += 1;
        }
        if body.get(pos..pos + 2) != Some(b"\r\n") {
            return Err(undecodable());
        }
        pos += 2;
        if out.len() == MAX_PARTS {
            return Err(InspectError::Unsupported("too many multipart parts"));
        }
        let mut headers = [httparse::EMPTY_HEADER; 32];
        let (consumed, headers) = match httparse::parse_headers(&body[pos..], &mut headers) {
            Ok(httparse::Status::Complete((n, h))) => (n, h),
            _ => return Err(undecodable()),
        };
        let start = pos + consumed;
        let end = find(body, &crlf_delim, start).ok_or_else(undecodable)?;
        let mut part = Part {
            name: None,
            filename: None,
            content_type: None,
            span: (start, end),
            text: None,
        };
        for h in headers.iter() {
            let value = String::from_utf8_lossy(h.value);
            if h.name.eq_ignore_ascii_case("content-disposition") {
                let params = value.split_once(';').map_or("", |(_, p)| p);
                for (k, v) in params_of(params) {
                    match k.to_ascii_lowercase().as_str() {
                        "name" => part.name = Some(v),
                        "filename" if part.filename.is_none() => part.filename = Some(v),
                        "filename*" => part.filename = Some(ext_value(&v)),
                        _ => {}
                    }
                }
            } else if h.name.eq_ignore_ascii_case("content-type") {
                let mime = value
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                part.content_type = Some(mime);
            }
        }
        part.text = text_of(&part, &body[start..end]);
        out.push(part);
        pos = end + crlf_delim.len();
    }
}

fn text_of(part: &Part, content: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(content).ok()?;
    if text.contains('\0') {
        return None;
    }
    let textual_type = part.content_type.as_deref().is_none_or(|t| {
        t.starts_with("text/")
            || t.ends_with("json")
            || t.ends_with("jsonl")
            || t.ends_with("ndjson")
            || t.ends_with("xml")
            || t == "application/octet-stream"
    });
    textual_type.then(|| text.to_string())
}

/// `; k=v; k="quoted"` parameters, in order.
fn params_of(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b';') {
            i += 1;
        }
        let key_start = i;
        while i < b.len() && b[i] != b'=' && b[i] != b';' {
            i += 1;
        }
        let key = s[key_start..i].trim().to_string();
        if i >= b.len() || b[i] == b';' {
            continue;
        }
        i += 1; // '='
        let mut value = String::new();
        if b.get(i) == Some(&b'"') {
            i += 1;
            let mut chars = s[i..].char_indices();
            let mut end = s.len() - i;
            while let Some((k, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, n)) = chars.next() {
                            value.push(n);
                        }
                    }
                    '"' => {
                        end = k + 1;
                        break;
                    }
                    c => value.push(c),
                }
            }
            i += end;
        } else {
            let start = i;
            while i < b.len() && b[i] != b';' {
                i += 1;
            }
            value = s[start..i].trim().to_string();
        }
        if !key.is_empty() {
            out.push((key, value));
        }
    }
    out
}

/// RFC 5987 `charset'lang'percent-encoded` (UTF-8 assumed; bad escapes kept as-is).
fn ext_value(v: &str) -> String {
    let encoded = v.splitn(3, '\'').nth(2).unwrap_or(v);
    let b = encoded.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (b[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Text parts as segments: pointer `/{name}` (or `/{part index}` without a
/// name), value the text, span the content. `is_key` is always false.
pub fn text_segments(parts: &[Part]) -> Vec<(usize, Segment)> {
    parts
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let text = p.text.as_ref()?;
            let mut pointer = String::new();
            push_component(
                &mut pointer,
                &p.name.clone().unwrap_or_else(|| i.to_string()),
            );
            Some((
                i,
                Segment {
                    pointer,
                    value: text.clone(),
                    span: p.span,
                    is_key: false,
                },
            ))
        })
        .collect()
}

/// How many parts are binary (not inspectable as text).
pub fn binary_count(parts: &[Part]) -> usize {
    parts.iter().filter(|p| !p.is_text()).count()
}

/// Replace the content of parts (`(part index, new text)`), keeping every other
/// byte. Fails if a replacement contains the boundary delimiter.
pub fn rewrite_parts(
    body: &[u8],
    parts: &[Part],
    boundary: &str,
    replacements: &[(usize, String)],
) -> Result<Vec<u8>, InspectError> {
    let delim = format!("--{boundary}");
    let mut edits: Vec<(usize, &str)> = replacements
        .iter()
        .filter(|(i, _)| *i < parts.len())
        .map(|(i, s)| (*i, s.as_str()))
        .collect();
    if edits.iter().any(|(_, s)| s.contains(&delim)) {
        return Err(InspectError::Unsupported(
            "replacement contains the multipart boundary",
        ));
    }
    edits.sort_by_key(|&(i, _)| parts[i].span.0);
    let mut out = Vec::with_capacity(body.len());
    let mut pos = 0;
    for (k, &(i, new)) in edits.iter().enumerate() {
        if edits.get(k + 1).is_some_and(|&(j, _)| j == i) {
            continue; // the last replacement of a part wins
        }
        let (start, end) = parts[i].span;
        if start < pos || end > body.len() {
            continue;
        }
        out.extend_from_slice(&body[pos..start]);
        out.extend_from_slice(new.as_bytes());
        pos = end;
    }
    out.extend_from_slice(&body[pos..]);
    Ok(out)
}

/// Segments of a JSON Lines body: each non-blank line is a JSON document whose
/// pointers are prefixed with its 1-based line number. Spans are into `body`, so
/// [`rewrite_jsonl`] (or `json::rewrite`) splices them directly. A malformed line
/// is [`InspectError::BadJson`] with that line's number.
pub fn jsonl_segments(body: &[u8]) -> Result<Vec<Segment>, InspectError> {
    let mut out = Vec::new();
    let mut start = 0;
    for (n, line) in body.split(|&b| b == b'\n').enumerate() {
        let line_no = n + 1;
        let base = start;
        start += line.len() + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        segments_into(line, base, &format!("/{line_no}"), &mut out).map_err(|e| match e {
            InspectError::BadJson { column, .. } => InspectError::BadJson {
                line: line_no,
                column,
            },
            other => other,
        })?;
    }
    Ok(out)
}

/// Rewrite a JSON Lines body (same contract as `json::rewrite`).
pub fn rewrite_jsonl(
    body: &[u8],
    segments: &[Segment],
    replacements: &[(usize, String)],
) -> Vec<u8> {
    rewrite(body, segments, replacements)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDARY: &str = "------------------------d74496d66958873e";

    /// As curl sends `-F purpose=batch -F file=@batch.jsonl -F prompt=... -F audio=@a.mp3`.
    fn body() -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(b"preamble to ignore\r\n");
        b.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        b.extend_from_slice(b"Content-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n");
        b.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        b.extend_from_slice(b"Content-Disposition: form-data; name=\"file\"; filename=\"batch.jsonl\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        b.extend_from_slice(b"{\"custom_id\":\"r1\",\"body\":{\"messages\":[{\"role\":\"user\",\"content\":\"Email jane@example.com\"}]}}\n");
        b.extend_from_slice(format!("\r\n--{BOUNDARY}  \r\n").as_bytes());
        b.extend_from_slice(b"content-disposition: form-data; name=\"prompt\"\r\ncontent-type: text/plain; charset=utf-8\r\n\r\nTranscript for Jane Roe\r\nline two");
        b.extend_from_slice(format!("\r\n--{BOUNDARY}\r\n").as_bytes());
        b.extend_from_slice(b"Content-Disposition: form-data; name=\"audio\"; filename*=UTF-8''r%C3%A9union.mp3\r\nContent-Type: audio/mpeg\r\n\r\nID3\x04\x00\xff\xfb");
        b.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\nepilogue").as_bytes());
        b
    }

    #[test]
    fn boundary_from_content_type() {
        assert_eq!(
            boundary(&format!("multipart/form-data; boundary={BOUNDARY}")).as_deref(),
            Some(BOUNDARY)
        );
        assert_eq!(
            boundary("Multipart/Form-Data; charset=utf-8; Boundary=\"a b;c\"").as_deref(),
            Some("a b;c")
        );
        assert_eq!(boundary("application/json; boundary=x"), None);
        assert_eq!(boundary("multipart/form-data"), None);
        assert_eq!(
            boundary(&format!("multipart/form-data; boundary={}", "x".repeat(71))),
            None
        );
    }

    #[test]
    fn parts_of_a_realistic_upload() {
        let b = body();
        let p = parts(&b, BOUNDARY).unwrap();
        let summary: Vec<_> = p
            .iter()
            .map(|p| {
                (
                    p.name.as_deref(),
                    p.filename.as_deref(),
                    p.content_type.as_deref(),
                    p.is_text(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (Some("purpose"), None, None, true),
                (
                    Some("file"),
                    Some("batch.jsonl"),
                    Some("application/octet-stream"),
                    true
                ),
                (Some("prompt"), None, Some("text/plain"), true),
                (
                    Some("audio"),
                    Some("réunion.mp3"),
                    Some("audio/mpeg"),
                    false
                ),
            ]
        );
        assert_eq!(
            p[2].text.as_deref(),
            Some("Transcript for Jane Roe\r\nline two")
        );
        assert_eq!(binary_count(&p), 1);
        let segs = text_segments(&p);
        assert_eq!(
            segs.iter()
                .map(|(_, s)| s.pointer.as_str())
                .collect::<Vec<_>>(),
            ["/purpose", "/file", "/prompt"]
        );
        for (i, s) in &segs {
            assert_eq!(
                &b[s.span.0..s.span.1],
                p[*i].text.as_ref().unwrap().as_bytes()
            );
        }
        // The JSONL file part, scanned as JSON Lines at its offset.
        let (fs, fe) = p[1].span;
        let inner = jsonl_segments(&b[fs..fe]).unwrap();
        assert!(inner
            .iter()
            .any(|s| s.pointer == "/1/body/messages/0/content"
                && s.value == "Email jane@example.com"));
        assert!(!format!("{p:?}").contains("réunion"));
    }

    #[test]
    fn rewrite_only_touches_given_parts() {
        let b = body();
        let p = parts(&b, BOUNDARY).unwrap();
        let out =
            rewrite_parts(&b, &p, BOUNDARY, &[(2, "Transcript for <PERSON_1>".into())]).unwrap();
        let expected = {
            let s = b.clone();
            let (start, end) = p[2].span;
            let mut e = s[..start].to_vec();
            e.extend_from_slice(b"Transcript for <PERSON_1>");
            e.extend_from_slice(&s[end..]);
            e
        };
        assert_eq!(out, expected);
        let again = parts(&out, BOUNDARY).unwrap();
        assert_eq!(again[2].text.as_deref(), Some("Transcript for <PERSON_1>"));
        assert_eq!(again[3].span.1 - again[3].span.0, p[3].span.1 - p[3].span.0);
        assert_eq!(
            rewrite_parts(&b, &p, BOUNDARY, &[(0, format!("x\r\n--{BOUNDARY}--"))]),
            Err(InspectError::Unsupported(
                "replacement contains the multipart boundary"
            ))
        );
        assert_eq!(rewrite_parts(&b, &p, BOUNDARY, &[]).unwrap(), b);
    }

    #[test]
    fn malformed_multipart() {
        let ok = body();
        let cases: Vec<Vec<u8>> = vec![
            b"no delimiter at all".to_vec(),
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated"
            )
            .into_bytes(),
            format!("--{BOUNDARY}\r\nBroken header line\r\n\r\nx\r\n--{BOUNDARY}--").into_bytes(),
            format!("--{BOUNDARY}junk\r\n\r\nx\r\n--{BOUNDARY}--").into_bytes(),
            ok[..ok.len() - 30].to_vec(),
        ];
        for c in cases {
            assert!(
                parts(&c, BOUNDARY).is_err(),
                "{:?}",
                String::from_utf8_lossy(&c)
            );
        }
        assert!(parts(&ok, "").is_err());
        // Empty form: just the closing delimiter.
        assert!(parts(format!("--{BOUNDARY}--\r\n").as_bytes(), BOUNDARY)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn jsonl_bodies() {
        let body = b"{\"messages\":[{\"role\":\"user\",\"content\":\"Hi Jane\"}]}\r\n\n  \n{\"prompt\":\"Call 555-0100\"}\n";
        let segs = jsonl_segments(body).unwrap();
        let vals: Vec<(&str, &str)> = segs
            .iter()
            .filter(|s| !s.is_key)
            .map(|s| (s.pointer.as_str(), s.value.as_str()))
            .collect();
        assert_eq!(
            vals,
            [
                ("/1/messages/0/role", "user"),
                ("/1/messages/0/content", "Hi Jane"),
                ("/4/prompt", "Call 555-0100")
            ]
        );
        let i = segs
            .iter()
            .position(|s| s.pointer == "/4/prompt" && !s.is_key)
            .unwrap();
        let out = rewrite_jsonl(body, &segs, &[(i, "Call <PHONE_NUMBER_1>".into())]);
        assert_eq!(
            out,
            b"{\"messages\":[{\"role\":\"user\",\"content\":\"Hi Jane\"}]}\r\n\n  \n{\"prompt\":\"Call <PHONE_NUMBER_1>\"}\n"
        );
        assert_eq!(
            jsonl_segments(b"{}\n{\"a\":}\n"),
            Err(InspectError::BadJson { line: 2, column: 6 })
        );
        assert!(jsonl_segments(b"").unwrap().is_empty());
    }

    #[test]
    fn parameter_reader() {
        assert_eq!(
            params_of(r#" name="a\"b"; filename=plain.txt ;x"#),
            [
                ("name".to_string(), "a\"b".to_string()),
                ("filename".to_string(), "plain.txt".to_string())
            ]
        );
        assert_eq!(ext_value("UTF-8''%E2%82%AC%zz"), "€%zz");
        assert_eq!(
            params_of("=v; k=\"unterminated"),
            [("k".to_string(), "unterminated".to_string())]
        );
    }
}
