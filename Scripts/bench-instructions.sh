#!/usr/bin/env bash
# Instruction counts (valgrind callgrind): pubgate review against ripgrep on the same files, and
# optionally against another pubgate binary. Counts do not move with the load of a shared machine
# the way times do, so two commits can be compared one change at a time. They miss what
# instructions do not show (cache misses, SIMD width, page faults): confirm with Scripts/bench.sh.
#   Scripts/bench-instructions.sh [SIZE] [OTHER_PUBGATE] [SHARED_DIR]
#   e.g. Scripts/bench-instructions.sh 100M /tmp/pubgate-before
# OTHER_RULES names the other binary's rule folder when it cannot read this tree's (default Rules).
# Reviews every tenth file of the SIZE corpus (about 10 MB of the 100 MB one), single-threaded
# under valgrind; expect about a minute per binary.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100M}
other=${2:-}
shared=${3:-../shared}
corpus=${BENCH_DIR:-/tmp/pubgate-bench-$size}
subset=/tmp/pubgate-bench-$size-tenth
for tool in rg:ripgrep valgrind:valgrind; do command -v "${tool%%:*}" >/dev/null || apt-get install -y -qq "${tool##*:}" >/dev/null; done
[ -d "$corpus" ] || python3 "$shared/bench/gen_corpus.py" --out "$corpus" --size "$size" >/dev/null 2>&1
if [ ! -d "$subset" ]; then
    mkdir -p "$subset"
    find "$corpus/docs" -type f | sort | awk 'NR % 10 == 0' | while read -r f; do cp "$f" "$subset/"; done
fi
swift build -c release --product pubgate >/dev/null 2>&1
bytes=$(du -sb "$subset" | cut -f1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Valgrind cannot read the Swift debug information: count stripped copies.
# (pubgate exits 1 when it rejects something, as it does here.)
count() {
    { valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$@" || true; } 2>&1 >/dev/null \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
strip -g -o "$work/pubgate" .build/release/pubgate
pg=$(count "$work/pubgate" review "$subset" --out "$work/out" --quiet --rules Rules --as-of 2026-01-01)
rg_count=$(count rg -c -f "$shared/bench/patterns.txt" "$subset")
printf 'subset: %s files, %.1f MB\n' "$(ls "$subset" | wc -l)" "$(python3 -c "print($bytes/1e6)")"
python3 - "$bytes" "$pg" "$rg_count" <<'PY'
import sys
b, pg, rg = (int(x) for x in sys.argv[1:4])
print(f"ripgrep:  {rg/b:8.1f} instructions per byte")
print(f"pubgate:  {pg/b:8.1f} instructions per byte   ({pg/rg:.1f}x ripgrep's count)")
PY
if [ -n "$other" ]; then
    strip -g -o "$work/other" "$other"
    o=$(count "$work/other" review "$subset" --out "$work/out-other" --quiet --rules "${OTHER_RULES:-Rules}" --as-of 2026-01-01)
    python3 - "$bytes" "$o" "$pg" <<'PY'
import sys
b, o, pg = (int(x) for x in sys.argv[1:4])
print(f"other:    {o/b:8.1f} instructions per byte   (this build runs {100*(pg-o)/o:+.1f} % instructions)")
PY
    cmp -s "$work/out/manifest.json" "$work/out-other/manifest.json" && echo "manifests: identical" || echo "manifests: differ"
fi
