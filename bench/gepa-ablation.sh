#!/usr/bin/env bash
# GEPA ablation (offline sim): several variants of `evolve run`, each on the same seeds, compared
# paired by seed. Defaults reproduce the selection ablation (item 7 of issue 11):
#   pareto  = evolve run --selection pareto (the default engine)
#   best    = evolve run --selection best   (always reflect on the current best)
#   random  = Evolve.Bench random-search: reflect on the SEED over a uniformly random train
#             minibatch, no pool, no acceptance, validate every child, keep the best by val,
#             same holdout check as GepaRun (see bench/Evolve.Bench/RandomSearch.cs)
# Environment:
#   SUITE     suite to optimize (default coding)
#   SEEDS     run seeds (default 0..9)
#   BUDGET    rollouts per run (default 1500)
#   VARIANTS  ';'-separated name=flags, flags passed to evolve run; the flags "random" mean random search
#             (default "pareto=--selection pareto;best=--selection best;random=random")
#   EXTRA     flags added to every evolve run (e.g. "--components system.sbn")
#   JOBS      runs at once (default 1; wall times are only comparable at 1)
#   OUT       also write the markdown here
# Per run: holdout of the best with its CI against the seed, best val, best prompt length and the
# rollouts spent at the first generation whose best val >= seed + 0.9 x (final - seed). Across seeds:
# each variant minus the first, paired by seed, mean with a 95% t interval.
set -euo pipefail
cd "$(dirname "$0")/.."
suite=${SUITE:-coding}; seeds=${SEEDS:-"0 1 2 3 4 5 6 7 8 9"}; budget=${BUDGET:-1500}
variants=${VARIANTS:-"pareto=--selection pareto;best=--selection best;random=random"}; extra=${EXTRA:-}; jobs=${JOBS:-1}
[ -d "evals/$suite" ] || { echo "no suite evals/$suite" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r evals prompts "$work/"
dotnet build -c Release bench/Evolve.Bench -v q -nologo >/dev/null || { echo "build failed" >&2; exit 1; }
evolve=src/Evolve.Cli/bin/Release/net10.0/evolve
bench=bench/Evolve.Bench/bin/Release/net10.0/Evolve.Bench.dll
names=()
IFS=';' read -ra specs <<<"$variants"
# A failed run says so with its error before the work folder (and its stderr) is removed.
failed() { echo "ablation: $1 seed $2 failed:" >&2; tail -20 "$3/stderr" >&2; }
one() { # name flags seed
  local name=$1 flags=$2 seed=$3 dir="$work/out/$1-$3" start
  mkdir -p "$dir"; start=$(date +%s.%N)
  if [ "$flags" = random ]; then
    dotnet "$bench" random-search --suite "$suite" --evals "$work/evals" --prompts "$work/prompts" --runs "$dir/runs" \
      --seed "$seed" --budget "$budget" --out "$dir/random.json" >"$dir/stdout" 2>"$dir/stderr" || { failed "$name" "$seed" "$dir"; return 1; }
  else
    # shellcheck disable=SC2086 # flags are word lists on purpose
    "$evolve" run --suite "$suite" --evals "$work/evals" --prompts "$work/prompts" --runs "$dir/runs" \
      --seed "$seed" --budget "$budget" $flags $extra >"$dir/stdout" 2>"$dir/stderr" || { failed "$name" "$seed" "$dir"; return 1; }
  fi
  echo "$(date +%s.%N) - $start" | bc >"$dir/wall"
  echo "done: $name seed $seed ($(cat "$dir/wall") s)" >&2
}
for spec in "${specs[@]}"; do names+=("${spec%%=*}"); done
for seed in $seeds; do
  for spec in "${specs[@]}"; do
    one "${spec%%=*}" "${spec#*=}" "$seed" &
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
  done
done
wait
python3 bench/ablation_report.py "$work/out" "$seeds" "${names[*]}" "$budget" "$suite" "$variants" "$extra" | tee "${OUT:-/dev/null}"
