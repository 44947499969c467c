"""The golden test: one schema's generated module, pinned byte for byte.

After an intended template change, refresh it with ``KVARCH_UPDATE_GOLDEN=1 pytest
tests/test_generator_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator import compile_dir

GOLDEN = Path(__file__).parent / "golden"


def test_golden_module_is_unchanged() -> None:
    files = compile_dir(GOLDEN / "schemas").files
    expected = GOLDEN / "golden.py"
    if os.environ.get("KVARCH_UPDATE_GOLDEN") == "1":
        expected.write_text(files["golden.py"], encoding="utf-8")
    assert files["golden.py"] == expected.read_text(encoding="utf-8")
