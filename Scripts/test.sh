#!/usr/bin/env bash
# Second command of the README (and what CI runs): install system libraries if missing, then run
# the whole test suite (unit tests, rule examples, and end-to-end runs of the built binary).
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh
swift build --product pubgate
swift test
