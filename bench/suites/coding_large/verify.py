"""Runs reference solutions in a separate python3 process (one per family and step, each source in
its own fresh namespace): first to compute the expected value of every Eq check, then to run the
finished tests against the reference, and against a stub that returns None, which must fail at
least one test, so no test passes vacuously."""

import ast
import json
import os
import subprocess
import sys

from model import Eq, Raises, Raw, Task

_TIMEOUT = 120

# Reads [[source, [expr, ...]], ...]; for each job runs source in a fresh namespace, then evaluates
# each expr there. Writes [[status, text], ...] per job: ok + repr, or error + message.
_EVALUATE = """
import json, sys
_results = []
for _source, _exprs in json.loads(sys.stdin.read()):
    _ns = {"__name__": "reference"}
    _job = []
    try:
        exec(_source, _ns)
    except Exception as _e:
        _results.append([["error", f"the source did not load: {type(_e).__name__}: {_e}"]] * len(_exprs))
        continue
    for _expr in _exprs:
        try:
            _job.append(["ok", repr(eval(_expr, _ns))])
        except Exception as _e:
            _job.append(["error", f"{type(_e).__name__}: {_e}"])
    _results.append(_job)
print(json.dumps(_results))
"""

# Reads [source, ...]; runs every test_ function of each in a fresh namespace; writes the list of
# failures per source.
_TESTS = """
import json, sys
_results = []
for _source in json.loads(sys.stdin.read()):
    _ns = {"__name__": "tests"}
    _failed = []
    try:
        exec(_source, _ns)
        for _name, _fn in list(_ns.items()):
            if _name.startswith("test_") and callable(_fn):
                try:
                    _fn()
                except Exception as _e:
                    _failed.append(f"{_name}: {type(_e).__name__}: {_e}")
    except Exception as _e:
        _failed.append(f"the code did not load: {type(_e).__name__}: {_e}")
    _results.append(_failed)
print(json.dumps(_results))
"""


class ReferenceError_(Exception):
    """A reference solution that fails, or a test that cannot be built from it."""


def _python(script: str, jobs) -> list:
    # A fixed hash seed keeps any set or dict of strings in the same order on every run.
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    run = subprocess.run([sys.executable, "-I", "-c", script], input=json.dumps(jobs), capture_output=True,
                         text=True, timeout=_TIMEOUT, env=env)
    if run.returncode != 0:
        raise ReferenceError_(f"the python3 worker failed: {run.stderr.strip()}")
    return json.loads(run.stdout)


def _calls(task: Task) -> list[str]:
    return sorted({c.call for t in task.tests for c in t.checks if isinstance(c, Eq)})


def expected_values(tasks: list[Task]) -> list[dict[str, str]]:
    """Per task, the repr of what its reference returns for each of its Eq calls."""
    results = _python(_EVALUATE, [[t.reference, _calls(t)] for t in tasks])
    out = []
    for task, job in zip(tasks, results):
        values = {}
        for expr, (status, text) in zip(_calls(task), job):
            if status != "ok":
                raise ReferenceError_(f"{task.id}: {expr} raised {text} in the reference")
            try:
                ast.literal_eval(text)
            except (ValueError, SyntaxError):
                raise ReferenceError_(f"{task.id}: {expr} gives {text}, which is not a Python literal") from None
            values[expr] = text
        out.append(values)
    return out


def test_source(task: Task, values: dict[str, str]) -> str:
    """The python-tests value: one test_ function per Test, expected values filled in."""
    blocks = []
    for test in task.tests:
        lines = [f"def test_{test.name}():"]
        for check in test.checks:
            if isinstance(check, Eq):
                note = f", {check.note!r}" if check.note else ""
                lines.append(f"    assert {check.call} == {values[check.call]}{note}")
            elif isinstance(check, Raises):
                lines += [
                    "    try:",
                    f"        {check.call}",
                    f"    except {check.error}:",
                    "        pass",
                    "    else:",
                    f"        assert False, {(check.call + ' must raise ' + check.error)!r}",
                ]
            elif isinstance(check, Raw):
                lines += ["    " + line for line in check.lines]
            else:
                raise TypeError(f"unknown check {check!r}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def check_references(tasks: list[Task], tests: list[str]) -> None:
    """Refuses the family unless every reference passes its tests and a None stub fails one."""
    stubs = [f"def {t.name}(*args, **kwargs):\n    return None\n" for t in tasks]
    sources = [t.reference + "\n" + s for t, s in zip(tasks, tests)] + [stub + "\n" + s for stub, s in zip(stubs, tests)]
    results = _python(_TESTS, sources)
    for task, failed in zip(tasks, results[:len(tasks)]):
        if failed:
            raise ReferenceError_(f"{task.id}: the reference fails its tests: " + "; ".join(failed))
    for task, failed in zip(tasks, results[len(tasks):]):
        if not failed:
            raise ReferenceError_(f"{task.id}: a function that returns None passes every test; the tests check nothing")
