"""The golden test: two schemas' generated modules, pinned byte for byte — a stand-alone class
and a child (``extends``) compiled to a subclass declaring only what differs.

After an intended template change, refresh them with ``KVARCH_UPDATE_GOLDEN=1 pytest
tests/test_generator_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import compile_dir

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("stem", ["golden", "golden_child"])
def test_golden_module_is_unchanged(stem: str) -> None:
    files = compile_dir(GOLDEN / "schemas").files
    expected = GOLDEN / f"{stem}.py"
    if os.environ.get("KVARCH_UPDATE_GOLDEN") == "1":
        expected.write_text(files[f"{stem}.py"], encoding="utf-8")
    assert files[f"{stem}.py"] == expected.read_text(encoding="utf-8")
