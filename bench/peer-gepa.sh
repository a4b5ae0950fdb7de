#!/usr/bin/env bash
# Side by side with gepa (the Python reference implementation of GEPA) on the same simulator,
# suite, split and rollout budget. Per suite and seed K (model M = $SIM with seed=K, for the task
# and the reflection of both tools):
#   gepa@N      gepa.optimize() with its defaults, only system.sbn evolving, scoring through
#               `evolve score serve`, reflecting through `evolve models serve M`,
#               trainset/valset = the suite's train/val cases, max_metric_calls = N
#   Evolve@N/2, Evolve@N   evolve run --components system.sbn --budget N/2 | N --seed K --model M
# then the seed prompt and the three best prompts on holdout (`evolve eval --split holdout
# --repeat 5 --prompt FILE`), and Evolve - gepa paired by `evolve compare` on the same holdout.
# Env: SUITES ("coding coding-large"), SEEDS ("0 1 2 3 4"), BUDGET (1500), SIM (sim),
#      GEPA_SRC (../shared/peers/gepa/src from the repo root), OUT (bench/results/peer-gepa.md),
#      KEEP_WORK=1 keeps the work folder (every run, log and JSON) and prints where it is.
# gepa is used from GEPA_SRC on PYTHONPATH; nothing of it is copied here.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
suites=${SUITES:-"coding coding-large"}; seeds=${SEEDS:-"0 1 2 3 4"}; budget=${BUDGET:-1500}
sim=${SIM:-sim}; gepa_src=${GEPA_SRC:-$root/../shared/peers/gepa/src}; out=${OUT:-bench/results/peer-gepa.md}
half=$((budget / 2))
command_line="SUITES=\"$suites\" SEEDS=\"$seeds\" BUDGET=$budget SIM=$sim ${GEPA_SRC:+GEPA_SRC=$GEPA_SRC }${OUT:+OUT=$OUT }bench/peer-gepa.sh"

if [ ! -f "$gepa_src/gepa/__init__.py" ]; then
  echo "peer-gepa: no gepa package at GEPA_SRC=$gepa_src (expected $gepa_src/gepa/__init__.py); set GEPA_SRC to gepa's src folder" >&2
  exit 2
fi
case "$sim" in sim|sim\?*) ;; *) echo "peer-gepa: SIM=$sim is not a simulator URI (sim or sim?...)" >&2; exit 2 ;; esac
if ! PYTHONPATH="$gepa_src" python3 -c "import gepa, yaml" 2>/dev/null; then
  echo "peer-gepa: python3 cannot import gepa (from $gepa_src) and yaml:" >&2
  PYTHONPATH="$gepa_src" python3 -c "import gepa, yaml" >&2 || true
  exit 2
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "${KEEP_WORK:-}" = 1 ]; then echo "peer-gepa: work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# Starts an evolve server on a free port (--port 0); sets server_url (its base URL, once it is
# listening) and server_pid. Not run in $(...): the pid must reach the cleanup list.
start_server() {
  local log=$1; shift
  "$evolve" "$@" --port 0 >"$log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 600); do
    server_url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1 || true)
    [ -n "$server_url" ] && return
    kill -0 "$server_pid" 2>/dev/null || { echo "peer-gepa: server '$*' exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  echo "peer-gepa: server '$*' did not start within 60 s" >&2; exit 1
}
stop_server() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

echo "peer-gepa: building Evolve (Release)" >&2
dotnet build -c Release src/Evolve.Cli -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; echo "peer-gepa: build failed" >&2; exit 1; }
evolve=$root/src/Evolve.Cli/bin/Release/net10.0/evolve
cp -r evals prompts "$work/"
ws=(--evals "$work/evals" --prompts "$work/prompts")
cd "$work"  # models serve keeps its response cache under ./runs: the work folder's, not the repo's

# Rewrites $out from every suite:seed finished so far, so a run stopped early keeps what it measured.
done_pairs=(); skipped=()
write_report() {
  (cd "$root" && mkdir -p "$(dirname "$out")" && python3 bench/peer-gepa/report.py --work "$work/out" --suites "$suites" \
    --seeds "$seeds" --budget "$budget" --done "${done_pairs[*]}" --skipped "${skipped[*]}" --command "$command_line" \
    --gepa-src "$gepa_src" >"$out.tmp" && mv "$out.tmp" "$out")
  echo "peer-gepa: wrote $out (${done_pairs[*]})" >&2
}

for suite in $suites; do
  if [ ! -f "$work/evals/$suite/suite.yaml" ]; then
    echo "peer-gepa: suite '$suite' is not in evals/ of this tree, skipped" >&2; skipped+=("$suite"); continue
  fi
  agent=$(python3 -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1])).get("agent") or "")' "$work/evals/$suite/suite.yaml")
  [ -f "$work/prompts/$agent/system.sbn" ] || { echo "peer-gepa: suite $suite: agent '$agent' has no prompts/$agent/system.sbn" >&2; exit 1; }
  start_server "$work/score-$suite.log" score serve --suite "$suite" "${ws[@]}" --runs "$work/runs"
  score_url=$server_url/v1/score; score_pid=$server_pid
  for seed in $seeds; do
    case "$sim" in *\?*) model="$sim&seed=$seed" ;; *) model="$sim?seed=$seed" ;; esac
    dir="$work/out/$suite/$seed"; mkdir -p "$dir"
    cp "$work/prompts/$agent/system.sbn" "$dir/seed.sbn"
    echo "peer-gepa: $suite seed $seed: gepa@$budget" >&2
    start_server "$dir/models-serve.log" models serve "$model"
    chat_url=$server_url/v1/chat/completions; models_pid=$server_pid
    (cd "$root/bench/peer-gepa" && PYTHONPATH="$gepa_src" python3 run_gepa.py --score-url "$score_url" --chat-url "$chat_url" \
      --model "$model" --suite-dir "$work/evals/$suite" --seed-prompt "$dir/seed.sbn" --budget "$budget" --seed "$seed" \
      --out "$dir/gepa") >"$dir/gepa.log" 2>&1 || { tail -30 "$dir/gepa.log" >&2; echo "peer-gepa: gepa run failed" >&2; exit 1; }
    stop_server "$models_pid"
    cp "$dir/gepa/best.sbn" "$dir/gepa.sbn"
    for b in "$half" "$budget"; do
      echo "peer-gepa: $suite seed $seed: Evolve@$b" >&2
      "$evolve" run --suite "$suite" --components system.sbn --budget "$b" --seed "$seed" --model "$model" \
        "${ws[@]}" --runs "$dir/runs-$b" >"$dir/evolve-$b.log" 2>&1 || { tail -30 "$dir/evolve-$b.log" >&2; exit 1; }
      python3 "$root/bench/peer-gepa/evolve_best.py" "$dir/runs-$b" "$dir/evolve-$b.sbn" >"$dir/evolve-$b.json"
    done
    echo "peer-gepa: $suite seed $seed: holdout x5 and paired comparisons" >&2
    for side in seed gepa "evolve-$half" "evolve-$budget"; do
      "$evolve" eval --suite "$suite" --split holdout --repeat 5 --prompt "$dir/$side.sbn" --model "$model" \
        "${ws[@]}" --runs "$dir/runs-eval" --format json -o "$dir/holdout-$side.json" >"$dir/holdout-$side.log" 2>&1 \
        || { tail -30 "$dir/holdout-$side.log" >&2; exit 1; }
    done
    for b in "$half" "$budget"; do
      "$evolve" compare "$dir/gepa.sbn" "$dir/evolve-$b.sbn" --suite "$suite" --split holdout --repeat 5 --model "$model" \
        "${ws[@]}" --runs "$dir/runs-compare" --format json >"$dir/compare-$b.json" 2>"$dir/compare-$b.log" \
        || { tail -30 "$dir/compare-$b.log" >&2; exit 1; }
    done
    done_pairs+=("$suite:$seed")
    write_report
  done
  stop_server "$score_pid"
done
[ ${#done_pairs[@]} -gt 0 ] || { echo "peer-gepa: none of the suites '$suites' is in evals/; nothing measured" >&2; exit 1; }
