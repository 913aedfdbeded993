#!/usr/bin/env bash
# Rewrites the seed corpus in tests/fuzz/corpus/ from the real content and the test fixtures.
# Run it when the content format changes; review the result with git status / git diff.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=tests/fuzz/corpus
valid=tests/sites/valid
invalid=tests/sites/invalid

# fuzz_content: a selector digit (see fuzz_content.cpp), then the file.
selector() {
    case "$1" in
        */site.toml) echo 0 ;; */indicators.toml) echo 1 ;; */sources.toml) echo 2 ;;
        */provinces/*.toml) echo 3 ;; */parks/*.toml) echo 4 ;; */parks/*.md) echo 5 ;;
        */bulletins/*.toml) echo 6 ;; */bulletins/*.md) echo 7 ;; *) return 1 ;;
    esac
}
seed_content() { # NAME FILE
    { printf '%s' "$(selector "$2")"; cat "$2"; } >"$out/fuzz_content/$1"
}
rm -f "$out"/fuzz_content/* "$out"/fuzz_references/*
mkdir -p "$out"/fuzz_content "$out"/fuzz_references "$out"/fuzz_numbers
for f in site.toml indicators.toml sources.toml provinces/henan.toml \
         parks/henan/zhengzhou-high-tech-zone.toml parks/henan/zhengzhou-smart-island.toml \
         parks/henan/zhengzhou-high-tech-zone.md bulletins/2024-01.toml bulletins/2024-01.md; do
    seed_content "valid-$(basename "${f%.*}")-${f##*.}" "$valid/$f"
done
for f in site.toml indicators.toml sources.toml provinces/hunan.toml \
         parks/henan/zhumadian-smart-island.toml parks/henan/zhumadian-smart-island.md \
         parks/henan/zhengdong-new-district.toml parks/hunan/changsha-high-tech-zone.toml \
         bulletins/2024-1.toml bulletins/2024-1.md; do
    seed_content "content-$(basename "${f%.*}")-${f##*.}" "content/$f"
done
for case in 01-toml-syntax-error 03-site-kind-missing-name 05-source-missing-publisher \
            06-province-missing-code 11-bulletin-missing-period 13-fact-unknown-key-valeu \
            29-unknown-qualifier 33-negative-area 37-value-nan 39-parent-cycle 40-value-wrong-type \
            41-period-wrong-type 42-invalid-utf8-toml 45-reference-unclosed 46-reference-malformed \
            52-indicator-unit-wrong-dimension 55-facts-not-array-of-tables 56-target-by-not-a-year \
            63-invalid-utf8-after-bom; do
    for f in $(cd "$invalid/$case" && find . -type f ! -name 'expected*' ! -name delete.txt); do
        seed_content "invalid-$case" "$invalid/$case/${f#./}"
    done
done

# fuzz_references: narratives as they are.
for f in "$valid"/parks/*/*.md "$valid"/bulletins/*.md content/parks/henan/zhumadian-smart-island.md \
         content/parks/henan/zhengdong-new-district.md content/bulletins/*.md; do
    cp "$f" "$out/fuzz_references/$(basename "$(dirname "$f")")-$(basename "$f")"
done
for case in 26-narrative-unknown-park 44-reference-unresolved 45-reference-unclosed \
            46-reference-malformed 47-reference-unknown-kind 48-bulletin-reference-without-park; do
    cp "$(find "$invalid/$case" -name '*.md')" "$out/fuzz_references/invalid-$case.md"
done
printf '\xef\xbb\xbf第一行\r\n见{{fact  other-park   jobs }}\r\n{{target x}}{{fact}} {{ {{fact a}}' \
    >"$out/fuzz_references/bom-crlf-mixed.md"
# fuzz_numbers: hand-written (VALUE, FROM_UNIT, DISPLAY_UNIT, QUALIFIER), kept as they are.
