#!/usr/bin/env bash
# Pre-commit gate benchmark: `pubgate check --staged` (release build, start-up included) on a
# throwaway repository with a 20-file commit of generated pages, timed over 10 runs, side by side
# with `rg -c -f patterns.txt` over the same 20 files (the reference) and `git diff --cached` (a
# process floor); prints medians and the ratio to ripgrep.
#   Scripts/bench-check.sh [FILES] [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-20}
shared=${2:-../shared}
patterns="$(cd "$shared" && pwd)/bench/patterns.txt"
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
command -v rg >/dev/null || apt-get install -y -qq ripgrep >/dev/null
python3 - "$bin" "$patterns" <<'PY'
import subprocess, sys, time, statistics
def timed(cmd):
    runs = []
    for _ in range(10):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs), max(runs)
m, worst = timed([sys.argv[1], "check", "--staged", "--as-of", "2025-06-30"])
r, _ = timed(["rg", "-c", "-f", sys.argv[2], "content"])
g, _ = timed(["git", "diff", "--cached", "--name-only"])
print(f"pubgate check --staged, 20-file commit: median {m*1000:.0f} ms, slowest {worst*1000:.0f} ms")
print(f"rg -c -f patterns.txt on the same files: median {r*1000:.0f} ms; git diff --cached: {g*1000:.0f} ms")
print(f"ratio pubgate/ripgrep (time): {m/r:.1f}x")
PY
