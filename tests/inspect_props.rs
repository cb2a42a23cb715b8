//! Inspection layer, end to end and under arbitrary input: the same invariants
//! the fuzz targets check (`fuzz/fuzz_targets/{json_rewrite,sse}.rs`), run as
//! property tests on every `cargo test`, plus one request → response walk
//! through every stage the proxy uses.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::sync::Arc;

use proptest::prelude::*;
use scrim::inspect::decode::decode_body;
use scrim::inspect::json::{rewrite, segments};
use scrim::inspect::multipart::{jsonl_segments, parts};
use scrim::inspect::provider::{classify, describe, prompt_segments, ApiKind, Provider};
use scrim::inspect::restore::{restore_json, restore_text, PlaceholderMap, Restorer, SseRestorer};
use scrim::inspect::sse::{SseEvent, SseParser};
use scrim::inspect::translate::AnthropicStream;

/// Bytes that are mostly JSON: tokens of the grammar plus arbitrary bytes.
fn jsonish() -> impl Strategy<Value = Vec<u8>> {
    let token = prop_oneof![
        Just(b"{".to_vec()),
        Just(b"}".to_vec()),
        Just(b"[".to_vec()),
        Just(b"]".to_vec()),
        Just(b",".to_vec()),
        Just(b":".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"\"k\"".to_vec()),
        Just(b"\"<PERSON_1>\"".to_vec()),
        Just(br#"\u00e9\ud83d\ude00\ud800\""#.to_vec()),
        Just(b"\\".to_vec()),
        Just(b" \n".to_vec()),
        Just(b"-1.5e3".to_vec()),
        Just(b"null".to_vec()),
        prop::collection::vec(any::<u8>(), 0..3),
    ];
    prop::collection::vec(token, 0..40).prop_map(|v| v.concat())
}

fn check_segments(data: &[u8]) {
    let Ok(segs) = segments(data) else { return };
    let text = std::str::from_utf8(data).unwrap();
    let mut last = 0;
    for s in &segs {
        let (a, b) = s.span;
        assert!(a >= last && a < b && b <= data.len());
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        assert_eq!((data[a], data[b - 1]), (b'"', b'"'));
        last = b;
    }
    let ident: Vec<(usize, String)> = segs
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.value.clone()))
        .collect();
    assert_eq!(rewrite(data, &segs, &ident), data);
    let map = PlaceholderMap::from_pairs([("<PERSON_1>", "O\"Brien")]);
    let restored = restore_json(&map, data).unwrap();
    assert!(segments(&restored).is_ok());
}

/// Streams that are mostly SSE with provider-shaped JSON data.
fn sseish() -> impl Strategy<Value = Vec<u8>> {
    let token = prop_oneof![
        Just(b"data: ".to_vec()),
        Just(b"event: content_block_delta\n".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b": ping\n".to_vec()),
        Just(b"[DONE]".to_vec()),
        Just(br#"{"choices":[{"index":0,"delta":{"content":"a <PERS"},"finish_reason":null}]}"#.to_vec()),
        Just(br#"{"choices":[{"index":0,"delta":{"content":"ON_1> b"},"finish_reason":"stop"}]}"#.to_vec()),
        Just(br#"{"choices":[{"index":1,"delta":{"tool_calls":[{"index":0,"id":"c","function":{"name":"f","arguments":"{\"a\":\"<PERSON_1"}}]}}]}"#.to_vec()),
        Just(br#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"<PERSON_"}}"#.to_vec()),
        Just(br#"{"type":"content_block_stop","index":0}"#.to_vec()),
        Just(br#"{"type":"message_stop"}"#.to_vec()),
        Just(br#"{"type":"response.output_text.delta","output_index":0,"content_index":0,"delta":"1>"}"#.to_vec()),
        Just(br#"{"type":"response.completed","response":{"output":[]}}"#.to_vec()),
        Just(br#"{"candidates":[{"content":{"parts":[{"text":"<PERSON_1"}]},"finishReason":"STOP"}]}"#.to_vec()),
        Just(br#"{"error":{"message":"x"}}"#.to_vec()),
        prop::collection::vec(any::<u8>(), 0..4),
    ];
    prop::collection::vec(token, 0..30).prop_map(|v| v.concat())
}

fn map() -> Arc<PlaceholderMap> {
    Arc::new(PlaceholderMap::from_pairs([
        ("<PERSON_1>", "Jane \"J\" Roe"),
        ("<EMAIL_ADDRESS_1>", "jane@example.com"),
    ]))
}

fn restore_stream(chunks: &[&[u8]]) -> Vec<u8> {
    let mut r = SseRestorer::new(map());
    let mut out = Vec::new();
    for c in chunks {
        out.extend(r.push_bytes(c));
    }
    out.extend(r.finish_bytes());
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn json_segments_never_panic_and_hold_invariants(data in jsonish()) {
        check_segments(&data);
        let _ = jsonl_segments(&data);
    }

    #[test]
    fn sse_restoration_is_chunking_independent(stream in sseish(), cut in any::<prop::sample::Index>()) {
        let cut = cut.index(stream.len() + 1);
        let whole = restore_stream(&[&stream]);
        prop_assert_eq!(restore_stream(&[&stream[..cut], &stream[cut..]]), whole.clone());
        // The output is a well-formed stream again.
        let mut p = SseParser::new();
        let _ = p.push(&whole);
        let mut t = AnthropicStream::new("claude");
        let _ = t.push_bytes(&stream[..cut]);
        let _ = t.push_bytes(&stream[cut..]);
        let _ = t.finish_bytes();
    }

    #[test]
    fn restorer_on_arbitrary_text(text in "(<|>|<PERSON_1>|<EMAIL_ADDRESS_1>|<PERS|[a-z]|é){0,40}", cut in any::<prop::sample::Index>()) {
        let m = map();
        let mut c = cut.index(text.len() + 1);
        while !text.is_char_boundary(c) { c -= 1; }
        let mut r = Restorer::new(m.clone());
        let mut out = r.push(&text[..c]);
        out.push_str(&r.push(&text[c..]));
        out.push_str(&r.finish());
        prop_assert_eq!(out, restore_text(&m, &text));
    }

    #[test]
    fn decoders_never_panic(body in prop::collection::vec(any::<u8>(), 0..256), which in 0usize..6) {
        let enc = ["gzip", "deflate", "br", "zstd", "gzip, br", "identity"][which];
        let _ = decode_body(Some(enc), &body, 1 << 16);
    }

    #[test]
    fn multipart_never_panics(body in prop::collection::vec(prop_oneof![Just(b"--b".to_vec()), Just(b"\r\n".to_vec()), Just(b"Content-Disposition: form-data; name=\"x\"".to_vec()), prop::collection::vec(any::<u8>(), 0..4)], 0..20)) {
        let _ = parts(&body.concat(), "b");
    }
}

/// A corrupted compressed body: flip one byte of a valid stream at every position.
#[test]
fn corrupted_compressed_bodies_never_panic() {
    let text = br#"{"messages":[{"role":"user","content":"Jane Roe, 078-05-1120"}]}"#.repeat(4);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&text).unwrap();
    let gz = gz.finish().unwrap();
    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 4096, 5, 22);
        w.write_all(&text).unwrap();
    }
    for (enc, body) in [("gzip", gz), ("br", br)] {
        for i in 0..body.len() {
            let mut b = body.clone();
            b[i] ^= 0x5a;
            let _ = decode_body(Some(enc), &b, 1 << 16);
        }
    }
}

/// One request through every stage, as the proxy drives them.
#[test]
fn request_and_streamed_response_walk() {
    // 1. A gzip-compressed OpenAI chat request.
    let request = br#"{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Write to Jane Roe at jane@example.com"}]}"#;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(request).unwrap();
    let wire = gz.finish().unwrap();
    let body = decode_body(Some("gzip"), &wire, 1 << 20).unwrap();

    // 2. Classify and describe.
    let target = classify("api.openai.com:443", "/v1/chat/completions");
    assert_eq!(
        (target.provider, target.kind),
        (Provider::OpenAi, ApiKind::OpenAiChat)
    );
    let info = describe(&target, &body);
    assert_eq!(info.model.as_deref(), Some("gpt-4o-mini"));
    assert!(info.stream && info.sse);

    // 3. Segments to scan; "detection" found the name and the e-mail.
    let segs = segments(&body).unwrap();
    let scan = prompt_segments(target.kind, &segs);
    let content = scan
        .iter()
        .copied()
        .find(|&i| segs[i].pointer == "/messages/0/content")
        .unwrap();
    let pseudonymized = "Write to <PERSON_1> at <EMAIL_ADDRESS_1>".to_string();
    let forwarded = rewrite(&body, &segs, &[(content, pseudonymized)]);
    let expected = String::from_utf8_lossy(request).replace(
        "Jane Roe at jane@example.com",
        "<PERSON_1> at <EMAIL_ADDRESS_1>",
    );
    assert_eq!(String::from_utf8(forwarded).unwrap(), expected);

    // 4. The model streams the placeholders back, split across chunks.
    let map = Arc::new(PlaceholderMap::from_pairs([
        ("<PERSON_1>", "Jane Roe"),
        ("<EMAIL_ADDRESS_1>", "jane@example.com"),
    ]));
    let deltas = ["Dear <PER", "SON_1>, I wrote to <EMAIL_", "ADDRESS_1>."];
    let mut upstream = Vec::new();
    for d in deltas {
        let chunk = serde_json::json!({"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":d},"finish_reason":null}]});
        upstream.extend(SseEvent::data(chunk.to_string()).to_bytes());
    }
    upstream.extend(SseEvent::data(r#"{"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#).to_bytes());
    upstream.extend(SseEvent::data("[DONE]").to_bytes());
    let mut r = SseRestorer::new(map);
    let mut client = Vec::new();
    for piece in upstream.chunks(7) {
        client.extend(r.push_bytes(piece));
    }
    client.extend(r.finish_bytes());
    let mut p = SseParser::new();
    let text: String = p
        .push(&client)
        .iter()
        .filter_map(|e| serde_json::from_str::<serde_json::Value>(e.data.as_deref()?).ok())
        .filter_map(|v| {
            v.pointer("/choices/0/delta/content")
                .and_then(|c| c.as_str())
                .map(str::to_string)
        })
        .collect();
    assert_eq!(text, "Dear Jane Roe, I wrote to jane@example.com.");
}
