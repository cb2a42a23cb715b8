//! Detection throughput of the pattern detectors (no model), one thread.
//!
//! `cargo bench --bench detect` — reads the dev corpus texts from
//! `../shared/eval/dev.jsonl` (falls back to a built-in sample) and reports:
//! - `engine/dev_corpus`: all detectors over every dev text (bytes/s);
//! - `text_length/N`: one document of about N bytes built from dev texts;
//! - `single_line/262144`: the 256 KB document with its line breaks made spaces;
//! - `detector/NAME`: each detector alone over the corpus (how cost adds up per
//!   detector, i.e. with the number of patterns).

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use scrim::detect::{builtin_detectors, Engine, Thresholds};

fn corpus() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev.jsonl");
    match std::fs::read_to_string(&path) {
        Ok(s) => s
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect(),
        Err(_) => {
            eprintln!("{} not found; using a built-in sample", path.display());
            vec![
                "Ticket 4411: Jane Roe (jane.roe@example.com, +44 20 7946 0958) paid with 4111 1111 1111 1111 on 03/04/2024.".to_string();
                200
            ]
        }
    }
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let total: usize = texts.iter().map(String::len).sum();
    let engine = Engine::builtin().expect("built-in detectors compile");

    let mut g = c.benchmark_group("engine");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(20);
    g.bench_function("dev_corpus", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(engine.scan(black_box(t)));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("text_length");
    g.sample_size(20);
    for size in [256usize, 1024, 16 * 1024, 256 * 1024] {
        let mut doc = String::new();
        for t in texts.iter().cycle() {
            if doc.len() >= size {
                break;
            }
            doc.push_str(t);
            doc.push('\n');
        }
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(size), &doc, |b, doc| {
            b.iter(|| black_box(engine.scan(black_box(doc))))
        });
    }
    g.finish();

    // The same 256 KB on one line (minified JSON, a pasted log without breaks):
    // the line-start and line-end checks look a bounded distance, so this stays
    // as fast per byte as the text with its line breaks.
    let mut g = c.benchmark_group("single_line");
    g.sample_size(10);
    let mut doc = String::new();
    for t in texts.iter().cycle() {
        if doc.len() >= 256 * 1024 {
            break;
        }
        doc.push_str(&t.replace('\n', " "));
        doc.push(' ');
    }
    g.throughput(Throughput::Bytes(doc.len() as u64));
    g.bench_with_input(BenchmarkId::from_parameter(256 * 1024), &doc, |b, doc| {
        b.iter(|| black_box(engine.scan(black_box(doc))))
    });
    g.finish();

    let mut g = c.benchmark_group("detector");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(10);
    let names: Vec<String> = engine
        .detector_names()
        .iter()
        .map(|s| s.to_string())
        .collect();
    for (i, name) in names.iter().enumerate() {
        let mut all = builtin_detectors().expect("built-in detectors compile");
        let one = Engine::with_detectors(vec![all.swap_remove(i)], Thresholds::default());
        g.bench_function(name.as_str(), |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(one.scan(black_box(t)));
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
