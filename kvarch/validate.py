"""Field checks shared by the hand-written structs and the generated configs.

Each raises :class:`ConfigError` naming the owner, the field, the value and what is allowed.
"""

from __future__ import annotations

import enum
from typing import TypeVar

from kvarch.errors import ConfigError

__all__ = [
    "check_enum",
    "check_fraction",
    "check_int",
    "check_optional_int",
]

E = TypeVar("E", bound=enum.Enum)


def check_int(owner: str, field: str, value: object, *, minimum: int = 1) -> int:
    """``value`` is an int (not a bool) and ``>= minimum``."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigError(field, value, f"an integer >= {minimum}", owner=owner)
    return value


def check_optional_int(owner: str, field: str, value: object, *, minimum: int = 1) -> int | None:
    """``None``, or an int ``>= minimum``."""
    return None if value is None else check_int(owner, field, value, minimum=minimum)


def check_fraction(owner: str, field: str, value: object) -> float:
    """A number in (0, 1]."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise ConfigError(field, value, "a number in (0, 1]", owner=owner)
    return float(value)


def check_enum(owner: str, field: str, value: object, kind: type[E]) -> E:
    """A member of ``kind`` (a member's value is accepted too)."""
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in kind)
        raise ConfigError(field, value, f"one of {allowed}", owner=owner) from None
