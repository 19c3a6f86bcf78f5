#!/usr/bin/env bash
# Checks that a change left every decision and finding as it was: two pubgate binaries (before and
# after) review the same inputs as of the same date with the same rules, and their outputs must be
# byte-identical: the manifests (and approve/reject lists) of Samples/drafts, of each batch of the
# development set (SHARED_DIR/eval/drafts/*), of the generated benchmark corpus (SIZE, 100M by
# default), and the sweep lists of SHARED_DIR/eval/site (purge, relabel, review; plan.json names
# its run), and the corpus index of that site (its documents' rows, text hashes included) with the
# development batches reviewed against it. Keep the "before" binary by copying .build/release/pubgate
# aside before the change. Exits 1 when any output differs.
#   Scripts/same-manifests.sh BEFORE_BIN [AFTER_BIN] [SIZE] [SHARED_DIR]
#   e.g. cp .build/release/pubgate /tmp/pubgate-before; …change, build…; Scripts/same-manifests.sh /tmp/pubgate-before
set -euo pipefail
cd "$(dirname "$0")/.."
before=$1
after=${2:-.build/release/pubgate}
size=${3:-100M}
shared=${4:-../shared}
corpus=${BENCH_DIR:-/tmp/pubgate-bench-$size}
[ -d "$corpus" ] || python3 "$shared/bench/gen_corpus.py" --out "$corpus" --size "$size" >/dev/null 2>&1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
inputs=("samples=Samples/drafts" "corpus=$corpus")
for batch in "$shared"/eval/drafts/*/; do inputs+=("eval-$(basename "$batch")=$batch"); done
differ=0
for side in before after; do
    bin=$before
    [ "$side" = after ] && bin=$after
    for input in "${inputs[@]}"; do
        "$bin" review "${input#*=}" --as-of 2025-06-30 --rules Rules --quiet --out "$work/$side/${input%%=*}" >/dev/null 2>&1 || true
    done
    "$bin" sweep "$shared/eval/site" --as-of 2025-06-30 --rules Rules --out "$work/$side/sweep" >/dev/null 2>&1 || true
    # The corpus index of the development site, and the development batches reviewed against it:
    # the index's own keys are salted at random, so its documents' rows are compared (text_hash,
    # the body's digest, among them), not the file.
    "$bin" index build "$shared/eval/site" --as-of 2025-06-30 --rules Rules --index "$work/$side/index.sqlite" >/dev/null 2>&1 || true
    mkdir -p "$work/$side/index"
    python3 - "$work/$side/index.sqlite" >"$work/$side/index/documents.tsv" <<'PY' || true
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
columns = [c[1] for c in db.execute("PRAGMA table_info(documents)") if c[1] != "id"]
for row in db.execute(f"SELECT {', '.join(columns)} FROM documents ORDER BY path"):
    print("\t".join("" if v is None else str(v) for v in row))
PY
    for batch in "$shared"/eval/drafts/*/; do
        "$bin" review "$batch" --as-of 2025-06-30 --rules Rules --quiet --index "$work/$side/index.sqlite" \
            --out "$work/$side/indexed-$(basename "$batch")" >/dev/null 2>&1 || true
    done
done
for batch in "$shared"/eval/drafts/*/; do inputs+=("indexed-$(basename "$batch")=$batch"); done
for input in "${inputs[@]}" "sweep=$shared/eval/site" "index=$shared/eval/site"; do
    name=${input%%=*}
    files=$(cd "$work/before/$name" 2>/dev/null && ls manifest.json approve.json reject.json purge.json relabel.json review.json documents.tsv 2>/dev/null || true)
    if [ -z "$files" ]; then
        echo "$name: no output from the before binary"
        differ=1
        continue
    fi
    for f in $files; do
        if cmp -s "$work/before/$name/$f" "$work/after/$name/$f"; then
            echo "$name/$f: identical ($(wc -c <"$work/before/$name/$f") bytes)"
        else
            echo "$name/$f: DIFFERS"
            differ=1
        fi
    done
done
exit $differ
