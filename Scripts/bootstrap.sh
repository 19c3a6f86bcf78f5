#!/usr/bin/env bash
# First command of the README: install system libraries if missing, build pubgate (release),
# check the shipped rules, review Samples/drafts into out/samples, and sweep the sample site
# (a dry run with its archive) into out/sweep.
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
set +e
"$bin" sweep Samples/site --out out/sweep --as-of 2025-06-30 --archive --rules Rules
status=$?
set -e
echo "pubgate sweep exited $status (0 nothing due, 1 something due); plan.json, purge.json, relabel.json, review.json and the archive in out/sweep/"
[ "$status" -le 1 ]
