#!/usr/bin/env bash
# Proxy overhead (issues 5 and 8): the latency scrim adds over the same fake upstream called
# directly (1, 4, 16, 64 KB prompts; with and without the NER model; gateway mode over plain
# HTTP and HTTPS_PROXY mode with TLS), req/s with 64 concurrent keep-alive clients and scrim's
# RSS under that load, and the route path to a local backend: a fake one, and llama-server with
# its generated tiny model (scripts/local-llm.sh --tiny; the first run builds it, 6-12 min).
# Prints markdown tables (also written to OUTDIR/bench_proxy.md), the machine, the load
# average before and after, and this command.
#
#   bash scripts/bench_proxy.sh [--quick] [--no-llm] [OUTDIR]     # ~8 min; --quick ~2 min
#
# Figures from a shared 2-core machine are noisy: compare rows measured in the same run, and
# rerun when the load average was high.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

quick=()
llm=1
OUT=target/bench-proxy
for arg in "$@"; do
  case "$arg" in
    --quick) quick=(--quick) ;;
    --no-llm) llm=0 ;;
    -*) echo "bench_proxy.sh: unknown option $arg" >&2; exit 2 ;;
    *) OUT="$arg" ;;
  esac
done
mkdir -p "$OUT"

bash scripts/setup.sh >/dev/null
cargo build --release --locked --quiet --examples --bin scrim

llm_pid=""
stop_llm() {
  if [[ -n "$llm_pid" ]]; then
    kill -TERM "$llm_pid" 2>/dev/null || true
    wait "$llm_pid" 2>/dev/null || true
    llm_pid=""
  fi
}
trap stop_llm EXIT

llm_args=()
if [[ $llm == 1 ]]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  bash scripts/local-llm.sh --tiny --port "$port" >"$OUT/local-llm.out" 2>"$OUT/local-llm.err" &
  llm_pid=$!
  # The first run builds llama-server (6-12 minutes); later runs start in about a second.
  for _ in $(seq 1 1200); do
    grep -q "ready at" "$OUT/local-llm.out" 2>/dev/null && break
    kill -0 "$llm_pid" 2>/dev/null || break
    sleep 1
  done
  url=$(sed -n 's/.*ready at \(http[^ ]*\).*/\1/p' "$OUT/local-llm.out" | head -n1)
  if [[ -n "$url" ]]; then
    llm_args=(--llm "$url")
  else
    echo "bench_proxy.sh: llama-server did not start (see $OUT/local-llm.err); skipping its rows" >&2
    stop_llm
  fi
fi

{
  echo "command: bash scripts/bench_proxy.sh $*"
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(free -g | awk '/^Mem/ {print $2}') GiB RAM, no GPU"
  echo "scrim: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml Cargo.lock || echo ' with uncommitted changes under src/')"
  echo "load before: $(uptime)"
  echo
} | tee "$OUT/bench_proxy.md"

target/release/examples/bench_proxy --out "$OUT" "${quick[@]}" "${llm_args[@]}" | tee -a "$OUT/bench_proxy.md"

{
  echo
  echo "load after: $(uptime)"
  echo "command: bash scripts/bench_proxy.sh $*"
} | tee -a "$OUT/bench_proxy.md"
