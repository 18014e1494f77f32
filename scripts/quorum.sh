#!/usr/bin/env bash
# The main job: sets the machine up, builds Quorum (release) and runs it.
# With no arguments it shows the consensus over the example candidate sets.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build -c release --product quorum >&2
quorum=.build/release/quorum
if (($# == 0)); then
    echo "quorum consensus examples/candidates.jsonl" >&2
    exec "$quorum" consensus examples/candidates.jsonl
fi
exec "$quorum" "$@"
