"""Schema errors, located at ``file:line:col``."""

from __future__ import annotations

from dataclasses import dataclass

from kvarch.errors import KvarchError

__all__ = ["Loc", "SchemaError"]


@dataclass(frozen=True)
class Loc:
    """A position in a schema file (1-based line and column)."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}" if self.line else self.file

    def shifted(self, line_offset: int, col: int) -> Loc:
        """The position ``line_offset`` lines further, at column ``col`` on a later line."""
        return Loc(self.file, self.line + line_offset, col)


class SchemaError(KvarchError, ValueError):
    """A schema is invalid; the message starts with ``file:line:col``."""

    def __init__(self, loc: Loc, message: str) -> None:
        self.loc = loc
        self.detail = message
        super().__init__(f"{loc}: {message}")
