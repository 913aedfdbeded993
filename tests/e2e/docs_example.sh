#!/usr/bin/env bash
# The complete example in docs/content-format.md is valid content: every fenced block preceded
# by a line naming `content/<path>` is written to that path, and `parkpress check` must accept
# the result with no warning and print the summary the page promises.
set -euo pipefail
binary=$1
doc=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

awk -v root="$tmp" '
    /^`content\/[^`]+`/ { match($0, /`content\/[^`]+`/); path = substr($0, RSTART + 9, RLENGTH - 10); next }
    /^```/ && path != "" && !inside { inside = 1; file = root "/" path; system("mkdir -p \"$(dirname \"" file "\")\""); printf "" > file; next }
    /^```/ && inside { inside = 0; close(file); path = ""; next }
    inside { print >> file }
' "$doc"

expected=$(grep -o 'checked [0-9]* parks\? in [^`]*' "$doc" | tail -n 1)
passed=0
failed=0
actual=$("$binary" check "$tmp" 2>"$tmp.err") && status=0 || status=$?
if [ "$status" -eq 0 ] && [ "$actual" = "$expected" ] && [ ! -s "$tmp.err" ]; then
    echo "ok docs example: $actual"
    passed=$((passed + 1))
else
    echo "FAIL docs example (exit $status)"
    echo "expected: $expected"
    echo "actual:   $actual"
    cat "$tmp.err"
    failed=$((failed + 1))
fi
rm -f "$tmp.err"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
