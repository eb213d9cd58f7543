#!/bin/bash
# Runs every benchmark and rewrites bench/README.md (and bench/scaling.png):
#   bench/run.sh           codec benchmark + gateway end to end (minutes)
#   bench/run.sh --codec   codec benchmark only (gateway figures: last full run)
#   bench/run.sh --ledger  ledger scenarios only (bench/ledger.py); the other
#                          sections are rendered again from bench/results/
# Every run renders every section: what it did not rerun comes from the
# results of the last run that did (bench/results/*.json).
# Needs: Bazel (offline build as ./dev test), wrk and gnuplot (Debian), ghz
# (installed from the Go module proxy on first use), python3; for the ledger
# Debian's postgresql (initdb, postgres, pgbench, psql; tools/setup.sh).
# Environment: BENCH_OUTPUT_BASE (Bazel output base; default: Bazel's own),
# BENCH_DURATION (seconds per fixed-rate/saturation run, default 10),
# BENCH_SCALING_DURATION (seconds per scaling run, default 6),
# BENCH_LEDGER_ARGS (extra bench/ledger.py flags, e.g. "--calls=1000").
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CODEC_ONLY=0
LEDGER_ONLY=0
case "${1:-}" in
  --codec) CODEC_ONLY=1 ;;
  --ledger) LEDGER_ONLY=1 ;;
  "") ;;
  *) echo "usage: bench/run.sh [--codec | --ledger]" >&2; exit 2 ;;
esac

GHZ_VERSION=v0.120.0
BAZEL=(bazel)
[[ -n "${BENCH_OUTPUT_BASE:-}" ]] && BAZEL+=(--output_base="$BENCH_OUTPUT_BASE")
WORK="$(mktemp -d /tmp/payone-bench.XXXXXX)"
COMMANDS="$WORK/commands.txt"
: >"$COMMANDS"
say() { echo "[bench] $*" >&2; }
record() { echo "$*" >>"$COMMANDS"; }

LOAD_BEFORE="$(uptime)"
LEDGER_TARGETS=(//service:payone_gateway //simulator:payone_simulator
  //bench:sqlite_commit_limit //bench/notifications:notification_bench
  //bench:forwarding_floor_server //bench:form_body)
if [[ "$LEDGER_ONLY" == 1 ]]; then
  TARGETS=("${LEDGER_TARGETS[@]}")
elif [[ "$CODEC_ONLY" == 1 ]]; then
  TARGETS=(//bench:codec_benchmark)
else
  TARGETS=(//bench:codec_benchmark "${LEDGER_TARGETS[@]}")
fi
say "building ${TARGETS[*]}"
record "${BAZEL[*]} build --config=opt ${TARGETS[*]}"
"${BAZEL[@]}" build --config=opt --symlink_prefix=/ "${TARGETS[@]}"
BIN="$("${BAZEL[@]}" info --config=opt bazel-bin 2>/dev/null)"
RESULTS=bench/results
mkdir -p "$RESULTS"

install_ghz() {
  GHZ="$(go env GOPATH)/bin/ghz"
  if [[ ! -x "$GHZ" ]]; then
    say "installing ghz $GHZ_VERSION"
    record "go install github.com/bojand/ghz/cmd/ghz@$GHZ_VERSION"
    go install "github.com/bojand/ghz/cmd/ghz@$GHZ_VERSION"
  fi
}

# The ledger scenarios (bench/ledger.py): their commands and machine facts
# go into their own results file and section.
run_ledger() {
  install_ghz
  say "ledger scenarios"
  # shellcheck disable=SC2086
  python3 bench/ledger.py \
    --gateway="$BIN/service/payone_gateway" \
    --simulator="$BIN/simulator/payone_simulator" \
    --sqlite_limit="$BIN/bench/sqlite_commit_limit" \
    --notification_bench="$BIN/bench/notifications/notification_bench" \
    --floor_server="$BIN/bench/forwarding_floor_server" \
    --form_body="$BIN/bench/form_body" \
    --ghz="$GHZ" --request=bench/preauthorization.json --proto_root=proto \
    --bazel_bin="$BIN" --out="$WORK/ledger.json" ${BENCH_LEDGER_ARGS:-}
  cp "$WORK/ledger.json" "$RESULTS/ledger.json"
}

if [[ "$LEDGER_ONLY" == 1 ]]; then
  run_ledger
  # The other sections as the last runs left them: their results, machine
  # facts and commands are not touched, nor is scaling.png.
  REPORT_ARGS=(--codec="$RESULTS/codec.json" --e2e="$RESULTS/e2e.json")
  [[ -f "$RESULTS/e2e_reused" ]] && REPORT_ARGS+=(--e2e_reused)
  say "writing bench/README.md"
  python3 bench/report.py "${REPORT_ARGS[@]}" --ledger="$RESULTS/ledger.json" \
    --machine="$RESULTS/machine.txt" --commands="$RESULTS/commands.txt" \
    --history=bench/history.md --profile_notes=bench/profile.md \
    --out=bench/README.md --png="$WORK/scaling.png" --workdir="$WORK"
  say "done (raw results in $WORK)"
  exit 0
fi

# Several processes: this shared machine's speed changes from one process
# to the next; report.py takes the median over all their repetitions.
CODEC_PROCESSES="${BENCH_CODEC_PROCESSES:-5}"
say "codec benchmark ($CODEC_PROCESSES processes)"
CODEC_ARGS=(--benchmark_repetitions=3 --benchmark_min_time=0.2
  --benchmark_format=json)
record "bazel-bin/bench/codec_benchmark ${CODEC_ARGS[*]}  # $CODEC_PROCESSES times"
for i in $(seq "$CODEC_PROCESSES"); do
  "$BIN/bench/codec_benchmark" "${CODEC_ARGS[@]}" >"$WORK/codec-$i.json"
done
python3 -c 'import json,sys; json.dump({"processes": [json.load(open(f)) for f in sys.argv[2:]]}, open(sys.argv[1], "w"), indent=1)' \
  "$WORK/codec.json" "$WORK"/codec-*.json

# Raw results of the last run are kept in bench/results/; with --codec the
# gateway and ledger figures of the last full (or --ledger) run are reused
# (and the report says so; e2e_reused remembers it for --ledger runs).
cp "$WORK/codec.json" "$RESULTS/codec.json"
E2E_ARGS=()
LEDGER_ARGS=()
if [[ "$CODEC_ONLY" == 1 && -f "$RESULTS/e2e.json" ]]; then
  E2E_ARGS=(--e2e="$RESULTS/e2e.json" --e2e_reused)
  touch "$RESULTS/e2e_reused"
fi
if [[ "$CODEC_ONLY" == 1 && -f "$RESULTS/ledger.json" ]]; then
  LEDGER_ARGS=(--ledger="$RESULTS/ledger.json" --ledger_reused)
fi
if [[ "$CODEC_ONLY" == 0 ]]; then
  install_ghz
  say "gateway end to end"
  python3 bench/e2e.py \
    --gateway="$BIN/service/payone_gateway" \
    --simulator="$BIN/simulator/payone_simulator" \
    --form_body="$BIN/bench/form_body" \
    --ghz="$GHZ" --wrk="$(command -v wrk)" --lua=bench/direct.lua \
    --request=bench/preauthorization.json --proto_root=proto \
    --duration="${BENCH_DURATION:-10}" \
    --scaling_duration="${BENCH_SCALING_DURATION:-6}" \
    --out="$WORK/e2e.json"
  python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["commands"]))' \
    "$WORK/e2e.json" | sed "s#$BIN/#bazel-bin/#g; s#$WORK/#\$WORK/#g; s#$HOME/#~/#g" >>"$COMMANDS"
  cp "$WORK/e2e.json" "$RESULTS/e2e.json"
  rm -f "$RESULTS/e2e_reused"
  E2E_ARGS=(--e2e="$RESULTS/e2e.json")
  run_ledger
  LEDGER_ARGS=(--ledger="$RESULTS/ledger.json")
fi

{
  echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit:   $(git rev-parse --short HEAD) ($(git log -1 --format=%s | cut -c1-70))"
  echo "cpu:      $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "memory:   $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel:   $(uname -r)"
  echo "load before: ${LOAD_BEFORE#*load average: }"
  echo "load after:  $(uptime | sed 's/.*load average: //')"
  echo "tools:    $(wrk --version 2>&1 | head -1 | cut -c1-40); ghz $GHZ_VERSION; $(gnuplot --version 2>/dev/null || echo 'no gnuplot')"
} >"$WORK/machine.txt"

cp "$WORK/machine.txt" "$COMMANDS" "$RESULTS/"
say "writing bench/README.md"
python3 bench/report.py --codec="$WORK/codec.json" "${E2E_ARGS[@]}" \
  "${LEDGER_ARGS[@]}" \
  --machine="$WORK/machine.txt" --commands="$COMMANDS" \
  --history=bench/history.md --profile_notes=bench/profile.md \
  --out=bench/README.md \
  --png=bench/scaling.png --workdir="$WORK"
say "done (raw results in $WORK)"
