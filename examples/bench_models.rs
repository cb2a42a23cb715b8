//! Our model against Rampart, interleaved (the machine's load drifts, and whichever
//! model runs first in a round measured slower: rounds alternate the order):
//!   cargo run --release --example bench_models -- [DEV_JSONL]
//! Per round and model: the dev corpus through the model alone and through the full
//! pipeline (patterns + model + fusion), 2 caller threads, 16 prompts per call.
#![allow(clippy::unwrap_used)] // a benchmark harness: missing artifacts just stop it

#[path = "support/dev_corpus.rs"]
mod dev_corpus;

use scrim::detect::ner::{NerConfig, NerModel};
use scrim::detect::pipeline::Pipeline;
use scrim::detect::Engine;

/// Seconds to run every batch through `pipeline` or, with `model_only`, through
/// its model alone.
fn run(model: &NerModel, pipeline: &Pipeline, batches: &[Vec<&str>], model_only: bool) -> f64 {
    dev_corpus::run_batches(batches, |batch| {
        if model_only {
            model.detect_many(batch).unwrap();
        } else {
            pipeline.scan_many(batch).unwrap();
        }
    })
}

fn main() {
    let texts = dev_corpus::texts_from_args();
    let batches = dev_corpus::batches(&texts);
    let mut models = Vec::new();
    for name in ["scrim-ner", "rampart"] {
        let model = NerModel::load(NerConfig {
            model_dir: Some(format!("models/artifacts/{name}").into()),
            ..NerConfig::default()
        })
        .unwrap();
        // No cache: every round infers every prompt.
        let pipeline = Pipeline::new(Engine::builtin().unwrap(), Some(model.clone()), 0);
        run(&model, &pipeline, &batches[..10], false); // warm-up
        models.push((name, model, pipeline));
    }
    let mut totals = vec![(0.0, 0.0); models.len()];
    let rounds = 4;
    for round in 1..=rounds {
        let mut order: Vec<usize> = (0..models.len()).collect();
        if round % 2 == 0 {
            order.reverse();
        }
        for i in order {
            let (name, model, pipeline) = &models[i];
            let alone = run(model, pipeline, &batches, true);
            let full = run(model, pipeline, &batches, false);
            totals[i].0 += alone;
            totals[i].1 += full;
            println!(
                "round {round} {name:>9}: model alone {alone:.2} s, full pipeline {full:.2} s"
            );
        }
    }
    for ((name, ..), (alone, full)) in models.iter().zip(totals) {
        let n = f64::from(rounds) * texts.len() as f64;
        println!(
            "{name:>9}: model alone {:.0} prompts/s, full pipeline {:.0} prompts/s",
            n / alone,
            n / full
        );
    }
}
