#!/usr/bin/env bash
# Measures the embedded engine with the default ensemble: the time from launching
# `quorum generate` (which starts the engine) to the engine answering and to the first stored
# item, and items per minute over the run. Usage: scripts/engine/measure.sh [COUNT] [QUORUM]
# (default 12 items, the release build); `quorum bench engine --local` measures more, beside
# llama-cpp-python's server. Works in a fresh temporary folder with a data
# directory of its own that links the installed server, venv and model (so no other Quorum process
# can stop its server mid-run); the engine must be installed (`quorum engine install`).
set -euo pipefail
count="${1:-12}"
quorum="${2:-$(cd "$(dirname "$0")/../.." && pwd)/.build/release/quorum}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
installed="$("$quorum" engine status | sed -n 's/^data directory: *//p')"
mkdir -p "$work/engine"
for name in bin venv models install.json; do ln -s "$installed/$name" "$work/engine/$name"; done
(cd "$repo" && "$quorum" init "$work/data" >/dev/null 2>&1)
sed -i 's|^kind = "local"$|kind = "local"\ndata_dir = "../engine"|' "$work/data/quorum.toml"
cd "$work/data"
start=$(date +%s.%N)
"$quorum" generate --count "$count" 2>&1 | while IFS= read -r line; do
    printf '%s %s\n' "$(date +%s.%N)" "$line"
done >"$work/timeline.txt"
python3 - "$start" "$count" "$work/timeline.txt" <<'PY'
import re, sys
start, count, path = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
ready = first = last = None
for line in open(path):
    stamp, _, text = line.partition(" ")
    t = float(stamp) - start
    if "the local engine answers" in text and ready is None:
        ready = t
    m = re.search(r"generate: (\d+)/\d+ items", text)
    if m:
        if first is None:
            first = t
        last = t
    sys.stdout.write("%7.1f s  %s" % (t, text))
print("engine answering after %.1f s; first item after %.1f s; %d items in %.1f s: %.2f items/min"
      % (ready or 0, first or 0, count, last or 0, count / (last / 60) if last else 0))
if ready is not None and first is not None and last is not None and count > 1:
    print("after the first item: %.2f items/min" % ((count - 1) / ((last - first) / 60)))
PY
