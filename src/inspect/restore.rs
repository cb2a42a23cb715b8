//! Pseudonym restoration in responses: the model answers with `<PERSON_1>`, the
//! client reads the name it sent.
//!
//! Owns: the placeholder → original map ([`PlaceholderMap`], built by the proxy
//! from the pseudonyms it issued for this request), plain-text restoration
//! ([`restore_text`]), a streaming [`Restorer`] that never emits half a
//! placeholder, JSON bodies ([`restore_json`]), and provider SSE streams
//! ([`SseRestorer`]: OpenAI Chat Completions and legacy completions, OpenAI
//! Responses, Anthropic Messages, Gemini `alt=sse`).
//!
//! Invariants:
//! - **never a partial placeholder**: a [`Restorer`] holds back exactly the
//!   suffix that is a proper prefix of some placeholder in the map (so `<PERS`
//!   waits, `<PERSONAL` or `a < b` pass at once); everything before it is emitted
//!   immediately. Placeholders are `<…>` with no `<` or `>` inside, which makes
//!   the rule exact: for any split of a text into chunks, the concatenated output
//!   equals [`restore_text`] of the whole (property-tested);
//! - held-back text is never lost: it is emitted when the stream it belongs to
//!   ends — in a synthesized delta event of the stream's own shape, placed right
//!   before the event that ends that choice / block / stream (`finish_reason`,
//!   `content_block_stop`, `message_delta`, `response.output_text.done`,
//!   `[DONE]`, end of stream);
//! - where a string is JSON text (tool-call `arguments`, Anthropic
//!   `partial_json`), the restored value is JSON-escaped, so `O"Brien` cannot
//!   break the arguments the client parses;
//! - restoring only *adds back* what this client sent; a response that cannot be
//!   parsed still carries only placeholders, so forwarding it unrestored leaks
//!   nothing.
//!
//! Responses that need restoring should arrive uncompressed: the proxy sends
//! `Accept-Encoding: identity` upstream when the request was pseudonymized (the
//! alternative, decoding compressed streams incrementally, buys nothing on a
//! local hop). A map with no placeholders needs no restoration at all.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::sync::Arc;

use serde_json::{json, Value};

use super::json::{escape, rewrite, segments};
use super::sse::{SseEvent, SseParser};
use super::InspectError;

/// Placeholder → original value, for one request. Holds personal data: `Debug`
/// prints the count only.
#[derive(Default, Clone)]
pub struct PlaceholderMap {
    map: HashMap<String, String>,
    /// The same keys, sorted: the smallest key ≥ `s` starts with `s` iff any does.
    keys: BTreeSet<String>,
    max_len: usize,
}

impl fmt::Debug for PlaceholderMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "PlaceholderMap({} placeholders, [redacted])",
            self.map.len()
        )
    }
}

impl PlaceholderMap {
    /// An empty map.
    pub fn new() -> PlaceholderMap {
        PlaceholderMap::default()
    }

    /// A map from `(placeholder, original)` pairs; malformed placeholders are skipped.
    pub fn from_pairs<I, P, O>(pairs: I) -> PlaceholderMap
    where
        I: IntoIterator<Item = (P, O)>,
        P: Into<String>,
        O: Into<String>,
    {
        let mut m = PlaceholderMap::new();
        for (p, o) in pairs {
            m.insert(p, o);
        }
        m
    }

    /// Add one placeholder. It must be `<`, at least one character other than `<`
    /// and `>`, then `>` (as `redact::Pseudonyms` makes them: `<PERSON_1>`);
    /// anything else is refused (returns false), because the streaming rule
    /// relies on that shape.
    pub fn insert(&mut self, placeholder: impl Into<String>, original: impl Into<String>) -> bool {
        let p = placeholder.into();
        let inner = p.strip_prefix('<').and_then(|r| r.strip_suffix('>'));
        let valid = inner.is_some_and(|i| !i.is_empty() && !i.contains(['<', '>']));
        if !valid {
            return false;
        }
        self.max_len = self.max_len.max(p.len());
        self.keys.insert(p.clone());
        self.map.insert(p, original.into());
        true
    }

    /// Number of placeholders.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there is nothing to restore.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Whether `s` is the start of a placeholder but not a whole one.
    fn is_proper_prefix(&self, s: &str) -> bool {
        self.keys
            .range::<str, _>((std::ops::Bound::Included(s), std::ops::Bound::Unbounded))
            .next()
            .is_some_and(|k| k.len() > s.len() && k.starts_with(s))
    }

    /// Restore `text` into `out`. With `streaming`, stop before a suffix that could
    /// still become a placeholder and return where it starts (else `text.len()`).
    fn restore_into(
        &self,
        text: &str,
        out: &mut String,
        json_text: bool,
        streaming: bool,
    ) -> usize {
        if self.max_len == 0 {
            out.push_str(text);
            return text.len();
        }
        let b = text.as_bytes();
        let mut copied = 0;
        let mut search = 0;
        while let Some(k) = memchr::memchr(b'<', &b[search..]) {
            let i = search + k;
            // A placeholder's `>` is within `max_len` bytes of its `<`.
            let window_end = b.len().min(i.saturating_add(self.max_len)).max(i + 1);
            match memchr::memchr2(b'>', b'<', &b[i + 1..window_end]) {
                Some(j) if b[i + 1 + j] == b'>' => {
                    let end = i + 1 + j + 1;
                    if let Some(original) = self.map.get(&text[i..end]) {
                        out.push_str(&text[copied..i]);
                        if json_text {
                            out.push_str(&escape(original));
                        } else {
                            out.push_str(original);
                        }
                        copied = end;
                        search = end;
                        continue;
                    }
                }
                // Another `<` first: a placeholder has none inside, so none starts at i.
                Some(_) => {}
                None => {
                    if streaming && self.is_proper_prefix(&text[i..]) {
                        out.push_str(&text[copied..i]);
                        return i;
                    }
                }
            }
            search = i + 1;
        }
        out.push_str(&text[copied..]);
        text.len()
    }
}

/// `text` with every placeholder of `map` replaced by its original value.
pub fn restore_text(map: &PlaceholderMap, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    map.restore_into(text, &mut out, false, false);
    out
}

/// Streaming restoration of one text stream (one choice, one content block).
#[derive(Clone)]
pub struct Restorer {
    map: Arc<PlaceholderMap>,
    held: String,
    json_text: bool,
}

impl fmt::Debug for Restorer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Restorer(held {} bytes)", self.held.len())
    }
}

impl Restorer {
    /// A restorer for plain text.
    pub fn new(map: Arc<PlaceholderMap>) -> Restorer {
        Restorer {
            map,
            held: String::new(),
            json_text: false,
        }
    }

    /// A restorer for a stream of JSON text (tool-call arguments): originals are
    /// JSON-escaped, since placeholders sit inside string literals there.
    pub fn for_json_text(map: Arc<PlaceholderMap>) -> Restorer {
        Restorer {
            json_text: true,
            ..Restorer::new(map)
        }
    }

    /// Feed the next piece; get what can be emitted now.
    pub fn push(&mut self, chunk: &str) -> String {
        if self.held.is_empty() && !chunk.contains('<') {
            return chunk.to_string(); // the common case, without copying twice
        }
        let mut text = std::mem::take(&mut self.held);
        text.push_str(chunk);
        let mut out = String::with_capacity(text.len());
        let stop = self.map.restore_into(&text, &mut out, self.json_text, true);
        self.held = text[stop..].to_string();
        out
    }

    /// The stream ended: whatever was held (never a whole placeholder).
    pub fn finish(&mut self) -> String {
        std::mem::take(&mut self.held)
    }

    /// Bytes held back right now (at most the longest placeholder minus one).
    pub fn held_len(&self) -> usize {
        self.held.len()
    }
}

/// Whether a string at `pointer` is JSON text (tool-call arguments).
fn is_json_text(pointer: &str) -> bool {
    let leaf = pointer.rsplit('/').next().unwrap_or("");
    leaf == "arguments" || leaf == "partial_json"
}

/// Whether a string value is itself a JSON object or array: a structured output
/// (`response_format: json_schema`, JSON mode) answered as message content.
/// Its placeholders sit inside JSON strings, so their originals must be escaped
/// for the content to stay valid JSON.
fn is_json_document(value: &str) -> bool {
    let t = value.trim_start();
    (t.starts_with('{') || t.starts_with('['))
        && serde_json::from_str::<serde::de::IgnoredAny>(value).is_ok()
}

/// Restore every string value of a JSON response body (non-streaming responses
/// of every provider, Gemini's JSON-array stream once buffered). Tool-call
/// `arguments` strings and content that is a JSON document (structured outputs)
/// are JSON text and get JSON-escaped originals; tool inputs
/// that are objects (Anthropic `input`, Gemini `args`) are ordinary strings.
/// Everything else in the body is kept byte for byte.
pub fn restore_json(map: &PlaceholderMap, body: &[u8]) -> Result<Vec<u8>, InspectError> {
    let segs = segments(body)?;
    let mut replacements = Vec::new();
    for (i, s) in segs.iter().enumerate() {
        if s.is_key || !s.value.contains('<') {
            continue;
        }
        let mut out = String::with_capacity(s.value.len());
        let json_text = is_json_text(&s.pointer) || is_json_document(&s.value);
        map.restore_into(&s.value, &mut out, json_text, false);
        if out != s.value {
            replacements.push((i, out));
        }
    }
    Ok(rewrite(body, &segs, &replacements))
}

/// Which text stream a delta belongs to. Ordered, so flushes are deterministic.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum StreamKey {
    /// OpenAI chat `choices[i].delta.content` / `.refusal` (field name kept).
    Chat { choice: u64, field: &'static str },
    /// OpenAI chat `choices[i].delta.tool_calls[k].function.arguments`.
    ChatTool { choice: u64, tool: u64 },
    /// Legacy completions `choices[i].text`.
    Completion { choice: u64 },
    /// Responses `response.{output_text,refusal,function_call_arguments}.delta`.
    Responses {
        output: u64,
        content: u64,
        kind: &'static str,
    },
    /// Anthropic `content_block_delta` for block `index`.
    Block { index: u64 },
    /// Gemini `candidates[i]` text parts (thought parts separately).
    Candidate { index: u64, thought: bool },
}

/// One text stream: its restorer and how to make a delta event of its shape.
struct Stream {
    restorer: Restorer,
    event: Option<String>,
    template: Value,
    text_pointer: String,
}

impl Stream {
    fn synthesize(&self, text: String) -> SseEvent {
        let mut v = self.template.clone();
        if let Some(slot) = v.pointer_mut(&self.text_pointer) {
            *slot = Value::String(text);
        }
        SseEvent {
            event: self.event.clone(),
            data: Some(v.to_string()),
            ..SseEvent::default()
        }
    }
}

/// A delta found in an event: where its text is and which stream it extends.
struct Delta {
    pointer: String,
    key: StreamKey,
    json_text: bool,
    /// The event this stream's synthesized deltas are shaped like.
    template: Value,
    text_pointer: String,
}

/// What one event means for the text streams.
#[derive(Default)]
struct EventPlan {
    deltas: Vec<Delta>,
    /// Streams this event ends (flushed before it, or into its own delta).
    ends: Vec<EndRule>,
}

#[derive(Clone, Copy)]
enum EndRule {
    All,
    ChatChoice(u64),
    Responses { output: u64, content: Option<u64> },
    Block(u64),
    Candidate(u64),
}

impl EndRule {
    fn covers(&self, key: &StreamKey) -> bool {
        match (*self, key) {
            (EndRule::All, _) => true,
            (EndRule::ChatChoice(c), StreamKey::Chat { choice, .. })
            | (EndRule::ChatChoice(c), StreamKey::ChatTool { choice, .. })
            | (EndRule::ChatChoice(c), StreamKey::Completion { choice }) => *choice == c,
            (
                EndRule::Responses {
                    output: o,
                    content: c,
                },
                StreamKey::Responses {
                    output, content, ..
                },
            ) => *output == o && c.is_none_or(|c| c == *content),
            (EndRule::Block(b), StreamKey::Block { index }) => *index == b,
            (EndRule::Candidate(c), StreamKey::Candidate { index, .. }) => *index == c,
            _ => false,
        }
    }
}

/// Restores placeholders in a provider's SSE response stream, event by event,
/// across event boundaries. The event shapes are recognised from the data
/// itself (`choices`, `type`, `candidates`), so one restorer serves every
/// provider and OpenAI-compatible servers with small deviations.
pub struct SseRestorer {
    map: Arc<PlaceholderMap>,
    streams: BTreeMap<StreamKey, Stream>,
    parser: SseParser,
}

impl fmt::Debug for SseRestorer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SseRestorer")
            .field("open_streams", &self.streams.len())
            .field("parser", &self.parser)
            .finish()
    }
}

impl SseRestorer {
    /// A restorer for one response stream.
    pub fn new(map: Arc<PlaceholderMap>) -> SseRestorer {
        SseRestorer {
            map,
            streams: BTreeMap::new(),
            parser: SseParser::new(),
        }
    }

    /// Bytes in, bytes out: parse, restore, re-serialize.
    pub fn push_bytes(&mut self, chunk: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for ev in self.parser.push(chunk) {
            for e in self.push_event(ev) {
                out.extend(e.to_bytes());
            }
        }
        out
    }

    /// End of the byte stream: the last unterminated event and every held text.
    pub fn finish_bytes(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        if let Some(ev) = self.parser.finish() {
            for e in self.push_event(ev) {
                out.extend(e.to_bytes());
            }
        }
        for e in self.finish() {
            out.extend(e.to_bytes());
        }
        out
    }

    /// Bytes buffered by the parser for an incomplete event (for the proxy's cap).
    pub fn buffered_len(&self) -> usize {
        self.parser.buffered_len()
    }

    /// One parsed event in; the events to send, in order (synthesized deltas
    /// first, then this event restored).
    pub fn push_event(&mut self, ev: SseEvent) -> Vec<SseEvent> {
        let Some(data) = ev.data.clone() else {
            return vec![ev];
        };
        if data.trim() == "[DONE]" {
            let mut out = self.flush(|_| true);
            out.push(ev);
            return out;
        }
        let Ok(value) = serde_json::from_str::<Value>(&data) else {
            // Not JSON: restore as text (placeholders are all it could hold).
            let restored = restore_text(&self.map, &data);
            return vec![SseEvent {
                data: Some(restored),
                ..ev
            }];
        };
        let plan = plan_event(ev.event.as_deref(), &value);
        // Streams that end here and have no delta in this very event are flushed
        // in synthesized events before it; the others get their held text appended
        // to this event's last delta for them.
        let in_event: Vec<&StreamKey> = plan.deltas.iter().map(|d| &d.key).collect();
        let mut out = {
            let ends = plan.ends.clone();
            let in_event: Vec<StreamKey> = in_event.into_iter().cloned().collect();
            self.flush(|k| ends.iter().any(|r| r.covers(k)) && !in_event.contains(k))
        };
        out.push(self.restore_event(ev, &data, &plan));
        out
    }

    /// End of stream: every held text, as synthesized deltas.
    pub fn finish(&mut self) -> Vec<SseEvent> {
        self.flush(|_| true)
    }

    fn flush(&mut self, which: impl Fn(&StreamKey) -> bool) -> Vec<SseEvent> {
        let keys: Vec<StreamKey> = self.streams.keys().filter(|k| which(k)).cloned().collect();
        let mut out = Vec::new();
        for k in keys {
            if let Some(mut s) = self.streams.remove(&k) {
                let held = s.restorer.finish();
                if !held.is_empty() {
                    out.push(s.synthesize(held));
                }
            }
        }
        out
    }

    fn restore_event(&mut self, ev: SseEvent, data: &str, plan: &EventPlan) -> SseEvent {
        let Ok(segs) = segments(data.as_bytes()) else {
            return ev;
        };
        // The last delta of each ending stream in this event takes the held text.
        let mut last_of: HashMap<&StreamKey, usize> = HashMap::new();
        for (n, d) in plan.deltas.iter().enumerate() {
            last_of.insert(&d.key, n);
        }
        let mut replacements = Vec::new();
        for (i, s) in segs.iter().enumerate() {
            if s.is_key {
                continue;
            }
            let new = if let Some((n, d)) = plan
                .deltas
                .iter()
                .enumerate()
                .find(|(_, d)| d.pointer == s.pointer)
            {
                let map = &self.map;
                let stream = self.streams.entry(d.key.clone()).or_insert_with(|| Stream {
                    restorer: if d.json_text {
                        Restorer::for_json_text(map.clone())
                    } else {
                        Restorer::new(map.clone())
                    },
                    event: ev.event.clone(),
                    template: d.template.clone(),
                    text_pointer: d.text_pointer.clone(),
                });
                let mut text = stream.restorer.push(&s.value);
                let ends_here = plan.ends.iter().any(|r| r.covers(&d.key));
                if ends_here && last_of.get(&d.key) == Some(&n) {
                    text.push_str(&stream.restorer.finish());
                    self.streams.remove(&d.key);
                }
                text
            } else if s.value.contains('<') {
                let mut out = String::with_capacity(s.value.len());
                self.map
                    .restore_into(&s.value, &mut out, is_json_text(&s.pointer), false);
                out
            } else {
                continue;
            };
            if new != s.value {
                replacements.push((i, new));
            }
        }
        if replacements.is_empty() {
            return ev;
        }
        let bytes = rewrite(data.as_bytes(), &segs, &replacements);
        SseEvent {
            data: Some(String::from_utf8_lossy(&bytes).into_owned()),
            ..ev
        }
    }
}

fn u64_at(v: &Value, key: &str) -> Option<u64> {
    v.get(key).and_then(Value::as_u64)
}

/// Recognise the event's shape: its deltas and the streams it ends.
fn plan_event(event: Option<&str>, v: &Value) -> EventPlan {
    let mut plan = EventPlan::default();
    let ty = v
        .get("type")
        .and_then(Value::as_str)
        .or(event)
        .unwrap_or("");
    if let Some(choices) = v.get("choices").and_then(Value::as_array) {
        plan_chat(v, choices, &mut plan);
    } else if let Some(candidates) = v.get("candidates").and_then(Value::as_array) {
        plan_gemini(v, candidates, &mut plan);
    } else if ty.starts_with("response.") {
        plan_responses(ty, v, &mut plan);
    } else {
        plan_anthropic(ty, v, &mut plan);
    }
    plan
}

fn plan_chat(v: &Value, choices: &[Value], plan: &mut EventPlan) {
    let mut base = v.clone();
    if let Some(obj) = base.as_object_mut() {
        obj.remove("choices");
        obj.remove("usage");
    }
    for (pos, c) in choices.iter().enumerate() {
        let choice = u64_at(c, "index").unwrap_or(pos as u64);
        let with_choice = |choice_value: Value| {
            let mut t = base.clone();
            if let Some(obj) = t.as_object_mut() {
                obj.insert("choices".into(), json!([choice_value]));
            }
            t
        };
        if let Some(delta) = c.get("delta") {
            for field in ["content", "refusal"] {
                if delta.get(field).is_some_and(Value::is_string) {
                    plan.deltas.push(Delta {
                        pointer: format!("/choices/{pos}/delta/{field}"),
                        key: StreamKey::Chat { choice, field },
                        json_text: false,
                        template: with_choice(
                            json!({"index": choice, "delta": {field: ""}, "finish_reason": null}),
                        ),
                        text_pointer: format!("/choices/0/delta/{field}"),
                    });
                }
            }
            if let Some(tools) = delta.get("tool_calls").and_then(Value::as_array) {
                for (t, call) in tools.iter().enumerate() {
                    let tool = u64_at(call, "index").unwrap_or(t as u64);
                    if call
                        .pointer("/function/arguments")
                        .is_some_and(Value::is_string)
                    {
                        plan.deltas.push(Delta {
                            pointer: format!("/choices/{pos}/delta/tool_calls/{t}/function/arguments"),
                            key: StreamKey::ChatTool { choice, tool },
                            json_text: true,
                            template: with_choice(json!({"index": choice, "delta": {"tool_calls": [{"index": tool, "function": {"arguments": ""}}]}, "finish_reason": null})),
                            text_pointer: "/choices/0/delta/tool_calls/0/function/arguments".into(),
                        });
                    }
                }
            }
        } else if c.get("text").is_some_and(Value::is_string) {
            plan.deltas.push(Delta {
                pointer: format!("/choices/{pos}/text"),
                key: StreamKey::Completion { choice },
                json_text: false,
                template: with_choice(json!({"index": choice, "text": "", "finish_reason": null})),
                text_pointer: "/choices/0/text".into(),
            });
        }
        if c.get("finish_reason").is_some_and(|f| !f.is_null()) {
            plan.ends.push(EndRule::ChatChoice(choice));
        }
    }
}

fn plan_gemini(v: &Value, candidates: &[Value], plan: &mut EventPlan) {
    let mut base = v.clone();
    if let Some(obj) = base.as_object_mut() {
        obj.remove("candidates");
        obj.remove("usageMetadata");
    }
    for (pos, c) in candidates.iter().enumerate() {
        let index = u64_at(c, "index").unwrap_or(pos as u64);
        let parts = c.pointer("/content/parts").and_then(Value::as_array);
        for (j, part) in parts.into_iter().flatten().enumerate() {
            if !part.get("text").is_some_and(Value::is_string) {
                continue;
            }
            let thought = part.get("thought").and_then(Value::as_bool) == Some(true);
            let mut new_part = json!({"text": ""});
            if thought {
                new_part["thought"] = Value::Bool(true);
            }
            let mut template = base.clone();
            if let Some(obj) = template.as_object_mut() {
                obj.insert(
                    "candidates".into(),
                    json!([{"content": {"parts": [new_part], "role": "model"}, "index": index}]),
                );
            }
            plan.deltas.push(Delta {
                pointer: format!("/candidates/{pos}/content/parts/{j}/text"),
                key: StreamKey::Candidate { index, thought },
                json_text: false,
                template,
                text_pointer: "/candidates/0/content/parts/0/text".into(),
            });
        }
        if c.get("finishReason").is_some_and(|f| !f.is_null()) {
            plan.ends.push(EndRule::Candidate(index));
        }
    }
}

fn plan_responses(ty: &str, v: &Value, plan: &mut EventPlan) {
    let output = u64_at(v, "output_index").unwrap_or(0);
    let content = u64_at(v, "content_index").unwrap_or(0);
    let delta_kind = match ty {
        "response.output_text.delta" => Some("text"),
        "response.refusal.delta" => Some("refusal"),
        "response.function_call_arguments.delta" => Some("arguments"),
        _ => None,
    };
    if let Some(kind) = delta_kind {
        if v.get("delta").is_some_and(Value::is_string) {
            plan.deltas.push(Delta {
                pointer: "/delta".into(),
                key: StreamKey::Responses {
                    output,
                    content,
                    kind,
                },
                json_text: kind == "arguments",
                template: v.clone(),
                text_pointer: "/delta".into(),
            });
        }
        return;
    }
    match ty {
        "response.output_text.done" | "response.refusal.done" | "response.content_part.done" => {
            plan.ends.push(EndRule::Responses {
                output,
                content: Some(content),
            })
        }
        "response.function_call_arguments.done" | "response.output_item.done" => {
            plan.ends.push(EndRule::Responses {
                output,
                content: None,
            })
        }
        "response.completed" | "response.incomplete" | "response.failed" | "error" => {
            plan.ends.push(EndRule::All)
        }
        _ => {}
    }
}

fn plan_anthropic(ty: &str, v: &Value, plan: &mut EventPlan) {
    match ty {
        "content_block_delta" => {
            let index = u64_at(v, "index").unwrap_or(0);
            let delta = v.get("delta");
            for (field, json_text) in [("text", false), ("partial_json", true), ("thinking", false)]
            {
                if delta
                    .and_then(|d| d.get(field))
                    .is_some_and(Value::is_string)
                {
                    plan.deltas.push(Delta {
                        pointer: format!("/delta/{field}"),
                        key: StreamKey::Block { index },
                        json_text,
                        template: v.clone(),
                        text_pointer: format!("/delta/{field}"),
                    });
                }
            }
        }
        "content_block_stop" => plan
            .ends
            .push(EndRule::Block(u64_at(v, "index").unwrap_or(0))),
        "message_delta" | "message_stop" | "error" => plan.ends.push(EndRule::All),
        _ => {}
    }
}

#[cfg(test)]
mod tests;
