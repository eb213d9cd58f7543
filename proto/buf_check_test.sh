#!/usr/bin/env bash
# Runs `buf lint` and `buf format --diff --exit-code` over a copy of proto/
# (buf.yaml plus payone/v1/*.proto, dereferenced from the runfiles).
# Usage: buf_check_test.sh <path of the buf binary>
set -euo pipefail

buf="$1"
if [[ ! -x $buf ]]; then
  # $(rootpath) of an external file is "external/buf/..." or "../buf/...",
  # depending on Bazel's runfiles layout.
  for candidate in "${TEST_SRCDIR:-}/buf/${buf#*buf/}" "${buf#../}" "external/${buf#../}"; do
    if [[ -x $candidate ]]; then
      buf="$candidate"
      break
    fi
  done
fi
[[ -x $buf ]] || { echo "buf_check_test: buf binary not found at $1" >&2; exit 1; }
buf="$(cd "$(dirname "$buf")" && pwd)/$(basename "$buf")"

tmp="${TEST_TMPDIR:-$(mktemp -d)}"
export HOME="$tmp/home" BUF_CACHE_DIR="$tmp/cache"
mkdir -p "$HOME" "$BUF_CACHE_DIR"

module="$tmp/module"
rm -rf "$module"
mkdir -p "$module/payone/v1"
cp -L proto/buf.yaml "$module/"
cp -L proto/payone/v1/*.proto "$module/payone/v1/"
count=$(ls "$module/payone/v1" | wc -l)
echo "buf $("$buf" --version): checking $count files"

cd "$module"
status=0
if ! "$buf" lint; then
  echo "FAIL: buf lint found the problems above (rules: proto/buf.yaml)" >&2
  status=1
fi
if ! "$buf" format --diff --exit-code; then
  echo "FAIL: buf format would change the files above; run" \
    "'buf format -w' in proto/" >&2
  status=1
fi
[[ $status == 0 ]] && echo "PASS: buf lint and buf format are clean"
exit $status
