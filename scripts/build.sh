#!/usr/bin/env bash
# Quick start, step 1: install what is missing, build parkpress (release preset), check the
# content in content/ and build the site into site/.
# Usage: scripts/build.sh [CONTENT_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target parkpress
./build/release/generator/parkpress build "${1:-content}" --out "${2:-site}"
