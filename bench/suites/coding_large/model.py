"""What a generated coding task is made of: the task text, its reference solution and its tests.

Tests are written as calls only; the expected value of each call is filled in later by running
the reference solution (see verify.py), so no expected value is ever typed by hand.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Eq:
    """`assert <call> == <value the reference returns>`; the value is computed, not written."""

    call: str
    note: str | None = None


@dataclass(frozen=True)
class Raises:
    """The call must raise `error` (the reference is run to prove it does)."""

    call: str
    error: str = "ValueError"


@dataclass(frozen=True)
class Raw:
    """Literal test lines for checks that are not one call, e.g. that an input is not modified."""

    lines: tuple[str, ...]


@dataclass
class Test:
    """One test_<name> function; `name` leaves out the test_ prefix."""

    name: str
    checks: list


@dataclass
class Task:
    id: str
    description: str
    name: str
    signature: str
    task: str
    reference: str
    tests: list[Test]
    hints: list[str]
    difficulty: float
    tags: list[str] = field(default_factory=list)
    split: str = ""


def call(name: str, *args) -> str:
    """The source of a call with literal arguments: call("f", [1], 2) -> "f([1], 2)"."""
    return f"{name}({', '.join(repr(a) for a in args)})"


def unchanged(name: str, data, *rest) -> Raw:
    """A check that `name(data, *rest)` leaves its first argument as it was."""
    return Raw((
        f"data = {data!r}",
        f"{name}(data{''.join(', ' + repr(r) for r in rest)})",
        f"assert data == {data!r}, \"the input must not be modified\"",
    ))


def eqs(name: str, *arg_tuples) -> list[Eq]:
    """One Eq per argument tuple: eqs("f", ([1], 2), ([], 0))."""
    return [Eq(call(name, *args)) for args in arg_tuples]


def difficulty(base: float, extra: float = 0.0) -> float:
    """The family's difficulty plus a variant's extra, kept inside 0.2-0.9."""
    return round(min(0.9, max(0.2, base + extra)), 2)
