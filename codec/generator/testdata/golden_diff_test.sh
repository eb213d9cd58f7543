#!/usr/bin/env bash
# Fails when the generator's output differs from the checked-in goldens.
# Arguments: golden files, "--", generated files (matched by base name).
set -euo pipefail
golden=()
while [[ $1 != -- ]]; do golden+=("$1"); shift; done
shift
status=0
for want in "${golden[@]}"; do
  got=""
  for candidate in "$@"; do
    [[ $(basename "$candidate") == $(basename "$want") ]] && got=$candidate
  done
  if [[ -z $got ]]; then
    echo "no generated file for $want" >&2
    status=1
  elif ! diff -u "$want" "$got"; then
    echo "$want is stale: run codec/generator/testdata/update_goldens.sh" >&2
    status=1
  fi
done
exit "$status"
