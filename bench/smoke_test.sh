#!/bin/bash
# Runs a benchmark binary for a few iterations of each benchmark: it must
# start, pass its own checks and finish. Figures are not looked at.
set -euo pipefail
binary="$1"
shift
out="$("$binary" --benchmark_min_time=0.0001 --benchmark_repetitions=1 "$@" 2>&1)" || {
  echo "$out"
  echo "FAIL: $binary exited non-zero"
  exit 1
}
echo "$out"
count="$(grep -c '/op=' <<<"$out" || true)"
if [[ "$count" -lt 1 ]]; then
  echo "FAIL: no benchmark ran"
  exit 1
fi
echo "PASS: $count benchmarks ran"
