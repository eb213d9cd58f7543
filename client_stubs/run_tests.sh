#!/usr/bin/env bash
# Runs the client stubs' tests against one gateway process and writes one JUnit
# XML file per language into JUNIT_DIR:
#   client_stubs/run_tests.sh JUNIT_DIR [--cpp]
# 1. setup (setup.sh: venv, Go tools + grpcurl, Maven, npm; fast when done)
# 2. stubs.xml: the committed stubs and docs/api-reference.md equal a fresh
#    generation (generate.sh --check)
# 3. builds //service:payone_gateway_dev and starts it (its simulator),
#    2 s of latency for references slow-* (PAYONE_GATEWAY_DEV_BINARY overrides)
# 4. Each package built as it is published and tested from the built artifact
#    in a consumer project outside the source tree: python.xml (pytest on
#    the wheel in a fresh venv), go.xml (go test via gotestsum in a consumer
#    module), java-*.xml (JUnit via Maven Surefire in java/consumer, on the
#    jar installed into a temporary local repository), typescript.xml (node
#    --test on the npm pack tarball installed into a fresh project, including
#    the example checkout in Debian's chromium via playwright-core),
#    grpcurl.xml (grpcurl via reflection, pytest), examples.xml (each example
#    program runs); every package's version is VERSION
# 5. --cpp: cpp.xml from bazel test //client_stubs/cpp:client_test (./dev test
#    already runs it with bazel test //..., so it is off by default)
# Exits non-zero when anything failed; every step still runs.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
junit=${1:?usage: run_tests.sh JUNIT_DIR [--cpp]}
mkdir -p "$junit"
junit=$(cd "$junit" && pwd)
with_cpp=false
[[ ${2:-} == --cpp ]] && with_cpp=true
cache=${PAYONE_STUBS_CACHE:-$HOME/.cache/payone-client-stubs}
export PATH=$cache/bin:$PATH
status=0
log() { printf 'client_stubs: %s\n' "$*" >&2; }
xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }

# run_case FILE SUITE NAME CMD...: runs CMD, appends a <testcase> to the
# JUnit file FILE (finish_suite closes it).
declare -A suites=()
run_case() {
  local file=$1 suite=$2 name=$3; shift 3
  local output started elapsed rc
  started=${EPOCHREALTIME/./}
  output=$("$@" 2>&1); rc=$?
  elapsed=$(( ${EPOCHREALTIME/./} - started ))
  elapsed=$((elapsed / 1000000)).$(printf '%06d' $((elapsed % 1000000)))
  [[ -n ${suites[$file]:-} ]] || { suites[$file]=$suite; : >"$file.cases"; }
  if ((rc == 0)); then
    echo "  <testcase classname=\"$suite\" name=\"$name\" time=\"$elapsed\"/>" >>"$file.cases"
    log "PASS $suite.$name"
  else
    status=1
    { echo "  <testcase classname=\"$suite\" name=\"$name\" time=\"$elapsed\">"
      echo "    <failure message=\"exit $rc\">$(printf '%s' "$output" | tail -c 20000 | xml_escape)</failure>"
      echo "  </testcase>"; } >>"$file.cases"
    log "FAIL $suite.$name"; printf '%s\n' "$output" | tail -40 >&2
  fi
}
finish_suites() {
  local file
  for file in "${!suites[@]}"; do
    { echo '<?xml version="1.0" encoding="UTF-8"?>'
      echo "<testsuites><testsuite name=\"${suites[$file]}\">"
      cat "$file.cases"
      echo '</testsuite></testsuites>'; } >"$file"
    rm -f "$file.cases"
  done
}

started_all=$(date +%s)
rm -f "$junit"/{stubs,python,go,typescript,grpcurl,examples,cpp}.xml "$junit"/java-*.xml

# 1. Setup
# (a failed setup counts as one failed test case; a good one counts nothing)
"$here/setup.sh" >&2 || run_case "$junit/stubs.xml" client_stubs setup false
log "setup done after $(($(date +%s) - started_all)) s"

# 2. Committed stubs == fresh generation
run_case "$junit/stubs.xml" client_stubs generated_code_up_to_date "$here/generate.sh" --check

# 3. The gateway
# The language tests start their own gateways through the fixture process
# (//client_stubs/cpp:gateway_fixture_main, PAYONE_GATEWAY_FIXTURE), which
# runs the production PAYONE_GATEWAY_BINARY on a configuration of its own;
# the examples and grpcurl call the development launcher below
# (PAYONE_GATEWAY_DEV_BINARY: its own simulator, dev.textproto).
gateway=${PAYONE_GATEWAY_BINARY:-}
dev_gateway=${PAYONE_GATEWAY_DEV_BINARY:-}
fixture=${PAYONE_GATEWAY_FIXTURE:-}
if [[ -z $gateway || -z $dev_gateway || -z $fixture ]]; then
  (cd "$repo" && bazel build //service:payone_gateway //service:payone_gateway_dev //client_stubs/cpp:gateway_fixture_main >&2) || status=1
fi
# Copies: another bazel command (--config=asan) may repoint bazel-bin.
if [[ -z $gateway ]]; then
  gateway=$junit/payone_gateway
  cp -fL "$repo/bazel-bin/service/payone_gateway" "$gateway" || status=1
  export PAYONE_GATEWAY_BINARY=$gateway
fi
if [[ -z $dev_gateway ]]; then
  dev_gateway=$junit/payone_gateway_dev
  cp -fL "$repo/bazel-bin/service/payone_gateway_dev" "$dev_gateway" || status=1
  export PAYONE_GATEWAY_DEV_BINARY=$dev_gateway
fi
if [[ -z $fixture ]]; then
  fixture=$junit/gateway_fixture_main
  cp -fL "$repo/bazel-bin/client_stubs/cpp/gateway_fixture_main" "$fixture" || status=1
  export PAYONE_GATEWAY_FIXTURE=$fixture
fi
gateway_log=$junit/gateway.log
"$dev_gateway" --listen=127.0.0.1:0 --metrics_address=off \
  --simulator_faults='latency=2s,reference=slow-*' 2>"$gateway_log" &
gateway_pid=$!
trap 'kill -TERM $gateway_pid 2>/dev/null; wait $gateway_pid 2>/dev/null; rm -f "$junit/payone_gateway" "$junit/payone_gateway_dev" "$junit/gateway_fixture_main"; rm -rf "${consumer:-/nonexistent}"' EXIT
port=
for _ in $(seq 100); do
  port=$(grep -o '"event":"listening","port":[0-9]*' "$gateway_log" | grep -o '[0-9]*$' || true)
  [[ -n $port ]] && break
  kill -0 $gateway_pid 2>/dev/null || break
  sleep 0.1
done
if [[ -z $port ]]; then
  log "the gateway did not start:"; cat "$gateway_log" >&2
  finish_suites
  exit 1
fi
export PAYONE_GATEWAY_ADDRESS=127.0.0.1:$port
# The checkout's browser test reads the whole gateway log (no card number).
export PAYONE_GATEWAY_LOG=$gateway_log
# The one version of the contract and every package: each language's tests
# check that their installed artifact says it.
export PAYONE_CONTRACT_VERSION=$(cat "$here/VERSION")
log "gateway at $PAYONE_GATEWAY_ADDRESS (log: $gateway_log)"

# 4. Languages
py=$cache/venv/bin/python
# Python, as a consumer gets it: wheel and sdist from python -m build (the
# stubs generated during the build), the wheel installed into a fresh venv
# outside the source tree, the tests run from a copy there.
consumer=$(mktemp -d)
if "$py" -m build --outdir "$consumer/dist" "$here/python" >"$consumer/build.log" 2>&1; then
  python3 -m venv "$consumer/venv" &&
    "$consumer/venv/bin/pip" install -q --disable-pip-version-check "$consumer"/dist/*.whl \
      "pytest==$(sed -n 's/^pytest==//p' "$here/python/requirements-dev.txt")" >&2 &&
    cp -r "$here/python/tests" "$consumer/tests" &&
    (cd "$consumer" && venv/bin/python -m pytest -q -p no:cacheprovider --junitxml="$junit/python.xml" \
      -o junit_suite_name=python tests) >&2 || status=1
else
  cat "$consumer/build.log" >&2
  run_case "$junit/python.xml" python package_builds false
fi

if [[ -d $here/go/payone ]] && [[ -f $here/go/gatewaytest/gateway_test.go ]]; then
  # The module as a consumer uses it: a separate module outside the tree
  # that requires it (replace: it is not published from here) and runs the
  # scenarios from a copy.
  module=github.com/payone-gateway/payone-gateway/client_stubs/go
  mkdir -p "$consumer/go/gatewaytest"
  cp "$here"/go/gatewaytest/*.go "$consumer/go/gatewaytest/"
  (cd "$here/go" && go vet ./...) >&2 || status=1
  (cd "$consumer/go" && go mod init example.com/payone-consumer >/dev/null 2>&1 &&
    go mod edit -require="$module@v0.0.0" -replace="$module=$here/go" &&
    GOFLAGS=-mod=mod go mod tidy >&2 &&
    gotestsum --format=testname --junitfile="$junit/go.xml" -- -count=1 ./...) >&2 || status=1
fi

if [[ -d $here/java/consumer/src/test ]]; then
  # The jar, its sources and javadoc jars installed (mvn install) into a
  # temporary local repository, and the consumer project (java/consumer, a
  # copy) built against that repository alone. The repository starts as hard
  # links to ~/.m2/repository (no download for what is cached there); what
  # it downloads on top goes back to ~/.m2, the artifact itself does not.
  m2=$consumer/m2
  home_m2=${MAVEN_REPOSITORY:-$HOME/.m2/repository}
  mkdir -p "$m2" "$home_m2"
  cp -al "$home_m2/." "$m2/" 2>/dev/null || cp -a "$home_m2/." "$m2/"
  rm -rf "$m2/com/payonegateway"
  mkdir -p "$consumer/java"
  cp -r "$here/java/consumer/pom.xml" "$here/java/consumer/src" "$consumer/java/"
  if (cd "$here/java" && mvn -B -q install -Dmaven.repo.local="$m2") >&2; then
    (cd "$consumer/java" && mvn -B -q test -Dmaven.repo.local="$m2" -Dpayone.version="$PAYONE_CONTRACT_VERSION" \
      dependency:build-classpath -Dmdep.outputFile="$consumer/java/classpath.txt") >&2 || status=1
  else
    run_case "$junit/java-package.xml" java package_builds false
  fi
  for report in "$consumer"/java/target/surefire-reports/TEST-*.xml; do
    [[ -f $report ]] && cp "$report" "$junit/java-$(basename "$report")"
  done
fi

if [[ -d $here/typescript/test ]]; then
  # npm pack (generates and compiles the package), the tarball installed
  # into a fresh project, the tests and examples compiled against it.
  export CHECKOUT_SCREENSHOTS_DIR=${CHECKOUT_SCREENSHOTS_DIR:-$here/typescript/dist/screenshots}
  if "$here/typescript/consumer/install.sh" "$consumer/typescript" >&2; then
    (cd "$consumer/typescript" && node --test --test-reporter=spec \
      --test-reporter-destination=stderr --test-reporter=junit \
      --test-reporter-destination="$junit/typescript.xml" dist/test/) >&2 || status=1
  else
    run_case "$junit/typescript.xml" typescript package_builds false
  fi
fi

if [[ -f $here/grpcurl/test_grpcurl.py ]]; then
  (cd "$here/grpcurl" && "$py" -m pytest -q -p no:cacheprovider --junitxml="$junit/grpcurl.xml" \
    -o junit_suite_name=grpcurl test_grpcurl.py) >&2 || status=1
fi

# Every example program makes its first call against the gateway.
examples="$junit/examples.xml"
run_case "$examples" examples python "$consumer/venv/bin/python" "$here/python/examples/first_call.py" "$PAYONE_GATEWAY_ADDRESS"
[[ -f $here/go/examples/firstcall/main.go ]] &&
  run_case "$examples" examples go bash -c "cd '$here/go' && go run ./examples/firstcall '$PAYONE_GATEWAY_ADDRESS'"
[[ -f $consumer/java/classpath.txt ]] &&
  run_case "$examples" examples java java -cp "$consumer/java/target/test-classes:$(cat "$consumer/java/classpath.txt")" \
    com.payonegateway.examples.FirstCall "$PAYONE_GATEWAY_ADDRESS"
[[ -f $here/typescript/examples/first-call.ts ]] &&
  run_case "$examples" examples typescript node "$consumer/typescript/dist/examples/first-call.js" "$PAYONE_GATEWAY_ADDRESS"

# 5. C++ (GoogleTest under Bazel; it starts its own gateway)
if $with_cpp; then
  (cd "$repo" && bazel test //client_stubs/cpp:client_test >&2) || status=1
  cp "$repo/bazel-testlogs/client_stubs/cpp/client_test/test.xml" "$junit/cpp.xml" 2>/dev/null || status=1
fi

# Downloads of the Java builds back into ~/.m2 (the example above still
# needed the temporary repository); the artifact under test does not go.
if [[ -n ${m2:-} ]]; then
  rm -rf "$m2/com/payonegateway"
  cp -rn "$m2/." "$home_m2/"
fi

finish_suites
log "done in $(($(date +%s) - started_all)) s (status $status)"
exit $status
