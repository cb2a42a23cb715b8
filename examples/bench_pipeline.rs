//! Full-pipeline figures (patterns + NER model), printed as a table:
//!   cargo run --release --example bench_pipeline -- [DEV_JSONL]
//! - dev-corpus throughput after model load and warm-up (how Presidio's runner
//!   measures it), 2 caller threads, 16 prompts per call;
//! - latency of one ~1 KB prompt (p50, p95), model on 2 worker threads;
//! - a 20-turn conversation resent every turn: cost of turn 1 vs turn 20 with the
//!   content-hash cache (only the new message is inferred) and without it.
#![allow(clippy::unwrap_used)] // a benchmark harness: a missing corpus just stops it

#[path = "support/dev_corpus.rs"]
mod dev_corpus;

use std::time::{Duration, Instant};

use scrim::detect::ner::{NerConfig, NerModel};
use scrim::detect::pipeline::Pipeline;
use scrim::detect::Engine;

fn percentile(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let texts = dev_corpus::texts_from_args();
    let model = NerModel::load(NerConfig::default()).unwrap();
    let pipeline = Pipeline::new(Engine::builtin().unwrap(), Some(model.clone()), 0);

    // The dev corpus as Presidio's runner measures it (../shared/eval/presidio):
    // model loaded and 50 prompts of warm-up first, then the whole corpus; here in
    // batches of 16 prompts from 2 caller threads, as `scrim scan --jsonl` does.
    for t in texts.iter().take(50) {
        pipeline.scan(t).unwrap();
    }
    let batches = dev_corpus::batches(&texts);
    let secs = dev_corpus::run_batches(&batches, |batch| {
        pipeline.scan_many(batch).unwrap();
    });
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "dev corpus after load and warm-up: {} prompts in {secs:.2} s = {:.0} prompts/s, {:.1} KB/s",
        texts.len(),
        texts.len() as f64 / secs,
        bytes as f64 / 1e3 / secs
    );

    // ~1 KB prompts made of consecutive dev texts.
    let mut prompts = Vec::new();
    let mut cur = String::new();
    for t in &texts {
        cur.push_str(t);
        cur.push('\n');
        if cur.len() >= 1000 {
            prompts.push(std::mem::take(&mut cur));
        }
    }
    for p in prompts.iter().take(20) {
        pipeline.scan(p).unwrap(); // warm-up
    }
    let mut lat = Vec::new();
    for p in prompts.iter().take(300) {
        let t = Instant::now();
        pipeline.scan(p).unwrap();
        lat.push(t.elapsed());
    }
    let avg_len = prompts.iter().take(300).map(String::len).sum::<usize>() / lat.len();
    println!(
        "1 KB prompt latency (avg {avg_len} bytes, {} prompts): p50 {:.1} ms, p95 {:.1} ms",
        lat.len(),
        percentile(lat.clone(), 0.5).as_secs_f64() * 1e3,
        percentile(lat, 0.95).as_secs_f64() * 1e3
    );

    // A conversation: each turn resends all previous messages plus a new one.
    for (name, cache) in [("with cache", 4096), ("without cache", 0)] {
        let pipeline = Pipeline::new(Engine::builtin().unwrap(), Some(model.clone()), cache);
        let messages: Vec<&str> = texts
            .iter()
            .skip(1000)
            .take(20)
            .map(String::as_str)
            .collect();
        let mut costs = Vec::new();
        for turn in 1..=messages.len() {
            let t = Instant::now();
            pipeline.scan_many(&messages[..turn]).unwrap();
            costs.push(t.elapsed());
        }
        println!(
            "conversation {name}: turn 1 {:.1} ms, turn 10 {:.1} ms, turn 20 {:.1} ms",
            costs[0].as_secs_f64() * 1e3,
            costs[9].as_secs_f64() * 1e3,
            costs[19].as_secs_f64() * 1e3
        );
    }
}
