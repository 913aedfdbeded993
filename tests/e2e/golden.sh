#!/usr/bin/env bash
# Golden-file test: the fixture content tests/sites/valid builds to exactly the committed
# tree tests/sites/valid.expected (every file, byte for byte).
# Usage: golden.sh BINARY PROJECT_DIR            compare
#        golden.sh BINARY PROJECT_DIR --update   rewrite valid.expected (review it with git diff)
# From a build folder: PARKPRESS_UPDATE_GOLDEN=1 ctest -R golden
set -euo pipefail
binary=$1
project=$2
update=${3:-}
[ "${PARKPRESS_UPDATE_GOLDEN:-}" = "1" ] && update=--update
expected=$project/tests/sites/valid.expected

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A copy outside git: built in place, the site would show this repository's history (the
# dates of its commits, the changes page), which changes with every commit and clone.
cp -r "$project/tests/sites/valid" "$tmp/valid"
"$binary" build "$tmp/valid" --out "$tmp/site" --theme "$project/themes/default" --no-pdf >/dev/null

if [ "$update" = "--update" ]; then
    rm -rf "$expected"
    cp -r "$tmp/site" "$expected"
    rm "$expected/.parkpress-output" # the build manifest records modification times
    echo "updated $expected"
    echo "1 passed, 0 failed"
    exit 0
fi

passed=0
failed=0
# Every file but the build manifest (.parkpress-output), which records modification times.
[ -f "$tmp/site/.parkpress-output" ] || { echo "FAIL golden: no .parkpress-output manifest"; exit 1; }
if diff -r -x .parkpress-output "$expected" "$tmp/site" >"$tmp/diff.txt"; then
    echo "ok golden: $(find "$expected" -type f | wc -l) files identical"
    passed=$((passed + 1))
else
    echo "FAIL golden: the built site differs from tests/sites/valid.expected"
    head -n 80 "$tmp/diff.txt"
    echo "(if the change is intended: PARKPRESS_UPDATE_GOLDEN=1 ctest -R golden, then review git diff)"
    failed=$((failed + 1))
fi
# Building twice gives the same bytes.
"$binary" build "$tmp/valid" --out "$tmp/again" --theme "$project/themes/default" --no-pdf >/dev/null
if diff -r -x .parkpress-output "$tmp/site" "$tmp/again" >/dev/null; then
    echo "ok deterministic: two builds are identical"
    passed=$((passed + 1))
else
    echo "FAIL deterministic: two builds differ"
    failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
