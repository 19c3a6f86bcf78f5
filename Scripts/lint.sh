#!/usr/bin/env bash
# The formatting check CI runs: swift-format (shipped with the toolchain) in strict mode with
# the repository's .swift-format (4-space indentation, 150 columns, the tool's default rules), over
# the package manifest, the sources and the tests; and no merge-conflict marker left in any file
# git tracks (one sat in README.md for a session); and no unsafe Swift (`unsafe`, pointer types,
# `@unchecked`, `@exclusivity`) outside the `*Kit` targets, tests included: the house rule, which
# the compiler's strict memory safety only warns about. Exit 0 when clean.
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
if unsafe=$(grep -rlE '\bunsafe\b|Unsafe|@unchecked|@exclusivity' Sources Tests --include=*.swift | grep -vE '^Sources/[A-Za-z0-9]+Kit/'); then
    echo "unsafe Swift outside the *Kit targets:" >&2
    echo "$unsafe" >&2
    exit 1
fi
exec swift format lint --strict --recursive --parallel Package.swift Sources Tests
