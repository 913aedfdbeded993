#!/usr/bin/env bash
# End-to-end test of scripts/pre-commit: it checks what is staged, not the working tree.
#   a broken file staged, fixed only in the working tree: the commit is refused with the error;
#   a good file staged, broken only in the working tree: the commit goes through;
#   an unfilled `new park` template: refused; nothing staged under content/: not checked.
# Usage: pre_commit.sh BINARY PROJECT_DIR
set -euo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
project=$(cd "$2" && pwd)

source "$(dirname "$0")/lib.sh"
git_sandbox
export PARKPRESS=$binary
export GIT_AUTHOR_DATE=2024-01-01T12:00:00Z GIT_COMMITTER_DATE=2024-01-01T12:00:00Z

repo=$tmp/repo
mkdir "$repo" && cd "$repo"
git init -q
cp -r "$project/tests/sites/valid" content
git add -A && git commit -q --no-verify -m "content"
ln -s "$project/scripts/pre-commit" .git/hooks/pre-commit
park=content/parks/hubei/xiangyang-high-tech-zone.toml

try_commit() { # try_commit MESSAGE: sets rc and $tmp/err
    rc=0
    git commit -q -m "$1" >"$tmp/out" 2>"$tmp/err" || rc=$?
}
show() { echo "    exit $rc; output:"; sed 's/^/      /' "$tmp/out" "$tmp/err"; }

sed -i 's/^unit = "家"$/unit = "家家"/' "$park"
git add "$park"
git checkout-index -f -- "$park" && sed -i 's/^unit = "家家"$/unit = "家"/' "$park" # fixed, not staged
try_commit "broken staged"
if [ "$rc" -ne 0 ] && grep -q '^parks/hubei/xiangyang-high-tech-zone.toml:13:8: error: unit "家家"' "$tmp/err" \
    && grep -q '^pre-commit: content/ has errors in what is staged' "$tmp/err"; then
    ok "a broken staged file is refused, though the working tree is fixed"
else
    fail "a broken staged file is refused, though the working tree is fixed"; show
fi
[ "$(git rev-list --count HEAD)" -eq 1 ] && ok "refused: no commit made" || fail "refused: no commit made"

sed -i 's/^value = 860$/value = 870/' "$park"
git add "$park" # fixed, and a figure changed
echo 'name = "broken' >>"$park" # broken, not staged
try_commit "good staged"
[ "$rc" -eq 0 ] && ok "a good staged file commits, though the working tree is broken" \
    || { fail "a good staged file commits, though the working tree is broken"; show; }
git checkout -q -- "$park"

"$binary" new park henan/blank-zone content >/dev/null
git add content
try_commit "blank park"
[ "$rc" -ne 0 ] && grep -q 'placeholder 【待填写：园区全称】 is not filled in' "$tmp/err" \
    && ok "an unfilled new park is refused" || { fail "an unfilled new park is refused"; show; }
git rm -q -r --cached content/parks/henan/blank-zone.toml content/parks/henan/blank-zone.md

echo "notes" >NOTES
git add NOTES
PARKPRESS=/nonexistent try_commit "no content staged"
[ "$rc" -eq 0 ] && ok "nothing staged under content/: not checked" || { fail "nothing staged under content/: not checked"; show; }

summary
