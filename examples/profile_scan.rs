//! Scan the dev corpus N times (for profilers):
//! `cargo run --release --example profile_scan -- N [--by-detector]`
//!
//! Prints the engine's throughput (fastest of N passes over the corpus); with `--by-detector`, also each built-in
//! detector's own cost (its engine alone, minus an engine with no detector). With `--only NAME`, the engine
//! holds that one detector (for `valgrind --tool=callgrind --toggle-collect='*mb_per_s*'`, which counts the
//! instructions of the measured passes only: repeatable on a busy machine).
use std::time::Instant;

use scrim::detect::{builtin_detectors, Engine, Thresholds};

/// Scan the corpus `n` times; (findings of one pass, MB/s and ms of the fastest
/// pass). The fastest pass is the least disturbed by other work on a shared machine.
fn mb_per_s(engine: &Engine, texts: &[String], n: usize) -> (usize, f64, f64) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut best = f64::INFINITY;
    let mut k = 0;
    for _ in 0..n.max(1) {
        let t = Instant::now();
        k = 0;
        for s in texts {
            k += engine.scan(s).len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    (k, bytes as f64 / best / 1e6, best * 1e3)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(20);
    let by_detector = args.iter().any(|a| a == "--by-detector");
    let texts: Vec<String> = std::fs::read_to_string("../shared/eval/dev.jsonl")
        .expect("../shared/eval/dev.jsonl is readable")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1));
    let engine = match only {
        Some(name) => {
            let detectors = builtin_detectors().expect("built-in detectors compile");
            let picked: Vec<_> = detectors.into_iter().filter(|d| d.name() == name).collect();
            assert!(!picked.is_empty(), "no built-in detector is named {name}");
            Engine::with_detectors(picked, Thresholds::default())
        }
        None => Engine::builtin().expect("built-in detectors compile"),
    };
    for s in &texts {
        engine.scan(s); // warm-up: lazy regions, caches
    }
    let (k, mbs, _) = mb_per_s(&engine, &texts, n);
    eprintln!("{k} findings; {mbs:.1} MB/s");
    if by_detector {
        let empty = Engine::with_detectors(vec![], Thresholds::default());
        let (_, _, base_ms) = mb_per_s(&empty, &texts, n);
        eprintln!("{:>12}: {base_ms:6.2} ms per corpus pass", "(no detector)");
        let count = builtin_detectors().expect("compile").len();
        for i in 0..count {
            let mut all = builtin_detectors().expect("compile");
            let one = all.swap_remove(i);
            let name = one.name().to_string();
            let engine = Engine::with_detectors(vec![one], Thresholds::default());
            for s in &texts {
                engine.scan(s);
            }
            let (_, _, ms) = mb_per_s(&engine, &texts, n);
            eprintln!("{name:>12}: {:6.2} ms per corpus pass", ms - base_ms);
        }
    }
}
