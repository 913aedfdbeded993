#!/usr/bin/env bash
# End-to-end test of `parkpress new park PROVINCE/SLUG`: the untouched template fails `check`
# at every placeholder's line; filled in with sed, it passes; existing parks, unknown
# provinces and bad slugs are refused, and nothing is ever overwritten.
# Usage: new_park.sh BINARY PROJECT_DIR
set -euo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
project=$(cd "$2" && pwd)

source "$(dirname "$0")/lib.sh"
cp -r "$project/tests/sites/valid" "$tmp/content"
cd "$tmp"
toml=content/parks/henan/zhoukou-test.toml
md=content/parks/henan/zhoukou-test.md

run() { # run ARGS...: sets rc, $tmp/out, $tmp/err
    rc=0
    "$binary" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || rc=$?
}
show() { echo "    exit $rc; stdout:"; sed 's/^/      /' "$tmp/out"; echo "    stderr:"; sed 's/^/      /' "$tmp/err"; }
check_rc() { if [ "$rc" -eq "$2" ]; then ok "$1"; else fail "$1 (exit $rc, expected $2)"; show; fi; }
has_line() { if grep -qxF -- "$3" "$2"; then ok "$1"; else fail "$1: no line \"$3\""; show; fi; }

run new park henan/zhoukou-test # CONTENT_DIR defaults to content
check_rc "new park: exit 0" 0
has_line "new park: says what it wrote" "$tmp/out" \
    "created parks/henan/zhoukou-test.toml and parks/henan/zhoukou-test.md: replace every 【待填写：…】 placeholder, then run parkpress check"
[ -f "$toml" ] && [ -f "$md" ] && ok "new park: both files" || fail "new park: both files"

# Untouched, every placeholder is an error at its own line.
run check content
check_rc "untouched: check fails" 1
missing=0
while IFS=: read -r line _; do
    grep -q "^parks/henan/zhoukou-test.toml:$line:[0-9]*: error: placeholder 【待填写" "$tmp/err" || { missing=1; echo "    line $line not reported"; }
done < <(grep -n '【待填写' "$toml")
grep -q '^parks/henan/zhoukou-test.md:1:1: error: placeholder 【待填写' "$tmp/err" || missing=1
[ "$(grep -c '【待填写' "$toml")" -eq 9 ] || { missing=1; echo "    expected 9 placeholders in the data file"; }
[ $missing -eq 0 ] && ok "untouched: every placeholder named at its line" || { fail "untouched: every placeholder named at its line"; show; }
has_line "untouched: a placeholder's message" "$tmp/err" \
    "parks/henan/zhoukou-test.toml:13:9: error: placeholder 【待填写：园区全称】 is not filled in: replace it, brackets included, with the real value"
run build content --out "$tmp/site" --theme "$project/themes/default" --no-pdf
check_rc "untouched: build refuses it" 1
[ ! -e "$tmp/site" ] && ok "untouched: nothing built" || fail "untouched: nothing built"

# Filled in as a person would, placeholder by placeholder.
sed -i -e 's/"【待填写：园区全称】"/"周口测试园区"/' -e 's/"【待填写：所在城市】"/"周口市"/' \
    -e 's/"【待填写：类别】"/"high-tech-zone"/' -e 's/"【待填写：级别】"/"provincial"/' \
    -e 's/"【待填写：指标】"/"signed_investment"/' -e 's/"【待填写：数值】"/12.5/' -e 's/"【待填写：单位】"/"亿元"/' \
    -e 's/"【待填写：年份或日期】"/2023/' -e 's/"【待填写：来源】"/"zhengzhou-high-tech-report-2024"/' "$toml"
printf '周口测试园区2023年签约 {{fact signed_investment}}。\n' >"$md"
run check content --strict
check_rc "filled in: check passes, also --strict" 0
has_line "filled in: summary" "$tmp/out" "checked 5 parks in 2 provinces (10 facts, 3 targets, 2 ranks): 0 errors, 0 warnings"

# Refusals: exit 2, and the files stay as they are.
sum=$(md5sum "$toml" "$md")
run new park henan/zhoukou-test content
check_rc "existing park: refused" 2
has_line "existing park: message" "$tmp/err" \
    "parkpress: park \"zhoukou-test\" already exists: parks/henan/zhoukou-test.toml; nothing was written"
run new park hubei/zhoukou-test content
check_rc "existing slug in another province: refused" 2
[ "$(md5sum "$toml" "$md")" = "$sum" ] && ok "existing park: not overwritten" || fail "existing park: not overwritten"
[ ! -e content/parks/hubei/zhoukou-test.toml ] && ok "existing slug: nothing written" || fail "existing slug: nothing written"
run new park henna/new-zone content
check_rc "unknown province: refused" 2
has_line "unknown province: lists the known ones" "$tmp/err" \
    "parkpress: unknown province \"henna\": the known provinces are henan, hubei, and a new one needs provinces/henna.toml first; did you mean \"henan\"?"
run new park henan/New_Zone content
check_rc "invalid slug: refused" 2
has_line "invalid slug: message" "$tmp/err" \
    "parkpress: park slug \"New_Zone\" is not a valid slug (lowercase letters, digits and single hyphens, such as zhoukou-high-tech-zone)"
run new park henan content
check_rc "no slug: refused" 2
run new park henan/a/b content
check_rc "two slashes: refused" 2
run new park henan/new-zone "$tmp/nowhere"
check_rc "missing content folder: refused" 2
[ -z "$(find content -newer "$toml" -name 'new-zone*')" ] && [ ! -e "$tmp/nowhere" ] \
    && ok "refusals: nothing written" || fail "refusals: nothing written"

summary
