#!/usr/bin/env bash
# The Python environment of the SDK tests (tests/sdk.rs): a venv with the official `openai` and
# `anthropic` SDKs and their dependencies, pinned with hashes in tests/sdk/requirements.txt.
#
#   bash scripts/sdk-env.sh        # prints the venv's python interpreter on stdout
#
# The venv lives outside git, at $SCRIM_CACHE_DIR/venvs/sdk-<hash of requirements.txt>, so a
# changed pin makes a new one. A finished install is marked by `.complete`; a second run only
# hashes the requirements file (a few milliseconds) and never calls pip. Installs are wheels only
# (`--only-binary=:all:`), every file checked against its pinned hash (`--require-hashes`), under
# a lock so that concurrent test processes never build the same venv at once.
#
# Environment:
#   SCRIM_CACHE_DIR   cache root (default: $HOME/.cache/scrim)
#   PYTHON            interpreter to create the venv with (default: python3; CPython >= 3.9)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="${SCRIM_CACHE_DIR:-${HOME:-/tmp}/.cache/scrim}"
PYTHON="${PYTHON:-python3}"
REQUIREMENTS="$REPO_ROOT/tests/sdk/requirements.txt"

die() { echo "sdk-env: error: $*" >&2; exit 1; }

[[ -f "$REQUIREMENTS" ]] || die "$REQUIREMENTS is missing"
VENV="$CACHE_DIR/venvs/sdk-$(sha256sum "$REQUIREMENTS" | cut -c1-12)"

if [[ ! -f "$VENV/.complete" ]]; then
  mkdir -p "$CACHE_DIR/venvs"
  exec {LOCK_FD}>"$CACHE_DIR/.sdk-env.lock"
  command -v flock >/dev/null && { flock -w 600 "$LOCK_FD" || die "timed out waiting for $CACHE_DIR/.sdk-env.lock"; }
  # Another process may have finished it while we waited.
  if [[ ! -f "$VENV/.complete" ]]; then
    command -v "$PYTHON" >/dev/null || die "$PYTHON not found; set PYTHON=/path/to/python3"
    "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)' \
      || die "the SDKs need Python >= 3.9; $PYTHON is $("$PYTHON" -V 2>&1)"
    echo "sdk-env: creating $VENV (openai + anthropic SDKs, pinned, hash-checked)" >&2
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV" >&2 || die "$PYTHON -m venv failed (Debian: apt-get install python3-venv)"
    if ! "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
        --only-binary=:all: --require-hashes -r "$REQUIREMENTS" >&2; then
      rm -rf "$VENV"
      die "pip install -r tests/sdk/requirements.txt failed (see pip's message above)"
    fi
    "$VENV/bin/python" -c 'import openai, anthropic' >&2 \
      || { rm -rf "$VENV"; die "the new venv cannot import openai and anthropic"; }
    touch "$VENV/.complete"
    echo "sdk-env: ready" >&2
  fi
  exec {LOCK_FD}>&-
fi
printf '%s\n' "$VENV/bin/python"
