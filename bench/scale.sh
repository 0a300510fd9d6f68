#!/usr/bin/env bash
# Times whole-process plans on synthetic libraries and the built-in one (docs/performance.md).
#
#   bench/scale.sh [MASSAGE_PLAN]        default: build/bench/massage-plan
#
# Environment: MP_BENCH_DIR (generated libraries, default /tmp/mp-bench), SIZES (techniques,
# default "1000 10000 100000"), DAYS (default "1 7 364"), REPEAT (runs per point, the fastest
# counts, default 3), HYPERFINE_RUNS (default 30; 0 skips the built-in comparison).
# Needs /usr/bin/time (Debian `time`), /usr/bin/python3 and, for the built-in comparison,
# hyperfine: scripts/install-deps.sh bench.
#
# For each library size it times `validate` (loading alone) and `plan --days D --format json`
# with two slots a day and a professional session a week, and reports wall and CPU (user + sys)
# seconds and peak resident memory; then it fits log(time) against log(techniques × days) and
# prints the exponent of the whole process (bench/fit.py fits planning alone, in process).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$here/../build/bench/massage-plan}"
bin="$(realpath "$bin")"
dir="${MP_BENCH_DIR:-/tmp/mp-bench}"
sizes=(${SIZES:-1000 10000 100000})
days_list=(${DAYS:-1 7 364})
repeat="${REPEAT:-3}"
hf_runs="${HYPERFINE_RUNS:-30}"
[ -x "$bin" ] || { echo "scale.sh: no executable '$bin' (build the bench preset)" >&2; exit 66; }
[ -x /usr/bin/time ] || { echo "scale.sh: needs /usr/bin/time: apt-get install time" >&2; exit 69; }

mkdir -p "$dir"
# No user folder or profile from the environment: only what the command line says.
export XDG_CONFIG_HOME="$dir/xdg-empty"
mkdir -p "$XDG_CONFIG_HOME"
export SOURCE_DATE_EPOCH=1735689600

profile_flags=(--goal tension-headache:3 --goal range-of-motion --goal stress-reduction:2
               --session 07:30=15 --session 21:00=10
               --condition cond-00 --condition cond-01
               --equipment equip-00 --equipment equip-01 --equipment equip-02 --equipment equip-03
               --pro 1 --pro-minutes 60 --pro-weekdays sat --start 2025-01-06 --format json)

# One measured run: prints "wall_s cpu_s peak_kib"; fails loudly if the command fails.
measure() {
  local out="$dir/time.txt"
  if ! /usr/bin/time -v -o "$out" "$@" >/dev/null 2>"$dir/stderr.txt"; then
    echo "scale.sh: failed: $*" >&2
    cat "$dir/stderr.txt" >&2
    exit 70
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
    /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
    END { printf "%.3f %.3f %d\n", w, u + s, m }' "$out"
}

# The fastest of REPEAT runs (least disturbed by other load); peak memory of that run.
best_of() {
  local best="" line
  for _ in $(seq "$repeat"); do
    line="$(measure "$@")"
    if [ -z "$best" ] || awk -v a="$line" -v b="$best" 'BEGIN { split(a, x, " "); split(b, y, " "); exit !(x[2] < y[2]) }'; then
      best="$line"
    fi
  done
  echo "$best"
}

results="$dir/results.tsv"
printf 'techniques\tdays\twall_s\tcpu_s\tpeak_kib\tload_cpu_s\n' >"$results"
for n in "${sizes[@]}"; do
  lib="$dir/lib-$n"
  stamp="$lib/.generated-by-$(sha1sum "$here/gen_library.py" | cut -c1-12)"
  if [ ! -e "$stamp" ]; then
    /usr/bin/python3 "$here/gen_library.py" --techniques "$n" --out "$lib"
    rm -f "$lib"/.generated-by-*
    touch "$stamp"
  fi
  read -r _ load_cpu _ < <(best_of "$bin" --no-builtin --library "$lib" validate)
  for d in "${days_list[@]}"; do
    read -r wall cpu peak < <(best_of "$bin" --no-builtin --library "$lib" plan --days "$d" \
                                "${profile_flags[@]}")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$d" "$wall" "$cpu" "$peak" "$load_cpu" >>"$results"
    echo "techniques=$n days=$d wall=${wall}s cpu=${cpu}s peak=$((peak / 1024))MiB" \
         "(validate cpu=${load_cpu}s)" >&2
  done
done

/usr/bin/python3 - "$results" <<'EOF'
import math, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])][1:]
rows = [(int(n), int(d), float(w), float(c), int(m), float(l)) for n, d, w, c, m, l in rows]
print("| techniques | days | wall s | CPU s | peak MiB | validate CPU s | plan-only CPU s |")
print("|---:|---:|---:|---:|---:|---:|---:|")
for n, d, w, c, m, l in rows:
    print(f"| {n} | {d} | {w:.2f} | {c:.2f} | {m / 1024:.0f} | {l:.2f} | {max(c - l, 0):.3f} |")

def fit(points):
    points = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(points) < 2:
        return float("nan")
    mx = sum(p[0] for p in points) / len(points)
    my = sum(p[1] for p in points) / len(points)
    sxx = sum((p[0] - mx) ** 2 for p in points)
    return sum((p[0] - mx) * (p[1] - my) for p in points) / sxx if sxx else float("nan")

print()
print(f"exponent, whole-process CPU vs techniques x days: {fit([(n * d, c) for n, d, w, c, m, l in rows]):.2f}")
# Planning alone is too small a difference of two noisy whole-process times to fit; the
# in-process figures do that: mp_bench --benchmark_format=json | bench/fit.py (docs/performance.md).
EOF

if [ "$hf_runs" -gt 0 ]; then
  if ! command -v hyperfine >/dev/null; then
    echo "scale.sh: hyperfine not found (apt-get install hyperfine); built-in comparison skipped" >&2
    exit 0
  fi
  builtin_flags=(--goal tension-headache:3 --goal stress-reduction --session 07:30=15
                 --session 21:00=10 --pro 1 --pro-weekdays sat --start 2025-01-06)
  hyperfine -N --warmup 5 --runs "$hf_runs" --export-json "$dir/builtin.json" \
    "$bin validate" "$bin plan ${builtin_flags[*]}" >&2
  /usr/bin/python3 - "$dir/builtin.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
v, p = r[0], r[1]
print()
print("| built-in library | median wall ms | min wall ms | mean CPU ms (user+sys) |")
print("|---|---:|---:|---:|")
for name, x in (("validate", v), ("plan (7 days)", p)):
    print(f"| {name} | {x['median'] * 1e3:.1f} | {x['min'] * 1e3:.1f} | {(x['user'] + x['system']) * 1e3:.1f} |")
cpu = lambda x: x["user"] + x["system"]
print()
print(f"plan / validate: median wall {p['median'] / v['median']:.2f}x, min wall "
      f"{p['min'] / v['min']:.2f}x, CPU {cpu(p) / cpu(v):.2f}x (target <= 1.5x)")
EOF
fi
