"""The task families, in the order their case files are written."""

from dataclasses import dataclass
from typing import Callable

import dicts
import intervals
import lists
import matrices
import numbers
import parsing
import strings


@dataclass(frozen=True)
class Family:
    key: str
    area: str
    title: str
    build: Callable


ALL = [
    Family("rotate", "lists", "rotate a list or string left or right by k", lists.rotate),
    Family("clamp", "lists", "clamp or filter values into a range", lists.clamp),
    Family("dedupe", "lists", "remove duplicates or collapse runs under different equalities", lists.dedupe),
    Family("windows", "lists", "sliding-window aggregates", lists.windows),
    Family("rle-encode", "strings", "run-length encoding in different notations", strings.rle_encode),
    Family("rle-decode", "strings", "run-length decoding of separated tokens", strings.rle_decode),
    Family("cipher", "strings", "shift ciphers, encode and decode", strings.cipher),
    Family("truncate", "strings", "truncate text to a width with a suffix", strings.truncate),
    Family("group-digits", "numbers", "group the digits of an integer with a separator", numbers.group_digits),
    Family("digit-math", "numbers", "digit sums, roots, reversals and counts in a base", numbers.digit_math),
    Family("group-words", "dicts", "group words by a key into a dict", dicts.group_words),
    Family("merge-dicts", "dicts", "merge dicts under a conflict rule", dicts.merge_dicts),
    Family("config", "parsing", "parse key-value config lines", parsing.config_lines),
    Family("durations", "parsing", "parse durations in unit or clock form", parsing.durations),
    Family("delimited", "parsing", "split a delimited line with quoted fields", parsing.delimited),
    Family("merge-intervals", "intervals", "merge intervals under different joining rules", intervals.merge),
    Family("point-queries", "intervals", "which intervals contain a point", intervals.point_queries),
    Family("matrix-transform", "matrices", "rotate, transpose and mirror matrices", matrices.transform),
    Family("matrix-aggregates", "matrices", "row, column, diagonal and border aggregates", matrices.aggregates),
    Family("grid", "matrices", "neighbour counts and islands in a 0/1 grid", matrices.grid),
]
