#!/usr/bin/env bash
# Quick start, step 1: install what is missing, build parkpress (release preset), and check
# the content in content/. Usage: scripts/build.sh [CONTENT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
./build/release/generator/parkpress check "${1:-content}"
