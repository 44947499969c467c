"""Regression tests of the bugs the reliability fuzzers and soak found (docs/reliability.md)."""

from __future__ import annotations

from typing import Any

import pytest
import torch

from generator import SchemaError
from generator.yamlload import load_yaml
from kvarch import DeviceRef, DType, KVCacheGroup, KVCacheParams
from kvarch.runtime.errors import CacheAllocationError, CacheCopyError
from kvarch.runtime.tensors import PagedKVCache
from tests.reliability.soak import Soak, same
from tests.test_runtime_blocks import audit, snapshot


@pytest.mark.parametrize(
    ("text", "where"), [("a: b\nxy\x00c\n", "f.yaml:2:3"), ("\x07", "f.yaml:1:1")]
)
def test_non_printable_characters_are_a_located_schema_error(text: str, where: str) -> None:
    """Regression (found by the fuzzer): PyYAML's ReaderError escaped from the loader."""
    with pytest.raises(SchemaError, match=f"^{where}: invalid YAML: character U\\+00"):
        load_yaml(text, "f.yaml")


def _host_hit_setup() -> Soak:
    """Prompt P's two full blocks swapped out to the host, a churn's blocks cached on device."""
    s = Soak(blocks=6, host=2, max_seqs=4, max_len=24)
    for sid, tokens in (("p", PROMPT), ("x", list(range(10, 22)))):
        s.add(sid, tokens)
        s.manager.free(sid)
        del s.tokens[sid], s.values[sid]
    return s


PROMPT = [1, 2, 3, 4, 5]


@pytest.mark.parametrize("fail_at", [1, 2, 3, 4])
def test_a_failed_swap_out_during_a_host_hit_is_undone(fail_at: int) -> None:
    """Regression (found by the fault soak): a copy failing after the add had swapped a
    block in, given its host slot back and reused that slot for an eviction left the state
    half-built; and undo then re-indexed the overwritten slot, serving wrong K/V later."""
    s = _host_hit_setup()
    cache = s.cache
    real = cache.swap_out
    calls: list[int] = []

    def swap_out(g: int, block: int, slot: int) -> None:
        calls.append(slot)
        real(g, block, slot)  # the data lands, then the copy reports failure
        if len(calls) == fail_at:
            raise RuntimeError("injected host copy failure")

    cache.swap_out = swap_out  # type: ignore[method-assign]
    with pytest.raises(CacheCopyError, match="swap_out of group .* the operation was undone"):
        s.manager.add("q", PROMPT)
    cache.swap_out = real  # type: ignore[method-assign]
    assert "q" not in s.manager.seqs
    audit(s.manager)
    s.add("r", PROMPT)
    s.read_back("r")


def test_a_failed_swap_in_is_undone_and_the_host_copy_kept() -> None:
    s = _host_hit_setup()
    cache = s.cache
    real = cache.swap_in

    def swap_in(g: int, slot: int, block: int) -> None:
        raise RuntimeError("injected")

    slots_before = [dict(h.slots) for h in s.manager.hosts if h is not None]
    cache.swap_in = swap_in  # type: ignore[method-assign]
    with pytest.raises(CacheCopyError, match="swap_in"):
        s.manager.add("q", PROMPT)
    cache.swap_in = real  # type: ignore[method-assign]
    audit(s.manager)
    assert "q" not in s.manager.seqs
    assert [set(h.slots) for h in s.manager.hosts if h is not None] == [
        set(d) for d in slots_before
    ]
    assert s.add("r", PROMPT) == 4  # still a hit from the host copies
    s.read_back("r")


def test_a_failed_copy_on_write_leaves_state_unchanged() -> None:
    s = Soak(blocks=16, host=0)
    s.add("a", [1, 2, 3])
    s.manager.fork("a", "b")
    s.tokens["b"], s.values["b"] = list(s.tokens["a"]), list(s.values["a"])
    before = snapshot(s.manager)
    real = s.cache.copy_block

    def copy_block(g: int, src: int, dst: int) -> None:
        real(g, src, dst)
        raise RuntimeError("injected device copy failure")

    s.cache.copy_block = copy_block  # type: ignore[method-assign]
    with pytest.raises(CacheCopyError, match="copy_block") as info:
        s.manager.append("a", [4])
    assert info.value.dropped == []
    assert same(snapshot(s.manager), before)
    s.cache.copy_block = real  # type: ignore[method-assign]
    s.append("a", [4])
    s.append("b", [9])
    s.check_all()


def test_torch_oom_allocating_fp8_scales_is_a_cache_allocation_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Regression: the fp8 scale tensors were allocated with a bare ``torch.ones``."""
    params = KVCacheParams(
        dtype=DType.float8_e4m3fn,
        n_kv_heads=1,
        head_dim=8,
        num_layers=2,
        page_size=4,
        devices=[DeviceRef.CPU()],
    )
    group = KVCacheGroup(params=params, layer_indices=[0, 1], attention="full", window=None)
    assert PagedKVCache([group], [2]).scales[0] is not None
    real, calls = torch.empty, []

    def empty(*args: Any, **kwargs: Any) -> torch.Tensor:
        calls.append(args)
        if len(calls) == 2:  # the blocks fit; the scales do not
            raise torch.OutOfMemoryError("CUDA out of memory")
        return real(*args, **kwargs)

    monkeypatch.setattr(torch, "empty", empty)
    monkeypatch.setattr(torch, "ones", lambda *a, **k: empty(*a, **k))
    with pytest.raises(CacheAllocationError, match=r"asked 16 bytes"):
        PagedKVCache([group], [2])


def test_a_sequence_whose_restored_block_was_overwritten_is_dropped() -> None:
    """In one decode step, X's sliding window frees its oldest block and Y's copy-on-write
    reuses it; Y's copy then fails. Undo gives X its block back, but the copy overwrote it:
    X is freed (named in ``dropped``), never served with wrong K/V."""
    s = Soak(blocks=16, host=0, window=3)
    s.manager.prefix = False  # freed blocks go to the front of the queue: reused first
    s.add("x", [1, 2, 3, 4, 5])
    s.add("y", [6, 7, 8])
    s.manager.fork("y", "z")
    s.tokens["z"], s.values["z"] = list(s.tokens["y"]), list(s.values["y"])
    oldest = int(s.manager.tables[1][s.manager.row("x"), 0])
    real = s.cache.copy_block

    targets = []

    def copy_block(g: int, src: int, dst: int) -> None:
        real(g, src, dst)
        targets.append((g, dst))
        if g == 1:
            raise RuntimeError("injected failure after the copy landed")

    s.cache.copy_block = copy_block  # type: ignore[method-assign]
    with pytest.raises(CacheCopyError) as info:
        s.manager.decode_step(s.manager.rows_of(["x", "y"]))
    s.cache.copy_block = real  # type: ignore[method-assign]
    assert targets[-1] == (1, oldest)  # the scenario: Y's copy landed in X's recycled block
    assert "injected failure after the copy landed" in str(info.value)
    assert info.value.dropped == ["x"]
    del s.tokens["x"], s.values["x"]
    audit(s.manager)
    s.check_all()  # y and z read back exactly
