#!/bin/bash
# Runs the notification benchmark briefly on both backends so that it cannot
# rot: it must start, get TSOK for every notification and find each stored.
set -euo pipefail
out="$("$1" --backend=both --senders=4 --warmup=0.2s --duration=1s 2>&1)" || {
  echo "$out"
  echo "FAIL: notification_bench exited non-zero"
  exit 1
}
echo "$out"
for backend in sqlite postgres; do
  grep -q "^backend=${backend} .* failures=0 " <<<"$out" || {
    echo "FAIL: no clean ${backend} line"
    exit 1
  }
done
echo "PASS"
