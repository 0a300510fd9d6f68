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
from optimum import read_solution, solve  # noqa: E402
from optimum_model import Instance, block_cap  # noqa: E402


def spaced(days, rest):
    """The most of `days` a technique resting `rest` days between uses can take (earliest first
    is optimal): its rest rule as a weekly cap, which keeps the days alike."""
    n, last = 0, None
    for d in days:
        if last is None or d - last >= rest:
            n, last = n + 1, d
    return n


class Week:
    """The week's data as the bound needs it (SPEC §4 weights of bench/optimum.py's model)."""

    def __init__(self, inst):
        self.inst = inst
        self.days = len(inst.selfcare)  # self-care days, all alike
        self.goals = list(inst.prio)
        total = sum(inst.prio.values())
        self.weekly = {g: inst.prio[g] / total / 2 for g in self.goals}  # a goal's weekly part
        self.daily = {g: self.weekly[g] / self.days for g in self.goals}  # … a day's daily part
        self.target = {g: inst.target[g] for g in self.goals}  # weekly target minutes
        self.slots = inst.slots
        longest = max(inst.slots)
        self.techs = [t for t, v in inst.techs.items() if not v[4] and v[0] <= min(v[1], longest)]
        self.cap = {t: min(block_cap(inst.techs[t][2], 7), spaced(inst.selfcare, inst.techs[t][3]))
                    for t in self.techs}

    def weights(self, t):
        return self.inst.techs[t][5]

    def best_day(self, mu, nu, lp):
        """The best self-care day for the prices: (value, minutes per technique, uses per
        technique). Per technique j and session s its minutes m_j_s and whether it is used
        there, y_j_s (one session at most); per goal i the daily part u_i."""
        S = range(len(self.slots))
        L = self.techs
        gain = {t: sum(mu[t, g] * w for g, w in self.weights(t).items()) for t in L}
        obj = ([f"{self.daily[g]:.12g} u_{i}" for i, g in enumerate(self.goals)] +
               [f"{gain[t]:.12g} m_{j}_{s}" for j, t in enumerate(L) for s in S] +
               [f"{-nu[t]:.12g} y_{j}_{s}" for j, t in enumerate(L) for s in S])
        rows = []
        for i, g in enumerate(self.goals):
            terms = " ".join(f"- {self.weights(t)[g]:.12g} m_{j}_{s}" for j, t in enumerate(L)
                             if g in self.weights(t) for s in S)
            rows.append(f"{self.target[g] / 7:.12g} u_{i} {terms} <= 0")
        for j, t in enumerate(L):
            lo = self.inst.techs[t][0]
            for s in S:
                hi = min(self.inst.techs[t][1], self.slots[s])
                if hi < lo:
                    hi = lo = 0  # does not fit this session
                rows.append(f"m_{j}_{s} - {hi} y_{j}_{s} <= 0")
                rows.append(f"m_{j}_{s} - {lo} y_{j}_{s} >= 0")
            rows.append(" + ".join(f"y_{j}_{s}" for s in S) + " <= 1")
        for s in S:
            rows.append(" + ".join(f"m_{j}_{s}" for j in range(len(L))) + f" <= {self.slots[s]}")
        with open(lp, "w") as f:
            f.write("Maximize\n obj: " + " + ".join(obj).replace("+ -", "- ") + "\nSubject To\n")
            f.write("".join(f" c{n}: {row}\n" for n, row in enumerate(rows)))
            f.write("Bounds\n" + "".join(f" 0 <= u_{i} <= 1\n" for i in range(len(self.goals))))
            f.write("Binary\n " + " ".join(f"y_{j}_{s}" for j in range(len(L)) for s in S))
            f.write("\nEnd\n")
        value, optimal, _ = solve(lp, "cbc", 3600, 1)
        if not optimal:  # only the day's optimum keeps the bound a bound
            sys.exit("exact_day_bound.py: CBC did not solve a day to optimality")
        val = read_solution(lp, "cbc")
        m = {t: sum(val.get(f"m_{j}_{s}", 0.0) for s in S) for j, t in enumerate(L)}
        y = {t: sum(round(val.get(f"y_{j}_{s}", 0.0)) for s in S) for j, t in enumerate(L)}
        return value, m, y


def bound_from(week, scale, iterations, target, lp, report):
    """The least bound over `iterations` subgradient steps from `scale` × every part's slope."""
    w = week
    lam = {g: scale * w.weekly[g] / w.target[g] for g in w.goals}
    mu = {(t, g): lam[g] for t in w.techs for g in w.goals if g in w.weights(t)}
    nu = {t: 0.0 for t in w.techs}
    best, theta, idle = float("inf"), 2.0, 0
    for it in range(iterations):
        day, m, y = w.best_day(mu, nu, lp)
        # The week's value for these prices: a weekly part a·min(1, V/T) ≤ max(0, a − λT) + λV
        # with V the sum of the shares e ≤ min(σT, wM), and λe ≤ max(0, λ − μ)·σT + μ·wM; the
        # μ·wM and the caps' ν per use go to the days.
        v = {g: 1.0 if w.weekly[g] - lam[g] * w.target[g] > 0 else 0.0 for g in w.goals}
        e = {(t, g): w.inst.share[g] * w.target[g] if lam[g] - mg > 0 else 0.0
             for (t, g), mg in mu.items()}
        value = (sum(max(0.0, w.weekly[g] - lam[g] * w.target[g]) for g in w.goals) +
                 sum(max(0.0, lam[g] - mg) * w.inst.share[g] * w.target[g]
                     for (t, g), mg in mu.items()) +
                 sum(nu[t] * w.cap[t] for t in w.techs) + w.days * day)
        slack = {("l", g): sum(e[t, gg] for (t, gg) in e if gg == g) - w.target[g] * v[g]
                 for g in w.goals}
        slack.update({("m", t, g): w.weights(t)[g] * w.days * m[t] - e[t, g] for (t, g) in mu})
        slack.update({("n", t): w.cap[t] - w.days * y[t] for t in w.techs})
        if value < best - 1e-12:
            best, idle = value, 0
        else:
            idle += 1
            if idle >= 5:  # no progress: shorter steps (Held, Wolfe and Crowder)
                theta, idle = theta / 2, 0
        step = theta * (value - target) / (sum(x * x for x in slack.values()) or 1e-12)
        for g in w.goals:
            lam[g] = max(0.0, lam[g] - step * slack["l", g])
        for (t, g) in mu:
            mu[t, g] = max(0.0, mu[t, g] - step * slack["m", t, g])
        for t in w.techs:
            nu[t] = max(0.0, nu[t] - step * slack["n", t])
        if it + 1 in report or it + 1 == iterations:
            print(f"start {scale}, after {it + 1} steps: {best:.6f}", end="; ", flush=True)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("profile")
    ap.add_argument("--massage-plan",
                    default=os.path.join(HERE, "..", "build", "release", "massage-plan"))
    ap.add_argument("--library", default=os.path.join(HERE, "..", "routines"))
    ap.add_argument("--start", default="2025-01-06")
    ap.add_argument("--iterations", type=int, default=40)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="mp-day-bound-")
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(tmp, "config"))
    base = [a.massage_plan, "--no-builtin", "--library", a.library, "--profile", a.profile]

    def run(args):
        p = subprocess.run(base + args, capture_output=True, text=True, env=env)
        if p.returncode != 0:
            sys.exit(f"exact_day_bound.py: {' '.join(args)}: status {p.returncode}\n{p.stderr}")
        return json.loads(p.stdout)

    plan = run(["plan", "--days", "7", "--start", a.start, "--format", "json"])
    inst = Instance(run(["list", "techniques", "--format", "json"]),
                    run(["list", "goals", "--format", "json"]), plan)
    if inst.prodays:
        sys.exit("exact_day_bound.py: weeks with professional visits are not modelled")
    if not inst.selfcare or not inst.slots:
        sys.exit("exact_day_bound.py: no self-care days")
    week = Week(inst)
    target = plan["score"]["total"]
    lp = os.path.join(tmp, "day.lp")
    # From every part's full slope, then from half of it: the subgradient method stalls far from
    # the dual's minimum from some starts, and every start's values are bounds.
    best = min(bound_from(week, scale, a.iterations, target, lp, (1, 10, 20, 40))
               for scale in (1.0, 0.5))
    print(f"\nplanner {target:.6f}, bound {best:.6f}, planner / bound {target / best:.4f}")


if __name__ == "__main__":
    main()
