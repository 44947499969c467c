"""Cache layout: groups sharing one block pool, re-partitioned to fill its layer slots."""

from __future__ import annotations

import numpy as np
import torch

from kvarch import DeviceRef, DType, KVCacheGroup, KVCacheParams, MultiKVCacheParams
from kvarch.runtime import ops
from kvarch.runtime.blocks import BlockManager
from kvarch.runtime.layout import cache_layout
from kvarch.runtime.planner import plan
from kvarch.runtime.tensors import PagedKVCache

GIB = 1 << 30


def params(layers: int, head_dim: int = 8, page: int = 4) -> KVCacheParams:
    return KVCacheParams(
        dtype=DType.float32,
        n_kv_heads=2,
        head_dim=head_dim,
        num_layers=layers,
        page_size=page,
        devices=[DeviceRef.CPU()],
    )


def hybrid(full: list[int], sliding: list[int], head_dim: int = 8) -> MultiKVCacheParams:
    return MultiKVCacheParams(
        groups=[
            KVCacheGroup(
                params=params(len(sliding)), layer_indices=sliding, attention="sliding", window=8
            ),
            KVCacheGroup(params=params(len(full), head_dim), layer_indices=full),
        ]
    )


def gemma3_like() -> MultiKVCacheParams:
    """34 layers, every 6th full: 29 sliding + 5 full layers."""
    full = [i for i in range(34) if i % 6 == 5]
    return hybrid(full, [i for i in range(34) if i % 6 != 5])


def test_unequal_groups_are_split_to_the_smallest_group_size() -> None:
    layout = cache_layout(gemma3_like())
    assert layout.layers_per_block == [5]
    assert layout.pool_of_group == [0] * 7
    sizes = [len(g.layer_indices) for g in layout.groups]
    assert sizes == [5, 5, 5, 5, 5, 4, 5]  # six sliding groups (strided), one full
    assert [g.attention for g in layout.groups] == ["sliding"] * 6 + ["full"]
    assert layout.source_of_group == [0] * 6 + [1]
    every = sorted(i for g in layout.groups for i in g.layer_indices)
    assert every == list(range(34))
    assert all(g.params.num_layers == len(g.layer_indices) for g in layout.groups)


def test_near_equal_groups_pad_instead_of_splitting() -> None:
    layout = cache_layout(hybrid(list(range(10)), list(range(10, 24))))
    assert layout.layers_per_block == [14]  # 14 < 1.5 x 10: one block table each
    assert [len(g.layer_indices) for g in layout.groups] == [14, 10]


def test_groups_with_different_pages_keep_separate_pools() -> None:
    layout = cache_layout(hybrid([0, 2], [1, 3], head_dim=16))
    assert layout.pool_of_group == [0, 1]
    assert layout.layers_per_block == [2, 2]
    assert cache_layout(hybrid([0, 2], [1, 3]), share=False).pool_of_group == [0, 1]
    assert cache_layout(hybrid([0, 2], [1, 3])).pool_of_group == [0, 0]


def test_plan_and_tensors_of_a_split_layout() -> None:
    multi = gemma3_like()
    got = plan(multi, free_bytes=GIB, model_max_seq_len=64, max_batch_size=2)
    layout = got.layout
    assert layout is not None and layout.num_pools == 1
    # per sequence at 64 tokens: 16 pages in the full group, 3 window pages in each of 6
    assert got.blocks_per_pool == [2 * (16 + 6 * 3)]
    assert got.blocks_per_group == got.blocks_per_pool * 2  # per model group: its pool
    per_block = 2 * 5 * 4 * 2 * 8 * 4  # kv x 5 layer slots x page x heads x dim x fp32
    assert got.cache_bytes_per_device == got.blocks_per_pool[0] * per_block
    cache = PagedKVCache.from_plan(multi, got, device="cpu")
    assert len(cache.data) == 1 and tuple(cache.data[0].shape) == (68, 2, 5, 4, 2, 8)
    for i in range(34):  # per-layer NHD views of the one tensor
        view = cache.layer(i)
        assert tuple(view.k.shape) == (68, 4, 2, 8)
        assert view.window == (None if i % 6 == 5 else 8)
        assert layout.groups[view.group].layer_indices.count(i) == 1
    manager = BlockManager.for_cache(cache, max_seqs=2, max_seq_len=64)
    assert manager.pool_of == [0] * 7 and len(manager.tables) == 7
    # Two sequences to the full length: every group holds its pages, block ids disjoint.
    rng = np.random.default_rng(0)
    kv = {}
    for s in (0, 1):
        manager.add(s, [0] * 8)
        kv[s] = torch.from_numpy(rng.standard_normal((64, 2, 8)).astype(np.float32))
        for g in range(7):
            layer = cache.layer(layout.groups[g].layer_indices[0])
            ops.write_kv(layer.k, layer.v, kv[s][:8], -kv[s][:8], torch.from_numpy(
                manager.slots(s, 0, 8)[g]
            ))  # fmt: skip
    for pos in range(8, 64):
        slots = manager.decode_step(manager.rows_of([0, 1]))
        for g in range(7):
            layer = cache.layer(layout.groups[g].layer_indices[0])
            k = torch.stack([kv[0][pos], kv[1][pos]])
            ops.write_kv(layer.k, layer.v, k, -k, torch.from_numpy(slots[g]))
    held = np.concatenate([t[t >= 0] for t in manager.tables])
    assert len(set(held.tolist())) == len(held) == 2 * (16 + 6 * 2)  # 2 window pages at 64
    for s in (0, 1):
        row = manager.row(s)
        for g in range(7):
            layer = cache.layer(layout.groups[g].layer_indices[0])
            table = torch.from_numpy(manager.tables[g][row])
            start = 0 if layout.groups[g].window is None else 64 - 8
            got_k = ops.gather_kv(layer.k, table, 64, start=start)
            assert torch.equal(got_k, kv[s][start:])


def test_engine_over_a_split_shared_pool_matches_generate() -> None:
    """Gemma-3 pattern (6 sliding + 1 full layer): 1-layer blocks, 7 block tables, one pool;
    the engine builds its manager from the model groups and still matches greedy generate."""
    import transformers

    from kvarch.runtime.engine import Engine
    from kvarch.runtime.sampling import SamplingParams

    torch.manual_seed(0)
    config = transformers.Gemma3TextConfig(
        vocab_size=256,
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=7,
        num_attention_heads=4,
        num_key_value_heads=2,
        head_dim=16,
        max_position_embeddings=256,
        sliding_window=8,
    )
    model = transformers.AutoModelForCausalLM.from_config(config).eval()
    prompts = [list(range(1, 13)), list(range(5, 22))]  # longer than the window
    want = []
    for p in prompts:
        with torch.no_grad():
            out = model.generate(torch.tensor([p]), max_new_tokens=12, do_sample=False)
        want.append(out[0, len(p) :].tolist())
    engine = Engine(model, max_batch_size=4, max_seq_len=64, page_size=4, cuda_graphs=False)
    manager = engine.cache.manager
    assert manager.pool_of == [0] * 7 and engine.plan.layout is not None
    assert engine.plan.layout.layers_per_block == [1]
    got = engine.generate(prompts, SamplingParams(max_tokens=12, ignore_eos=True), use_tqdm=False)
    assert [g.token_ids for g in got] == want
