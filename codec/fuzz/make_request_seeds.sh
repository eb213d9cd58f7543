#!/usr/bin/env bash
# Writes the seed corpus of request_encode_fuzzer from seeds/: each
# NN_<name>.textproto (NN: the fuzzer's request index, its first line
# "# payone.v1.<Message>") becomes corpus/request_encode_fuzzer/<NN>_<name>_utf8
# and _latin1: one byte NN, one byte charset (0 UTF-8, 1 ISO-8859-1), the
# message in binary. Every other request index gets an empty message.
#   codec/fuzz/make_request_seeds.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=codec/fuzz/corpus/request_encode_fuzzer
mkdir -p "$out"
# prefix INDEX CHARSET: the fuzzer's two leading bytes.
prefix() { printf "\\x$(printf %02x "$1")\\x$(printf %02x "$2")"; }
for index in $(seq 0 15); do
  prefix "$index" 0 >"$out/$(printf %02d "$index")_empty"
done
for seed in codec/fuzz/seeds/request_encode_fuzzer/*.textproto; do
  name=$(basename "$seed" .textproto)
  index=$((10#${name%%_*}))
  message=$(head -n 1 "$seed" | awk '{print $2}')
  for charset in 0 1; do
    suffix=$([[ $charset == 0 ]] && echo utf8 || echo latin1)
    {
      prefix "$index" "$charset"
      protoc -Iproto -I/usr/include --encode="$message" \
        proto/payone/v1/payment_requests.proto \
        proto/payone/v1/check_requests.proto \
        proto/payone/v1/management_requests.proto <"$seed"
    } >"$out/${name}_$suffix"
  done
done
