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
bash scripts/setup.sh >/dev/null
cargo build --release --locked --quiet --bin scrim --example bench_pipeline

echo "== Presidio, pattern recognizers only (blank spaCy tokenizer) =="
bash "$EVAL/presidio/run.sh" "$OUT/presidio" patterns_blank | grep -E 'prompts_per_s|kb_per_s|"p50' || true
echo "== Presidio, default (spaCy md NER) =="
bash "$EVAL/presidio/run.sh" "$OUT/presidio" md | grep -E 'prompts_per_s|kb_per_s|"p50' || true

echo "== scrim, pattern detectors, one core (criterion: engine/dev_corpus) =="
cargo bench --locked --bench detect -- --noplot engine 2>/dev/null | grep -E "thrpt|time:"

echo "== scrim, full pipeline (patterns + NER), dev corpus, 2 threads =="
n=$(wc -l < "$EVAL/dev.jsonl")
start=$(date +%s.%N)
/usr/bin/time -f "peak RSS %M KB" target/release/scrim scan --jsonl "$EVAL/dev.jsonl" > "$OUT/scrim_dev.jsonl"
end=$(date +%s.%N)
python3 -c "import sys; n,s,e=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]); print(f'{n} prompts in {e-s:.2f} s = {n/(e-s):.0f} prompts/s (startup included)')" "$n" "$start" "$end"

echo "== scrim, latency and conversation cache =="
target/release/examples/bench_pipeline "$EVAL/dev.jsonl"
