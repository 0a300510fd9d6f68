#!/usr/bin/env bash
# Quick start, part two: install what is missing, build, run the whole test suite.
# Set MP_SKIP_ASAN=1 to skip the second pass under AddressSanitizer + UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
jobs=$(nproc)
cmake --preset release -DMP_BUILD_TESTS=ON -DMP_WERROR=ON >/dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release
if [ "${MP_SKIP_ASAN:-0}" != 1 ]; then
  cmake --preset asan -DMP_WERROR=ON >/dev/null
  cmake --build --preset asan -j "$jobs"
  ctest --preset asan
fi
