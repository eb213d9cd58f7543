#!/usr/bin/env bash
# Regenerates golden/ from the current generator. Extra arguments go to
# Bazel's startup options, e.g. --output_base=/root/.cache/bazel-codec.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bazel "$@" build --symlink_prefix=/ //codec/generator/testdata:generated_files
bin=$(bazel "$@" info bazel-bin 2>/dev/null)
for f in codec_test.payone.h codec_test.payone.cc codec_test.payone_service.h; do
  install -m 0644 "$bin/codec/generator/testdata/testpb/$f" \
    "codec/generator/testdata/golden/testpb/$f"
done
echo "updated codec/generator/testdata/golden/testpb"
