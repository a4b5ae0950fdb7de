"""Dictionary families: group words by a key, merge two dicts under a conflict rule."""

import itertools

from model import Raises, Raw, Task, Test, call, difficulty, eqs, unchanged


def group_words(rng) -> list[Task]:
    combos = list(itertools.product(("first-letter", "length", "last-letter"), ("fold", "keep"), ("sorted", "input")))
    tasks = []
    for key, case, order in sorted(rng.sample(combos, 10)):
        name = "group_words"
        word = "w.lower()" if case == "fold" else "w"
        key_expr = {"first-letter": f"{word}[0]", "last-letter": f"{word}[-1]", "length": "len(w)"}[key]
        lines = [f"def {name}(words: list[str]) -> dict:", "    groups = {}", "    for w in words:", "        if not w:",
                 "            continue", f"        groups.setdefault({key_expr}, []).append(w)"]
        if order == "sorted":
            lines += ["    return {k: sorted(v) for k, v in groups.items()}"]
        else:
            lines += ["    return groups"]
        key_text = {"first-letter": "its first character", "last-letter": "its last character", "length": "its length"}[key]
        case_text = ("" if key == "length" else
                     " compared in lower case (\"Apple\" and \"avocado\" share the key \"a\"; keys are lower case)" if case == "fold"
                     else " exactly as written (\"Apple\" has key \"A\", \"avocado\" has key \"a\")")
        text = (f"Group `words` by {key_text}{case_text}: return a dict from each key to the list of words that "
                f"have it. Keys appear in the order their first word appears. "
                + ("Each list is sorted (plain string order, so upper case sorts first). " if order == "sorted"
                   else "Each list keeps the words in input order. ")
                + "Duplicate words are kept as often as they occur, empty strings are skipped, and an empty list "
                  "gives {}. Do not modify `words`.")
        sample = ["banana", "Apple", "avocado", "cherry", "blueberry", "apple"]
        rand = ["".join(rng.choice("abAB") for _ in range(rng.randint(1, 4))) for _ in range(6)]
        tests = [
            Test("words_are_grouped", eqs(name, (sample,))),
            Test("empty_list", eqs(name, ([],))),
            Test("empty_strings_skipped", eqs(name, (["", "x", ""],))),
            Test("repeated_word", eqs(name, (["kiwi", "kiwi", "fig"],))),
            Test("mixed_case", eqs(name, (["Bob", "bob", "BOB", "alice"],))),
            Test("random_input", eqs(name, (rand,))),
            Test("input_not_modified", [unchanged(name, ["b", "a"])]),
        ]
        tasks.append(Task(
            id=f"group-words-{key}-{case}-{order}", description=f"Group words by {key.replace('-', ' ')}", name=name,
            signature=f"def {name}(words: list[str]) -> dict", task=text, reference="\n".join(lines) + "\n",
            tests=tests,
            hints=["empty list", "empty strings skipped", "repeated word", "first appearance", "case insensitive" if case == "fold" else "case sensitive"],
            difficulty=difficulty(0.3, 0.1 if order == "sorted" else 0.0)))
    return tasks


def merge_dicts(rng) -> list[Task]:
    rules = {
        "sum": ("the two values are added", "a[k] + b[k]"),
        "first": ("the value of `a` is kept", "a[k]"),
        "second": ("the value of `b` wins", "b[k]"),
        "max": ("the larger value is kept", "max(a[k], b[k])"),
        "both": ("the key maps to the list [value in a, value in b]", "[a[k], b[k]]"),
        "raise": ("raise KeyError naming the key", None),
    }
    tasks = []
    for rule, (rule_text, expr) in rules.items():
        name = "merge_counts"
        lines = [f"def {name}(a: dict, b: dict) -> dict:", "    out = dict(a)", "    for k in b:", "        if k in a:"]
        lines += [f"            out[k] = {expr}"] if expr else ["            raise KeyError(k)"]
        lines += ["        else:", "            out[k] = b[k]", "    return out"]
        text = (f"Merge the dicts `a` and `b` (their values are numbers) into a new dict. Keys found in only one of "
                f"them keep their value. For a key found in both, {rule_text}. Keys of `a` come first in their "
                f"order, then the keys only `b` has, in its order. Values that are 0 or negative are ordinary "
                f"values. Do not modify `a` or `b`.")
        rand_a = {rng.choice("pqrs"): rng.randint(-5, 5) for _ in range(3)}
        rand_b = {rng.choice("rstu"): rng.randint(-5, 5) for _ in range(3)}
        tests = [
            Test("disjoint_keys", eqs(name, ({"x": 1}, {"y": 2}))),
            Test("empty_inputs", eqs(name, ({}, {}), ({"x": 1}, {}), ({}, {"y": 2}))),
            Test("key_order", eqs(name, ({"b": 1, "a": 2}, {"c": 3, "b": 4}))) if rule != "raise"
            else Test("key_order", eqs(name, ({"b": 1, "a": 2}, {"d": 3, "c": 4}))),
            Test("inputs_not_modified", [unchanged(name, {"k": 1}, {"j": 2})]),
        ]
        if rule == "raise":
            tests.append(Test("shared_key_raises_key_error", [Raises(call(name, {"x": 1}, {"x": 2}), "KeyError")]))
            tests.append(Test("random_input", eqs(name, (rand_a, {k: v for k, v in rand_b.items() if k not in rand_a}))))
        else:
            tests.append(Test("shared_keys", eqs(name, ({"x": 1, "y": 5}, {"y": 3, "z": 0}), ({"n": -2}, {"n": -7}))))
            tests.append(Test("random_input", eqs(name, (rand_a, rand_b))))
        tasks.append(Task(
            id=f"merge-counts-{rule}", description=f"Merge two dicts; shared keys: {rule}", name=name,
            signature=f"def {name}(a: dict, b: dict) -> dict", task=text, reference="\n".join(lines) + "\n",
            tests=tests, hints=["shared keys", "empty inputs", "key order", "inputs not modified", "negative values"],
            difficulty=difficulty(0.3, 0.1 if rule in ("both", "raise") else 0.0)))
    for winner in ("a", "b"):
        name = "deep_merge"
        lines = [f"def {name}(a: dict, b: dict) -> dict:", "    out = {}", "    for k in list(a) + [k for k in b if k not in a]:",
                 "        if k in a and k in b and isinstance(a[k], dict) and isinstance(b[k], dict):",
                 "            out[k] = deep_merge(a[k], b[k])", "        elif k in a and k in b:", f"            v = {winner}[k]",
                 "            out[k] = deep_merge(v, {}) if isinstance(v, dict) else v",
                 "        elif k in a:", "            out[k] = deep_merge(a[k], {}) if isinstance(a[k], dict) else a[k]",
                 "        else:", "            out[k] = deep_merge({}, b[k]) if isinstance(b[k], dict) else b[k]", "    return out"]
        text = (f"Merge the nested dicts `a` and `b` into a new dict. When a key holds a dict in both, merge those "
                f"dicts the same way, at any depth. When a key is in both but not a dict in both, the value of "
                f"`{winner}` wins (even when it is falsy, like 0, '' or None). Keys of `a` come first, then the keys "
                f"only `b` has. The result shares no nested dict with the inputs, and neither input is modified; "
                f"lists are copied by reference.")
        tests = [
            Test("nested_dicts_merged", eqs(name, ({"db": {"host": "x", "port": 1}}, {"db": {"port": 2, "user": "u"}}))),
            Test("deeply_nested", eqs(name, ({"a": {"b": {"c": 1}}}, {"a": {"b": {"d": 2}}}))),
            Test("conflict", eqs(name, ({"k": {"x": 1}}, {"k": 5}), ({"k": 5}, {"k": {"x": 1}}))),
            Test("falsy_values", eqs(name, ({"v": 1, "w": None}, {"v": 0, "w": 3}))),
            Test("empty_nested_dict", eqs(name, ({"e": {}}, {}), ({}, {"e": {}}))),
            Test("inputs_not_modified", [unchanged(name, {"n": {"x": 1}}, {"n": {"y": 2}})]),
            Test("shares_no_nested_dicts", [Raw((
                "inner = {'x': 1}", "result = deep_merge({'n': inner}, {})", "result['n']['x'] = 9",
                "assert inner == {'x': 1}, \"the result must not share nested dicts\""))]),
        ]
        tasks.append(Task(
            id=f"deep-merge-{winner}-wins", description=f"Merge nested dicts; {winner} wins conflicts", name=name,
            signature=f"def {name}(a: dict, b: dict) -> dict", task=text, reference="\n".join(lines) + "\n",
            tests=tests, hints=["nested dicts merged", "falsy values", "inputs not modified", "shares no nested dicts", "key order"],
            difficulty=difficulty(0.6, 0.0 if winner == "b" else 0.1)))
    return tasks
