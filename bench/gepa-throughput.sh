#!/usr/bin/env bash
# Latency-bound efficiency of a full `evolve run` on a generated short-answer suite (equals
# assertions): --model "sim?latency=300ms" --concurrency 64 --budget 1500. Prints the engine wall
# time (run.started_at -> run.finished_at in run.db) against a latency-bound ideal rebuilt from
# run.db (--patience 1000 unless PATIENCE is set), then the engine's own cost per rollout from the same run with zero-latency `sim`.
#
# The ideal: phases are not logged, so each phase's size is rebuilt from run.db:
#   - rollouts are assigned to a generation by time window (generations.created_at is written
#     when a generation ends); within generation g:
#       parents   = train rollouts of candidates made before g        (one phase)
#       children  = train rollouts of reflect/numeric candidates of g  (one phase)
#       val first = children validated x ceil(|val|/2) rollouts         (one phase)
#       val rest  = the remaining val rollouts of g's children          (one phase, racing survivors)
#       merge     = rollouts of merge candidates of g, split into phases at gaps > latency/2
#       reflect   = reflections stored in the window: all concurrent, one latency if any
#   - generation 0: the seed's validation (one phase); the end: the holdout check (one phase).
#   A phase of n rollouts ideally takes ceil(n / concurrency) x latency (cache hits cost 0).
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${CASES:-100}; conc=${CONCURRENCY:-64}; latency_ms=${LATENCY_MS:-300}; budget=${BUDGET:-1500}; seed=${SEED:-0}
# The generated suite stops improving early; a large patience makes the run spend its whole budget.
patience=${PATIENCE:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release bench/Evolve.Bench -v q -nologo >/dev/null || { echo "build failed"; exit 1; }
dotnet bench/Evolve.Bench/bin/Release/net10.0/Evolve.Bench.dll gen-suite --cases "$cases" --out "$work" >/dev/null
evolve=src/Evolve.Cli/bin/Release/net10.0/evolve
for model in "sim?latency=${latency_ms}ms" sim; do
  tag=$([ "$model" = sim ] && echo zero || echo latency)
  start=$(date +%s.%N)
  "$evolve" run --suite gen --evals "$work/evals" --prompts "$work/prompts" --runs "$work/runs-$tag" \
    --model "$model" --concurrency "$conc" --budget "$budget" --seed "$seed" --patience "$patience" >"$work/$tag.out" 2>"$work/$tag.err"
  echo "$(date +%s.%N) - $start" | bc >"$work/$tag.wall"
done
python3 - "$work" "$conc" "$latency_ms" <<'PY'
import glob, json, math, sqlite3, sys
from datetime import datetime
work, conc, lat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) / 1000
ts = lambda s: datetime.fromisoformat(s).timestamp()

def load(tag):
    db = sqlite3.connect(glob.glob(f"{work}/runs-{tag}/*/run.db")[0])
    started, finished = (ts(x) for x in db.execute("select started_at, finished_at from run").fetchone())
    return db, finished - started, float(open(f"{work}/{tag}.wall").read()), started, finished

db, wall, process, started, finished = load("latency")
cands = {cid: (gen, op) for cid, gen, op in db.execute("select id, generation, operator from candidates")}
rolls = [(cid, case, split, ts(at), hit) for cid, case, split, at, hit in db.execute("select candidate_id, case_id, split, created_at, cache_hit from rollouts")]
gens = [(g, ts(at)) for g, at in db.execute("select generation, created_at from generations order by generation")]
refl = [ts(at) for (at,) in db.execute("select created_at from reflections")]
seed_id = next(c for c, (g, op) in cands.items() if op == "seed")
nval = len({case for cid, case, split, _, _ in rolls if cid == seed_id and split == "val"})
half = (nval + 1) // 2
cost = lambda n: math.ceil(n / conc) * lat
phases = []  # (label, rollouts that paid latency)

def gaps(items):
    items = sorted(items, key=lambda r: r[3]); out = []
    for r in items:
        if out and r[3] - out[-1][-1][3] <= lat / 2: out[-1].append(r)
        else: out.append([r])
    return out

bounds = [float("-inf")] + [t for _, t in gens]
pergen = []  # (generation, measured s, ideal s)
for i, (g, end) in enumerate(gens):
    before = len(phases)
    window = [r for r in rolls if bounds[i] < r[3] <= end and r[2] != "holdout"]
    live = [r for r in window if not r[4]]
    if g == 0:
        phases.append(("seed val", len(live))); pergen.append((0, end - started, cost(len(live)))); continue
    mine = lambda r: cands.get(r[0], (None, None))[0] == g
    op = lambda r: cands.get(r[0], (None, None))[1]
    for grp in gaps([r for r in live if mine(r) and op(r) == "merge"]):
        phases.append((f"g{g} merge", len(grp)))
    parents = [r for r in live if r[2] == "train" and not mine(r)]
    children = [r for r in live if r[2] == "train" and mine(r) and op(r) != "merge"]
    val = [r for r in live if r[2] == "val" and mine(r) and op(r) != "merge"]
    validated = len({r[0] for r in val})
    first = min(len(val), validated * half)
    for label, n in (("parents", len(parents)), ("children", len(children)), ("val first half", first), ("val rest", len(val) - first)):
        if n: phases.append((f"g{g} {label}", n))
    nrefl = sum(1 for t in refl if bounds[i] < t <= end)
    if nrefl: phases.append((f"g{g} reflections x{nrefl}", -1))
    pergen.append((g, end - (bounds[i] if i else started), sum(lat if n < 0 else cost(n) for _, n in phases[before:])))
hold = [r for r in rolls if r[2] == "holdout" and not r[4]]
phases.append(("holdout", len(hold)))
ideal = sum(lat if n < 0 else cost(n) for _, n in phases)
total = len(rolls); hits = sum(r[4] for r in rolls)
stop = next((l for l in open(f"{work}/latency.out") if l.startswith("stopped:")), "stopped: ?").strip()
print(f"latency run {stop}")
print(f"latency run: model sim?latency={int(lat*1000)}ms, concurrency {conc}, {len(gens) - 1} generations, {total} rollouts ({hits} cache hits), {len(refl)} reflections")
print(f"phases: {len(phases)} ({sum(1 for _, n in phases if n < 0)} reflection rounds)")
print(f"engine wall: {wall:.2f} s   process wall: {process:.2f} s   latency-bound ideal: {ideal:.2f} s   ratio: {wall / ideal:.3f}")
print(f"naive lower bound (all rollouts in one stream): ceil({total - hits}/{conc}) x {lat} = {cost(total - hits):.2f} s")
kinds = {}
for label, n in phases:
    kind = label.split(" x")[0].split(" ", 1)[-1] if label.startswith("g") else label
    k = kinds.setdefault(kind, [0, 0, 0.0]); k[0] += 1; k[1] += max(n, 0); k[2] += lat if n < 0 else cost(n)
print("phases by kind (count, rollouts, ideal s): " + "; ".join(f"{k}: {c}, {n}, {t:.1f}" for k, (c, n, t) in kinds.items()))
pergen.append(("holdout", finished - gens[-1][1], cost(len(hold))))
slow = sorted(pergen, key=lambda x: x[2] - x[1])[:5]
print(f"generations measured/ideal s, largest excess first: " + ", ".join(f"g{g}: {m:.2f}/{i:.2f}" for g, m, i in slow))
print(f"reflection rounds: {len(refl)} reflections over {sum(1 for _, n in phases if n < 0)} rounds; "
      f"generations with no new rollout: {sum(1 for i, (g, end) in enumerate(gens) if g and not any(bounds[i] < r[3] <= end for r in rolls))}")
lats = [x for (x,) in db.execute("select latency_ms from rollouts where cache_hit = 0")]
print(f"rollout latency_ms as stored: mean {sum(lats) / len(lats):.0f}, min {min(lats):.0f}, max {max(lats):.0f}")
db0, wall0, process0, _, _ = load("zero")
n0 = db0.execute("select count(*) from rollouts").fetchone()[0]
r0 = db0.execute("select count(*) from reflections").fetchone()[0]
g0 = db0.execute("select count(*) from generations").fetchone()[0]
print(f"zero-latency run: {n0} rollouts, {r0} reflections, {g0 - 1} generations, engine wall {wall0:.2f} s, process wall {process0:.2f} s, "
      f"engine time per rollout {wall0 / n0 * 1000:.2f} ms ({n0 / wall0:.0f} rollouts/s), {wall0 / max(1, g0 - 1) * 1000:.1f} ms per generation")
PY
