# Sourced by the end-to-end scripts: pass and fail counters, a temporary folder $tmp removed on
# exit (kept when KEEP is set, to look at), and the summary line that ends a script.
passed=0
failed=0
ok() { echo "ok $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/parkpress-e2e.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
# summary: prints the counts; fails when a check failed.
summary() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
