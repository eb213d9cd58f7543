#!/usr/bin/env bash
# Regenerates what is committed from proto/payone/v1 (the one command):
#   client_stubs/generate.sh           rewrite the committed generated code
#   client_stubs/generate.sh --check   generate into a temporary folder and fail
#                                      when the committed code differs; also
#                                      checks that every package says the
#                                      version in VERSION
# Generated and committed (nothing hand-written lives there):
#   go/payone/v1/                       protoc-gen-go + protoc-gen-go-grpc (Go
#                                       consumers import source)
#   ../docs/api-reference.md            protoc-gen-doc with docs/api_reference.tmpl
# The other packages generate their code while they are built, with their
# ecosystem's plugin, and commit none: Python (python/setup.py, grpcio-tools),
# Java (java/pom.xml, protobuf-maven-plugin), TypeScript
# (typescript/scripts/generate.js, protoc and ts-proto from npm); C++
# (//client_stubs/cpp:payone_client) re-exports //proto/payone/v1.
# Go and the reference use Debian's protoc (/usr/bin/protoc, 3.21).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
source "$here/versions.env"
cache=${PAYONE_STUBS_CACHE:-$HOME/.cache/payone-client-stubs}
"$here/setup.sh" go

check=false
[[ ${1:-} == --check ]] && check=true
if $check; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
else
  out=$here
fi

protoc=${PROTOC:-/usr/bin/protoc}
cd "$repo/proto"
protos=(payone/v1/*.proto)

# Go
rm -rf "$out/go/payone"
mkdir -p "$out/go"
module=github.com/payone-gateway/payone-gateway/client_stubs/go
"$protoc" -I. \
  --plugin=protoc-gen-go="$cache/bin/protoc-gen-go" \
  --plugin=protoc-gen-go-grpc="$cache/bin/protoc-gen-go-grpc" \
  --go_out="$out/go" --go_opt=module=$module \
  --go-grpc_out="$out/go" --go-grpc_opt=module=$module \
  "${protos[@]}"

# The API reference: every service, message, field and enum with its
# comment, in Markdown.
mkdir -p "$out/docs"
"$protoc" -I. \
  --plugin=protoc-gen-doc="$cache/bin/protoc-gen-doc" \
  --doc_out="$out/docs" --doc_opt="$repo/docs/api_reference.tmpl,api-reference.md" \
  "${protos[@]}"
# The contract's version, the one every package carries (VERSION).
version=$(cat "$here/VERSION")
sed -i "s/@CONTRACT_VERSION@/$version/" "$out/docs/api-reference.md"
if ! $check; then
  mv "$out/docs/api-reference.md" "$repo/docs/api-reference.md"
  rmdir "$out/docs"
fi

if $check; then
  status=0
  if ! diff -q "$repo/docs/api-reference.md" "$out/docs/api-reference.md" >&2; then
    echo "generate.sh --check: docs/api-reference.md differs from a fresh generation: run client_stubs/generate.sh" >&2
    status=1
  fi
  # One version for the contract and every package (VERSION).
  for manifest in python/pyproject.toml:"^version = \"$version\"" \
      typescript/package.json:"^  \"version\": \"$version\"" \
      java/pom.xml:"^  <version>$version</version>" \
      java/consumer/pom.xml:"^    <payone.version>$version</payone.version>"; do
    if ! grep -q "${manifest#*:}" "$here/${manifest%%:*}"; then
      echo "generate.sh --check: client_stubs/${manifest%%:*} does not say version $version (VERSION)" >&2
      status=1
    fi
  done
  if ! diff -r -q "$here/go/payone" "$out/go/payone" >&2; then
    echo "generate.sh --check: client_stubs/go/payone differs from a fresh generation: run client_stubs/generate.sh" >&2
    status=1
  fi
  exit $status
fi
