//! Fuzz detection and normalization: no panic on any input, and the invariants
//! hold — spans in bounds and on char boundaries, sorted and disjoint, and
//! redaction is idempotent.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use scrim::detect::{Engine, Normalized};
use scrim::redact::{apply, Operator};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::builtin().expect("built-in detectors compile"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let n = Normalized::new(text);
    let norm = n.as_str();
    if !norm.is_empty() {
        let (s, e) = n.to_original(0, norm.len());
        assert!(s <= e && e <= text.len());
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
    }
    let findings = engine().scan(text);
    let mut last_end = 0;
    for f in &findings {
        assert!(f.start < f.end && f.end <= text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert!(f.start >= last_end, "findings overlap or are unsorted");
        last_end = f.end;
    }
    let once = apply(text, &findings, Operator::Replace, None);
    let twice = apply(&once, &engine().scan(&once), Operator::Replace, None);
    assert_eq!(once, twice, "redaction is not idempotent");
});
