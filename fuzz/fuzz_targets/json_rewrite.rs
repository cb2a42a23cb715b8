//! Fuzz JSON segments and rewrite: no panic on any input, and the invariants
//! hold — spans in bounds, disjoint, in order, on char boundaries and covering a
//! string literal; identity rewrite returns the input; rewritten values reparse
//! at the same pointers; JSON Lines and restoration never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scrim::inspect::json::{rewrite, segments};
use scrim::inspect::multipart::jsonl_segments;
use scrim::inspect::restore::{restore_json, PlaceholderMap};

fuzz_target!(|data: &[u8]| {
    let _ = jsonl_segments(data);
    let Ok(segs) = segments(data) else {
        return;
    };
    let text = std::str::from_utf8(data).expect("segments validated UTF-8");
    let mut last_end = 0;
    for s in &segs {
        let (a, b) = s.span;
        assert!(
            a >= last_end && a < b && b <= data.len(),
            "span order/bounds"
        );
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        assert!(data[a] == b'"' && data[b - 1] == b'"' && b - a >= 2);
        last_end = b;
    }
    let ident: Vec<(usize, String)> = segs
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.value.clone()))
        .collect();
    assert_eq!(
        rewrite(data, &segs, &ident),
        data,
        "identity rewrite changed the input"
    );

    let replaced: Vec<(usize, String)> = segs
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.is_key)
        .map(|(i, s)| {
            (
                i,
                format!(
                    "<X_{i}>\"\\\u{1}{}",
                    s.value.chars().rev().collect::<String>()
                ),
            )
        })
        .collect();
    let out = rewrite(data, &segs, &replaced);
    let again = segments(&out).expect("rewritten JSON parses");
    assert_eq!(again.len(), segs.len());
    for (i, new) in &replaced {
        assert_eq!(&again[*i].value, new);
        assert_eq!(again[*i].pointer, segs[*i].pointer);
    }

    let map = PlaceholderMap::from_pairs([("<X_1>", "O\"Brien"), ("<PERSON_1>", "Jane")]);
    let restored = restore_json(&map, &out).expect("restoring valid JSON succeeds");
    assert!(
        segments(&restored).is_ok(),
        "restoration kept the JSON valid"
    );
});
