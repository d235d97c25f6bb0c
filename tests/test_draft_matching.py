"""The joins of a page are chosen as a whole: a maximum-weight matching."""

from __future__ import annotations

import itertools
import random

from sizheng_edition.draft.matching import best_matching


def _total(weights: list[list[float]], pairs: list[tuple[int, int]]) -> float:
    return sum(weights[i][j] for i, j in pairs)


def _brute_force(weights: list[list[float]]) -> float:
    """The best total over every way of giving each row one column or none."""
    rows, cols = len(weights), len(weights[0])
    best = 0.0
    for choice in itertools.product([None, *range(cols)], repeat=rows):
        used = [c for c in choice if c is not None]
        if len(used) == len(set(used)):
            best = max(
                best, sum(weights[i][c] for i, c in enumerate(choice) if c is not None and weights[i][c] > 0)
            )
    return best


def test_a_strong_wrong_candidate_does_not_take_a_line_another_end_needs_more():
    # greedy would take (0, 0) at 5 and leave row 1 with nothing: 5 in all, not 4 + 3
    weights = [[5.0, 3.0], [4.0, 0.0]]
    assert sorted(best_matching(weights)) == [(0, 1), (1, 0)]


def test_no_pair_of_weight_zero_or_less_and_each_line_once():
    weights = [[-1.0, 0.0], [0.0, 2.0], [0.0, 1.5]]
    pairs = best_matching(weights)
    assert pairs == [(1, 1)]


def test_the_matching_is_the_best_there_is():
    rng = random.Random(7)
    for _ in range(60):
        rows, cols = rng.randint(1, 5), rng.randint(1, 5)
        weights = [[round(rng.uniform(-2, 6), 2) for _ in range(cols)] for _ in range(rows)]
        pairs = best_matching(weights)
        assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
        assert abs(_total(weights, pairs) - _brute_force(weights)) < 1e-9, weights
