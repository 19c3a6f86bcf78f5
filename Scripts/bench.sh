#!/usr/bin/env bash
# Throughput benchmark: pubgate review (release) against ripgrep on the same generated corpus, in
# the same run, alternating for ROUNDS rounds (3 by default). Prints the median MB/s of both, the
# median of the rounds' ratios, pubgate's peak memory, where pubgate's time went (its stage timers,
# PUBGATE_TIMINGS=1: CPU seconds summed over workers), and the markup floor: libxml2 alone doing
# what pubgate asks of it on the corpus's HTML and XML files (Scripts/markup-floor.c, built here:
# the HTML parser for HTML, one process per core), which bounds what any review that parses its
# markup with libxml2 could reach. Then the same on the 1 GB corpus (generated once, ~1 GB in
# /tmp; about five minutes more; --no-1g leaves it out) and the ratio of the two ratios (cost
# linear in the corpus when near 1). Figures are ratios: absolute times on shared 2-core machines
# are noise. Per-stage instruction counts, which the load does not move: Scripts/bench-instructions.sh.
#   Scripts/bench.sh [--no-1g] [SIZE] [SHARED_DIR]     e.g. Scripts/bench.sh 100M ../shared
# ROUNDS (3), ROUNDS_1G (as ROUNDS), BENCH_DIR and BENCH_DIR_1G (the corpora's folders) adjust it.
set -euo pipefail
cd "$(dirname "$0")/.."
large=1G
if [ "${1:-}" = "--no-1g" ]; then large=; shift; fi
size=${1:-100M}
shared=${2:-../shared}
rounds=${ROUNDS:-3}
for tool in rg:ripgrep /usr/bin/time:time cc:gcc pkg-config:pkg-config; do
    command -v "${tool%%:*}" >/dev/null || apt-get install -y -qq "${tool##*:}" >/dev/null
done
swift build -c release --product pubgate >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# shellcheck disable=SC2046
cc -O2 -o "$out/markup-floor" Scripts/markup-floor.c $(pkg-config --cflags --libs libxml-2.0)

time_of() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); python3 -c "print($e-$s)"; }
floor() {
    find "$1" \( -name '*.html' -o -name '*.htm' -o -name '*.xml' \) -print0 | xargs -0 -P"$(nproc)" -n 200 "$out/markup-floor"
}
review() {
    PUBGATE_TIMINGS=1 /usr/bin/time -f %M -o "$out/rss" .build/release/pubgate review "$1" --out "$out/review" --quiet --rules Rules 2>"$out/timing" || true
}

# One corpus: ROUNDS alternating rounds of ripgrep, pubgate and the floor; prints the table and
# leaves the median ratio in $out/ratio.
bench() {
    local size=$1 corpus=$2
    [ -d "$corpus" ] || python3 "$shared/bench/gen_corpus.py" --out "$corpus" --size "$size" >/dev/null 2>&1
    local bytes times=() timings=()
    bytes=$(du -sb "$corpus" | cut -f1)
    find "$corpus" -type f -exec cat {} + >/dev/null
    for _ in $(seq "$rounds"); do
        rg_t=$(time_of rg -c -f "$shared/bench/patterns.txt" "$corpus")
        pg_t=$(time_of review "$corpus")
        timings+=("$(grep -h '^timing:' "$out/timing" | tr '\n' ' ')")
        fl_t=$(time_of floor "$corpus")
        times+=("$rg_t,$pg_t,$fl_t")
    done
    python3 - "$bytes" "$(tail -n 1 "$out/rss")" "$out/ratio" "${#times[@]}" "${times[@]}" "${timings[@]}" <<'PY'
import statistics, sys
mb, rss, ratio_file, n = int(sys.argv[1]) / 1e6, int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
rounds = [tuple(map(float, r.split(","))) for r in sys.argv[5:5 + n]]
timings = [dict(p.split("=", 1) for p in t.split() if "=" in p) for t in sys.argv[5 + n:]]
med = statistics.median
rg, pg, fl = (med([r[i] for r in rounds]) for i in range(3))
ratio = med([r[0] / r[1] for r in rounds])
open(ratio_file, "w").write(f"{ratio}\n")
print(f"corpus {mb:.0f} MB, {len(rounds)} rounds (medians)")
print(f"ripgrep (default threads, 82 patterns):        {mb/rg:8.1f} MB/s")
print(f"pubgate review (shipped rules, full pipeline): {mb/pg:8.1f} MB/s")
print(f"ratio pubgate/ripgrep: {ratio:.3f}   (rounds: {', '.join(f'{r[0]/r[1]:.3f}' for r in rounds)})")
print(f"peak RSS pubgate: {rss/1024:.0f} MB")
print(f"floor: libxml2 alone on the HTML and XML files takes {med([r[2]/r[0] for r in rounds]):.2f}x ripgrep's time"
      f" ({med([r[2]/r[1] for r in rounds]):.2f}x pubgate's)")
# Stage timers: per-document stages are CPU seconds summed over the workers; batch, aggregate and
# reports are wall seconds on the main thread; the rest of the process (loading the rules, start-up)
# is what the process took beyond them.
per_doc = ["ingest", "classify", "scan", "profiles", "suppressions", "store"]
def value(t, k):
    return float(t.get(k, "0"))
rows = {k: med([value(t, k) for t in timings]) for k in per_doc}
rows["document glue"] = med([value(t, "documents") - sum(value(t, k) for k in per_doc if k != "store") for t in timings])
workers = med([value(t, "workers") or 1 for t in timings])
for k in ["aggregate", "batch", "reports"]:
    rows[k + " (wall)"] = med([value(t, k) for t in timings])
rows["start-up, exit (wall)"] = med([r[1] for r in rounds]) - med([value(t, "wall") + value(t, "reports") for t in timings])
cpu = sum(v for k, v in rows.items() if "(wall)" not in k) / workers + sum(v for k, v in rows.items() if "(wall)" in k)
print(f"where pubgate's time went (stage timers, {workers:.0f} workers; per-document stages as CPU s / workers):")
for k, v in rows.items():
    share = (v if "(wall)" in k else v / workers) / cpu if cpu else 0
    print(f"  {k:24s} {v:7.3f} s  {share*100:5.1f} %  {v/mb*1e3:6.2f} ms/MB")
PY
}

bench "$size" "${BENCH_DIR:-/tmp/pubgate-bench-$size}"
small=$(cat "$out/ratio")
if [ -n "$large" ] && [ "$large" != "$size" ]; then
    echo
    rounds=${ROUNDS_1G:-$rounds} bench "$large" "${BENCH_DIR_1G:-/tmp/pubgate-bench-$large}"
    python3 -c "s, l = $small, $(cat "$out/ratio"); print(f'ratio at $large / ratio at $size: {l/s:.2f} (linear cost: 1.00; the aim: within 20 %)')"
fi
