"""Cache soak and fault injection (CI size; `python -m benchmarks.bench_soak --long` runs
>= 100,000 operations): invariants after every operation, with and without failing copies."""

from __future__ import annotations

import pytest
import torch

from kvarch import DeviceRef, DType, KVCacheGroup, KVCacheParams
from kvarch.runtime.blocks import BlockManager
from kvarch.runtime.errors import CacheAllocationError, OutOfBlocksError
from kvarch.runtime.pool import BlockPool
from kvarch.runtime.tensors import PagedKVCache
from tests.reliability.soak import Soak, same, soak
from tests.test_runtime_blocks import audit, snapshot


def test_soak_keeps_every_invariant() -> None:
    counts = soak(1500, seed=11)
    for event in ("prefix hit", "fork", "swap_out", "swap_in", "copy_block", "add:refused"):
        assert counts[event] > 0, f"the workload never exercised {event!r}: {dict(counts)}"


def test_soak_with_failing_copies_keeps_every_invariant() -> None:
    """5% of block copies fail (half of them after the data landed): every failed operation
    is undone, all live sequences still read back bit-exact, nothing leaks."""
    counts = soak(1500, seed=13, fault_rate=0.05)
    for op in ("swap_out", "swap_in", "copy_block"):
        assert counts[f"injected {op} failure"] > 0, dict(counts)
    assert sum(v for k, v in counts.items() if k.endswith(":copy failed")) > 20


def test_soak_over_one_shared_pool_keeps_every_invariant() -> None:
    """Full and sliding groups drawing blocks from one pool, with and without failing copies."""
    counts = soak(1000, seed=17, shared=True)
    for event in ("prefix hit", "fork", "swap_out", "swap_in", "copy_block", "add:refused"):
        assert counts[event] > 0, f"the workload never exercised {event!r}: {dict(counts)}"
    counts = soak(1000, seed=19, fault_rate=0.05, shared=True)
    assert sum(v for k, v in counts.items() if k.endswith(":copy failed")) > 10


def test_allocation_failure_mid_append_leaves_state_unchanged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = Soak(blocks=16, host=0)
    s.manager.prefix = False  # exact snapshot comparison: no prefix-cache entries to evict
    s.add("a", [1, 2, 3])
    s.add("b", [4])
    before = snapshot(s.manager)
    calls = []
    real = BlockPool.allocate_many

    def failing(pool: BlockPool, count: int) -> tuple[list[int], list[tuple[int, int]]]:
        calls.append(count)
        if len(calls) == 2:  # group 0 got its 3 blocks, group 1's allocation fails
            raise OutOfBlocksError(1, count, 0)
        return real(pool, count)

    monkeypatch.setattr(BlockPool, "allocate_many", failing)
    with pytest.raises(OutOfBlocksError):
        s.manager.append("a", 6)  # 3 -> 9 tokens: 3 new pages in each group
    assert calls == [3, 3]
    assert same(snapshot(s.manager), before)
    monkeypatch.setattr(BlockPool, "allocate_many", real)
    audit(s.manager)
    s.manager.prefix = True
    s.append("a", [5, 6, 7, 8, 9, 10])
    s.check_all()


def _group(dtype: DType, heads: int) -> KVCacheGroup:
    params = KVCacheParams(
        dtype=dtype,
        n_kv_heads=heads,
        head_dim=8,
        num_layers=2,
        page_size=4,
        devices=[DeviceRef.CPU()],
    )
    return KVCacheGroup(params=params, layer_indices=[0, 1], attention="full", window=None)


def test_torch_oom_in_the_second_group_is_typed_with_its_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = torch.empty
    calls = []

    def empty(*args: object, **kwargs: object) -> torch.Tensor:
        calls.append(args)
        if len(calls) == 2:
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 1.00 GiB")
        return real(*args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(torch, "empty", empty)
    groups = [_group(DType.float32, 1), _group(DType.bfloat16, 4)]
    with pytest.raises(CacheAllocationError) as info:
        PagedKVCache(groups, [10, 7])
    assert info.value.asked == 7 * 2 * 2 * 4 * 4 * 8 * 2  # blocks*kv*layers*page*heads*dim*bytes
    assert isinstance(info.value, MemoryError)
    assert f"asked {info.value.asked} bytes" in str(info.value)


def test_a_manager_without_storage_is_unaffected_by_undo_support() -> None:
    m = BlockManager(page_size=2, num_blocks=[4], max_seqs=2, max_seq_len=8)
    m.add("a", [1, 2, 3])
    m.append("a", 2)
    m.decode_step(m.rows_of(["a"]))
    assert m.seq_lens[m.row("a")] == 6
    audit(m)
