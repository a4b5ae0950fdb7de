#!/usr/bin/env bash
# Throughput of `evolve eval`: 10,000 generated `equals` cases, zero-latency sim, concurrency 64.
# Prints rollouts/s and wall time (from evolve's JSON) and peak memory (from /usr/bin/time).
# Targets (issue 2): >= 5,000 rollouts/s, < 250 MB peak.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${CASES:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null 2>&1 || true; }
dotnet build -c Release bench/Evolve.Bench -v q -nologo >/dev/null || { echo "build failed"; exit 1; }
dotnet bench/Evolve.Bench/bin/Release/net10.0/Evolve.Bench.dll gen-suite --cases "$cases" --out "$work"
evolve=src/Evolve.Cli/bin/Release/net10.0/evolve
/usr/bin/time -f "peak_rss_kb=%M elapsed_s=%e" -o "$work/time.txt" \
  "$evolve" eval --suite gen --evals "$work/evals" --prompts "$work/prompts" --runs "$work/runs" \
  --model "${MODEL:-sim}" --concurrency "${CONCURRENCY:-64}" --format json -o "$work/result.json"
python3 - "$work/result.json" "$work/time.txt" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); t = dict(kv.split("=") for kv in open(sys.argv[2]).read().split())
s = r["summary"]
print(f"model: {r['model']} (simulated={r['simulated']})")
print(f"rollouts: {s['newRollouts']}  engine wall: {s['wallSeconds']:.2f} s  throughput: {s['rolloutsPerSecond']:.0f} rollouts/s")
print(f"process wall: {t['elapsed_s']} s  peak memory: {int(t['peak_rss_kb'])/1024:.0f} MB")
PY
