#!/usr/bin/env bash
# Scores a release build on the development set (../shared/eval): each draft batch reviewed as its
# own run and the site swept, all as of 2025-06-30, as ../shared/eval/README.md prescribes; prints
# score.py's lines. Used before and after every change to rules, types or attributes.
#   Scripts/eval.sh [PUBGATE_BIN] [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/pubgate}
shared=${2:-../shared}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for b in main link bulk layout; do
    "$bin" review --as-of 2025-06-30 --out "$out/batch-$b" --quiet "$shared/eval/drafts/batch-$b" >/dev/null || [ $? -eq 1 ]
done
"$bin" sweep "$shared/eval/site" --as-of 2025-06-30 --out "$out/sweep" >/dev/null || [ $? -eq 1 ]
python3 "$shared/eval/score.py" ${EVAL_FLAGS:-} "$out"/batch-*/manifest.json --purge "$out/sweep/purge.json"
