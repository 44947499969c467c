"""Multi-process failure handling: a tensor-parallel rank killed (SIGKILL) or stalled mid-run
makes the surviving rank raise ``CollectiveError`` within the process-group timeout."""

from __future__ import annotations

import pytest

from tests.reliability.ranks import TIMEOUT_S, run_pair

#: Spawning two torch processes takes a few seconds on a loaded 2-core machine.
DEADLINE_S = 25.0


@pytest.mark.parametrize(
    ("fate", "cause", "within"),
    [
        ("kill", "Connection reset by peer|Connection closed by peer|Broken pipe", 1.0),
        ("stall", "Timed out", TIMEOUT_S + 2.0),
    ],
)
def test_the_surviving_rank_gets_a_typed_error_not_a_hang(
    tmp_path: object, fate: str, cause: str, within: float
) -> None:
    got, reported_after = run_pair(str(tmp_path), fate, DEADLINE_S)
    assert reported_after < DEADLINE_S, f"rank 0 hung: reports {got}"
    assert got[0] == ["step 1", [3, 4, 4], 1.0]  # the healthy step gathered both ranks' heads
    step, message, waited = got[1]
    assert step == "step 2"
    assert message.startswith("CollectiveError: all_gather on rank 0 of 2 failed: a peer rank")
    assert any(c in message for c in cause.split("|")), message
    assert waited < within
