#!/usr/bin/env bash
# The checks a reader's tools would make on the site built from the real content:
#   - `parkpress build` writes every page;
#   - the W3C Nu HTML Checker (vnu.jar) reports no error on any page;
#   - every href and src resolves to a file of the site (and every #fragment to an id);
#   - nothing is loaded from another host;
#   - headless Chromium loads the home, a park, an indicator and the comparison page with no
#     console message, the theme's script runs under the page's Content-Security-Policy (which
#     every page carries), and screenshots at 1280 px and 360 px are written for a person to look at;
#   - a build that fails on content errors leaves the previous output exactly as it was.
# Usage: site_checks.sh BINARY PROJECT_DIR VNU_JAR SCREENSHOT_DIR
set -euo pipefail
binary=$1
project=$2
vnu=$3
shots=$4

source "$(dirname "$0")/lib.sh"

site=$tmp/site

# 1. The build.
if "$binary" build "$project/content" --out "$site" --theme "$project/themes/default" >"$tmp/build.out" 2>"$tmp/build.err"; then
    ok "build exits 0: $(tail -n 1 "$tmp/build.out")"
else
    fail "build"; cat "$tmp/build.err"
fi
for page in index.html 404.html sitemap.xml robots.txt parks/index.html provinces/index.html provinces/henan/index.html \
    kinds/index.html kinds/smart-island/index.html indicators/index.html indicators/contracted_investment/index.html \
    compare/index.html sources/index.html bulletins/index.html parks/zhumadian-smart-island/index.html \
    data/facts.csv data/parks.csv data/parks.json assets/style.css; do
    [ -f "$site/$page" ] && ok "written: $page" || fail "missing $page"
done

# Every page carries the strict Content-Security-Policy: scripts, styles and images from the
# site itself only, no inline script or style, nothing from another host.
csp="<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'\">"
without=$(find "$site" -name '*.html' -print0 | xargs -0 grep -LF "$csp" || true)
if [ -z "$without" ] && [ "$(find "$site" -name '*.html' | wc -l)" -gt 100 ]; then
    ok "every page has the Content-Security-Policy"
else
    fail "pages without the Content-Security-Policy: $(echo "$without" | head -n 3)"
fi

# 2. The Nu HTML Checker, once on a page known to be invalid (so that a broken checker
#    cannot pass silently), then on the whole site.
mkdir -p "$tmp/invalid"
printf '<!DOCTYPE html><html lang="zh-CN"><head><title>x</title></head><body><p><div></p></body></html>\n' >"$tmp/invalid/bad.html"
if java -jar "$vnu" --errors-only --skip-non-html "$tmp/invalid" >/dev/null 2>&1; then
    fail "vnu accepted an invalid page: the checker is not working"
else
    ok "vnu rejects an invalid page"
fi
if java -jar "$vnu" --errors-only --skip-non-html --format gnu "$site" 2>"$tmp/vnu.txt"; then
    ok "vnu: no error on any page"
else
    fail "vnu reports errors"; head -n 40 "$tmp/vnu.txt"
fi

# 3. Links: every href/src of every page resolves inside the site.
broken=0
while IFS= read -r -d '' page; do
    dir=$(dirname "$page")
    while IFS= read -r url; do
        case "$url" in
            http://* | https://* | mailto:*) continue ;; # navigation to other sites
        esac
        file=${url%%#*}
        frag=""
        [ "$file" != "$url" ] && frag=${url#*#}
        if [ -z "$file" ]; then target=$page; else target=$(realpath -m "$dir/$file"); fi
        case "$target" in "$site"/*) ;; *) echo "  outside the site: $page -> $url"; broken=$((broken + 1)); continue ;; esac
        if [ ! -f "$target" ]; then
            echo "  broken: ${page#"$site"/} -> $url"; broken=$((broken + 1))
        elif [ -n "$frag" ] && ! grep -q "id=\"$frag\"" "$target"; then
            echo "  missing anchor: ${page#"$site"/} -> $url"; broken=$((broken + 1))
        fi
    done < <(grep -oE '(href|src)="[^"]*"' "$page" | sed -E 's/^(href|src)="(.*)"$/\2/' | sed 's/&amp;/\&/g')
done < <(find "$site" -name '*.html' -print0)
if [ "$broken" -eq 0 ]; then ok "every href and src resolves"; else fail "$broken broken links"; fi

# 4. Nothing from another host: no src, stylesheet, @import or url() that is absolute.
if grep -rEl '(src|srcset)="(https?:)?//|<link[^>]+href="(https?:)?//|@import|url\((https?:)?//' "$site" --include='*.html' --include='*.css' >"$tmp/remote.txt"; then
    fail "resources from other hosts in: $(tr '\n' ' ' <"$tmp/remote.txt")"
else
    ok "nothing is loaded from another host"
fi

# 5. Chromium: no console message, and screenshots for a person to look at.
mkdir -p "$shots"
chrome=(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$tmp/chrome")
for page in index.html parks/zhumadian-smart-island/index.html indicators/contracted_investment/index.html compare/index.html; do
    name=$(echo "${page%/index.html}" | tr '/' '-')
    [ "$name" = "index.html" ] && name=home
    log="$tmp/console-$name.txt"
    timeout 120 "${chrome[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$site/$page" >"$tmp/dom-$name.html" 2>"$log" || true
    if grep -q 'CONSOLE' "$log"; then
        fail "console messages on $page"; grep 'CONSOLE' "$log" | head -n 5
    else
        ok "no console message on $page"
    fi
    # The theme's script runs under the page's Content-Security-Policy: sortable tables get buttons.
    if grep -q 'class="[^"]*sortable' "$site/$page"; then
        if grep -q 'class="sort-button"' "$tmp/dom-$name.html"; then
            ok "the theme's script ran on $page"
        else
            fail "the theme's script did not run on $page"
        fi
    fi
    for width in 1280 360; do
        timeout 120 "${chrome[@]}" --window-size="$width,2000" --screenshot="$shots/$name-$width.png" "file://$site/$page" \
            >/dev/null 2>&1 || true
        if [ -s "$shots/$name-$width.png" ]; then ok "screenshot $name-$width.png"; else fail "screenshot $name-$width.png"; fi
    done
done

# 6. A failing build leaves the output as it was: same files, bytes, modes and times.
cp -r "$project/content" "$tmp/broken-content"
printf '\n[[facts]]\nindicator = "no_such_indicator"\n' >>"$tmp/broken-content/parks/henan/zhumadian-smart-island.toml"
(cd "$site" && find . -type f -printf '%p %m %T@\n' | sort && find . -type f -exec sha256sum {} + | sort) >"$tmp/before.txt"
if "$binary" build "$tmp/broken-content" --out "$site" --theme "$project/themes/default" >/dev/null 2>"$tmp/broken.err"; then
    fail "build of broken content exited 0"
else
    status=$?
    if [ "$status" -eq 1 ] && grep -q 'zhumadian-smart-island.toml:.*error: ' "$tmp/broken.err"; then
        ok "broken content: exit 1 with the error"
    else
        fail "broken content: exit $status"; cat "$tmp/broken.err"
    fi
fi
(cd "$site" && find . -type f -printf '%p %m %T@\n' | sort && find . -type f -exec sha256sum {} + | sort) >"$tmp/after.txt"
if cmp -s "$tmp/before.txt" "$tmp/after.txt"; then ok "output untouched by the failed build"; else fail "output changed"; fi

summary
