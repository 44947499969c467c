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
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

#: Process-group timeout: how long a survivor waits for a silent peer.
TIMEOUT_S = 4.0
#: When the failing rank dies or stalls, after its step 1.
KILL_AFTER_S = 1.0


def _report(folder: str, rank: int, *item: Any) -> None:
    with open(Path(folder) / f"rank{rank}.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(item) + "\n")


def decode_step(rank: int, step: int) -> Any:
    """One tensor-parallel decode step over a paged cache holding this rank's 2 of 4 KV heads:
    write a sequence's K/V, attend with this rank's query heads, gather every rank's heads."""
    import torch

    from kvarch import DeviceRef, DType, KVCacheGroup, KVCacheParams
    from kvarch.runtime import ops
    from kvarch.runtime.blocks import BlockManager
    from kvarch.runtime.parallel import gather_heads, local_kv_heads, local_q_heads
    from kvarch.runtime.tensors import PagedKVCache

    params = KVCacheParams(
        dtype=DType.float32,
        n_kv_heads=4,
        head_dim=8,
        num_layers=1,
        page_size=4,
        devices=[DeviceRef.CPU(0), DeviceRef.CPU(1)],
    )
    kv, q_heads = local_kv_heads(params, rank), local_q_heads(8, params, rank)
    group = KVCacheGroup(params=params, layer_indices=[0], attention="full", window=None)
    cache = PagedKVCache([group], [4])  # [4 blocks, kv, 1 layer, page 4, 2 local heads, 8]
    manager = BlockManager(page_size=4, num_blocks=[4], max_seqs=1, max_seq_len=16)
    gen = torch.Generator().manual_seed(step)
    k, v, q = (torch.randn(n, h, 8, generator=gen) for n, h in ((6, 4), (6, 4), (1, 8)))
    manager.add("s", list(range(6)))
    layer = cache.layer(0)
    slots = torch.from_numpy(manager.slots("s", 0, 6)[0])
    ops.write_kv(layer.k, layer.v, k[:, kv.start : kv.stop], v[:, kv.start : kv.stop], slots)
    table = torch.from_numpy(manager.block_tables(0, slice(0, 1)))
    lens = torch.from_numpy(manager.seq_lens[:1])
    local = ops.paged_decode(
        q[:, q_heads.start : q_heads.stop], layer.k, layer.v, table, lens, scale=1.0
    )
    return gather_heads(local)


def rank_main(rank: int, folder: str, fate: str) -> None:
    """Run decode steps; in step 2 rank 1 meets ``fate``: 'kill' (SIGKILL while rank 0 waits
    in the step's collective) or 'stall' (alive, never joins it)."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import torch.distributed as dist

    dist.init_process_group(
        "gloo",
        init_method=f"file://{folder}/init",
        rank=rank,
        world_size=2,
        timeout=timedelta(seconds=TIMEOUT_S),
    )
    full = decode_step(rank, 1)
    _report(folder, rank, "step 1", list(full.shape))
    if rank == 1:
        time.sleep(KILL_AFTER_S)  # rank 0 is inside step 2's all_gather by now
        if fate == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(60)
    start = time.monotonic()
    try:
        decode_step(rank, 2)
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


def run_pair(
    folder: str,
    fate: str,
    deadline_s: float,
    *,
    target: Callable[[int, str, str], None] = rank_main,
    last: str = "step 2",
) -> tuple[list[list[Any]], float]:
    """Start both ranks (``target(rank, folder, fate)``); rank 0's reports and the seconds
    until its ``last`` report (inf: none within ``deadline_s``). Every process is gone when
    this returns."""
    ctx = mp.get_context("spawn")  # not fork: forked torch thread pools can hang
    procs = [ctx.Process(target=target, args=(r, folder, fate)) for r in (0, 1)]
    for p in procs:
        p.start()
    start = time.monotonic()
    step2 = float("inf")
    try:
        while time.monotonic() - start < deadline_s:
            if any(r[0] == last for r in reports(folder, 0)):
                step2 = time.monotonic() - start
                break
            time.sleep(0.1)
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
            p.join(5)
    return reports(folder, 0), step2
