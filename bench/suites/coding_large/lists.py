"""List families: rotate, clamp, de-duplicate, sliding windows."""

import itertools

from model import Eq, Raises, Task, Test, call, difficulty, eqs, unchanged


def rotate(rng) -> list[Task]:
    tasks = []
    for kind, direction, negative in itertools.product(("list", "text"), ("left", "right"), ("flip", "raise")):
        name = f"rotate_{direction}" if kind == "list" else f"rotate_text_{direction}"
        sample = [1, 2, 3, 4, 5] if kind == "list" else "abcde"
        empty = [] if kind == "list" else ""
        shift = "k % len(xs)" if direction == "left" else "-k % len(xs)"
        lines = [f"def {name}(xs: {'list' if kind == 'list' else 'str'}, k: int) -> {'list' if kind == 'list' else 'str'}:"]
        if negative == "raise":
            lines += ["    if k < 0:", "        raise ValueError(\"k must not be negative\")"]
        lines += ["    if not xs:", "        return xs[:]", f"    shift = {shift}", "    return xs[shift:] + xs[:shift]"]
        noun = "list" if kind == "list" else "string"
        moved = "the first k items move to the end" if direction == "left" else "the last k items move to the front"
        example = "[2, 3, 4, 1]" if direction == "left" else "[4, 1, 2, 3]"
        neg_text = ("A negative k rotates the other way by -k positions."
                    if negative == "flip" else "A negative k raises ValueError.")
        text = (f"Return `xs` (a {noun}) rotated {direction} by `k` positions: {moved}, so rotating [1, 2, 3, 4] "
                f"{direction} by 1 gives {example}{'' if kind == 'list' else ' (here for a string of characters)'}. "
                f"k may be larger than the length, in which case it wraps around, and k = 0 or k equal to the "
                f"length gives the input unchanged. An empty {noun} gives an empty {noun}. {neg_text}"
                + (" Return a new list; do not modify `xs`." if kind == "list" else ""))
        rand = [rng.randint(-9, 9) for _ in range(rng.randint(4, 8))] if kind == "list" else \
            "".join(rng.choice("xyzuvw") for _ in range(rng.randint(4, 8)))
        tests = [
            Test("rotates_by_one_and_two", eqs(name, (sample, 1), (sample, 2))),
            Test("k_larger_than_length_wraps", eqs(name, (sample, 6), (sample[:3], 7))),
            Test("zero_k_and_full_turn_unchanged", eqs(name, (sample, 0), (sample, len(sample)))),
            Test(f"empty_{noun}", eqs(name, (empty, 3))),
            Test("negative_k_rotates_the_other_way", eqs(name, (sample, -1), (sample, -7))) if negative == "flip"
            else Test("negative_k_raises_value_error", [Raises(call(name, sample, -1))]),
            Test("random_input", eqs(name, (rand, rng.randint(1, 12)))),
        ]
        hints = ["k larger than length", f"empty {noun}", "negative k"]
        if kind == "list":
            tests.append(Test("input_not_modified", [unchanged(name, [1, 2, 3], 1)]))
            hints.append("input not modified")
        tasks.append(Task(
            id=f"rotate-{kind}-{direction}-negative-{negative}", description=f"Rotate a {noun} {direction} by k positions",
            name=name, signature=f"def {name}(xs: {'list' if kind == 'list' else 'str'}, k: int) -> {'list' if kind == 'list' else 'str'}",
            task=text, reference="\n".join(lines) + "\n", tests=tests, hints=hints,
            difficulty=difficulty(0.3, 0.1 if negative == "flip" else 0.0)))
    return tasks


def clamp(rng) -> list[Task]:
    tasks = []
    for mode, bad_bounds, nones in itertools.product(("clamp", "filter"), ("raise", "swap"), ("drop", "keep")):
        name = "clamp_all" if mode == "clamp" else "keep_in_range"
        lines = [f"def {name}(xs: list, lo: float, hi: float) -> list:", "    if lo > hi:"]
        lines += ["        raise ValueError(\"lo must not exceed hi\")"] if bad_bounds == "raise" else ["        lo, hi = hi, lo"]
        lines += ["    out = []", "    for x in xs:", "        if x is None:"]
        lines += ["            continue"] if nones == "drop" else ["            out.append(None)", "            continue"]
        if mode == "clamp":
            lines += ["        out.append(min(max(x, lo), hi))"]
        else:
            lines += ["        if lo <= x <= hi:", "            out.append(x)"]
        lines += ["    return out"]
        what = ("Return a new list where every number of `xs` is limited to the closed range [lo, hi]: values "
                "below lo become lo, values above hi become hi, the rest stay as they are."
                if mode == "clamp" else
                "Return a new list of the numbers of `xs` that lie inside the closed range [lo, hi], in their "
                "original order; values outside the range are left out.")
        text = (f"{what} The bounds are inclusive and lo may equal hi. "
                + ("When lo is greater than hi raise ValueError. " if bad_bounds == "raise"
                   else "When lo is greater than hi, swap them and carry on. ")
                + ("None entries are dropped from the result. " if nones == "drop"
                   else "None entries are kept as None at their position. ")
                + "An empty list gives []. Do not modify `xs`.")
        sample = [-5, 0, 3, 7, 12]
        rand = [rng.randint(-20, 20) for _ in range(6)]
        tests = [
            Test("values_inside_and_outside_the_range", eqs(name, (sample, 0, 10), ([1.5, 2.5, 9.75], 2, 9))),
            Test("bounds_are_inclusive", eqs(name, ([0, 10, 11, -1], 0, 10))),
            Test("equal_bounds", eqs(name, ([1, 5, 9], 5, 5))),
            Test("empty_list", eqs(name, ([], 0, 1))),
            Test("none_entries", eqs(name, ([None, 4, None, 20], 0, 10))),
            Test("lo_greater_than_hi_raises_value_error", [Raises(call(name, sample, 10, 0))]) if bad_bounds == "raise"
            else Test("lo_greater_than_hi_swaps_bounds", eqs(name, (sample, 10, 0))),
            Test("random_input", eqs(name, (rand, -7, 7))),
            Test("input_not_modified", [unchanged(name, [5, 50], 0, 10)]),
        ]
        tasks.append(Task(
            id=f"{'clamp-all' if mode == 'clamp' else 'keep-in-range'}-{bad_bounds}-none-{nones}",
            description="Clamp every value of a list into a range" if mode == "clamp" else "Keep the values of a list that lie in a range",
            name=name, signature=f"def {name}(xs: list, lo: float, hi: float) -> list", task=text,
            reference="\n".join(lines) + "\n", tests=tests,
            hints=["bounds inclusive", "equal bounds", "lo greater than hi", "none entries", "empty list", "input not modified"],
            difficulty=difficulty(0.3, 0.1 if nones == "keep" else 0.0)))
    return tasks


def dedupe(rng) -> list[Task]:
    variants = [("all", keep, eq) for keep in ("first", "last") for eq in ("exact", "casefold", "abs")]
    variants += [("adjacent", "first", eq) for eq in ("exact", "casefold")]
    tasks = []
    for scope, keep, eq in variants:
        name = "dedupe" if scope == "all" else "squeeze_runs"
        key = {"exact": "x", "casefold": "x.casefold()", "abs": "abs(x)"}[eq]
        if scope == "adjacent":
            lines = [f"def {name}(xs: list) -> list:", "    out = []", "    last = object()", "    for x in xs:",
                     f"        k = {key}", "        if not out or k != last:", "            out.append(x)",
                     "        last = k", "    return out"]
        elif keep == "first":
            lines = [f"def {name}(xs: list) -> list:", "    seen = set()", "    out = []", "    for x in xs:",
                     f"        k = {key}", "        if k not in seen:", "            seen.add(k)", "            out.append(x)",
                     "    return out"]
        else:
            lines = [f"def {name}(xs: list) -> list:", "    seen = set()", "    out = []", "    for x in reversed(xs):",
                     f"        k = {key}", "        if k not in seen:", "            seen.add(k)", "            out.append(x)",
                     "    return out[::-1]"]
        same = {"exact": "equal", "casefold": "equal when compared case-insensitively (str.casefold)",
                "abs": "equal in absolute value (3 and -3 are duplicates)"}[eq]
        kind = "integers" if eq == "abs" else "strings"
        if scope == "all":
            text = (f"Given a list of {kind}, return a new list without duplicates, where two items are duplicates "
                    f"when they are {same}. Keep the {keep} occurrence of each item, exactly as it was written, and "
                    f"keep the kept items in the order they appear in `xs`. An empty list gives []. Do not modify `xs`.")
        else:
            text = (f"Given a list of {kind}, collapse each run of consecutive duplicates into its first item, "
                    f"where two neighbours are duplicates when they are {same}. Duplicates that are not next to "
                    f"each other are all kept. An empty list gives []. Do not modify `xs`.")
        if eq == "abs":
            samples = [[3, -3, 1, 3, -1, 2], [0, -0, 5, -5, -5]]
            rand = [rng.randint(-4, 4) for _ in range(8)]
        else:
            samples = [["a", "b", "a", "c", "b"], ["Apple", "apple", "APPLE", "pear", "Pear"]]
            rand = [rng.choice(["x", "X", "y", "Y", "z"]) for _ in range(8)]
        tests = [
            Test("duplicates_removed", eqs(name, (samples[0],), (samples[1],))),
            Test("empty_list", eqs(name, ([],))),
            Test("single_item", eqs(name, (samples[0][:1],))),
            Test("random_input", eqs(name, (rand,))),
            Test("input_not_modified", [unchanged(name, samples[1])]),
        ]
        if scope == "adjacent":
            tests.append(Test("separated_duplicates_are_kept", eqs(name, (samples[0] + samples[0][:1],))))
        hints = ["empty list", "order of first appearance" if keep == "first" else "last occurrence kept",
                 "input not modified", {"exact": "case sensitive", "casefold": "case insensitive", "abs": "absolute value"}[eq]]
        if scope == "adjacent":
            hints.append("consecutive duplicates only")
        tasks.append(Task(
            id=f"{'dedupe' if scope == 'all' else 'squeeze-runs'}-keep-{keep}-{eq}",
            description="Remove duplicates from a list" if scope == "all" else "Collapse runs of consecutive duplicates",
            name=name, signature=f"def {name}(xs: list) -> list", task=text, reference="\n".join(lines) + "\n",
            tests=tests, hints=hints, difficulty=difficulty(0.3, 0.1 if keep == "last" or eq != "exact" else 0.0)))
    return tasks


def windows(rng) -> list[Task]:
    tasks = []
    for agg, too_long in itertools.product(("sum", "max", "min", "mean"), ("empty", "raise")):
        name = f"window_{agg}"
        expr = {"sum": "sum(w)", "max": "max(w)", "min": "min(w)", "mean": "round(sum(w) / k, 2)"}[agg]
        lines = [f"def {name}(xs: list, k: int) -> list:", "    if k < 1:", "        raise ValueError(\"k must be at least 1\")",
                 "    if k > len(xs):"]
        lines += ["        return []"] if too_long == "empty" else ["        raise ValueError(\"k is longer than the list\")"]
        lines += ["    out = []", "    for i in range(len(xs) - k + 1):", "        w = xs[i:i + k]", f"        out.append({expr})",
                  "    return out"]
        what = {"sum": "the sum", "max": "the largest value", "min": "the smallest value",
                "mean": "the mean, rounded to 2 decimals with round()"}[agg]
        text = (f"Return a list with {what} of every window of `k` consecutive items of `xs`, from left to right; "
                f"a list of n items has n - k + 1 windows. Raise ValueError when k is less than 1. "
                + ("When k is larger than the list, return []." if too_long == "empty"
                   else "When k is larger than the list, raise ValueError.")
                + " The numbers may be negative.")
        rand = [rng.randint(-10, 10) for _ in range(7)]
        tests = [
            Test("windows_of_two_and_three", eqs(name, ([1, 3, 2, 6, 4], 2), ([1, 3, 2, 6, 4], 3))),
            Test("window_equal_to_length", eqs(name, ([4, -1, 7], 3))),
            Test("window_of_one", eqs(name, ([5, -2, 8], 1))),
            Test("negative_numbers", eqs(name, ([-3, -1, -4, -1], 2))),
            Test("zero_or_negative_window_raises_value_error", [Raises(call(name, [1, 2], 0)), Raises(call(name, [1, 2], -1))]),
            Test("window_larger_than_list", eqs(name, ([1, 2], 3))) if too_long == "empty"
            else Test("window_larger_than_list_raises_value_error", [Raises(call(name, [1, 2], 3))]),
            Test("random_input", eqs(name, (rand, rng.randint(2, 4)))),
        ]
        hints = ["window larger than list", "window equal to length", "zero window", "negative numbers"]
        if agg == "mean":
            hints.append("rounded to two decimals")
        tasks.append(Task(
            id=f"window-{agg}-too-long-{too_long}", description=f"Sliding-window {agg} of a list", name=name,
            signature=f"def {name}(xs: list, k: int) -> list", task=text, reference="\n".join(lines) + "\n",
            tests=tests, hints=hints, difficulty=difficulty(0.4, 0.1 if agg == "mean" else 0.0)))
    return tasks
