"""Memory planner: sizes, shrinking, windows, TP/DP, and errors that name the knob."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kvarch import DeviceRef, DType, KVCacheGroup, KVCacheParams, MultiKVCacheParams
from kvarch.runtime.blocks import BlockManager
from kvarch.runtime.errors import PlanError
from kvarch.runtime.planner import device_free_bytes, plan

FIXTURES = Path(__file__).parent / "fixtures" / "configs"
GIB = 1 << 30
MIB = 1 << 20


def llama8b(page: int = 128, n_dev: int = 1, dp: int = 1, heads: int = 8) -> KVCacheParams:
    return KVCacheParams(
        dtype=DType.bfloat16,
        n_kv_heads=heads,
        head_dim=128,
        num_layers=32,
        page_size=page,
        devices=[DeviceRef.GPU(i) for i in range(n_dev)],
        data_parallel_degree=dp,
    )


def test_everything_fits_allocates_exactly_what_the_batch_needs() -> None:
    got = plan(llama8b(), free_bytes=80 * GIB, model_max_seq_len=8192, max_batch_size=8)
    # 128 KiB per token -> 16 MiB per 128-token page; 8 sequences x 64 pages.
    assert got.bytes_per_block_per_device == [16 * MIB]
    assert got.blocks_per_group == [8 * 64]
    assert got.cache_bytes_per_device == 8 * 8192 * 128 * 1024
    assert got.max_seq_len == 8192 and got.shrunk_from is None
    assert got.max_batch_at_max_len == 8
    assert got.max_len_at_max_batch == 8192
    assert got.available_bytes_per_device == int(80 * GIB * 0.9)


def test_unfixed_length_keeps_the_full_context_and_says_how_many_fit() -> None:
    # 20 GiB x 0.9 - 2 GiB weights = 16 GiB = 1024 pages of 16 MiB; 131072 tokens = 1024 pages.
    got = plan(
        llama8b(),
        free_bytes=20 * GIB,
        model_max_seq_len=131072,
        max_batch_size=64,
        weight_bytes=2 * GIB,
        device_memory_utilization=0.9,
    )
    budget = int(20 * GIB * 0.9) - 2 * GIB
    assert got.available_bytes_per_device == budget
    assert got.max_seq_len == 131072 and got.shrunk_from is None
    assert got.max_batch_at_max_len == 1
    assert got.max_len_at_max_batch == budget // (16 * MIB) // 64 * 128
    assert any("1 sequences of 131072 tokens fit at once" in n for n in got.notes)


def test_default_batch_gives_the_cache_the_whole_budget() -> None:
    got = plan(llama8b(), free_bytes=80 * GIB, model_max_seq_len=8192)
    blocks = int(80 * GIB * 0.9) // (16 * MIB)
    assert got.blocks_per_group == [blocks] and got.max_seq_len == 8192
    assert got.max_batch_at_max_len == blocks // 64  # concurrency at the full context
    assert got.max_batch_size == 512
    assert got.max_len_at_max_batch == blocks // 512 * 128
    assert any("(max batch 512 is the default)" in n for n in got.notes)


def test_unfixed_length_shrinks_only_when_one_sequence_does_not_fit() -> None:
    got = plan(llama8b(), free_bytes=4 * GIB, model_max_seq_len=131072)
    pages = int(4 * GIB * 0.9) // (16 * MIB)
    assert got.max_seq_len == pages * 128 and got.shrunk_from == 131072
    assert got.max_batch_at_max_len == 1
    assert any("not even one sequence of 131072 tokens fits" in n for n in got.notes)


def test_fixed_length_that_fits_one_sequence_plans_fewer_and_warns() -> None:
    got = plan(llama8b(), free_bytes=20 * GIB, model_max_seq_len=131072, max_seq_len=131072)
    budget = int(20 * GIB * 0.9)
    assert got.max_seq_len == 131072
    assert got.max_batch_at_max_len == budget // (131072 * 128 * 1024)
    assert got.cache_bytes_per_device <= budget
    assert got.max_len_at_max_batch < 131072
    assert any("sequences of 131072 tokens fit at once" in n for n in got.notes)


def test_fixed_length_that_fits_nothing_names_length_and_what_fits() -> None:
    with pytest.raises(PlanError) as err:
        plan(llama8b(), free_bytes=2 * GIB, model_max_seq_len=131072, max_seq_len=131072)
    assert err.value.knob == "max_seq_len"
    largest = int(2 * GIB * 0.9) // (16 * MIB) * 128
    assert f"largest length that fits is {largest}" in str(err.value)
    assert isinstance(err.value, ValueError)


def test_batch_that_cannot_get_one_page_each_is_reported_not_refused() -> None:
    got = plan(llama8b(), free_bytes=2 * GIB, model_max_seq_len=4096, max_batch_size=512)
    assert got.max_len_at_max_batch == 0 and got.max_batch_at_max_len == 115 // 32
    assert any("512 do not fit even at 1 token each" in n for n in got.notes)


def test_budget_below_one_block_names_utilization_or_devices() -> None:
    with pytest.raises(PlanError) as err:
        plan(llama8b(), free_bytes=100 * MIB, model_max_seq_len=4096, weight_bytes=80 * MIB)
    assert err.value.knob == "device_memory_utilization"
    with pytest.raises(PlanError) as err:
        plan(llama8b(), free_bytes=10 * GIB, model_max_seq_len=4096, weight_bytes=16 * GIB)
    assert err.value.knob == "devices"


def test_length_above_model_limit_is_rejected() -> None:
    with pytest.raises(PlanError, match="exceeds the model's limit 4096"):
        plan(llama8b(), free_bytes=80 * GIB, model_max_seq_len=4096, max_seq_len=8192)


def test_sliding_group_needs_only_window_pages() -> None:
    full = llama8b(page=16)
    half = KVCacheParams(
        dtype=DType.bfloat16,
        n_kv_heads=8,
        head_dim=128,
        num_layers=16,
        page_size=16,
        devices=[DeviceRef.GPU()],
    )
    multi = MultiKVCacheParams(
        groups=[
            KVCacheGroup(params=half, layer_indices=list(range(0, 32, 2))),
            KVCacheGroup(
                params=half, layer_indices=list(range(1, 32, 2)), attention="sliding", window=4096
            ),
        ]
    )
    got = plan(multi, free_bytes=80 * GIB, model_max_seq_len=32768, max_batch_size=4)
    window_pages = -(-4095 // 16) + 1
    # one pool shared by both groups (same page geometry), sized for their sum
    assert got.blocks_per_pool == [4 * 2048 + 4 * window_pages]
    assert got.blocks_per_group == [4 * 2048 + 4 * window_pages] * 2
    assert got.cache_bytes_per_device == got.blocks_per_pool[0] * half.bytes_per_block_per_device
    assert any("window 4096" in n for n in got.notes)
    assert any("share one pool" in n for n in got.notes)
    assert full.bytes_per_block_per_device == 2 * half.bytes_per_block_per_device


def test_tensor_parallel_splits_and_replicates_heads() -> None:
    one = plan(llama8b(), free_bytes=80 * GIB, model_max_seq_len=4096, max_batch_size=1)
    two = plan(llama8b(n_dev=2), free_bytes=80 * GIB, model_max_seq_len=4096, max_batch_size=1)
    assert two.bytes_per_block_per_device == [one.bytes_per_block_per_device[0] // 2]
    assert two.tp_degree == 2
    # tp 4 over 2 KV heads: one head per device (replicated), not half a head.
    rep = plan(
        llama8b(n_dev=4, heads=2), free_bytes=80 * GIB, model_max_seq_len=4096, max_batch_size=1
    )
    assert rep.bytes_per_block_per_device == [2 * 32 * 128 * 128 * 2]


def test_data_parallel_replicas_each_hold_the_blocks() -> None:
    got = plan(
        llama8b(n_dev=2, dp=2), free_bytes=80 * GIB, model_max_seq_len=4096, max_batch_size=2
    )
    assert got.data_parallel_degree == 2 and got.tp_degree == 1
    assert got.total_blocks == 2 * got.blocks_per_group[0] == 2 * 2 * 32


def test_describe_mentions_plan_numbers() -> None:
    text = plan(llama8b(), free_bytes=80 * GIB, model_max_seq_len=4096, max_batch_size=2).describe()
    assert "blocks per device: [64]" in text and "max batch at max length: 2" in text


def test_cpu_free_bytes_reads_host_memory() -> None:
    assert device_free_bytes([DeviceRef.CPU()]) > 0


def test_planner_imports_without_torch() -> None:
    code = (
        "import sys; from kvarch.runtime.planner import plan; import kvarch.runtime; "
        "assert 'torch' not in sys.modules, 'torch imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_plan_for_a_generated_config_uses_its_limits_and_utilization() -> None:
    from transformers import LlamaConfig

    import generated
    from kvarch import KVCacheConfig
    from kvarch.runtime.planner import plan_for_arch

    hf = LlamaConfig(
        num_hidden_layers=32,
        num_attention_heads=32,
        num_key_value_heads=8,
        hidden_size=4096,
        max_position_embeddings=8192,
    )
    arch = generated.from_hf_config(
        hf,
        dtype=DType.bfloat16,
        devices=[DeviceRef.GPU()],
        kv_cache=KVCacheConfig(device_memory_utilization=0.5, enable_prefix_caching=False),
    )
    got = plan_for_arch(arch, free_bytes=80 * GIB, max_batch_size=4)
    assert got.max_seq_len == 8192 and got.bytes_per_block_per_device == [16 * MIB]
    assert got.available_bytes_per_device == 40 * GIB
    assert got.blocks_per_group == [4 * 64]


def test_gemma2_9b_groups_share_one_pool_so_the_window_group_is_not_starved() -> None:
    """80 GiB, bf16 weights, max length 8192, batch 64: split once by need at 8192 (64 full
    pages : 33 window pages), the sliding group got 880 blocks = 13 pages per sequence, so
    the batch only reached 1664 tokens although the full group had room for 3414. One pool
    serves whatever mix the sequences need: the batch reaches 2560 tokens, which is all the
    memory holds (the length an unfixed plan shrinks to), and 26 sequences still fit at 8192."""
    import generated

    config = json.loads((FIXTURES / "gemma-2-9b.json").read_text())
    arch = generated.from_hf_config(config, dtype=DType.bfloat16)
    params = arch.get_kv_params()
    weights = 20317810688  # kvarch.weights' estimate of gemma-2-9b in bf16
    kwargs: dict[str, Any] = {
        "free_bytes": 80 * GIB,
        "model_max_seq_len": 8192,
        "max_batch_size": 64,
        "weight_bytes": weights,
    }
    got = plan(params, max_seq_len=8192, **kwargs)
    assert got.layout is not None and got.layout.num_pools == 1
    assert [g.attention for g in got.layout.groups] == ["sliding", "full"]
    assert got.layout.layers_per_block == [21]
    (blocks,) = got.blocks_per_pool
    assert got.blocks_per_group == [blocks, blocks]
    assert got.max_seq_len == 8192
    assert got.max_batch_at_max_len == blocks // (64 + 33) == 26
    assert got.max_len_at_max_batch == 2560  # was 1664 with a split pool
    # The block manager serves it: 64 sequences of 2560 tokens hold 64 x (20 + 20) blocks.
    manager = BlockManager(
        page_size=128,
        num_blocks=got.blocks_per_group,
        max_seqs=64,
        max_seq_len=8192,
        windows=[g.window for g in got.layout.groups],
        pool_of=got.layout.pool_of_group,
    )
    for s in range(64):
        manager.add(s, [0] * 2559)
    manager.decode_step(manager.rows_of(list(range(64))))
    assert manager.num_free_blocks(0) == manager.num_free_blocks(1) == blocks - 64 * 40
    # ...or 26 sequences of the full 8192 tokens (64 + 33 blocks each, prefilled by pages).
    for s in range(64):
        manager.free(s)
    for s in range(26):
        manager.add(s, [0] * 128)
        for _ in range(63):
            manager.append(s, 128)
    assert manager.num_free_blocks(0) == blocks - 26 * (64 + 33)


def test_recurrent_state_is_set_aside_per_sequence_before_the_blocks() -> None:
    state = 9 * MIB  # e.g. a Jamba's conv + SSM state per sequence
    base = plan(llama8b(), free_bytes=80 * GIB, model_max_seq_len=8192, max_batch_size=64)
    got = plan(
        llama8b(n_dev=2),
        free_bytes=80 * GIB,
        model_max_seq_len=8192,
        max_batch_size=64,
        state_bytes_per_sequence=state,
    )
    assert got.state_bytes_per_sequence_per_device == state // 2  # split over the TP ranks
    assert got.state_bytes_per_device == 64 * state // 2
    assert got.available_bytes_per_device == int(80 * GIB * 0.9) - 64 * state // 2
    assert base.state_bytes_per_device == 0 and "recurrent state" in got.notes[-1]
    with pytest.raises(PlanError, match="max_batch_size"):  # state alone eats the budget
        plan(llama8b(), free_bytes=GIB, model_max_seq_len=8192, max_batch_size=200,
             state_bytes_per_sequence=5 * MIB)  # fmt: skip
