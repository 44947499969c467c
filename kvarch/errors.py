"""Typed errors. Every error kvarch raises for bad input is a ``ValueError`` subclass."""

from __future__ import annotations

from typing import Any

__all__ = ["ConfigError", "KvarchError"]


class KvarchError(Exception):
    """Base class of every error kvarch raises on purpose."""


class ConfigError(KvarchError, ValueError):
    """A configuration value is invalid: names the field, the value and what is allowed.

    When raised while msgspec decodes or converts data, msgspec wraps it in
    ``msgspec.ValidationError`` (also a ``ValueError``) with the same message; the
    original error is its ``__cause__``.
    """

    def __init__(self, field: str, value: Any, expected: str, *, owner: str | None = None) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        self.owner = owner
        where = f"{owner}.{field}" if owner else field
        super().__init__(f"{where}: got {value!r}; expected {expected}")
