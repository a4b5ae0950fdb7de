"""Interval families: merging under different joining rules, and point queries with open or closed ends."""

import itertools

from model import Raises, Task, Test, call, difficulty, eqs, unchanged


def merge(rng) -> list[Task]:
    rules = {"overlap": ("they overlap by more than a point: [1, 3] and [3, 5] stay apart", "start < cur[1]"),
             "touching": ("they overlap or touch: [1, 3] and [3, 5] become [1, 5]", "start <= cur[1]"),
             "gap1": ("the gap between them is at most 1: [1, 3] and [4, 6] become [1, 6]", "start <= cur[1] + 1"),
             "gap3": ("the gap between them is at most 3: [1, 3] and [6, 8] become [1, 8]", "start <= cur[1] + 3")}
    tasks = []
    for (rule, (rule_text, cond)), bad in itertools.product(rules.items(), ("raise", "swap")):
        name = "merge_intervals"
        lines = [f"def {name}(intervals: list) -> list:", "    spans = []", "    for start, end in intervals:", "        if start > end:"]
        lines += ["            raise ValueError(f\"start {start} is after end {end}\")"] if bad == "raise" else ["            start, end = end, start"]
        lines += ["        spans.append((start, end))", "    merged = []", "    for start, end in sorted(spans):",
                  f"        if merged and {cond.replace('cur', 'merged[-1]')}:",
                  "            merged[-1] = (merged[-1][0], max(merged[-1][1], end))", "        else:",
                  "            merged.append((start, end))", "    return merged"]
        text = (f"Merge a list of integer intervals, each a (start, end) pair with both ends included. Two "
                f"intervals are joined when {rule_text}; joining repeats until no more intervals can be joined. "
                f"Return the merged intervals as a list of tuples sorted by start. The input need not be sorted. "
                + ("An interval whose start is after its end raises ValueError. " if bad == "raise"
                   else "An interval whose start is after its end is read with its ends swapped. ")
                + "An empty list gives []. Do not modify the input.")
        rand = [(a, a + rng.randint(0, 4)) for a in (rng.randint(0, 30) for _ in range(6))]
        tests = [
            Test("unsorted_input", eqs(name, ([(8, 10), (1, 3), (2, 6)],))),
            Test("touching_intervals", eqs(name, ([(1, 3), (3, 5)],))),
            Test("gap_between_intervals", eqs(name, ([(1, 3), (4, 6)],), ([(1, 3), (6, 8)],), ([(1, 3), (7, 9)],))),
            Test("contained_interval", eqs(name, ([(1, 10), (2, 3)],))),
            Test("single_point_intervals", eqs(name, ([(5, 5), (5, 5), (6, 6)],))),
            Test("empty_list", eqs(name, ([],))),
            Test("start_after_end_raises_value_error", [Raises(call(name, [(1, 2), (5, 4)]))]) if bad == "raise"
            else Test("start_after_end_is_swapped", eqs(name, ([(5, 4), (1, 2)],))),
            Test("random_input", eqs(name, (rand,))),
            Test("input_not_modified", [unchanged(name, [(3, 4), (1, 2)])]),
        ]
        tasks.append(Task(
            id=f"merge-intervals-{rule}-{bad}", description="Merge intervals", name=name,
            signature=f"def {name}(intervals: list) -> list", task=text, reference="\n".join(lines) + "\n",
            tests=tests, hints=["unsorted input", "touching intervals", "gap between intervals", "start after end", "input not modified"],
            difficulty=difficulty(0.5, 0.1 if rule.startswith("gap") else 0.0)))
    return tasks


def point_queries(rng) -> list[Task]:
    ends = {"closed": ("both ends included", "start <= p <= end"),
            "half-open": ("the start included and the end excluded", "start <= p < end"),
            "open": ("both ends excluded", "start < p < end")}
    outputs = {"count": ("how many intervals contain `p`", "int"),
               "indices": ("the list of the positions (0-based, in input order) of the intervals that contain `p`", "list[int]"),
               "first": ("the position (0-based) of the first interval in the list that contains `p`, or -1 when none does", "int")}
    tasks = []
    for (end, (end_text, cond)), (out, (out_text, out_type)) in itertools.product(ends.items(), outputs.items()):
        name = {"count": "count_containing", "indices": "containing_indices", "first": "first_containing"}[out]
        lines = [f"def {name}(intervals: list, p: float) -> {out_type}:", "    hits = []",
                 "    for i, (start, end) in enumerate(intervals):", f"        if {cond}:", "            hits.append(i)"]
        lines += {"count": ["    return len(hits)"], "indices": ["    return hits"],
                  "first": ["    return hits[0] if hits else -1"]}[out]
        text = (f"`intervals` is a list of (start, end) pairs of numbers with start <= end, each with {end_text}. "
                f"Return {out_text}. Intervals may overlap or repeat, and a zero-length interval (start == end) "
                f"contains {'its one point' if end == 'closed' else 'no point'}. An empty list contains nothing.")
        spans = [(0, 5), (3, 8), (5, 5), (10, 12), (3, 8)]
        rand = [(a, a + rng.randint(0, 5)) for a in (rng.randint(0, 10) for _ in range(5))]
        tests = [
            Test("point_inside", eqs(name, (spans, 4), (spans, 11))),
            Test("point_on_start", eqs(name, (spans, 3), (spans, 10))),
            Test("point_on_end", eqs(name, (spans, 8), (spans, 12))),
            Test("zero_length_interval", eqs(name, ([(5, 5)], 5), (spans, 5))),
            Test("point_outside_every_interval", eqs(name, (spans, 9), (spans, -1))),
            Test("empty_list", eqs(name, ([], 1))),
            Test("float_point", eqs(name, (spans, 7.5))),
            Test("random_input", eqs(name, (rand, rng.randint(0, 12)))),
        ]
        tasks.append(Task(
            id=f"{name.replace('_', '-')}-{end}", description=f"Query which {end} intervals contain a point", name=name,
            signature=f"def {name}(intervals: list, p: float) -> {out_type}", task=text, reference="\n".join(lines) + "\n",
            tests=tests, hints=["point on end", "point on start", "zero length interval", "empty list", f"{end} intervals"],
            difficulty=difficulty(0.3, 0.1 if end != "closed" else 0.0)))
    return tasks
