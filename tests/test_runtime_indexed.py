"""Indexer keys in the pages, the packed mask indexer models read, and adapted layouts.

End-to-end parity (greedy tokens equal transformers') is in test_runtime_hf_families.py
(``generate``) and test_runtime_engine_families.py (the engine); these are the pieces.
"""

from __future__ import annotations

from typing import Any

import pytest
import torch

from kvarch import DeviceRef, DType, KVCacheParams
from kvarch.runtime import attention as attn
from kvarch.runtime.errors import ShapeError, UnsupportedCacheError
from kvarch.runtime.hf import PagedCache
from kvarch.runtime.hf_indexed import PagedIndexedLayer
from kvarch.runtime.planner import plan
from kvarch.runtime.tensors import PagedKVCache
from tests.oracle.truth import build_model, text_config
from tests.oracle.variants import available_variants, make_config

pytestmark = [
    pytest.mark.usefixtures("one_thread"),
    pytest.mark.filterwarnings("ignore:`past_key_values` is deprecated:FutureWarning"),
]


def params(**kw: Any) -> KVCacheParams:
    base: dict[str, Any] = dict(
        dtype=DType.float32, n_kv_heads=1, head_dim=8, num_layers=2, page_size=4, is_mla=True
    )
    base.update(kw)
    return KVCacheParams(devices=[DeviceRef.CPU()], **base)


def model(variant_id: str) -> Any:
    config = make_config(next(v for v in available_variants() if v.id == variant_id))
    text = text_config(config)
    if getattr(text, "kv_lora_rank", None):
        text.num_key_value_heads = text.num_attention_heads
    return build_model(config)


def test_indexer_keys_share_the_block_ids_and_move_with_their_blocks() -> None:
    p = params(extra_key_dim=6)
    sized = plan(p, free_bytes=1 << 20, model_max_seq_len=16, max_batch_size=2)
    cache = PagedKVCache([sized.cache_groups(p)[0]], sized.group_blocks(), host_blocks=[2])
    assert cache.nbytes == sized.cache_bytes_per_device  # the planner counted them
    blocks = cache.num_blocks[0]
    extra = cache.extras[0]
    assert extra is not None and tuple(extra.shape) == (blocks, 2, 4, 6)
    view = cache.layer(1).extra
    assert view is not None and tuple(view.shape) == (blocks, 4, 6)
    view[3].copy_(torch.randn(4, 6))
    cache.copy_block(0, 3, 5)
    assert torch.equal(view[5], view[3])
    cache.swap_out(0, 3, 1)
    view[3].zero_()
    cache.swap_in(0, 1, 3)
    assert torch.equal(view[3], view[5])
    assert PagedKVCache([plan_group(params())], [4]).extras == [None]


def test_float8_indexer_keys_are_refused_by_name() -> None:
    with pytest.raises(ShapeError, match="indexer keys"):
        PagedKVCache([plan_group(params(dtype=DType.float8_e4m3fn, extra_key_dim=4))], [4])


def plan_group(p: KVCacheParams) -> Any:
    sized = plan(p, free_bytes=1 << 20, model_max_seq_len=16, max_batch_size=1)
    return sized.cache_groups(p)[0]


@pytest.mark.parametrize("fallback", ["sdpa", "eager"])
def test_the_packed_mask_is_causal_within_each_sequence(fallback: str) -> None:
    """Two sequences: 3 new of 5 tokens (prefill chunk), then 1 new of 4 (decode)."""
    ctx = attn.StepContext(
        slots=[], tables=[], seq_lens=torch.tensor([5, 4]), query_start_loc=torch.tensor([0, 3, 4])
    )
    mask = attn.packed_causal_mask(ctx, fallback, torch.float32)
    allowed = mask if mask.dtype == torch.bool else mask == 0
    want = torch.zeros(4, 9, dtype=torch.bool)
    for q, pos in enumerate([2, 3, 4]):
        want[q, : pos + 1] = True
    want[3, 5:9] = True
    assert torch.equal(allowed[0, 0], want)
    if fallback == "eager":
        assert mask.dtype == torch.float32 and float(mask.min()) == torch.finfo(torch.float32).min


def test_an_indexed_layer_refuses_keys_it_was_not_sized_for() -> None:
    m = model("deepseek-v32")
    cache = PagedCache.from_model(
        m, max_batch_size=1, max_seq_len=8, page_size=4, free_bytes=1 << 26
    )
    layer = cache.layers[1]
    assert isinstance(layer, PagedIndexedLayer)
    # transformers releases before 5.24 (the GPU machine's 5.17) cache per-head K/V here
    with pytest.raises(UnsupportedCacheError, match="expanded per-head K/V"):
        layer.update(torch.zeros(1, 4, 2, 16), torch.zeros(1, 4, 2, 8))
    ids = torch.tensor([[1, 2, 3]])
    m(ids, **cache.kwargs_for(m))  # a step in flight: the indexer may write
    with pytest.raises(ShapeError, match="indexer keys"):
        layer.update_indexer(torch.zeros(1, 1, 5))


def test_gpt_neo_local_layers_are_paged_whole_and_gathered() -> None:
    m = model("gpt-neo-local-first")
    cache = PagedCache.from_model(
        m, max_batch_size=1, max_seq_len=16, page_size=4, free_bytes=1 << 26
    )
    assert all(g.window is None for g in cache.storage.groups)
    assert not cache.paged_attention  # its own attention masks the window


def test_indexed_layers_are_told_by_their_class_features() -> None:
    """A full ``DynamicLayer`` whose class adds an indexer-key update is indexed, whichever
    spelling (``DynamicIndexedLayer.update_indexer``, MiniMax-M3's ``update_index``); a plain
    or sliding layer is not."""
    from transformers.cache_utils import DynamicLayer, DynamicSlidingWindowLayer

    from kvarch.runtime.hf_layers import indexed_layers, is_indexed

    class WithIndex(DynamicLayer):
        def update_index(self, idx_k: torch.Tensor) -> torch.Tensor:
            return idx_k

    class SlidingWithIndexer(DynamicSlidingWindowLayer):
        def update_indexer(self, keys: torch.Tensor) -> torch.Tensor:
            return keys

    layers = [DynamicLayer(), WithIndex(), SlidingWithIndexer(sliding_window=4)]
    assert [is_indexed(x) for x in layers] == [False, True, False]
    assert indexed_layers(layers) == {1}


MINIMAX_SPARSE = "minimax-m3-vl-text-sparse-layers"


def test_minimax_m3_sparse_layers_page_their_indexer_keys_and_keep_its_block_mask() -> None:
    """MiniMax-M3's sparse layers (1 and 3) are paged with their ``idx_keys`` beside K/V
    (``update_index``: ``[batch, 1, tokens, dim]``, as transformers returns them); greedy
    tokens and logits equal transformers' ``generate`` on its own cache, over a prompt long
    enough that the indexer's top 2 blocks of 4 keys leave most of it out (so the keys it
    scores, read back from the pages, decide the tokens). Gathered, the model keeps its own
    attention here, which builds the block mask; the Engine's (kvarch's attention) is in
    test_runtime_engine_families.py."""
    ref, m = model(MINIMAX_SPARSE), model(MINIMAX_SPARSE)
    cache = PagedCache.from_model(
        m, max_batch_size=1, max_seq_len=64, page_size=4, free_bytes=1 << 26
    )
    assert [isinstance(x, PagedIndexedLayer) for x in cache.layers] == [False, True, False, True]
    assert not cache.paged_attention  # per-head K/V under a block mask: gathered
    ids = torch.randint(1, 100, (1, 30), generator=torch.Generator().manual_seed(3))
    run = dict(max_new_tokens=6, min_new_tokens=6, do_sample=False, pad_token_id=0,
               output_logits=True, return_dict_in_generate=True)  # fmt: skip
    want = ref.generate(ids, attention_mask=torch.ones_like(ids), **run)
    got = m.generate(ids, attention_mask=torch.ones_like(ids), **run, **cache.kwargs_for(m))
    assert torch.equal(got.sequences, want.sequences)
    torch.testing.assert_close(torch.stack(got.logits), torch.stack(want.logits))
    layer = cache.layers[1]
    assert isinstance(layer, PagedIndexedLayer) and layer.indexer_length == 30 + 5
    with pytest.raises(ShapeError, match="indexer keys"):
        layer.update_index(torch.zeros(1, 2, 1, 16))  # two heads: not MiniMax's one
