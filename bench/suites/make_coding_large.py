#!/usr/bin/env python3
"""Generates the coding-large suite (evals/coding-large): about 170 Python tasks from 20 task
families. Each family is a template with parameters, so its variants differ in behaviour, not only
in names. Every expected value in a test is computed by running the task's reference solution in
a python3 subprocess, and a task whose reference fails its own tests is refused.

    python3 bench/suites/make_coding_large.py            # (re)write evals/coding-large
    python3 bench/suites/make_coding_large.py --check    # exit 1 unless the files are up to date
    python3 bench/suites/make_coding_large.py --out DIR  # write somewhere else

Standard library only; the seed is fixed, so the output is the same bytes on every run.
"""

import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository

import argparse  # noqa: E402
import pathlib  # noqa: E402
import random  # noqa: E402
import tempfile  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent / "coding_large"))

import emit  # noqa: E402
import families  # noqa: E402
import verify  # noqa: E402

SEED = 20261203
SPLIT_SHARES = (("train", 0.40), ("val", 0.25))  # the rest is holdout
REPO = pathlib.Path(__file__).resolve().parents[2]

SUITE_YAML = """name: coding-large
description: About 170 generated Python tasks from 20 parameterised families (lists, strings, numbers, dicts, parsing, intervals, matrices), checked by hidden pytest-style tests
agent: coding
cases:
  - cases/*.yaml
repeat: 1
"""


def assign_splits(tasks, rng) -> None:
    """About 40% train, 25% val, the rest holdout, per family, by a seeded shuffle."""
    order = list(range(len(tasks)))
    rng.shuffle(order)
    counts = [max(1, round(len(tasks) * share)) for _, share in SPLIT_SHARES]
    names = [name for name, _ in SPLIT_SHARES]
    for position, index in enumerate(order):
        split = "holdout"
        edge = 0
        for name, count in zip(names, counts):
            edge += count
            if position < edge:
                split = name
                break
        tasks[index].split = split


def hint_words(task) -> set[str]:
    return {w for hint in task.hints for w in hint.lower().split() if len(w) >= 3}


def check_transfer(family, tasks) -> None:
    """Each holdout task must share a hint word with a train task of its family, so lessons can transfer."""
    train = set().union(*(hint_words(t) for t in tasks if t.split == "train"))
    for task in tasks:
        if task.split == "holdout" and not hint_words(task) & train:
            raise verify.ReferenceError_(f"{task.id}: no hint shared with the train tasks of family {family.key}")


def generate(out: pathlib.Path) -> int:
    rng = random.Random(SEED)
    (out / "cases").mkdir(parents=True, exist_ok=True)
    (out / "suite.yaml").write_text(emit.header("The coding-large suite.") + SUITE_YAML, encoding="utf-8", newline="\n")
    seen, total = set(), 0
    for family in families.ALL:
        tasks = family.build(random.Random(f"{SEED}-{family.key}"))
        assign_splits(tasks, rng)
        check_transfer(family, tasks)
        for task in tasks:
            if task.id in seen:
                raise verify.ReferenceError_(f"{task.id}: id used twice")
            seen.add(task.id)
            task.tags = [family.area, family.key] + task.tags
        tests = [verify.test_source(t, v) for t, v in zip(tasks, verify.expected_values(tasks))]
        verify.check_references(tasks, tests)
        blocks = [emit.task_yaml(t, s) for t, s in zip(tasks, tests)]
        text = emit.header(f"Family {family.key}: {family.title}.") + "\n" + "\n".join(blocks)
        (out / "cases" / f"{family.key}.yaml").write_text(text, encoding="utf-8", newline="\n")
        total += len(tasks)
        print(f"{family.key}: {len(tasks)} tasks", file=sys.stderr)
    print(f"{total} tasks in {len(families.ALL)} families written to {out}", file=sys.stderr)
    return total


def same_tree(a: pathlib.Path, b: pathlib.Path) -> list[str]:
    """Relative paths that differ between two folders (missing on one side, or other bytes)."""
    files = {p.relative_to(a) for p in a.rglob("*") if p.is_file()} | {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    return sorted(str(f) for f in files
                  if not (a / f).is_file() or not (b / f).is_file() or (a / f).read_bytes() != (b / f).read_bytes())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=pathlib.Path, default=REPO / "evals" / "coding-large", help="suite folder to write")
    parser.add_argument("--check", action="store_true", help="regenerate into a temporary folder and compare with --out")
    args = parser.parse_args()
    try:
        if not args.check:
            generate(args.out)
            return 0
        with tempfile.TemporaryDirectory() as tmp:
            generate(pathlib.Path(tmp))
            differ = same_tree(pathlib.Path(tmp), args.out)
        if differ:
            print(f"{args.out} is out of date; differing files: {', '.join(differ)}. "
                  "Regenerate with python3 bench/suites/make_coding_large.py", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date", file=sys.stderr)
        return 0
    except verify.ReferenceError_ as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
