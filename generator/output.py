"""Write the compiled package atomically, and check it for drift."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.compiler import compile_dir

__all__ = ["HEADER", "Drift", "check", "generate"]

#: First-line marker of every generated module (files without it are never touched).
HEADER = "# generated from "


@dataclass(frozen=True)
class Drift:
    """A generated file that differs from what the schemas produce."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def _generated_files(out_dir: Path) -> set[str]:
    found = set()
    for path in out_dir.glob("*.py"):
        try:
            with path.open(encoding="utf-8") as f:
                first = f.readline()
        except (OSError, UnicodeDecodeError):
            continue
        if first.startswith(HEADER):
            found.add(path.name)
    return found


def plan(schema_dir: Path, out_dir: Path) -> tuple[dict[str, str], set[str]]:
    """What ``generate`` would write, and which stale generated modules it would delete."""
    files = compile_dir(schema_dir, package=out_dir.name).files
    stale = _generated_files(out_dir) - set(files) if out_dir.exists() else set()
    return files, stale


def generate(schema_dir: Path, out_dir: Path) -> list[Path]:
    """Compile everything first (on any error nothing is written), then write what changed
    via temp file + rename and delete modules whose schema is gone. Returns changed paths."""
    files, stale = plan(schema_dir, out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in sorted(files.items()):
        target = out_dir / name
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        changed.append(target)
    for name in sorted(stale):
        (out_dir / name).unlink()
        changed.append(out_dir / name)
    return changed


def check(schema_dir: Path, out_dir: Path) -> list[Drift]:
    """Generated files that are stale, hand-edited, missing or orphaned (empty: up to date)."""
    files, stale = plan(schema_dir, out_dir)
    drift = []
    for name, text in sorted(files.items()):
        target = out_dir / name
        if not target.exists():
            drift.append(Drift(target, "missing; run `make generate`"))
        elif target.read_text(encoding="utf-8") != text:
            drift.append(Drift(target, "differs from its schema (hand-edited or stale schema)"))
    drift += [Drift(out_dir / n, "its schema is gone; run `make generate`") for n in sorted(stale)]
    return drift
