"""Writes bench/results/peer-gepa.md from the work folder of bench/peer-gepa.sh: per suite and seed
the holdout means (evolve eval, 5 repeats) of the seed prompt, gepa@N, Evolve@N/2 and Evolve@N,
the rollouts each used, and the paired differences with the 95% intervals `evolve compare`
printed; then means over the seeds."""

import argparse
import datetime
import json
import math
import os
import statistics

# Two-sided 95% Student t quantiles by degrees of freedom, for the interval over seeds.
T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228,
        11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 16: 2.120, 17: 2.110, 18: 2.101, 19: 2.093, 20: 2.086}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def seed_row(d, half, full):
    holdout = {side: load(f"{d}/holdout-{side}.json") for side in ("seed", "gepa", f"evolve-{half}", f"evolve-{full}")}
    for side, h in holdout.items():
        if not h.get("simulated"):
            raise SystemExit(f"report: {d}/holdout-{side}.json was not made with the simulator; this report only describes sim runs")
    row = {
        "gepa": load(f"{d}/gepa/gepa.json"),
        "half": load(f"{d}/evolve-{half}.json"),
        "full": load(f"{d}/evolve-{full}.json"),
        "ho": {side: h["summary"]["meanScore"] for side, h in holdout.items()},
        "cmp": {},
        "notes": [],
    }
    with open(f"{d}/gepa.sbn", encoding="utf-8") as f:
        row["strayTicks"] = sum(1 for line in f.read().split("\n") if line.strip() == "`")
    for key, b in (("half", half), ("full", full)):
        s = load(f"{d}/compare-{b}.json")["statistics"]
        row["cmp"][key] = (s["meanDifference"], s["interval"]["lower"], s["interval"]["upper"], s["verdict"])
        # compare re-runs both prompts; with the same model and cases its means must be eval's.
        for side, mean in (("gepa", s["meanA"]), (f"evolve-{b}", s["meanB"])):
            if abs(mean - row["ho"][side]) > 1e-9:
                row["notes"].append(f"compare's mean for {side} ({mean:.4f}) differs from evolve eval's ({row['ho'][side]:.4f})")
    return row


def interval_over_seeds(values):
    if len(values) < 2:
        return "n/a (one seed)"
    m, sd = statistics.mean(values), statistics.stdev(values)
    h = T975.get(len(values) - 1, 1.96) * sd / math.sqrt(len(values))
    return f"{m - h:+.3f} to {m + h:+.3f}"


def stop(evolve):
    """Why the run stopped, short: "budget" or the patience/target reason as Evolve words it."""
    reason = evolve.get("stopReason") or "?"
    return "budget" if reason.startswith("budget") else reason


def diff_cell(c):
    return f"{c[0]:+.3f} ({c[1]:+.3f} to {c[2]:+.3f})"


def suite_section(suite, seeds, rows, half, full):
    out = [f"## {suite}\n"]
    out.append(f"Holdout mean case score (evolve eval, 5 repeats); rollouts each search used; paired differences on the "
               f"same holdout cases and repeats with `evolve compare`'s 95% bootstrap interval.\n")
    out.append(f"| seed | seed prompt | gepa@{full} | Evolve@{half} | Evolve@{full} | rollouts gepa@{full} | rollouts Evolve@{half} "
               f"| rollouts Evolve@{full} | Evolve@{half} − gepa@{full} (95% CI) | Evolve@{full} − gepa@{full} (95% CI) |")
    out.append("|---|---|---|---|---|---|---|---|---|---|")
    for seed, r in zip(seeds, rows):
        ho = r["ho"]
        out.append(f"| {seed} | {ho['seed']:.3f} | {ho['gepa']:.3f} | {ho[f'evolve-{half}']:.3f} | {ho[f'evolve-{full}']:.3f} "
                   f"| {r['gepa']['rollouts']} | {r['half']['spent']} ({r['half']['searchRollouts']} + {r['half']['holdoutCheckRollouts']}) "
                   f"| {r['full']['spent']} ({r['full']['searchRollouts']} + {r['full']['holdoutCheckRollouts']}) "
                   f"| {diff_cell(r['cmp']['half'])} | {diff_cell(r['cmp']['full'])} |")
    mean = lambda f: statistics.mean(f(r) for r in rows)
    out.append(f"| **mean** | {mean(lambda r: r['ho']['seed']):.3f} | {mean(lambda r: r['ho']['gepa']):.3f} "
               f"| {mean(lambda r: r['ho'][f'evolve-{half}']):.3f} | {mean(lambda r: r['ho'][f'evolve-{full}']):.3f} "
               f"| {mean(lambda r: r['gepa']['rollouts']):.0f} | {mean(lambda r: r['half']['spent']):.0f} "
               f"| {mean(lambda r: r['full']['spent']):.0f} | {mean(lambda r: r['cmp']['half'][0]):+.3f} "
               f"| {mean(lambda r: r['cmp']['full'][0]):+.3f} |")
    out.append("")
    out.append("Rollouts of Evolve are all it spent, written as search + its own holdout check (`evolve run` keeps part of "
               "its budget for checking its finalists against the seed on holdout; gepa has no such step and spends "
               "its whole budget searching; it checks `max_metric_calls` between iterations, so its last iteration can end a few rollouts past N, while Evolve's budget is a hard cap). The mean row's differences are means of the per-seed differences.\n")
    for key, label in (("half", f"Evolve@{half} − gepa@{full}"), ("full", f"Evolve@{full} − gepa@{full}")):
        diffs = [r["cmp"][key][0] for r in rows]
        above = sum(r["cmp"][key][1] > 0 for r in rows)
        below = sum(r["cmp"][key][2] < 0 for r in rows)
        out.append(f"- {label}: mean {statistics.mean(diffs):+.3f} over {len(rows)} seed(s); 95% t interval over seeds "
                   f"{interval_over_seeds(diffs)} (computed here from the per-seed differences); per-seed interval "
                   f"above 0 in {above}, below 0 in {below}, spanning 0 in {len(rows) - above - below}.")
    out.append("")
    out.append("Search detail (validation means are each tool's own, on the val split):\n")
    out.append(f"| seed | gepa val seed → best | gepa candidates | gepa reflection calls | gepa wall s | stray ` lines in gepa's best "
               f"| Evolve@{half} val seed → best | Evolve@{full} val seed → best | Evolve@{half} stop | Evolve@{full} stop "
               f"| same Evolve best at both budgets | Evolve@{half} wall s | Evolve@{full} wall s |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for seed, r in zip(seeds, rows):
        g, h, f = r["gepa"], r["half"], r["full"]
        out.append(f"| {seed} | {g['seedVal']:.3f} → {g['bestVal']:.3f} | {g['candidates']} | {g['reflectionCalls']} | {g['wallSeconds']:.0f} "
                   f"| {r['strayTicks']} | {h['seedVal']:.3f} → {h['bestVal']:.3f} | {f['seedVal']:.3f} → {f['bestVal']:.3f} "
                   f"| {stop(h)} | {stop(f)} | {'yes' if h['bestId'] == f['bestId'] else 'no'} | {h['wallSeconds']:.0f} | {f['wallSeconds']:.0f} |")
    notes = [f"seed {s}: {n}" for s, r in zip(seeds, rows) for n in r["notes"]]
    if notes:
        out.append("\nConsistency notes:\n")
        out.extend(f"- {n}" for n in notes)
    out.append("")
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--work", required=True)
    p.add_argument("--suites", required=True)
    p.add_argument("--seeds", required=True)
    p.add_argument("--budget", type=int, required=True)
    p.add_argument("--command", required=True)
    p.add_argument("--gepa-src", required=True)
    p.add_argument("--done", help="the suite:seed pairs finished so far (default: every suite x seed); "
                                   "the script rewrites the report after each, so an interrupted run keeps what it measured")
    p.add_argument("--skipped", default="", help="suites asked for that are not in evals/ of the tree")
    a = p.parse_args()
    half, full = a.budget // 2, a.budget
    done = [pair.split(":", 1) for pair in a.done.split()] if a.done else \
        [(suite, seed) for suite in a.suites.split() for seed in a.seeds.split()]
    suites = list(dict.fromkeys(suite for suite, _ in done))
    sections, models, measured = [], set(), []
    for suite in suites:
        seeds = [seed for su, seed in done if su == suite]
        rows = [seed_row(os.path.join(a.work, suite, s), half, full) for s in seeds]
        models.update(r["gepa"]["model"] for r in rows)
        sections += suite_section(suite, seeds, rows, half, full)
        measured.append(f"{suite} (seeds {' '.join(seeds)})")
    gepa_version = rows[0]["gepa"]["gepaVersion"]
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    head = [
        "# Evolve and gepa side by side",
        "",
        "**Every figure here comes from `sim`, Evolve's offline simulator: the scores are synthetic.** They compare the two "
        "optimizers driving the same simulated model; they say nothing about either tool with a real model.",
        "",
        "Produced by:",
        "",
        "```sh",
        a.command,
        "```",
        "",
        f"Written {today}; budget N = {full} rollouts "
        f"(Evolve also at N/2 = {half}); models {', '.join(sorted(models))} (task and reflection, both tools). "
        f"gepa from `{os.path.relpath(a.gepa_src)}`" + (f" (version {gepa_version})" if gepa_version != "unknown" else "")
        + ", on PYTHONPATH, not copied.",
        "",
        f"Asked for: suites {a.suites}, seeds {a.seeds}. Finished and reported: {'; '.join(measured)}."
        + (f" Skipped, not in evals/ of this tree: {a.skipped}." if a.skipped else "")
        + " A suite and seed appears here only once all its runs, evals and comparisons ended.",
        "",
        "Like for like: only `system.sbn` evolves; gepa runs `gepa.optimize()` with its defaults (Pareto candidate "
        "selection, epoch-shuffled reflection minibatch of 3, its reflection prompt, no merge), trainset = the suite's "
        "train cases, valset = its val cases, `max_metric_calls` = N, scoring each minibatch and validation through "
        "`evolve score serve` (the same rollout pipeline and scorer as `evolve eval`) and reflecting through `evolve "
        "models serve` on the same simulator seed Evolve's run reflects with. Evolve is `evolve run --components "
        "system.sbn --budget B --seed K --model sim?seed=K` with its defaults. The best prompt of each is then scored on "
        "the holdout split, which neither search saw, with `evolve eval --split holdout --repeat 5 --prompt FILE`, and "
        "Evolve's against gepa's with `evolve compare gepa.sbn evolve.sbn --split holdout --repeat 5` (differences are "
        "Evolve − gepa). score serve has no call that lists a split, so gepa's adapter learns the train and val case "
        "ids by scoring the seed prompt on each split once before `optimize()` starts; gepa never sees those scores "
        "and they are not in its rollout count.",
        "",
        "The simulator's reflection reply wraps the new instruction in a four-backtick fence (the instruction itself "
        "mentions a ```` ```python ```` block); gepa's own reply extractor keeps the closing fence's fourth backtick, so "
        "each of gepa's reflections appends a line holding a single backtick to the text. That is left as gepa makes it (counted "
        "below); the simulator's score does not read it beyond its few tokens.",
        "",
    ]
    print("\n".join(head + sections))


if __name__ == "__main__":
    main()
