#!/usr/bin/env bash
# Aggregate-stage benchmark (issue "Aggregate stage" §5): a batch of 1,000 generated documents
# reviewed against a corpus index of 100,000 generated documents. Prints the index build time and
# peak memory, the review's wall time and peak memory, and the aggregate stage's share of the
# review: profile building (summed over workers, divided by their number) plus the stage itself
# (index query and checks), from PUBGATE_TIMINGS. Each figure is set against a reference from the
# same run: the index build against `rg -c -f patterns.txt` over the same corpus, the review with
# the index against the same review without it.
#   Scripts/bench-aggregate.sh [CORPUS_DOCS] [BATCH_DOCS] [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus_docs=${1:-100000}
batch_docs=${2:-1000}
shared=${3:-../shared}
work=${BENCH_DIR:-/tmp/pubgate-bench-aggregate}
mkdir -p "$work"
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
command -v rg >/dev/null || apt-get install -y -qq ripgrep >/dev/null
swift build -c release --product pubgate >/dev/null
bin=.build/release/pubgate
corpus="$work/corpus-$corpus_docs"
batch="$work/batch-$batch_docs"
[ -d "$corpus" ] || python3 "$shared/bench/gen_corpus.py" --out "$corpus" --docs "$corpus_docs" --size "$((corpus_docs * 2))K" --seed 7 >/dev/null
[ -d "$batch" ] || python3 "$shared/bench/gen_corpus.py" --out "$batch" --docs "$batch_docs" --size "$((batch_docs * 4))K" --seed 11 >/dev/null
index="$work/index-$corpus_docs.sqlite"
if [ ! -f "$index" ]; then
  start=$(date +%s.%N)
  /usr/bin/time -f %M -o "$work/index.rss" "$bin" index build "$corpus/docs" --index "$index" --as-of 2025-06-30 --rules Rules >/dev/null
  end=$(date +%s.%N)
  rs=$(date +%s.%N); rg -c -f "$shared/bench/patterns.txt" "$corpus/docs" >/dev/null || true; re=$(date +%s.%N)
  python3 -c "b=$(du -sb "$corpus/docs" | cut -f1); print(f'index build: {$corpus_docs} documents, {b/1e6/($end-$start):.1f} MB/s vs ripgrep {b/1e6/($re-$rs):.1f} MB/s on the same corpus: ratio {($re-$rs)/($end-$start):.3f}; peak RSS {int(open(\"$work/index.rss\").read().split()[-1])/1024:.0f} MB, file {__import__(\"os\").path.getsize(\"$index\")/1e6:.0f} MB')"
fi
run() {
  PUBGATE_TIMINGS=1 /usr/bin/time -f %M -o "$work/review.rss" "$bin" review "$batch/docs" --out "$work/out" --quiet --as-of 2025-06-30 --rules Rules "$@" 2>"$work/review.err" || true
  grep '^timing:.* wall=' "$work/review.err" | tail -1
}
with_index=$(run --index "$index")
rss=$(tail -n 1 "$work/review.rss")
without_index=$(run)
python3 - "$with_index" "$without_index" "$rss" <<'PY'
import sys
def parse(line):
    return {k: float(v) for k, v in (p.split("=") for p in line.split()[1:])}
w, wo, rss = parse(sys.argv[1]), parse(sys.argv[2]), int(sys.argv[3])
def share(t):
    agg = t.get("profiles", 0) / t["workers"] + t.get("aggregate", 0)
    return agg, agg / t["wall"]
a, s = share(w)
a0, s0 = share(wo)
print(f"review of the batch with the index:    wall {w['wall']:.2f} s, aggregate {a:.2f} s = {100*s:.1f} % of the review (index query and checks {w.get('aggregate',0):.3f} s); peak RSS {rss/1024:.0f} MB")
print(f"review of the batch without an index:  wall {wo['wall']:.2f} s, aggregate {a0:.2f} s = {100*s0:.1f} %")
print(f"ratio review with index / without: {w['wall']/wo['wall']:.2f}")
PY
