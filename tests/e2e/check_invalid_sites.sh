#!/usr/bin/env bash
# End-to-end test of `parkpress check` against the fixture sites in SITES_DIR:
#
#   valid/                     a complete content tree that must check with 0 errors, 0 warnings
#   invalid/<NN-name>/         one case per folder, each breaking one rule of the content format:
#     <relative paths>         overlay files, copied over a copy of valid/ (same relative paths)
#     delete.txt               optional: relative paths to delete from the copy, one per line
#     expected.txt             required: the diagnostic lines (FILE:LINE:COLUMN: error: MESSAGE)
#                              that must appear in stderr, each as a whole line, in this order
#     expected-summary.txt     optional: a text the summary line on stdout must contain
#
# Besides the cases it checks that valid/ still passes with CRLF line endings and with a
# UTF-8 byte order mark, and that --strict turns a warning into an error.
#
# Usage: check_invalid_sites.sh BINARY SITES_DIR
set -euo pipefail
# Byte semantics for sed, grep and awk: some fixtures are deliberately not valid UTF-8.
export LC_ALL=C

if [[ $# -ne 2 ]]; then
    echo "usage: $0 BINARY SITES_DIR" >&2
    exit 2
fi
BINARY=$1
# An absolute path, so that the binary still runs from another working directory.
if [[ $BINARY == */* && -d $(dirname "$BINARY") ]]; then
    BINARY="$(cd "$(dirname "$BINARY")" && pwd)/$(basename "$BINARY")"
elif [[ $BINARY != */* ]]; then
    BINARY=$(command -v "$BINARY" || printf '%s' "$BINARY")
fi
SITES=$2
if [[ ! -x $BINARY ]]; then
    echo "error: $BINARY is not an executable" >&2
    exit 2
fi
if [[ ! -d $SITES/valid || ! -d $SITES/invalid ]]; then
    echo "error: $SITES must hold valid/ and invalid/" >&2
    exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/parkpress-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

passed=0
failed=0
META_FILES=(expected.txt delete.txt expected-summary.txt)

ok() {
    echo "ok $1"
    passed=$((passed + 1))
}

# fail NAME DETAIL...: prints the case as failed, with the details indented.
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

# run_check DIR [ARGS...]: runs `BINARY check DIR ARGS`; sets RC, OUT and ERR (file paths).
run_check() {
    local dir=$1
    shift
    OUT="$WORK/stdout"
    ERR="$WORK/stderr"
    RC=0
    "$BINARY" check "$dir" "$@" >"$OUT" 2>"$ERR" || RC=$?
}

# Lines of stderr that are diagnostics (not quoted source or carets).
diagnostic_lines() { grep -E '^[^ ].*:[0-9]+:[0-9]+: (error|warning): ' "$ERR" || true; }

# fresh_copy NAME: a new copy of valid/ at $WORK/NAME; prints its path.
fresh_copy() {
    local dir="$WORK/$1"
    rm -rf "$dir"
    cp -R "$SITES/valid" "$dir"
    printf '%s\n' "$dir"
}

# --- valid/ itself -----------------------------------------------------------------------------

run_check "$SITES/valid"
if [[ $RC -eq 0 ]] && grep -q ': 0 errors, 0 warnings$' "$OUT"; then
    ok "valid"
else
    fail "valid" "exit status $RC (expected 0), stdout:" "$(cat "$OUT")" "stderr:" "$(cat "$ERR")"
fi

# --- valid/ with CRLF line endings, with a byte order mark, and with both -----------------------

to_crlf() {
    local f
    while IFS= read -r -d '' f; do
        sed -i 's/\r$//; s/$/\r/' "$f"
    done < <(find "$1" -type f \( -name '*.toml' -o -name '*.md' \) -print0)
}
add_bom() {
    local f
    while IFS= read -r -d '' f; do
        { printf '\xEF\xBB\xBF'; cat "$f"; } >"$f.bom" && mv "$f.bom" "$f"
    done < <(find "$1" -type f -print0)
}

for variant in crlf bom crlf-bom; do
    dir=$(fresh_copy "valid-$variant")
    [[ $variant == *crlf* ]] && to_crlf "$dir"
    [[ $variant == *bom* ]] && add_bom "$dir"
    run_check "$dir"
    if [[ $RC -eq 0 ]] && grep -q ': 0 errors, 0 warnings$' "$OUT"; then
        ok "valid-$variant"
    else
        fail "valid-$variant" "exit status $RC (expected 0), stdout:" "$(cat "$OUT")" "stderr:" "$(cat "$ERR")"
    fi
done

# --- --strict: a warning-only problem (an unused indicator) --------------------------------------

dir=$(fresh_copy "strict")
printf '\n[unused_indicator]\nname = "未使用的指标"\ndimension = "count"\nunit = "个"\nbasis = "stock"\nbetter = "none"\n' \
    >>"$dir/indicators.toml"
line=$(grep -n '^\[unused_indicator\]$' "$dir/indicators.toml" | cut -d: -f1)
message="indicator \"unused_indicator\" is not used by any fact or target"
run_check "$dir"
if [[ $RC -eq 0 ]] && grep -qxF "indicators.toml:$line:2: warning: $message" "$ERR" \
    && grep -q ': 0 errors, 1 warning$' "$OUT"; then
    ok "warning-without-strict"
else
    fail "warning-without-strict" "exit status $RC (expected 0), expected on stderr:" \
        "indicators.toml:$line:2: warning: $message" "stdout:" "$(cat "$OUT")" "stderr:" "$(cat "$ERR")"
fi
run_check "$dir" --strict
if [[ $RC -eq 1 ]] && grep -qxF "indicators.toml:$line:2: error: $message" "$ERR" \
    && grep -q ': 1 error, 0 warnings$' "$OUT"; then
    ok "warning-with-strict"
else
    fail "warning-with-strict" "exit status $RC (expected 1), expected on stderr:" \
        "indicators.toml:$line:2: error: $message" "stdout:" "$(cat "$OUT")" "stderr:" "$(cat "$ERR")"
fi

# --- a symbolic link that loops: a content error at the file, not an abort ------------------------

dir=$(fresh_copy "symlink-loop")
ln -s loop.toml "$dir/parks/henan/loop.toml"
run_check "$dir"
if [[ $RC -eq 1 ]] && grep -q '^parks/henan/loop\.toml:1:1: error: ' "$ERR" && grep -q '^checked ' "$OUT"; then
    ok "symlink-loop"
else
    fail "symlink-loop" "exit status $RC (expected 1), expected an error at parks/henan/loop.toml:1:1 and a summary line" \
        "stdout:" "$(cat "$OUT")" "stderr:" "$(cat "$ERR")"
fi

# assert_case NAME DIR: checks DIR against the expectations of the case in $case_dir (and $want).
assert_case() {
    local name=$1 dir=$2 w summary
    local -a problems=()
    run_check "$dir"
    if [[ $RC -ne 1 ]]; then
        problems+=("exit status $RC, expected 1")
    fi
    # Every expected line appears as a whole line of stderr...
    for w in "${want[@]}"; do
        if ! grep -qxF -- "$w" "$ERR"; then
            problems+=("missing: $w")
        fi
    done
    # ...and they appear in the order given (diagnostics are sorted by file, line, column).
    if [[ ${#problems[@]} -eq 0 && ${#want[@]} -gt 1 ]]; then
        if ! awk -v want_file="$case_dir/expected.txt" '
            BEGIN { n = 0; while ((getline l < want_file) > 0) { sub(/\r$/, "", l); if (l != "") w[n++] = l } i = 0 }
            i < n && $0 == w[i] { i++ }
            END { exit i == n ? 0 : 1 }' "$ERR"; then
            problems+=("the expected lines are all there, but not in the expected order")
        fi
    fi
    if [[ -f $case_dir/expected-summary.txt ]]; then
        summary=$(sed 's/\r$//' "$case_dir/expected-summary.txt" | head -n 1)
        if ! grep -qF -- "$summary" "$OUT"; then
            problems+=("summary line does not contain \"$summary\": $(cat "$OUT")")
        fi
    fi
    if [[ ${#problems[@]} -eq 0 ]]; then
        ok "$name"
    else
        fail "$name" "${problems[@]}" "diff of expected.txt and the diagnostics printed:" \
            "$(diff <(printf '%s\n' "${want[@]}") <(diagnostic_lines) || true)"
    fi
}

# --- the invalid cases --------------------------------------------------------------------------

cases=0
for case_dir in "$SITES"/invalid/*/; do
    case_dir=${case_dir%/}
    name=$(basename "$case_dir")
    cases=$((cases + 1))
    expected="$case_dir/expected.txt"
    if [[ ! -f $expected ]]; then
        fail "$name" "the case has no expected.txt: every case must list the diagnostics it expects"
        continue
    fi
    mapfile -t want < <(sed 's/\r$//' "$expected" | grep -v '^$' || true)
    if [[ ${#want[@]} -eq 0 ]]; then
        fail "$name" "expected.txt is empty: every case must list the diagnostics it expects"
        continue
    fi

    dir=$(fresh_copy "case")
    # Overlay: every file of the case except its own metadata, at the same relative path.
    problems=()
    while IFS= read -r -d '' f; do
        rel=${f#"$case_dir"/}
        is_meta=0
        for m in "${META_FILES[@]}"; do
            [[ $rel == "$m" ]] && is_meta=1
        done
        [[ $is_meta -eq 1 ]] && continue
        mkdir -p "$(dirname "$dir/$rel")"
        cp "$f" "$dir/$rel"
    done < <(find "$case_dir" -type f -print0)
    if [[ -f $case_dir/delete.txt ]]; then
        while IFS= read -r rel || [[ -n $rel ]]; do
            rel=${rel%$'\r'}
            [[ -z $rel ]] && continue
            if [[ $rel == /* || $rel == *..* ]]; then
                problems+=("delete.txt: \"$rel\" must be a relative path inside the content folder")
            elif [[ ! -e $dir/$rel ]]; then
                problems+=("delete.txt: \"$rel\" does not exist in valid/")
            else
                rm -rf "${dir:?}/$rel"
            fi
        done <"$case_dir/delete.txt"
    fi
    if [[ ${#problems[@]} -gt 0 ]]; then
        fail "$name" "${problems[@]}"
        continue
    fi

    assert_case "$name" "$dir"
    # The same case with CRLF line endings must report the same lines and columns.
    to_crlf "$dir"
    assert_case "$name (crlf)" "$dir"
done

if [[ $cases -eq 0 ]]; then
    fail "invalid" "no case folders in $SITES/invalid"
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
