"""Tensor parallel decode over 2 gloo processes equals single-process attention."""

from __future__ import annotations

import os
import tempfile

import torch
import torch.distributed as dist
import torch.multiprocessing as mp

from kvarch import DeviceRef, DType, KVCacheParams
from kvarch.runtime import ops
from kvarch.runtime.blocks import BlockManager
from kvarch.runtime.parallel import gather_heads, local_kv_heads, local_q_heads
from kvarch.runtime.planner import plan
from kvarch.runtime.tensors import PagedKVCache

LENS = [5, 11, 3]
N_Q, DIM, PAGE = 8, 16, 4


def params(n_kv: int) -> KVCacheParams:
    devices = [DeviceRef.CPU(0), DeviceRef.CPU(1)]
    return KVCacheParams(
        dtype=DType.float32,
        n_kv_heads=n_kv,
        head_dim=DIM,
        num_layers=1,
        page_size=PAGE,
        devices=devices,
    )


def rank_main(rank: int, init_file: str) -> None:
    dist.init_process_group("gloo", init_method=f"file://{init_file}", rank=rank, world_size=2)
    try:
        for n_kv in (4, 1):  # heads split 2/2; one head replicated on both ranks
            p = params(n_kv)
            sized = plan(p, free_bytes=1 << 30, model_max_seq_len=16, max_batch_size=len(LENS))
            cache = PagedKVCache.from_plan(p, sized, device="cpu")
            kv_heads, q_heads = local_kv_heads(p, rank), local_q_heads(N_Q, p, rank)
            assert cache.nbytes == sized.cache_bytes_per_device
            assert cache.data[0].shape[-2] == len(kv_heads) == max(1, n_kv // 2)
            m = BlockManager(
                page_size=PAGE, num_blocks=sized.blocks_per_group, max_seqs=4, max_seq_len=16
            )
            gen = torch.Generator().manual_seed(n_kv)
            keys = [torch.randn(n, n_kv, DIM, generator=gen) for n in LENS]
            values = [torch.randn(n, n_kv, DIM, generator=gen) for n in LENS]
            q = torch.randn(len(LENS), N_Q, DIM, generator=gen)
            layer = cache.layer(0)
            for s, n in enumerate(LENS):
                m.add(s, list(range(n)))
                slots = torch.from_numpy(m.slots(s, 0, n)[0])
                mine = slice(kv_heads.start, kv_heads.stop)
                ops.write_kv(layer.k, layer.v, keys[s][:, mine], values[s][:, mine], slots)
            tables = torch.from_numpy(m.block_tables(0, slice(0, len(LENS))))
            seq_lens = torch.from_numpy(m.seq_lens[: len(LENS)])
            local = ops.paged_decode(
                q[:, q_heads.start : q_heads.stop], layer.k, layer.v, tables, seq_lens, scale=0.25
            )
            full = gather_heads(local)
            group = N_Q // n_kv
            for s in range(len(LENS)):
                k = keys[s].repeat_interleave(group, dim=1)
                v = values[s].repeat_interleave(group, dim=1)
                probs = torch.einsum("hd,lhd->hl", q[s], k).mul(0.25).softmax(-1)
                want = torch.einsum("hl,lhd->hd", probs, v)
                torch.testing.assert_close(full[s], want, atol=1e-5, rtol=1e-5)
    finally:
        dist.destroy_process_group()


def test_two_rank_tensor_parallel_decode() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        # spawn, not fork: forking a process whose torch thread pools already run can hang.
        mp.spawn(rank_main, args=(os.path.join(tmp, "init"),), nprocs=2, join=True)


def test_head_ranges_cover_every_head_once_or_replicate() -> None:
    split = params(4)
    assert [list(local_kv_heads(split, r)) for r in range(2)] == [[0, 1], [2, 3]]
    assert [list(local_q_heads(8, split, r)) for r in range(2)] == [[0, 1, 2, 3], [4, 5, 6, 7]]
    one = params(1)
    assert [list(local_kv_heads(one, r)) for r in range(2)] == [[0], [0]]
