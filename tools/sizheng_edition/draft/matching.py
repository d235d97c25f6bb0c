"""The best set of joins as a whole: a maximum-weight matching of open line ends to the
lines that may continue them (the Hungarian algorithm), so that one strong but wrong
candidate cannot take a line another end needs more (13 做出不|了 beside 35 阐述|了,
where 13 has 不|平凡 elsewhere).  No general-purpose library in the project's
dependencies offers it (scipy is not one), and the pages are small (tens of lines)."""

from __future__ import annotations

import math


def best_matching(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Pairs (row, column) of positive weight whose total weight is greatest, each row and
    each column used at most once.  A pair of weight ≤ 0 is never chosen: the square
    cost matrix is padded so that leaving a row or column unmatched costs nothing."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return []
    size = rows + cols
    # cost[i][j]: rows then dummy rows; columns then dummy columns.  Matching a row to a
    # dummy column (or a dummy row to a column) is "no join" at cost 0.
    cost = [[0.0] * size for _ in range(size)]
    for i in range(rows):
        for j in range(cols):
            cost[i][j] = -weights[i][j] if weights[i][j] > 0 else 0.0
    assigned = _hungarian(cost)
    return [(i, j) for i, j in enumerate(assigned[:rows]) if j < cols and weights[i][j] > 0]


def _hungarian(cost: list[list[float]]) -> list[int]:
    """Minimum-cost perfect assignment of a square matrix: for each row, its column
    (potentials and shortest augmenting paths, O(n³))."""
    n = len(cost)
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)  # p[j]: the row (1-based) matched to column j; column 0 is the root
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [math.inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], math.inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    out = [0] * n
    for j in range(1, n + 1):
        if p[j]:
            out[p[j] - 1] = j - 1
    return out
