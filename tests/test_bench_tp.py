"""benchmarks/tp_nccl.py's token comparison: equal, tied within ``TIE``, or differing."""

from __future__ import annotations

from typing import Any

from benchmarks.tp_nccl import TIE, compare


def _run(tokens: list[list[int]], top: dict[str, Any]) -> dict[str, Any]:
    return {"tokens": tokens, "top": top, "kv_heads_per_rank": 2}


def test_a_first_difference_within_the_tie_gap_in_both_runs_is_a_tie() -> None:
    same = [[9.0, 8.0, 1.0, 0.0, -1.0], [5, 6, 7, 8, 1]]
    near = [[3.0, 3.0 - TIE / 2, 0.0, -1.0, -2.0], [2, 3, 4, 5, 6]]
    near_swapped = [[3.0, 3.0 - TIE / 4, 0.0, -1.0, -2.0], [3, 2, 4, 5, 6]]
    far = [[3.0, 3.0 - 4 * TIE, 0.0, -1.0, -2.0], [2, 3, 4, 5, 6]]
    one = _run([[5, 2], [5, 2], [5, 2]], {"0": [same, near], "1": [same, near], "2": [same, far]})
    swapped = {"0": [same, near], "1": [same, near_swapped], "2": [same, near_swapped]}
    two = _run([[5, 2], [5, 3], [5, 3]], swapped)
    got = compare(one, two)
    assert (got["equal"], got["tied"], got["differ"]) == (1, 1, 1)
    assert got["tie_gaps"] == [TIE / 2, 4 * TIE]


def test_a_token_outside_the_other_runs_top_five_differs() -> None:
    top = [[1.0, 0.9, 0.8, 0.7, 0.6], [1, 2, 3, 4, 5]]
    got = compare(_run([[1]], {"0": [top]}), _run([[42]], {"0": [top]}))
    assert (got["equal"], got["tied"], got["differ"]) == (0, 0, 1)
