#!/usr/bin/env bash
# Runs every test: sets the machine up, builds, and runs the XCTest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build --build-tests
swift test --skip-build --disable-swift-testing "$@"
