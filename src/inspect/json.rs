//! JSON text segments and surgical rewriting.
//!
//! Owns: finding every string in a JSON document together with its RFC 6901
//! pointer and the byte span of its literal, and splicing new strings into the
//! original bytes.
//!
//! Why splice instead of parse → edit → serialize: the forwarded body must differ
//! from the client's only where a value was redacted. Re-serializing would reorder
//! keys (without `preserve_order`), reformat numbers (`1e2` → `100.0`), change
//! escaping and whitespace — harmless to most servers but a
//! needless difference in the bytes a provider signs, caches or bills, and a
//! fidelity bug in tool arguments that are themselves JSON text.
//!
//! Invariants:
//! - [`segments`] validates the whole input with `serde_json` first (UTF-8,
//!   syntax), so the span-recording scanner only ever walks a well-formed
//!   document; it refuses nesting deeper than [`MAX_DEPTH`]
//!   ([`InspectError::Unsupported`]) so its recursion is bounded; a malformed
//!   one is [`InspectError::BadJson`] with a 1-based line and column and nothing
//!   of the content;
//! - spans are in increasing order, disjoint, on character boundaries, and each
//!   covers one string literal including its quotes;
//! - [`rewrite`] with every value replaced by itself returns the input byte for
//!   byte; after a rewrite, parsing yields the new values at the same pointers.

use super::InspectError;

/// One string of a JSON document.
#[derive(Clone, PartialEq, Eq)]
pub struct Segment {
    /// RFC 6901 pointer of the value (for a key: of the member the key names).
    pub pointer: String,
    /// The decoded string.
    pub value: String,
    /// Byte span of the string literal in the input, quotes included.
    pub span: (usize, usize),
    /// Whether this is an object key (keys are not prompt text; not scanned by default).
    pub is_key: bool,
}

impl std::fmt::Debug for Segment {
    // Segment values are prompt text: never print them (STYLE: secrets redact themselves).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segment")
            .field("pointer", &self.pointer)
            .field("value_bytes", &self.value.len())
            .field("span", &self.span)
            .field("is_key", &self.is_key)
            .finish()
    }
}

/// Validate `json` and list its strings (keys and values) in document order.
pub fn segments(json: &[u8]) -> Result<Vec<Segment>, InspectError> {
    let mut out = Vec::new();
    segments_into(json, 0, "", &mut out)?;
    Ok(out)
}

/// Validate `json` and append its strings to `out`, with spans shifted by `base`
/// and pointers prefixed by `prefix` (used for JSON Lines, where each line is a
/// document inside a larger body).
pub fn segments_into(
    json: &[u8],
    base: usize,
    prefix: &str,
    out: &mut Vec<Segment>,
) -> Result<(), InspectError> {
    validate(json)?;
    let mut scanner = Scanner {
        b: json,
        base,
        pointer: prefix.to_string(),
        out,
    };
    let pos = scanner.value(0, 0)?;
    let pos = scanner.ws(pos);
    if pos != json.len() {
        return Err(position(json, pos));
    }
    Ok(())
}

/// Check that `json` is one well-formed JSON document.
pub fn validate(json: &[u8]) -> Result<(), InspectError> {
    if let Err(e) = std::str::from_utf8(json) {
        return Err(position(json, e.valid_up_to()));
    }
    match serde_json::from_slice::<serde::de::IgnoredAny>(json) {
        Ok(_) => Ok(()),
        // Only the position leaves serde_json's error: its message could quote input.
        Err(e) => Err(InspectError::BadJson {
            line: e.line(),
            column: e.column(),
        }),
    }
}

/// `BadJson` for a byte offset.
fn position(json: &[u8], offset: usize) -> InspectError {
    let before = &json[..offset.min(json.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    InspectError::BadJson {
        line,
        column: offset - line_start + 1,
    }
}

/// Replace strings of `json`: each `(index, new)` replaces `segments[index]`
/// with `new`, re-escaped. `segments` must come from [`segments`] over the same
/// bytes. Everything else — whitespace, key order, numbers, other strings'
/// escaping — is kept byte for byte; a replacement equal to the current value
/// keeps the original literal (so `\u00e9` stays `\u00e9`). Indices out of range
/// are ignored; when an index repeats, the last replacement wins.
pub fn rewrite(json: &[u8], segments: &[Segment], replacements: &[(usize, String)]) -> Vec<u8> {
    let mut edits: Vec<(usize, &str)> = Vec::with_capacity(replacements.len());
    for (index, new) in replacements {
        if segments.get(*index).is_some() {
            edits.push((*index, new.as_str()));
        }
    }
    // Stable sort: for repeated indices the later replacement stays later.
    edits.sort_by_key(|&(i, _)| segments[i].span.0);
    let mut out = Vec::with_capacity(json.len() + 64);
    let mut pos = 0;
    for (k, &(i, new)) in edits.iter().enumerate() {
        if edits.get(k + 1).is_some_and(|&(j, _)| j == i) {
            continue; // a later replacement of the same segment wins
        }
        let seg = &segments[i];
        let (start, end) = seg.span;
        if start < pos || end > json.len() || start > end {
            continue; // not from these bytes: skip rather than corrupt
        }
        out.extend_from_slice(&json[pos..start]);
        if seg.value == new {
            out.extend_from_slice(&json[start..end]);
        } else {
            out.extend_from_slice(quote(new).as_bytes());
        }
        pos = end;
    }
    out.extend_from_slice(&json[pos..]);
    out
}

/// `s` as a JSON string literal, quotes included. Escapes only what JSON
/// requires (`"`, `\`, control characters); non-ASCII stays UTF-8.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    escape_into(s, &mut out);
    out.push('"');
    out
}

/// `s` escaped for the inside of a JSON string literal (no quotes).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(s, &mut out);
    out
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
}

/// The components of an RFC 6901 pointer, unescaped (`~1` → `/`, `~0` → `~`).
pub fn pointer_components(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|c| c.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// Append one escaped component to a pointer.
pub fn push_component(pointer: &mut String, component: &str) {
    pointer.push('/');
    for c in component.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// Deepest nesting the scanner walks. serde_json's own limit is the same, but
/// it does not apply when validating into `IgnoredAny`; real API bodies nest a
/// dozen levels at most.
pub const MAX_DEPTH: usize = 128;

/// The span-recording walk over an already validated document.
struct Scanner<'a, 'o> {
    b: &'a [u8],
    base: usize,
    pointer: String,
    out: &'o mut Vec<Segment>,
}

impl Scanner<'_, '_> {
    fn ws(&self, mut pos: usize) -> usize {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(pos) {
            pos += 1;
        }
        pos
    }

    fn expect(&self, pos: usize, byte: u8) -> Result<usize, InspectError> {
        if self.b.get(pos) == Some(&byte) {
            Ok(pos + 1)
        } else {
            Err(position(self.b, pos))
        }
    }

    /// Walk one value starting at `pos` (after optional whitespace); return the
    /// offset after it. Recursion is bounded by [`MAX_DEPTH`].
    fn value(&mut self, pos: usize, depth: usize) -> Result<usize, InspectError> {
        let pos = self.ws(pos);
        if depth >= MAX_DEPTH && matches!(self.b.get(pos), Some(b'{' | b'[')) {
            return Err(InspectError::Unsupported(
                "JSON nested deeper than 128 levels",
            ));
        }
        match self.b.get(pos) {
            Some(b'{') => {
                let mut pos = self.ws(pos + 1);
                if self.b.get(pos) == Some(&b'}') {
                    return Ok(pos + 1);
                }
                loop {
                    pos = self.ws(pos);
                    let (key, end) = self.string(pos)?;
                    let mark = self.pointer.len();
                    push_component(&mut self.pointer, &key);
                    self.out.push(Segment {
                        pointer: self.pointer.clone(),
                        value: key,
                        span: (self.base + pos, self.base + end),
                        is_key: true,
                    });
                    pos = self.expect(self.ws(end), b':')?;
                    pos = self.value(pos, depth + 1)?;
                    self.pointer.truncate(mark);
                    pos = self.ws(pos);
                    match self.b.get(pos) {
                        Some(b',') => pos += 1,
                        Some(b'}') => return Ok(pos + 1),
                        _ => return Err(position(self.b, pos)),
                    }
                }
            }
            Some(b'[') => {
                let mut pos = self.ws(pos + 1);
                if self.b.get(pos) == Some(&b']') {
                    return Ok(pos + 1);
                }
                let mut index = 0usize;
                loop {
                    let mark = self.pointer.len();
                    push_component(&mut self.pointer, &index.to_string());
                    pos = self.value(pos, depth + 1)?;
                    self.pointer.truncate(mark);
                    index += 1;
                    pos = self.ws(pos);
                    match self.b.get(pos) {
                        Some(b',') => pos += 1,
                        Some(b']') => return Ok(pos + 1),
                        _ => return Err(position(self.b, pos)),
                    }
                }
            }
            Some(b'"') => {
                let (value, end) = self.string(pos)?;
                self.out.push(Segment {
                    pointer: self.pointer.clone(),
                    value,
                    span: (self.base + pos, self.base + end),
                    is_key: false,
                });
                Ok(end)
            }
            Some(_) => {
                // Number, true, false, null: validated already, so skip to a delimiter.
                let mut end = pos;
                while let Some(&c) = self.b.get(end) {
                    if matches!(c, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    end += 1;
                }
                if end == pos {
                    return Err(position(self.b, pos));
                }
                Ok(end)
            }
            None => Err(position(self.b, pos)),
        }
    }

    /// Decode the string literal at `pos` (which must be `"`); return the value and
    /// the offset after the closing quote.
    fn string(&self, pos: usize) -> Result<(String, usize), InspectError> {
        let mut i = self.expect(pos, b'"')?;
        let mut raw: Vec<u8> = Vec::new();
        loop {
            // Copy the run up to the next quote or backslash in one go.
            let run_end = match memchr::memchr2(b'"', b'\\', &self.b[i..]) {
                Some(k) => i + k,
                None => return Err(position(self.b, self.b.len())),
            };
            raw.extend_from_slice(&self.b[i..run_end]);
            i = run_end;
            if self.b[i] == b'"' {
                break;
            }
            let esc = *self.b.get(i + 1).ok_or_else(|| position(self.b, i))?;
            i += 2;
            let ch = match esc {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let hi = self.hex4(i)?;
                    i += 4;
                    if (0xD800..0xDC00).contains(&hi)
                        && self.b.get(i) == Some(&b'\\')
                        && self.b.get(i + 1) == Some(&b'u')
                    {
                        let lo = self.hex4(i + 2)?;
                        if (0xDC00..0xE000).contains(&lo) {
                            i += 6;
                            let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                            char::from_u32(c).unwrap_or('\u{FFFD}')
                        } else {
                            '\u{FFFD}'
                        }
                    } else {
                        // A lone surrogate cannot be a Rust char: decode it lossily.
                        char::from_u32(hi).unwrap_or('\u{FFFD}')
                    }
                }
                _ => return Err(position(self.b, i - 1)),
            };
            let mut buf = [0u8; 4];
            raw.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        }
        // The input was validated as UTF-8 and escapes produce chars.
        let value = String::from_utf8(raw).map_err(|_| position(self.b, pos))?;
        Ok((value, i + 1))
    }

    fn hex4(&self, pos: usize) -> Result<u32, InspectError> {
        let digits = self
            .b
            .get(pos..pos + 4)
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u32::from_str_radix(d, 16).ok());
        digits.ok_or_else(|| position(self.b, pos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const CHAT: &str = r#"{
  "model": "gpt-4o-mini",
  "messages": [
    {"role": "system", "content": "You are helpful."},
    {"role": "user", "content": "Email jane.roe@example.com, caf\u00e9 \"quoted\"\n"}
  ],
  "temperature": 0.70,
  "n": 1e0,
  "a/b~c": ["x"]
}"#;

    #[test]
    fn pointers_values_and_spans() {
        let segs = segments(CHAT.as_bytes()).unwrap();
        let vals: Vec<(&str, &str)> = segs
            .iter()
            .filter(|s| !s.is_key)
            .map(|s| (s.pointer.as_str(), s.value.as_str()))
            .collect();
        assert_eq!(
            vals,
            [
                ("/model", "gpt-4o-mini"),
                ("/messages/0/role", "system"),
                ("/messages/0/content", "You are helpful."),
                ("/messages/1/role", "user"),
                (
                    "/messages/1/content",
                    "Email jane.roe@example.com, café \"quoted\"\n"
                ),
                ("/a~1b~0c/0", "x"),
            ]
        );
        let keys: Vec<&str> = segs
            .iter()
            .filter(|s| s.is_key)
            .map(|s| s.value.as_str())
            .collect();
        assert_eq!(
            keys,
            [
                "model",
                "messages",
                "role",
                "content",
                "role",
                "content",
                "temperature",
                "n",
                "a/b~c"
            ]
        );
        for s in &segs {
            let lit = &CHAT[s.span.0..s.span.1];
            assert!(lit.starts_with('"') && lit.ends_with('"'));
            let parsed: String = serde_json::from_str(lit).unwrap();
            assert_eq!(parsed, s.value);
        }
        assert_eq!(pointer_components("/a~1b~0c/0"), ["a/b~c", "0"]);
    }

    #[test]
    fn rewrite_is_surgical() {
        let json = CHAT.as_bytes();
        let segs = segments(json).unwrap();
        let i = segs
            .iter()
            .position(|s| s.pointer == "/messages/1/content" && !s.is_key)
            .unwrap();
        let out = rewrite(
            json,
            &segs,
            &[(i, "Email <EMAIL_ADDRESS_1>, café \"quoted\"\n".into())],
        );
        let expected = CHAT.replace(
            r#""Email jane.roe@example.com, caf\u00e9 \"quoted\"\n""#,
            r#""Email <EMAIL_ADDRESS_1>, café \"quoted\"\n""#,
        );
        assert_eq!(String::from_utf8(out).unwrap(), expected);
        // Numbers, whitespace and the other strings' escapes are untouched.
        assert!(expected.contains("0.70") && expected.contains("1e0"));
    }

    #[test]
    fn rewrite_edge_cases() {
        let json = br#"["a","b","c"]"#;
        let segs = segments(json).unwrap();
        // Out of range ignored, repeated index: last wins, order of replacements free.
        let out = rewrite(
            json,
            &segs,
            &[
                (2, "z".into()),
                (9, "q".into()),
                (0, "1".into()),
                (0, "2".into()),
            ],
        );
        assert_eq!(out, br#"["2","b","z"]"#);
        let out = rewrite(json, &segs, &[(1, "\u{1}\t\\".into())]);
        assert_eq!(out, br#"["a","\u0001\t\\","c"]"#);
        // Keys can be rewritten too.
        let json = br#"{"k":1}"#;
        let segs = segments(json).unwrap();
        assert_eq!(rewrite(json, &segs, &[(0, "K".into())]), br#"{"K":1}"#);
    }

    #[test]
    fn scalars_and_unicode() {
        assert!(segments(b"12").unwrap().is_empty());
        assert!(segments(b" null ").unwrap().is_empty());
        let segs = segments(br#""\ud83d\ude00 \u00e9 \/""#).unwrap();
        assert_eq!(segs[0].value, "😀 é /");
        assert_eq!(segs[0].pointer, "");
        let segs = segments("{\"\":\"ü\"}".as_bytes()).unwrap();
        assert_eq!(segs[1].pointer, "/");
        assert_eq!(segs[1].value, "ü");
    }

    #[test]
    fn malformed_json_has_a_position_and_no_content() {
        let table: &[(&[u8], usize, usize)] = &[
            (b"{\"a\": secret}", 1, 7),
            (b"{\n  \"a\": 1,\n}", 3, 1),
            (b"", 1, 0),
            (b"[1] [2]", 1, 5),
            (b"\"abc\xff\"", 1, 5),
        ];
        for &(input, line, column) in table {
            let err = segments(input).unwrap_err();
            assert_eq!(err, InspectError::BadJson { line, column }, "{input:?}");
            assert!(!err.to_string().contains("secret"));
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(
            segments(deep.as_bytes()),
            Err(InspectError::Unsupported(
                "JSON nested deeper than 128 levels"
            ))
        );
        let very_deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(segments(very_deep.as_bytes()).is_err(), "no stack overflow");
        let ok = "[".repeat(128) + &"]".repeat(128);
        assert!(segments(ok.as_bytes()).is_ok());
    }

    #[test]
    fn debug_does_not_print_values() {
        let segs = segments(br#"{"k":"jane@example.com"}"#).unwrap();
        assert!(!format!("{segs:?}").contains("jane"));
    }

    fn arb_json() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(|n| serde_json::json!(n)),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(|f| serde_json::json!(f)),
            ".*".prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::btree_map(".*", inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn identity_rewrite_returns_the_input(v in arb_json(), pretty in any::<bool>()) {
            let text = if pretty { serde_json::to_vec_pretty(&v) } else { serde_json::to_vec(&v) }.unwrap();
            let segs = segments(&text).unwrap();
            let ident: Vec<(usize, String)> = segs.iter().enumerate().map(|(i, s)| (i, s.value.clone())).collect();
            prop_assert_eq!(rewrite(&text, &segs, &ident), text.clone());
            // Every segment decodes to what serde_json sees at its pointer.
            for s in segs.iter().filter(|s| !s.is_key) {
                prop_assert_eq!(v.pointer(&s.pointer).and_then(|x| x.as_str()), Some(s.value.as_str()));
            }
        }

        #[test]
        fn rewritten_values_reparse(v in arb_json(), new in ".*", pick in any::<prop::sample::Index>()) {
            let text = serde_json::to_vec(&v).unwrap();
            let segs = segments(&text).unwrap();
            let values: Vec<usize> = (0..segs.len()).filter(|&i| !segs[i].is_key).collect();
            prop_assume!(!values.is_empty());
            let i = values[pick.index(values.len())];
            let out = rewrite(&text, &segs, &[(i, new.clone())]);
            let reparsed: serde_json::Value = serde_json::from_slice(&out).unwrap();
            prop_assert_eq!(reparsed.pointer(&segs[i].pointer).and_then(|x| x.as_str()), Some(new.as_str()));
            let again = segments(&out).unwrap();
            prop_assert_eq!(again.len(), segs.len());
            for (a, b) in again.iter().zip(&segs) {
                prop_assert_eq!(&a.pointer, &b.pointer);
            }
        }
    }

    #[test]
    fn quote_matches_serde() {
        for s in [
            "",
            "plain",
            "q\"b\\s",
            "\u{0}\u{1f}\u{7f}",
            "é😀",
            "\u{2028}",
        ] {
            let ours: String = serde_json::from_str(&quote(s)).unwrap();
            assert_eq!(ours, s);
        }
        assert_eq!(escape("a\"b"), "a\\\"b");
    }
}
