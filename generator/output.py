"""Write the compiled package atomically, and check it for drift."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.compiler import finish, render_dir
from generator.stamp import verify

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


def _generated_files(out_dir: Path) -> tuple[set[str], set[str]]:
    """The files of ``out_dir`` the compiler wrote (by their header), and every other file
    (caches aside): the package holds only compiler output."""
    found: set[str] = set()
    foreign: set[str] = set()
    for path in out_dir.iterdir():
        if path.name == "__pycache__" or path.name.startswith("."):
            continue
        if path.name == "py.typed" and path.is_file() and path.stat().st_size == 0:
            continue  # the empty PEP 561 marker
        try:
            with path.open(encoding="utf-8") as f:
                first = f.readline()
        except (OSError, UnicodeDecodeError):
            first = ""
        (found if path.suffix == ".py" and first.startswith(HEADER) else foreign).add(path.name)
    return found, foreign


def _compare(
    schema_dir: Path, out_dir: Path
) -> tuple[dict[str, str], dict[str, str], set[str], set[str]]:
    """Rendered texts, why each existing file is out of date, orphaned generated files, and
    files the compiler did not write."""
    rendered = render_dir(schema_dir, package=out_dir.name).files
    reasons = {}
    for name, text in rendered.items():
        target = out_dir / name
        try:
            existing = target.read_text(encoding="utf-8")
        except FileNotFoundError:
            reasons[name] = "missing; run `make generate`"
            continue
        except (OSError, UnicodeDecodeError) as exc:
            reasons[name] = f"unreadable ({exc})"
            continue
        reason = verify(existing, text)
        if reason is not None:
            reasons[name] = reason
    found, foreign = _generated_files(out_dir) if out_dir.exists() else (set(), set())
    return rendered, reasons, found - set(rendered), foreign - set(rendered)


def generate(schema_dir: Path, out_dir: Path) -> list[Path]:
    """Compile everything first (on any error nothing is written), then rewrite the files that
    are out of date via temp file + rename and delete modules whose schema is gone (a file the
    compiler did not write is left alone; ``check`` reports it)."""
    rendered, reasons, stale, _ = _compare(schema_dir, out_dir)
    final = finish({name: rendered[name] for name in reasons})
    out_dir.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in sorted(final.items()):
        target = out_dir / name
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
    """Generated files that are stale, hand-edited, missing or orphaned, and files in
    ``out_dir`` the compiler did not write (empty: up to date). Needs no formatter: it compares
    digests (see ``generator.stamp``)."""
    _, reasons, stale, foreign = _compare(schema_dir, out_dir)
    drift = [Drift(out_dir / name, reason) for name, reason in sorted(reasons.items())]
    drift += [Drift(out_dir / n, "its schema is gone; run `make generate`") for n in sorted(stale)]
    drift += [
        Drift(out_dir / n, "not compiler output (the package holds only generated files)")
        for n in sorted(foreign)
    ]
    return drift
