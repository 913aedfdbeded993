#!/usr/bin/env bash
# End-to-end test of `parkpress diff`: a temporary git repository with a scripted history (a
# figure changed, a fact added, a target removed, a park added, a park removed, a narrative
# edited, a source added), compared in all three formats; the working tree as the later side;
# errors (unknown revision, a revision without content, content errors at a revision, a plain
# folder); and a shallow clone.
# Usage: git_diff.sh BINARY PROJECT_DIR
set -euo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
project=$(cd "$2" && pwd)

source "$(dirname "$0")/lib.sh"
git_sandbox
mkdir -p "$tmp/t"
export TMPDIR=$tmp/t # parkpress's temporary folders, checked empty at the end
day=0
commit() {
    day=$((day + 1))
    export GIT_AUTHOR_DATE="2024-01-0${day}T12:00:00Z" GIT_COMMITTER_DATE="2024-01-0${day}T12:00:00Z"
    git add -A && git commit -q -m "$1"
}

repo=$tmp/repo
mkdir "$repo" && cd "$repo"
git init -q
echo "content comes in the next commit" >README
commit "a README before the content"
cp -r "$project/tests/sites/valid" content
commit "the content"
git tag v1

zz=content/parks/henan/zhengzhou-high-tech-zone.toml
sed -i '/^value = 214350.02$/{s//value = 25/;n;s/^unit = "万元"$/unit = "亿元"/}' "$zz"
commit "a figure changed"
printf '\n[[facts]]\nindicator = "enterprises"\nvalue = 900\nunit = "家"\nqualifier = "over"\nperiod = 2024\nsource = "xiangyang-bulletin-2023"\n' \
    >>content/parks/hubei/xiangyang-high-tech-zone.toml
commit "a fact added"
python3 - content/parks/henan/zhengzhou-smart-island.toml <<'EOF'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
start = text.index("[[targets]]")
open(path, "w", encoding="utf-8").write(text[:start].rstrip("\n") + "\n")
EOF
commit "a target removed"
cat >content/parks/hubei/xiangyang-new-park.toml <<'EOF'
name = "襄阳|新*园区"
city = "襄阳市"
kind = "high-tech-zone"
level = "provincial"

[[facts]]
indicator = "signed_investment"
value = 12000
unit = "亿元"
period = 2023
source = "xiangyang-bulletin-2023"
EOF
commit "a park added"
git rm -q content/parks/hubei/xiangyang-economic-development-zone.toml
sed -i 's/^相邻的襄阳经开区.*$/襄阳经开区的数据已移出。/' content/parks/hubei/xiangyang-high-tech-zone.md
commit "a park removed"
printf '\n园区还在建设郑州智慧岛二期。\n' >>content/parks/henan/zhengzhou-high-tech-zone.md
commit "a narrative edited"
printf '\n[henan-yearbook-2024]\ntitle = "河南统计年鉴2024"\npublisher = "河南省统计局"\ndate = 2024-10-01\n' >>content/sources.toml
commit "a source added"

run() { # run ARGS...: parkpress in the current folder; sets rc, $tmp/out, $tmp/err
    rc=0
    "$binary" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || rc=$?
}
show() { echo "    exit $rc; stdout:"; sed 's/^/      /' "$tmp/out"; echo "    stderr:"; sed 's/^/      /' "$tmp/err"; }
expect() { # expect NAME RC: the exit status, else the output is shown
    if [ "$rc" -eq "$2" ]; then ok "$1"; else fail "$1 (exit $rc, expected $2)"; show; fi
}
has_line() { # has_line NAME FILE LINE: FILE has LINE as a whole line
    if grep -qxF -- "$3" "$2"; then ok "$1"; else fail "$1: no line \"$3\""; show; fi
}

# ---- text ---------------------------------------------------------------------------------
run diff v1 HEAD
expect "text: exit 0" 0
v1=$(git rev-parse --short=7 v1)
head=$(git rev-parse --short=7 HEAD)
cat >"$tmp/expected" <<EOF
changes from v1 ($v1) to HEAD ($head)

河南省 henan
  ~ zhengzhou-high-tech-zone 郑州高新技术产业开发区
      ~ fact signed_investment 签约金额, 2023: 21.435002亿元 → 25亿元; written 214350.02万元 → 25亿元
      ~ narrative: 2 lines changed (2 added, 0 removed)
  ~ zhengzhou-smart-island 郑州高新区智慧岛
      - target enterprises 入驻企业数, by 2025: ≥300家

湖北省 hubei
  - xiangyang-economic-development-zone 襄阳经济技术开发区 (park removed)
      - fact signed_investment 签约金额, 2023: ≤12.5亿元
      - target output_per_mu 亩均产值, by 2026: 500万元/亩
      - rank 湖北省开发区高质量发展综合评价 / 国家级开发区, 2022-2023: 3
  ~ xiangyang-high-tech-zone 襄阳高新技术产业开发区
      + fact enterprises 入驻企业数, 2024: >900家
      ~ narrative: 2 lines changed (1 added, 1 removed)
  + xiangyang-new-park 襄阳|新*园区 (new park)
      + fact signed_investment 签约金额, 2023: 12,000亿元

sources
  + henan-yearbook-2024 河南统计年鉴2024

5 parks changed (1 added, 1 removed); facts: 2 added, 1 removed, 1 changed; targets: 2 removed; ranks: 1 removed; narratives: 2 edited, 3 lines added, 1 removed; sources: 1 added
EOF
if diff -u "$tmp/expected" "$tmp/out" >"$tmp/diff"; then ok "text: every change, grouped by province and park"; else
    fail "text: every change, grouped by province and park"; cat "$tmp/diff"; fi
[ ! -s "$tmp/err" ] && ok "text: nothing on stderr" || { fail "text: nothing on stderr"; show; }

# Step by step, each commit shows only its own change.
run diff HEAD~7 HEAD~6
has_line "one step: the figure" "$tmp/out" \
    "      ~ fact signed_investment 签约金额, 2023: 21.435002亿元 → 25亿元; written 214350.02万元 → 25亿元"
has_line "one step: its summary" "$tmp/out" "1 park changed; facts: 1 changed"

# ---- JSON ---------------------------------------------------------------------------------
run diff v1 HEAD --format json
expect "json: exit 0" 0
if jq -e --arg v1 "$(git rev-parse v1)" '
    .format == "parkpress-diff" and .version == 1 and .empty == false
    and .from == {revision: "v1", commit: $v1, working_tree: false}
    and .summary.parks == {added: 1, removed: 1, changed: 3}
    and .summary.facts == {added: 2, removed: 1, changed: 1}
    and .summary.targets.removed == 2 and .summary.sources.added == 1
    and ([.parks[].slug] == ["zhengzhou-high-tech-zone", "zhengzhou-smart-island",
         "xiangyang-economic-development-zone", "xiangyang-high-tech-zone", "xiangyang-new-park"])
    and (.parks[0].facts[0] | .change == "changed" and .indicator == "signed_investment" and .period == "2023"
         and .changed_fields == ["value", "unit"] and .before.value == "214350.02" and .before.unit == "万元"
         and .before.display == {text: "21.435002亿元", value: "21.435002", unit: "亿元"}
         and .after.display.text == "25亿元" and .before.basis == "annual" and .before.qualifier == null)
    and (.parks[0].narrative == {lines_added: 2, lines_removed: 0})
    and (.parks[1].targets[0] | .change == "removed" and .by == 2025 and .after == null
         and .before.qualifier == "at_least" and (has("basis") | not))
    and (.parks[2] | .change == "removed" and .province == "hubei" and .province_name == "湖北省"
         and .ranks[0].before == {rank: 3, of: null, source: "xiangyang-bulletin-2023"})
    and (.parks[4] | .change == "added" and .name == "襄阳|新*园区")
    and .sources == [{change: "added", key: "henan-yearbook-2024", name: "河南统计年鉴2024", fields: []}]
    and .site == [] and .indicators == [] and .bulletins == [] and .provinces == []
' "$tmp/out" >/dev/null; then ok "json: fields and values"; else fail "json: fields and values"; show; fi
if python3 -c '
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
keys = ["format", "version", "from", "to", "empty", "summary", "parks", "site", "provinces", "indicators", "sources", "bulletins"]
assert list(j) == keys, list(j)
for p in j["parks"]:
    assert list(p) == ["change", "slug", "name", "province", "province_name", "fields", "facts", "targets", "ranks", "narrative"]
    for f in p["facts"] + p["targets"]:
        for side in ("before", "after"):
            assert f[side] is None or set(f[side]) >= {"value", "unit", "qualifier", "source", "note", "display"}
' "$tmp/out"; then ok "json: the documented structure, in order"; else fail "json: the documented structure, in order"; fi

# ---- Markdown -----------------------------------------------------------------------------
run diff v1 HEAD --format markdown
expect "markdown: exit 0" 0
has_line "markdown: heading" "$tmp/out" "## Content changes from v1 ($v1) to HEAD ($head)"
has_line "markdown: summary" "$tmp/out" \
    "**5 parks changed (1 added, 1 removed); facts: 2 added, 1 removed, 1 changed; targets: 2 removed; ranks: 1 removed; narratives: 2 edited, 3 lines added, 1 removed; sources: 1 added**"
has_line "markdown: a park's heading" "$tmp/out" "### 河南省 · 郑州高新技术产业开发区 (\`zhengzhou-high-tech-zone\`): changed"
has_line "markdown: table header" "$tmp/out" "| change | figure | period | before | after | also changed |"
has_line "markdown: a changed figure" "$tmp/out" \
    "| changed | fact 签约金额 (\`signed_investment\`) | 2023 | 21.435002亿元 | 25亿元 | written 214350.02万元 → 25亿元 |"
has_line "markdown: a removed target" "$tmp/out" "| removed | target 入驻企业数 (\`enterprises\`) | by 2025 | ≥300家 |  |  |"
has_line "markdown: | and * from content escaped" "$tmp/out" "### 湖北省 · 襄阳\\|新\\*园区 (\`xiangyang-new-park\`): new park"
has_line "markdown: a narrative" "$tmp/out" "- narrative: 2 lines changed (2 added, 0 removed)"
has_line "markdown: a source" "$tmp/out" "- added: 河南统计年鉴2024 (\`henan-yearbook-2024\`)"
if python3 -c '
import sys
rows = [l for l in open(sys.argv[1], encoding="utf-8") if l.startswith("|")]
# Every table row has six cells: no unescaped | from the content.
for r in rows:
    cells = r.strip().replace("\\|", "").split("|")
    assert len(cells) == 8, r
' "$tmp/out"; then ok "markdown: every table row has six cells"; else fail "markdown: every table row has six cells"; fi

# ---- the working tree, and the forms of the arguments ---------------------------------------
sed -i 's/^value = 4.8$/value = 5.1/' "$zz"
run diff HEAD
expect "working tree: exit 0" 0
has_line "working tree: an uncommitted edit" "$tmp/out" "      ~ fact rd_intensity 研发投入强度, 2023: 4.8% → 5.1%"
has_line "working tree: named" "$tmp/out" "changes from HEAD ($head) to the working tree"
run diff HEAD content
has_line "REV CONTENT_DIR: the folder" "$tmp/out" "      ~ fact rd_intensity 研发投入强度, 2023: 4.8% → 5.1%"
(cd / && "$binary" diff HEAD~1 HEAD "$repo/content") >"$tmp/out" 2>"$tmp/err" && rc=0 || rc=$?
has_line "REV REV2 CONTENT_DIR from another folder" "$tmp/out" "  + henan-yearbook-2024 河南统计年鉴2024"
git checkout -q -- content
run diff HEAD
expect "no changes: exit 0" 0
has_line "no changes: said so" "$tmp/out" "no changes from HEAD ($head) to the working tree"
run diff HEAD --format json
[ "$(jq -c '[.empty, .summary.text, .to.working_tree]' "$tmp/out")" = '[true,"no changes",true]' ] \
    && ok "no changes: json" || { fail "no changes: json"; show; }
run diff HEAD --format markdown
has_line "no changes: markdown" "$tmp/out" "No changes."

# ---- errors -------------------------------------------------------------------------------
run diff no-such-rev
expect "unknown revision: exit 2" 2
has_line "unknown revision: message" "$tmp/err" \
    "parkpress: unknown revision \"no-such-rev\": the repository $repo has no such commit"
run diff -- --output=/tmp/x
expect "an option as a revision: exit 2" 2
has_line "an option as a revision: refused" "$tmp/err" "parkpress: \"--output=/tmp/x\" is not a revision"
run diff HEAD~8
expect "no content at that revision: exit 2" 2
has_line "no content at that revision: message" "$tmp/err" \
    "parkpress: revision \"HEAD~8\" ($(git rev-parse --short=7 HEAD~8)) has no content folder at \"content\""
run diff HEAD --format yaml
expect "unknown format: exit 2" 2

# Content errors at a revision: printed as usual, with the revision named.
sed -i 's/^unit = "家"$/unit = "家家"/' content/parks/hubei/xiangyang-high-tech-zone.toml
commit "a broken unit"
run diff HEAD~1 HEAD
expect "content errors at a revision: exit 1" 1
grep -q '^parks/hubei/xiangyang-high-tech-zone.toml:13:8: error: unit "家家" is not the unit of indicator "enterprises"' "$tmp/err" \
    && ok "content errors at a revision: the diagnostic" || { fail "content errors at a revision: the diagnostic"; show; }
has_line "content errors at a revision: which revision" "$tmp/err" \
    "parkpress: 2 errors in the content of revision HEAD ($(git rev-parse --short=7 HEAD)); nothing was compared"
[ ! -s "$tmp/out" ] && ok "content errors at a revision: no diff" || { fail "content errors at a revision: no diff"; show; }
git reset -q --hard HEAD~1

# A plain folder, not in git.
cp -r content "$tmp/plain"
run diff HEAD "$tmp/plain"
expect "plain folder: exit 2" 2
grep -q "^parkpress: content folder $tmp/plain is not in a git work tree (not a git repository" "$tmp/err" \
    && ok "plain folder: message" || { fail "plain folder: message"; show; }

# ---- a shallow clone ----------------------------------------------------------------------
git clone -q --depth 1 "file://$repo" "$tmp/shallow"
cd "$tmp/shallow"
run diff HEAD
expect "shallow: diff against HEAD" 0
has_line "shallow: no changes" "$tmp/out" "no changes from HEAD ($head) to the working tree"
sed -i 's/^value = 4.8$/value = 5.1/' "$zz"
run diff HEAD
has_line "shallow: an uncommitted edit" "$tmp/out" "      ~ fact rd_intensity 研发投入强度, 2023: 4.8% → 5.1%"
run diff HEAD~1
expect "shallow: an older revision is missing: exit 2" 2
has_line "shallow: an older revision is missing: message" "$tmp/err" \
    "parkpress: unknown revision \"HEAD~1\": the repository $tmp/shallow has no such commit (it is a shallow clone: \`git fetch --unshallow\` fetches the older commits)"
run diff "$(cd "$repo" && git rev-parse v1)"
expect "shallow: an older commit id: exit 2" 2

[ -z "$(ls -A "$tmp/t")" ] && ok "temporary folders removed" || { fail "temporary folders removed"; ls -la "$tmp/t"; }

summary
