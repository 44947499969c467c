"""Behaviour unchanged: every config the tests and fuzzers resolve gives, byte for byte, the
outcome recorded in ``tests/snapshot/before.json.gz`` (refresh it only for an intended change:
``python -m tests.snapshot write tests/snapshot/before.json.gz``)."""

from __future__ import annotations

from pathlib import Path

from tests.snapshot.__main__ import main

BEFORE = Path(__file__).parent / "snapshot" / "before.json.gz"


def test_snapshot_is_unchanged() -> None:
    assert main(["diff", str(BEFORE)]) == 0
