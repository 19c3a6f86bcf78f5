#!/usr/bin/env bash
# Throughput benchmark: pubgate review (release) against ripgrep on the same generated corpus, in
# the same run, alternating for ROUNDS rounds (3 by default). Prints the median MB/s of both, the
# median of the rounds' ratios, pubgate's peak memory, and a floor: how long libxml2 alone takes to
# parse the corpus's HTML and XML files (SAX, no tree, one process per core), which bounds what any
# review that parses its markup with libxml2 could reach. Figures are ratios: absolute times on
# shared 2-core machines are noise.
#   Scripts/bench.sh [SIZE] [SHARED_DIR]     e.g. Scripts/bench.sh 100M ../shared
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100M}
shared=${2:-../shared}
rounds=${ROUNDS:-3}
corpus=${BENCH_DIR:-/tmp/pubgate-bench-$size}
for tool in rg:ripgrep /usr/bin/time:time xmllint:libxml2-utils; do
    command -v "${tool%%:*}" >/dev/null || apt-get install -y -qq "${tool##*:}" >/dev/null
done
[ -d "$corpus" ] || python3 "$shared/bench/gen_corpus.py" --out "$corpus" --size "$size" >/dev/null 2>&1
swift build -c release --product pubgate >/dev/null
bytes=$(du -sb "$corpus" | cut -f1)
find "$corpus" -type f -exec cat {} + >/dev/null
time_of() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); python3 -c "print($e-$s)"; }
markup() {
    local p; p=$(nproc)
    find "$corpus" -name '*.html' -print0 | xargs -0 -P"$p" -n 200 xmllint --html --sax --noout
    find "$corpus" -name '*.xml' -print0 | xargs -0 -P"$p" -n 200 xmllint --sax --noout
}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
times=()
for _ in $(seq "$rounds"); do
    rg_t=$(time_of rg -c -f "$shared/bench/patterns.txt" "$corpus")
    pg_t=$(time_of /usr/bin/time -f %M -o "$out/rss" .build/release/pubgate review "$corpus" --out "$out/review" --quiet --rules Rules)
    xml_t=$(time_of markup)
    times+=("$rg_t,$pg_t,$xml_t")
done
python3 - "$bytes" "$(tail -n 1 "$out/rss")" "${times[@]}" <<'PY'
import statistics, sys
mb, rss = int(sys.argv[1]) / 1e6, int(sys.argv[2])
rounds = [tuple(map(float, r.split(","))) for r in sys.argv[3:]]
med = lambda xs: statistics.median(xs)
rg, pg, xml = (med([r[i] for r in rounds]) for i in range(3))
print(f"corpus {mb:.0f} MB, {len(rounds)} rounds (medians)")
print(f"ripgrep (default threads, 82 patterns): {mb/rg:8.1f} MB/s")
print(f"pubgate review (shipped rules, full pipeline): {mb/pg:8.1f} MB/s")
print(f"ratio pubgate/ripgrep: {med([r[0]/r[1] for r in rounds]):.3f}   (rounds: {', '.join(f'{r[0]/r[1]:.3f}' for r in rounds)})")
print(f"peak RSS pubgate: {rss/1024:.0f} MB")
print(f"floor: libxml2 parsing the HTML and XML files alone takes {med([r[2]/r[0] for r in rounds]):.2f}x ripgrep's time")
PY
