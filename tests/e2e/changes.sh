#!/usr/bin/env bash
# End-to-end test of what a build takes from git (issue 7): the changes page (the last commits
# that changed the content, newest first, with their dates, subjects and figures) and the
# bulletins' section 本期数据变化 (since = an earlier bulletin, since = a revision), in a
# temporary repository with a scripted history; content errors at a revision; --changes N;
# a new commit on a rebuild; a shallow clone and a plain folder (no page, no section, a
# warning); byte-identical sites from two clones; and the PDF when Pandoc is installed.
# Usage: changes.sh BINARY PROJECT_DIR
set -euo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
project=$(cd "$2" && pwd)

source "$(dirname "$0")/lib.sh"
command -v git >/dev/null || { echo "git is not installed (scripts/install-deps.sh installs it)"; exit 1; }

# Git as on a fresh machine, whatever this one's configuration; never above $tmp.
export HOME=$tmp/home GIT_CONFIG_NOSYSTEM=1 GIT_CEILING_DIRECTORIES=$tmp LC_ALL=C.UTF-8
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org
mkdir -p "$HOME" "$tmp/t"
export TMPDIR=$tmp/t # parkpress's temporary folders, checked empty at the end
theme=$project/themes/default
day=0
git() { command git -c commit.gpgsign=false -c init.defaultBranch=main -c advice.detachedHead=false "$@"; }
commit() {
    day=$((day + 1))
    local d
    d=$(printf '2024-01-%02dT12:00:00Z' "$day")
    export GIT_AUTHOR_DATE=$d GIT_COMMITTER_DATE=$d
    git add -A && git commit -q -m "$1"
}

run() { # run ARGS...: parkpress in the current folder; sets rc, $tmp/out, $tmp/err
    rc=0
    "$binary" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || rc=$?
}
show() { echo "    exit $rc; stdout:"; sed 's/^/      /' "$tmp/out"; echo "    stderr:"; sed 's/^/      /' "$tmp/err"; }
expect() { # expect NAME RC: the exit status, else the output is shown
    if [ "$rc" -eq "$2" ]; then ok "$1"; else fail "$1 (exit $rc, expected $2)"; show; fi
}
has() { # has NAME FILE TEXT: FILE contains TEXT
    if grep -qF -- "$3" "$2"; then ok "$1"; else fail "$1: no \"$3\" in $2"; fi
}
hasnt() { # hasnt NAME FILE TEXT: FILE does not contain TEXT
    if ! grep -qF -- "$3" "$2"; then ok "$1"; else fail "$1: \"$3\" in $2"; fi
}
# section FILE ID: the HTML of <section ... id="ID"> up to its </section>, one line per line.
section() { sed -n "/<section[^>]* id=\"$2\"/,/<\/section>/p" "$1"; }

# ---- a scripted history -------------------------------------------------------------------
repo=$tmp/repo
mkdir "$repo" && cd "$repo"
git init -q
echo "content comes in the next commit" >README
commit "a README before the content"                       # 01: not listed (no content)
cp -r "$project/tests/sites/valid" content
commit "the content"                                       # 02: the first content
zz=content/parks/henan/zhengzhou-high-tech-zone.toml
sed -i '/^value = 214350.02$/{s//value = 25/;n;s/^unit = "万元"$/unit = "亿元"/}' "$zz"
sed -i 's/^value = 4.8$/value = 5.1/' "$zz"                # rd_intensity: in no bulletin
commit "a figure changed"                                  # 03
printf '\n[[facts]]\nindicator = "enterprises"\nvalue = 900\nunit = "家"\nqualifier = "over"\nperiod = 2024\nsource = "xiangyang-bulletin-2023"\n' \
    >>content/parks/hubei/xiangyang-high-tech-zone.toml
commit "a fact added"                                      # 04
git tag v2
python3 - content/parks/henan/zhengzhou-smart-island.toml <<'EOF'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
start = text.index("[[targets]]")
open(path, "w", encoding="utf-8").write(text[:start].rstrip("\n") + "\n")
EOF
commit "a target removed"                                  # 05
cat >content/parks/hubei/xiangyang-new-park.toml <<'EOF'
name = "襄阳新园区"
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
commit "a park added"                                      # 06
echo "not content" >>README
commit "a README edit"                                     # 07: not listed
git rm -q content/parks/hubei/xiangyang-economic-development-zone.toml
sed -i 's/^相邻的襄阳经开区.*$/襄阳经开区的数据已移出。/' content/parks/hubei/xiangyang-high-tech-zone.md
commit 'a park removed <b>&</b> "quoted"'                   # 08: a subject to escape
sed -i 's/^value = 25$/value = 26/' "$zz"
sed -i 's/^indicator = "rd_intensity"$/indicator = "rd_intensty"/' "$zz"
commit "a typo in an indicator"                            # 09: content errors here
sed -i 's/^indicator = "rd_intensty"$/indicator = "rd_intensity"/' "$zz"
commit "the typo fixed"                                    # 10
sed -e 's/^number = .*/number = "2024年第2期"/' -e 's/^date = .*/date = 2024-06-30/' content/bulletins/2024-01.toml \
    >content/bulletins/2024-02.toml
printf 'since = "2024-01"\n' >>content/bulletins/2024-02.toml
sed -e 's/^number = .*/number = "2024年第3期"/' -e 's/^date = .*/date = 2024-09-30/' content/bulletins/2024-01.toml \
    >content/bulletins/2024-03.toml
printf 'since = "v2"\n' >>content/bulletins/2024-03.toml
commit "bulletins 2024-02 and 2024-03"                     # 11

# ---- the changes page ---------------------------------------------------------------------
run build content --out "$tmp/site" --theme "$theme" --no-pdf
expect "build: exit 0" 0
! grep -q "since\|error" "$tmp/err" && ok "build: no error, no warning about since" || { fail "build: no error, no warning about since"; show; }
page=$tmp/site/changes/index.html
[ -f "$page" ] && ok "changes page: written" || fail "changes page: written"
grep -o '<span class="commit-date">[^<]*</span> [^<]*' "$page" | sed 's/<span class="commit-date">//; s/<\/span>//' >"$tmp/listed"
cat >"$tmp/expected" <<'EOF'
2024年1月11日 bulletins 2024-02 and 2024-03
2024年1月10日 the typo fixed
2024年1月9日 a typo in an indicator
2024年1月8日 a park removed &lt;b&gt;&amp;&lt;/b&gt; &quot;quoted&quot;
2024年1月6日 a park added
2024年1月5日 a target removed
2024年1月4日 a fact added
2024年1月3日 a figure changed
2024年1月2日 the content
EOF
if diff -u "$tmp/expected" "$tmp/listed" >"$tmp/diff"; then ok "changes page: the commits that changed content, newest first, dates and subjects"; else
    fail "changes page: the commits that changed content, newest first, dates and subjects"; cat "$tmp/diff"; fi
hasnt "changes page: a subject is text, not HTML" "$page" "<b>&</b>"
commit_of() { git rev-parse --short=7 "$1"; }
section "$page" "commit-$(commit_of HEAD~8)" >"$tmp/c03"
has "figure changed: old value in the display unit" "$tmp/c03" "<td class=\"num\">21.435002亿元</td><td class=\"num\">25亿元</td>"
has "figure changed: labels" "$tmp/c03" "<td class=\"change\">修改</td><td>事实 · "
has "figure changed: the unit as written" "$tmp/c03" "原文 214350.02万元 → 25亿元"
has "figure changed: summary" "$tmp/c03" "事实 2项修改"
has "figure changed: another indicator" "$tmp/c03" "<td class=\"num\">4.8%</td><td class=\"num\">5.1%</td>"
section "$page" "commit-$(commit_of HEAD~7)" >"$tmp/c04"
has "fact added" "$tmp/c04" "<td class=\"change added\">新增</td><td>事实 · "
has "fact added: value with qualifier" "$tmp/c04" "<td class=\"num\">&gt;900家</td>"
section "$page" "commit-$(commit_of HEAD~6)" >"$tmp/c05"
has "target removed" "$tmp/c05" "<td class=\"change removed\">删除</td><td>目标 · "
has "target removed: value" "$tmp/c05" "<td class=\"num\">≥300家</td><td class=\"num\"></td>"
section "$page" "commit-$(commit_of HEAD~5)" >"$tmp/c06"
has "park added: marked" "$tmp/c06" "新增园区"
has "park added: its figure" "$tmp/c06" "12,000亿元"
has "park added: linked" "$tmp/c06" 'href="../parks/xiangyang-new-park/index.html"'
section "$page" "commit-$(commit_of HEAD~3)" >"$tmp/c08"
has "park removed: marked" "$tmp/c08" "删除园区"
has "park removed: its rank" "$tmp/c08" "第3名"
section "$page" "commit-$(commit_of HEAD~2)" >"$tmp/c09"
has "content errors at a revision: said" "$tmp/c09" "这一版本的内容有1处错误"
section "$page" "commit-$(commit_of HEAD~1)" >"$tmp/c10"
has "content errors before a revision: said" "$tmp/c10" "上一版本的内容有1处错误"
section "$page" "commit-$(commit_of HEAD~9)" >"$tmp/c02"
has "the first content: counted" "$tmp/c02" "首次提交内容：4个园区"
section "$page" "commit-$(commit_of HEAD)" >"$tmp/c11"
has "bulletins added: listed" "$tmp/c11" "通报 2期新增"
has "nav: every page links to the changes page" "$tmp/site/index.html" 'href="changes/index.html"'
has "sitemap: lists the changes page" "$tmp/site/sitemap.xml" "/changes/</loc>"

# ---- the bulletins' section ---------------------------------------------------------------
b2=$tmp/site/bulletins/2024-02/index.html
b3=$tmp/site/bulletins/2024-03/index.html
section "$b2" changes >"$tmp/b2"
has "since a bulletin: the section" "$tmp/b2" "<h2>本期数据变化</h2>"
has "since a bulletin: which commit" "$tmp/b2" "与2024年第1期通报发布时（提交 $(commit_of HEAD~9)，2024年1月2日）的数据相比"
has "since a bulletin: a changed figure, old → new" "$tmp/b2" "<td class=\"num\">21.435002亿元</td><td class=\"num\">26亿元"
has "since a bulletin: a fact added" "$tmp/b2" "&gt;900家"
has "since a bulletin: a target removed" "$tmp/b2" "≥300家"
has "since a bulletin: a new park" "$tmp/b2" "襄阳新园区</a>（新园区）"
has "since a bulletin: the source" "$tmp/b2" "郑州高新区2023年经济运行情况"
hasnt "since a bulletin: only its indicators" "$tmp/b2" "研发投入强度"
hasnt "since a bulletin: not a removed park" "$tmp/b2" "襄阳经济技术开发区"
section "$b3" changes >"$tmp/b3"
has "since a revision: which" "$tmp/b3" "与版本 v2（提交 $(commit_of v2)，2024年1月4日）的数据相比"
has "since a revision: a later change" "$tmp/b3" "≥300家"
has "since a revision: a later park" "$tmp/b3" "12,000亿元"
hasnt "since a revision: not an earlier change" "$tmp/b3" "21.435002亿元"
has "since: in the table of contents" "$b2" '<a href="#changes">本期数据变化</a>'
hasnt "no since: no section" "$tmp/site/bulletins/2024-01/index.html" "本期数据变化"

# ---- --changes N --------------------------------------------------------------------------
run build content --out "$tmp/three" --theme "$theme" --no-pdf --changes 3
expect "--changes 3: exit 0" 0
n=$(grep -c '<span class="commit-date">' "$tmp/three/changes/index.html" || true)
[ "$n" -eq 3 ] && ok "--changes 3: three commits" || fail "--changes 3: three commits ($n)"
run build content --out "$tmp/none" --theme "$theme" --no-pdf --changes 0
expect "--changes 0: exit 0" 0
[ ! -e "$tmp/none/changes" ] && ok "--changes 0: no page" || fail "--changes 0: no page"
hasnt "--changes 0: no link" "$tmp/none/index.html" "changes/index.html"
hasnt "--changes 0: not in the sitemap" "$tmp/none/sitemap.xml" "/changes/"
has "--changes 0: the bulletins' sections stay" "$tmp/none/bulletins/2024-02/index.html" "本期数据变化"

# ---- since: errors ------------------------------------------------------------------------
cp content/bulletins/2024-03.toml "$tmp/b3.toml"
sed -i 's/^since = .*/since = "2024-9"/' content/bulletins/2024-03.toml
run build content --out "$tmp/bad" --theme "$theme" --no-pdf
expect "since: neither a bulletin nor a revision: exit 1" 1
has "since: neither: at its line and column" "$tmp/err" \
    "bulletins/2024-03.toml:9:9: error: since = \"2024-9\" is neither the id of another bulletin nor a git revision"
[ ! -e "$tmp/bad" ] && ok "since: nothing written" || fail "since: nothing written"
sed -i 's/^since = .*/since = "2024-03"/' content/bulletins/2024-03.toml
run build content --out "$tmp/bad" --theme "$theme" --no-pdf
expect "since: itself: exit 1" 1
has "since: itself: message" "$tmp/err" "bulletins/2024-03.toml:9:9: error: since = \"2024-03\" is this bulletin itself"
sed -i 's/^since = .*/since = "2024-03"/' content/bulletins/2024-02.toml
cp "$tmp/b3.toml" content/bulletins/2024-03.toml
run check content
expect "since: a later bulletin: check fails" 1
has "since: a later bulletin: message" "$tmp/err" \
    "bulletins/2024-02.toml:9:9: error: since = \"2024-03\": that bulletin is dated 2024-09-30, not before this one (2024-06-30)"
git checkout -q -- content

# ---- a rebuild after a new commit ---------------------------------------------------------
cp -r "$tmp/site" "$tmp/rebuilt"
sed -i 's/^value = 26$/value = 27/' "$zz"
run build content --out "$tmp/rebuilt" --theme "$theme" --no-pdf
expect "uncommitted edit: exit 0" 0
hasnt "uncommitted edit: not on the changes page" "$tmp/rebuilt/changes/index.html" "27亿元"
has "uncommitted edit: in the bulletin's section" "$tmp/rebuilt/bulletins/2024-02/index.html" "27亿元"
commit "the figure again"
run build content --out "$tmp/rebuilt" --theme "$theme" --no-pdf
expect "the same files committed: rebuilt" 0
hasnt "the same files committed: not up to date" "$tmp/out" "is up to date"
has "the same files committed: the new commit listed" "$tmp/rebuilt/changes/index.html" "the figure again"
has "the same files committed: the bulletin's section follows" "$tmp/rebuilt/bulletins/2024-02/index.html" "27亿元"
run build content --out "$tmp/rebuilt" --theme "$theme" --no-pdf
has "nothing new: up to date" "$tmp/out" "is up to date"
run build content --out "$tmp/cold" --theme "$theme" --no-pdf
if diff -r -x .parkpress-output "$tmp/rebuilt" "$tmp/cold" >"$tmp/diff"; then ok "rebuild after a commit = cold build"; else
    fail "rebuild after a commit = cold build"; head -20 "$tmp/diff"; fi

# ---- the same commit in two clones --------------------------------------------------------
git clone -q "file://$repo" "$tmp/clone-a"
git clone -q "file://$repo" "$tmp/elsewhere/clone-b"
# The whole site: with the PDF bulletins when Pandoc is here.
pdf_option=--no-pdf
command -v pandoc >/dev/null && pdf_option=
(cd "$tmp/clone-a" && "$binary" build content --out "$tmp/site-a" --theme "$theme" $pdf_option >/dev/null 2>&1)
(cd "$tmp/elsewhere/clone-b" && "$binary" build content --out "$tmp/site-b" --theme "$theme" $pdf_option >/dev/null 2>&1)
if [ -z "$pdf_option" ]; then
    ls "$tmp/site-a"/bulletins/*.pdf >/dev/null 2>&1 && ok "two clones: with the PDFs" || fail "two clones: no PDF built"
fi
if diff -r -x .parkpress-output "$tmp/site-a" "$tmp/site-b" >"$tmp/diff"; then ok "two clones: byte-identical sites"; else
    fail "two clones: byte-identical sites"; head -20 "$tmp/diff"; fi
[ -f "$tmp/site-a/changes/index.html" ] && ok "two clones: with the changes page" || fail "two clones: with the changes page"

# ---- a shallow clone and a plain folder ---------------------------------------------------
warning='bulletins/2024-02.toml:9:9: warning: since = "2024-01": no git history here (not a git checkout, or a shallow clone); the section 本期数据变化 is left out'
git clone -q --depth 1 "file://$repo" "$tmp/shallow"
cp -r content "$tmp/plain"
for where in shallow plain; do
    if [ $where = shallow ]; then cd "$tmp/shallow"; dir=content; else cd "$tmp"; dir=plain; fi
    run build "$dir" --out "$tmp/site-$where" --theme "$theme" --no-pdf
    expect "$where: exit 0" 0
    has "$where: a warning for since" "$tmp/err" "$warning"
    n=$(grep -c "no git history here" "$tmp/err" || true)
    [ "$n" -eq 2 ] && ok "$where: one warning per bulletin with since" || fail "$where: one warning per bulletin with since ($n)"
    [ ! -e "$tmp/site-$where/changes" ] && ok "$where: no changes page" || fail "$where: no changes page"
    hasnt "$where: no link to it" "$tmp/site-$where/index.html" "changes/index.html"
    hasnt "$where: not in the sitemap" "$tmp/site-$where/sitemap.xml" "/changes/"
    hasnt "$where: no section" "$tmp/site-$where/bulletins/2024-02/index.html" "本期数据变化"
    run build "$dir" --out "$tmp/site-$where" --theme "$theme" --no-pdf
    has "$where: up to date, with the warning again" "$tmp/err" "$warning"
done
cd "$repo"

# ---- the PDF ------------------------------------------------------------------------------
if command -v pandoc >/dev/null && command -v xelatex >/dev/null && command -v pdftotext >/dev/null; then
    run build content --out "$tmp/pdf" --theme "$theme"
    expect "PDF: exit 0" 0
    pdftotext "$tmp/pdf/bulletins/2024-02.pdf" - | tr -d ' ' >"$tmp/b2.txt" # it spaces out 27 亿元
    has "PDF: the section" "$tmp/b2.txt" "本期数据变化"
    has "PDF: a changed value" "$tmp/b2.txt" "27亿元"
    has "PDF: its old value" "$tmp/b2.txt" "21.435002" # a table cell may break before 亿元
    pdftotext "$tmp/pdf/bulletins/2024-01.pdf" "$tmp/b1.txt"
    hasnt "PDF: no since, no section" "$tmp/b1.txt" "本期数据变化"
else
    echo "skip PDF: pandoc, xelatex or pdftotext missing"
fi

# (TeX's tools leave their logs there too.)
[ -z "$(ls -A "$tmp/t" | grep parkpress)" ] && ok "no temporary folder left behind" || { fail "no temporary folder left behind"; ls "$tmp/t"; }
summary
