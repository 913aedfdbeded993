#!/usr/bin/env bash
# End-to-end test of the "last updated" dates from git: a temporary repository with a scripted
# history; each park, province and bulletin page, sitemap.xml and data/parks.json give the date
# of the newest commit that changed what the page shows; an uncommitted edit, a shallow clone
# and a plain folder give no date; a commit makes a build that would otherwise have nothing to
# do write the new dates; two clones of one commit build the same bytes.
# Usage: last_updated.sh BINARY PROJECT_DIR
set -euo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
project=$(cd "$2" && pwd)

source "$(dirname "$0")/lib.sh"
git_sandbox
commit() { # commit DATE MESSAGE
    export GIT_AUTHOR_DATE="$1T12:00:00+08:00" GIT_COMMITTER_DATE="$1T12:00:00+08:00"
    git add -A && git commit -q -m "$2"
}
build() { # build CONTENT OUT
    "$binary" build "$1" --out "$2" --theme "$project/themes/default" --no-pdf --changes 0 >"$tmp/build.out" 2>"$tmp/build.err" </dev/null \
        || { cat "$tmp/build.err"; fail "build of $1 failed"; }
}
updated() { # updated PAGE: the date a page shows, or "none"
    grep -o '<time datetime="[0-9-]*"' "$1" | head -1 | sed 's/.*="\(.*\)"/\1/' | grep . || echo none
}
lastmod() { # lastmod SITE PAGE
    grep -o "/$2</loc>\(<lastmod>[0-9-]*</lastmod>\)\?" "$1/sitemap.xml" | sed -n 's/.*<lastmod>\(.*\)<\/lastmod>/\1/p' | grep . || echo none
}
json_updated() { # json_updated SITE SLUG
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([p["updated"] for p in d["parks"] if p["slug"]==sys.argv[2]][0] or "none")' \
        "$1/data/parks.json" "$2"
}
expect() { # expect WHAT ACTUAL WANTED
    [[ $2 == "$3" ]] && ok "$1: $3" || fail "$1: $2, expected $3"
}

repo=$tmp/repo
mkdir "$repo" && cd "$repo"
git init -q
cp -r "$project/tests/sites/valid" content
commit 2024-01-10 "the content"
sed -i 's/^value = 860$/value = 870/' content/parks/hubei/xiangyang-high-tech-zone.toml
commit 2024-02-20 "hubei: a figure"
echo "补充一句。" >>content/parks/henan/zhengzhou-smart-island.md
commit 2024-03-05 "henan: a narrative"
echo "README" >README
commit 2024-04-01 "not the content"

site=$tmp/site
build "$repo/content" "$site"
expect "park, figure changed" "$(updated "$site/parks/xiangyang-high-tech-zone/index.html")" 2024-02-20
expect "park, narrative changed" "$(updated "$site/parks/zhengzhou-smart-island/index.html")" 2024-03-05
expect "park, unchanged" "$(updated "$site/parks/xiangyang-economic-development-zone/index.html")" 2024-01-10
expect "province, through its park" "$(updated "$site/provinces/hubei/index.html")" 2024-02-20
expect "province henan" "$(updated "$site/provinces/henan/index.html")" 2024-03-05
grep -q '<time datetime="2024-02-20">2024年2月20日</time>' "$site/parks/xiangyang-high-tech-zone/index.html" \
    && ok "the date in Chinese" || fail "the date in Chinese"
expect "bulletin, through its parks" "$(updated "$site/bulletins/2024-01/index.html")" \
    "$(git log -1 --format=%cs -- content/bulletins content/parks/henan content/parks/hubei)"
expect "sitemap lastmod, park" "$(lastmod "$site" parks/xiangyang-high-tech-zone/)" 2024-02-20
expect "sitemap lastmod, province" "$(lastmod "$site" provinces/henan/)" 2024-03-05
expect "sitemap, no lastmod for an index" "$(lastmod "$site" indicators/)" none
expect "parks.json" "$(json_updated "$site" zhengzhou-smart-island)" 2024-03-05

# A commit that changes no byte of the content's files (the edit was built before it was
# committed) still changes what the pages say: the build is not "up to date".
sed -i 's/^value = 870$/value = 880/' content/parks/hubei/xiangyang-high-tech-zone.toml
build "$repo/content" "$site"
expect "uncommitted edit: no date for its park" "$(updated "$site/parks/xiangyang-high-tech-zone/index.html")" none
expect "uncommitted edit: nor for its province" "$(updated "$site/provinces/hubei/index.html")" none
expect "uncommitted edit: parks.json" "$(json_updated "$site" xiangyang-high-tech-zone)" none
expect "uncommitted edit: other parks keep theirs" "$(updated "$site/parks/zhengzhou-smart-island/index.html")" 2024-03-05
commit 2024-05-06 "hubei: the figure again"
build "$repo/content" "$site"
grep -q 'is up to date' "$tmp/build.out" && fail "after a commit: said up to date" || ok "after a commit: built"
expect "after the commit" "$(updated "$site/parks/xiangyang-high-tech-zone/index.html")" 2024-05-06
expect "after the commit: parks.json" "$(json_updated "$site" xiangyang-high-tech-zone)" 2024-05-06
expect "after the commit: the province" "$(updated "$site/provinces/hubei/index.html")" 2024-05-06
build "$repo/content" "$site"
grep -q 'is up to date' "$tmp/build.out" && ok "then nothing to do" || fail "a second build was not up to date"

# Two clones of the same commit build the same bytes.
git clone -q "file://$repo" "$tmp/clone-a"
git clone -q "file://$repo" "$tmp/clone-b"
build "$tmp/clone-a/content" "$tmp/site-a"
build "$tmp/clone-b/content" "$tmp/site-b"
diff -r -x .parkpress-output "$tmp/site-a" "$tmp/site-b" >/dev/null && ok "two clones: the same bytes" || fail "two clones differ"
expect "a clone has the dates" "$(updated "$tmp/site-a/parks/zhengzhou-smart-island/index.html")" 2024-03-05

# A shallow clone and a plain folder: the build works and gives no date at all.
git clone -q --depth 1 "file://$repo" "$tmp/shallow"
build "$tmp/shallow/content" "$tmp/site-shallow"
! grep -rq '<time datetime=' "$tmp/site-shallow" && ok "shallow clone: no date on any page" || fail "shallow clone: a date"
! grep -q '<lastmod>' "$tmp/site-shallow/sitemap.xml" && ok "shallow clone: no lastmod" || fail "shallow clone: lastmod"
cp -r "$repo/content" "$tmp/plain"
build "$tmp/plain" "$tmp/site-plain"
! grep -rq '<time datetime=' "$tmp/site-plain" && ok "plain folder: no date on any page" || fail "plain folder: a date"
expect "plain folder: parks.json" "$(json_updated "$tmp/site-plain" zhengzhou-smart-island)" none
# Apart from the dates, the same site.
diff -r -x .parkpress-output -x sitemap.xml -x parks.json -I '<time datetime=' -I '^$' "$tmp/site-plain" "$tmp/site-a" >/dev/null \
    && ok "plain folder: the same site without the dates" || fail "plain folder: differs beyond the dates"

summary
