#!/usr/bin/env bash
# Throughput benchmark: pubgate review (release) against ripgrep on the same generated corpus, in
# the same run. Prints MB/s for both, the ratio, and pubgate's peak memory. Figures are ratios:
# absolute times on shared 2-core machines are noise.
#   Scripts/bench.sh [SIZE] [SHARED_DIR]     e.g. Scripts/bench.sh 100M ../shared
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100M}
shared=${2:-../shared}
corpus=${BENCH_DIR:-/tmp/pubgate-bench-$size}
for tool in rg:ripgrep /usr/bin/time:time; do command -v "${tool%%:*}" >/dev/null || apt-get install -y -qq "${tool##*:}" >/dev/null; done
[ -d "$corpus" ] || python3 "$shared/bench/gen_corpus.py" --out "$corpus" --size "$size" >/dev/null 2>&1
swift build -c release --product pubgate >/dev/null
bytes=$(du -sb "$corpus" | cut -f1)
mb=$(python3 -c "print($bytes/1e6)")
find "$corpus" -type f -exec cat {} + >/dev/null
time_of() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); python3 -c "print($e-$s)"; }
rg_t=$(time_of rg -c -f "$shared/bench/patterns.txt" "$corpus")
pg_t=$(time_of /usr/bin/time -f %M -o /tmp/pubgate-bench-rss .build/release/pubgate review "$corpus" --out /tmp/pubgate-bench-out --quiet --rules Rules)
rss=$(tail -n 1 /tmp/pubgate-bench-rss)
python3 - "$mb" "$rg_t" "$pg_t" "$rss" <<'PY'
import sys
mb, rg, pg, rss = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print(f"corpus {mb:.0f} MB")
print(f"ripgrep (default threads, 82 patterns): {mb/rg:8.1f} MB/s")
print(f"pubgate review (shipped rules, full pipeline): {mb/pg:8.1f} MB/s")
print(f"ratio pubgate/ripgrep: {rg/pg:.3f}   peak RSS pubgate: {rss/1024:.0f} MB")
PY
