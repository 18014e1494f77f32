#!/usr/bin/env bash
# The main job: sets the machine up, builds Quorum (release) and runs it.
# With no arguments it installs the embedded engine on first use, then (until the workbench
# is the default) runs a short `quorum generate` in ${QUORUM_HOME:-~/quorum}, writing a
# default quorum.toml there first when it has none.
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
    echo "quorum generate --count 3 (in $home)" >&2
    exec "$quorum" generate --count 3
fi
exec "$quorum" "$@"
