"""Digest lines that let ``check`` tell stale from hand-edited files without re-formatting.

Line 2 of every generated file reads ``# kvarch-digest: render=R content=C``: R hashes the
unformatted template output (changes when a schema or template changes), C hashes the file
without that line (changes when someone edits the file). So ``check`` needs no formatter, and
a different ruff version never makes up-to-date files look stale.
"""

from __future__ import annotations

import hashlib
import re

__all__ = ["stamp", "verify"]

_LINE = re.compile(r"^# kvarch-digest: render=([0-9a-f]{16}) content=([0-9a-f]{16})$")


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _split(text: str) -> tuple[str, str, str]:
    header, _, rest = text.partition("\n")
    second, _, body = rest.partition("\n")
    return header, second, body


def stamp(formatted: str, rendered: str) -> str:
    """``formatted`` with its digest line inserted after the header line."""
    header, _, body = formatted.partition("\n")
    content = f"{header}\n{body}"
    return f"{header}\n# kvarch-digest: render={_hash(rendered)} content={_hash(content)}\n{body}"


def verify(existing: str, rendered: str) -> str | None:
    """Why ``existing`` does not match ``rendered`` (None if it is up to date)."""
    header, second, body = _split(existing)
    match = _LINE.match(second)
    if match is None:
        return "hand-edited (its kvarch-digest line is missing)"
    if _hash(f"{header}\n{body}") != match.group(2):
        return "hand-edited (content differs from what was generated)"
    if _hash(rendered) != match.group(1):
        return "stale (its schema or the templates changed); run `make generate`"
    return None
