#!/usr/bin/python3
"""A week's upper bound with each day's plan exact: issue 23's eighth-round prototype.

    bench/exact_day_bound.py PROFILE [--massage-plan BIN] [--library routines] [--start DATE]
                             [--iterations 40]

`block_upper_bound` (src/planner/week_bound.cpp) relaxes a week to fractional minutes and a linear
price per goal on every day, so a fraction of a use can bring each day a little of the best
technique: on the plain plan it cannot go below 0.6919 while the optimum is 0.67. This prototype
keeps each day's plan whole instead: every use between its technique's minimum and its longest
length that fits a session, and the daily parts min(1, c/τ) exact; only what links the days is
priced (the weekly parts by λ ≥ 0, a technique's share of a goal by μ ≥ 0, its weekly cap by ν ≥ 0
per use), and the rest rules count only as a cap on the week's uses. With no professional visits
every self-care day is then the same problem, solved once per step by CBC as a small MILP (minutes
continuous, uses binary, each in one session); the bound is the least over subgradient steps
with Polyak's step towards the planner's score. Every step's value is an upper bound on the week's
optimum (the SPEC §4 model of bench/optimum.py). Two starts (the plan's full slopes, and half of
them), each --iterations steps; prints the least bound after 1, 10, 20 and 40 steps of each and the
planner's score over it; a week is proven at 0.99 when that ratio is ≥ 0.99. Needs CBC
(scripts/install-deps.sh bench). A measurement, not the planner's code.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from optimum_model import Instance, block_cap  # noqa: E402

ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("profile")
ap.add_argument("--massage-plan",
                default=os.path.join(HERE, "..", "build", "release", "massage-plan"))
ap.add_argument("--library", default=os.path.join(HERE, "..", "routines"))
ap.add_argument("--start", default="2025-01-06")
ap.add_argument("--iterations", type=int, default=40)
a = ap.parse_args()
iters = a.iterations
TMP = tempfile.mkdtemp(prefix="mp-day-bound-")
LP, SOL = os.path.join(TMP, "day.lp"), os.path.join(TMP, "day.sol")
env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(TMP, "config"))
base = [a.massage_plan, "--no-builtin", "--library", a.library, "--profile", a.profile]


def run(args):
    p = subprocess.run(base + args, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        sys.exit(f"exact_day_bound.py: {' '.join(args)}: status {p.returncode}\n{p.stderr}")
    return json.loads(p.stdout)


plan = run(["plan", "--days", "7", "--start", a.start, "--format", "json"])
techs = run(["list", "techniques", "--format", "json"])
goals = run(["list", "goals", "--format", "json"])
I = Instance(techs, goals, plan)
if I.prodays:
    sys.exit("exact_day_bound.py: weeks with professional visits are not modelled")
nA = len(I.selfcare)
if nA == 0 or not I.slots:
    sys.exit("exact_day_bound.py: no self-care days")
G = list(I.prio); P = sum(I.prio.values())
A = {g: I.prio[g] / P / 2 for g in G}            # weekly part weight
Bd = {g: I.prio[g] / P / 2 / nA for g in G}       # daily part weight per day
T = {g: I.target[g] for g in G}                  # weekly target (7 days)
tau = {g: I.target[g] / 7 for g in G}
sig = I.share
longest = max(I.slots)
L = [t for t, v in I.techs.items() if not v[4] and v[0] <= min(v[1], longest)]


def spaced(days, rest):
    """The most of `days` a technique resting `rest` days between uses can take (earliest first
    is optimal): its rest rule as a weekly cap, which keeps the days alike."""
    n, last = 0, None
    for d in days:
        if last is None or d - last >= rest:
            n, last = n + 1, d
    return n


cap = {t: min(block_cap(I.techs[t][2], 7), spaced(I.selfcare, I.techs[t][3])) for t in L}


def day(lam, mu, nu):
    # Per technique j and session s: its minutes m_j_s and whether it is used there, y_j_s (a use
    # in one session at most); per goal i the daily part u_i.
    S = range(len(I.slots))
    gain = {t: sum(mu[t, g] * w for g, w in I.techs[t][5].items()) for t in L}
    lines = ["Maximize", " obj: " + " + ".join(
        [f"{Bd[g]:.12g} u_{i}" for i, g in enumerate(G)] +
        [f"{gain[t]:.12g} m_{j}_{s}" for j, t in enumerate(L) for s in S] +
        [f"{-nu[t]:.12g} y_{j}_{s}" for j, t in enumerate(L) for s in S]).replace("+ -", "- "),
        "Subject To"]
    n = 0
    for i, g in enumerate(G):
        terms = " ".join(f"- {I.techs[t][5][g]:.12g} m_{j}_{s}" for j, t in enumerate(L)
                         if g in I.techs[t][5] for s in S)
        lines.append(f" c{n}: {tau[g]:.12g} u_{i} {terms} <= 0")
        n += 1
    for j, t in enumerate(L):
        lo = I.techs[t][0]
        for s in S:
            hi = min(I.techs[t][1], I.slots[s])
            if hi < lo:
                hi = lo = 0  # does not fit this session
            lines.append(f" c{n}: m_{j}_{s} - {hi} y_{j}_{s} <= 0")
            lines.append(f" c{n + 1}: m_{j}_{s} - {lo} y_{j}_{s} >= 0")
            n += 2
        lines.append(f" c{n}: " + " + ".join(f"y_{j}_{s}" for s in S) + " <= 1")
        n += 1
    for s in S:
        lines.append(f" c{n}: " + " + ".join(f"m_{j}_{s}" for j in range(len(L))) +
                     f" <= {I.slots[s]}")
        n += 1
    lines.append("Bounds")
    lines += [f" 0 <= u_{i} <= 1" for i in range(len(G))]
    lines.append("Binary")
    lines.append(" " + " ".join(f"y_{j}_{s}" for j in range(len(L)) for s in S))
    lines.append("End")
    open(LP, "w").write("\n".join(lines) + "\n")
    subprocess.run(["cbc", LP, "ratio", "0", "allow", "1e-12", "solve", "solu", SOL],
                   capture_output=True)
    val = {}
    with open(SOL) as f:
        head = f.readline()
        if not head.startswith("Optimal"):  # only the day's optimum keeps the bound a bound
            sys.exit(f"exact_day_bound.py: CBC did not solve a day: {head}")
        obj = float(head.split()[-1])
        for ln in f:
            p = ln.split()
            if p[0] == "**": p = p[1:]
            val[p[1]] = float(p[2])
    S = range(len(I.slots))
    m = {t: sum(val.get(f"m_{j}_{s}", 0.0) for s in S) for j, t in enumerate(L)}
    y = {t: sum(round(val.get(f"y_{j}_{s}", 0.0)) for s in S) for j, t in enumerate(L)}
    return obj, m, y
best = 1e9
target = plan["score"]["total"]
for scale in (1.0, 0.5):
    # From every part's full slope, then from half of it: the subgradient method stalls far from
    # the dual's minimum from some starts, and every start's values are bounds.
    lam = {g: scale * A[g] / T[g] for g in G}
    mu = {(t, g): lam[g] for t in L for g in G if g in I.techs[t][5]}
    nu = {t: 0.0 for t in L}
    theta, idle, best_seen = 2.0, 0, float("inf")
    for it in range(iters):
        D, m, y = day(lam, mu, nu)
        Lv = 0.0; slack = {}
        v = {g: 1.0 if A[g] - lam[g] * T[g] > 0 else 0.0 for g in G}
        Lv += sum(max(0.0, A[g] - lam[g] * T[g]) for g in G)
        e = {}
        for (t, g), mg in mu.items():
            st = sig[g] * T[g]
            e[t, g] = st if lam[g] - mg > 0 else 0.0
            Lv += max(0.0, lam[g] - mg) * st
        Lv += sum(nu[t] * cap[t] for t in L) + nA * D
        best = min(best, Lv)
        for g in G: slack["l", g] = sum(e[t, gg] for (t, gg) in e if gg == g) - T[g] * v[g]
        for (t, g) in mu: slack["m", t, g] = I.techs[t][5][g] * nA * m[t] - e[t, g]
        for t in L: slack["n", t] = cap[t] - nA * y[t]
        norm = sum(s * s for s in slack.values()) or 1e-12
        if Lv < best_seen - 1e-12:
            best_seen, idle = Lv, 0
        else:
            idle += 1
            if idle >= 5:  # no progress: shorter steps (Held, Wolfe and Crowder)
                theta, idle = theta / 2, 0
        step = theta * (Lv - target) / norm
        for g in G: lam[g] = max(0.0, lam[g] - step * slack["l", g])
        for (t, g) in mu: mu[t, g] = max(0.0, mu[t, g] - step * slack["m", t, g])
        for t in L: nu[t] = max(0.0, nu[t] - step * slack["n", t])
        if it + 1 in (1, 10, 20, 40):
            print(f"start {scale}, after {it + 1} steps: {best:.6f}", end="; ", flush=True)
print(f"\nplanner {target:.6f}, bound {best:.6f}, planner / bound {target / best:.4f}")
