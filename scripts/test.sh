#!/usr/bin/env bash
# Runs every test: sets the machine up, builds, and runs the XCTest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build --build-tests
# The end-to-end tests run the embedded engine: install it when it is missing (the first run
# builds llama.cpp, about 8 minutes on 2 cores; afterwards this says "already installed").
"$(swift build --show-bin-path)/quorum" engine install
swift test --skip-build --disable-swift-testing "$@"
