#!/usr/bin/env bash
# Quick start, step 2: install what is missing, then run every test (unit, golden-file and
# end-to-end tests under ctest) twice: on the release build with warnings as errors (ci preset),
# and on a build with AddressSanitizer and UndefinedBehaviorSanitizer (debug preset), where any
# report fails the test that triggered it. Last, each libFuzzer target runs for a minute
# (scripts/fuzz.sh); a crash fails the run and its input is kept in tests/fuzz/regressions/.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

scripts/install-deps.sh --test --fuzz

echo "== release build (ci preset): every test"
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci --parallel "$jobs"

echo "== AddressSanitizer and UndefinedBehaviorSanitizer (debug preset): every test again"
cmake --preset debug >/dev/null
cmake --build --preset debug
ctest --preset debug --parallel "$jobs"

echo "== fuzzing: each target for 60 s"
scripts/fuzz.sh 60
