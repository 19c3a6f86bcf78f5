#!/usr/bin/env bash
# The formatting check CI runs: swift-format (shipped with the toolchain) in strict mode with
# the repository's .swift-format (4-space indentation, 150 columns, the tool's default rules), over
# the package manifest, the sources and the tests. Exit 0 when clean.
#
# Scripts/test.sh (and so .ci/run) calls it first; `swift format format --in-place --recursive
# --parallel Package.swift Sources Tests` writes the tree this way.
#   Scripts/lint.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift format lint --strict --recursive --parallel Package.swift Sources Tests
