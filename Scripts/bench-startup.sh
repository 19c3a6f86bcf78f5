#!/usr/bin/env bash
# Start-up of `pubgate check` (what a pre-commit hook pays on every commit), counted in
# instructions (valgrind callgrind: counts do not move with the load of a shared machine) beside
# references counted in the same run, so the figures read as ratios, and timed natively.
#   Scripts/bench-startup.sh [SHARED_DIR] [OTHER_PUBGATE]
# Counts, with warm caches (compiled prefilter databases and decoded rules from a first run):
# `check` of one small page of Samples/, `check` of 20 files of Samples/, `rg -c -f patterns.txt`
# on the same 20 files and /bin/true (a process alone). Then the median wall time of 10 native
# runs of `check` on the 20 files (the issue's bar: under 0.3 s). Release build, stripped copy.
# PUBGATE_STARTUP_PROFILE=FILE also keeps the callgrind profile of the one-page check there.
# OTHER_PUBGATE (e.g. a build of the commit before a change) is counted the same way, beside.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
other=${2:-}
for tool in rg:ripgrep valgrind:valgrind; do command -v "${tool%%:*}" >/dev/null || apt-get install -y -qq "${tool##*:}" >/dev/null; done
swift build -c release --product pubgate >/dev/null 2>&1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Valgrind cannot read the Swift debug information: count a stripped copy.
strip -g -o "$work/pubgate" .build/release/pubgate
page=Samples/drafts/2025-notice-summer-hours.txt
mapfile -t files < <(find Samples/drafts Samples/site/content -type f | sort | head -n 20)
check() { "$1" check --rules Rules --as-of 2026-01-01 "${@:2}" >/dev/null 2>&1 || true; }
# The program's own count is the last "Collected" line (a child it forks reports first).
count() {
    { valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$@" || true; } 2>&1 >/dev/null \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | tail -n 1
}
# A prefilter database compiled for this CPU does not load under valgrind, which hides AVX-512:
# the caches counted are filled by a first run under valgrind's null tool.
export PUBGATE_CACHE_DIR="$work/cache-valgrind"
valgrind --tool=none "$work/pubgate" check --rules Rules --as-of 2026-01-01 "${files[@]}" >/dev/null 2>&1 || true
one=$(count "$work/pubgate" check --rules Rules --as-of 2026-01-01 "$page")
[ -n "${PUBGATE_STARTUP_PROFILE:-}" ] && cp "$work/cg.out" "$PUBGATE_STARTUP_PROFILE"
twenty=$(count "$work/pubgate" check --rules Rules --as-of 2026-01-01 "${files[@]}")
rg_count=$(count rg -c -f "$shared/bench/patterns.txt" "${files[@]}")
true_count=$(count /bin/true)
if [ -n "$other" ]; then
    strip -g -o "$work/other" "$other"
    export PUBGATE_CACHE_DIR="$work/cache-other"
    valgrind --tool=none "$work/other" check --rules Rules --as-of 2026-01-01 "${files[@]}" >/dev/null 2>&1 || true
    other_one=$(count "$work/other" check --rules Rules --as-of 2026-01-01 "$page")
    other_twenty=$(count "$work/other" check --rules Rules --as-of 2026-01-01 "${files[@]}")
    printf 'other binary: check of one page %.1f M, of %s files %.1f M instructions (warm caches)\n' \
        "$(python3 -c "print($other_one/1e6)")" "${#files[@]}" "$(python3 -c "print($other_twenty/1e6)")"
fi
# Native times with a cache of their own (databases compiled for this CPU).
export PUBGATE_CACHE_DIR="$work/cache-native"
check "$work/pubgate" "${files[@]}"
python3 - "$work/pubgate" "$one" "$twenty" "$rg_count" "$true_count" "${files[@]}" <<'PY'
import statistics, subprocess, sys, time
binary, files = sys.argv[1], sys.argv[6:]
one, twenty, rg, true = (int(x) for x in sys.argv[2:6])
def timed(cmd):
    runs = []
    for _ in range(10):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)
wall = timed([binary, "check", "--rules", "Rules", "--as-of", "2026-01-01", *files])
print(f"check of one page, warm caches:  {one/1e6:7.1f} M instructions ({one/rg:5.1f}x rg on 20 files, {one/true:6.0f}x /bin/true; aim: under 100 M)")
print(f"check of {len(files)} files, warm caches: {twenty/1e6:7.1f} M instructions ({twenty/rg:5.1f}x rg on the same files)")
print(f"references: rg -c -f patterns.txt on the {len(files)} files {rg/1e6:.1f} M, /bin/true {true/1e6:.2f} M")
print(f"check of {len(files)} files, wall time: median {wall*1000:.0f} ms of 10 runs (aim: under 300 ms)")
PY
