//! The dev corpus for the model benches (`bench_pipeline`, `bench_models`), which
//! include this file by path: examples do not share a crate of their own.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Prompts per call when the corpus is run in batches, as `scrim scan --jsonl` does.
pub const BATCH_PROMPTS: usize = 16;

/// The texts of the JSONL corpus named by the first argument (default: the shared
/// dev corpus).
pub fn texts_from_args() -> Vec<String> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/eval/dev.jsonl".into());
    std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// `texts` in batches of [`BATCH_PROMPTS`].
pub fn batches(texts: &[String]) -> Vec<Vec<&str>> {
    texts
        .chunks(BATCH_PROMPTS)
        .map(|c| c.iter().map(String::as_str).collect())
        .collect()
}

/// Seconds to give every batch to `scan`, from 2 caller threads taking the next
/// batch as soon as they are free.
pub fn run_batches(batches: &[Vec<&str>], scan: impl Fn(&[&str]) + Sync) -> f64 {
    let next = AtomicUsize::new(0);
    let t = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                while let Some(batch) = batches.get(next.fetch_add(1, Ordering::Relaxed)) {
                    scan(batch);
                }
            });
        }
    });
    t.elapsed().as_secs_f64()
}
