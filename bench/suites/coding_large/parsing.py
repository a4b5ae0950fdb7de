"""Parsing families: key-value config lines, durations, delimited lines with quotes."""

import itertools

from model import Raises, Task, Test, call, difficulty, eqs


def config_lines(rng) -> list[Task]:
    combos = list(itertools.product(("=", ":"), ("#", ";"), ("last", "first", "raise")))
    tasks = []
    for sep, comment, dup in sorted(rng.sample(combos, 10)):
        name = "parse_config"
        lines = [f"def {name}(text: str) -> dict:", "    out = {}", "    for number, line in enumerate(text.splitlines(), 1):",
                 "        line = line.strip()", f"        if not line or line.startswith({comment!r}):", "            continue",
                 f"        if {sep!r} not in line:", "            raise ValueError(f\"line {number}: no separator\")",
                 f"        key, value = line.split({sep!r}, 1)", "        key, value = key.strip(), value.strip()",
                 "        if not key:", "            raise ValueError(f\"line {number}: empty key\")"]
        if dup == "first":
            lines += ["        if key in out:", "            continue"]
        elif dup == "raise":
            lines += ["        if key in out:", "            raise ValueError(f\"line {number}: duplicate key {key}\")"]
        lines += ["        out[key] = value", "    return out"]
        dup_text = {"last": "When a key appears twice the last value wins.",
                    "first": "When a key appears twice the first value is kept and later ones are ignored.",
                    "raise": "A key that appears twice raises ValueError."}[dup]
        text = (f"Parse config text into a dict: each line is key{sep}value, split at the first {sep!r} only (the "
                f"value may contain more of them), with spaces around key and value stripped; values stay "
                f"strings and may be empty. Blank lines and lines whose first non-space character is {comment!r} "
                f"are comments and are skipped. A line without {sep!r}, or with an empty key, raises ValueError. "
                f"{dup_text} Empty text gives {{}}.")
        def conf(*pairs):
            return "\n".join(f"{k}{sep}{v}" for k, v in pairs)
        rand = conf(*[(rng.choice(["host", "port", "user", "mode"]), str(rng.randint(0, 99))) for _ in range(3)])
        tests = [
            Test("keys_and_values", eqs(name, (conf(("host", "example"), ("port", "8080")),))),
            Test("spaces_are_stripped", eqs(name, (f"  name {sep}  Ada Lovelace  \n",))),
            Test("value_contains_separator", eqs(name, (conf(("url", f"a{sep}b{sep}c")),))),
            Test("comments_and_blank_lines_skipped", eqs(name, (f"{comment} heading\n\n   {comment} indented\nk{sep}v\n",))),
            Test("empty_value_and_empty_text", eqs(name, (f"k{sep}",), ("",))),
            Test("line_without_separator_raises_value_error", [Raises(call(name, "just words")), Raises(call(name, f"{sep}value"))]),
            Test("duplicate_key_raises_value_error", [Raises(call(name, conf(("a", "1"), ("a", "2"))))]) if dup == "raise"
            else Test("duplicate_key", eqs(name, (conf(("a", "1"), ("b", "x"), ("a", "2")),))),
            Test("random_input", eqs(name, (rand,)) if dup != "raise" else eqs(name, (conf(("p", "1"), ("q", rand[:3])),))),
        ]
        tasks.append(Task(
            id=f"parse-config-{ {'=': 'equals', ':': 'colon'}[sep] }-{ {'#': 'hash', ';': 'semicolon'}[comment] }-dup-{dup}",
            description="Parse key-value config lines", name=name, signature=f"def {name}(text: str) -> dict",
            task=text, reference="\n".join(lines) + "\n", tests=tests,
            hints=["comments skipped", "value contains separator", "duplicate key", "empty value", "missing separator"],
            difficulty=difficulty(0.4, 0.1 if dup == "raise" else 0.0)))
    return tasks


def durations(rng) -> list[Task]:
    tasks = []
    for style, unit, empty in itertools.product(("units", "clock"), ("seconds", "minutes"), ("zero", "raise")):
        name = f"duration_{unit}"
        if style == "units":
            lines = [f"def {name}(text: str):", "    import re", "    text = text.strip().lower()", "    if not text:"]
            lines += ["        return 0"] if empty == "zero" else ["        raise ValueError(\"empty duration\")"]
            lines += ["    parts = re.findall(r\"(\\d+)\\s*([hms])\", text)",
                      "    if re.sub(r\"\\s+\", \"\", text) != \"\".join(n + u for n, u in parts):",
                      "        raise ValueError(f\"bad duration {text!r}\")",
                      "    seconds = sum(int(n) * {\"h\": 3600, \"m\": 60, \"s\": 1}[u] for n, u in parts)"]
        else:
            lines = [f"def {name}(text: str):", "    text = text.strip()", "    if not text:"]
            lines += ["        return 0"] if empty == "zero" else ["        raise ValueError(\"empty duration\")"]
            lines += ["    fields = text.split(\":\")", "    if len(fields) not in (2, 3) or not all(f.isdigit() for f in fields):",
                      "        raise ValueError(f\"bad duration {text!r}\")", "    if any(int(f) >= 60 for f in fields[1:]):",
                      "        raise ValueError(f\"minutes and seconds must be below 60 in {text!r}\")",
                      "    seconds = 0", "    for f in fields:", "        seconds = seconds * 60 + int(f)"]
        lines += ["    return seconds"] if unit == "seconds" else ["    return round(seconds / 60, 2)"]
        form = ("numbers each followed by a unit h, m or s (like \"1h30m\", \"2h 5s\" or \"90M\"; units in any case and "
                "order, spaces allowed between parts, the same unit may repeat and adds up)" if style == "units" else
                "clock form, \"mm:ss\" or \"hh:mm:ss\" (hours may be any number of digits; minutes and seconds must be "
                "below 60)")
        result = "the total number of seconds as an int" if unit == "seconds" else "the total in minutes as a float rounded to 2 decimals with round()"
        text = (f"Parse a duration written as {form} and return {result}. Spaces around the text are ignored. "
                + ("An empty (or all-space) text gives 0. " if empty == "zero" else "An empty (or all-space) text raises ValueError. ")
                + "Anything else that does not follow the form, such as a number without a unit"
                + (" or an unknown unit" if style == "units" else ", a field that is not digits or a field of 60 or more")
                + ", raises ValueError.")
        if style == "units":
            ok = [("1h30m",), ("2h 5s",), ("45s",), ("90M",), ("5s1h",), ("1m1m",)]
            bad = ["10", "3d", "h5", "1h x"]
            rand = "".join(f"{rng.randint(1, 59)}{u}" for u in rng.sample("hms", 2))
        else:
            ok = [("01:30",), ("1:00:05",), ("0:59",), ("100:00:00",), ("  12:34 ",)]
            bad = ["10", "1:2:3:4", "1:60", "a:10"]
            rand = f"{rng.randint(0, 9)}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
        tests = [
            Test("valid_durations", eqs(name, *ok)),
            Test("empty_string", eqs(name, ("",), ("   ",))) if empty == "zero"
            else Test("empty_string_raises_value_error", [Raises(call(name, "")), Raises(call(name, "  "))]),
            Test("malformed_raises_value_error", [Raises(call(name, b)) for b in bad]),
            Test("random_input", eqs(name, (rand,))),
        ]
        if style == "units":
            tests.append(Test("uppercase_unit_and_out_of_order_units", eqs(name, ("30S 2H",))))
        hints = ["empty string", "number without unit" if style == "units" else "fields below sixty", "malformed input"]
        hints += ["uppercase unit", "out of order units"] if style == "units" else ["hours optional"]
        if unit == "minutes":
            hints.append("rounded to two decimals")
        tasks.append(Task(
            id=f"duration-{style}-{unit}-empty-{empty}", description=f"Parse a duration into {unit}", name=name,
            signature=f"def {name}(text: str) -> {'int' if unit == 'seconds' else 'float'}", task=text,
            reference="\n".join(lines).replace(f"def {name}(text: str):", f"def {name}(text: str) -> {'int' if unit == 'seconds' else 'float'}:") + "\n",
            tests=tests, hints=hints, difficulty=difficulty(0.5, 0.1 if style == "units" else 0.0)))
    return tasks


def delimited(rng) -> list[Task]:
    tasks = []
    for delim, quote in itertools.product((",", ";", "|", "\t"), ('"', "'")):
        name = "split_fields"
        lines = [f"def {name}(line: str) -> list[str]:", "    fields, field, quoted, i = [], [], False, 0", "    while i < len(line):",
                 "        ch = line[i]", "        if quoted:", f"            if ch == {quote!r} and line[i + 1:i + 2] == {quote!r}:",
                 f"                field.append({quote!r})", "                i += 1", f"            elif ch == {quote!r}:",
                 "                quoted = False", "            else:", "                field.append(ch)",
                 f"        elif ch == {quote!r} and not field:", "            quoted = True", f"        elif ch == {delim!r}:",
                 "            fields.append(\"\".join(field))", "            field = []", "        else:",
                 "            field.append(ch)", "        i += 1", "    if quoted:",
                 "        raise ValueError(\"unterminated quote\")", "    fields.append(\"\".join(field))", "    return fields"]
        d_name = {",": "a comma", ";": "a semicolon", "|": "a vertical bar |", "\t": "a tab character"}[delim]
        q_name = "double quotes (\")" if quote == '"' else "single quotes (')"
        text = (f"Split one line of delimited text into its fields. Fields are separated by {d_name}. A field that "
                f"starts with {q_name} is quoted: it runs to the closing quote, may contain the delimiter, and a "
                f"doubled quote inside it stands for one quote character; the quotes themselves are not part of "
                f"the value. A quote in the middle of an unquoted field is an ordinary character. Spaces are kept "
                f"as they are. Empty fields are kept, so a trailing delimiter gives a final empty field and an "
                f"empty line gives ['']. A quoted field that is never closed raises ValueError.")
        q, d = quote, delim
        rand = d.join("".join(rng.choice("ab ") for _ in range(rng.randint(0, 3))) for _ in range(4))
        tests = [
            Test("plain_fields", eqs(name, (f"a{d}b{d}c",))),
            Test("quoted_field_with_delimiter", eqs(name, (f"{q}x{d}y{q}{d}z",))),
            Test("doubled_quote", eqs(name, (f"{q}say {q}{q}hi{q}{q}{q}{d}ok",))),
            Test("empty_fields_and_trailing_delimiter", eqs(name, (f"{d}a{d}{d}",), ("",))),
            Test("spaces_are_kept", eqs(name, (f" a {d} b ",))),
            Test("quote_inside_unquoted_field", eqs(name, (f"it{q}s{d}fine",))),
            Test("unterminated_quote_raises_value_error", [Raises(call(name, f"{q}open{d}field"))]),
            Test("random_input", eqs(name, (rand,))),
        ]
        tasks.append(Task(
            id=f"split-fields-{ {',': 'comma', ';': 'semicolon', '|': 'bar', chr(9): 'tab'}[delim] }-{'double' if quote == chr(34) else 'single'}-quote",
            description="Split a delimited line with quoted fields", name=name,
            signature=f"def {name}(line: str) -> list[str]", task=text, reference="\n".join(lines) + "\n", tests=tests,
            hints=["quoted field with delimiter", "doubled quote", "empty fields", "trailing delimiter", "unterminated quote"],
            difficulty=difficulty(0.6, 0.1 if delim == "\t" else 0.0)))
    return tasks
