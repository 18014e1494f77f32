#!/usr/bin/env bash
# Runs every test: sets the machine up, checks the module picture, builds, and runs the XCTest
# suite. A passing run prints the summary; a failing one each failure with its reason.
# Arguments go to `swift test` (`./scripts/test.sh --filter WorkbenchLoopTests`).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/check-modules.sh
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! swift build --build-tests >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
fi
# The end-to-end tests run the embedded engine: install it when it is missing (the first run
# builds llama.cpp's llama-server, about 12 minutes on 2 busy cores; afterwards it is at once).
# Its progress is shown only when it fails.
if ! "$(swift build --show-bin-path)/quorum" engine install >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
fi
# The PostgreSQL tests run against a throwaway cluster (scripts/postgres-cluster.sh), stopped on
# exit; QUORUM_TEST_POSTGRES_REQUIRED makes them fail rather than skip if it is missing.
cluster="$(./scripts/postgres-cluster.sh start)"
eval "$cluster"
trap 'rm -f "$log"; ./scripts/postgres-cluster.sh stop "$QUORUM_TEST_POSTGRES_DIR"' EXIT
export QUORUM_TEST_POSTGRES_REQUIRED=1
# XCTest announces every test and suite; keep the failures, what the tests print, and the
# closing summary of all tests.
swift test --skip-build --disable-swift-testing "$@" 2>&1 | awk '
    /^Test Case .* (started|passed)/ { next }
    /^Test Suite .* started/ { next }
    /^Test Suite .* (passed|failed)/ {
        if ($0 ~ /^Test Suite .(All|Selected) tests./) { print; summary = 1 }
        next
    }
    /^\[[0-9]+\/[0-9]+\] Planning build$/ { next }
    /^[[:space:]]*Executed [0-9]+ tests?/ { if (summary) print; summary = 0; next }
    { print }
'
