#!/usr/bin/env bash
# Quick start, part one: install what is missing, build a Release, plan a week.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
cmake --preset release -DMP_BUILD_TESTS=OFF -DMP_WERROR=OFF >/dev/null
cmake --build --preset release -j "$(nproc)"
./build/release/massage-plan plan --goal tension-headache --goal stress-reduction --minutes 15 "$@"
