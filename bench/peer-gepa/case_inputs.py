"""The variables of each case of a suite, by case id, for the "Inputs" of gepa's reflective dataset
(Evolve's own reflection prompt shows them too). Reads the case files that suite.yaml names: YAML
lists, JSONL lines and promptfoo-style CSV (vars as columns, `__id` as the id). A case whose id is
not found (an id derived from its position, say) gets only its id, and a warning says so."""

import csv
import glob
import json
import os
import sys

import yaml


def _cases_in(path):
    if path.endswith((".yaml", ".yml")):
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f) or []
        return data.get("cases", []) if isinstance(data, dict) else data
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    if path.endswith(".csv"):
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        return [{"id": row.get("__id"), "vars": {k: v for k, v in row.items() if not k.startswith("__")}} for row in rows]
    print(f"case_inputs: {path}: not a YAML, JSONL or CSV case file; its cases get no inputs", file=sys.stderr)
    return []


def load(suite_dir):
    with open(os.path.join(suite_dir, "suite.yaml"), encoding="utf-8") as f:
        suite = yaml.safe_load(f)
    found = {}
    for entry in suite.get("cases", []):
        if isinstance(entry, dict):  # a case written inline in suite.yaml
            cases = [entry]
        else:
            cases = [c for path in sorted(glob.glob(os.path.join(suite_dir, entry))) for c in _cases_in(path)]
        for case in cases:
            if isinstance(case, dict) and case.get("id"):
                found[str(case["id"])] = case.get("vars") or {}
    return found


def for_ids(suite_dir, ids):
    known = load(suite_dir)
    missing = [i for i in ids if i not in known]
    if missing:
        print(f"case_inputs: {len(missing)} case(s) not found in {suite_dir} (e.g. {missing[0]}); they get only their id",
              file=sys.stderr)
    return [{"id": i, "inputs": known.get(i, {"case": i})} for i in ids]
