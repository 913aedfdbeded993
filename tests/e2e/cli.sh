#!/usr/bin/env bash
# End-to-end test of the command line of parkpress: help, version, exit statuses of usage errors.
#
# Usage: cli.sh BINARY SITES_DIR   (SITES_DIR holds valid/, a content tree that checks cleanly)
set -euo pipefail

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
if [[ ! -d $SITES/valid ]]; then
    echo "error: $SITES/valid is not a folder" >&2
    exit 2
fi

THEME="$(cd "$(dirname "$0")/../../themes/default" && pwd)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/parkpress-cli.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
OUT="$WORK/stdout"
ERR="$WORK/stderr"

passed=0
failed=0

# run ARGS...: runs BINARY with ARGS; sets RC, and leaves stdout and stderr in $OUT and $ERR.
run() {
    RC=0
    "$BINARY" "$@" >"$OUT" 2>"$ERR" </dev/null || RC=$?
}

# begin, problem TEXT, expect_rc STATUS, finish NAME: one check; finish prints ok or FAIL with the details.
begin() {
    PROBLEMS=()
}
problem() { PROBLEMS+=("$1"); }
expect_rc() {
    if [[ $RC -ne $1 ]]; then
        problem "exit status $RC, expected $1"
    fi
}
finish() {
    local name=$1
    if [[ ${#PROBLEMS[@]} -eq 0 ]]; then
        echo "ok $name"
        passed=$((passed + 1))
    else
        echo "FAIL $name"
        printf '    %s\n' "${PROBLEMS[@]}"
        echo "    stdout:"
        sed 's/^/      /' "$OUT"
        echo "    stderr:"
        sed 's/^/      /' "$ERR"
        failed=$((failed + 1))
    fi
}

begin
run --help
expect_rc 0
grep -q 'check' "$OUT" || problem "--help does not mention the check subcommand on stdout"
finish "help"

begin
run check --help
expect_rc 0
grep -q -- '--strict' "$OUT" || problem "check --help does not mention --strict"
finish "check-help"

begin
run --version
expect_rc 0
grep -qE '^parkpress [0-9]+\.[0-9]+\.[0-9]+' "$OUT" || problem "--version does not print \"parkpress X.Y.Z\""
finish "version"

begin
run
expect_rc 2
[[ -s $ERR ]] || problem "nothing on stderr"
finish "no-subcommand"

begin
run frobnicate
expect_rc 2
[[ -s $ERR ]] || problem "nothing on stderr"
finish "unknown-subcommand"

begin
run --frobnicate
expect_rc 2
[[ -s $ERR ]] || problem "nothing on stderr"
finish "unknown-option"

begin
run check --frobnicate "$SITES/valid"
expect_rc 2
[[ -s $ERR ]] || problem "nothing on stderr"
finish "check-unknown-option"

begin
run check "$SITES/valid" extra-argument
expect_rc 2
[[ -s $ERR ]] || problem "nothing on stderr"
finish "check-extra-argument"

begin
run check /nonexistent
expect_rc 2
grep -q '/nonexistent' "$ERR" || problem "stderr does not name the missing folder"
[[ ! -s $OUT ]] || problem "stdout is not empty"
finish "check-missing-folder"

begin
run check "$SITES/valid/site.toml"
expect_rc 2
[[ -s $ERR ]] || problem "nothing on stderr"
finish "check-file-not-folder"

begin
run check "$SITES/valid"
expect_rc 0
grep -qE '^checked 4 parks in 2 provinces \([0-9]+ facts?, [0-9]+ targets?, [0-9]+ ranks?\): 0 errors, 0 warnings$' "$OUT" \
    || problem "unexpected summary line on stdout"
[[ ! -s $ERR ]] || problem "stderr is not empty"
finish "check-valid"

begin
run check "$SITES/valid" --strict
expect_rc 0
finish "check-valid-strict"

# Without CONTENT_DIR, check reads ./content.
begin
mkdir -p "$WORK/cwd"
cp -R "$SITES/valid" "$WORK/cwd/content"
RC=0
(cd "$WORK/cwd" && "$BINARY" check) >"$OUT" 2>"$ERR" </dev/null || RC=$?
expect_rc 0
grep -q ': 0 errors, 0 warnings$' "$OUT" || problem "unexpected summary line on stdout"
finish "check-default-folder"

# build refuses an --out that is neither new, empty, parkpress's own output nor site/, and
# leaves it alone.
begin
mkdir -p "$WORK/home/docs"
echo "keep me" >"$WORK/home/docs/letter.txt"
run build "$SITES/valid" --out "$WORK/home" --theme "$THEME" --no-pdf
expect_rc 2
grep -q "refusing to replace $WORK/home: it is not empty and parkpress did not write it" "$ERR" \
    || problem "stderr does not explain the refusal"
[[ $(cat "$WORK/home/docs/letter.txt") == "keep me" && $(find "$WORK/home" | wc -l) -eq 3 ]] \
    || problem "the refused folder was changed"
[[ -z $(find "$WORK" -maxdepth 1 -name '.home.parkpress-*' ! -name '*-lock') ]] || problem "something was staged beside it"
finish "build-refuses-foreign-folder"

# A second build into the same --out while one holds its lock stops at once, and writes nothing.
begin
run build "$SITES/valid" --out "$WORK/locked/site" --theme "$THEME" --no-pdf
expect_rc 0
before=$(cd "$WORK/locked" && find . -printf '%p %s %T@\n' | sort)
RC=0
flock "$WORK/locked/.site.parkpress-lock" "$BINARY" build "$SITES/valid" --out "$WORK/locked/site" --theme "$THEME" \
    --no-pdf \
    >"$OUT" 2>"$ERR" </dev/null || RC=$?
expect_rc 2
grep -q "another parkpress build is writing $WORK/locked/site" "$ERR" || problem "stderr does not name the other build"
[[ $(cd "$WORK/locked" && find . -printf '%p %s %T@\n' | sort) == "$before" ]] || problem "the output changed"
finish "build-locked"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
