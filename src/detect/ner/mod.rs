//! The local NER detector: a transformer token classifier (BERT) run by ONNX
//! Runtime, for what no pattern finds — names, street addresses, cities,
//! organizations, and dates written in forms no pattern knows. The default model is
//! our own (`models/scrim-ner/`: Rampart fine-tuned with ORGANIZATION and personal
//! DATE_TIME, see `models/train/`); Rampart itself is the fallback.
//!
//! ```text
//! texts ─▶ tokenize (tokenizer.json, byte offsets) ─▶ windows of ≤ 512 tokens (overlapping)
//!       ─▶ worker pool (dedicated threads, one ort Session each, bounded queue, timeout)
//!       ─▶ logits ─▶ per token: label of the window where the token is most central
//!       ─▶ decode BIO labels into spans ─▶ map to the taxonomy (PERSON, LOCATION,
//!          ORGANIZATION, DATE_TIME…)
//! ```
//!
//! Model-free failure is explicit: [`NerModel::load`] fails with an error naming
//! the setup command when the library or model is missing, and inference reports
//! timeouts and runtime errors as [`NerError`]; the caller decides (the proxy fails
//! closed, `scrim scan` exits non-zero unless `--no-ner`).

mod decode;
mod filters;
mod org_bounds;
mod paths;
mod place_bounds;
mod pool;
mod windows;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub use paths::{ArtifactPaths, SETUP_COMMAND};

use crate::detect::Finding;

/// Whether a span of `label` is implausible on its own (the model's sanity
/// filters): the fusion applies it to what is left of a model span after a
/// deterministic finding was cut out of it.
pub(crate) fn implausible(
    text: &str,
    start: usize,
    end: usize,
    label: crate::detect::Label,
) -> bool {
    let Some(piece) = text.get(start..end).filter(|p| !p.is_empty()) else {
        return false;
    };
    let only_numbers = piece
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '-');
    filters::reject(text, start, end, label, only_numbers)
}

/// Settings of the NER detector. Every bound carries its unit.
#[derive(Debug, Clone)]
pub struct NerConfig {
    /// `libonnxruntime.so`; default: found by [`ArtifactPaths::locate`].
    pub ort_library: Option<PathBuf>,
    /// Directory with `onnx/model_int8.onnx` (or `model.onnx`, `onnx/model_q4.onnx`),
    /// `tokenizer.json`, `config.json`; default: our own model, else Rampart.
    pub model_dir: Option<PathBuf>,
    /// Worker threads, each with its own session (`Session::run` takes `&mut self`).
    pub pool_size: usize,
    /// Threads ONNX Runtime uses inside one session.
    pub intra_threads: usize,
    /// Jobs that may wait for a worker before new requests are refused.
    pub queue_capacity: usize,
    /// How long one request may take, queueing included.
    pub timeout_ms: u64,
    /// Windows run together in one session call.
    pub max_batch_windows: usize,
    /// Tokens shared by consecutive windows of a long text.
    pub window_overlap_tokens: usize,
}

impl Default for NerConfig {
    fn default() -> Self {
        NerConfig {
            ort_library: None,
            model_dir: None,
            pool_size: 2,
            intra_threads: 1,
            // More than the proxy's usual concurrency (a request of several
            // segments or a lone prompt cut across the workers sends several
            // jobs): overload shows as deadlines missed, which fail closed, not
            // as requests refused at the door while the workers have room.
            queue_capacity: 1024,
            timeout_ms: 5_000,
            max_batch_windows: 1,
            window_overlap_tokens: 128,
        }
    }
}

/// Why the model could not be used. Never contains text from a request.
#[derive(Debug, Clone, thiserror::Error)]
pub enum NerError {
    /// The runtime library or the model files are missing or unreadable.
    #[error("NER model unavailable: {0} (run `{SETUP_COMMAND}`, or pass --no-ner)")]
    Unavailable(String),
    /// ONNX Runtime failed while loading or running the model.
    #[error("NER inference failed: {0}")]
    Inference(String),
    /// The request took longer than `timeout_ms`.
    #[error("NER timed out after {0} ms")]
    Timeout(u64),
    /// All workers busy and the queue full.
    #[error("NER overloaded: queue full")]
    Overloaded,
}

/// One token's prediction (see [`NerModel::token_labels`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenLabel {
    /// Byte offsets in the text.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// Vocabulary id.
    pub id: i64,
    /// Label name from the model's config, e.g. `B-GIVEN_NAME`.
    pub label: String,
}

/// A loaded model: tokenizer, label map and a pool of sessions.
#[derive(Debug, Clone)]
pub struct NerModel {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    tokenizer: windows::Tok,
    labels: decode::LabelMap,
    pool: pool::Pool,
    config: NerConfig,
    name: Arc<str>,
}

impl NerModel {
    /// Load the model (and, once per process, the ONNX Runtime library).
    pub fn load(config: NerConfig) -> Result<NerModel, NerError> {
        let paths =
            ArtifactPaths::locate(config.ort_library.as_deref(), config.model_dir.as_deref())?;
        let tokenizer = windows::Tok::load(&paths.tokenizer)?;
        let labels = decode::LabelMap::load(&paths.config)?;
        let pool = pool::Pool::start(&paths, &config)?;
        Ok(NerModel {
            inner: Arc::new(Inner {
                tokenizer,
                labels,
                pool,
                config,
                name: Arc::from(format!("ner:{}", paths.name)),
            }),
        })
    }

    /// Find names and places in each text. Texts are batched together; long texts
    /// are split into overlapping windows. Offsets are byte offsets into each text.
    pub fn detect_many(&self, texts: &[&str]) -> Result<Vec<Vec<Finding>>, NerError> {
        let inner = &self.inner;
        let encoded: Vec<windows::Encoded> = texts
            .iter()
            .map(|t| inner.tokenizer.encode(t))
            .collect::<Result<_, _>>()?;
        let mut jobs: Vec<windows::Window> = Vec::new();
        for (doc, enc) in encoded.iter().enumerate() {
            jobs.extend(windows::split(
                doc,
                enc,
                inner.tokenizer.max_tokens(),
                inner.config.window_overlap_tokens,
            ));
        }
        // Fewer windows than workers, and the workers idle: one long text would
        // run on one core while the others wait. Cut it in shorter windows so
        // that they share it (the latency of a lone prompt, at the cost of the
        // overlap's tokens). Under load every worker is busy anyway, and cutting
        // would only add tokens and jobs.
        let workers = inner.config.pool_size.max(1);
        if jobs.len() < workers && inner.pool.is_idle() {
            jobs = encoded
                .iter()
                .enumerate()
                .flat_map(|(doc, enc)| windows::split_across(doc, enc, workers))
                .collect();
        }
        let timeout = Duration::from_millis(inner.config.timeout_ms);
        let logits = inner.pool.infer(
            &jobs,
            &encoded,
            &inner.tokenizer,
            inner.config.max_batch_windows,
            timeout,
        )?;
        let per_token = windows::assemble(&encoded, &jobs, &logits, inner.pool.n_labels());
        Ok(encoded
            .iter()
            .zip(per_token)
            .zip(texts)
            .map(|((enc, probs), text)| {
                decode::spans(text, enc, &probs, &inner.labels, &inner.name)
            })
            .collect())
    }

    /// Per token of `text` (no special tokens): its byte span, its id and the most
    /// probable label's name. For diagnostics and the agreement test against the
    /// reference implementation.
    pub fn token_labels(&self, text: &str) -> Result<Vec<TokenLabel>, NerError> {
        let inner = &self.inner;
        let enc = inner.tokenizer.encode(text)?;
        let jobs = windows::split(
            0,
            &enc,
            inner.tokenizer.max_tokens(),
            inner.config.window_overlap_tokens,
        );
        let timeout = Duration::from_millis(inner.config.timeout_ms);
        let logits = inner.pool.infer(
            &jobs,
            std::slice::from_ref(&enc),
            &inner.tokenizer,
            1,
            timeout,
        )?;
        let probs = windows::assemble(
            std::slice::from_ref(&enc),
            &jobs,
            &logits,
            inner.pool.n_labels(),
        );
        Ok(enc
            .offsets
            .iter()
            .zip(&enc.ids)
            .zip(probs.into_iter().next().unwrap_or_default())
            .map(|((&(start, end), &id), row)| {
                let best = row
                    .iter()
                    .enumerate()
                    .max_by(|a, b| a.1.total_cmp(b.1))
                    .map_or(0, |(i, _)| i);
                TokenLabel {
                    start,
                    end,
                    id,
                    label: inner.labels.name(best).to_string(),
                }
            })
            .collect())
    }

    /// [`detect_many`](Self::detect_many) for one text.
    pub fn detect(&self, text: &str) -> Result<Vec<Finding>, NerError> {
        Ok(self.detect_many(&[text])?.pop().unwrap_or_default())
    }

    /// The detector name reported with findings.
    pub fn name(&self) -> &str {
        &self.inner.name
    }
}
