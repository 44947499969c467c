"""Every runnable example in the README and docs/ runs.

``console`` blocks: each ``$ kvarch ...`` line runs (from a scratch folder holding a copy of
``schemas/`` and the test fixtures) and must exit 0. ``python`` blocks run as scripts from the
checkout's root. ``sh`` blocks are the setup commands (``make ...``) that CI itself runs.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^( *)```(\w+)\n(.*?)^\1```", re.S | re.M)  # fences may be indented


def _blocks(lang: str) -> list[tuple[str, str]]:
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for n, match in enumerate(FENCE.finditer(text)):
            if match.group(2) == lang:
                body = textwrap.dedent(match.group(3))
                found.append((f"{doc.relative_to(ROOT)}#{n}", body))
    return found


def _commands() -> list[tuple[str, str]]:
    return [
        (f"{where}:{line[2:].split()[1]}", line[2:])
        for where, body in _blocks("console")
        for line in body.splitlines()
        if line.startswith("$ kvarch ")
    ]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("docs")
    shutil.copytree(ROOT / "schemas", where / "schemas")
    shutil.copytree(ROOT / "tests" / "fixtures", where / "tests" / "fixtures")
    return where


def test_the_docs_have_examples() -> None:
    assert len(_commands()) >= 4
    assert len(_blocks("python")) >= 2


@pytest.mark.parametrize(("where", "command"), _commands())
def test_console_command_runs(where: str, command: str, scratch: Path) -> None:
    argv = shlex.split(command)
    assert argv[0] == "kvarch"
    done = subprocess.run(
        [sys.executable, "-m", "kvarch.cli", *argv[1:]],
        cwd=scratch,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"{where}: {command}\n{done.stdout}\n{done.stderr}"
    assert done.stdout.strip(), f"{where}: {command} printed nothing"


@pytest.mark.parametrize(("where", "code"), _blocks("python"))
def test_python_example_runs(where: str, code: str) -> None:
    if where.startswith("docs/max.md") and os.environ.get("KVARCH_WITHOUT_MAX") == "1":
        pytest.skip("KVARCH_WITHOUT_MAX=1: the kvarch[max] extra is not installed")
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, f"{where}:\n{code}\n{done.stdout}\n{done.stderr}"
