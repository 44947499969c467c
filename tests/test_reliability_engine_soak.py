"""The engine soak's short form (issue 16): random arrivals, cancellations, stop tokens,
salted tenants, faults inside a step (2% of prompts hold a token id outside the vocabulary,
so the forward raises) and preemption on a tiny float32 llama; after every step the pool audit and
the live-set and exactly-once checks hold, and every request's tokens equal its solo greedy
run cut where it stopped (``tests/reliability/engine_soak.py``; long form
``python -m benchmarks.bench_engine_soak --long``)."""

from __future__ import annotations

import pytest

from tests.reliability.engine_soak import soak

pytestmark = [
    pytest.mark.usefixtures("one_thread"),
    pytest.mark.filterwarnings("ignore::FutureWarning"),
]


@pytest.mark.parametrize("seed", [0, 1])
def test_engine_soak(seed: int) -> None:
    counts = soak(1000, seed, check_every=1, fault_rate=0.02)
    assert counts["requests"] == 1000
    finished = sum(v for k, v in counts.items() if k.startswith("finish "))
    assert finished == 1000  # each exactly once (the driver raises on a second finish)
    assert counts["solo checks"] == 1000 - counts["finish error"]
    # the workload reaches what it is meant to exercise
    assert counts["preemptions"] > 0 and counts["aborted"] > 0
    assert counts["finish stop"] > 0 and counts["error: too long"] > 0
    assert counts["error: poisoned"] > 0 and counts["failed steps"] > 0
    assert counts["salted"] > 0 and counts["prefix hit tokens"] > 0


def test_engine_soak_with_sliding_and_full_groups() -> None:
    """Gemma 3 (five sliding-window layers, one full): two cache groups, pages recycled."""
    counts = soak(300, 0, variant="gemma3-text", check_every=1, fault_rate=0.02)
    finished = sum(v for k, v in counts.items() if k.startswith("finish "))
    assert finished == 300 and counts["solo checks"] == 300 - counts["finish error"]
    assert counts["preemptions"] > 0 and counts["failed steps"] > 0
