//! Fuzz the SSE parser, the streaming pseudonym restorer and the Anthropic
//! stream translator: no panic on any input; chunking never changes the parsed
//! frames; serialized frames parse back; streamed restoration equals restoring
//! the whole text.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use scrim::inspect::restore::{restore_text, PlaceholderMap, Restorer, SseRestorer};
use scrim::inspect::sse::{SseEvent, SseParser};
use scrim::inspect::translate::AnthropicStream;

fn parse(chunks: &[&[u8]]) -> Vec<SseEvent> {
    let mut p = SseParser::new();
    let mut out = Vec::new();
    for c in chunks {
        out.extend(p.push(c));
    }
    out.extend(p.finish());
    out
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks a cut point, the rest is the stream.
    let Some((&cut, stream)) = data.split_first() else {
        return;
    };
    let cut = usize::from(cut).min(stream.len());
    let whole = parse(&[stream]);
    assert_eq!(
        parse(&[&stream[..cut], &stream[cut..]]),
        whole,
        "chunking changed frames"
    );
    for ev in &whole {
        let back = parse(&[&ev.to_bytes()]);
        assert_eq!(back.len(), 1, "a frame serializes to one frame");
    }

    let map = Arc::new(PlaceholderMap::from_pairs([
        ("<PERSON_1>", "Jane Roe"),
        ("<EMAIL_ADDRESS_1>", "j@x.io"),
        ("<P>", "\"q\""),
    ]));
    let mut r = SseRestorer::new(map.clone());
    let _ = r.push_bytes(&stream[..cut]);
    let _ = r.push_bytes(&stream[cut..]);
    let _ = r.finish_bytes();

    let mut t = AnthropicStream::new("claude");
    let _ = t.push_bytes(&stream[..cut]);
    let _ = t.push_bytes(&stream[cut..]);
    let _ = t.finish_bytes();

    let text = String::from_utf8_lossy(stream);
    let mut cut_at = cut.min(text.len());
    while !text.is_char_boundary(cut_at) {
        cut_at -= 1;
    }
    let mut restorer = Restorer::new(map.clone());
    let mut streamed = restorer.push(&text[..cut_at]);
    streamed.push_str(&restorer.push(&text[cut_at..]));
    streamed.push_str(&restorer.finish());
    assert_eq!(streamed, restore_text(&map, &text));
});
