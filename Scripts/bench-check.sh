#!/usr/bin/env bash
# Pre-commit gate benchmark: `pubgate check --staged` (release build, start-up included) on a
# throwaway repository with a 20-file commit of generated pages, timed over 10 runs; prints the
# median and the slowest, and `git diff --cached --name-only` on the same repository as a floor.
#   Scripts/bench-check.sh [FILES] [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-20}
shared=${2:-../shared}
swift build -c release --product pubgate >/dev/null
bin="$PWD/.build/release/pubgate"
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
python3 "$shared/bench/gen_corpus.py" --out "$repo/gen" --docs "$files" --size "$((files * 4))K" --seed 3 >/dev/null 2>&1
mkdir -p "$repo/site/content"
find "$repo/gen/docs" -type f | head -n "$files" | while read -r f; do cp "$f" "$repo/site/content/"; done
rm -rf "$repo/gen"
cd "$repo/site"
git init -q && git add -A
python3 - "$bin" <<'PY'
import subprocess, sys, time, statistics
def timed(cmd):
    runs = []
    for _ in range(10):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs), max(runs)
m, worst = timed([sys.argv[1], "check", "--staged", "--as-of", "2025-06-30"])
g, _ = timed(["git", "diff", "--cached", "--name-only"])
print(f"pubgate check --staged, 20-file commit: median {m*1000:.0f} ms, slowest {worst*1000:.0f} ms (git diff --cached alone: {g*1000:.0f} ms)")
PY
