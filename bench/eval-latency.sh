#!/usr/bin/env bash
# Latency-bound efficiency of `evolve eval`: 2,000 cases, sim?latency=200ms, concurrency 64.
# Ideal wall = ceil(2000/64) x 0.2 s = 6.4 s; prints the measured engine wall time over the ideal (target <= 1.10).
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${CASES:-2000}; conc=${CONCURRENCY:-64}; latency_ms=${LATENCY_MS:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release bench/Evolve.Bench -v q -nologo >/dev/null || { echo "build failed"; exit 1; }
dotnet bench/Evolve.Bench/bin/Release/net10.0/Evolve.Bench.dll gen-suite --cases "$cases" --out "$work"
src/Evolve.Cli/bin/Release/net10.0/evolve eval --suite gen --evals "$work/evals" --prompts "$work/prompts" --runs "$work/runs" \
  --model "sim?latency=${latency_ms}ms" --concurrency "$conc" --format json -o "$work/result.json"
python3 - "$work/result.json" "$cases" "$conc" "$latency_ms" <<'PY'
import json, math, sys
r = json.load(open(sys.argv[1])); n, c, ms = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
ideal = math.ceil(n / c) * ms / 1000
wall = r["summary"]["wallSeconds"]
print(f"model: {r['model']} (simulated={r['simulated']})")
print(f"rollouts: {r['summary']['newRollouts']}  wall: {wall:.2f} s  ideal: {ideal:.2f} s  ratio: {wall/ideal:.3f}")
PY
