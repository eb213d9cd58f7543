#!/bin/bash
# Runs bench/ledger.py --smoke (a few calls and fractions of a second per
# scenario, about 20 s) so that the ledger benchmark cannot rot: every
# scenario must start, answer without errors and store every notification.
# Arguments after the sixth go to bench/ledger.py (forwarding_floor_smoke_test:
# only the no-ledger scenario, with the forwarding floor's server).
# Loopback only. ghz comes from outside Bazel (bench/run.sh installs it with
# go install); without it the test says SKIP and passes.
set -euo pipefail
gateway="$1" simulator="$2" sqlite_limit="$3" notification_bench="$4"
ledger_py="$5" request="$6"
shift 6
ghz="${GHZ:-}"
for candidate in "$ghz" "${HOME:-/nonexistent}/go/bin/ghz" \
  "$(command -v ghz || true)"; do
  if [[ -n "$candidate" && -x "$candidate" ]]; then
    ghz="$candidate"
    break
  fi
  ghz=""
done
if [[ -z "$ghz" ]]; then
  echo "SKIP: no ghz (bench/run.sh installs it into \$(go env GOPATH)/bin)"
  exit 0
fi
out="${TEST_TMPDIR:-/tmp}/ledger_smoke.json"
python3 "$ledger_py" --smoke --gateway="$gateway" --simulator="$simulator" \
  --sqlite_limit="$sqlite_limit" --notification_bench="$notification_bench" \
  --ghz="$ghz" --request="$request" --out="$out" "$@"
