#!/usr/bin/env bash
# Whole-process start-up on the built-in library against `massage-plan --version` (the floor):
# the table of docs/performance.md, "Start-up on the built-in library".
#
#   bench/startup.sh [MASSAGE_PLAN [BASELINE]]     default: build/release/massage-plan
#
# With BASELINE (another build, e.g. one from before a change) each command is timed for both,
# side by side in one hyperfine run. Environment: RUNS (default 40), WARMUP (default 5).
# Needs hyperfine and /usr/bin/python3: scripts/install-deps.sh bench.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
bin="$(realpath "${1:-$here/../build/release/massage-plan}")"
base="${2:+$(realpath "$2")}"
runs="${RUNS:-40}"
warmup="${WARMUP:-5}"
for b in "$bin" ${base:+"$base"}; do
  [ -x "$b" ] || { echo "startup.sh: no executable '$b'" >&2; exit 66; }
done
command -v hyperfine >/dev/null || { echo "startup.sh: needs hyperfine: scripts/install-deps.sh bench" >&2; exit 69; }

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
# No user folder or profile from the environment: the built-in library and the command line only.
export XDG_CONFIG_HOME="$dir/xdg-empty" XDG_DATA_HOME="$dir/xdg-empty" HOME="$dir/home"
mkdir -p "$XDG_CONFIG_HOME" "$HOME"
export SOURCE_DATE_EPOCH=1735689600

# name|arguments|target (× --version; 0: the reference itself)
commands=(
  "--version|--version|0"
  "7-day plan, two goals|plan --goal tension-headache:3 --goal stress-reduction --session 07:30=15 --session 21:00=10 --start 2025-01-06|1.5"
  "plan (all goals, default)|plan --start 2025-01-06|2"
  "list techniques|list techniques|1.3"
  "show ID|show chin-tuck|1.3"
  "completions (-q list goals)|-q list goals|1.3"
  "52-week plan, two goals|plan --weeks 52 --goal tension-headache:3 --goal stress-reduction --session 07:30=15 --session 21:00=10 --start 2025-01-06|3"
  "validate|validate|"
)

hf_args=()
for c in "${commands[@]}"; do
  IFS='|' read -r _ args _ <<<"$c"
  hf_args+=("$bin $args")
  [ -n "$base" ] && hf_args+=("$base $args")
  # Each must succeed (status 0 or 1, nothing planned) before it is timed.
  "$bin" $args >/dev/null 2>&1 || [ $? -eq 1 ] || { echo "startup.sh: failed: $bin $args" >&2; exit 70; }
done
hyperfine -N --warmup "$warmup" --runs "$runs" --export-json "$dir/startup.json" "${hf_args[@]}" >&2

/usr/bin/python3 - "$dir/startup.json" "${base:+1}" "${commands[@]}" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
paired = sys.argv[2] == "1"
commands = [c.split("|") for c in sys.argv[3:]]
step = 2 if paired else 1
ms = lambda r: r["median"] * 1e3
ref = results[0]
ref_base = results[1] if paired else None
head = "| command | median ms | × --version | target |"
rule = "|---|---:|---:|---:|"
if paired:
    head = "| command | before ms | before × | after ms | after × | target |"
    rule = "|---|---:|---:|---:|---:|---:|"
print(head)
print(rule)
for i, (name, _, target) in enumerate(commands):
    r = results[i * step]
    ratio = r["median"] / ref["median"]
    mark = "" if not target or target == "0" else (f"≤ {target}× " + ("met" if ratio <= float(target) else "MISSED"))
    if paired:
        b = results[i * step + 1]
        print(f"| {name} | {ms(b):.1f} | {b['median'] / ref_base['median']:.2f} | {ms(r):.1f} | {ratio:.2f} | {mark} |")
    else:
        print(f"| {name} | {ms(r):.1f} | {ratio:.2f} | {mark} |")
PY
