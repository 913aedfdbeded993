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

# git_sandbox: git as on a fresh machine whatever this one's configuration (no user or system
# configuration, a fixed author and committer, never a repository above $tmp), with `git`
# run without commit signing, on branch main, without detached-head advice.
git_sandbox() {
    command -v git >/dev/null || { echo "git is not installed (scripts/install-deps.sh installs it)"; exit 1; }
    export HOME=$tmp/home GIT_CONFIG_NOSYSTEM=1 GIT_CEILING_DIRECTORIES=$tmp LC_ALL=C
    export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org GIT_COMMITTER_NAME=Test
    export GIT_COMMITTER_EMAIL=test@example.org
    mkdir -p "$HOME"
    git() { command git -c commit.gpgsign=false -c init.defaultBranch=main -c advice.detachedHead=false "$@"; }
}
