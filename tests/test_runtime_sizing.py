"""The Engine's pool sizing (``runtime.sizing``) when the caller gives the blocks."""

from __future__ import annotations

import torch

from kvarch import DeviceRef, DType, KVCacheGroup, KVCacheParams, MultiKVCacheParams
from kvarch.runtime.sizing import PoolSizing, size_pool


def _sizing(num_blocks: int | list[int] | None) -> PoolSizing:
    layer = KVCacheParams(
        dtype=DType.bfloat16,
        n_kv_heads=2,
        head_dim=64,
        num_layers=2,
        page_size=16,
        devices=[DeviceRef.CPU()],
    )
    return PoolSizing(
        text=None,
        params=MultiKVCacheParams(groups=[KVCacheGroup(params=layer, layer_indices=[0, 1])]),
        num_blocks=num_blocks,
        max_seq_len=256,
        model_max_seq_len=1024,
        max_batch_size=4,
        device_memory_utilization=0.9,
        max_num_batched_tokens=512,
        device=torch.device("cpu"),
        state_bytes_per_sequence=0,
        cross_bytes_per_sequence=0,
        compressed=None,
    )


def test_given_blocks_are_the_pool_and_bound_the_batch_at_full_length() -> None:
    got = size_pool(_sizing(40))
    assert got.blocks_per_group == [40] and got.max_seq_len == 256
    assert got.max_batch_at_max_len == 40 // (256 // 16)
    assert got.notes == ["num_blocks given: the pool size is the caller's"]
    assert size_pool(_sizing(None)._replace(num_blocks=[40])) == got
