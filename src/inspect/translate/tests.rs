//! Translation tests with payloads shaped like llama.cpp's `llama-server`,
//! vLLM and Ollama output (extra `timings`, missing `id`/`usage`).

use super::*;
use crate::inspect::sse::SseParser;

fn v(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap()
}

#[test]
fn request_with_system_blocks_tools_and_results() {
    let body = json!({
        "model": "claude-sonnet-4-5",
        "max_tokens": 1024,
        "temperature": 0.2,
        "top_k": 40,
        "stop_sequences": ["\n\nHuman:"],
        "stream": true,
        "metadata": {"user_id": "u-17"},
        "system": [{"type": "text", "text": "You are terse.", "cache_control": {"type": "ephemeral"}}, {"type": "text", "text": "Answer in English."}],
        "tools": [{"name": "get_weather", "description": "Weather for a city", "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}],
        "tool_choice": {"type": "any"},
        "messages": [
            {"role": "user", "content": "Weather in Paris?"},
            {"role": "assistant", "content": [
                {"type": "thinking", "thinking": "...", "signature": "sig"},
                {"type": "text", "text": "Checking."},
                {"type": "tool_use", "id": "toolu_01", "name": "get_weather", "input": {"city": "Paris"}}
            ]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "toolu_01", "content": [{"type": "text", "text": "18°C, cloudy"}]},
                {"type": "text", "text": "And tomorrow?"}
            ]},
            {"role": "user", "content": [
                {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "/9j/4AAQ"}},
                {"type": "text", "text": "What is this?"}
            ]}
        ]
    });
    let t =
        anthropic_request_to_openai(body.to_string().as_bytes(), "qwen2.5-7b-instruct").unwrap();
    assert_eq!(t.requested_model, "claude-sonnet-4-5");
    assert!(t.stream);
    assert_eq!(
        v(&t.body),
        json!({
            "model": "qwen2.5-7b-instruct",
            "max_tokens": 1024,
            "temperature": 0.2,
            "top_k": 40,
            "stop": ["\n\nHuman:"],
            "stream": true,
            "stream_options": {"include_usage": true},
            "user": "u-17",
            "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Weather for a city", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}],
            "tool_choice": "required",
            "messages": [
                {"role": "system", "content": "You are terse.\n\nAnswer in English."},
                {"role": "user", "content": "Weather in Paris?"},
                {"role": "assistant", "content": "Checking.", "tool_calls": [{"id": "toolu_01", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}}]},
                {"role": "tool", "tool_call_id": "toolu_01", "content": "18°C, cloudy"},
                {"role": "user", "content": "And tomorrow?"},
                {"role": "user", "content": [
                    {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/4AAQ"}},
                    {"type": "text", "text": "What is this?"}
                ]}
            ]
        })
    );
}

#[test]
fn request_minimal_and_refusals() {
    let t = anthropic_request_to_openai(
        br#"{"model":"claude-3-5-haiku-latest","max_tokens":64,"system":"Be brief.","messages":[{"role":"user","content":"Hi"}]}"#,
        "llama3.1:8b",
    )
    .unwrap();
    assert!(!t.stream);
    assert_eq!(
        v(&t.body),
        json!({"model":"llama3.1:8b","max_tokens":64,"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}]})
    );
    let tool_only = anthropic_request_to_openai(
        br#"{"model":"m","max_tokens":8,"tool_choice":{"type":"tool","name":"f"},"messages":[{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"f","input":{}}]}]}"#,
        "b",
    )
    .unwrap();
    let body = v(&tool_only.body);
    assert_eq!(body["messages"][0]["content"], Value::Null);
    assert_eq!(
        body["tool_choice"],
        json!({"type":"function","function":{"name":"f"}})
    );
    for (input, why) in [
        (
            &br#"{"messages":[{"role":"user","content":[{"type":"document","source":{}}]}]}"#[..],
            "document blocks cannot be routed to a local backend",
        ),
        (
            br#"{"messages":[],"tools":[{"type":"web_search_20250305","name":"web_search"}]}"#,
            "server tools cannot run on a local backend",
        ),
        (br#"{"model":"m"}"#, "messages must be an array"),
        (br#"[1]"#, "request is not a JSON object"),
    ] {
        assert_eq!(
            anthropic_request_to_openai(input, "b"),
            Err(InspectError::Unsupported(why))
        );
    }
    assert!(matches!(
        anthropic_request_to_openai(b"{", "b"),
        Err(InspectError::BadJson { .. })
    ));
}

#[test]
fn llama_server_response() {
    let body = br#"{"choices":[{"finish_reason":"stop","index":0,"message":{"role":"assistant","content":"Bonjour ! Comment puis-je vous aider ?"}}],"created":1730000000,"model":"gpt-3.5-turbo","system_fingerprint":"b4500-1a2b3c","object":"chat.completion","usage":{"completion_tokens":11,"prompt_tokens":24,"total_tokens":35},"id":"chatcmpl-Zq3x","timings":{"prompt_n":24,"prompt_ms":31.2,"predicted_n":11,"predicted_ms":180.4,"predicted_per_second":60.9}}"#;
    let out = v(&openai_response_to_anthropic(body, "claude-sonnet-4-5").unwrap());
    assert_eq!(
        out,
        json!({
            "id": "msg_Zq3x",
            "type": "message",
            "role": "assistant",
            "model": "claude-sonnet-4-5",
            "content": [{"type": "text", "text": "Bonjour ! Comment puis-je vous aider ?"}],
            "stop_reason": "end_turn",
            "stop_sequence": null,
            "usage": {"input_tokens": 24, "output_tokens": 11}
        })
    );
}

#[test]
fn response_with_tool_calls_missing_fields_and_length() {
    // No id, no usage (older llama-server builds), a tool call with broken JSON.
    let body = br#"{"choices":[{"finish_reason":"tool_calls","index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},{"type":"function","function":{"name":"g","arguments":"not json"}}]}}]}"#;
    let out = v(&openai_response_to_anthropic(body, "claude").unwrap());
    assert_eq!(out["id"], "msg_scrim_local");
    assert_eq!(out["stop_reason"], "tool_use");
    assert_eq!(out["usage"], json!({"input_tokens": 0, "output_tokens": 0}));
    assert_eq!(
        out["content"],
        json!([
            {"type": "tool_use", "id": "call_a", "name": "get_weather", "input": {"city": "Paris"}},
            {"type": "tool_use", "id": "toolu_scrim", "name": "g", "input": {"arguments": "not json"}}
        ])
    );
    let body = br#"{"id":"x","choices":[{"index":0,"finish_reason":"length","message":{"role":"assistant","content":""}}]}"#;
    let out = v(&openai_response_to_anthropic(body, "c").unwrap());
    assert_eq!(out["stop_reason"], "max_tokens");
    assert_eq!(out["content"], json!([{"type": "text", "text": ""}]));
    assert!(openai_response_to_anthropic(br#"{"choices":[]}"#, "c").is_err());
}

#[test]
fn error_bodies() {
    let out = v(&openai_error_to_anthropic(br#"{"error":{"code":400,"message":"the request exceeds the available context size","type":"exceed_context_size_error"}}"#));
    assert_eq!(
        out,
        json!({"type":"error","error":{"type":"api_error","message":"the request exceeds the available context size"}})
    );
    assert_eq!(
        v(&openai_error_to_anthropic(b"<html>502</html>"))["error"]["message"],
        "the local backend returned an error"
    );
}

/// A llama-server stream: role chunk, content chunks, finish chunk with usage and timings.
const LLAMA_STREAM: &str = concat!(
    "data: {\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null}}],\"created\":1730000000,\"id\":\"chatcmpl-k9\",\"model\":\"qwen\",\"system_fingerprint\":\"b4500\",\"object\":\"chat.completion.chunk\"}\n\n",
    "data: {\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{\"content\":\"Hel\"}}],\"created\":1730000000,\"id\":\"chatcmpl-k9\",\"model\":\"qwen\",\"object\":\"chat.completion.chunk\"}\n\n",
    "data: {\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{\"content\":\"lo!\"}}],\"created\":1730000000,\"id\":\"chatcmpl-k9\",\"model\":\"qwen\",\"object\":\"chat.completion.chunk\"}\n\n",
    "data: {\"choices\":[{\"finish_reason\":\"stop\",\"index\":0,\"delta\":{}}],\"created\":1730000000,\"id\":\"chatcmpl-k9\",\"model\":\"qwen\",\"object\":\"chat.completion.chunk\",\"usage\":{\"completion_tokens\":3,\"prompt_tokens\":9,\"total_tokens\":12},\"timings\":{\"prompt_n\":9,\"predicted_n\":3}}\n\n",
    "data: [DONE]\n\n",
);

fn parse(bytes: &[u8]) -> Vec<(String, Value)> {
    let mut p = SseParser::new();
    let mut evs = p.push(bytes);
    evs.extend(p.finish());
    evs.into_iter()
        .map(|e| {
            (
                e.event.unwrap_or_default(),
                serde_json::from_str(e.data.as_deref().unwrap()).unwrap(),
            )
        })
        .collect()
}

/// Check the Anthropic stream grammar; return (text, tool JSON per block, stop_reason).
fn check_grammar(events: &[(String, Value)]) -> (String, Vec<String>, String) {
    assert_eq!(events.first().map(|e| e.0.as_str()), Some("message_start"));
    assert_eq!(events.last().map(|e| e.0.as_str()), Some("message_stop"));
    let mut open: Option<u64> = None;
    let mut next = 0;
    let (mut text, mut tools, mut stop) = (String::new(), Vec::new(), String::new());
    for (name, data) in events {
        assert_eq!(Some(name.as_str()), data["type"].as_str());
        match name.as_str() {
            "content_block_start" => {
                assert!(open.is_none(), "block opened inside a block");
                assert_eq!(data["index"], next);
                open = Some(next);
                next += 1;
                if data["content_block"]["type"] == "tool_use" {
                    tools.push(String::new());
                }
            }
            "content_block_delta" => {
                assert_eq!(data["index"].as_u64(), open, "delta outside its block");
                match data["delta"]["type"].as_str().unwrap() {
                    "text_delta" => text.push_str(data["delta"]["text"].as_str().unwrap()),
                    "input_json_delta" => tools
                        .last_mut()
                        .unwrap()
                        .push_str(data["delta"]["partial_json"].as_str().unwrap()),
                    other => panic!("unexpected delta {other}"),
                }
            }
            "content_block_stop" => {
                assert_eq!(data["index"].as_u64(), open);
                open = None;
            }
            "message_delta" => {
                assert!(open.is_none());
                stop = data["delta"]["stop_reason"].as_str().unwrap().to_string();
            }
            _ => {}
        }
    }
    (text, tools, stop)
}

#[test]
fn llama_server_stream_at_every_cut() {
    let bytes = LLAMA_STREAM.as_bytes();
    let mut whole = AnthropicStream::new("claude-sonnet-4-5");
    let mut expected = whole.push_bytes(bytes);
    expected.extend(whole.finish_bytes());
    let events = parse(&expected);
    let (text, tools, stop) = check_grammar(&events);
    assert_eq!(
        (text.as_str(), tools.len(), stop.as_str()),
        ("Hello!", 0, "end_turn")
    );
    assert_eq!(events[0].1["message"]["id"], "msg_k9");
    assert_eq!(events[0].1["message"]["model"], "claude-sonnet-4-5");
    let delta = &events.iter().find(|e| e.0 == "message_delta").unwrap().1;
    assert_eq!(
        delta["usage"],
        json!({"input_tokens": 9, "output_tokens": 3})
    );
    for cut in 0..=bytes.len() {
        let mut t = AnthropicStream::new("claude-sonnet-4-5");
        let mut out = t.push_bytes(&bytes[..cut]);
        out.extend(t.push_bytes(&bytes[cut..]));
        out.extend(t.finish_bytes());
        assert_eq!(out, expected, "cut {cut}");
    }
}

#[test]
fn tool_call_stream_llama_and_vllm_styles() {
    let chunk = |delta: Value, finish: Value| {
        SseEvent::data(json!({"id":"chatcmpl-t","object":"chat.completion.chunk","choices":[{"index":0,"delta":delta,"finish_reason":finish}]}).to_string())
    };
    let events = vec![
        chunk(
            json!({"role":"assistant","content":"Let me check."}),
            Value::Null,
        ),
        // llama-server: id and name once, then argument fragments.
        chunk(
            json!({"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]}),
            Value::Null,
        ),
        chunk(
            json!({"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]}),
            Value::Null,
        ),
        chunk(
            json!({"tool_calls":[{"index":0,"function":{"arguments":"\"Paris\"}"}}]}),
            Value::Null,
        ),
        // vLLM style: a second call repeating its id and name on every fragment.
        chunk(
            json!({"tool_calls":[{"index":1,"id":"call_2","type":"function","function":{"name":"get_time","arguments":"{\"tz\":"}}]}),
            Value::Null,
        ),
        chunk(
            json!({"tool_calls":[{"index":1,"id":"call_2","type":"function","function":{"name":"get_time","arguments":"\"CET\"}"}}]}),
            Value::Null,
        ),
        chunk(json!({}), json!("tool_calls")),
        SseEvent::data("[DONE]"),
    ];
    let mut t = AnthropicStream::new("claude");
    let mut out = Vec::new();
    for e in &events {
        out.extend(t.push_event(e));
    }
    out.extend(t.finish());
    let parsed: Vec<(String, Value)> = out
        .iter()
        .map(|e| {
            (
                e.event.clone().unwrap(),
                serde_json::from_str(e.data.as_deref().unwrap()).unwrap(),
            )
        })
        .collect();
    let (text, tools, stop) = check_grammar(&parsed);
    assert_eq!(text, "Let me check.");
    assert_eq!(stop, "tool_use");
    let inputs: Vec<Value> = tools
        .iter()
        .map(|s| serde_json::from_str(s).unwrap())
        .collect();
    assert_eq!(inputs, [json!({"city":"Paris"}), json!({"tz":"CET"})]);
    let starts: Vec<&Value> = parsed
        .iter()
        .filter(|e| e.0 == "content_block_start")
        .map(|e| &e.1["content_block"])
        .collect();
    assert_eq!(
        starts[1],
        &json!({"type":"tool_use","id":"call_1","name":"get_weather","input":{}})
    );
    assert_eq!(starts[2]["id"], "call_2");
    // Nothing after the end.
    assert!(t.push_event(&events[0]).is_empty());
    assert!(t.finish().is_empty());
}

#[test]
fn streams_that_end_badly() {
    // Ollama-style stream that stops without [DONE] and without usage.
    let mut t = AnthropicStream::new("c");
    let mut out = t.push_bytes(b"data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"llama3\",\"system_fingerprint\":\"fp_ollama\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n");
    out.extend(t.finish_bytes());
    let events = parse(&out);
    let (text, _, stop) = check_grammar(&events);
    assert_eq!((text.as_str(), stop.as_str()), ("Hi", "end_turn"));
    // An empty stream becomes an Anthropic error event.
    let mut t = AnthropicStream::new("c");
    let events = parse(&t.finish_bytes());
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].0, "error");
    // A mid-stream error object from the backend.
    let mut t = AnthropicStream::new("c");
    let out = t.push_bytes(b"data: {\"error\":{\"code\":500,\"message\":\"model crashed\"}}\n\n");
    let events = parse(&out);
    assert_eq!(
        events[0].1,
        json!({"type":"error","error":{"type":"api_error","message":"model crashed"}})
    );
    assert!(t.finish_bytes().is_empty());
    // Length stop and comments are handled.
    let mut t = AnthropicStream::new("c");
    let mut out = t.push_bytes(b": keep-alive\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"finish_reason\":\"length\"}]}\n\ndata: [DONE]\n\n");
    out.extend(t.finish_bytes());
    assert_eq!(check_grammar(&parse(&out)).2, "max_tokens");
}
