#!/usr/bin/env bash
# The PDF bulletins, end to end (Pandoc, xelatex, rsvg-convert and qpdf must be installed):
#   - the fixture and the real content build their PDFs; every font is embedded, none is Type 3;
#   - pdftotext finds every compared park's name and every figure of the comparison tables
#     as the site's HTML edition formats it;
#   - two builds give byte-identical PDFs;
#   - a narrative with \input{/etc/passwd}, \write18 and a raw LaTeX block builds, and none of it acts;
#   - a character the fonts lack fails the build, naming the bulletin, the character and its code point;
#   - a missing pandoc is a one-line error naming the Debian package; --no-pdf still builds;
#   - a LaTeX error in the theme fails the bulletin with the log lines that matter, output untouched.
# Usage: bulletins_pdf.sh BINARY PROJECT_DIR
set -euo pipefail
binary=$1
project=$2
theme=$project/themes/default

source "$(dirname "$0")/lib.sh"
squash() { tr -d ' \n\t\f\r'; } # pdftotext splits lines and puts spaces between Latin and CJK


check_bulletins() { # SITE LABEL
    local site=$1 label=$2
    for html in "$site"/bulletins/*/index.html; do
        local id pdf
        id=$(basename "$(dirname "$html")")
        pdf=$site/bulletins/$id.pdf
        if [ ! -s "$pdf" ] || [ "$(head -c 5 "$pdf")" != "%PDF-" ]; then
            fail "$label $id: no PDF"; continue
        fi
        ok "$label $id: PDF written"
        pdffonts "$pdf" >"$tmp/fonts.txt"
        if tail -n +3 "$tmp/fonts.txt" | awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit bad }' \
            && ! grep -q 'Type 3' "$tmp/fonts.txt" && [ "$(tail -n +3 "$tmp/fonts.txt" | wc -l)" -gt 0 ]; then
            ok "$label $id: all fonts embedded, no Type 3"
        else
            fail "$label $id: fonts"; cat "$tmp/fonts.txt"
        fi
        pdftotext -enc UTF-8 "$pdf" - | squash >"$tmp/text.txt"
        local missing=0 parks=0 figures=0
        # Every compared park, from the HTML edition's summary list.
        while IFS= read -r name; do
            parks=$((parks + 1))
            grep -qF "$(printf '%s' "$name" | squash)" "$tmp/text.txt" || { echo "  park missing: $name"; missing=$((missing + 1)); }
        done < <(sed -n '/<section id="summary">/,/<\/section>/p' "$html" | grep -oE '<li><a href="[^"]*">[^<]*</a>：.*</li>' \
            | sed -E 's/^<li><a [^>]*>[^<]*<\/a>：//' | grep -oE '>[^<>]+</a>' | sed -E 's/^>//; s/<\/a>$//')
        # Every figure of the comparison tables, as the HTML edition formats it (value and unit).
        while IFS= read -r figure; do
            figures=$((figures + 1))
            grep -qF "$figure" "$tmp/text.txt" || { echo "  figure missing: $figure"; missing=$((missing + 1)); }
        done < <(sed -n '/<section id="ind-/,/<\/section>/p' "$html" | grep -oE '<span class="figure[^>]*>[^<]*<span class="unit">[^<]*' \
            | sed -E 's/<span class="figure[^>]*>//; s/<span class="unit">//; s/&gt;/>/g; s/&lt;/</g; s/&amp;/\&/g')
        if [ "$missing" -eq 0 ] && [ "$parks" -gt 0 ] && [ "$figures" -gt 0 ]; then
            ok "$label $id: all $parks parks and $figures figures are in the PDF's text"
        else
            fail "$label $id: $missing of $parks parks and $figures figures missing"
        fi
    done
}

# 1. The fixture and the real content.
# With a temporary folder of its own: the build leaves nothing in it (its tools' logs once went
# to a fixed TMPDIR/kpsewhich.log, which concurrent builds truncated under each other).
mkdir "$tmp/tmpdir"
TMPDIR=$tmp/tmpdir "$binary" build "$project/tests/sites/valid" --out "$tmp/fixture" --theme "$theme" >/dev/null 2>"$tmp/err.txt" \
    && ok "fixture builds with PDFs" || { fail "fixture build"; cat "$tmp/err.txt"; }
left=$(ls -A "$tmp/tmpdir")
[ -z "$left" ] && ok "nothing left in TMPDIR" || fail "left in TMPDIR: $left"
check_bulletins "$tmp/fixture" fixture
"$binary" build "$project/content" --out "$tmp/real" --theme "$theme" >/dev/null 2>"$tmp/err.txt" \
    && ok "real content builds with PDFs" || { fail "real content build"; tail -n 20 "$tmp/err.txt"; }
[ "$(find "$tmp/real/bulletins" -name '*.pdf' | wc -l)" -ge 2 ] && ok "at least two real bulletins" || fail "fewer than two real bulletins"
check_bulletins "$tmp/real" real

# 2. Reproducible: a second build gives the same bytes.
"$binary" build "$project/content" --out "$tmp/real2" --theme "$theme" >/dev/null 2>&1
same=1
for pdf in "$tmp"/real/bulletins/*.pdf; do
    cmp -s "$pdf" "$tmp/real2/bulletins/$(basename "$pdf")" || { same=0; echo "  differs: $(basename "$pdf")"; }
done
[ "$same" -eq 1 ] && ok "two builds give identical PDFs" || fail "PDFs differ between builds"

# 3. Hostile narrative: TeX in it is printed, never run or read.
cp -r "$project/tests/sites/valid" "$tmp/hostile"
marker=$tmp/pwned-by-write18
# A file outside the build's folder with a text found nowhere else (not /etc/hostname: a short
# host name such as "vm" can turn up in the PDF's text by chance, in the random temporary path).
secret=$tmp/secret.tex
echo "SECRET-c7e1b94d-not-for-the-pdf" >"$secret"
cat >>"$tmp/hostile/bulletins/2024-01.md" <<MD

\\input{/etc/passwd} \\write18{touch $marker} \\immediate\\write18{touch $marker}

\`\`\`{=latex}
\\input{$secret}\\write18{touch $marker}
\`\`\`

\$\$\\input{/etc/passwd}\$\$ <script>alert(1)</script>
MD
if "$binary" build "$tmp/hostile" --out "$tmp/hostile-out" --theme "$theme" >/dev/null 2>"$tmp/err.txt"; then
    ok "hostile narrative builds"
    pdftotext -enc UTF-8 "$tmp/hostile-out/bulletins/2024-01.pdf" - >"$tmp/hostile.txt"
    [ ! -e "$marker" ] && ok "\\write18 did not run" || fail "\\write18 ran"
    grep -q 'root:' "$tmp/hostile.txt" && fail "/etc/passwd was read into the PDF" || ok "/etc/passwd was not read"
    grep -qF "SECRET-c7e1b94d" "$tmp/hostile.txt" && fail "$secret was read" || ok "raw LaTeX block did not act"
    grep -qF '\input{/etc/passwd}' "$tmp/hostile.txt" && ok "the TeX is printed as text" || fail "the TeX text is not in the PDF"
    grep -q '<script>' "$tmp/hostile-out/bulletins/2024-01/index.html" && fail "script tag in the HTML edition" || ok "no script tag in the HTML edition"
else
    fail "hostile narrative build"; cat "$tmp/err.txt"
fi

# 4. No silent tofu.
cp -r "$project/tests/sites/valid" "$tmp/tofu"
printf '\n藏文字母ཀ不在字体中。\n' >>"$tmp/tofu/bulletins/2024-01.md"
if "$binary" build "$tmp/tofu" --out "$tmp/tofu-out" --theme "$theme" >/dev/null 2>"$tmp/err.txt"; then
    fail "a missing glyph did not fail the build"
else
    grep -q 'bulletins/2024-01.toml: .*ཀ (U+0F40)' "$tmp/err.txt" && ok "missing glyph: bulletin, character and code point named" \
        || { fail "missing glyph message"; cat "$tmp/err.txt"; }
fi

# 5. Tools: a missing pandoc is one line naming the package; --no-pdf needs no tool.
set +e
PATH=/nonexistent "$binary" build "$project/tests/sites/valid" --out "$tmp/nopandoc" --theme "$theme" >/dev/null 2>"$tmp/err.txt"
status=$?
set -e
if [ "$status" -eq 2 ] && [ "$(wc -l <"$tmp/err.txt")" -eq 1 ] && grep -q 'apt-get install pandoc' "$tmp/err.txt"; then
    ok "missing pandoc: exit 2, one line naming the package"
else
    fail "missing pandoc (exit $status)"; cat "$tmp/err.txt"
fi
if PATH=/nonexistent "$binary" build "$project/tests/sites/valid" --out "$tmp/nopdf" --theme "$theme" --no-pdf >/dev/null 2>&1 \
    && [ -f "$tmp/nopdf/bulletins/2024-01/index.html" ] && [ ! -e "$tmp/nopdf/bulletins/2024-01.pdf" ] \
    && ! grep -q '2024-01.pdf' "$tmp/nopdf/bulletins/index.html"; then
    ok "--no-pdf builds the HTML editions without PDFs or links to them"
else
    fail "--no-pdf"
fi

# 6. A LaTeX error fails the bulletin with the log lines, and leaves the output as it was.
cp -r "$theme" "$tmp/broken-theme"
sed -i 's/\\begin{document}/\\begin{document}\\undefinedparkpresscommand/' "$tmp/broken-theme/bulletin.latex"
cp -r "$tmp/fixture" "$tmp/sentinel"
(cd "$tmp/sentinel" && find . -type f -printf '%p %m %T@\n' | sort && find . -type f -exec sha256sum {} + | sort) >"$tmp/before.txt"
set +e
"$binary" build "$project/tests/sites/valid" --out "$tmp/sentinel" --theme "$tmp/broken-theme" >/dev/null 2>"$tmp/err.txt"
status=$?
set -e
(cd "$tmp/sentinel" && find . -type f -printf '%p %m %T@\n' | sort && find . -type f -exec sha256sum {} + | sort) >"$tmp/after.txt"
if [ "$status" -eq 1 ] && grep -q 'bulletins/2024-01.toml: pandoc/xelatex failed' "$tmp/err.txt" \
    && grep -q 'Undefined control sequence' "$tmp/err.txt"; then
    ok "LaTeX error: exit 1, bulletin named, log lines shown"
else
    fail "LaTeX error (exit $status)"; cat "$tmp/err.txt"
fi
cmp -s "$tmp/before.txt" "$tmp/after.txt" && ok "output untouched by the failed bulletin" || fail "output changed"

summary
