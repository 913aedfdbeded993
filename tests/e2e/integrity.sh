#!/usr/bin/env bash
# Output integrity, end to end. From a site built from content A:
#   - a build that fails (a content error, a template error, a file over the size limit, or
#     SIGTERM) leaves --out exactly as it was: same files, bytes, modes and modification times;
#   - a build of content B killed with SIGKILL at points spread over its run leaves --out either
#     exactly the old site or exactly the new one, and the next build gives the new one;
#   - both for a rebuild that changes a few files and for one that changes every page.
# Usage: integrity.sh BINARY PROJECT_DIR
set -euo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
project=$(cd "$2" && pwd)
theme=$project/themes/default
kills=${PARKPRESS_KILL_POINTS:-8} # per scenario

source "$(dirname "$0")/lib.sh"

out=$tmp/out/site

# Content A: 300 synthetic parks (a build of a few tenths of a second). B changes one figure;
# C renames the site, which changes every page.
python3 "$project/bench/gen_content.py" 300 "$tmp/a" >/dev/null
cp -r "$tmp/a" "$tmp/b"
sed -i '0,/^value = [0-9.]*$/s//value = 123456/' "$tmp/b/parks/$(ls "$tmp/b/parks" | head -n 1)"/*.toml
cp -r "$tmp/a" "$tmp/c"
sed -i '0,/^title = "\(.*\)"$/s//title = "\1（新）"/' "$tmp/c/site.toml"

build() { # CONTENT [OUT]: a build without PDFs; its exit status
    "$binary" build "$1" --out "${2:-$out}" --theme "$theme" --no-pdf >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
}
contents() { # DIR: every path with its type, mode and bytes' digest
    (cd "$1" && find . -printf '%y %m %p\n' | LC_ALL=C sort && find . -type f -exec sha256sum {} + | LC_ALL=C sort -k2)
}
exactly() { # DIR: contents() and every modification time
    contents "$1"
    (cd "$1" && find . -printf '%T@ %p\n' | LC_ALL=C sort -k2)
}

build "$tmp/a" || { fail "build of A"; cat "$tmp/stderr"; exit 1; }
for x in b c; do
    build "$tmp/$x" "$tmp/cold-$x/site" || { fail "cold build of $x"; cat "$tmp/stderr"; exit 1; }
    contents "$tmp/cold-$x/site" | grep -v ' ./.parkpress-output$' >"$tmp/new-$x.txt"
done
grep -q '123456' "$tmp/cold-b/site/data/facts.csv" && ok "content B changes a figure" || fail "content B did not change"
[ "$(grep -rl '（新）' "$tmp/cold-c/site" | wc -l)" -gt 300 ] && ok "content C changes every park page" || fail "content C"
exactly "$out" >"$tmp/old.txt"
contents "$out" >"$tmp/old-contents.txt"

# --- failed builds leave the output exactly as it was ---
unchanged() { # NAME
    if exactly "$out" | cmp -s - "$tmp/old.txt"; then ok "$1: output exactly as it was"; else fail "$1: output changed"; fi
}
cp -r "$tmp/b" "$tmp/bad"
echo 'oops = ' >>"$tmp/bad/site.toml"
if build "$tmp/bad"; then fail "content error: build succeeded"; else unchanged "content error"; fi

cp -r "$theme" "$tmp/bad-theme"
echo '{{#unclosed}}' >>"$tmp/bad-theme/templates/park.mustache"
if "$binary" build "$tmp/b" --out "$out" --theme "$tmp/bad-theme" --no-pdf >/dev/null 2>"$tmp/stderr"; then
    fail "template error: build succeeded"
else
    unchanged "template error"
fi

# A file size limit stands in for a full disk: the write of a big download fails.
rc=0
(ulimit -f 200 && exec "$binary" build "$tmp/c" --out "$out" --theme "$theme" --no-pdf) >/dev/null 2>"$tmp/stderr" || rc=$?
if [ "$rc" -ne 0 ] && grep -q 'cannot write .*File too large' "$tmp/stderr"; then
    unchanged "write error (file too large)"
else
    fail "write error: exit $rc, $(head -c 300 "$tmp/stderr")"
fi

"$binary" build "$tmp/c" --out "$out" --theme "$theme" --no-pdf >/dev/null 2>&1 &
pid=$!
sleep 0.1
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
if exactly "$out" | cmp -s - "$tmp/old.txt"; then
    ok "SIGTERM: output exactly as it was"
elif contents "$out" | grep -v ' ./.parkpress-output$' | cmp -s - "$tmp/new-c.txt"; then
    ok "SIGTERM: the build had finished; output is the new site"
    build "$tmp/a" || fail "build of A"
    exactly "$out" >"$tmp/old.txt"
else
    fail "SIGTERM: output is neither the old nor the new site"
fi

# --- SIGKILL at points spread over a build: old or new, never a mixture ---
for x in b c; do
    # How long a build of B over A takes here, to spread the kill points over it.
    start=$(date +%s%N)
    build "$tmp/$x" || fail "build of $x"
    duration_ns=$(($(date +%s%N) - start))
    build "$tmp/a" || fail "build of A"
    mixed=0 olds=0 news=0
    for i in $(seq 1 "$kills"); do
        # From 30 % to 110 % of the measured time: the swap is near the end.
        delay=$(awk -v d="$duration_ns" -v i="$i" -v n="$kills" 'BEGIN { printf "%.4f", d * (0.3 + 0.8 * i / n) / 1e9 }')
        contents "$out" >"$tmp/before.txt"
        exactly "$out" >"$tmp/before-exactly.txt"
        "$binary" build "$tmp/$x" --out "$out" --theme "$theme" --no-pdf >/dev/null 2>&1 &
        pid=$!
        sleep "$delay"
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        if exactly "$out" | cmp -s - "$tmp/before-exactly.txt"; then
            olds=$((olds + 1))
        elif contents "$out" | grep -v ' ./.parkpress-output$' | cmp -s - "$tmp/new-$x.txt"; then
            news=$((news + 1))
        else
            mixed=$((mixed + 1))
            echo "  killed after ${delay}s: neither the old nor the new site"
            diff <(contents "$out") "$tmp/before.txt" | head -n 5
        fi
        # The next build finishes the job, whatever the kill left beside the output.
        if build "$tmp/$x" && contents "$out" | grep -v ' ./.parkpress-output$' | cmp -s - "$tmp/new-$x.txt"; then :; else
            mixed=$((mixed + 1))
            echo "  the build after a kill at ${delay}s did not give the new site"
        fi
        build "$tmp/a" || fail "build of A after a kill"
    done
    if [ "$mixed" -eq 0 ]; then
        ok "SIGKILL during a build of $x ($kills points over $((duration_ns / 1000000)) ms): $olds old, $news new, never a mixture"
    else
        fail "SIGKILL during a build of $x: $mixed bad states"
    fi
done

summary
