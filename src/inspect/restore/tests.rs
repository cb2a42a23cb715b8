//! Restoration tests: plain text, the streaming rule (property-tested), JSON
//! bodies, and each provider's SSE stream with placeholders split at every
//! possible boundary.

use super::*;
use crate::inspect::sse::SseParser;
use proptest::prelude::*;

fn map() -> Arc<PlaceholderMap> {
    Arc::new(PlaceholderMap::from_pairs([
        ("<PERSON_1>", "Jane Roe"),
        ("<PERSON_2>", "O\"Brien"),
        ("<EMAIL_ADDRESS_1>", "jane@example.com"),
        ("<US_SSN_12>", "078-05-1120"),
    ]))
}

/// The text the model "writes", and what the client must read.
const MODEL_TEXT: &str =
    "Dear <PERSON_1>, mail <EMAIL_ADDRESS_1> or <PERSON_2> — a<b, <PERSONAL> ok.";
const CLIENT_TEXT: &str = "Dear Jane Roe, mail jane@example.com or O\"Brien — a<b, <PERSONAL> ok.";

#[test]
fn restore_text_table() {
    let m = map();
    for (input, expected) in [
        (MODEL_TEXT, CLIENT_TEXT),
        ("", ""),
        ("no placeholders", "no placeholders"),
        ("<PERSON_1><PERSON_1>", "Jane RoeJane Roe"),
        ("<<PERSON_1>>", "<Jane Roe>"),
        ("<PERSON_9> unknown", "<PERSON_9> unknown"),
        ("<PERSON_1", "<PERSON_1"),
        ("<US_SSN_12>.", "078-05-1120."),
        ("<person_1>", "<person_1>"),
        ("é<PERSON_1>é", "éJane Roeé"),
    ] {
        assert_eq!(restore_text(&m, input), expected, "{input}");
    }
    assert_eq!(restore_text(&PlaceholderMap::new(), MODEL_TEXT), MODEL_TEXT);
}

#[test]
fn map_accepts_only_placeholder_shapes() {
    let mut m = PlaceholderMap::new();
    assert!(m.insert("<PERSON_1>", "x"));
    for bad in ["PERSON_1", "<>", "<A<B>", "<A>B>", "<A", ""] {
        assert!(!m.insert(bad, "x"), "{bad}");
    }
    assert_eq!(m.len(), 1);
    assert_eq!(
        format!("{m:?}"),
        "PlaceholderMap(1 placeholders, [redacted])"
    );
}

#[test]
fn restorer_holds_only_what_could_become_a_placeholder() {
    let m = map();
    let mut r = Restorer::new(m.clone());
    assert_eq!(r.push("Hi <PERS"), "Hi ");
    assert_eq!(r.held_len(), 5);
    assert_eq!(r.push("ON_1>!"), "Jane Roe!");
    assert_eq!(
        r.push("a < b"),
        "a < b",
        "a lone < that cannot start a placeholder"
    );
    assert_eq!(r.push("<PERSONAL"), "<PERSONAL");
    assert_eq!(r.push("x <"), "x ");
    assert_eq!(r.push("US_SSN_1"), "");
    assert_eq!(
        r.push("3>"),
        "<US_SSN_13>",
        "not in the map: passes as it was"
    );
    assert_eq!(r.push("<EMAIL"), "");
    assert_eq!(r.finish(), "<EMAIL", "held text is never lost");
    assert_eq!(r.finish(), "");
    let mut j = Restorer::for_json_text(m);
    assert_eq!(j.push("{\"who\":\"<PERSON"), "{\"who\":\"");
    assert_eq!(j.push("_2>\"}"), "O\\\"Brien\"}");
}

/// Every occurrence of a placeholder of `m` in `text` (they cannot overlap).
fn occurrences(m: &PlaceholderMap, text: &str) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = m
        .keys
        .iter()
        .flat_map(|k| {
            text.match_indices(k.as_str())
                .map(|(i, s)| (i, i + s.len()))
        })
        .collect();
    v.sort_unstable();
    v
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<PERSON_1>".to_string()),
        Just("<PERSON_2>".to_string()),
        Just("<EMAIL_ADDRESS_1>".to_string()),
        Just("<US_SSN_12>".to_string()),
        Just("<PERS".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("_1>".to_string()),
        "[a-zé ]{0,4}",
    ]
}

proptest! {
    #[test]
    fn any_chunking_restores_like_the_whole(
        frags in prop::collection::vec(fragment(), 0..12),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
    ) {
        let m = map();
        let whole: String = frags.concat();
        let expected = restore_text(&m, &whole);
        let spans = occurrences(&m, &whole);
        let mut points: Vec<usize> = cuts.iter().map(|c| c.index(whole.len() + 1)).filter(|&p| whole.is_char_boundary(p)).collect();
        points.sort_unstable();
        points.push(whole.len());
        let mut r = Restorer::new(m.clone());
        let mut emitted = String::new();
        let mut last = 0;
        for p in points {
            emitted.push_str(&r.push(&whole[last..p]));
            last = p;
            // Output so far is final: a prefix of the whole restored text …
            prop_assert!(expected.starts_with(&emitted));
            // … and what was consumed never ends inside a placeholder.
            let consumed = p - r.held_len();
            prop_assert!(!spans.iter().any(|&(s, e)| s < consumed && consumed < e));
            prop_assert!(r.held_len() < m.max_len);
        }
        emitted.push_str(&r.finish());
        prop_assert_eq!(emitted, expected);
    }
}

#[test]
fn restore_json_bodies() {
    let m = map();
    let body = br#"{"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assistant","content":"Hi <PERSON_1>",
        "tool_calls":[{"id":"call_1","type":"function","function":{"name":"send","arguments":"{\"to\":\"<PERSON_2>\",\"cc\":\"<EMAIL_ADDRESS_1>\"}"}}]},
        "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":9}}"#;
    let out = restore_json(&m, body).unwrap();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], "Hi Jane Roe");
    let args: Value = serde_json::from_str(
        v["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(args, json!({"to": "O\"Brien", "cc": "jane@example.com"}));
    // Anthropic tool_use input is an object: ordinary strings.
    let body = br#"{"type":"message","content":[{"type":"text","text":"<PERSON_2> it is"},{"type":"tool_use","id":"t","name":"n","input":{"who":"<PERSON_2>"}}]}"#;
    let v: Value = serde_json::from_slice(&restore_json(&m, body).unwrap()).unwrap();
    assert_eq!(v["content"][0]["text"], "O\"Brien it is");
    assert_eq!(v["content"][1]["input"]["who"], "O\"Brien");
    // Gemini, including a buffered JSON-array stream.
    let body =
        br#"[{"candidates":[{"content":{"parts":[{"text":"Bye <PERSON_1>"}],"role":"model"}}]}]"#;
    let v: Value = serde_json::from_slice(&restore_json(&m, body).unwrap()).unwrap();
    assert_eq!(
        v[0]["candidates"][0]["content"]["parts"][0]["text"],
        "Bye Jane Roe"
    );
    // Structured output: message content that is itself a JSON document gets
    // JSON-escaped originals, so it still parses; prose content does not.
    let body = br#"{"choices":[{"message":{"content":"{\"name\": \"<PERSON_2>\", \"tags\": [\"<PERSON_1>\"]}"}}]}"#;
    let v: Value = serde_json::from_slice(&restore_json(&m, body).unwrap()).unwrap();
    let content: Value =
        serde_json::from_str(v["choices"][0]["message"]["content"].as_str().unwrap()).unwrap();
    assert_eq!(content, json!({"name": "O\"Brien", "tags": ["Jane Roe"]}));
    let body = br#"{"choices":[{"message":{"content":"{not json} <PERSON_2>"}}]}"#;
    let v: Value = serde_json::from_slice(&restore_json(&m, body).unwrap()).unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], "{not json} O\"Brien");
    // Nothing to restore: the very same bytes.
    let plain = br#"{ "a" : "b\u0041" , "n": 1.50 }"#;
    assert_eq!(restore_json(&m, plain).unwrap(), plain);
    assert!(restore_json(&m, b"not json").is_err());
}

// ---- SSE streams ----------------------------------------------------------------

/// Run events through a restorer, one by one, then finish.
fn run_events(events: &[SseEvent]) -> Vec<SseEvent> {
    let mut r = SseRestorer::new(map());
    let mut out = Vec::new();
    for e in events {
        out.extend(r.push_event(e.clone()));
    }
    out.extend(r.finish());
    out
}

/// Run the serialized stream through `push_bytes`, cut at `cut`, and parse the output.
fn run_bytes(events: &[SseEvent], cut: usize) -> Vec<SseEvent> {
    let bytes: Vec<u8> = events.iter().flat_map(SseEvent::to_bytes).collect();
    let cut = cut.min(bytes.len());
    let mut r = SseRestorer::new(map());
    let mut out = r.push_bytes(&bytes[..cut]);
    out.extend(r.push_bytes(&bytes[cut..]));
    out.extend(r.finish_bytes());
    let mut p = SseParser::new();
    let mut evs = p.push(&out);
    evs.extend(p.finish());
    evs
}

fn data(e: &SseEvent) -> Value {
    serde_json::from_str(e.data.as_deref().unwrap()).unwrap_or(Value::Null)
}

/// A short text for three-way splits: a placeholder spread over three events.
const SHORT_MODEL: &str = "x<PERSON_1>é<EMAIL_ADDRESS_1>";
const SHORT_CLIENT: &str = "xJane Roeéjane@example.com";

/// Delta sequences and what the client must read: `MODEL_TEXT` cut once at every
/// char boundary, and `SHORT_MODEL` cut twice at every pair of boundaries.
fn split_cases() -> Vec<(Vec<String>, &'static str)> {
    let bounds =
        |t: &str| -> Vec<usize> { (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect() };
    let mut v = Vec::new();
    for i in bounds(MODEL_TEXT) {
        v.push((
            vec![MODEL_TEXT[..i].to_string(), MODEL_TEXT[i..].to_string()],
            CLIENT_TEXT,
        ));
    }
    let b = bounds(SHORT_MODEL);
    for (a, &i) in b.iter().enumerate() {
        for &j in &b[a..] {
            let t = SHORT_MODEL;
            v.push((
                vec![t[..i].to_string(), t[i..j].to_string(), t[j..].to_string()],
                SHORT_CLIENT,
            ));
        }
    }
    v
}

/// Every split of `text` into two deltas.
fn splits(text: &str) -> Vec<Vec<String>> {
    (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .map(|i| vec![text[..i].to_string(), text[i..].to_string()])
        .collect()
}

/// No string in the output may show a placeholder fragment that the map knows.
fn assert_no_fragments(events: &[SseEvent]) {
    for e in events {
        let d = e.data.as_deref().unwrap_or("");
        for frag in ["<PERSON_", "<EMAIL_", "ON_1>", "ADDRESS_1>"] {
            assert!(!d.contains(frag), "fragment {frag} in {d}");
        }
    }
}

fn openai_chat(deltas: &[String]) -> Vec<SseEvent> {
    let chunk = |choice: Value| {
        SseEvent::data(
            json!({"id":"chatcmpl-9","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","system_fingerprint":"fp","choices":[choice]})
                .to_string(),
        )
    };
    let mut ev = vec![chunk(
        json!({"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}),
    )];
    for d in deltas {
        ev.push(chunk(
            json!({"index":0,"delta":{"content":d},"logprobs":null,"finish_reason":null}),
        ));
    }
    ev.push(chunk(
        json!({"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}),
    ));
    ev.push(SseEvent::data(json!({"id":"chatcmpl-9","object":"chat.completion.chunk","choices":[],"usage":{"total_tokens":5}}).to_string()));
    ev.push(SseEvent::data("[DONE]"));
    ev
}

fn openai_text(events: &[SseEvent]) -> String {
    let mut s = String::new();
    let mut finished = false;
    for e in events {
        let v = data(e);
        if let Some(c) = v
            .pointer("/choices/0/delta/content")
            .and_then(Value::as_str)
        {
            assert!(!finished, "content after finish_reason");
            s.push_str(c);
        }
        if v.pointer("/choices/0/finish_reason")
            .is_some_and(|f| !f.is_null())
        {
            finished = true;
        }
    }
    assert_eq!(
        events.last().and_then(|e| e.data.as_deref()),
        Some("[DONE]")
    );
    s
}

#[test]
fn openai_chat_every_split() {
    for (parts, expected) in split_cases() {
        let out = run_events(&openai_chat(&parts));
        assert_eq!(openai_text(&out), expected, "{parts:?}");
        assert_no_fragments(&out);
    }
    let events = openai_chat(&[MODEL_TEXT.to_string()]);
    let n = events.iter().map(|e| e.to_bytes().len()).sum::<usize>();
    for cut in 0..=n {
        assert_eq!(
            openai_text(&run_bytes(&events, cut)),
            CLIENT_TEXT,
            "cut {cut}"
        );
    }
}

#[test]
fn openai_chat_flushes_held_text_in_a_synthesized_delta() {
    // The model stopped in the middle of something that looked like a placeholder.
    let out = run_events(&openai_chat(&["Total: <PERS".to_string()]));
    assert_eq!(openai_text(&out), "Total: <PERS");
    let i = out
        .iter()
        .position(|e| data(e).pointer("/choices/0/delta/content") == Some(&json!("<PERS")))
        .unwrap();
    let synthesized = data(&out[i]);
    assert_eq!(synthesized["id"], "chatcmpl-9");
    assert_eq!(synthesized["model"], "gpt-4o-mini");
    assert_eq!(synthesized["object"], "chat.completion.chunk");
    assert_eq!(synthesized["choices"][0]["finish_reason"], Value::Null);
    assert_eq!(
        data(&out[i + 1])["choices"][0]["finish_reason"],
        "stop",
        "right before the finish chunk"
    );
    // Without a finish chunk, [DONE] flushes; without [DONE], the end of the stream.
    let mut ev = openai_chat(&["x <EMAIL".to_string()]);
    ev.retain(|e| {
        data(e)
            .pointer("/choices/0/finish_reason")
            .is_none_or(Value::is_null)
    });
    assert_eq!(openai_text(&run_events(&ev)), "x <EMAIL");
    ev.pop();
    let out = run_events(&ev);
    assert_eq!(
        out.last()
            .map(data)
            .and_then(|v| v.pointer("/choices/0/delta/content").cloned()),
        Some(json!("<EMAIL"))
    );
}

#[test]
fn openai_chat_choices_and_tool_calls_are_separate_streams() {
    let chunk = |choice: Value| {
        SseEvent::data(
            json!({"id":"c","object":"chat.completion.chunk","model":"m","choices":[choice]})
                .to_string(),
        )
    };
    let ev = vec![
        chunk(json!({"index":0,"delta":{"content":"A <PER"}})),
        chunk(json!({"index":1,"delta":{"content":"B <EMAIL_ADD"}})),
        chunk(json!({"index":0,"delta":{"content":"SON_1>"}})),
        chunk(json!({"index":1,"delta":{"content":"RESS_1>"},"finish_reason":"stop"})),
        chunk(
            json!({"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":""}}]}}),
        ),
        chunk(
            json!({"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"n\":\"<PERSO"}}]}}),
        ),
        chunk(
            json!({"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"N_2>\"}"}}]}}),
        ),
        chunk(json!({"index":0,"delta":{},"finish_reason":"tool_calls"})),
        SseEvent::data("[DONE]"),
    ];
    let out = run_events(&ev);
    let mut texts = [String::new(), String::new()];
    let mut args = String::new();
    for e in &out {
        let v = data(e);
        let Some(c) = v.pointer("/choices/0") else {
            continue;
        };
        let i = c["index"].as_u64().unwrap() as usize;
        if let Some(t) = c.pointer("/delta/content").and_then(Value::as_str) {
            texts[i].push_str(t);
        }
        if let Some(a) = c
            .pointer("/delta/tool_calls/0/function/arguments")
            .and_then(Value::as_str)
        {
            args.push_str(a);
        }
    }
    assert_eq!(texts, ["A Jane Roe", "B jane@example.com"]);
    let args: Value = serde_json::from_str(&args).unwrap();
    assert_eq!(args["n"], "O\"Brien", "JSON-escaped inside arguments");
    assert_no_fragments(&out);
}

#[test]
fn legacy_completions_stream() {
    let ev = vec![
        SseEvent::data(json!({"id":"cmpl","object":"text_completion","choices":[{"index":0,"text":"Hi <PERSON","finish_reason":null}]}).to_string()),
        SseEvent::data(json!({"id":"cmpl","object":"text_completion","choices":[{"index":0,"text":"_1>","finish_reason":"stop"}]}).to_string()),
        SseEvent::data("[DONE]"),
    ];
    let out = run_events(&ev);
    let text: String = out
        .iter()
        .filter_map(|e| {
            data(e)
                .pointer("/choices/0/text")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .collect();
    assert_eq!(text, "Hi Jane Roe");
}

fn anthropic(deltas: &[String], json_deltas: &[String]) -> Vec<SseEvent> {
    let mut ev = vec![
        SseEvent::named("message_start", json!({"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"usage":{"input_tokens":10,"output_tokens":1}}}).to_string()),
        SseEvent::named("content_block_start", json!({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}).to_string()),
        SseEvent::named("ping", json!({"type":"ping"}).to_string()),
    ];
    for d in deltas {
        ev.push(SseEvent::named(
            "content_block_delta",
            json!({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":d}})
                .to_string(),
        ));
    }
    ev.push(SseEvent::named(
        "content_block_stop",
        json!({"type":"content_block_stop","index":0}).to_string(),
    ));
    ev.push(SseEvent::named("content_block_start", json!({"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_1","name":"crm","input":{}}}).to_string()));
    for d in json_deltas {
        ev.push(SseEvent::named("content_block_delta", json!({"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":d}}).to_string()));
    }
    ev.push(SseEvent::named(
        "content_block_stop",
        json!({"type":"content_block_stop","index":1}).to_string(),
    ));
    ev.push(SseEvent::named("message_delta", json!({"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":30}}).to_string()));
    ev.push(SseEvent::named(
        "message_stop",
        json!({"type":"message_stop"}).to_string(),
    ));
    ev
}

/// The client's view: text of block 0, JSON of block 1; deltas only inside their block.
fn anthropic_view(events: &[SseEvent]) -> (String, String) {
    let mut open: Option<u64> = None;
    let (mut text, mut json_text) = (String::new(), String::new());
    for e in events {
        let v = data(e);
        assert_eq!(
            e.event.as_deref(),
            v["type"].as_str(),
            "event name matches type"
        );
        match v["type"].as_str().unwrap() {
            "content_block_start" => open = v["index"].as_u64(),
            "content_block_stop" => open = None,
            "content_block_delta" => {
                assert_eq!(open, v["index"].as_u64(), "delta outside its block");
                if let Some(t) = v.pointer("/delta/text").and_then(Value::as_str) {
                    text.push_str(t);
                }
                if let Some(t) = v.pointer("/delta/partial_json").and_then(Value::as_str) {
                    json_text.push_str(t);
                }
            }
            _ => {}
        }
    }
    (text, json_text)
}

#[test]
fn anthropic_every_split() {
    let json_model = r#"{"email":"<EMAIL_ADDRESS_1>","name":"<PERSON_2>"}"#;
    for (parts, expected) in split_cases() {
        let out = run_events(&anthropic(&parts, &[json_model.to_string()]));
        assert_eq!(anthropic_view(&out).0, expected, "{parts:?}");
        assert_no_fragments(&out);
    }
    for parts in splits(json_model) {
        let out = run_events(&anthropic(&[MODEL_TEXT.to_string()], &parts));
        let input: Value = serde_json::from_str(&anthropic_view(&out).1).unwrap();
        assert_eq!(
            input,
            json!({"email":"jane@example.com","name":"O\"Brien"}),
            "{parts:?}"
        );
    }
    let events = anthropic(&[MODEL_TEXT.to_string()], &[json_model.to_string()]);
    let n: usize = events.iter().map(|e| e.to_bytes().len()).sum();
    for cut in 0..=n {
        assert_eq!(
            anthropic_view(&run_bytes(&events, cut)).0,
            CLIENT_TEXT,
            "cut {cut}"
        );
    }
}

#[test]
fn anthropic_held_text_goes_before_content_block_stop() {
    let out = run_events(&anthropic(&["see <PERSON".to_string()], &[]));
    let (text, _) = anthropic_view(&out);
    assert_eq!(text, "see <PERSON");
    let i = out
        .iter()
        .position(|e| e.event.as_deref() == Some("content_block_stop"))
        .unwrap();
    let synthesized = data(&out[i - 1]);
    assert_eq!(
        synthesized,
        json!({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"<PERSON"}})
    );
}

fn responses(deltas: &[String]) -> Vec<SseEvent> {
    let named = |v: Value| SseEvent::named(v["type"].as_str().unwrap().to_string(), v.to_string());
    let mut ev = vec![
        named(
            json!({"type":"response.created","sequence_number":0,"response":{"id":"resp_1","status":"in_progress","output":[]}}),
        ),
        named(
            json!({"type":"response.output_item.added","sequence_number":1,"output_index":0,"item":{"id":"msg_1","type":"message","role":"assistant","content":[]}}),
        ),
        named(
            json!({"type":"response.content_part.added","sequence_number":2,"item_id":"msg_1","output_index":0,"content_index":0,"part":{"type":"output_text","text":""}}),
        ),
    ];
    for (n, d) in deltas.iter().enumerate() {
        ev.push(named(json!({"type":"response.output_text.delta","sequence_number":3 + n,"item_id":"msg_1","output_index":0,"content_index":0,"delta":d,"logprobs":[]})));
    }
    let s = 3 + deltas.len();
    ev.push(named(json!({"type":"response.output_text.done","sequence_number":s,"item_id":"msg_1","output_index":0,"content_index":0,"text":MODEL_TEXT})));
    ev.push(named(json!({"type":"response.content_part.done","sequence_number":s + 1,"item_id":"msg_1","output_index":0,"content_index":0,"part":{"type":"output_text","text":MODEL_TEXT}})));
    ev.push(named(json!({"type":"response.output_item.done","sequence_number":s + 2,"output_index":0,"item":{"id":"msg_1","type":"message","content":[{"type":"output_text","text":MODEL_TEXT}]}})));
    ev.push(named(json!({"type":"response.completed","sequence_number":s + 3,"response":{"id":"resp_1","status":"completed","output":[{"id":"msg_1","type":"message","content":[{"type":"output_text","text":MODEL_TEXT}]}]}})));
    ev
}

#[test]
fn openai_responses_every_split() {
    for (parts, expected) in split_cases() {
        let out = run_events(&responses(&parts));
        let mut text = String::new();
        let mut done = false;
        for e in &out {
            let v = data(e);
            match v["type"].as_str().unwrap() {
                "response.output_text.delta" => {
                    assert!(!done);
                    text.push_str(v["delta"].as_str().unwrap());
                }
                "response.output_text.done" => {
                    done = true;
                    assert_eq!(v["text"], CLIENT_TEXT, "full texts are restored whole");
                }
                "response.completed" => assert_eq!(
                    v["response"]["output"][0]["content"][0]["text"],
                    CLIENT_TEXT
                ),
                "response.content_part.done" => assert_eq!(v["part"]["text"], CLIENT_TEXT),
                "response.output_item.done" => {
                    assert_eq!(v["item"]["content"][0]["text"], CLIENT_TEXT)
                }
                _ => {}
            }
        }
        assert_eq!(text, expected, "{parts:?}");
        assert_no_fragments(&out);
    }
    // Held text before output_text.done, in a delta of the same shape.
    let out = run_events(&responses(&["<US_SSN".to_string()]));
    let i = out
        .iter()
        .position(|e| e.event.as_deref() == Some("response.output_text.done"))
        .unwrap();
    let v = data(&out[i - 1]);
    assert_eq!(
        (
            v["type"].as_str(),
            v["delta"].as_str(),
            v["item_id"].as_str()
        ),
        (
            Some("response.output_text.delta"),
            Some("<US_SSN"),
            Some("msg_1")
        )
    );
    assert_eq!(
        out[i - 1].event.as_deref(),
        Some("response.output_text.delta")
    );
}

#[test]
fn openai_responses_function_call_arguments() {
    let named = |v: Value| SseEvent::named(v["type"].as_str().unwrap().to_string(), v.to_string());
    let ev = vec![
        named(
            json!({"type":"response.function_call_arguments.delta","output_index":1,"item_id":"fc_1","delta":"{\"to\":\"<PER"}),
        ),
        named(
            json!({"type":"response.function_call_arguments.delta","output_index":1,"item_id":"fc_1","delta":"SON_2>\"}"}),
        ),
        named(
            json!({"type":"response.function_call_arguments.done","output_index":1,"item_id":"fc_1","arguments":"{\"to\":\"<PERSON_2>\"}"}),
        ),
    ];
    let out = run_events(&ev);
    let args: String = out
        .iter()
        .filter_map(|e| data(e)["delta"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        serde_json::from_str::<Value>(&args).unwrap()["to"],
        "O\"Brien"
    );
    let done: Value = serde_json::from_str(data(&out[2])["arguments"].as_str().unwrap()).unwrap();
    assert_eq!(done["to"], "O\"Brien");
}

fn gemini(deltas: &[String], final_has_text: bool) -> Vec<SseEvent> {
    let chunk = |text: Option<&str>, finish: Option<&str>| {
        let mut cand = json!({"content":{"parts":[],"role":"model"},"index":0});
        if let Some(t) = text {
            cand["content"]["parts"] = json!([{"text": t}]);
        }
        if let Some(f) = finish {
            cand["finishReason"] = json!(f);
        }
        SseEvent::data(json!({"candidates":[cand],"usageMetadata":{"promptTokenCount":4},"modelVersion":"gemini-2.0-flash","responseId":"r1"}).to_string())
    };
    let mut ev: Vec<SseEvent> = Vec::new();
    let n = deltas.len();
    for (i, d) in deltas.iter().enumerate() {
        let last = i + 1 == n;
        ev.push(chunk(Some(d), (last && final_has_text).then_some("STOP")));
    }
    if !final_has_text {
        ev.push(chunk(None, Some("STOP")));
    }
    ev
}

fn gemini_text(events: &[SseEvent]) -> String {
    let mut s = String::new();
    let mut finished = false;
    for e in events {
        let v = data(e);
        assert!(!finished, "event after the finishing chunk");
        for p in v
            .pointer("/candidates/0/content/parts")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            s.push_str(p["text"].as_str().unwrap_or(""));
        }
        finished = v.pointer("/candidates/0/finishReason").is_some();
    }
    s
}

#[test]
fn gemini_every_split() {
    for final_has_text in [true, false] {
        for (parts, expected) in split_cases() {
            let out = run_events(&gemini(&parts, final_has_text));
            assert_eq!(gemini_text(&out), expected, "{parts:?}");
            assert_no_fragments(&out);
        }
    }
    // Held text: appended to the finishing chunk's own text, or synthesized before it.
    let out = run_events(&gemini(&["a <PERSON".to_string()], true));
    assert_eq!(out.len(), 1);
    assert_eq!(gemini_text(&out), "a <PERSON");
    let out = run_events(&gemini(&["a <PERSON".to_string()], false));
    assert_eq!(gemini_text(&out), "a <PERSON");
    let synthesized = data(&out[1]);
    assert_eq!(synthesized["modelVersion"], "gemini-2.0-flash");
    assert_eq!(
        synthesized["candidates"][0]["content"]["parts"][0]["text"],
        "<PERSON"
    );
    assert!(synthesized.get("usageMetadata").is_none());
}

#[test]
fn other_events_pass_through() {
    let ev = vec![
        SseEvent {
            comments: vec![" OPENROUTER PROCESSING".into()],
            ..SseEvent::default()
        },
        SseEvent::named("ping", "{\"type\": \"ping\"}"),
        SseEvent::data("plain <PERSON_1> text"),
        SseEvent::named(
            "error",
            json!({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})
                .to_string(),
        ),
    ];
    let out = run_events(&ev);
    assert_eq!(out[0], ev[0]);
    assert_eq!(out[1], ev[1], "untouched events keep their exact data");
    assert_eq!(out[2].data.as_deref(), Some("plain Jane Roe text"));
    assert_eq!(out[3], ev[3]);
}
