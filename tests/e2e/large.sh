#!/usr/bin/env bash
# Large and pathological content builds, PDFs included, without crashing (bench/large_inputs.py
# at scale 4; bench/README.md shows that the time grows in proportion):
#   - a 20 MB park narrative: all of it on the park's page;
#   - a park with 10,000 facts: all of them in facts.csv;
#   - quotes, lists and emphasis 1,000 levels deep in a park's and a bulletin's narrative: the
#     deepest text on the page and in the PDF;
#   - runs of 400,000 brackets, '<', '*', backticks and unclosed links in a narrative.
# Each build has five minutes (a hang or a quadratic blow-up fails; speed is the benchmark's job).
# Usage: large.sh BINARY PROJECT_DIR
set -euo pipefail
binary=$1
project=$2

source "$(dirname "$0")/lib.sh"


build() { # KIND [--no-pdf]
    python3 "$project/bench/large_inputs.py" "$1" 4 "$project/tests/sites/valid" "$tmp/$1"
    if timeout 300 "$binary" build "$tmp/$1" --out "$tmp/$1-out" --theme "$project/themes/default" "${@:2}" \
        >"$tmp/out.txt" 2>"$tmp/err.txt"; then
        ok "$1: builds"
    else
        fail "$1: build (exit $?)"; tail -n 20 "$tmp/err.txt"
    fi
}
park=parks/zhengzhou-high-tech-zone/index.html

build narrative --no-pdf
[ "$(stat -c %s "$tmp/narrative/parks/henan/zhengzhou-high-tech-zone.md")" -ge 20000000 ] && ok "narrative: 20 MB" \
    || fail "narrative: not 20 MB"
grep -q 'END-OF-NARRATIVE' "$tmp/narrative-out/$park" && ok "narrative: all of it is on the page" \
    || fail "narrative: the end is missing"

build facts --no-pdf
rows=$(grep -c '^fact,zhengzhou-high-tech-zone,.*,enterprises,' "$tmp/facts-out/data/facts.csv" || true)
[ "$rows" -eq 10000 ] && ok "facts: 10,000 in facts.csv" || fail "facts: $rows in facts.csv"

build nesting
grep -q '最深处的引述' "$tmp/nesting-out/$park" && grep -q '第999层' "$tmp/nesting-out/$park" \
    && ok "nesting: the deepest text is on the page" || fail "nesting: text missing on the page"
pdftotext -enc UTF-8 "$tmp/nesting-out/bulletins/2024-01.pdf" - | tr -d ' \n' >"$tmp/pdf.txt"
grep -q '最深处的引述' "$tmp/pdf.txt" && grep -q '第999层' "$tmp/pdf.txt" && ok "nesting: the deepest text is in the PDF" \
    || fail "nesting: text missing in the PDF"

build brackets --no-pdf
grep -q '结束' "$tmp/brackets-out/$park" && ok "brackets: the text after the runs is on the page" \
    || fail "brackets: text missing"

summary
