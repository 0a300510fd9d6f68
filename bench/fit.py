#!/usr/bin/python3
"""Fits cost exponents from Google Benchmark JSON (docs/performance.md).

    build/bench/bench/mp_bench --benchmark_filter=Generated --benchmark_format=json > b.json
    bench/fit.py b.json          (or on standard input)

For BM_PlanGenerated it fits log(CPU time) against log(techniques × days) over every point,
then against days for each library size and against techniques for each horizon; for
BM_LoadGenerated against techniques. An exponent near 1 is linear growth.
"""
import json
import math
import sys


def slope(points):
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return float("nan")
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx


def args(name):
    return {k: int(v) for k, v in (part.split(":") for part in name.split("/")[1:] if ":" in part)}


def main():
    src = open(sys.argv[1]) if len(sys.argv) > 1 else sys.stdin
    runs = [b for b in json.load(src)["benchmarks"]
            if b.get("run_type", "iteration") == "iteration" and not b.get("error_occurred")]
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    plan, load = [], []
    for b in runs:
        t = b["cpu_time"] * scale[b["time_unit"]]
        a = args(b["name"])
        if b["name"].startswith("BM_PlanGenerated/"):
            plan.append((a["techniques"], a["days"], t))
        elif b["name"].startswith("BM_LoadGenerated/"):
            load.append((a["techniques"], t))
    if plan:
        print(f"plan: CPU time vs techniques x days, all {len(plan)} points: "
              f"exponent {slope([(n * d, t) for n, d, t in plan]):.2f}")
        for n in sorted({n for n, _, _ in plan}):
            pts = [(d, t) for m, d, t in plan if m == n]
            print(f"  {n} techniques, vs days {sorted(d for d, _ in pts)}: "
                  f"exponent {slope(pts):.2f}")
        for d in sorted({d for _, d, _ in plan}):
            pts = [(n, t) for n, e, t in plan if e == d]
            if len(pts) > 1:
                print(f"  {d} days, vs techniques: exponent {slope(pts):.2f}")
    if load:
        print(f"load: CPU time vs techniques {sorted(n for n, _ in load)}: "
              f"exponent {slope(load):.2f}")


if __name__ == "__main__":
    main()
