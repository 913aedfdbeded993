#!/usr/bin/env bash
# End-to-end test of rebuilds: a build with nothing changed writes nothing; after an edit, a
# rebuild rewrites only the files whose bytes change, keeps the others (same inode and
# modification time) and gives exactly what a build from scratch gives.
#
# Usage: incremental.sh BINARY PROJECT_DIR
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 BINARY PROJECT_DIR" >&2
    exit 2
fi
BINARY=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
PROJECT=$(cd "$2" && pwd)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/parkpress-incremental.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
CONTENT="$WORK/content"
THEME="$WORK/theme"
OUT="$WORK/site"
cp -r "$PROJECT/tests/sites/valid" "$CONTENT"
cp -r "$PROJECT/themes/default" "$THEME"
ISLAND="$CONTENT/parks/henan/zhengzhou-smart-island.toml"
XY_EDZ="$CONTENT/parks/hubei/xiangyang-economic-development-zone.toml"

passed=0
failed=0
fail() {
    echo "FAIL: $*" >&2
    failed=$((failed + 1))
}
pass() {
    passed=$((passed + 1))
}

# build: an incremental build into $OUT; its stdout in $WORK/stdout.
build() {
    local rc=0
    "$BINARY" build "$CONTENT" --out "$OUT" --theme "$THEME" --no-pdf >"$WORK/stdout" 2>"$WORK/stderr" </dev/null || rc=$?
    if [[ $rc -ne 0 ]]; then
        cat "$WORK/stderr" >&2
        fail "build exited with $rc"
    fi
}

# snapshot FILE: every file of $OUT with its inode and modification time.
snapshot() {
    (cd "$OUT" && find . -type f -printf '%P %i %T@\n' | LC_ALL=C sort) >"$1"
}

# rewritten: the files that the last build wrote (new inode or time), one per line.
rewritten() {
    LC_ALL=C comm -13 "$WORK/before" "$WORK/after" | cut -d' ' -f1 | grep -v '^\.parkpress-output$' || true
}

# same_as_cold CASE: $OUT equals a build from scratch of the same content, byte for byte.
same_as_cold() {
    rm -rf "$WORK/cold"
    "$BINARY" build "$CONTENT" --out "$WORK/cold" --theme "$THEME" --no-pdf >/dev/null 2>&1 </dev/null
    if diff -r -x .parkpress-output "$OUT" "$WORK/cold" >"$WORK/diff"; then
        pass
    else
        fail "$1: the rebuilt site differs from a build from scratch:"
        head -20 "$WORK/diff" >&2
    fi
}

# edit CASE COMMAND...: runs the command (an edit of the content), rebuilds, compares.
edit() {
    local name=$1
    shift
    snapshot "$WORK/before"
    "$@"
    build
    snapshot "$WORK/after"
    rewritten >"$WORK/rewritten"
    same_as_cold "$name"
}

expect_rewritten() { # CASE FILE...: each file was rewritten
    local name=$1
    shift
    for f in "$@"; do
        grep -qxF "$f" "$WORK/rewritten" && pass || fail "$name: $f was not rewritten"
    done
}
expect_kept() { # CASE FILE...: each file was kept as it was
    local name=$1
    shift
    for f in "$@"; do
        grep -qxF "$f" "$WORK/rewritten" && fail "$name: $f was rewritten" || pass
    done
}

# 1. A first build, then one with nothing changed: it says so and touches no file at all.
build
snapshot "$WORK/first"
build
snapshot "$WORK/second"
grep -q 'is up to date' "$WORK/stdout" && pass || fail "no-change rebuild: stdout does not say it is up to date: $(cat "$WORK/stdout")"
grep -q '^checked ' "$WORK/stdout" && pass || fail "no-change rebuild: the check summary is not repeated"
cmp -s "$WORK/first" "$WORK/second" && pass || fail "no-change rebuild: some file changed: $(diff "$WORK/first" "$WORK/second" | head -5)"

# 2. One figure of one park: its pages change, other parks' pages and indicators do not.
edit "one figure" sed -i 's/^value = 500$/value = 520/' "$ISLAND"
expect_rewritten "one figure" parks/zhengzhou-smart-island/index.html indicators/high_level_talents/index.html \
    data/facts.csv provinces/henan/index.html
expect_kept "one figure" parks/xiangyang-high-tech-zone/index.html parks/xiangyang-economic-development-zone/index.html \
    provinces/hubei/index.html indicators/enterprises/index.html assets/style.css sitemap.xml
[[ $(wc -l <"$WORK/rewritten") -lt 20 ]] && pass || fail "one figure: $(wc -l <"$WORK/rewritten") files rewritten"

# 3. A narrative: only its park's page.
edit "narrative" sed -i 's/^# 襄阳高新区$/# 襄阳高新区概况/' "$CONTENT/parks/hubei/xiangyang-high-tech-zone.md"
[[ $(cat "$WORK/rewritten") == "parks/xiangyang-high-tech-zone/index.html" ]] && pass ||
    fail "narrative: rewritten $(tr '\n' ' ' <"$WORK/rewritten")"

# 4. A target another park's narrative cites: that park's page changes too.
edit "cited target" sed -i 's/^value = 500$/value = 520/' "$XY_EDZ"
expect_rewritten "cited target" parks/xiangyang-high-tech-zone/index.html

# 5. Every field of a figure, one at a time.
edit "unit" sed -i 's/^value = 58.6$/value = 586000/; s/^unit = "亿元"$/unit = "万元"/' "$ISLAND"
edit "qualifier" sed -i 's/^qualifier = "about"$/qualifier = "over"/' "$ISLAND"
edit "period" sed -i 's/^period = 2023-12-31$/period = 2022/' "$ISLAND"
edit "note" sed -i 's/^note = "自2022年开园以来累计"$/note = "开园以来累计"/' "$ISLAND"
edit "basis" sed -i 's/^basis = "cumulative"$/basis = "stock"/' "$ISLAND"
edit "target" sed -i 's/^by = 2025$/by = 2026/' "$ISLAND"

# 6. Shared files: an indicator's name, a province's name, a source's title, the site title.
edit "indicator" sed -i '0,/^name = "\(.*\)"$/s//name = "\1（改）"/' "$CONTENT/indicators.toml"
edit "province" sed -i 's/^name = "湖北省"$/name = "湖北"/' "$CONTENT/provinces/hubei.toml"
edit "source" sed -i '0,/^title = "\(.*\)"$/s//title = "\1（修订）"/' "$CONTENT/sources.toml"
edit "site" sed -i '0,/^title = "\(.*\)"$/s//title = "\1 2"/' "$CONTENT/site.toml"

# 7. A park renamed, a park added, a park removed.
edit "rename" sed -i 's/^name = "郑州高新区智慧岛"$/name = "郑州智慧岛"/' "$ISLAND"
edit "add" sed 's/^name = "郑州智慧岛"$/name = "郑州第二智慧岛"/' "$ISLAND" >"$CONTENT/parks/henan/zhengzhou-smart-island-2.toml"
[[ -f $OUT/parks/zhengzhou-smart-island-2/index.html ]] && pass || fail "add: no page for the new park"
edit "remove" rm "$CONTENT/parks/henan/zhengzhou-smart-island-2.toml"
[[ ! -e $OUT/parks/zhengzhou-smart-island-2 ]] && pass || fail "remove: the removed park's page is still there"

# 8. The theme: every page is rendered again, but files whose bytes are the same are kept.
edit "theme" sed -i '1s/^/\/* edited *\/\n/' "$THEME/assets/style.css"
expect_rewritten "theme" assets/style.css
expect_kept "theme" parks/zhengzhou-smart-island/index.html index.html
edit "template" sed -i 's/<\/footer>/<!-- edited --><\/footer>/' "$THEME/templates/layout.mustache"
grep -q 'parks/zhengzhou-smart-island/index.html' "$WORK/rewritten" && pass || fail "template: pages were not rewritten"

# 9. The output edited by hand: the next build is not fooled into doing nothing.
rm "$OUT/parks/zhengzhou-smart-island/index.html"
echo "stray" >"$OUT/stray.txt"
build
grep -q 'is up to date' "$WORK/stdout" && fail "damaged output: said up to date" || pass
[[ ! -e $OUT/stray.txt ]] && pass || fail "damaged output: a stray file stayed"
same_as_cold "damaged output"

# 10. Another build of parkpress (same version number, another program) is not trusted with
# the previous output: it renders every page again. A program is told by its build ID, the
# digest of what was linked that the linker writes into it; one without is told by its bytes.
other_binary() { # NAME: builds with $WORK/NAME and expects every page rendered again
    "$WORK/$1" build "$CONTENT" --out "$OUT" --theme "$THEME" --no-pdf >"$WORK/stdout" 2>&1 </dev/null
    grep -q 'is up to date' "$WORK/stdout" && fail "$1: said up to date" || pass
    grep -q '^built ' "$WORK/stdout" && pass || fail "$1: did not build: $(cat "$WORK/stdout")"
}
ID=$(readelf -n "$BINARY" | sed -n 's/.*Build ID: \([0-9a-f]*\).*/\1/p')
[[ ${#ID} -eq 40 ]] && pass || fail "no build ID in $BINARY"
# Its build ID's first byte changed, as another link would change it.
python3 - "$BINARY" "$WORK/parkpress-other-id" "$ID" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
at = data.find(bytes.fromhex(sys.argv[3]))
assert at > 0 and data.find(bytes.fromhex(sys.argv[3]), at + 1) < 0
data[at] ^= 0xFF
open(sys.argv[2], "wb").write(data)
PY
chmod +x "$WORK/parkpress-other-id"
other_binary parkpress-other-id
# Without a build ID, then the same with a byte appended (an ELF file runs the same).
objcopy --remove-section=.note.gnu.build-id "$BINARY" "$WORK/parkpress-no-id"
[[ -z $(readelf -n "$WORK/parkpress-no-id" | grep 'Build ID') ]] && pass || fail "parkpress-no-id has a build ID"
other_binary parkpress-no-id
"$WORK/parkpress-no-id" build "$CONTENT" --out "$OUT" --theme "$THEME" --no-pdf >"$WORK/stdout" 2>&1 </dev/null
grep -q 'is up to date' "$WORK/stdout" && pass || fail "parkpress-no-id: not up to date the second time"
cp "$WORK/parkpress-no-id" "$WORK/parkpress-no-id-x"
printf 'x' >>"$WORK/parkpress-no-id-x"
other_binary parkpress-no-id-x

# 11. The parks of the last build are cached beside the output (only changed park files are
# parsed again); a damaged or cut cache is not trusted.
CACHE="$WORK/.site.parkpress-cache"
build
[[ $(find "$CACHE" -type f -size +0 | wc -l) -eq 32 ]] && pass || fail "park cache: not 32 shards beside the output"
for shard in "$CACHE"/*; do
    printf 'junk' | dd of="$shard" bs=1 seek=100 conv=notrunc status=none
done
edit "damaged park cache" sed -i 's/^value = 520$/value = 530/' "$ISLAND"
for shard in "$CACHE"/*; do
    truncate -s 150 "$shard"
done
edit "cut park cache" sed -i 's/^value = 530$/value = 540/' "$ISLAND"
# A cache of an earlier parkpress, one file where the folder is now, is replaced.
rm -rf "$CACHE"
printf 'parkpress park cache 1\njunk' >"$CACHE"
edit "one-file park cache" sed -i 's/^value = 540$/value = 520/' "$ISLAND"
[[ -d $CACHE ]] && pass || fail "park cache: the old cache file was not replaced by a folder"
sed -i 's/^value = 520$/value = 540/' "$ISLAND"
grep -q 'value = 540' "$ISLAND" && pass || fail "park cache: the edits did not apply"

# 12. Warnings of parks taken from the cache, whose files a rebuild does not read again, are
# reported as a build from scratch reports them: the same lines, the same quoted source.
# This project's own content has warnings in several parks.
rm -rf "$CONTENT" "$OUT" "$CACHE"
cp -r "$PROJECT/content" "$CONTENT"
build
cp "$WORK/stderr" "$WORK/stderr-cold"
grep -q 'warning: ' "$WORK/stderr-cold" && pass || fail "warnings: the content gave none"
grep -q '^ *[0-9]* | ' "$WORK/stderr-cold" && pass || fail "warnings: no source line quoted"
# Another park changes; the parks with warnings come from the cache.
echo '# 改了' >>"$CONTENT/parks/henan/jiyuan-high-tech-zone.toml"
build
grep -q 'written, ' "$WORK/stdout" && pass || fail "warnings: not rebuilt: $(cat "$WORK/stdout")"
diff "$WORK/stderr-cold" "$WORK/stderr" >"$WORK/diff" && pass || {
    fail "warnings: a rebuild reports them otherwise:"
    head -20 "$WORK/diff" >&2
}

# 13. After a cold build there is no site before; the next build makes it of hard links to the
# current site's files while it loads the content. A build that stops on a content error
# leaves the output as it was and that site before whole (every file, with its manifest).
PREVIOUS="$WORK/.site.parkpress-previous"
rm -rf "$CONTENT" "$OUT" "$PREVIOUS" "$CACHE"
cp -r "$PROJECT/tests/sites/valid" "$CONTENT"
build
[[ ! -e $PREVIOUS ]] && pass || fail "site before: a cold build left one"
snapshot "$WORK/before"
cp "$ISLAND" "$WORK/island.toml"
echo 'value = = 1' >>"$ISLAND"
rc=0
"$BINARY" build "$CONTENT" --out "$OUT" --theme "$THEME" --no-pdf >"$WORK/stdout" 2>"$WORK/stderr" </dev/null || rc=$?
[[ $rc -eq 1 ]] && pass || fail "site before: a build with a content error exited with $rc"
snapshot "$WORK/after"
cmp -s "$WORK/before" "$WORK/after" && pass || fail "site before: the failed build touched the output"
[[ -s $PREVIOUS/.parkpress-output ]] && pass || fail "site before: no manifest in it"
(cd "$PREVIOUS" && find . -type f ! -name .parkpress-output -printf '%P %i %T@\n' | LC_ALL=C sort) >"$WORK/previous"
grep -v '^\.parkpress-output ' "$WORK/before" >"$WORK/current"
cmp -s "$WORK/current" "$WORK/previous" && pass || fail "site before: not the current site's files: $(diff "$WORK/current" "$WORK/previous" | head -5)"
cp "$WORK/island.toml" "$ISLAND"
edit "site before made of links" sed -i 's/^value = 500$/value = 550/' "$ISLAND"
expect_rewritten "site before made of links" parks/zhengzhou-smart-island/index.html
expect_kept "site before made of links" parks/xiangyang-high-tech-zone/index.html assets/style.css
[[ $(wc -l <"$WORK/rewritten") -lt 20 ]] && pass || fail "site before made of links: $(wc -l <"$WORK/rewritten") files rewritten"

echo "incremental: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
