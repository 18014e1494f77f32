#!/usr/bin/env bash
# The main job: sets the machine up, builds Quorum (release) when its sources changed, and runs
# it in the caller's folder. With no arguments it installs the embedded engine on first use,
# writes a default quorum.toml in ${QUORUM_HOME:-~/quorum} when there is none, and opens the
# workbench there (the ensemble generating live on the embedded engine). Without a terminal it
# runs a short headless `quorum generate` instead.
set -euo pipefail
repository="$(cd "$(dirname "$0")/.." && pwd)"
"$repository/scripts/setup.sh"
quorum="$repository/.build/release/quorum"

# Build only when a source is newer than the binary, and show the build's output only when it
# fails: a run with nothing to rebuild starts at once.
if [[ ! -x $quorum ]] || [[ -n $(find "$repository/Sources" "$repository/Package.swift" -newer "$quorum" -print -quit) ]]; then
    echo "quorum.sh: building Quorum (release)…" >&2
    log="$(mktemp)"
    if ! swift build -c release --product quorum --package-path "$repository" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        exit 1
    fi
    rm -f "$log"
fi

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
