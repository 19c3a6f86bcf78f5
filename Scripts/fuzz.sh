#!/usr/bin/env bash
# The long fuzz run: seeded mutants of the samples, the ingest fixtures and clean documents in every
# format (ZIP packages, XML, HTML, Markdown front matter, GB18030/UTF-16 text, PDF) reviewed by the
# release binary in batches. Prints how many crashed it, took a document over 10 s, or were approved
# although an independent reader (Scripts/fuzz_oracle.py) finds them damaged; all must be 0.
#   Scripts/fuzz.sh [MUTANTS=1000] [SEED=20251207]     failing mutants are kept in out/fuzz-failures
set -euo pipefail
cd "$(dirname "$0")/.."
mutants=${1:-1000}
seed=${2:-20251207}
swift build -c release --product pubgate >/dev/null 2>&1
swift build --build-tests >/dev/null 2>&1
rm -rf out/fuzz-failures
PUBGATE_FUZZ_MUTANTS=$mutants PUBGATE_FUZZ_SEED=$seed PUBGATE_FUZZ_BINARY=.build/release/pubgate \
  PUBGATE_FUZZ_KEEP="$PWD/out/fuzz-failures" swift test --skip-build --filter FuzzTests 2>&1 \
  | grep -E '^fuzz:|✘|UNREAD|^m[0-9]+\.' || true
[ ! -d out/fuzz-failures ]
