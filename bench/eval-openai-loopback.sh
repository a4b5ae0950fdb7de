#!/usr/bin/env bash
# `evolve eval` against a real OpenAI-compatible HTTP server on 127.0.0.1 (a separate process that
# answers every request after DELAY_MS): 2,000 cases at concurrency 64, response cache off.
# Prints wall time against the latency-bound ideal ceil(cases/concurrency) x delay, and Evolve's
# own CPU time per model call (user+sys of the evolve process / calls), the server's CPU excluded.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${CASES:-2000}; conc=${CONCURRENCY:-64}; delay_ms=${DELAY_MS:-100}; port=${PORT:-18181}
work=$(mktemp -d)
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
dotnet build -c Release bench/Evolve.Bench -v q -nologo >/dev/null || { echo "build failed"; exit 1; }
bench=bench/Evolve.Bench/bin/Release/net10.0/Evolve.Bench.dll
dotnet "$bench" gen-suite --cases "$cases" --out "$work" >/dev/null
dotnet "$bench" openai-stub --port "$port" --delay-ms "$delay_ms" > "$work/server.log" &
server=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
export OPENAI_BASE_URL="http://127.0.0.1:$port/v1" OPENAI_API_KEY=loopback-benchmark
/usr/bin/time -f "%U %S %M" -o "$work/time.txt" \
  src/Evolve.Cli/bin/Release/net10.0/evolve eval --suite gen --evals "$work/evals" --prompts "$work/prompts" --runs "$work/runs" \
  --model openai:bench-model --concurrency "$conc" --no-cache --format json -o "$work/result.json" >/dev/null
kill "$server"; wait "$server" 2>/dev/null || true; server=
cat "$work/server.log"
python3 - "$work/result.json" "$work/time.txt" "$cases" "$conc" "$delay_ms" <<'PY'
import json, math, sys
r = json.load(open(sys.argv[1])); user, sys_, rss = open(sys.argv[2]).read().split()
n, c, ms = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
s = r["summary"]; ideal = math.ceil(n / c) * ms / 1000; wall = s["wallSeconds"]
cpu = float(user) + float(sys_)
print(f"model: {r['model']} (simulated={r['simulated']}) at 127.0.0.1, delay {ms} ms, concurrency {c}")
print(f"rollouts: {s['newRollouts']}  mean score: {s['meanScore']:.3f}  errors: {s['errors']}")
print(f"engine wall: {wall:.2f} s  ideal: {ideal:.2f} s  ratio: {wall/ideal:.3f}")
print(f"evolve process CPU: {cpu:.2f} s (user {user}, sys {sys_}) = {cpu / n * 1000:.2f} ms per call; peak RSS {int(rss)//1024} MB")
PY
