//! Where the runtime library and the model files are.
//!
//! Order: explicit configuration; then `SCRIM_ORT_LIB` / `SCRIM_MODEL_DIR`; then
//! `SCRIM_ARTIFACTS_DIR`; then `models/artifacts/` in the current directory or any
//! parent (running from the repository needs no setting); then next to the
//! executable's ancestors (`target/debug/scrim` finds the repository's artifacts).
//!
//! Which model: our own (`scrim-ner/` in the artifacts directory, installed there by
//! the setup step from the committed `models/scrim-ner/` after checking its hashes)
//! when it is complete; otherwise Rampart (`rampart/`, fetched by the setup step).
//! The setup step is the one place that decides: a copy that fails its hash check
//! is removed, and the model falls back to Rampart.

use std::path::{Path, PathBuf};

use super::NerError;

/// The command that fetches the artifacts.
pub const SETUP_COMMAND: &str = "bash scripts/setup.sh";

const ORT_FILE: &str = "onnxruntime/libonnxruntime.so.1.32.0";
/// Our own model, committed as `models/scrim-ner/`, installed by the setup step.
const OWN_MODEL_SUBDIR: &str = "scrim-ner";
/// The fallback: Rampart, fetched into the artifacts directory.
const FALLBACK_MODEL_SUBDIR: &str = "rampart";
/// Model files tried in a model directory, in order: our own int8 graph or a
/// `model.onnx`, then the int8 derivative of Rampart, then its 4-bit original
/// (slowest).
const MODEL_FILES: &[&str] = &[
    "onnx/model.onnx",
    "model.onnx",
    "onnx/model_int8.onnx",
    "onnx/model_q4.onnx",
    "model_q4.onnx",
];

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
    /// The model directory's name (`scrim-ner`, `rampart`): the detector is `ner:<name>`.
    pub name: String,
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
            .or_else(|| artifacts.as_deref().and_then(default_model_dir))
            .ok_or_else(|| NerError::Unavailable("model directory not found".into()))?;
        let model = model_file(&model_dir).ok_or_else(|| {
            NerError::Unavailable(format!("no ONNX model in {}", model_dir.display()))
        })?;
        let paths = ArtifactPaths {
            ort_library,
            model,
            tokenizer: model_dir.join("tokenizer.json"),
            config: model_dir.join("config.json"),
            name: model_dir
                .file_name()
                .map_or_else(|| "model".into(), |n| n.to_string_lossy().into_owned()),
        };
        for p in [&paths.ort_library, &paths.tokenizer, &paths.config] {
            if !p.is_file() {
                return Err(NerError::Unavailable(format!("missing {}", p.display())));
            }
        }
        Ok(paths)
    }
}

/// The first model file present in `dir`.
fn model_file(dir: &Path) -> Option<PathBuf> {
    MODEL_FILES
        .iter()
        .map(|f| dir.join(f))
        .find(|p| p.is_file())
}

/// Whether `dir` holds a complete model (graph, tokenizer, label map).
fn is_complete(dir: &Path) -> bool {
    model_file(dir).is_some()
        && dir.join("tokenizer.json").is_file()
        && dir.join("config.json").is_file()
}

/// Our own model when the setup step installed it completely, else Rampart.
fn default_model_dir(artifacts: &Path) -> Option<PathBuf> {
    let own = artifacts.join(OWN_MODEL_SUBDIR);
    Some(if is_complete(&own) {
        own
    } else {
        artifacts.join(FALLBACK_MODEL_SUBDIR)
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(dir: &Path, files: &[&str]) {
        for f in files {
            let p = dir.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, b"x").unwrap();
        }
    }

    #[test]
    fn own_model_is_preferred_only_when_complete() {
        let root = std::env::temp_dir().join(format!("scrim-paths-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let artifacts = root.join("artifacts");
        touch(&artifacts, &["rampart/onnx/model_int8.onnx"]);
        // No own model: Rampart.
        assert_eq!(
            default_model_dir(&artifacts),
            Some(artifacts.join("rampart"))
        );
        // An incomplete own model (no label map) is not used.
        let own = artifacts.join("scrim-ner");
        touch(&own, &["onnx/model_int8.onnx", "tokenizer.json"]);
        assert_eq!(
            default_model_dir(&artifacts),
            Some(artifacts.join("rampart"))
        );
        // Complete: preferred.
        touch(&own, &["config.json"]);
        assert_eq!(default_model_dir(&artifacts), Some(own.clone()));
        assert_eq!(model_file(&own), Some(own.join("onnx/model_int8.onnx")));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
