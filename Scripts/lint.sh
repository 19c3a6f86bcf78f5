#!/usr/bin/env bash
# The formatting check CI is to run: swift-format (shipped with the toolchain) in strict mode with
# the repository's .swift-format (4-space indentation, 150 columns, the tool's default rules), over
# the package manifest, the sources and the tests. Exit 0 when clean.
#
# Not yet called by .ci/run: the tree has not had its formatting pass, and this check would fail
# CI until it has. Once `swift format format --in-place --recursive --parallel Package.swift
# Sources Tests` has run and its result is committed, .ci/run calls this script before
# Scripts/test.sh.
#   Scripts/lint.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift format lint --strict --recursive --parallel Package.swift Sources Tests
