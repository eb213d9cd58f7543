#!/usr/bin/env bash
# Fails when a C++ file is not clang-format clean (Google style, .clang-format).
# --fix rewrites the files instead.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cc' '*.h' | grep -v '^client_stubs/.*\.pb\.' || true)
((${#files[@]})) || exit 0
if [[ ${1:-} == --fix ]]; then
  clang-format-14 -i "${files[@]}"
else
  clang-format-14 --dry-run --Werror "${files[@]}" || {
    echo "check_format: run ./dev format to fix the files above" >&2
    exit 1
  }
fi
