"""Flag values of the ``kvarch`` command line, checked where they are read.

Each parser is an argparse ``type``: a bad value becomes a usage error that names the flag
(argparse prefixes the message with ``argument --flag:``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from kvarch.dtype import DType
from kvarch.errors import KvarchError

__all__ = ["dtype", "fraction", "int_at_least", "size"]

_UNITS = {"kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40}
_UNITS |= {"kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12, "b": 1}
_UNITS |= {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


def size(flag: str, *, allow_zero: bool = False) -> Callable[[str], int]:
    """``80GiB``, ``24GB``, ``512MiB``, ``1.5e9B``; a bare number is read as GiB (with a note
    on stderr), since nobody means 80 bytes of device memory."""

    def parse(text: str) -> int:
        t = text.strip().lower().replace(" ", "")
        for suffix in sorted(_UNITS, key=len, reverse=True):
            if t.endswith(suffix):
                number, scale = t[: -len(suffix)], _UNITS[suffix]
                break
        else:
            number, scale = t, _UNITS["gib"]
            if t:
                print(f"note: {flag} {text}: no unit, read as {text} GiB", file=sys.stderr)
        try:
            value = float(number) * scale
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a size (e.g. 80GiB, 24GB, 512MiB)"
            ) from None
        if value < 0 or (value == 0 and not allow_zero) or value != value:
            raise argparse.ArgumentTypeError(f"{text!r}: a size must be > 0")
        return int(value)

    return parse


def int_at_least(minimum: int) -> Callable[[str], int]:
    """An integer >= ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{text!r}: must be >= {minimum}")
        return value

    return parse


def fraction(text: str) -> float:
    """A number in (0, 1]; ``95`` is refused with the fraction it probably meant."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < value <= 1:
        hint = f" (for {value:g} %, write {value / 100:g})" if 1 < value <= 100 else ""
        raise argparse.ArgumentTypeError(f"{text!r}: must be a fraction in (0, 1]{hint}")
    return value


def dtype(text: str) -> DType:
    """A dtype name (``bfloat16``, ``bf16``, ``fp8``, ...)."""
    try:
        return DType.parse(text)
    except KvarchError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
