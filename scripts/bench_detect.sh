#!/usr/bin/env bash
# Detection speed, side by side with Microsoft Presidio in the same run (the machine is noisy:
# compare ratios measured together). Prints the figures the README quotes.
#   bash scripts/bench_detect.sh [OUTDIR]
# Needs ../shared/eval (dev corpus + pinned Presidio runner) and network to PyPI the first time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="${1:-target/bench}"
EVAL="${SCRIM_EVAL_DIR:-../shared/eval}"
mkdir -p "$OUT"
echo "command: bash scripts/bench_detect.sh $*"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')); load before: $(uptime)"
bash scripts/setup.sh >/dev/null
cargo build --release --locked --quiet --bin scrim --example bench_pipeline

echo "== Presidio, pattern recognizers only (blank spaCy tokenizer) =="
bash "$EVAL/presidio/run.sh" "$OUT/presidio" patterns_blank | grep -E 'prompts_per_s|kb_per_s|"p50' || true
echo "== Presidio, default (spaCy md NER) =="
bash "$EVAL/presidio/run.sh" "$OUT/presidio" md | grep -E 'prompts_per_s|kb_per_s|"p50' || true

echo "== scrim, pattern detectors, one core (criterion: whole corpus, by text length, per detector) =="
cargo bench --locked --bench detect -- --noplot 2>/dev/null | grep -E "^(engine|text_length|detector)/|thrpt:" | paste - - \
  | sed -E 's/ +/ /g'

n=$(wc -l < "$EVAL/dev.jsonl")
for model in scrim-ner rampart; do
  dir="${SCRIM_ARTIFACTS_DIR:-models/artifacts}/$model"
  if [[ ! -d "$dir" ]]; then
    echo "== (no $dir: skipping the full pipeline with $model) =="
    continue
  fi
  echo "== scrim, full pipeline (patterns + NER model $model), dev corpus, 2 threads =="
  start=$(date +%s.%N)
  SCRIM_MODEL_DIR="$dir" /usr/bin/time -f "peak RSS %M KB" \
    target/release/scrim scan --jsonl "$EVAL/dev.jsonl" > "$OUT/scrim_dev_$model.jsonl"
  end=$(date +%s.%N)
  python3 -c "import sys; n,s,e=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]); print(f'{n} prompts in {e-s:.2f} s = {n/(e-s):.0f} prompts/s (startup included)')" "$n" "$start" "$end"
  echo "== scrim, latency and conversation cache ($model) =="
  SCRIM_MODEL_DIR="$dir" target/release/examples/bench_pipeline "$EVAL/dev.jsonl"
done
echo "load after: $(uptime)"
