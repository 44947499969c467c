"""Runtime on CPU: per-step decode bookkeeping, and the cache layout choice.

Every figure is a ratio against a baseline timed in the same process.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import numpy as np
import torch

from kvarch.runtime import ops
from kvarch.runtime.blocks import BlockManager
from kvarch.runtime.prefix import chain_hashes

BATCH = 256
CPU = time.process_time
"""Process CPU time (all threads): steadier than wall time on a shared host."""
PROMPT = 1000


def timeit(
    fn: Callable[[], object],
    *,
    repeat: int,
    warmup: int = 3,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """Median seconds of one call."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = clock()
        fn()
        times.append(clock() - start)
    return statistics.median(times)


def manager(page: int, prefix: bool) -> tuple[BlockManager, list[int]]:
    steps = 400
    per_seq = -(-(PROMPT + steps) // page) + 1
    m = BlockManager(
        page_size=page,
        num_blocks=[BATCH * per_seq],
        max_seqs=BATCH,
        max_seq_len=PROMPT + steps + page,
        enable_prefix_caching=prefix,
    )
    rng = np.random.default_rng(0)
    ids = list(range(BATCH))
    for s in ids:  # prompts of different lengths, so page boundaries spread over steps
        length = int(rng.integers(PROMPT // 2, PROMPT))
        m.add(s, rng.integers(0, 32000, length).tolist())
    return m, ids


def bookkeeping(page: int, prefix: bool) -> tuple[float, float]:
    """µs per decode step of BATCH sequences: vectorised step vs a per-sequence loop."""
    fast, ids = manager(page, prefix)
    rows = fast.rows_of(ids)
    tokens = np.arange(BATCH, dtype=np.int64)
    batch = slice(0, BATCH)

    def step() -> None:
        slots = fast.decode_step(rows, tokens if prefix else None)
        torch.from_numpy(slots[0])
        torch.from_numpy(fast.block_tables(0, batch))
        torch.from_numpy(fast.seq_lens[batch])

    slow, _ = manager(page, prefix)

    def loop() -> None:
        for s in ids:
            slow.append(s, [s] if prefix else 1)

    # Thread CPU time: single-threaded Python work, unaffected by other load on the host.
    cpu = time.thread_time
    return timeit(step, repeat=300, clock=cpu) * 1e6, timeit(loop, repeat=50, clock=cpu) * 1e6


def hash_ns_per_token(page: int, tokens: int = 1 << 16) -> float:
    """ns per token of the sha256 prefix-hash chain (``chain_hashes``) over a long prompt."""
    ids = np.random.default_rng(0).integers(0, 32000, tokens)
    return timeit(lambda: chain_hashes(ids, page), repeat=10, clock=time.thread_time) / tokens * 1e9


def layout_times() -> list[tuple[str, float, float]]:
    """Block-major (ours) vs layer-major storage: COW/swap block copies, decode, writes."""
    layers, heads, dim, page, blocks = 8, 8, 64, 16, 512
    block_major = torch.randn(blocks, 2, layers, page, heads, dim)
    layer_major = torch.randn(layers, 2, blocks, page, heads, dim)
    order = torch.randperm(blocks).tolist()
    pairs = list(zip(order[:64], order[64:128], strict=True))

    def copy_block_major() -> None:
        for s, d in pairs:
            block_major[d].copy_(block_major[s])

    def copy_layer_major() -> None:
        for s, d in pairs:
            layer_major[:, :, d].copy_(layer_major[:, :, s])

    results = [
        (
            "copy 64 single blocks (COW / swap)",
            timeit(copy_block_major, repeat=20, clock=CPU),
            timeit(copy_layer_major, repeat=20, clock=CPU),
        )
    ]

    batch, ctx = 8, 256
    tables = torch.randperm(blocks)[: batch * ctx // page].view(batch, -1).int()
    seq_lens = torch.full((batch,), ctx, dtype=torch.int32)
    q = torch.randn(batch, heads * 4, dim)

    def decode(views: list[tuple[torch.Tensor, torch.Tensor]]) -> None:
        for k, v in views:
            ops.ref_paged_decode(q, k, v, tables, seq_lens, scale=dim**-0.5)

    views_b = [(block_major[:, 0, i], block_major[:, 1, i]) for i in range(layers)]
    views_l = [(layer_major[i, 0], layer_major[i, 1]) for i in range(layers)]
    results.append(
        (
            "decode 8 x 256 tokens, 8 layers",
            timeit(lambda: decode(views_b), repeat=3, clock=CPU),
            timeit(lambda: decode(views_l), repeat=3, clock=CPU),
        )
    )
    tokens = 2048
    slots = torch.randperm(blocks * page)[:tokens]
    kv = torch.randn(tokens, heads, dim)

    def write(views: list[tuple[torch.Tensor, torch.Tensor]]) -> None:
        for k, v in views:
            ops.ref_write_kv(k, v, kv, kv, slots)

    results.append(
        (
            "write 2048 tokens, 8 layers",
            timeit(lambda: write(views_b), repeat=10, clock=CPU),
            timeit(lambda: write(views_l), repeat=10, clock=CPU),
        )
    )
    nhd = torch.randn(blocks, page, heads, dim)
    hnd = torch.randn(blocks, heads, page, dim)
    b, o = slots // page, slots % page
    results.append(
        (
            "write 2048 tokens: NHD vs HND page",
            timeit(lambda: nhd.index_put_((b, o), kv), repeat=20, clock=CPU),
            timeit(lambda: hnd.permute(0, 2, 1, 3).index_put_((b, o), kv), repeat=20, clock=CPU),
        )
    )
    return results


def main() -> None:
    torch.set_num_threads(max(1, torch.get_num_threads()))
    print(
        f"decode-step bookkeeping, {BATCH} sequences (slots + block tables + seq_lens as torch), "
        "median thread CPU time"
    )
    for page, prefix in [(16, False), (128, False), (16, True)]:
        step, loop = bookkeeping(page, prefix)
        label = f"page {page:>3}{', prefix cache' if prefix else ''}"
        print(
            f"  {label:<26} {step:8.1f} µs/step   per-sequence append loop {loop:8.1f} µs"
            f"   speed-up {loop / step:5.1f}x"
        )
    costs = ", ".join(f"page {p}: {hash_ns_per_token(p):.1f} ns" for p in (16, 128))
    print(f"prefix hash (sha256 chain) per token: {costs}")
    print("cache layout (CPU, float32, process CPU time): block-major")
    print("  [blocks, kv, layers, page, heads, dim]")
    print("  vs layer-major [layers, kv, blocks, page, heads, dim]; ratio = layer / block time")
    for name, block, layer in layout_times():
        print(
            f"  {name:<36} block {block * 1e3:8.2f} ms  other {layer * 1e3:8.2f} ms  "
            f"ratio {layer / block:5.2f}"
        )


if __name__ == "__main__":
    main()
