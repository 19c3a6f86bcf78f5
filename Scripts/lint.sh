#!/usr/bin/env bash
# The formatting check CI runs: swift-format (shipped with the toolchain) in strict mode with
# the repository's .swift-format (4-space indentation, 150 columns, the tool's default rules), over
# the package manifest, the sources and the tests; and no merge-conflict marker left in any file
# git tracks (one sat in README.md for a session). Exit 0 when clean.
#
# Scripts/test.sh (and so .ci/run) calls it first; `swift format format --in-place --recursive
# --parallel Package.swift Sources Tests` writes the tree this way.
#   Scripts/lint.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if markers=$(git grep -nE '^(<<<<<<<|>>>>>>>) ' -- . ':!*.patch' 2>/dev/null); then
    echo "merge-conflict markers left in:" >&2
    echo "$markers" >&2
    exit 1
fi
exec swift format lint --strict --recursive --parallel Package.swift Sources Tests
