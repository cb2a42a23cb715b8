//! Anthropic Messages ⇄ OpenAI Chat Completions, for routing an Anthropic-format
//! request to a local OpenAI-compatible backend (llama.cpp's `llama-server`,
//! vLLM, Ollama) and answering the client in Anthropic's format.
//!
//! Owns: the request translation ([`anthropic_request_to_openai`]), the
//! non-streaming response translation ([`openai_response_to_anthropic`]), the
//! incremental stream translation ([`AnthropicStream`]: OpenAI chunks in,
//! `message_start`, `content_block_start`, `content_block_delta`…,
//! `content_block_stop`, `message_delta`, `message_stop` out) and backend error
//! bodies ([`openai_error_to_anthropic`]).
//!
//! What is translated: `system` (string or text blocks), messages with text,
//! image (base64 or URL), `tool_use` and `tool_result` blocks, `max_tokens`,
//! `temperature`, `top_p`, `top_k`, `stop_sequences`, `stream`, `tools`,
//! `tool_choice`, `metadata.user_id`. Dropped on purpose: `thinking` blocks and
//! settings (local models have no signed thinking), `cache_control` (no prompt
//! cache to address). Refused ([`InspectError::Unsupported`]): document blocks
//! and server tools, which a local backend cannot honour — answering without
//! them would be silently wrong.
//!
//! Invariants: translations are pure functions of their input; fields the
//! backend omits (llama-server may drop `id`, `usage`, `created`) get neutral
//! defaults, extra fields (`timings`, `system_fingerprint`) are ignored; the
//! stream translator emits `message_start` exactly once before anything else and
//! `message_stop` exactly once at the end, and every `content_block_delta` lies
//! between its block's start and stop.

use serde_json::{json, Map, Value};

use super::sse::SseEvent;
use super::InspectError;

/// An Anthropic Messages request, translated.
#[derive(Debug, Clone, PartialEq)]
pub struct TranslatedRequest {
    /// The OpenAI Chat Completions body for the backend.
    pub body: Vec<u8>,
    /// The model the client asked for (echoed back in the response).
    pub requested_model: String,
    /// Whether the client asked for a stream.
    pub stream: bool,
}

fn bad(what: &'static str) -> InspectError {
    InspectError::Unsupported(what)
}

/// Translate an Anthropic Messages request body into an OpenAI Chat Completions
/// body for `backend_model` (the policy backend's mapping of the requested model).
pub fn anthropic_request_to_openai(
    body: &[u8],
    backend_model: &str,
) -> Result<TranslatedRequest, InspectError> {
    super::json::validate(body)?;
    let req: Value =
        serde_json::from_slice(body).map_err(|_| bad("request is not a JSON object"))?;
    let req = req.as_object().ok_or(bad("request is not a JSON object"))?;
    let mut messages: Vec<Value> = Vec::new();

    match req.get("system") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => messages.push(json!({"role": "system", "content": s})),
        Some(Value::Array(blocks)) => {
            let text = text_of_blocks(blocks)?;
            messages.push(json!({"role": "system", "content": text}));
        }
        Some(_) => return Err(bad("system must be a string or text blocks")),
    }

    let Some(Value::Array(msgs)) = req.get("messages") else {
        return Err(bad("messages must be an array"));
    };
    for m in msgs {
        let role = m.get("role").and_then(Value::as_str).unwrap_or("user");
        match (role, m.get("content")) {
            (_, Some(Value::String(s))) => messages.push(json!({"role": role, "content": s})),
            ("assistant", Some(Value::Array(blocks))) => messages.push(assistant_message(blocks)?),
            (_, Some(Value::Array(blocks))) => user_messages(blocks, &mut messages)?,
            _ => return Err(bad("message content must be a string or blocks")),
        }
    }

    let mut out = Map::new();
    out.insert("model".into(), json!(backend_model));
    out.insert("messages".into(), Value::Array(messages));
    if let Some(n) = req.get("max_tokens") {
        out.insert("max_tokens".into(), n.clone());
    }
    for key in ["temperature", "top_p", "top_k"] {
        if let Some(v) = req.get(key) {
            out.insert(key.into(), v.clone());
        }
    }
    if let Some(stop) = req.get("stop_sequences") {
        out.insert("stop".into(), stop.clone());
    }
    let stream = req.get("stream").and_then(Value::as_bool) == Some(true);
    if stream {
        out.insert("stream".into(), json!(true));
        // Usage arrives in a final chunk only when asked for.
        out.insert("stream_options".into(), json!({"include_usage": true}));
    }
    if let Some(Value::Array(tools)) = req.get("tools") {
        let mut mapped = Vec::new();
        for t in tools {
            // Server tools (web search, code execution) have a `type` other than custom.
            let ty = t.get("type").and_then(Value::as_str).unwrap_or("custom");
            if ty != "custom" {
                return Err(bad("server tools cannot run on a local backend"));
            }
            let mut f = Map::new();
            f.insert("name".into(), t.get("name").cloned().unwrap_or(json!("")));
            if let Some(d) = t.get("description") {
                f.insert("description".into(), d.clone());
            }
            f.insert(
                "parameters".into(),
                t.get("input_schema")
                    .cloned()
                    .unwrap_or(json!({"type": "object"})),
            );
            mapped.push(json!({"type": "function", "function": f}));
        }
        out.insert("tools".into(), Value::Array(mapped));
    }
    if let Some(choice) = req.get("tool_choice") {
        let mapped = match choice.get("type").and_then(Value::as_str) {
            Some("auto") => json!("auto"),
            Some("any") => json!("required"),
            Some("none") => json!("none"),
            Some("tool") => {
                json!({"type": "function", "function": {"name": choice.get("name").cloned().unwrap_or(json!(""))}})
            }
            _ => return Err(bad("unknown tool_choice")),
        };
        out.insert("tool_choice".into(), mapped);
    }
    if let Some(user) = req.get("metadata").and_then(|m| m.get("user_id")) {
        out.insert("user".into(), user.clone());
    }
    let requested_model = req
        .get("model")
        .and_then(Value::as_str)
        .unwrap_or(backend_model)
        .to_string();
    Ok(TranslatedRequest {
        body: Value::Object(out).to_string().into_bytes(),
        requested_model,
        stream,
    })
}

/// Text blocks joined with blank lines (for `system` and tool results).
fn text_of_blocks(blocks: &[Value]) -> Result<String, InspectError> {
    let mut parts = Vec::new();
    for b in blocks {
        match b.get("type").and_then(Value::as_str) {
            Some("text") => parts.push(b.get("text").and_then(Value::as_str).unwrap_or("")),
            Some("image") => return Err(bad("images inside tool results or system prompts")),
            _ => return Err(bad("only text blocks are supported here")),
        }
    }
    Ok(parts.join("\n\n"))
}

fn assistant_message(blocks: &[Value]) -> Result<Value, InspectError> {
    let mut text = String::new();
    let mut calls = Vec::new();
    for b in blocks {
        match b.get("type").and_then(Value::as_str) {
            Some("text") => text.push_str(b.get("text").and_then(Value::as_str).unwrap_or("")),
            Some("tool_use") => calls.push(json!({
                "id": b.get("id").cloned().unwrap_or(json!("")),
                "type": "function",
                "function": {
                    "name": b.get("name").cloned().unwrap_or(json!("")),
                    "arguments": b.get("input").map_or_else(|| "{}".to_string(), Value::to_string),
                },
            })),
            // Local models cannot verify signed thinking; the text carries the answer.
            Some("thinking") | Some("redacted_thinking") => {}
            _ => return Err(bad("unsupported assistant content block")),
        }
    }
    let mut m = json!({"role": "assistant", "content": text});
    if !calls.is_empty() {
        if text.is_empty() {
            m["content"] = Value::Null;
        }
        m["tool_calls"] = Value::Array(calls);
    }
    Ok(m)
}

/// A user turn: tool results become `tool` messages (first, since OpenAI wants
/// them right after the assistant's calls), the rest one user message.
fn user_messages(blocks: &[Value], out: &mut Vec<Value>) -> Result<(), InspectError> {
    let mut parts: Vec<Value> = Vec::new();
    for b in blocks {
        match b.get("type").and_then(Value::as_str) {
            Some("text") => parts
                .push(json!({"type": "text", "text": b.get("text").cloned().unwrap_or(json!(""))})),
            Some("image") => {
                let src = b.get("source").ok_or(bad("image without source"))?;
                let url = match src.get("type").and_then(Value::as_str) {
                    Some("base64") => format!(
                        "data:{};base64,{}",
                        src.get("media_type")
                            .and_then(Value::as_str)
                            .unwrap_or("image/png"),
                        src.get("data").and_then(Value::as_str).unwrap_or("")
                    ),
                    Some("url") => src
                        .get("url")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    _ => return Err(bad("unsupported image source")),
                };
                parts.push(json!({"type": "image_url", "image_url": {"url": url}}));
            }
            Some("tool_result") => {
                let content = match b.get("content") {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Array(inner)) => text_of_blocks(inner)?,
                    None | Some(Value::Null) => String::new(),
                    Some(_) => return Err(bad("unsupported tool_result content")),
                };
                let content = if b.get("is_error").and_then(Value::as_bool) == Some(true) {
                    format!("Error: {content}")
                } else {
                    content
                };
                out.push(json!({
                    "role": "tool",
                    "tool_call_id": b.get("tool_use_id").cloned().unwrap_or(json!("")),
                    "content": content,
                }));
            }
            Some("document") => {
                return Err(bad("document blocks cannot be routed to a local backend"))
            }
            _ => return Err(bad("unsupported user content block")),
        }
    }
    if parts.is_empty() {
        return Ok(());
    }
    // Only text: one string, which every local server accepts.
    if parts.iter().all(|p| p["type"] == "text") {
        let text: Vec<&str> = parts.iter().filter_map(|p| p["text"].as_str()).collect();
        out.push(json!({"role": "user", "content": text.join("\n\n")}));
    } else {
        out.push(json!({"role": "user", "content": parts}));
    }
    Ok(())
}

/// OpenAI `finish_reason` → Anthropic `stop_reason`.
fn stop_reason(finish: Option<&str>) -> &'static str {
    match finish {
        Some("length") => "max_tokens",
        Some("tool_calls") | Some("function_call") => "tool_use",
        Some("content_filter") => "refusal",
        _ => "end_turn",
    }
}

fn message_id(openai_id: Option<&str>) -> String {
    match openai_id {
        Some(id) if !id.is_empty() => format!("msg_{}", id.trim_start_matches("chatcmpl-")),
        _ => "msg_scrim_local".to_string(),
    }
}

/// Translate a non-streaming OpenAI Chat Completions response into an Anthropic
/// message, naming `requested_model` (what the client asked for).
pub fn openai_response_to_anthropic(
    body: &[u8],
    requested_model: &str,
) -> Result<Vec<u8>, InspectError> {
    super::json::validate(body)?;
    let v: Value = serde_json::from_slice(body).map_err(|_| bad("response is not JSON"))?;
    let choice = v
        .pointer("/choices/0")
        .ok_or(bad("response has no choices"))?;
    let msg = choice.get("message").cloned().unwrap_or(json!({}));
    let mut content = Vec::new();
    if let Some(text) = msg.get("content").and_then(Value::as_str) {
        if !text.is_empty() {
            content.push(json!({"type": "text", "text": text}));
        }
    }
    for call in msg
        .get("tool_calls")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        content.push(tool_use_block(call));
    }
    if content.is_empty() {
        content.push(json!({"type": "text", "text": ""}));
    }
    let out = json!({
        "id": message_id(v.get("id").and_then(Value::as_str)),
        "type": "message",
        "role": "assistant",
        "model": requested_model,
        "content": content,
        "stop_reason": stop_reason(choice.get("finish_reason").and_then(Value::as_str)),
        "stop_sequence": null,
        "usage": {
            "input_tokens": v.pointer("/usage/prompt_tokens").and_then(Value::as_u64).unwrap_or(0),
            "output_tokens": v.pointer("/usage/completion_tokens").and_then(Value::as_u64).unwrap_or(0),
        },
    });
    Ok(out.to_string().into_bytes())
}

fn tool_use_block(call: &Value) -> Value {
    let args = call
        .pointer("/function/arguments")
        .and_then(Value::as_str)
        .unwrap_or("{}");
    // Anthropic's input is an object; a backend that produced broken JSON gets it wrapped.
    let input = match serde_json::from_str::<Value>(args) {
        Ok(v @ Value::Object(_)) => v,
        _ => json!({"arguments": args}),
    };
    json!({
        "type": "tool_use",
        "id": call.get("id").and_then(Value::as_str).filter(|s| !s.is_empty()).unwrap_or("toolu_scrim"),
        "name": call.pointer("/function/name").cloned().unwrap_or(json!("")),
        "input": input,
    })
}

/// A backend's OpenAI-format error body, re-shaped as Anthropic's.
pub fn openai_error_to_anthropic(body: &[u8]) -> Vec<u8> {
    let v: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let message = v
        .pointer("/error/message")
        .and_then(Value::as_str)
        .unwrap_or("the local backend returned an error");
    json!({"type": "error", "error": {"type": "api_error", "message": message}})
        .to_string()
        .into_bytes()
}

/// The block the stream is inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Text(u64),
    /// Anthropic block index, OpenAI tool-call index.
    Tool(u64, u64),
}

/// Incremental OpenAI chunk stream → Anthropic Messages stream.
#[derive(Debug)]
pub struct AnthropicStream {
    requested_model: String,
    started: bool,
    finished: bool,
    next_index: u64,
    open: Option<Open>,
    stop_reason: Option<&'static str>,
    input_tokens: u64,
    output_tokens: u64,
    parser: super::sse::SseParser,
}

fn event(name: &str, data: Value) -> SseEvent {
    SseEvent::named(name, data.to_string())
}

impl AnthropicStream {
    /// A translator for one response stream.
    pub fn new(requested_model: &str) -> AnthropicStream {
        AnthropicStream {
            requested_model: requested_model.to_string(),
            started: false,
            finished: false,
            next_index: 0,
            open: None,
            stop_reason: None,
            input_tokens: 0,
            output_tokens: 0,
            parser: super::sse::SseParser::new(),
        }
    }

    /// Bytes of the backend's stream in, bytes of the Anthropic stream out.
    pub fn push_bytes(&mut self, chunk: &[u8]) -> Vec<u8> {
        let events = self.parser.push(chunk);
        events
            .into_iter()
            .flat_map(|e| self.push_event(&e))
            .flat_map(|e| e.to_bytes())
            .collect()
    }

    /// End of the backend's byte stream.
    pub fn finish_bytes(&mut self) -> Vec<u8> {
        let mut out: Vec<SseEvent> = self
            .parser
            .finish()
            .map(|e| self.push_event(&e))
            .unwrap_or_default();
        out.extend(self.finish());
        out.iter().flat_map(SseEvent::to_bytes).collect()
    }

    /// One backend event in; the Anthropic events it becomes.
    pub fn push_event(&mut self, ev: &SseEvent) -> Vec<SseEvent> {
        let mut out = Vec::new();
        if self.finished {
            return out;
        }
        let Some(data) = ev.data.as_deref() else {
            return out; // comments and keep-alives have no Anthropic counterpart
        };
        if data.trim() == "[DONE]" {
            return self.finish();
        }
        let Ok(v) = serde_json::from_str::<Value>(data) else {
            return out;
        };
        if let Some(err) = v.get("error") {
            self.finished = true;
            let message = err
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("the local backend failed");
            out.push(event(
                "error",
                json!({"type": "error", "error": {"type": "api_error", "message": message}}),
            ));
            return out;
        }
        self.start(&v, &mut out);
        if let Some(usage) = v.get("usage").filter(|u| u.is_object()) {
            self.input_tokens = usage
                .get("prompt_tokens")
                .and_then(Value::as_u64)
                .unwrap_or(self.input_tokens);
            self.output_tokens = usage
                .get("completion_tokens")
                .and_then(Value::as_u64)
                .unwrap_or(self.output_tokens);
        }
        // Anthropic has one choice; others (n > 1) cannot be represented.
        let choice = v.get("choices").and_then(Value::as_array).and_then(|c| {
            c.iter()
                .find(|c| c.get("index").and_then(Value::as_u64).unwrap_or(0) == 0)
        });
        let Some(choice) = choice else {
            return out;
        };
        let delta = choice.get("delta").cloned().unwrap_or(Value::Null);
        if let Some(text) = delta
            .get("content")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
        {
            let index = match self.open {
                Some(Open::Text(i)) => i,
                _ => {
                    self.close(&mut out);
                    let i = self.open_block(json!({"type": "text", "text": ""}), &mut out);
                    self.open = Some(Open::Text(i));
                    i
                }
            };
            out.push(event(
                "content_block_delta",
                json!({"type": "content_block_delta", "index": index, "delta": {"type": "text_delta", "text": text}}),
            ));
        }
        for call in delta
            .get("tool_calls")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let tool = call.get("index").and_then(Value::as_u64).unwrap_or(0);
            // Fragments of one call share its OpenAI index (vLLM repeats id and
            // name on each; llama-server sends them once): same index, same block.
            let index = match self.open {
                Some(Open::Tool(i, t)) if t == tool => i,
                _ => {
                    self.close(&mut out);
                    let id = call
                        .get("id")
                        .and_then(Value::as_str)
                        .filter(|s| !s.is_empty())
                        .map_or_else(
                            || format!("toolu_scrim_{}", self.next_index),
                            str::to_string,
                        );
                    let name = call.pointer("/function/name").cloned().unwrap_or(json!(""));
                    let i = self.open_block(
                        json!({"type": "tool_use", "id": id, "name": name, "input": {}}),
                        &mut out,
                    );
                    self.open = Some(Open::Tool(i, tool));
                    i
                }
            };
            if let Some(args) = call
                .pointer("/function/arguments")
                .and_then(Value::as_str)
                .filter(|a| !a.is_empty())
            {
                out.push(event(
                    "content_block_delta",
                    json!({"type": "content_block_delta", "index": index, "delta": {"type": "input_json_delta", "partial_json": args}}),
                ));
            }
        }
        if let Some(f) = choice.get("finish_reason").and_then(Value::as_str) {
            self.stop_reason = Some(stop_reason(Some(f)));
        }
        out
    }

    /// End of stream (or `[DONE]`): close the open block, then `message_delta`
    /// and `message_stop`, once.
    pub fn finish(&mut self) -> Vec<SseEvent> {
        let mut out = Vec::new();
        if self.finished {
            return out;
        }
        self.finished = true;
        if !self.started {
            out.push(event(
                "error",
                json!({"type": "error", "error": {"type": "api_error", "message": "the local backend returned an empty stream"}}),
            ));
            return out;
        }
        self.close(&mut out);
        out.push(event(
            "message_delta",
            json!({
                "type": "message_delta",
                "delta": {"stop_reason": self.stop_reason.unwrap_or("end_turn"), "stop_sequence": null},
                "usage": {"input_tokens": self.input_tokens, "output_tokens": self.output_tokens},
            }),
        ));
        out.push(event("message_stop", json!({"type": "message_stop"})));
        out
    }

    fn start(&mut self, v: &Value, out: &mut Vec<SseEvent>) {
        if self.started {
            return;
        }
        self.started = true;
        out.push(event(
            "message_start",
            json!({"type": "message_start", "message": {
                "id": message_id(v.get("id").and_then(Value::as_str)),
                "type": "message",
                "role": "assistant",
                "model": self.requested_model,
                "content": [],
                "stop_reason": null,
                "stop_sequence": null,
                "usage": {"input_tokens": 0, "output_tokens": 0},
            }}),
        ));
    }

    fn open_block(&mut self, block: Value, out: &mut Vec<SseEvent>) -> u64 {
        let index = self.next_index;
        self.next_index += 1;
        out.push(event(
            "content_block_start",
            json!({"type": "content_block_start", "index": index, "content_block": block}),
        ));
        index
    }

    fn close(&mut self, out: &mut Vec<SseEvent>) {
        if let Some(Open::Text(i) | Open::Tool(i, _)) = self.open.take() {
            out.push(event(
                "content_block_stop",
                json!({"type": "content_block_stop", "index": i}),
            ));
        }
    }
}

#[cfg(test)]
mod tests;
