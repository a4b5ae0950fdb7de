"""One gepa run for the peer benchmark: gepa.optimize() with its defaults (Pareto candidate
selection, epoch-shuffled reflection minibatch, round-robin components, no merge), only
`system.sbn` evolving, trainset = the suite's train cases, valset = its val cases, and
max_metric_calls = the budget in rollouts. Writes OUT/best.sbn and OUT/gepa.json.

  PYTHONPATH=$GEPA_SRC python3 run_gepa.py --score-url URL --chat-url URL --model 'sim?seed=0' \
      --suite-dir evals/coding --seed-prompt prompts/coding/system.sbn --budget 1500 --seed 0 --out DIR
"""

import argparse
import json
import os
import sys
import time

import gepa

import adapter as peer
import case_inputs


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--score-url", required=True, help="evolve score serve's POST /v1/score address")
    p.add_argument("--chat-url", required=True, help="evolve models serve's /v1/chat/completions address")
    p.add_argument("--model", required=True, help="model URI for the task and the reflection, e.g. sim?seed=0")
    p.add_argument("--suite-dir", required=True, help="the suite's folder (its case variables feed the reflection)")
    p.add_argument("--seed-prompt", required=True, help="the agent's system.sbn to start from")
    p.add_argument("--budget", type=int, required=True, help="rollouts gepa may spend (max_metric_calls)")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args()

    os.makedirs(a.out, exist_ok=True)
    scorer = peer.EvolveScoreAdapter(a.score_url, a.model)
    train_ids, repeat = scorer.list_cases("train")
    val_ids, _ = scorer.list_cases("val")
    if not train_ids or not val_ids:
        sys.exit(f"run_gepa: suite {a.suite_dir} has {len(train_ids)} train and {len(val_ids)} val cases; gepa needs both")
    # gepa counts one metric call per case scored; with repeats each call is `repeat` rollouts.
    max_metric_calls = a.budget // repeat
    with open(a.seed_prompt, encoding="utf-8") as f:
        seed_text = f.read()
    reflection = peer.ServedReflectionLM(a.chat_url, a.model)

    start = time.monotonic()
    result = gepa.optimize(
        seed_candidate={peer.COMPONENT: seed_text},
        trainset=case_inputs.for_ids(a.suite_dir, train_ids),
        valset=case_inputs.for_ids(a.suite_dir, val_ids),
        adapter=scorer,
        reflection_lm=reflection,
        max_metric_calls=max_metric_calls,
        seed=a.seed,
        run_dir=os.path.join(a.out, "gepa-run"),
    )
    wall = time.monotonic() - start

    best = result.best_candidate[peer.COMPONENT]
    with open(os.path.join(a.out, "best.sbn"), "w", encoding="utf-8") as f:
        f.write(best)
    summary = {
        "model": a.model, "simulated": a.model.startswith("sim"), "seed": a.seed, "budget": a.budget,
        "repeat": repeat, "maxMetricCalls": max_metric_calls, "totalMetricCalls": result.total_metric_calls,
        "rollouts": scorer.rollouts, "scoreRequests": scorer.requests, "reflectionCalls": reflection.calls,
        "candidates": len(result.candidates), "bestIndex": result.best_idx, "bestVal": result.best_score,
        "seedVal": result.val_aggregate_scores[0], "train": len(train_ids), "val": len(val_ids),
        "wallSeconds": wall, "gepaVersion": getattr(gepa, "__version__", "unknown"),
    }
    with open(os.path.join(a.out, "gepa.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1)
    print(f"gepa seed {a.seed}: val {summary['seedVal']:.3f} -> {summary['bestVal']:.3f}, "
          f"{summary['candidates']} candidates, {scorer.rollouts} rollouts, {wall:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
