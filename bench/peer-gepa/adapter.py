"""gepa's side of the peer benchmark: a GEPAAdapter that scores through `evolve score serve`, and a
reflection LM that calls `evolve models serve`. Both talk plain HTTP (urllib), so gepa runs with
nothing but the standard library and its own source on PYTHONPATH; no gepa code lives here."""

import json
import urllib.error
import urllib.request

from gepa.core.adapter import EvaluationBatch

COMPONENT = "system.sbn"


def post_json(url, body, timeout=600):
    """POSTs JSON and returns the decoded answer; an HTTP error carries the server's message, which
    names the field at fault (an unknown case id, a template that does not parse)."""
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{url}: HTTP {error.code}: {error.read().decode(errors='replace')}") from error


class EvolveScoreAdapter:
    """Evaluates a candidate's `system.sbn` on a batch of cases with one POST /v1/score. A data
    instance is {"id": case id, "inputs": the case's variables}; the inputs only feed the
    reflective dataset, the server looks the case up by id."""

    def __init__(self, score_url, model):
        self.score_url = score_url
        self.model = model
        self.rollouts = 0  # every rollout gepa caused, counted from the server's answers
        self.requests = 0

    def list_cases(self, split):
        """The ids of a split, in suite order. The server has no listing call, so this scores the
        split once with the seed prompt; those rollouts are not counted and gepa never sees them."""
        answer = post_json(self.score_url, {"split": split, "model": self.model})
        return [case["id"] for case in answer["cases"]], answer["repeat"]

    def evaluate(self, batch, candidate, capture_traces=False):
        answer = post_json(self.score_url, {
            "components": {COMPONENT: candidate[COMPONENT]},
            "cases": [inst["id"] for inst in batch],
            "model": self.model,
        })
        by_id = {case["id"]: case for case in answer["cases"]}
        cases = [by_id[inst["id"]] for inst in batch]  # the answer is in suite order, gepa wants batch order
        rollouts = sum(len(case["repeats"]) for case in cases)
        self.rollouts += rollouts
        self.requests += 1
        trajectories = None
        if capture_traces:
            trajectories = [{"inputs": inst["inputs"], "output": case["output"], "feedback": case["feedback"],
                             "score": case["score"]} for inst, case in zip(batch, cases)]
        return EvaluationBatch(outputs=[case["output"] for case in cases], scores=[float(case["score"]) for case in cases],
                               trajectories=trajectories, num_metric_calls=rollouts)

    def make_reflective_dataset(self, candidate, eval_batch, components_to_update):
        # The record layout gepa's documentation recommends (Inputs / Generated Outputs / Feedback).
        records = [{"Inputs": t["inputs"], "Generated Outputs": t["output"], "Feedback": t["feedback"]}
                   for t in eval_batch.trajectories]
        return {name: records for name in components_to_update}

    propose_new_texts = None


class ServedReflectionLM:
    """gepa's reflection model: one chat completion per prompt from `evolve models serve`, the same
    simulator (and seed) that Evolve's own run reflects with."""

    def __init__(self, chat_url, model):
        self.chat_url = chat_url
        self.model = model
        self.calls = 0

    def __call__(self, prompt):
        messages = prompt if isinstance(prompt, list) else [{"role": "user", "content": prompt}]
        answer = post_json(self.chat_url, {"model": self.model, "messages": messages})
        self.calls += 1
        return answer["choices"][0]["message"]["content"]
