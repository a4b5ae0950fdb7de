"""String families: run-length encode, run-length decode, shift cipher, truncation."""

import itertools

from model import Raises, Task, Test, call, difficulty, eqs


def rle_encode(rng) -> list[Task]:
    combos = list(itertools.product(("count-first", "char-first"), ("always", "omit-one"), ("", ",", " ")))
    tasks = []
    for order, ones, sep in sorted(rng.sample(combos, 10)):
        name = "rle_encode"
        piece = "f\"{n}{ch}\"" if order == "count-first" else "f\"{ch}{n}\""
        lines = [f"def {name}(text: str) -> str:", "    runs = []", "    i = 0", "    while i < len(text):",
                 "        j = i", "        while j < len(text) and text[j] == text[i]:", "            j += 1",
                 "        ch, n = text[i], j - i"]
        if ones == "omit-one":
            lines += ["        runs.append(ch if n == 1 else " + piece + ")"]
        else:
            lines += ["        runs.append(" + piece + ")"]
        lines += ["        i = j", f"    return {sep!r}.join(runs)"]
        sep_text = {"": "with nothing between runs", ",": "with a comma between runs", " ": "with one space between runs"}[sep]
        form = "the count followed by the character (\"aaab\" starts with 3a)" if order == "count-first" \
            else "the character followed by the count (\"aaab\" starts with a3)"
        text = (f"Run-length encode `text`: each maximal run of one repeated character becomes {form}, "
                f"written {sep_text}. "
                + ("A run of a single character is written as the character alone, without a count. " if ones == "omit-one"
                   else "A run of a single character still gets the count 1. ")
                + "Counts can have several digits (twelve x's give a count of 12). Upper and lower case are "
                  "different characters, and spaces and digits are encoded like any other character. An empty "
                  "string gives an empty string.")
        rand = "".join(rng.choice("ab") * rng.randint(1, 4) for _ in range(4))
        tests = [
            Test("runs_are_counted", eqs(name, ("aaabcc",), ("wwwwb",))),
            Test("single_characters", eqs(name, ("abc",))),
            Test("runs_longer_than_nine", eqs(name, ("x" * 12 + "y",))),
            Test("case_sensitive", eqs(name, ("aAaa",))),
            Test("empty_string", eqs(name, ("",))),
            Test("spaces_and_digits", eqs(name, ("  11",))),
            Test("random_input", eqs(name, (rand,))),
        ]
        hints = ["single characters", "runs longer than nine", "case sensitive", "empty string"]
        if sep:
            hints.append("separator between runs")
        tasks.append(Task(
            id=f"rle-encode-{order}-{ones}-sep-{ {'': 'none', ',': 'comma', ' ': 'space'}[sep] }",
            description="Run-length encode a string", name=name, signature=f"def {name}(text: str) -> str",
            task=text, reference="\n".join(lines) + "\n", tests=tests, hints=hints,
            difficulty=difficulty(0.4, 0.1 if ones == "omit-one" else 0.0)))
    return tasks


def rle_decode(rng) -> list[Task]:
    combos = list(itertools.product((",", ";", " "), ("count-first", "char-first"), ("raise", "skip")))
    tasks = []
    for sep, order, bad in sorted(rng.sample(combos, 9)):
        name = "rle_decode"
        lines = [f"def {name}(text: str) -> str:", "    out = []", f"    for token in text.split({sep!r}):",
                 "        if not token:", "            continue"]
        if order == "count-first":
            lines += ["        count, ch = token[:-1], token[-1:]"]
        else:
            lines += ["        ch, count = token[:1], token[1:]"]
        lines += ["        if not count.isdigit() or ch.isdigit():"]
        lines += ["            raise ValueError(f\"bad token {token!r}\")"] if bad == "raise" else ["            continue"]
        lines += ["        out.append(ch * int(count))", "    return \"\".join(out)"]
        sep_name = {",": "a comma", ";": "a semicolon", " ": "a space"}[sep]
        token = "the count followed by one character, like 3a" if order == "count-first" \
            else "one character followed by the count, like a3"
        text = (f"Decode a run-length encoded string: `text` is a list of tokens separated by {sep_name}, each "
                f"token being {token}; the result repeats the character count times, tokens in order. Counts "
                f"can have several digits and may be 0 (the token then adds nothing). Empty tokens (from "
                f"doubled or trailing separators) are ignored, and an empty string gives an empty string. The "
                f"character of a token is never a digit. "
                + ("A token without a count, or whose character is a digit, raises ValueError." if bad == "raise"
                   else "A token without a count, or whose character is a digit, is skipped."))

        def enc(pairs):
            return sep.join(f"{n}{c}" if order == "count-first" else f"{c}{n}" for c, n in pairs)

        rand = enc([(rng.choice("xyz"), rng.randint(1, 4)) for _ in range(4)])
        bad_token = sep.join([enc([("a", 2)]), "b", enc([("c", 1)])])
        tests = [
            Test("tokens_are_expanded", eqs(name, (enc([("a", 3), ("b", 1), ("c", 2)]),))),
            Test("multi_digit_counts", eqs(name, (enc([("x", 12)]),))),
            Test("zero_count", eqs(name, (enc([("a", 0), ("b", 2)]),))),
            Test("empty_tokens_ignored", eqs(name, (sep + enc([("q", 2)]) + sep + sep,))),
            Test("empty_string", eqs(name, ("",))),
            Test("token_without_count_raises_value_error", [Raises(call(name, bad_token))]) if bad == "raise"
            else Test("token_without_count_is_skipped", eqs(name, (bad_token,))),
            Test("random_input", eqs(name, (rand,))),
        ]
        tasks.append(Task(
            id=f"rle-decode-{ {',': 'comma', ';': 'semicolon', ' ': 'space'}[sep] }-{order}-bad-{bad}",
            description="Decode a run-length encoded string", name=name, signature=f"def {name}(text: str) -> str",
            task=text, reference="\n".join(lines) + "\n", tests=tests,
            hints=["multi-digit counts", "zero count", "empty tokens", "letters without count", "empty string"],
            difficulty=difficulty(0.5, 0.1 if bad == "skip" else 0.0)))
    return tasks


def cipher(rng) -> list[Task]:
    tasks = []
    for direction, digits, shift in itertools.product(("encode", "decode"), ("rotate", "keep"), ("param", "rot13")):
        name = f"{'shift' if shift == 'param' else 'rot13'}_{direction}"
        sig = f"def {name}(text: str, k: int) -> str" if shift == "param" else f"def {name}(text: str) -> str"
        k = "k" if shift == "param" else "13"
        sign = "" if direction == "encode" else "-"
        lines = [sig + ":", "    out = []", "    for ch in text:",
                 "        if \"a\" <= ch <= \"z\":", f"            out.append(chr((ord(ch) - 97 + {sign}{k}) % 26 + 97))",
                 "        elif \"A\" <= ch <= \"Z\":", f"            out.append(chr((ord(ch) - 65 + {sign}{k}) % 26 + 65))"]
        if digits == "rotate":
            lines += ["        elif \"0\" <= ch <= \"9\":", f"            out.append(chr((ord(ch) - 48 + {sign}{k}) % 10 + 48))"]
        lines += ["        else:", "            out.append(ch)", "    return \"\".join(out)"]
        amount = "k positions (k may be negative or larger than 26)" if shift == "param" else "13 positions"
        way = "forward (a becomes b for a shift of 1)" if direction == "encode" else "backward (b becomes a for a shift of 1), undoing the encoding"
        text = (f"Shift every ASCII letter of `text` {way} by {amount}, wrapping around from z to a and keeping "
                f"its case. "
                + ("ASCII digits are shifted the same way within 0-9, wrapping from 9 to 0. " if digits == "rotate"
                   else "Digits are left unchanged. ")
                + "Every other character (spaces, punctuation, non-ASCII letters such as é) is copied unchanged.")
        args = (lambda t, *extra: (t, *extra)) if shift == "param" else (lambda t, *extra: (t,))
        rand = "".join(rng.choice("abcXYZ09 !") for _ in range(8))
        tests = [
            Test("letters_are_shifted", eqs(name, args("abc", 1), args("hello", 3))),
            Test("wraps_from_z_to_a", eqs(name, args("xyz", 3), args("abc", 3))),
            Test("uppercase_keeps_case", eqs(name, args("Hello World", 5))),
            Test("digits", eqs(name, args("a1b29", 4))),
            Test("non_ascii_unchanged", eqs(name, args("café, naïve!", 2))),
            Test("random_input", eqs(name, args(rand, rng.randint(1, 30)))),
        ]
        hints = ["wraps from z to a", "uppercase", "non-ASCII unchanged", "digits rotate" if digits == "rotate" else "digits unchanged"]
        if shift == "param":
            tests.append(Test("negative_and_large_shift", eqs(name, ("abc", -1), ("abc", 27))))
            hints.append("negative shift")
        tasks.append(Task(
            id=f"cipher-{direction}-digits-{digits}-{shift}", description=f"Shift-cipher {direction} a text",
            name=name, signature=sig, task=text, reference="\n".join(lines) + "\n", tests=tests, hints=hints,
            difficulty=difficulty(0.3, 0.1 if digits == "rotate" else 0.0)))
    return tasks


def truncate(rng) -> list[Task]:
    tasks = []
    for suffix, words, tiny in itertools.product(("...", "…"), ("chars", "words"), ("raise", "cut")):
        name = "truncate"
        lines = [f"def {name}(text: str, width: int) -> str:", "    if len(text) <= width:", "        return text",
                 f"    suffix = {suffix!r}", "    if width < len(suffix):"]
        lines += ["        raise ValueError(\"width is too small for the suffix\")"] if tiny == "raise" else ["        return suffix[:max(width, 0)]"]
        lines += ["    room = width - len(suffix)", "    head = text[:room]"]
        if words == "words":
            lines += ["    if room < len(text) and text[room] != \" \" and \" \" in head:", "        head = head[:head.rindex(\" \")]",
                      "    head = head.rstrip(\" \")"]
        lines += ["    return head + suffix"]
        suffix_text = "three dots \"...\"" if suffix == "..." else "the single ellipsis character \"…\""
        text = (f"Shorten `text` to at most `width` characters. Text that already fits is returned unchanged. "
                f"Longer text is cut and ends with {suffix_text}, and the result including the suffix is at most "
                f"width characters long. "
                + ("Cut at a word boundary: never end in the middle of a word when the kept part has a space "
                   "(then drop the partial word), and drop spaces before the suffix; a single long word is cut "
                   "inside the word. " if words == "words" else "Cut after as many characters as fit, even inside a word. ")
                + ("When the text is too long and width is smaller than the suffix, raise ValueError."
                   if tiny == "raise" else
                   "When the text is too long and width is smaller than the suffix, return the first width characters of the suffix (nothing for width 0 or less)."))
        sentence = "the quick brown fox jumps"
        rand = " ".join("".join(rng.choice("abcdef") for _ in range(rng.randint(2, 6))) for _ in range(5))
        tests = [
            Test("text_that_fits_is_unchanged", eqs(name, ("short", 10), ("exact", 5))),
            Test("long_text_gets_the_suffix", eqs(name, (sentence, 12), (sentence, 20))),
            Test("exactly_width", eqs(name, (sentence, len(sentence)), (sentence, len(sentence) - 1))),
            Test("long_word", eqs(name, ("abcdefghijklmnop", 8))),
            Test("empty_text", eqs(name, ("", 0), ("", 3))),
            Test("width_smaller_than_suffix_raises_value_error", [Raises(call(name, sentence, len(suffix) - 1))]) if tiny == "raise"
            else Test("width_smaller_than_suffix", eqs(name, (sentence, len(suffix) - 1), (sentence, 0), (sentence, -2))),
            Test("random_input", eqs(name, (rand, rng.randint(8, 16)))),
        ]
        hints = ["exactly width", "long word", "empty text", "width smaller than suffix"]
        if words == "words":
            hints.append("word boundary")
        tasks.append(Task(
            id=f"truncate-{'dots' if suffix == '...' else 'ellipsis'}-{words}-tiny-{tiny}",
            description="Truncate a text to a width with a suffix", name=name,
            signature=f"def {name}(text: str, width: int) -> str", task=text, reference="\n".join(lines) + "\n",
            tests=tests, hints=hints, difficulty=difficulty(0.5, 0.2 if words == "words" else 0.0)))
    return tasks
