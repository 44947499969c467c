"""``python -m generator {generate,check} [--schemas DIR] [--out DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.errors import SchemaError
from generator.output import check, generate


def main(argv: list[str] | None = None) -> int:
    """Run the compiler; 0 on success, 1 on schema errors or drift, 2 on bad usage."""
    parser = argparse.ArgumentParser(prog="python -m generator")
    parser.add_argument("command", choices=("generate", "check"))
    parser.add_argument("--schemas", type=Path, default=Path("schemas"))
    parser.add_argument("--out", type=Path, default=Path("generated"))
    args = parser.parse_args(argv)
    try:
        if args.command == "generate":
            changed = generate(args.schemas, args.out)
            for path in changed:
                print(f"wrote {path}")
            print(f"generator: {len(changed)} file(s) changed")
            return 0
        drift = check(args.schemas, args.out)
    except SchemaError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for d in drift:
        print(f"stale: {d}", file=sys.stderr)
    if drift:
        return 1
    print("generator: generated code is up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
