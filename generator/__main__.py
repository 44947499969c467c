"""``python -m generator {generate,check}`` (the compiler lands with the compiler issue)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args not in (["generate"], ["check"]):
        print("usage: python -m generator {generate,check}", file=sys.stderr)
        return 2
    print(f"generator {args[0]}: no schemas yet, nothing to do")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
