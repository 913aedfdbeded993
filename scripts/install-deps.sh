#!/usr/bin/env bash
# Installs what parkpress needs on Debian 12, if anything is missing. Idempotent: does
# nothing when everything is there. Runs apt-get as root (or through sudo).
#   scripts/install-deps.sh          what building the site needs
#   scripts/install-deps.sh --test   also what the tests need (Catch2, Chromium, Java, the
#                                    W3C Nu HTML Checker from npm into build/tools/)
#   scripts/install-deps.sh --fuzz   also what scripts/fuzz.sh needs (clang and its libFuzzer,
#                                    ASan and UBSan runtimes)
set -euo pipefail
cd "$(dirname "$0")/.."

test=false
fuzz=false
for arg in "$@"; do
    case "$arg" in
        --test) test=true ;;
        --fuzz) fuzz=true ;;
        *) echo "usage: scripts/install-deps.sh [--test] [--fuzz]" >&2; exit 2 ;;
    esac
done

packages=(
    # toolchain; git also for `parkpress diff`, which reads content from commits
    g++ cmake ninja-build pkg-config git
    # libraries (see README, "Dependencies")
    libcmark-gfm-dev libcmark-gfm-extensions-dev libtomlplusplus-dev libfmt-dev libcli11-dev
    nlohmann-json3-dev libkainjow-mustache-dev libxxhash-dev libjemalloc-dev
    # the PDF bulletins (without texlive-fonts-recommended, hyperref stops on font pzdr)
    pandoc texlive-xetex texlive-lang-chinese texlive-fonts-recommended texlive-latex-extra
    fonts-noto-cjk librsvg2-bin qpdf fontconfig
)
commands=() # "command:package" pairs, installed when the command is missing
if $test; then
    packages+=(catch2 poppler-utils)
    commands+=(chromium:chromium java:default-jre-headless npm:npm)
fi
if $fuzz; then
    # libclang-rt-14-dev holds libFuzzer and clang's sanitizer runtimes; clang's packages only
    # recommend it (libclang-common-14-dev), and recommends are not installed here.
    packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
        missing+=("$p")
    fi
done
for pair in "${commands[@]}"; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done

if [ ${#missing[@]} -gt 0 ]; then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo; missing: ${missing[*]}" >&2; exit 2; }
        sudo=(sudo)
    fi
    echo "install-deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "install-deps: all packages present"
fi

if $test && [ ! -f build/tools/node_modules/vnu-jar/build/dist/vnu.jar ]; then
    echo "install-deps: installing the Nu HTML Checker (npm vnu-jar) into build/tools/"
    mkdir -p build/tools
    cp tests/tools/package.json tests/tools/package-lock.json build/tools/
    (cd build/tools && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
fi
