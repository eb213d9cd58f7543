#!/usr/bin/env bash
# Installs what generating and testing the client stubs needs, pinned, into
# $PAYONE_STUBS_CACHE (default ~/.cache/payone-client-stubs) and the
# language folders' usual places (typescript/node_modules, ~/.m2, Go's module
# cache). Idempotent: on a ready machine it only compares stamps (< 1 s).
#   client_stubs/setup.sh [python] [go] [java] [typescript] [grpcurl]   (default: all)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/versions.env"
cache=${PAYONE_STUBS_CACHE:-$HOME/.cache/payone-client-stubs}
mkdir -p "$cache/bin"
parts=("$@")
((${#parts[@]})) || parts=(python go java typescript grpcurl)

stamp_ok() {  # stamp_ok NAME CONTENT: true when the stamp holds CONTENT
  [[ -f $cache/$1.stamp && $(cat "$cache/$1.stamp") == "$2" ]]
}
stamp() { printf '%s' "$2" >"$cache/$1.stamp"; }

for part in "${parts[@]}"; do
  case $part in
    python)
      key=$(cat "$here/python/requirements-dev.txt" "$here/python/pyproject.toml" | sha256sum)
      if ! stamp_ok python "$key"; then
        echo "client_stubs setup: Python venv ($cache/venv)" >&2
        [[ -x $cache/venv/bin/python ]] || python3 -m venv "$cache/venv"
        "$cache/venv/bin/pip" install -q --disable-pip-version-check -r "$here/python/requirements-dev.txt"
        stamp python "$key"
      fi
      ;;
    go)
      key="$PROTOC_GEN_GO_VERSION $PROTOC_GEN_GO_GRPC_VERSION $GOTESTSUM_VERSION $PROTOC_GEN_DOC_VERSION $(cat "$here/go/go.mod" "$here/go/go.sum" 2>/dev/null | sha256sum)"
      if ! stamp_ok go "$key"; then
        echo "client_stubs setup: protoc-gen-go, protoc-gen-go-grpc, protoc-gen-doc, Go modules" >&2
        GOBIN=$cache/bin go install "google.golang.org/protobuf/cmd/protoc-gen-go@$PROTOC_GEN_GO_VERSION"
        GOBIN=$cache/bin go install "google.golang.org/grpc/cmd/protoc-gen-go-grpc@$PROTOC_GEN_GO_GRPC_VERSION"
        GOBIN=$cache/bin go install "gotest.tools/gotestsum@$GOTESTSUM_VERSION"
        GOBIN=$cache/bin go install "github.com/pseudomuto/protoc-gen-doc/cmd/protoc-gen-doc@$PROTOC_GEN_DOC_VERSION"
        (cd "$here/go" && go mod download)
        stamp go "$key"
      fi
      ;;
    grpcurl)
      if ! stamp_ok grpcurl "$GRPCURL_VERSION"; then
        echo "client_stubs setup: grpcurl $GRPCURL_VERSION" >&2
        GOBIN=$cache/bin go install "github.com/fullstorydev/grpcurl/cmd/grpcurl@$GRPCURL_VERSION"
        stamp grpcurl "$GRPCURL_VERSION"
      fi
      ;;
    java)
      key=$(cat "$here/java/pom.xml" "$here/java/consumer/pom.xml" | sha256sum)
      if ! stamp_ok java "$key"; then
        echo "client_stubs setup: Maven plugins and dependencies (protoc, protoc-gen-grpc-java)" >&2
        # Builds the jars once: resolves the build's plugins, protoc and
        # dependencies into ~/.m2; later builds need no download. (The
        # consumer's own dependencies come with its first test run.)
        (cd "$here/java" && mvn -B -q package >/dev/null)
        stamp java "$key"
      fi
      ;;
    typescript)
      key=$(sha256sum <"$here/typescript/package-lock.json")
      if ! stamp_ok typescript "$key" || [[ ! -d $here/typescript/node_modules ]]; then
        echo "client_stubs setup: npm ci (typescript)" >&2
        (cd "$here/typescript" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
        stamp typescript "$key"
      fi
      ;;
    *) echo "setup.sh: unknown part $part" >&2; exit 2 ;;
  esac
done
