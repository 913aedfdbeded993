#!/usr/bin/env bash
# Installs the Debian 12 packages parkpress needs to build and test, if any is missing.
# Idempotent: does nothing when everything is installed. Runs apt-get as root (or via sudo).
set -euo pipefail

packages=(
    # toolchain
    g++ cmake ninja-build pkg-config git
    # libraries (see README, "Dependencies")
    libcmark-gfm-dev libcmark-gfm-extensions-dev libtomlplusplus-dev libfmt-dev libcli11-dev
    nlohmann-json3-dev libkainjow-mustache-dev
    # tests
    catch2
)

missing=()
for p in "${packages[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all packages present"
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo; missing: ${missing[*]}" >&2; exit 2; }
    sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
