#!/usr/bin/env bash
# Installs what Quorum needs on Debian 12 beside the Swift toolchain, idempotently: the Debian
# packages below, only the missing ones. It builds nothing (scripts/quorum.sh and
# scripts/test.sh do).
set -euo pipefail

# build-essential and cmake: pip builds llama.cpp from source for the embedded engine
# (`quorum engine install`); it loads libllama through ctypes, so python3-dev is not needed.
# less is the reference `quorum bench tui` measures the workbench beside.
packages=(libncurses-dev libsqlite3-dev tmux less python3 python3-venv sqlite3 build-essential cmake)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    sudo_cmd=()
    [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    log="$(mktemp)"
    if ! { "${sudo_cmd[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"; } >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        exit 1
    fi
    rm -f "$log"
fi

if ! command -v swift >/dev/null; then
    echo "setup: the Swift toolchain (6.1 or later) is not on PATH; install it from swift.org first" >&2
    exit 69
fi
