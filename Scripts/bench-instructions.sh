#!/usr/bin/env bash
# Instruction counts (valgrind callgrind): pubgate review against ripgrep on the same files, and
# optionally against another pubgate binary. Counts do not move with the load of a shared machine
# the way times do, so two commits can be compared one change at a time. They miss what
# instructions do not show (cache misses, SIMD width, page faults): confirm with Scripts/bench.sh.
#   Scripts/bench-instructions.sh [SIZE] [OTHER_PUBGATE] [SHARED_DIR]
#   e.g. Scripts/bench-instructions.sh 100M /tmp/pubgate-before
# OTHER_RULES names the other binary's rule folder when it cannot read this tree's (default Rules).
# Reviews every tenth file of the SIZE corpus (about 10 MB of the 100 MB one), single-threaded
# under valgrind; expect about a minute per binary. Prints pubgate's count per stage and the markup
# floor's (Scripts/markup-floor.c) beside libxml2's own count inside pubgate, and the scan floor's
# (Scripts/scan-floor.c) beside the scan stage's.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100M}
other=${2:-}
shared=${3:-../shared}
corpus=${BENCH_DIR:-/tmp/pubgate-bench-$size}
subset=${BENCH_SUBSET:-/tmp/pubgate-bench-$size-tenth}
for tool in rg:ripgrep valgrind:valgrind cc:gcc pkg-config:pkg-config; do command -v "${tool%%:*}" >/dev/null || apt-get install -y -qq "${tool##*:}" >/dev/null; done
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
# A child the program forks (git, run through swift-subprocess) reports its own count first: the
# program's is the last.
count() {
    local options=()
    while [[ ${1:-} == --* ]]; do options+=("$1"); shift; done
    { valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "${options[@]}" "$@" || true; } 2>&1 >/dev/null \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | tail -n 1
}
strip -g -o "$work/pubgate" .build/release/pubgate
# A prefilter database compiled for this CPU does not load under valgrind, which hides AVX-512:
# each binary first runs once under valgrind's null tool with a cache of this run's own, so the
# counts below load their databases instead of compiling them (0.4 s natively, billions of
# instructions counted).
export PUBGATE_CACHE_DIR="$work/cache"
warm() { valgrind --tool=none "$1" review "$(find "$subset" -type f | head -n 1)" --out "$work/warm" --quiet --rules "$2" >/dev/null 2>&1 || true; }
warm "$work/pubgate" Rules
pg=$(count "$work/pubgate" review "$subset" --out "$work/out" --quiet --rules Rules --as-of 2026-01-01)
cp "$work/cg.out" "$work/pubgate.cg"
# `pubgate check` of one page with warm caches (the compiled databases and the decoded rules from
# the run above): start-up, which a pre-commit hook pays on every commit.
check_count=$(count "$work/pubgate" check --rules Rules --as-of 2026-01-01 "$(find "$subset" -type f | sort | head -n 1)")
rg_count=$(count rg -c -f "$shared/bench/patterns.txt" "$subset")
# The markup floor (Scripts/markup-floor.c: libxml2 alone, as pubgate calls it) on the same files.
# shellcheck disable=SC2046
cc -O2 -o "$work/markup-floor" Scripts/markup-floor.c $(pkg-config --cflags --libs libxml-2.0)
floor_count=$(count "$work/markup-floor" $(find "$subset" -name '*.html' -o -name '*.xml' | sort))
# The scan floor (Scripts/scan-floor.c: Vectorscan and PCRE2 doing what the scan asks of them,
# nothing else) over the texts pubgate's scan stage saw, as it saw them (PUBGATE_SCAN_CORPUS), with
# its rules, databases and confirmation windows; the layout of everything in one database is
# counted too. Databases are compiled under valgrind's null tool (the CPU valgrind shows), not counted.
# shellcheck disable=SC2046
cc -O2 -o "$work/scan-floor" Scripts/scan-floor.c $(pkg-config --cflags --libs libhs libpcre2-8)
PUBGATE_SCAN_CORPUS="$work/scan" "$work/pubgate" review "$subset" --out "$work/out-scan" --quiet --rules Rules --as-of 2026-01-01 >/dev/null 2>&1 || true
floor_of() {
    valgrind --tool=none "$work/scan-floor" compile "$1" "$work/scan/rules.tsv" "$work/scan-$1" >/dev/null 2>&1
    count --toggle-collect=measure "$work/scan-floor" run "$1" "$work/scan/rules.tsv" "$work/scan-$1" $(find "$work/scan" -name '*.txt' | sort)
}
scan_floor=$(floor_of ascii)
scan_floor_one=$(floor_of one)
markup_bytes=$(find "$subset" \( -name '*.html' -o -name '*.xml' \) -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
printf 'subset: %s files, %.1f MB\n' "$(ls "$subset" | wc -l)" "$(python3 -c "print($bytes/1e6)")"
python3 - "$bytes" "$pg" "$rg_count" "$check_count" <<'PY'
import sys
b, pg, rg, check = (int(x) for x in sys.argv[1:5])
print(f"ripgrep:  {rg/b:8.1f} instructions per byte")
print(f"pubgate:  {pg/b:8.1f} instructions per byte   ({pg/rg:.1f}x ripgrep's count)")
print(f"check of one page, warm caches: {check/1e6:.0f} M instructions (aim: under 100 M)")
PY
# Per stage: inclusive counts of each stage's entry point; libxml2's own instructions (its shared
# object's self cost) against the Swift around it in the markup extractors. Valgrind hides SHA-NI
# and AVX-512 from the program, so the SHA-256 share (and Vectorscan's) is larger here than on the
# machine itself: set these counts against each other and against the floors, not against time.
# (--threshold=100: every function, or the small stages fall under the listing's cut.)
callgrind_annotate --inclusive=yes --threshold=100 "$work/pubgate.cg" 2>/dev/null | swift demangle --simplified >"$work/inclusive.txt"
callgrind_annotate "$work/pubgate.cg" 2>/dev/null >"$work/self.txt"
python3 - "$bytes" "$pg" "$floor_count" "$markup_bytes" "$scan_floor" "$scan_floor_one" "$work/inclusive.txt" "$work/self.txt" <<'PY'
import re, sys
b, pg, floor, markup, scan_floor, scan_floor_one = (int(x) for x in sys.argv[1:7])
inclusive, own = open(sys.argv[7]).read().splitlines(), open(sys.argv[8]).read().splitlines()
def ir(line): return int(line.split()[0].replace(",", ""))
def count(name):
    pattern = re.compile(r"\?\?\?:(specialized )?(static )?" + re.escape(name) + r"(<[^>]*>)?\(")
    return sum(ir(l) for l in inclusive if pattern.search(l))
libxml = sum(ir(l) for l in own if "/libxml2.so" in l)
stages = [("start-up (rules, settings)", count("ReviewConfiguration.load")), ("ingest", count("IngestStage.run")),
          ("classify", count("Classifier.classify")), ("scan", count("Scanner.scan") + count("RuleScanner.scan")), ("profiles", count("DocumentProfile.init")),
          # The store is the reviews' encoding (inlined into the workers' loop, so counted by the
          # encoder itself) and their digests; the batch, reviews read back (decoded) or merged.
          ("store (review to JSON)", count("PrettyJSONEncoder.encode") + count("DocumentDigest.init")),
          ("batch (reviews read back)", count("ReviewStore.load") + count("ReviewStore.adding"))]
markup_calls = count("HTMLExtractor.extract") + count("XMLExtractor.extract")
print(f"per stage (instructions per corpus byte; share of pubgate's count):")
for name, n in stages:
    print(f"  {name:28s} {n/b:7.1f}  {100*n/pg:5.1f} %")
print(f"  {'the rest':28s} {(pg-sum(n for _, n in stages))/b:7.1f}  {100*(pg-sum(n for _, n in stages))/pg:5.1f} %")
print(f"markup ({markup/1e6:.1f} MB of HTML and XML): libxml2 inside pubgate {libxml/markup:.1f} instructions per markup byte,"
      f" the floor harness {floor/markup:.1f} ({libxml/floor:.2f}x)")
scan = dict(stages)["scan"]
whole = count("ScanPass.confirmWholeDocument")
print(f"scan: {scan/b:.1f} per corpus byte; the floor harness (Scripts/scan-floor.c: Vectorscan and PCRE2 alone, same texts,"
      f" rules, databases and windows) {scan_floor/b:.1f}, {scan/scan_floor:.2f}x (aim: under 1.5x);"
      f" every rule in one database {scan_floor_one/b:.1f}")
print(f"  rules confirmed over the whole document (needs_whole_document): {whole/b:.2f} per corpus byte")
print(f"Swift around libxml2 in the extractors: {(markup_calls-libxml)/markup:.1f} per markup byte,"
      f" {(markup_calls-libxml)/libxml:.2f}x the parser's own instructions (aim: under 0.5x)")
PY
if [ -n "$other" ]; then
    strip -g -o "$work/other" "$other"
    warm "$work/other" "${OTHER_RULES:-Rules}"
    o=$(count "$work/other" review "$subset" --out "$work/out-other" --quiet --rules "${OTHER_RULES:-Rules}" --as-of 2026-01-01)
    python3 - "$bytes" "$o" "$pg" <<'PY'
import sys
b, o, pg = (int(x) for x in sys.argv[1:4])
print(f"other:    {o/b:8.1f} instructions per byte   (this build runs {100*(pg-o)/o:+.1f} % instructions)")
PY
    cmp -s "$work/out/manifest.json" "$work/out-other/manifest.json" && echo "manifests: identical" || echo "manifests: differ"
fi
