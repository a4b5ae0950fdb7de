"""Markdown tables for bench/gepa-ablation.sh: per run, per variant, and each variant minus the first paired by seed."""
import glob, json, math, re, sqlite3, statistics as st, sys

out, seeds, names, budget, suite, variants, extra = sys.argv[1], sys.argv[2].split(), sys.argv[3].split(), sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7]
T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228, 11: 2.201,
       12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 19: 2.093, 24: 2.064, 29: 2.045}


def t95(df):
    return T95.get(df) or T95[max(k for k in T95 if k <= df)]


def to90(gens):
    s0, final = gens[0][1], gens[-1][1]
    thr = s0 + 0.9 * (final - s0)
    return next(sp for sp, b in gens if b >= thr - 1e-12)


def evolve_run(d):
    db = sqlite3.connect(glob.glob(f"{d}/runs/*/run.db")[0])
    gens = [(s["spent"], s["bestScore"]) for s in (json.loads(r[0]) for r in db.execute("select summary from generations order by generation"))]
    text = open(f"{d}/stdout").read()
    m = re.search(r"seed ([\d.]+)\s+best ([\d.]+)\s+difference ([+-]?[\d.]+) \(95 ?% CI ([+-]?[\d.]+) to ([+-]?[\d.]+)\)", text)
    spent = int(re.search(r"rollouts (\d+)/", text).group(1))
    best = re.search(r"best candidate: ([0-9a-f]+)", text).group(1)
    comps = json.loads(db.execute("select components from candidates where id = ?", (best,)).fetchone()[0])
    val = re.search(r"validation: seed ([\d.]+) -> best ([\d.]+)", text)
    kept = "none beat the seed" in text
    return dict(seedho=float(m[1]), bestho=float(m[2]), diff=float(m[3]), lo=float(m[4]), hi=float(m[5]),
                seedval=float(val[1]), bestval=float(val[2]), to90=to90(gens), spent=spent,
                chars=len(comps.get("system.sbn", "")), kept=kept)


def random_run(d):
    r = json.load(open(f"{d}/random.json"))
    gens = [(g["spent"], g["bestScore"]) for g in r["generations"]]
    return dict(seedho=r["holdoutSeed"], bestho=r["holdoutBest"], diff=r["diff"], lo=r["ciLow"], hi=r["ciHigh"],
                seedval=r["seedVal"], bestval=r["bestVal"], to90=to90(gens), spent=r["spent"], chars=None, kept=False)


rows = {}
for n in names:
    rows[n] = []
    for s in seeds:
        d = f"{out}/{n}-{s}"
        rows[n].append((s, random_run(d) if glob.glob(f"{d}/random.json") else evolve_run(d)))

print(f"Suite `{suite}`, budget {budget}, seeds {' '.join(seeds)}; variants `{variants}`" + (f"; every evolve run also `{extra}`" if extra else "") + ".")
print("Model: sim, Evolve's offline simulator: every score here is synthetic.\n")
print("### Per run\n")
print("| variant | seed | val seed -> best | holdout seed | holdout best | diff (95% CI) | system.sbn chars | seed kept | rollouts to 90% | spent | wall s |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for n in names:
    for s, r in rows[n]:
        wall = float(open(f"{out}/{n}-{s}/wall").read())
        chars = "" if r["chars"] is None else r["chars"]
        print(f"| {n} | {s} | {r['seedval']:.3f} -> {r['bestval']:.3f} | {r['seedho']:.3f} | {r['bestho']:.3f} | {r['diff']:+.3f} ({r['lo']:+.3f} to {r['hi']:+.3f}) | {chars} | {'yes' if r['kept'] else ''} | {r['to90']} | {r['spent']} | {wall:.0f} |")
print("\n### Per variant (means over seeds)\n")
print("| variant | best val | holdout best | holdout diff vs seed (sd) | runs with CI > 0 | system.sbn chars | rollouts to 90% |")
print("|---|---|---|---|---|---|---|")
for n in names:
    rs = [r for _, r in rows[n]]
    mean = lambda k: st.mean(r[k] for r in rs)
    sd = st.stdev([r["diff"] for r in rs]) if len(rs) > 1 else 0
    chars = "" if rs[0]["chars"] is None else f"{st.mean(r['chars'] for r in rs):.0f}"
    print(f"| {n} | {mean('bestval'):.3f} | {mean('bestho'):.3f} | {mean('diff'):+.3f} ({sd:.3f}) | {sum(r['lo'] > 0 for r in rs)}/{len(rs)} | {chars} | {mean('to90'):.0f} |")
base = names[0]
print(f"\n### Paired by seed: holdout best of each variant minus `{base}`\n")
print("| variant | mean difference | 95% CI (t, across seeds) | seeds better / equal / worse |")
print("|---|---|---|---|")
for n in names[1:]:
    d = [r["bestho"] - b["bestho"] for (_, r), (_, b) in zip(rows[n], rows[base])]
    m = st.mean(d)
    half = t95(len(d) - 1) * st.stdev(d) / math.sqrt(len(d)) if len(d) > 1 else float("nan")
    better, worse = sum(x > 1e-9 for x in d), sum(x < -1e-9 for x in d)
    print(f"| {n} | {m:+.3f} | {m - half:+.3f} to {m + half:+.3f} | {better} / {len(d) - better - worse} / {worse} |")
