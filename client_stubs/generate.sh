#!/usr/bin/env bash
# Regenerates every language's stubs from proto/payone/v1 (the one command):
#   client_stubs/generate.sh           rewrite the committed generated code
#   client_stubs/generate.sh --check   generate into a temporary folder and fail
#                                      when the committed code differs
# Generated folders (nothing hand-written lives in them):
#   go/payone/v1/                       protoc-gen-go + protoc-gen-go-grpc
#   java/src/main/java/com/payonegateway/payone/
#                                       protoc --java_out + protoc-gen-grpc-java
#                                       (the layer beside it, com/payonegateway/client, is hand-written)
#   typescript/src/gen/                 ts-proto (outputServices=grpc-js), incl. google/rpc
#   ../docs/api-reference.md            protoc-gen-doc with docs/api_reference.tmpl
# Python needs no committed code: its package build (python/setup.py,
# grpcio-tools) generates payone/v1 into the wheel.
# C++ needs no committed code: //client_stubs/cpp:payone_client re-exports
# the Bazel targets of //proto/payone/v1.
# Java, Go and TypeScript use Debian's protoc (/usr/bin/protoc, 3.21); the
# google.rpc protos for TypeScript come from tools/node_modules/google-proto-files
# (tools/setup.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
source "$here/versions.env"
cache=${PAYONE_STUBS_CACHE:-$HOME/.cache/payone-client-stubs}
"$here/setup.sh" python go java typescript

check=false
[[ ${1:-} == --check ]] && check=true
if $check; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
else
  out=$here
fi

protoc=${PROTOC:-/usr/bin/protoc}
googleapis=$repo/tools/node_modules/google-proto-files
[[ -f $googleapis/google/rpc/error_details.proto ]] || {
  echo "generate.sh: $googleapis missing: run tools/setup.sh" >&2; exit 1; }
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

# Java
rm -rf "$out/java/src/main/java/com/payonegateway/payone"
mkdir -p "$out/java/src/main/java"
"$protoc" -I. \
  --plugin=protoc-gen-grpc-java="$cache/bin/protoc-gen-grpc-java-$PROTOC_GEN_GRPC_JAVA_VERSION-linux-x86_64.exe" \
  --java_out="$out/java/src/main/java" --grpc-java_out="$out/java/src/main/java" \
  "${protos[@]}"

# TypeScript (ts-proto, @grpc/grpc-js clients), with google.rpc's Status,
# BadRequest, ErrorInfo & co.
rm -rf "$out/typescript/src/gen"
mkdir -p "$out/typescript/src/gen"
"$protoc" -I. -I"$googleapis" \
  --plugin=protoc-gen-ts_proto="$here/typescript/node_modules/.bin/protoc-gen-ts_proto" \
  --ts_proto_out="$out/typescript/src/gen" \
  --ts_proto_opt=outputServices=grpc-js,env=node,esModuleInterop=true,useExactTypes=false,exportCommonSymbols=false \
  "${protos[@]}" google/rpc/status.proto google/rpc/error_details.proto google/rpc/code.proto

# The API reference: every service, message, field and enum with its
# comment, in Markdown.
mkdir -p "$out/docs"
"$protoc" -I. \
  --plugin=protoc-gen-doc="$cache/bin/protoc-gen-doc" \
  --doc_out="$out/docs" --doc_opt="$repo/docs/api_reference.tmpl,api-reference.md" \
  "${protos[@]}"
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
  version=$(cat "$here/VERSION")
  for manifest in python/pyproject.toml:"^version = \"$version\"" \
      typescript/package.json:"^  \"version\": \"$version\"" \
      java/pom.xml:"^  <version>$version</version>"; do
    if ! grep -q "${manifest#*:}" "$here/${manifest%%:*}"; then
      echo "generate.sh --check: client_stubs/${manifest%%:*} does not say version $version (VERSION)" >&2
      status=1
    fi
  done
  for dir in go/payone java/src/main/java/com/payonegateway/payone typescript/src/gen; do
    if ! diff -r -q "$here/$dir" "$out/$dir" >&2; then
      echo "generate.sh --check: client_stubs/$dir differs from a fresh generation: run client_stubs/generate.sh" >&2
      status=1
    fi
  done
  exit $status
fi
