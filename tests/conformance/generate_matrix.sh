#!/usr/bin/env bash
# Regenerates docs/conformance-matrix.md from the tests in
# tests/conformance/conformance_test.cc (run after adding or renaming one).
set -euo pipefail
cd "$(dirname "$0")/../.."
CONFORMANCE_MATRIX_OUT="$PWD/docs/conformance-matrix.md" \
  bazel run //tests/conformance:conformance_test -- \
  --gtest_filter=MatrixTest.DocumentedTableIsGeneratedFromTheTests
