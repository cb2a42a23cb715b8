#!/usr/bin/env bash
# Detection quality on the shared evaluation kit, with the quality bar as a gate.
#   bash scripts/eval.sh [--check] [--no-ner]
# Scans ../shared/eval/dev.jsonl and the Presidio peer cases (plus our own challenge sets),
# scores them with ../shared/eval/score.py, prints the tables and, with --check, fails if a
# figure falls below the bar in scripts/quality_bar.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
EVAL="${SCRIM_EVAL_DIR:-../shared/eval}"
OUT="${SCRIM_EVAL_OUT:-target/eval}"
check=0
scan_args=()
for a in "$@"; do
  case "$a" in
    --check) check=1 ;;
    --no-ner) scan_args+=(--no-ner) ;;
    *) echo "eval.sh: unknown argument $a" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT"
cargo build --locked --quiet
BIN=target/debug/scrim
run() { # name gold
  "$BIN" scan --jsonl "${scan_args[@]}" "$2" > "$OUT/$1.pred.jsonl"
  python3 "$EVAL/score.py" "$2" "$OUT/$1.pred.jsonl" --out "$OUT/$1.summary.json"
}
echo "== dev corpus =="; run dev "$EVAL/dev.jsonl"
echo "== Presidio's own test cases =="; run peer "$EVAL/peer/presidio_cases.jsonl"
echo "== scrim challenge set (structured labels) =="; run challenge tests/data/challenge.jsonl
echo "== scrim challenge set 2 (other locales and styles) =="; run challenge2 tests/data/challenge2.jsonl
echo "== scrim challenge set 3 (written blind to the code: more locales, scripts, formats) =="; run challenge3 tests/data/challenge3.jsonl
echo "== scrim challenge set 4 (written blind: config files, exports, OCR, 25 more locales) =="; run challenge4 tests/data/challenge4.jsonl
echo "== scrim challenge set 5 (written blind, every label: names, places, organizations) =="; run challenge5 tests/data/challenge5.jsonl
echo "== scrim challenge set 6 (written blind: context-dependent US IDs, look-alikes, forms and tables) =="; run challenge6 tests/data/challenge6.jsonl
echo "== scrim challenge set 7 (written blind: logs, code, configs, chats, raw API bodies, mail threads, 15 languages) =="; run challenge7 tests/data/challenge7.jsonl
echo "== scrim challenge set 8 (written blind: obfuscation, boundaries, markup, glued scripts, long documents, hard negatives) =="; run challenge8 tests/data/challenge8.jsonl
echo "== scrim challenge set 9 (written blind: personal and public dates in 9 languages, IDs in questions/SQL/code, phones beside look-alikes) =="; run challenge9 tests/data/challenge9.jsonl
echo "== scrim challenge set 10 (written blind: public dates and look-alike numbers in clean prompts, new documents in 19 locales, tricky surface forms) =="; run challenge10 tests/data/challenge10.jsonl
echo "== scrim challenge set 11 (written blind: the dev generator's values in 88 new templates and 25 locales, every label) =="; run challenge11 tests/data/challenge11.jsonl
echo "== scrim challenge set 12 (written blind: NRP stated about a person in 10 languages, hard negatives about things) =="; run challenge12 tests/data/challenge12.jsonl
echo "== scrim challenge set 13 (written blind: NRP in long documents, 15 languages) =="; run challenge13 tests/data/challenge13.jsonl
echo "== scrim challenge set 14 (written blind: organizations with exact boundaries in 14 languages, names and places beside them; needs the model) =="; run challenge14 tests/data/challenge14.jsonl
echo "== phone numbers of 56 locales as Faker writes them =="; run phone_locales tests/data/phone_locales.jsonl
echo "== personal dates of 49 locales in CLDR's formats =="; run date_locales tests/data/date_locales.jsonl
if [ "$check" = 1 ]; then
  python3 scripts/check_quality.py scripts/quality_bar.json "$OUT"
fi
