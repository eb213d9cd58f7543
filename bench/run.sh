#!/bin/bash
# Runs every benchmark and rewrites bench/README.md (and bench/scaling.png):
#   bench/run.sh           codec benchmark + gateway end to end (minutes)
#   bench/run.sh --codec   codec benchmark only (gateway figures: last full run)
# Needs: Bazel (offline build as ./dev test), wrk and gnuplot (Debian), ghz
# (installed from the Go module proxy on first use), python3.
# Environment: BENCH_OUTPUT_BASE (Bazel output base; default: Bazel's own),
# BENCH_DURATION (seconds per fixed-rate/saturation run, default 10),
# BENCH_SCALING_DURATION (seconds per scaling run, default 6).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CODEC_ONLY=0
[[ "${1:-}" == "--codec" ]] && CODEC_ONLY=1

GHZ_VERSION=v0.120.0
BAZEL=(bazel)
[[ -n "${BENCH_OUTPUT_BASE:-}" ]] && BAZEL+=(--output_base="$BENCH_OUTPUT_BASE")
WORK="$(mktemp -d /tmp/payone-bench.XXXXXX)"
COMMANDS="$WORK/commands.txt"
: >"$COMMANDS"
say() { echo "[bench] $*" >&2; }
record() { echo "$*" >>"$COMMANDS"; }

LOAD_BEFORE="$(uptime)"
TARGETS=(//bench:codec_benchmark //bench:form_body //service:payone_gateway
  //simulator:payone_simulator)
say "building ${TARGETS[*]}"
record "${BAZEL[*]} build -c opt ${TARGETS[*]}"
"${BAZEL[@]}" build -c opt --symlink_prefix=/ "${TARGETS[@]}"
BIN="$("${BAZEL[@]}" info -c opt bazel-bin 2>/dev/null)"

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
# gateway figures of the last full run are reused (and the report says so).
RESULTS=bench/results
mkdir -p "$RESULTS"
cp "$WORK/codec.json" "$RESULTS/codec.json"
E2E_ARGS=()
if [[ "$CODEC_ONLY" == 1 && -f "$RESULTS/e2e.json" ]]; then
  E2E_ARGS=(--e2e="$RESULTS/e2e.json" --e2e_reused)
fi
if [[ "$CODEC_ONLY" == 0 ]]; then
  GHZ="$(go env GOPATH)/bin/ghz"
  if [[ ! -x "$GHZ" ]]; then
    say "installing ghz $GHZ_VERSION"
    record "go install github.com/bojand/ghz/cmd/ghz@$GHZ_VERSION"
    go install "github.com/bojand/ghz/cmd/ghz@$GHZ_VERSION"
  fi
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
  E2E_ARGS=(--e2e="$RESULTS/e2e.json")
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
  --machine="$WORK/machine.txt" --commands="$COMMANDS" \
  --history=bench/history.md --profile_notes=bench/profile.md \
  --out=bench/README.md \
  --png=bench/scaling.png --workdir="$WORK"
say "done (raw results in $WORK)"
