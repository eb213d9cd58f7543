#!/bin/bash
# Profiles the gateway under load (bench/profile.md): a standalone simulator,
# the gateway in front of it, ghz calling Preauthorize at a fixed rate (or
# closed loop), and `perf record` on the gateway meanwhile.
#   bench/profile_gateway.sh [OUT_DIR]
# Environment: BENCH_OUTPUT_BASE (Bazel output base), PROFILE_RPS (default
# 1000; 0: closed loop), PROFILE_CONCURRENCY (default 10), PROFILE_SECONDS
# (perf duration, default 10), PROFILE_LATENCY_MS (simulator latency, 0),
# PROFILE_BIN (a bazel-bin with service/payone_gateway and
# simulator/payone_simulator to use instead of building them),
# PROFILE_LEDGER (sqlite: the gateway keeps a SQLite ledger in OUT_DIR;
# default none).
# Writes perf.data, report-dso.txt, report-sym.txt and summary.txt to OUT_DIR.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="${1:-$(mktemp -d /tmp/payone-profile.XXXXXX)}"
mkdir -p "$OUT"
BAZEL=(bazel)
[[ -n "${BENCH_OUTPUT_BASE:-}" ]] && BAZEL+=(--output_base="$BENCH_OUTPUT_BASE")
RPS="${PROFILE_RPS:-1000}"
CONC="${PROFILE_CONCURRENCY:-10}"
SECONDS_TO_RECORD="${PROFILE_SECONDS:-10}"
LATENCY="${PROFILE_LATENCY_MS:-0}"
LEDGER="${PROFILE_LEDGER:-none}"

BIN="${PROFILE_BIN:-}"
if [[ -z "$BIN" ]]; then
  "${BAZEL[@]}" build -c opt --symlink_prefix=/ //service:payone_gateway \
    //simulator:payone_simulator >&2
  BIN="$("${BAZEL[@]}" info -c opt bazel-bin 2>/dev/null)"
fi
GHZ="$(go env GOPATH)/bin/ghz"

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_for() {  # file regex -> first capture group
  for _ in $(seq 600); do
    if [[ -f "$1" ]] && grep -qoE "$2" "$1"; then
      grep -oE "$2" "$1" | head -1 | grep -oE '[0-9]+$'
      return
    fi
    sleep 0.05
  done
  echo "timed out waiting for $2 in $1" >&2
  exit 1
}

SIM_ARGS=(--port=0 --account=10000:10001:2000001:demo-portal-key:test)
[[ "$LATENCY" != 0 ]] && SIM_ARGS+=(--fault=latency="${LATENCY}ms")
"$BIN/simulator/payone_simulator" "${SIM_ARGS[@]}" >"$OUT/simulator.log" 2>&1 &
PIDS+=($!)
SIM_PORT="$(wait_for "$OUT/simulator.log" 'port=[0-9]+')"
cat >"$OUT/gateway.textproto" <<EOF
listen_address: "127.0.0.1:0"
metrics_address: "off"
allow_unauthenticated: true
upstream { url: "http://127.0.0.1:$SIM_PORT/post-gateway/" }
accounts {
  name: "demo" mid: "10000" aid: "10001" portalid: "2000001" mode: "test"
  key_env: "PAYONE_BENCH_PORTAL_KEY"
}
EOF
case "$LEDGER" in
  none) ;;
  sqlite) echo "ledger { sqlite_path: \"$OUT/ledger.db\" }" >>"$OUT/gateway.textproto" ;;
  *) echo "PROFILE_LEDGER: none or sqlite" >&2; exit 2 ;;
esac
PAYONE_BENCH_PORTAL_KEY=demo-portal-key "$BIN/service/payone_gateway" \
  --config="$OUT/gateway.textproto" >"$OUT/gateway.log" 2>&1 &
GW=$!
PIDS+=("$GW")
GW_PORT="$(wait_for "$OUT/gateway.log" '"event":"listening","port":[0-9]+')"

# Warm-up and load each get references of their own: with a ledger a
# reference used twice is refused.
for run in warmup load; do
  sed "s/__REF__/prof$$${run}x{{.RequestNumber}}/" bench/preauthorization.json \
    >"$OUT/request-$run.json"
done
GHZ_ARGS=(--insecure --proto proto/payone/v1/gateway.proto --import-paths proto
  --call payone.v1.PayoneGateway.Preauthorize
  -c "$CONC" --connections 1 --timeout 20s -O json -o "$OUT/ghz.json")
[[ "$RPS" != 0 ]] && GHZ_ARGS+=(--rps "$RPS" --async)
# Warm up, then load for longer than perf records.
"$GHZ" "${GHZ_ARGS[@]}" -D "$OUT/request-warmup.json" -z 2s \
  "127.0.0.1:$GW_PORT" >/dev/null
"$GHZ" "${GHZ_ARGS[@]}" -D "$OUT/request-load.json" \
  -z "$((SECONDS_TO_RECORD + 4))s" "127.0.0.1:$GW_PORT" >/dev/null &
LOAD=$!
sleep 2
CPU0="$(awk '{print $14+$15}' "/proc/$GW/stat")"
perf record -F 999 -g -o "$OUT/perf.data" -p "$GW" -- sleep "$SECONDS_TO_RECORD" \
  2>"$OUT/perf-record.log"
CPU1="$(awk '{print $14+$15}' "/proc/$GW/stat")"
wait "$LOAD"
perf report -i "$OUT/perf.data" --no-children --sort dso --stdio 2>/dev/null \
  >"$OUT/report-dso.txt"
perf report -i "$OUT/perf.data" --no-children --sort dso,sym --stdio -g none \
  2>/dev/null >"$OUT/report-sym.txt"
perf report -i "$OUT/perf.data" --children --sort sym --stdio -g none \
  2>/dev/null >"$OUT/report-children.txt"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load: $(uptime | sed 's/.*load average: //')"
  echo "commit: $(git rev-parse --short HEAD)"
  echo "load: ghz -c $CONC ${RPS:+--rps $RPS}; simulator latency ${LATENCY} ms; ledger $LEDGER"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); e=r.get("errorDistribution") or {}; print("ghz: %d calls, %.0f calls/s, %d errors%s" % (r["count"], r["rps"], sum(e.values()), (", e.g. " + min(e)[:200]) if e else ""))' "$OUT/ghz.json"
  echo "gateway CPU during perf: $(( (CPU1 - CPU0) * 10 )) ms over ${SECONDS_TO_RECORD}s"
} | tee "$OUT/summary.txt"
echo "profile in $OUT" >&2
