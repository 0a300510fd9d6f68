"""The SPEC §4 planning model of one bench/optimum.py instance: its scoring, its MILP in CPLEX LP
format (pooled or per-slot days), the planner's plan as a MIP start, and packing a solution's
pooled days into the real slots. bench/optimum.py runs the solver around it."""

import datetime
import math
import sys

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def block_cap(n, block_days):
    return max(1, (n * block_days) // 7) if n >= 1 else 0


def rest_days(hours):
    return max(1, math.ceil(hours / 24))


def parse_clock(text):
    h, m = text.split(":")
    return int(h) * 60 + int(m)


class Instance:
    """The planning problem as SPEC §4 states it, from the planner's own resolved JSON."""

    def __init__(self, techniques, goals, plan_json):
        prof = plan_json["profile"]
        if prof.get("routines"):
            sys.exit("optimum.py: pinned routines are not modelled; use a profile without them")
        self.days = plan_json["days"]
        start = datetime.date.fromisoformat(plan_json["start"])
        self.weekday = [(start + datetime.timedelta(days=d)).weekday() for d in range(self.days)]
        self.blocks = [list(range(k, min(k + 7, self.days))) for k in range(0, self.days, 7)]
        weekdays = {WEEKDAYS.index(w) for w in prof["weekdays"]}
        self.selfcare = [d for d in range(self.days) if self.weekday[d] in weekdays]
        self.slots = [s["minutes"] for s in prof["sessions"]]
        self.prio = {g["id"]: g["priority"] for g in prof["goals"]}
        target = {g["id"]: g["weekly_target_minutes"] for g in goals}
        self.prio = {g: p for g, p in self.prio.items() if g in target}
        self.target = {g: target[g] for g in self.prio}
        # Variety (SPEC §4 v2): σ_g as the plan records it (`score` checks that record).
        claimed = plan_json["score"]["goals"]
        self.share = {g: claimed.get(g, {}).get("share_cap", 1) for g in self.prio}
        pro = prof.get("professional")
        self.pro_minutes = pro["minutes"] if pro else 0
        self.pro_per_week = pro["sessions_per_week"] if pro else 0
        pro_wd = {WEEKDAYS.index(w) for w in pro["weekdays"]} if pro else set()
        self.prodays = [d for d in range(self.days) if self.weekday[d] in pro_wd]
        conditions = set(prof["conditions"])
        equipment = set(prof["equipment"])
        self.techs = {}  # id -> (min, max, per_week, rest, therapist, weights)
        for t in techniques:
            if conditions & set(t["contraindications"]):
                continue
            if not set(t["equipment"]) <= equipment:
                continue
            w = {g: x for g, x in t["goals"].items() if g in self.prio}
            if not w:
                continue
            therapist = t["performer"] == "therapist"
            lo, hi = t["duration"]["min"], t["duration"]["max"]
            if therapist and not (pro and lo <= self.pro_minutes <= hi):
                continue
            self.techs[t["id"]] = (lo, hi, t["frequency"]["max_per_week"],
                                   rest_days(t["frequency"]["min_rest_hours"]), therapist, w)

    def score(self, minutes):
        """The SPEC §4 score of {(technique, day): minutes}: (total, {goal: (weekly, daily)})."""
        cov = {(g, d): 0.0 for g in self.prio for d in range(self.days)}
        for (t, d), m in minutes.items():
            for g, w in self.techs[t][5].items():
                cov[g, d] += w * m
        total = 0.0
        parts = {}
        P = sum(self.prio.values())
        for g, p in self.prio.items():
            tau = self.target[g]
            def credit(b):
                if self.share[g] >= 1:
                    return sum(cov[g, d] for d in b)
                cap = self.share[g] * tau * len(b) / 7
                return sum(min(cap, sum(self.techs[t][5].get(g, 0) * m
                                        for (u, d), m in minutes.items() if u == t and d in b))
                           for t in {t for t, _ in minutes})
            weekly = sum(min(1, credit(b) / (tau * len(b) / 7))
                         for b in self.blocks) / len(self.blocks)
            daily = (sum(min(1, cov[g, d] / (tau / 7)) for d in self.selfcare) / len(self.selfcare)
                     if self.selfcare else 1.0)
            total += p * (weekly + daily) / 2
            parts[g] = (weekly, daily)
        return total / P, parts

    def write_lp(self, path, exact_days):
        """Writes the model. Self-care days in `exact_days` get one variable per (technique,
        slot), as SPEC §4 states it; the other days get one per technique, with the day's slots
        pooled (Σ m ≤ Σ slot minutes, m ≤ the largest slot). Pooling only removes constraints,
        so the model is a relaxation of SPEC §4 and its optimum an upper bound; `pack` then
        tells whether the solution's pooled days also fit the real slots."""
        P = sum(self.prio.values())
        K = len(self.blocks)
        A = len(self.selfcare)
        gi = {g: i for i, g in enumerate(self.prio)}
        ti = {t: i for i, t in enumerate(self.techs)}
        obj, cons, bounds, ints, bins = [], [], [], [], []
        use = {}  # (t, d) -> list of binary variables whose sum is x[t,d]
        contrib = {}  # (g, d) -> list of (coef, var, technique)
        budget = {}  # (d, s or None) -> (capacity, [minute variables])
        big = max(self.slots, default=0)
        for d in self.selfcare:
            if d in exact_days:
                for s, cap in enumerate(self.slots):
                    budget[d, s] = (cap, [])
            else:
                budget[d, None] = (sum(self.slots), [])

        def add_use(i, t, lo, hi, w, d, s, cap):
            suffix = f"{d}_{s}" if s is not None else f"{d}"
            y, m = f"y_{i}_{suffix}", f"m_{i}_{suffix}"
            bins.append(y)
            ints.append(m)
            bounds.append(f" 0 <= {m} <= {min(hi, cap)}")
            cons.append(f" {m} - {lo} {y} >= 0")
            cons.append(f" {m} - {min(hi, cap)} {y} <= 0")
            use.setdefault((t, d), []).append(y)
            budget[d, s][1].append(m)
            for g, wt in w.items():
                contrib.setdefault((g, d), []).append((wt, m, t))

        for t, (lo, hi, per_week, rest, therapist, w) in self.techs.items():
            i = ti[t]
            if therapist:
                for d in self.prodays:
                    z = f"z_{i}_{d}"
                    bins.append(z)
                    use.setdefault((t, d), []).append(z)
                    for g, wt in w.items():
                        contrib.setdefault((g, d), []).append((wt * self.pro_minutes, z, t))
                continue
            for d in self.selfcare:
                if d in exact_days:
                    for s, cap in enumerate(self.slots):
                        if lo <= cap:
                            add_use(i, t, lo, hi, w, d, s, cap)
                elif lo <= big:
                    add_use(i, t, lo, hi, w, d, None, big)
        # Slot budgets (pooled on pooled days).
        for (d, s), (cap, ms) in budget.items():
            if ms:
                cons.append(" " + " + ".join(ms) + f" <= {cap}")
        # Once a day, block caps, rest windows.
        for t, (lo, hi, per_week, rest, therapist, w) in self.techs.items():
            for d in range(self.days):
                if len(use.get((t, d), [])) > 1:
                    cons.append(" " + " + ".join(use[t, d]) + " <= 1")
            for b in self.blocks:
                vs = [v for d in b for v in use.get((t, d), [])]
                cap = block_cap(per_week, len(b))
                if len(vs) > cap:
                    cons.append(" " + " + ".join(vs) + f" <= {cap}")
            if rest >= 2:
                for d0 in range(self.days):
                    vs = [v for d in range(d0, min(d0 + rest, self.days))
                          for v in use.get((t, d), [])]
                    if len(vs) > 1:
                        cons.append(" " + " + ".join(vs) + " <= 1")
        # Professional sessions: one a day, cap per block.
        pros = [t for t, v in self.techs.items() if v[4]]
        if pros:
            for d in self.prodays:
                cons.append(" " + " + ".join(f"z_{ti[t]}_{d}" for t in pros) + " <= 1")
            for b in self.blocks:
                zs = [f"z_{ti[t]}_{d}" for d in b if d in self.prodays for t in pros]
                cap = block_cap(self.pro_per_week, len(b))
                if len(zs) > cap:
                    cons.append(" " + " + ".join(zs) + f" <= {cap}")

        def coverage(g, days, tech=None):
            terms = [f"{c:.12g} {v}" for d in days for c, v, t in contrib.get((g, d), [])
                     if tech is None or t == tech]
            return " - ".join(terms)

        const = 0.0
        for g, p in self.prio.items():
            j = gi[g]
            tau = self.target[g]
            for k, b in enumerate(self.blocks):
                v = f"v_{j}_{k}"
                bounds.append(f" 0 <= {v} <= 1")
                obj.append(f"{p / (2 * P * K):.15g} {v}")
                if self.share[g] >= 1:
                    cov = coverage(g, b)
                else:
                    # Each technique's credit: 0 <= c <= its coverage in the block, c <= σ_g·T.
                    credits = []
                    for t in sorted({t for d in b for _, _, t in contrib.get((g, d), [])}):
                        c = f"c_{j}_{ti[t]}_{k}"
                        bounds.append(f" 0 <= {c} <= {self.share[g] * tau * len(b) / 7:.12g}")
                        cons.append(f" {c} - {coverage(g, b, t)} <= 0")
                        credits.append(c)
                    cov = " - ".join(credits)
                cons.append(f" {tau * len(b) / 7:.12g} {v}" + (f" - {cov}" if cov else "") + " <= 0")
            if not A:
                const += p / (2 * P)
            for d in self.selfcare:
                u = f"u_{j}_{d}"
                bounds.append(f" 0 <= {u} <= 1")
                obj.append(f"{p / (2 * P * A):.15g} {u}")
                cov = coverage(g, [d])
                cons.append(f" {tau / 7:.12g} {u}" + (f" - {cov}" if cov else "") + " <= 0")
        with open(path, "w") as f:
            f.write("\\ SPEC 4 planning model, written by bench/optimum.py\nMaximize\n obj: ")
            f.write(" + ".join(obj) + "\nSubject To\n")
            for n, c in enumerate(cons):
                f.write(f" c{n}:{c}\n")
            f.write("Bounds\n" + "\n".join(bounds) + "\n")
            if ints:
                f.write("General\n " + " ".join(ints) + "\n")
            if bins:
                f.write("Binary\n " + " ".join(bins) + "\n")
            f.write("End\n")
        return const, len(bins) + len(ints), len(cons)

    def write_start(self, path, plan_json, exact_days):
        """Writes the planner's plan as a MIP start for the model write_lp wrote with the same
        exact_days (CBC's solution format, integer variables only: CBC solves for the rest).
        With it CBC starts from the planner's score, prunes below it at once, and its
        improvement heuristics search around the planner's plan."""
        ti = {t: i for i, t in enumerate(self.techs)}
        slot_of = {parse_clock(s["time"]): k for k, s in enumerate(plan_json["profile"]["sessions"])}
        values = {}
        for d, day in enumerate(plan_json["plan"]):
            for s in day["sessions"]:
                for it in s["items"]:
                    i = ti.get(it["technique"])
                    if i is None:
                        return False  # a technique the model left out: no start
                    if s["kind"] == "professional":
                        values[f"z_{i}_{d}"] = 1
                        continue
                    suffix = f"{d}_{slot_of[parse_clock(s['start'])]}" if d in exact_days else f"{d}"
                    values[f"y_{i}_{suffix}"] = 1
                    values[f"m_{i}_{suffix}"] = values.get(f"m_{i}_{suffix}", 0) + it["minutes"]
        with open(path, "w") as f:
            f.write("Feasible - objective value 0\n")
            for n, (var, val) in enumerate(sorted(values.items())):
                f.write(f"{n:7d} {var:24s} {val:23g} 0\n")
        return True

    def slot_items(self, values):
        """({(day, slot): [(technique, minutes)]}, unpacked days) of a solution, slot -1 for
        professional sessions; a pooled day's items are packed into the real slots, and the
        days whose items do not fit are returned instead."""
        ids = list(self.techs)
        items = {}
        for var, val in values.items():
            val = round(val)
            if val <= 0 or var[0] not in "mz":
                continue
            parts = [int(x) for x in var.split("_")[1:]]
            t, d = ids[parts[0]], parts[1]
            if var[0] == "z":
                items.setdefault((d, -1), []).append((t, self.pro_minutes))
            else:
                items.setdefault((d, parts[2] if len(parts) > 2 else None), []).append((t, val))
        unpacked = set()
        for (d, slot), its in list(items.items()):
            if slot is None:
                del items[d, slot]
                packed = self.pack(its)
                if packed is None:
                    unpacked.add(d)
                else:
                    items.update(((d, s), sits) for s, sits in packed.items())
        return items, unpacked

    def pack(self, items):
        """Assigns a pooled day's (technique, minutes) items to the real slots, longest first
        (exhaustive backtracking: a day holds a handful of items). None when they do not fit."""
        order = sorted(items, key=lambda it: -it[1])
        room = list(self.slots)
        chosen = [0] * len(order)

        def place(k):
            if k == len(order):
                return True
            tried = set()
            for s, free in enumerate(room):
                if order[k][1] <= free and free not in tried:
                    tried.add(free)
                    room[s] -= order[k][1]
                    chosen[k] = s
                    if place(k + 1):
                        return True
                    room[s] += order[k][1]
            return False

        if not place(0):
            return None
        slots = {}
        for it, s in zip(order, chosen):
            slots.setdefault(s, []).append(it)
        return slots
