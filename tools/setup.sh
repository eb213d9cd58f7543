#!/usr/bin/env bash
# Installs everything the build, the tests and the run need, from Debian's
# packages and the npm registry. Idempotent: on a ready machine it only checks
# (a few seconds).
set -euo pipefail
cd "$(dirname "$0")/.."

# Build: Bazel and the C++ libraries. Tests: sanitizer and fuzzer runtimes,
# clang-format, openssl (throwaway certificates), wrk and gnuplot (benchmarks), node/npm
# (buf and the google.rpc protos). The ledger store: SQLite and libpq, and the
# PostgreSQL server binaries its tests start (/usr/lib/postgresql/15/bin).
# The checkout example's browser test: Debian's chromium (driven by
# playwright-core, which must not download a browser of its own) and a font.
DEBIAN_PACKAGES=(
  bazel-bootstrap bazel-platforms bazel-rules-java
  g++ python3 openssl ca-certificates
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libprotoc-dev libabsl-dev libboost-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev clang-format-14
  prometheus-cpp-dev
  wrk gnuplot-nox
  libsqlite3-dev libpq-dev postgresql
  chromium fonts-dejavu-core
)

missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$package")
  fi
done
# Node.js may come from elsewhere than Debian (nodesource, nvm): any node and
# npm on the PATH will do.
command -v npm >/dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm tools, pinned by tools/package-lock.json; reinstalled only when the lock
# file changed.
stamp=tools/node_modules/.installed-lock.json
if ! cmp -s tools/package-lock.json "$stamp" 2>/dev/null; then
  echo "setup: installing npm tools (buf, google-proto-files)"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp tools/package-lock.json "$stamp"
fi
