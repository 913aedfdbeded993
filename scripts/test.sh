#!/usr/bin/env bash
# Quick start, step 2: install what is missing, build with warnings as errors (ci preset),
# and run every test (unit, golden-file and end-to-end tests) under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --test
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci
