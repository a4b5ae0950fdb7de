"""Number families: grouping digits with a separator, digit arithmetic in a base."""

import itertools

from model import Raises, Task, Test, call, difficulty, eqs


def group_digits(rng) -> list[Task]:
    variants = [(sep, 3, neg) for sep, neg in itertools.product((",", "_", " ", "."), ("minus", "parentheses"))]
    variants += [(",", 4, "minus"), ("'", 4, "parentheses")]
    tasks = []
    for sep, size, neg in variants:
        name = "group_digits"
        lines = [f"def {name}(n: int) -> str:", "    digits = str(abs(n))", "    groups = []", "    while digits:",
                 f"        groups.append(digits[-{size}:])", f"        digits = digits[:-{size}]",
                 f"    body = {sep!r}.join(reversed(groups))", "    if n < 0:"]
        lines += ["        return \"-\" + body"] if neg == "minus" else ["        return \"(\" + body + \")\""]
        lines += ["    return body"]
        sep_name = {",": "a comma", "_": "an underscore", " ": "a space", ".": "a dot", "'": "an apostrophe"}[sep]
        text = (f"Write the integer `n` in decimal with its digits grouped in groups of {size} from the right, the "
                f"groups separated by {sep_name}; numbers with {size} digits or fewer get no separator. "
                + ("A negative number starts with a minus sign before the first group. " if neg == "minus"
                   else "A negative number is written without a minus sign, in parentheses: -1500 becomes (1"
                        + sep + "500) for groups of 3. ")
                + "Zero is written 0. Raise TypeError when n is a bool or not an int.")
        lines.insert(1, "    if isinstance(n, bool) or not isinstance(n, int):")
        lines.insert(2, "        raise TypeError(\"n must be an int\")")
        rand = rng.randint(10 ** 6, 10 ** 10)
        tests = [
            Test("small_numbers", eqs(name, (0,), (7,), (999,))),
            Test("exactly_one_group_boundary", eqs(name, (1000,), (10000,), (123456,))),
            Test("large_number", eqs(name, (1234567890123,))),
            Test("negative_number", eqs(name, (-1500,), (-12,), (-98765432,))),
            Test("bool_or_float_raises_type_error", [Raises(call(name, True), "TypeError"), Raises(call(name, 1.5), "TypeError")]),
            Test("random_input", eqs(name, (rand,), (-rand,))),
        ]
        tasks.append(Task(
            id=f"group-digits-{ {',': 'comma', '_': 'underscore', ' ': 'space', '.': 'dot', chr(39): 'apostrophe'}[sep] }-{size}-{neg}",
            description=f"Group the digits of an integer by {size} with a separator", name=name,
            signature=f"def {name}(n: int) -> str", task=text, reference="\n".join(lines) + "\n", tests=tests,
            hints=["small numbers", "exactly one thousand", "negative sign", "large number", "not an int"],
            difficulty=difficulty(0.3, 0.1 if neg == "parentheses" or size == 4 else 0.0)))
    return tasks


def digit_math(rng) -> list[Task]:
    combos = list(itertools.product(("digit-sum", "digital-root", "reverse", "count-odd"), (10, 2, 8)))
    tasks = []
    for op, base in sorted(rng.sample(combos, 10)):
        name = op.replace("-", "_") + ("" if base == 10 else f"_base{base}")
        lines = [f"def {name}(n: int) -> int:", "    if n < 0:", f"        return -{name}(-n)"]
        if op == "digit-sum":
            lines += ["    total = 0", "    while n:", f"        total += n % {base}", f"        n //= {base}", "    return total"]
        elif op == "digital-root":
            lines += ["    while n >= " + str(base) + ":", "        total = 0", "        while n:",
                      f"            total += n % {base}", f"            n //= {base}", "        n = total", "    return n"]
        elif op == "reverse":
            lines += ["    out = 0", "    while n:", f"        out = out * {base} + n % {base}", f"        n //= {base}", "    return out"]
        else:
            lines += ["    count = 0", "    while n:", f"        count += (n % {base}) % 2", f"        n //= {base}", "    return count"]
        what = {"digit-sum": "the sum of its digits",
                "digital-root": "its digital root: add up its digits, then the digits of that sum, and so on until one digit is left",
                "reverse": "the number whose digits are its digits in reverse order (leading zeros of the reversal disappear, so 120 gives 21 in base 10)",
                "count-odd": "how many of its digits are odd"}[op]
        base_text = "decimal digits" if base == 10 else f"the digits of `n` written in base {base}"
        text = (f"For a non-negative integer `n`, return {what}, using {base_text}. "
                f"For a negative n, return the negative of the answer for -n. Zero gives 0.")
        tests = [
            Test("zero", eqs(name, (0,))),
            Test("single_digit", eqs(name, (base - 1,), (1,))),
            Test("several_digits", eqs(name, (1234,), (987654321,))),
            Test("trailing_zeros", eqs(name, (base ** 3,), (5 * base ** 2,))),
            Test("negative_number", eqs(name, (-345,))),
            Test("large_number", eqs(name, (2 ** 70 + 12345,))),
            Test("random_input", eqs(name, (rng.randint(10 ** 3, 10 ** 9),))),
        ]
        hints = ["zero", "negative number", "large number", "trailing zeros"]
        if base != 10:
            hints.append(f"base {base} digits")
        tasks.append(Task(
            id=f"{op}-base-{base}", description=f"{op.replace('-', ' ').capitalize()} of an integer in base {base}",
            name=name, signature=f"def {name}(n: int) -> int", task=text, reference="\n".join(lines) + "\n",
            tests=tests, hints=hints, difficulty=difficulty(0.3, 0.1 * (base != 10) + 0.1 * (op == "digital-root"))))
    return tasks
