#!/usr/bin/env bash
# GEPA ablation on the coding suite (offline sim), seeds 0..4, default budget (1500):
#   pareto  = evolve run --selection pareto (the default engine)
#   best    = evolve run --selection best   (always reflect on the current best)
#   random  = Evolve.Bench random-search: reflect on the SEED over a uniformly random train
#             minibatch, no pool, no acceptance, validate every child, keep the best by val,
#             same holdout check as GepaRun (see bench/Evolve.Bench/RandomSearch.cs)
# Per run: holdout mean of the best, holdout difference vs seed with its 95% CI, best val, and
# rollouts spent at the first generation whose best val >= seed + 0.9 x (final - seed).
# Runs are sequential (each ~40 s). Writes a markdown table to stdout (OUT=file to save it).
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${SEEDS:-"0 1 2 3 4"}; budget=${BUDGET:-1500}; methods=${METHODS:-"pareto best random"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r evals prompts "$work/"
dotnet build -c Release bench/Evolve.Bench -v q -nologo >/dev/null || { echo "build failed"; exit 1; }
evolve=src/Evolve.Cli/bin/Release/net10.0/evolve
bench=bench/Evolve.Bench/bin/Release/net10.0/Evolve.Bench.dll
for seed in $seeds; do
  for method in $methods; do
    dir="$work/out/$method-$seed"; mkdir -p "$dir"
    start=$(date +%s.%N)
    if [ "$method" = random ]; then
      dotnet "$bench" random-search --suite coding --evals "$work/evals" --prompts "$work/prompts" --runs "$dir/runs" \
        --seed "$seed" --budget "$budget" --out "$dir/random.json" >"$dir/stdout" 2>"$dir/stderr"
    else
      "$evolve" run --suite coding --evals "$work/evals" --prompts "$work/prompts" --runs "$dir/runs" \
        --seed "$seed" --budget "$budget" --selection "$method" >"$dir/stdout" 2>"$dir/stderr"
    fi
    echo "$(date +%s.%N) - $start" | bc >"$dir/wall"
    echo "done: $method seed $seed ($(cat "$dir/wall") s)" >&2
  done
done
python3 - "$work/out" "$seeds" "$methods" "$budget" <<'PY'
import glob, json, os, re, sqlite3, statistics as st, sys
out, seeds, methods, budget = sys.argv[1], sys.argv[2].split(), sys.argv[3].split(), sys.argv[4]

def to90(gens):
    s0, final = gens[0][1], gens[-1][1]
    thr = s0 + 0.9 * (final - s0)
    return next(sp for sp, b in gens if b >= thr - 1e-12)

def gepa(d):
    db = sqlite3.connect(glob.glob(f"{d}/runs/*/run.db")[0])
    gens = [(s["spent"], s["bestScore"]) for s in (json.loads(r[0]) for r in db.execute("select summary from generations order by generation"))]
    text = open(f"{d}/stdout").read()
    m = re.search(r"seed ([\d.]+)\s+best ([\d.]+)\s+difference ([+-][\d.]+) \(95 % CI ([+-][\d.]+) to ([+-][\d.]+)\)", text)
    spent = int(re.search(r"rollouts (\d+)/", text).group(1))
    return dict(seedho=float(m[1]), bestho=float(m[2]), diff=float(m[3]), lo=float(m[4]), hi=float(m[5]),
                seedval=gens[0][1], bestval=gens[-1][1], to90=to90(gens), spent=spent)

def rand(d):
    r = json.load(open(f"{d}/random.json"))
    gens = [(g["spent"], g["bestScore"]) for g in r["generations"]]
    return dict(seedho=r["holdoutSeed"], bestho=r["holdoutBest"], diff=r["diff"], lo=r["ciLow"], hi=r["ciHigh"],
                seedval=r["seedVal"], bestval=r["bestVal"], to90=to90(gens), spent=r["spent"])

rows = {m: [(s, (rand if m == "random" else gepa)(f"{out}/{m}-{s}")) for s in seeds] for m in methods}
print("### Per seed\n")
print("| method | seed | val seed -> best | holdout seed | holdout best | diff (95% CI) | CI excludes 0 | rollouts to 90% | spent | wall s |")
print("|---|---|---|---|---|---|---|---|---|---|")
for m in methods:
    for s, r in rows[m]:
        wall = float(open(f"{out}/{m}-{s}/wall").read())
        print(f"| {m} | {s} | {r['seedval']:.3f} -> {r['bestval']:.3f} | {r['seedho']:.3f} | {r['bestho']:.3f} | {r['diff']:+.3f} ({r['lo']:+.3f} to {r['hi']:+.3f}) | {'yes' if r['lo'] > 0 else 'no'} | {r['to90']} | {r['spent']} | {wall:.0f} |")
print(f"\n### Means over seeds {' '.join(seeds)} (budget {budget})\n")
print("| method | best val | holdout best | holdout diff vs seed (sd) | mean CI | runs with CI > 0 | rollouts to 90% of final val gain |")
print("|---|---|---|---|---|---|---|")
for m in methods:
    rs = [r for _, r in rows[m]]
    mean = lambda k: st.mean(r[k] for r in rs)
    sd = st.stdev([r["diff"] for r in rs]) if len(rs) > 1 else 0
    print(f"| {m} | {mean('bestval'):.3f} | {mean('bestho'):.3f} | {mean('diff'):+.3f} ({sd:.3f}) | {mean('lo'):+.3f} to {mean('hi'):+.3f} | {sum(r['lo'] > 0 for r in rs)}/{len(rs)} | {mean('to90'):.0f} |")
print(f"\nseed holdout mean (same for every method at a given seed: {[round(r['seedho'], 3) for _, r in rows[methods[0]]]})")
PY
