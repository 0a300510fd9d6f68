#!/usr/bin/env bash
# Runs one libFuzzer target on its seed corpora: fuzz/run.sh TARGET [SECONDS] [BUILD_DIR]
# TARGET is library, profile, plan_json or ics. New inputs go to BUILD_DIR/corpus/TARGET, crashes
# to BUILD_DIR/findings/TARGET. See docs/fuzzing.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
target="${1:?usage: fuzz/run.sh library|profile|plan_json|ics [SECONDS] [BUILD_DIR]}"
seconds="${2:-600}"
build="${3:-$root/build-fuzz}"
binary="$build/fuzz/fuzz_$target"
[ -x "$binary" ] || { echo "no $binary: cmake --preset fuzz && cmake --build --preset fuzz" >&2; exit 66; }

corpus="$build/corpus/$target"
findings="$build/findings/$target"
mkdir -p "$corpus" "$findings"
case "$target" in
  library) seeds=("$root/routines" "$root/tests/data/good" "$root/tests/data/bad") ;;
  profile) seeds=("$root/fuzz/seeds/profile" "$root/tests/data/bad") ;;
  plan_json) seeds=("$root/fuzz/seeds/plan_json" "$root/tests/data/bad") ;;
  ics) seeds=() ;;
  *) echo "unknown target '$target'" >&2; exit 64 ;;
esac
dict=()
[ "$target" = ics ] || dict=(-dict="$here/yaml.dict")

# -max_len: real files are small, and longer inputs only slow the search; the size limits are
# tested directly (tests/unit/test_library_limits.cpp, tests/robustness).
exec "$binary" "$corpus" "${seeds[@]}" "${dict[@]}" -artifact_prefix="$findings/" \
  -max_total_time="$seconds" -max_len=16384 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1
