#!/usr/bin/env bash
# Builds the project's libFuzzer targets (bazel build --config=fuzz) and runs
# each for a bounded time from its seed corpus, writing one JUnit report per
# fuzzer into OUT_DIR (test_summary.py counts their testcase elements).
#
#   tools/run_fuzzers.sh OUT_DIR
#   FUZZ_RUNS=10000000 FUZZ_SECONDS=0 tools/run_fuzzers.sh OUT_DIR  # long run
#
# Environment:
#   FUZZ_SECONDS        run time per fuzzer (default 10; 0: no time limit)
#   FUZZ_RUNS           executions per fuzzer (default: no limit); whichever
#                       of the two limits comes first ends a fuzzer's run
#   FUZZERS             which fuzzers, by name (default: all, listed below)
#   FUZZ_RSS_LIMIT_MB   memory limit per fuzzer (default 2048)
#   BAZEL               the bazel command (default "bazel")
#   BAZEL_STARTUP_FLAGS startup options, e.g. --output_base=...
#   BAZEL_FLAGS         extra build flags
# Exits non-zero when a fuzzer fails to build or finds a crash, leak or
# sanitizer report; the finding is kept in OUT_DIR/<fuzzer>/.
set -euo pipefail
cd "$(dirname "$0")/.."

out_dir=${1:?usage: tools/run_fuzzers.sh OUT_DIR}
mkdir -p "$out_dir"
out_dir=$(cd "$out_dir" && pwd)
seconds=${FUZZ_SECONDS:-10}
rss_limit=${FUZZ_RSS_LIMIT_MB:-2048}
bazel=${BAZEL:-bazel}
# shellcheck disable=SC2206
startup=(${BAZEL_STARTUP_FLAGS:-})
# shellcheck disable=SC2206
flags=(${BAZEL_FLAGS:-})
runs=${FUZZ_RUNS:--1}
# name -> package; the seed corpus is <package>/corpus/<name>/.
declare -A packages=(
  [parse_form_fuzzer]=codec/fuzz
  [response_decode_fuzzer]=codec/fuzz
  [notification_decode_fuzzer]=codec/fuzz
  [request_encode_fuzzer]=codec/fuzz
  [config_fuzzer]=service/config
  [receiver_fuzzer]=service/notifications
)
# shellcheck disable=SC2206
fuzzers=(${FUZZERS:-${!packages[*]}})
for f in "${fuzzers[@]}"; do
  [[ -n ${packages[$f]:-} ]] || { echo "unknown fuzzer $f" >&2; exit 2; }
done

xml_escape() {
  sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' |
    tr -cd '\11\12\15\40-\176'
}

# write_report NAME STATUS SECONDS LOG: one testsuite with one testcase.
write_report() {
  local name=$1 status=$2 elapsed=$3 log=$4 failure=""
  if [[ $status != 0 ]]; then
    failure="<failure message=\"fuzzer exited with status $status\">$(tail -n 60 "$log" | xml_escape)</failure>"
  fi
  cat >"$out_dir/$name.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="fuzz.$name" tests="1" failures="$([[ $status == 0 ]] && echo 0 || echo 1)" errors="0" time="$elapsed">
    <testcase name="$name" classname="codec.fuzz" time="$elapsed">$failure</testcase>
  </testsuite>
</testsuites>
XML
}

targets=()
for f in "${fuzzers[@]}"; do targets+=("//${packages[$f]}:$f"); done
build_log="$out_dir/build.log"
if ! "$bazel" "${startup[@]}" build --config=fuzz "${flags[@]}" "${targets[@]}" >"$build_log" 2>&1; then
  tail -n 40 "$build_log" >&2
  for f in "${fuzzers[@]}"; do write_report "$f" build-failed 0 "$build_log"; done
  exit 1
fi
bin=$("$bazel" "${startup[@]}" info --config=fuzz "${flags[@]}" bazel-bin 2>/dev/null)

status=0
for f in "${fuzzers[@]}"; do
  work="$out_dir/$f"
  rm -rf "$work"
  mkdir -p "$work/corpus"
  # The seeds stay untouched; new inputs go to the work corpus.
  log="$work/fuzz.log"
  start=$(date +%s)
  rc=0
  "$bin/${packages[$f]}/$f" -max_total_time="$seconds" -runs="$runs" \
    -rss_limit_mb="$rss_limit" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$work/" \
    "$work/corpus" "${packages[$f]}/corpus/$f" 2>&1 |
    # libFuzzer echoes dictionary entries taken from the seeds (after "MS:"
    # and in its final recommended dictionary): the test card numbers and
    # IBANs. The log keeps everything else for the secrets scan; pipefail
    # keeps the fuzzer's status.
    sed -E -e 's/ MS: .*$//' -e '/^".*" # Uses: [0-9]+$/d' >"$log" || rc=$?
  elapsed=$(($(date +%s) - start))
  write_report "$f" "$rc" "$elapsed" "$log"
  if [[ $rc == 0 ]]; then
    echo "$f: ok ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?') runs in ${elapsed}s, peak RSS $(grep -m1 -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?') MB)"
  else
    echo "$f: FAILED (status $rc), see $log" >&2
    status=1
  fi
done
exit "$status"
