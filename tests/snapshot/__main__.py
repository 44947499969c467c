"""``python -m tests.snapshot write FILE`` records outcomes; ``diff FILE`` compares with them
(a ``.gz`` FILE is gzip-compressed JSON)."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

from tests.snapshot.cases import all_cases, outcome


def snapshot() -> dict[str, dict[str, object]]:
    """Every case's outcome, by case name."""
    return {name: outcome(config) for name, config in all_cases()}


def _write(path: Path, data: object) -> None:
    raw = (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(raw, mtime=0) if path.suffix == ".gz" else raw)


def _read(path: Path) -> Any:
    raw = path.read_bytes()
    return json.loads(gzip.decompress(raw) if path.suffix == ".gz" else raw)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("write", "diff"):
        print("usage: python -m tests.snapshot write|diff FILE", file=sys.stderr)
        return 2
    path = Path(argv[1])
    from transformers.utils import logging

    logging.set_verbosity_error()  # the oracle variants' tiny vocabularies make it chatty
    now = snapshot()
    if argv[0] == "write":
        _write(path, now)
        print(f"{len(now)} cases written to {path}")
        return 0
    before = _read(path)
    changed = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for name in changed[:20]:
        print(f"{name}:\n  before {before.get(name)}\n  after  {now.get(name)}")
    print(f"{len(now)} cases, {len(changed)} differ from {path}")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
