#!/usr/bin/env bash
# The main job: sets the machine up, builds Quorum (release) and runs it.
# With no arguments it installs the embedded engine on first use, writes a default
# quorum.toml in ${QUORUM_HOME:-~/quorum} when there is none, and opens the workbench there
# (the ensemble generating live on the embedded engine). Without a terminal it runs a short
# headless `quorum generate` instead.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build -c release --product quorum >&2
quorum="$PWD/.build/release/quorum"
if (($# == 0)); then
    "$quorum" engine install
    home="${QUORUM_HOME:-$HOME/quorum}"
    [[ -f "$home/quorum.toml" ]] || "$quorum" init "$home"
    cd "$home"
    if [[ -t 0 && -t 1 ]]; then
        exec "$quorum" review
    fi
    echo "no terminal: quorum generate --count 3 (in $home)" >&2
    exec "$quorum" generate --count 3
fi
exec "$quorum" "$@"
