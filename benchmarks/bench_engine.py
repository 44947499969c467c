"""Engine host work per decode step, 256 running requests, on CPU (no model).

What the CPU does between two GPU decode steps: ``Scheduler.schedule`` (one vectorised
``BlockManager.decode_step`` plus the step's lists) and ``ModelRunner._fill`` (token ids,
positions, slots, lengths and block tables packed into the one buffer copied to the device).
Baseline in the same process: ``BlockManager.decode_step`` alone, the bookkeeping floor.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from benchmarks.bench_runtime import timeit
from kvarch import DeviceRef, DType, KVCacheParams
from kvarch.runtime.hf import PagedCache
from kvarch.runtime.runner import ModelRunner
from kvarch.runtime.scheduler import Request, Scheduler

BATCH, PROMPT, PAGE = 256, 1000, 16


class _NoModel:
    """Stands in for a transformers model: the runner only reads ``forward``'s signature."""

    def forward(self, input_ids: Any, position_ids: Any, past_key_values: Any) -> None:
        raise NotImplementedError


def _setup(prefix: bool) -> tuple[Scheduler, ModelRunner]:
    params = KVCacheParams(
        dtype=DType.float32,
        n_kv_heads=1,
        head_dim=16,
        num_layers=1,
        page_size=PAGE,
        devices=[DeviceRef.CPU()],
    )
    per_seq = -(-(PROMPT + 2000) // PAGE)
    cache = PagedCache(
        params,
        num_layers=1,
        max_batch_size=BATCH,
        max_seq_len=PROMPT + 2000,
        num_blocks=[BATCH * per_seq],
    )
    from kvarch.runtime.blocks import BlockManager

    cache.manager = BlockManager(
        page_size=PAGE,
        num_blocks=[BATCH * per_seq],
        max_seqs=BATCH,
        max_seq_len=PROMPT + 2000,
        enable_prefix_caching=prefix,
    )
    sched = Scheduler(
        cache.manager, max_batch_size=BATCH, max_num_batched_tokens=8192, prefix_caching=prefix
    )
    rng = np.random.default_rng(0)
    for i in range(BATCH):
        ids = rng.integers(1, 50000, PROMPT).tolist()
        sched.add(Request(i, ids, PROMPT, 1500, frozenset(), None))
    runner = ModelRunner(
        _NoModel(), cache, max_batch_size=BATCH, max_num_batched_tokens=8192, cuda_graphs=False
    )
    while sched.waiting:  # admit everyone (prefill bookkeeping only)
        step = sched.schedule()
        assert step is not None
        for req, s in zip(step.requests, step.samples, strict=True):
            if s:
                req.tokens.append(7)
    return sched, runner


def _measure(prefix: bool) -> None:
    sched, runner = _setup(prefix)

    def step() -> None:
        planned = sched.schedule()
        assert planned is not None and planned.decode
        runner._fill(planned, len(planned.requests), planned.num_tokens)
        for req in planned.requests:
            req.tokens.append(7)

    manager = sched.manager
    rows = np.fromiter((r.row for r in sched.running), dtype=np.int64)
    toks = np.full(len(rows), 7, dtype=np.int64) if prefix else None

    def floor() -> None:
        manager.decode_step(rows, toks)

    clock = time.thread_time
    t_floor = timeit(floor, repeat=200, clock=clock)
    t_step = timeit(step, repeat=200, clock=clock)
    print(
        f"decode step host work, {BATCH} requests, prefix caching {'on ' if prefix else 'off'}:"
        f" {t_step * 1e6:7.1f} µs (schedule + pack);"
        f" decode_step alone {t_floor * 1e6:6.1f} µs; ratio {t_step / t_floor:5.2f}"
    )


def main() -> None:
    for prefix in (False, True):
        _measure(prefix)


if __name__ == "__main__":
    main()
