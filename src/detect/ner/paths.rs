//! Where the runtime library and the model files are.
//!
//! Order: explicit configuration; then `SCRIM_ORT_LIB` / `SCRIM_MODEL_DIR`; then
//! `SCRIM_ARTIFACTS_DIR`; then `models/artifacts/` in the current directory or any
//! parent (running from the repository needs no setting); then next to the
//! executable's ancestors (`target/debug/scrim` finds the repository's artifacts).

use std::path::{Path, PathBuf};

use super::NerError;

/// The command that fetches the artifacts.
pub const SETUP_COMMAND: &str = "bash scripts/setup.sh";

const ORT_FILE: &str = "onnxruntime/libonnxruntime.so.1.32.0";
const MODEL_SUBDIR: &str = "rampart";

/// Resolved artifact paths.
#[derive(Debug, Clone)]
pub struct ArtifactPaths {
    /// ONNX Runtime shared library.
    pub ort_library: PathBuf,
    /// The ONNX graph.
    pub model: PathBuf,
    /// `tokenizer.json`.
    pub tokenizer: PathBuf,
    /// `config.json` (label map).
    pub config: PathBuf,
}

impl ArtifactPaths {
    /// Resolve the paths, checking that every file exists.
    pub fn locate(
        ort_library: Option<&Path>,
        model_dir: Option<&Path>,
    ) -> Result<ArtifactPaths, NerError> {
        let artifacts = artifacts_dir();
        let ort_library = ort_library
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os("SCRIM_ORT_LIB").map(PathBuf::from))
            .or_else(|| artifacts.as_ref().map(|a| a.join(ORT_FILE)))
            .ok_or_else(|| NerError::Unavailable("ONNX Runtime library not found".into()))?;
        let model_dir = model_dir
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os("SCRIM_MODEL_DIR").map(PathBuf::from))
            .or_else(|| artifacts.as_ref().map(|a| a.join(MODEL_SUBDIR)))
            .ok_or_else(|| NerError::Unavailable("model directory not found".into()))?;
        // Our own model (`model.onnx`) first, then the int8 derivative of Rampart, then
        // the 4-bit original (slowest).
        let model = [
            "onnx/model.onnx",
            "model.onnx",
            "onnx/model_int8.onnx",
            "onnx/model_q4.onnx",
            "model_q4.onnx",
        ]
        .iter()
        .map(|f| model_dir.join(f))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            NerError::Unavailable(format!("no ONNX model in {}", model_dir.display()))
        })?;
        let paths = ArtifactPaths {
            ort_library,
            model,
            tokenizer: model_dir.join("tokenizer.json"),
            config: model_dir.join("config.json"),
        };
        for p in [&paths.ort_library, &paths.tokenizer, &paths.config] {
            if !p.is_file() {
                return Err(NerError::Unavailable(format!("missing {}", p.display())));
            }
        }
        Ok(paths)
    }
}

/// The artifacts directory: `SCRIM_ARTIFACTS_DIR`, or `models/artifacts` found from
/// the current directory or the executable upwards.
fn artifacts_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("SCRIM_ARTIFACTS_DIR") {
        return Some(PathBuf::from(dir));
    }
    let starts = [
        std::env::current_dir().ok(),
        std::env::current_exe()
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf)),
    ];
    starts.into_iter().flatten().find_map(|start| {
        start
            .ancestors()
            .map(|d| d.join("models/artifacts"))
            .find(|d| d.join(ORT_FILE).is_file())
    })
}
