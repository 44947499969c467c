"""The Engine's pool sizing (``runtime.sizing``) when the caller gives the blocks."""

from __future__ import annotations

import pytest
import torch

from kvarch import DeviceRef, DType, KVCacheGroup, KVCacheParams, MultiKVCacheParams
from kvarch.runtime import sizing
from kvarch.runtime.compressed_budget import StoreBudget
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


def test_given_blocks_set_aside_what_the_planner_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """``TPEngine`` re-plans with the blocks its ranks agree on: the plan keeps the state and
    cross-attention K/V (split over the 2 ranks) and the compressed caches (whole on each) that
    the planner set aside, and no more sequences at full length than the store has rows,
    however many blocks they agreed on."""
    monkeypatch.setattr(sizing, "device_free_bytes", lambda devices: 1 << 26)
    two = KVCacheParams(
        dtype=DType.bfloat16, n_kv_heads=2, head_dim=64, num_layers=2, page_size=16,
        devices=[DeviceRef.GPU(0), DeviceRef.GPU(1)],
    )  # fmt: skip
    store = StoreBudget(entries=((4, 96), (128, 64)), open_bytes=700)
    asked = _sizing(None)._replace(
        params=MultiKVCacheParams(groups=[KVCacheGroup(params=two, layer_indices=[0, 1])]),
        state_bytes_per_sequence=1001,
        cross_bytes_per_sequence=301,
        compressed=store,
    )
    found = size_pool(asked)
    assert found.blocks_per_group == [4 * 256 // 16]  # exactly the asked batch's
    given = size_pool(asked._replace(num_blocks=[200]))  # agreed on more than that
    fields = (
        "state_bytes_per_sequence_per_device", "state_bytes_per_device",
        "cross_bytes_per_sequence_per_device", "cross_bytes_per_device",
        "compressed_bytes_per_sequence_per_device", "compressed_bytes_per_device",
        "max_batch_at_max_len",
    )  # fmt: skip
    got = {f: getattr(given, f) for f in fields}
    assert got == {f: getattr(found, f) for f in fields}
    assert got["state_bytes_per_sequence_per_device"] == 501  # 1001 over 2 ranks, rounded up
    assert got["compressed_bytes_per_sequence_per_device"] == 256 // 4 * 96 + 2 * 64 + 700
    assert got["max_batch_at_max_len"] == 4  # the store's rows, though the blocks hold more
    assert 200 // (256 // 16) > 4
