#!/usr/bin/env bash
# First command of the README: install system libraries if missing, build pubgate (release),
# check the shipped rules and review Samples/drafts into out/samples.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh
swift build -c release --product pubgate
bin=.build/release/pubgate
"$bin" rules check --rules Rules
set +e
"$bin" review Samples/drafts --out out/samples --as-of 2025-06-30 --rules Rules
status=$?
set -e
echo "pubgate review exited $status (0 all approved, 1 some rejected); manifests in out/samples/"
[ "$status" -le 1 ]
