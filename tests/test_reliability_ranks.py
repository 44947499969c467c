"""Multi-process failure handling: a tensor-parallel rank killed (SIGKILL) or stalled in the
middle of a decode step makes the surviving rank raise ``CollectiveError`` within the
process-group timeout, never hang."""

from __future__ import annotations

import pytest

from tests.reliability.ranks import KILL_AFTER_S, TIMEOUT_S, run_pair

#: Spawning two torch processes takes a few seconds on a loaded 2-core machine.
DEADLINE_S = 25.0


@pytest.mark.parametrize(
    ("fate", "cause", "within"),
    [
        ("kill", "Connection reset by peer|Connection closed by peer|Broken pipe", 1.0),
        ("stall", "Timed out", TIMEOUT_S + 1.0),
    ],
)
def test_the_surviving_rank_gets_a_typed_error_not_a_hang(
    tmp_path: object, fate: str, cause: str, within: float
) -> None:
    got, reported_after = run_pair(str(tmp_path), fate, DEADLINE_S)
    assert reported_after < DEADLINE_S, f"rank 0 hung: reports {got}"
    assert got[0] == ["step 1", [1, 8, 8]]  # the healthy step gathered both ranks' heads
    step, message, waited = got[1]
    assert step == "step 2"
    assert message.startswith("CollectiveError: all_gather on rank 0 of 2 failed: a peer rank")
    assert any(c in message for c in cause.split("|")), message
    # rank 0 was blocked in step 2's all_gather when its peer failed, and not for long after
    assert KILL_AFTER_S / 2 < waited < KILL_AFTER_S + within
