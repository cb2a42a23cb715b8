//! Building the detection pipeline for the offline commands: the pattern engine,
//! plus the NER model unless `--no-ner`. A model that cannot load is an error that
//! names the setup command — never a silent fallback to patterns only.

use anyhow::Context;

use super::{engine, DetectArgs};
use crate::detect::ner::{NerConfig, NerModel};
use crate::detect::pipeline::Pipeline;

/// Model results cached per command run (texts repeat in JSONL exports).
pub const CACHE_ENTRIES: usize = 4096;

/// The pipeline for `args`.
pub fn pipeline(args: &DetectArgs) -> anyhow::Result<Pipeline> {
    let engine = engine(args)?;
    Ok(Pipeline::new(
        engine,
        ner_model(args.no_ner)?,
        CACHE_ENTRIES,
    ))
}

/// The NER model, or `None` with `--no-ner`. A model that cannot load is an
/// error naming `bash scripts/setup.sh` (and `--no-ner`).
pub fn ner_model(no_ner: bool) -> anyhow::Result<Option<NerModel>> {
    if no_ner {
        return Ok(None);
    }
    let model = NerModel::load(NerConfig::default()).context("cannot start the NER detector")?;
    Ok(Some(model))
}
