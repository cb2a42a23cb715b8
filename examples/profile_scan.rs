#![allow(clippy::unwrap_used)] // a profiling harness: a missing corpus should just stop it

//! Scan the dev corpus N times (for profilers): cargo run --release --example profile_scan -- N
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let texts: Vec<String> = std::fs::read_to_string("../shared/eval/dev.jsonl")
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let engine = scrim::detect::Engine::builtin().unwrap();
    for s in &texts {
        engine.scan(s); // warm-up: lazy regions, caches
    }
    let t = std::time::Instant::now();
    let mut k = 0;
    for _ in 0..n {
        for s in &texts {
            k += engine.scan(s).len();
        }
    }
    let bytes: usize = texts.iter().map(|t| t.len()).sum::<usize>() * n;
    eprintln!(
        "{k} findings; {:.1} MB/s",
        bytes as f64 / t.elapsed().as_secs_f64() / 1e6
    );
}
