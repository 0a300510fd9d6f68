#!/usr/bin/python3
"""Writes a synthetic massage-plan library for benchmarks (docs/performance.md).

    bench/gen_library.py --techniques 10000 --out /tmp/mp-bench/10k [--seed 1]
                         [--per-file 2000] [--profile /tmp/mp-bench/10k.profile.yaml]

The library has several goals, conditions (two of them red flags) and equipment, professional
techniques (about 5 %), self, partner and professional kinds, and mixed frequency and rest
rules. Techniques are split over files of --per-file entries each, so no file comes near the
loader's limits (16 MiB, 1,000,000 values). The same arguments always give the same files.
The profile (optional) names goals, conditions and equipment that exist in the library, two
sessions a day and one professional session a week; it is written outside --out because a
profile is not a library file.
"""

import argparse
import os
import random
import sys

GOALS = [
    ("tension-headache", "Tension headache relief"),
    ("range-of-motion", "Neck and spine range of motion"),
    ("stress-reduction", "Stress reduction"),
    ("muscle-relaxation", "Muscle relaxation"),
    ("circulation", "Circulation"),
    ("mindfulness", "Mindfulness"),
    ("posture", "Upright posture"),
    ("sleep-quality", "Sleep quality"),
]
SELF_KINDS = ["self-massage", "stretch", "mobility", "breathing", "mindfulness"]
REGIONS = ["neck", "upper-back", "mid-back", "lower-back", "sacrum", "shoulders", "head"]
MUSCLES = ["trapezius", "levator-scapulae", "splenius-capitis", "sternocleidomastoid",
           "rhomboids", "erector-spinae", "scalenes", "suboccipitals", "pectoralis-minor"]
INTENSITIES = ["gentle", "moderate", "firm"]
PHASES = ["warm-up", "main", "main", "cool-down"]
TIMES = ["any", "any", "morning", "evening"]
PER_WEEK = [1, 2, 3, 5, 7, 7, 14]
REST_HOURS = [0, 0, 0, 8, 24, 48, 72]


def q(text):
    """A YAML double-quoted scalar (our text is plain ASCII)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(items):
    return "[" + ", ".join(items) + "]"


def goal_targets(rng, n):
    return [(GOALS[i] if i < len(GOALS) else (f"goal-{i}", f"Goal {i}")) + (rng.randint(40, 150),)
            for i in range(n)]


def write_file(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def technique(rng, i, goals, conditions, equipment, pro_share):
    professional = rng.random() < pro_share
    kind = "professional" if professional else rng.choice(SELF_KINDS)
    tid = f"t{i:06d}-{kind}"
    n_goals = rng.randint(1, min(4, len(goals)))
    weights = {}
    for g in rng.sample(goals, n_goals):
        weights[g[0]] = round(rng.uniform(0.05, 1.0), 2)
    if professional:
        lo = rng.choice([30, 45, 60])
        hi = rng.choice([60, 75, 90, 120])
        dflt = 60 if lo <= 60 <= hi else lo
    else:
        lo = rng.randint(1, 6)
        hi = lo + rng.randint(0, 10)
        dflt = rng.randint(lo, hi)
    lines = [
        f"  - id: {tid}",
        f"    name: {q(f'Synthetic {kind} {i}')}",
        f"    description: {q(f'Generated technique number {i} for benchmarks.')}",
        f"    kind: {kind}",
    ]
    if not professional and kind == "self-massage" and rng.random() < 0.2:
        lines.append("    performer: partner")
    lines += [
        f"    regions: {flow(rng.sample(REGIONS, rng.randint(1, 3)))}",
        f"    muscles: {flow(rng.sample(MUSCLES, rng.randint(0, 3)))}",
        "    goals: {" + ", ".join(f"{g}: {w}" for g, w in weights.items()) + "}",
        f"    duration: {{min: {lo}, default: {dflt}, max: {hi}}}",
        f"    frequency: {{max_per_week: {rng.choice(PER_WEEK)}, "
        f"min_rest_hours: {rng.choice(REST_HOURS)}}}",
        f"    intensity: {rng.choice(INTENSITIES)}",
        f"    phase: {rng.choice(PHASES)}",
        f"    time_of_day: {rng.choice(TIMES)}",
    ]
    if rng.random() < 0.3:
        lines.append(f"    equipment: {flow(rng.sample(equipment, rng.randint(1, 2)))}")
    if rng.random() < 0.5:
        lines.append(f"    contraindications: {flow(rng.sample(conditions, rng.randint(1, 3)))}")
    lines += [
        f"    dose: {q(f'{dflt} minutes, slowly')}",
        "    steps:",
        f"      - {q('Sit or lie comfortably and breathe out slowly.')}",
        f"      - {q(f'Do movement {i} gently, within a comfortable range.')}",
        f"    cautions: [{q('Stop if it hurts, or if you feel dizzy or tingling.')}]",
        f"    sources: [{q('Synthetic benchmark data, not advice')}]",
    ]
    return tid, kind, lo, hi, "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--techniques", type=int, required=True)
    ap.add_argument("--out", required=True, help="folder to write (created; old *.yaml removed)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--goals", type=int, default=8)
    ap.add_argument("--conditions", type=int, default=20)
    ap.add_argument("--equipment", type=int, default=8)
    ap.add_argument("--per-file", type=int, default=2000)
    ap.add_argument("--pro-share", type=float, default=0.05)
    ap.add_argument("--routines", type=int, default=10)
    ap.add_argument("--profile", help="also write a profile (outside --out)")
    ap.add_argument("--profile-goals", type=int, default=3)
    args = ap.parse_args()
    if args.techniques < 1 or args.goals < 1 or args.per_file < 1:
        ap.error("--techniques, --goals and --per-file must be at least 1")

    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    for name in os.listdir(args.out):
        if name.endswith((".yaml", ".yml")):
            os.remove(os.path.join(args.out, name))

    goals = goal_targets(rng, args.goals)
    write_file(os.path.join(args.out, "goals.yaml"), "goals:\n" + "".join(
        f"  - id: {gid}\n    name: {q(name)}\n    weekly_target_minutes: {target}\n"
        for gid, name, target in goals))

    conditions = [f"cond-{i:02d}" for i in range(args.conditions)]
    text = "conditions:\n"
    for i, cid in enumerate(conditions):
        red = i >= args.conditions - 2  # the last two are red flags
        text += (f"  - id: {cid}\n    name: {q(f'Condition {i}')}\n"
                 f"    red_flag: {'true' if red else 'false'}\n"
                 f"    advice: {q('See a clinician first.' if red else 'Go gently.')}\n")
    write_file(os.path.join(args.out, "conditions.yaml"), text)
    contraindicating = conditions  # red flags may appear as contraindications too

    equipment = [f"equip-{i:02d}" for i in range(args.equipment)]
    write_file(os.path.join(args.out, "equipment.yaml"), "equipment:\n" + "".join(
        f"  - id: {e}\n    name: {q(f'Equipment {i}')}\n" for i, e in enumerate(equipment)))

    self_techs = []  # (id, min, max) for routines
    n_files = (args.techniques + args.per_file - 1) // args.per_file
    for f in range(n_files):
        first = f * args.per_file
        last = min(args.techniques, first + args.per_file)
        parts = ["techniques:\n"]
        for i in range(first, last):
            tid, kind, lo, hi, entry = technique(rng, i, goals, contraindicating, equipment,
                                                 args.pro_share)
            parts.append(entry)
            if kind != "professional" and len(self_techs) < 64:
                self_techs.append((tid, lo, hi))
        write_file(os.path.join(args.out, f"techniques-{f:04d}.yaml"), "".join(parts))

    if args.routines and self_techs:
        text = "routines:\n"
        for r in range(args.routines):
            text += f"  - id: routine-{r:02d}\n    name: {q(f'Routine {r}')}\n    steps:\n"
            for tid, lo, hi in rng.sample(self_techs, min(3, len(self_techs))):
                text += f"      - {{technique: {tid}, minutes: {rng.randint(lo, hi)}}}\n"
        write_file(os.path.join(args.out, "routines.yaml"), text)

    if args.profile:
        chosen = goals[:args.profile_goals]
        text = ("# Generated by bench/gen_library.py\n"
                "goals: [" + ", ".join(f"{{id: {g[0]}, priority: {rng.randint(1, 3)}}}"
                                        for g in chosen) + "]\n"
                "weekdays: [mon, tue, wed, thu, fri, sat, sun]\n"
                'sessions: [{time: "07:30", minutes: 15}, {time: "21:00", minutes: 10}]\n'
                f"conditions: [{conditions[0]}, {conditions[1]}]\n"
                f"equipment: [{', '.join(equipment[:args.equipment // 2])}]\n"
                'professional: {sessions_per_week: 1, minutes: 60, weekdays: [sat], '
                'time: "10:00"}\n')
        write_file(args.profile, text)
    print(f"{args.out}: {args.techniques} techniques in {n_files} files, {len(goals)} goals, "
          f"{len(conditions)} conditions, {len(equipment)} equipment", file=sys.stderr)


if __name__ == "__main__":
    main()
