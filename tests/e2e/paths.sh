#!/usr/bin/env bash
# Content files that are not files, and keys that would make paths: each is an error naming the
# file, the build writes nothing, and no read blocks (a FIFO is never opened).
#   folder, FIFO, device (when mknod is allowed), unreadable file (when not root: root reads
#   anything), a link to a file outside the content folder, a dangling link, and "../" in a
#   source key, a kind key and a hidden park file name.
# Usage: paths.sh BINARY PROJECT_DIR
set -euo pipefail
binary=$1
project=$2

source "$(dirname "$0")/lib.sh"
c=$tmp/content
cp -r "$project/tests/sites/valid" "$c"
echo "outside" >"$tmp/outside.md"

rm "$c/indicators.toml" && mkdir "$c/indicators.toml"
rm "$c/provinces/hubei.toml" && mkfifo "$c/provinces/hubei.toml"
rm "$c/parks/henan/zhengzhou-high-tech-zone.md" && mkfifo "$c/parks/henan/zhengzhou-high-tech-zone.md"
rm "$c/bulletins/2024-01.md" && ln -s "$tmp/outside.md" "$c/bulletins/2024-01.md"
ln -s "$tmp/nothing.toml" "$c/parks/henan/dangling.toml"
printf '\n["../../src"]\ntitle = "x"\npublisher = "y"\ndate = 2024-01-01\nurl = "https://example.org/"\n' >>"$c/sources.toml"
sed -i 's|^smart-island = |"../kind" = { name = "x" }\nsmart-island = |' "$c/site.toml"
cp "$c/parks/henan/zhengzhou-smart-island.toml" "$c/parks/henan/..evil.toml"
expected=(
    "bulletins/2024-01.md:1:1: error: symbolic link to a file outside the content folder"
    "indicators.toml:1:1: error: not a regular file"
    "parks/henan/dangling.toml:1:1: error: symbolic link to a file that does not exist"
    "parks/henan/zhengzhou-high-tech-zone.md:1:1: error: not a regular file"
    "provinces/hubei.toml:1:1: error: not a regular file"
    'sources.toml:[0-9]+:2: error: source key "../../src" is not a valid slug'
    'site.toml:[0-9]+:[0-9]+: error: kind "../kind" is not a valid slug'
)
if mknod "$c/parks/hubei/device.toml" c 1 3 2>/dev/null; then
    expected+=("parks/hubei/device.toml:1:1: error: not a regular file")
fi
if [ "$(id -u)" -ne 0 ]; then
    cp "$c/parks/hubei/xiangyang-high-tech-zone.toml" "$c/parks/hubei/locked.toml"
    chmod 000 "$c/parks/hubei/locked.toml"
    expected+=("parks/hubei/locked.toml:1:1: error: file cannot be read")
fi

rc=0
timeout 60 "$binary" build "$c" --out "$tmp/site" --theme "$project/themes/default" --no-pdf >"$tmp/out" 2>"$tmp/err" || rc=$?
if [ "$rc" -eq 1 ] && [ ! -e "$tmp/site" ]; then
    echo "ok exit 1, nothing written"; passed=$((passed + 1))
else
    echo "FAIL exit $rc (1 expected), or something written"; failed=$((failed + 1))
fi
for line in "${expected[@]}"; do
    if grep -qE "^$line" "$tmp/err"; then
        echo "ok $line"; passed=$((passed + 1))
    else
        echo "FAIL missing: $line"; failed=$((failed + 1))
    fi
done
# "..evil" starts with a dot: a hidden file, ignored like any other (it makes no path).
if ! grep -q 'evil' "$tmp/err" && ! grep -rq 'evil' "$tmp" --include='*.html' 2>/dev/null; then
    echo "ok a hidden file is ignored"; passed=$((passed + 1))
else
    echo "FAIL ..evil.toml"; failed=$((failed + 1))
fi
if [ "$failed" -ne 0 ]; then
    echo "stderr:"; sed 's/^/  /' "$tmp/err"
fi
summary
