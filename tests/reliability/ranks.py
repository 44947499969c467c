"""Two gloo ranks running tensor-parallel decode steps, one of which dies or stalls mid-run;
the survivor must report an error within the process group's timeout, never hang.

Each rank reports through its own file: a ``multiprocessing.Queue`` shared with a process
that gets SIGKILLed can be left locked, which would hang the harness rather than the ranks.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

#: Process-group timeout: how long a survivor waits for a silent peer.
TIMEOUT_S = 4.0


def _report(folder: str, rank: int, *item: Any) -> None:
    with open(Path(folder) / f"rank{rank}.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(item) + "\n")


def rank_main(rank: int, folder: str, fate: str) -> None:
    """Run decode steps; rank 1 meets ``fate`` ('kill' or 'stall') before step 2."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import torch
    import torch.distributed as dist

    from kvarch.runtime.parallel import gather_heads

    dist.init_process_group(
        "gloo",
        init_method=f"file://{folder}/init",
        rank=rank,
        world_size=2,
        timeout=timedelta(seconds=TIMEOUT_S),
    )
    local = torch.full((3, 2, 4), float(rank))  # [tokens, this rank's heads, dim]
    full = gather_heads(local)
    _report(folder, rank, "step 1", list(full.shape), float(full[0, 2, 0]))
    if rank == 1:
        if fate == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(60)  # stalled: alive, never joins the next collective
    start = time.monotonic()
    try:
        gather_heads(local)
        _report(folder, rank, "step 2", "no error", 0.0)
    except Exception as exc:
        _report(folder, rank, "step 2", f"{type(exc).__name__}: {exc}", time.monotonic() - start)
    os._exit(0)  # skip destroy_process_group: its peer is gone


def reports(folder: str, rank: int) -> list[list[Any]]:
    """What ``rank`` reported so far."""
    path = Path(folder) / f"rank{rank}.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def run_pair(folder: str, fate: str, deadline_s: float) -> tuple[list[list[Any]], float]:
    """Start both ranks; rank 0's reports and the seconds until its step 2 report (inf: none
    within ``deadline_s``). Every process is gone when this returns."""
    ctx = mp.get_context("spawn")  # not fork: forked torch thread pools can hang
    procs = [ctx.Process(target=rank_main, args=(r, folder, fate)) for r in (0, 1)]
    for p in procs:
        p.start()
    start = time.monotonic()
    step2 = float("inf")
    try:
        while time.monotonic() - start < deadline_s:
            if any(r[0] == "step 2" for r in reports(folder, 0)):
                step2 = time.monotonic() - start
                break
            time.sleep(0.1)
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
            p.join(5)
    return reports(folder, 0), step2
