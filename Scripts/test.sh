#!/usr/bin/env bash
# Second command of the README (and what CI runs): install system libraries if missing, then run
# the whole test suite (unit tests, rule examples, and end-to-end runs of the built binary).
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh
# The tree stays as swift-format writes it (.swift-format): a formatting slip fails here first.
Scripts/lint.sh
# Every warning of the project's own targets is an error here (Package.swift reads this).
export PUBGATE_WARNINGS_AS_ERRORS=1
swift build --product pubgate
# The man page the package test ships: argument-parser's plugin cannot run while `swift test` holds
# the build folder, so it runs here, on the debug build just made.
swift package --disable-sandbox plugin generate-manual --configuration debug >/dev/null
swift test
