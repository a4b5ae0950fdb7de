"""Matrix families: transformations, aggregates, grid neighbourhoods."""

import itertools

from model import Raises, Task, Test, call, difficulty, eqs, unchanged

_RAGGED = ["    if any(len(row) != len(m[0]) for row in m):", "        raise ValueError(\"rows differ in length\")"]


def transform(rng) -> list[Task]:
    ops = {
        "rotate-clockwise": ("rotated 90 degrees clockwise (the first column, read bottom to top, becomes the first row)",
                             "[list(row) for row in zip(*m[::-1])]"),
        "rotate-counterclockwise": ("rotated 90 degrees counterclockwise (the last column, read top to bottom, becomes the first row)",
                                    "[list(row) for row in zip(*m)][::-1]"),
        "rotate-half-turn": ("rotated 180 degrees", "[row[::-1] for row in m[::-1]]"),
        "transpose": ("transposed (row i becomes column i)", "[list(row) for row in zip(*m)]"),
        "anti-transpose": ("reflected across the anti-diagonal (the top-right to bottom-left diagonal)",
                           "[list(row) for row in zip(*m[::-1])][::-1]"),
        "flip-horizontal": ("mirrored left to right (each row reversed)", "[row[::-1] for row in m]"),
        "flip-vertical": ("mirrored top to bottom (the row order reversed)", "[row[:] for row in m[::-1]]"),
    }
    tasks = []
    for op, (op_text, expr) in ops.items():
        name = op.replace("-", "_")
        lines = [f"def {name}(m: list[list]) -> list[list]:", "    if not m or not m[0]:", "        return []"] + _RAGGED
        lines += [f"    return {expr}"]
        text = (f"Return a new matrix that is the matrix `m` (a list of rows) {op_text}. A matrix need not be "
                f"square: a 2 x 3 matrix may become 3 x 2. An empty matrix, or one whose rows are empty, gives []. "
                f"Rows of different lengths raise ValueError. Return new lists; do not modify `m`.")
        rand = [[rng.randint(0, 9) for _ in range(3)] for _ in range(3)]
        tests = [
            Test("square_matrix", eqs(name, ([[1, 2], [3, 4]],), ([[1, 2, 3], [4, 5, 6], [7, 8, 9]],))),
            Test("non_square_matrix", eqs(name, ([[1, 2, 3], [4, 5, 6]],))),
            Test("single_row_and_single_column", eqs(name, ([[1, 2, 3]],), ([[1], [2]],))),
            Test("empty_matrix", eqs(name, ([],), ([[]],))),
            Test("ragged_rows_raise_value_error", [Raises(call(name, [[1, 2], [3]]))]),
            Test("random_input", eqs(name, (rand,))),
            Test("input_not_modified", [unchanged(name, [[1, 2], [3, 4]])]),
        ]
        tasks.append(Task(
            id=f"matrix-{op}", description=f"Matrix {op.replace('-', ' ')}", name=name,
            signature=f"def {name}(m: list[list]) -> list[list]", task=text, reference="\n".join(lines) + "\n",
            tests=tests, hints=["non-square matrix", "empty matrix", "ragged rows", "single row", "input not modified"],
            difficulty=difficulty(0.4, 0.1 if "anti" in op or "counter" in op else 0.0)))
    return tasks


def aggregates(rng) -> list[Task]:
    ops = {
        "row-sums": ("the list of the sums of each row", "int", False, "[sum(row) for row in m]"),
        "column-sums": ("the list of the sums of each column", "int", False, "[sum(col) for col in zip(*m)]"),
        "diagonal-sum": ("the sum of the main diagonal (top-left to bottom-right)", "int", True, "sum(m[i][i] for i in range(len(m)))"),
        "anti-diagonal-sum": ("the sum of the anti-diagonal (top-right to bottom-left)", "int", True,
                              "sum(m[i][len(m) - 1 - i] for i in range(len(m)))"),
        "both-diagonals-sum": ("the sum of both diagonals, where the centre cell of an odd-sized matrix is counted once",
                               "int", True, "sum(m[i][i] + m[i][len(m) - 1 - i] for i in range(len(m))) - (m[len(m) // 2][len(m) // 2] if len(m) % 2 else 0)"),
        "row-maxima": ("the list of the largest value of each row", "int", False, "[max(row) for row in m]"),
        "column-minima": ("the list of the smallest value of each column", "int", False, "[min(col) for col in zip(*m)]"),
        "border-sum": ("the sum of the cells on the border (first and last row and column), each cell counted once", "int", False,
                       "sum(v for i, row in enumerate(m) for j, v in enumerate(row) if i in (0, len(m) - 1) or j in (0, len(row) - 1))"),
    }
    tasks = []
    for op, (op_text, _, square, expr) in ops.items():
        name = op.replace("-", "_")
        is_list = expr.startswith("[")
        lines = [f"def {name}(m: list[list[int]]) -> {'list[int]' if is_list else 'int'}:", "    if not m or not m[0]:",
                 f"        return {'[]' if is_list else '0'}"] + _RAGGED
        if square:
            lines += ["    if len(m) != len(m[0]):", "        raise ValueError(\"the matrix is not square\")"]
        lines += [f"    return {expr}"]
        text = (f"For the integer matrix `m` (a list of rows), return {op_text}. An empty matrix, or one whose rows "
                f"are empty, gives {'[]' if is_list else '0'}. Rows of different lengths raise ValueError. "
                + ("A matrix that is not square raises ValueError. " if square else "The matrix need not be square. ")
                + "Values may be negative.")
        rand = [[rng.randint(-9, 9) for _ in range(4)] for _ in range(4)]
        tests = [
            Test("three_by_three", eqs(name, ([[1, 2, 3], [4, 5, 6], [7, 8, 9]],))),
            Test("even_size", eqs(name, ([[1, 2], [3, 4]],), (rand,))),
            Test("single_cell", eqs(name, ([[7]],))),
            Test("negative_values", eqs(name, ([[-1, -2], [-3, -4]],))),
            Test("empty_matrix", eqs(name, ([],), ([[]],))),
            Test("ragged_rows_raise_value_error", [Raises(call(name, [[1, 2], [3]]))]),
        ]
        if square:
            tests.append(Test("non_square_raises_value_error", [Raises(call(name, [[1, 2, 3], [4, 5, 6]]))]))
        else:
            tests.append(Test("non_square_matrix", eqs(name, ([[1, 2, 3], [4, 5, 6]],), ([[1], [2], [3]],))))
        tasks.append(Task(
            id=f"matrix-{op}", description=f"Matrix {op.replace('-', ' ')}", name=name,
            signature=f"def {name}(m: list[list[int]]) -> {'list[int]' if is_list else 'int'}", task=text,
            reference="\n".join(lines) + "\n", tests=tests,
            hints=["empty matrix", "ragged rows", "negative values", "single cell", "non-square matrix"],
            difficulty=difficulty(0.3, 0.2 if op in ("both-diagonals-sum", "border-sum") else 0.0)))
    return tasks


def grid(rng) -> list[Task]:
    tasks = []
    for target, links, edges in itertools.product(("neighbours", "islands"), (4, 8), ("bounded", "wrapping")):
        name = "count_neighbours" if target == "neighbours" else "count_islands"
        steps = "[(-1, 0), (1, 0), (0, -1), (0, 1)]" if links == 4 else \
            "[(di, dj) for di in (-1, 0, 1) for dj in (-1, 0, 1) if di or dj]"
        if edges == "bounded":
            step = ["                a, b = i + di, j + dj", "                if not (0 <= a < rows and 0 <= b < cols):",
                    "                    continue"]
        else:
            step = ["                a, b = (i + di) % rows, (j + dj) % cols"]
        head = [f"def {name}(grid: list[list[int]]) -> {'list[list[int]]' if target == 'neighbours' else 'int'}:",
                "    if not grid or not grid[0]:", f"        return {'[]' if target == 'neighbours' else '0'}",
                "    if any(len(row) != len(grid[0]) for row in grid):", "        raise ValueError(\"rows differ in length\")",
                "    rows, cols = len(grid), len(grid[0])", f"    steps = {steps}"]
        if target == "neighbours":
            lines = head + ["    out = []", "    for i in range(rows):", "        row = []", "        for j in range(cols):",
                            "            n = 0", "            for di, dj in steps:"] + step + [
                "                if (a, b) != (i, j):", "                    n += grid[a][b]", "            row.append(n)",
                "        out.append(row)", "    return out"]
        else:
            lines = head + ["    seen = set()", "    islands = 0", "    for si in range(rows):", "        for sj in range(cols):",
                            "            if not grid[si][sj] or (si, sj) in seen:", "                continue",
                            "            islands += 1", "            seen.add((si, sj))", "            todo = [(si, sj)]",
                            "            while todo:", "                i, j = todo.pop()", "                for di, dj in steps:"] + \
                ["    " + s for s in step] + ["                    if grid[a][b] and (a, b) not in seen:",
                                              "                        seen.add((a, b))", "                        todo.append((a, b))",
                                              "    return islands"]
        link_text = "the 4 cells above, below, left and right" if links == 4 else "the 8 surrounding cells, diagonals included"
        edge_text = ("Cells beyond the edge do not exist." if edges == "bounded" else
                     "The grid wraps around: the row above the first row is the last row and the column left of the "
                     "first column is the last column (on a grid that is too small to wrap, a cell is never its own "
                     "neighbour and each neighbouring cell counts once per direction).")
        what = ("return a grid of the same shape where each cell holds how many of its neighbours are 1" if target == "neighbours"
                else "return the number of islands: groups of 1 cells connected through neighbours")
        text = (f"`grid` is a rectangular list of rows of 0 and 1 cells. The neighbours of a cell are {link_text}. "
                f"{edge_text} {what.capitalize()}. An empty grid gives {'[]' if target == 'neighbours' else '0'}; rows of different "
                f"lengths raise ValueError.")
        rand = [[rng.randint(0, 1) for _ in range(5)] for _ in range(4)]
        tests = [
            Test("diagonal_cells", eqs(name, ([[1, 0, 0], [0, 1, 0], [0, 0, 0]],))),
            Test("cells_on_the_edge", eqs(name, ([[1, 0, 0, 1], [0, 0, 0, 0], [0, 0, 0, 0], [1, 0, 0, 1]],))),
            Test("all_zeros_and_all_ones", eqs(name, ([[0, 0], [0, 0]],), ([[1, 1, 1], [1, 1, 1], [1, 1, 1]],))),
            Test("single_row", eqs(name, ([[1, 0, 1, 1, 0]],))),
            Test("empty_grid", eqs(name, ([],))),
            Test("ragged_rows_raise_value_error", [Raises(call(name, [[1, 0], [1]]))]),
            Test("random_input", eqs(name, (rand,))),
        ]
        tasks.append(Task(
            id=f"{name.replace('_', '-')}-{links}-{edges}", description=f"Count {target} in a 0/1 grid ({links}-connected, {edges})",
            name=name, signature=lines[0][4:-1], task=text, reference="\n".join(lines) + "\n", tests=tests,
            hints=["diagonal cells" if links == 8 else "diagonals not neighbours", "cells on the edge",
                   "wraps around" if edges == "wrapping" else "no wrap at edges", "empty grid", "ragged rows"],
            difficulty=difficulty(0.6, 0.1 * (target == "islands") + 0.1 * (edges == "wrapping"))))
    return tasks
