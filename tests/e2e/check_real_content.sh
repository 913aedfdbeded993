#!/usr/bin/env bash
# End-to-end test of the real content: it checks without errors, it is big enough, and none of
# the junk of the seed material (spam, page furniture, pinyin glosses, Traditional characters)
# has crept into it.
#
# Usage: check_real_content.sh BINARY CONTENT_DIR
set -euo pipefail
export LC_ALL=C.UTF-8

if [[ $# -ne 2 ]]; then
    echo "usage: $0 BINARY CONTENT_DIR" >&2
    exit 2
fi
BINARY=$1
# An absolute path, so that the binary still runs from another working directory.
if [[ $BINARY == */* && -d $(dirname "$BINARY") ]]; then
    BINARY="$(cd "$(dirname "$BINARY")" && pwd)/$(basename "$BINARY")"
elif [[ $BINARY != */* ]]; then
    BINARY=$(command -v "$BINARY" || printf '%s' "$BINARY")
fi
CONTENT=$2
if [[ ! -x $BINARY ]]; then
    echo "error: $BINARY is not an executable" >&2
    exit 2
fi
if [[ ! -d $CONTENT ]]; then
    echo "error: $CONTENT is not a folder" >&2
    exit 2
fi

MIN_PARKS=25
MIN_PROVINCES=3
MIN_FIGURES=100 # facts + targets + ranks

WORK=$(mktemp -d "${TMPDIR:-/tmp}/parkpress-real.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

passed=0
failed=0
ok() {
    echo "ok $1"
    passed=$((passed + 1))
}
fail() {
    local name=$1
    shift
    echo "FAIL $name"
    local line
    for line in "$@"; do
        printf '%s\n' "$line" | sed 's/^/    /'
    done
    failed=$((failed + 1))
}

# --- check ---------------------------------------------------------------------------------------

RC=0
"$BINARY" check "$CONTENT" >"$WORK/stdout" 2>"$WORK/stderr" || RC=$?
summary=$(grep -E '^checked ' "$WORK/stdout" | tail -n 1 || true)
if [[ $RC -eq 0 ]]; then
    ok "check-exit-status"
else
    fail "check-exit-status" "exit status $RC, expected 0; the errors:" "$(grep -E ': error: ' "$WORK/stderr" | head -n 40)"
fi

re='^checked ([0-9]+) parks? in ([0-9]+) provinces? \(([0-9]+) facts?, ([0-9]+) targets?, ([0-9]+) ranks?\): ([0-9]+) errors?, ([0-9]+) warnings?$'
if [[ $summary =~ $re ]]; then
    ok "summary-line"
    parks=${BASH_REMATCH[1]}
    provinces=${BASH_REMATCH[2]}
    facts=${BASH_REMATCH[3]}
    targets=${BASH_REMATCH[4]}
    ranks=${BASH_REMATCH[5]}
    errors=${BASH_REMATCH[6]}
    warnings=${BASH_REMATCH[7]}
    figures=$((facts + targets + ranks))
    echo "# $summary"

    if [[ $errors -eq 0 ]]; then ok "no-errors"; else fail "no-errors" "$errors errors"; fi
    if [[ $parks -ge $MIN_PARKS ]]; then
        ok "parks>=$MIN_PARKS"
    else
        fail "parks>=$MIN_PARKS" "only $parks parks"
    fi
    if [[ $provinces -ge $MIN_PROVINCES ]]; then
        ok "provinces>=$MIN_PROVINCES"
    else
        fail "provinces>=$MIN_PROVINCES" "only $provinces provinces"
    fi
    if [[ $figures -ge $MIN_FIGURES ]]; then
        ok "figures>=$MIN_FIGURES"
    else
        fail "figures>=$MIN_FIGURES" "only $figures facts, targets and ranks ($facts + $targets + $ranks)"
    fi
    if [[ $warnings -gt 0 ]]; then
        echo "# $warnings warnings (not an error):"
        grep -E ': warning: ' "$WORK/stderr" | sed 's/^/#   /' | head -n 40
    fi
else
    fail "summary-line" "no summary line of the expected form on stdout:" "$(cat "$WORK/stdout")"
fi

# --- junk from the seed material -----------------------------------------------------------------

# grep_content NAME GREP-ARGS...: the check NAME passes when grep finds nothing in the content.
grep_content() {
    local name=$1
    shift
    local hits
    # Dot-files and dot-folders (.git ...) are not content; `find` rather than `grep -r
    # --exclude-dir` so that a CONTENT_DIR given as "." is still searched.
    hits=$(find "$CONTENT" -mindepth 1 -name '.*' -prune -o -type f -print0 | xargs -0 -r grep -Hn "$@" || true)
    if [[ -z $hits ]]; then
        ok "$name"
    else
        fail "$name" "$(printf '%s\n' "$hits" | head -n 20)"
    fi
}

markers=(
    '10658300'       # SMS spam number
    '每天1毛钱'       # SMS subscription spam
    'syfb0719'       # a reporter's account
    'qianzhan.com'   # a data vendor's watermark
    '久久'            # spam
    '无码'            # spam
    '人妖'            # spam
    '打印此文'        # page furniture ("print this article")
    '新化月报网报料'   # page furniture
    '?!'             # broken punctuation of the scraped text
    '笫五谷'          # OCR error (笫 for 第)
)
for marker in "${markers[@]}"; do
    grep_content "no-junk: $marker" -F -e "$marker"
done

# A pinyin gloss after a Chinese character: 园区(yuán qū), with ASCII or full-width parentheses.
tone='āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ'
grep_content "no-pinyin-gloss" -P "[\\x{3400}-\\x{9fff}][(（][a-z${tone}ü' ]*[${tone}][a-z${tone}ü' ]*[)）]"

# Characters that exist only in Traditional Chinese (the site is in Simplified Chinese).
traditional='區園發產業經濟開與們這國會東來對時實現學機電動點當體關門問間長際進還過圖務創設員農環資準備報營貿銷據號華億萬項級計劃積標統縣鎮鄉帶'
grep_content "no-traditional-characters" -P "[${traditional}]"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
