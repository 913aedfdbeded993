#!/usr/bin/env bash
# Hostile content, end to end: a park whose data values and narrative, and a bulletin whose
# narrative, try every injection the hardening issue lists. The build succeeds and:
#   - the HTML has no script but the theme's own, no event attribute, no javascript:, vbscript:,
#     data: or file: link or image, and the values are shown as text (escaped, `{{` not expanded);
#   - parks.json and the CSV keep the values exactly, as data;
#   - the PDF prints the values and the TeX as text, reads no file, runs nothing, and has no
#     link to a file: URL.
# Usage: hostile.sh BINARY PROJECT_DIR
set -euo pipefail
binary=$1
project=$2
theme=$project/themes/default

source "$(dirname "$0")/lib.sh"
squash() { tr -d ' \n\t\f\r'; } # pdftotext splits lines and puts spaces between Latin and CJK

content=$tmp/content
cp -r "$project/tests/sites/valid" "$content"
marker=$tmp/pwned
secret=$tmp/secret.txt
echo "SECRET-5b0d2e9a-not-for-the-output" >"$secret"

# Data values: a park name that closes the title and opens a script, Mustache syntax in the
# city and a note, an event attribute in the English name.
park=$content/parks/henan/zhengzhou-high-tech-zone.toml
name='郑州</title><script>alert(1)</script>{{site_title}}{{{content}}}'
sed -i "s|^name = .*|name = '$name'|; s|^city = .*|city = \"{{#parks}}{{/parks}}{{> layout}}\"|" "$park"
sed -i "s|^name_en = .*|name_en = '\" onmouseover=\"alert(2)'|" "$park"
sed -i "0,/^note = .*/s||note = \"{{=<% %>=}}<%site_title%>\"|" "$park"

hostile_markdown() {
    cat <<MD

<script>alert(3)</script>
<img src="x" onerror="alert(4)">
<a href="#" onclick="alert(5)">点击</a>
<iframe src="https://evil.example/"></iframe>

[脚本](javascript:alert\(6\)) [大写](JaVaScRiPt:alert\(7\)) [vb](vbscript:msgbox\(8\)) [数据](data:text/html;base64,PHNjcmlwdD4=)
[文件](file://$secret) [引用式][f] [官网](https://example.org/) ![图](javascript:alert\(9\)) ![图二](data:image/svg+xml;base64,PHN2Zz4=) <javascript:alert(10)>

[f]: file:///etc/passwd

\\input{$secret} \\write18{touch $marker} \\immediate\\write18{touch $marker} \\openin5=$secret

\`\`\`{=latex}
\\input{$secret}\\write18{touch $marker}
\`\`\`

\`\`\`{=html}
<script>alert(11)</script>
\`\`\`

\$\$\\input{$secret}\$\$ {{fact zhengzhou-high-tech-zone signed_investment}}
MD
}
hostile_markdown >>"$content/parks/henan/zhengzhou-high-tech-zone.md"
hostile_markdown >>"$content/bulletins/2024-01.md"

out=$tmp/site
if "$binary" build "$content" --out "$out" --theme "$theme" >"$tmp/out.txt" 2>"$tmp/err.txt"; then
    ok "hostile content builds"
else
    fail "hostile content build"; cat "$tmp/err.txt"
    summary; exit 1
fi

# --- HTML ---
pages=$(find "$out" -name '*.html' | wc -l)
scripts=$(find "$out" -name '*.html' -exec grep -oiE '<script[^>]*>' {} + | grep -vcE ':<script src="(\.\./)*assets/sort\.js" defer>$' || true)
[ "$scripts" -eq 0 ] && ok "no script but the theme's own in $pages pages" || fail "$scripts foreign script tags"
bad=$(find "$out" -name '*.html' -exec grep -oiE '<[a-z][^>]*[[:space:]]on[a-z]+[[:space:]]*=[^>]*>' {} + | head -n 3 || true)
[ -z "$bad" ] && ok "no event attribute" || fail "event attributes: $bad"
bad=$(find "$out" -name '*.html' -exec grep -oiE '(href|src)="[[:space:]]*(javascript|vbscript|data|file):[^"]*"' {} + | head -n 3 || true)
[ -z "$bad" ] && ok "no javascript:, vbscript:, data: or file: link or image" || fail "unsafe URLs: $bad"
bad=$(find "$out" -name '*.html' -exec grep -liE '<(iframe|img|object|embed)[[:space:]]' {} + | head -n 3 || true)
[ -z "$bad" ] && ok "no iframe, img, object or embed from the content" || fail "embedded elements in: $bad"
grep -rqF "SECRET-5b0d2e9a" "$out" --include='*.html' && fail "the secret file reached the HTML" || ok "no file read into the HTML"
page=$out/parks/zhengzhou-high-tech-zone/index.html
grep -qF '<title>郑州&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;{{site_title}}{{{content}}}' "$page" \
    && ok "the park name is escaped text in the title, its braces not expanded" || fail "park name in the title"
grep -qF '{{#parks}}{{/parks}}{{&gt; layout}}' "$page" && ok "Mustache sections and partials in a value stay text" \
    || fail "Mustache syntax in the city"
grep -qF '{{=&lt;% %&gt;=}}&lt;%site_title%&gt;' "$page" && ok "a Mustache delimiter change in a note stays text" \
    || fail "Mustache delimiters in the note"
grep -qF '&quot; onmouseover=&quot;alert(2)' "$page" && ok "quotes in a value cannot open an attribute" \
    || fail "quotes in name_en"
grep -qE 'alert\((3|4|5)\)' "$page" && fail "raw HTML of the narrative is on the page" || ok "raw HTML in the narrative is dropped"
grep -qF 'href="https://example.org/"' "$page" && ok "an https link is kept" || fail "the https link is missing"
grep -qF '\input{' "$page" && ok "TeX in the narrative is shown as text on the page" || fail "TeX text missing on the page"

# --- data downloads ---
if python3 - "$out/data/parks.json" "$name" <<'PY'
import json, sys
parks = json.load(open(sys.argv[1], encoding="utf-8"))["parks"]
sys.exit(0 if any(p["name"] == sys.argv[2] for p in parks) else 1)
PY
then ok "parks.json keeps the name exactly, as a JSON string"; else fail "parks.json"; fi
if python3 - "$out/data/facts.csv" "$name" <<'PY'
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
sys.exit(0 if any(sys.argv[2] in row for row in rows) else 1)
PY
then ok "facts.csv keeps the name exactly, as one field"; else fail "facts.csv"; fi

# --- PDF ---
pdf=$out/bulletins/2024-01.pdf
pdftotext -enc UTF-8 "$pdf" - >"$tmp/pdf.txt"
squash <"$tmp/pdf.txt" >"$tmp/pdf-squashed.txt"
[ ! -e "$marker" ] && ok "\\write18 did not run" || fail "\\write18 ran"
grep -qF "SECRET-5b0d2e9a" "$tmp/pdf.txt" && fail "the secret file was read into the PDF" || ok "no file read into the PDF"
grep -q 'root:x:0' "$tmp/pdf.txt" && fail "/etc/passwd was read into the PDF" || ok "/etc/passwd was not read"
grep -qF "$(printf '%s' "$name" | squash)" "$tmp/pdf-squashed.txt" && ok "the park name is printed as text in the PDF" \
    || fail "park name missing from the PDF"
grep -qF '\input{' "$tmp/pdf.txt" && grep -qF '\write18{' "$tmp/pdf.txt" && ok "the TeX is printed as text in the PDF" \
    || fail "TeX text missing from the PDF"
grep -qE 'alert\((3|4|5)\)' "$tmp/pdf.txt" && fail "raw HTML of the narrative is in the PDF" || ok "raw HTML is dropped from the PDF"
qpdf --qdf --object-streams=disable "$pdf" "$tmp/plain.pdf" 2>/dev/null || true
if [ -s "$tmp/plain.pdf" ] && grep -aqF '/URI (https://example.org/)' "$tmp/plain.pdf" \
    && ! grep -aqiE '/URI *\((file|javascript|vbscript|data):' "$tmp/plain.pdf"; then
    ok "the PDF links to the https URL, and to no file:, javascript:, vbscript: or data: URL"
else
    fail "unsafe link in the PDF: $(grep -aoiE '/URI *\([^)]*' "$tmp/plain.pdf" | head -n 3)"
fi

summary
