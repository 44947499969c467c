"""kvarch's per-sequence recurrent state: the store, its cache layers, and ``PagedCache`` of the
hybrids whose schema declares ``layers.state`` (CPU, float32)."""

from __future__ import annotations

from typing import Any

import pytest
import torch
from transformers import cache_utils
from transformers.models.minimax.modeling_minimax import MiniMaxCache

from kvarch.layers import State
from kvarch.runtime.errors import ShapeError
from kvarch.runtime.hf import PagedCache, arch_for_model
from kvarch.runtime.state import StateStore
from kvarch.runtime.state_layers import PagedStateLayer, StateLayer
from tests.oracle.truth import build_model
from tests.oracle.variants import available_variants, make_config

pytestmark = [
    pytest.mark.usefixtures("one_thread"),
    pytest.mark.filterwarnings("ignore:`past_key_values` is deprecated:FutureWarning"),
]

DECLARED = [
    "jamba", "bamba", "granitemoehybrid", "falcon-h1-mqa-head-dim", "qwen3-next-layer-types",
    "qwen3-5-text-interval", "nemotron-h", "zamba", "zamba2-mqa", "zaya-sliding",
    "inkling-text-pattern", "inkling2-loop-text", "minimax", "kimi-linear-layer-types",
    "bailing-hybrid", "lfm2-layer-types", "olmo-hybrid-short", "lara-mini-pattern",
    "recurrent-gemma",
]  # fmt: skip
"""Tiny hybrids whose schema declares the state transformers keeps in its cache."""


def tiny(variant_id: str) -> Any:
    return build_model(make_config(next(v for v in available_variants() if v.id == variant_id)))


def store(rows: int = 4) -> StateStore:
    states = (State(name="conv", shape=(3, 4)), State(name="ssm", shape=(3, 2)))
    return StateStore({1: states}, max_seqs=rows, dtype=torch.float32, device="cpu")


def test_contiguous_rows_are_views_and_others_are_scattered_back_after_the_forward() -> None:
    s = store()
    s.bind([1, 2], fresh=True)
    s.tensor(1, 1).fill_(5.0)  # a view: in place
    assert s.pools[1][1][1:3].eq(5).all() and s.pools[1][1][[0, 3]].eq(0).all()
    s.bind([3, 0], fresh=False)
    s.tensor(1, 1)[0] = 7.0  # gathered: not in the pool until flush
    assert s.pools[1][1][3].eq(0).all()
    s.flush()
    assert s.pools[1][1][3].eq(7).all() and s.pools[1][1][0].eq(0).all()
    s.bind([2, 3], fresh=True)  # a sequence (re)starts: its rows are zeroed
    assert s.pools[1][1][2:].eq(0).all() and s.pools[1][1][1].eq(5).all()
    assert s.bytes_per_sequence == (3 * 4 + 3 * 2) * 4
    with pytest.raises(ShapeError, match="state rows"):
        s.bind([4], fresh=True)


def test_a_mixer_state_of_another_shape_than_the_schema_declares_is_refused() -> None:
    layer = StateLayer(store(), 1)
    with pytest.raises(ShapeError, match=r"layer 1 state 'conv'.*\[batch, 3, 1\]"):
        layer.update_conv_state(torch.zeros(2, 5, 6))
    with pytest.raises(ShapeError, match="conv_kernel_size"):
        layer.update_conv_state(torch.zeros(2, 3, 6), conv_kernel_size=3)
    with pytest.raises(ShapeError, match=r"layer 1 state 'ssm'"):
        layer.update_recurrent_state(torch.zeros(2, 3, 3))
    with pytest.raises(ShapeError, match="recurrent state_idx"):
        layer.update_recurrent_state(torch.zeros(2, 3, 2), state_idx=1)


def test_conv_window_follows_transformers() -> None:
    """Prefill keeps the last ``kernel`` columns (left-padded when shorter) and returns its
    input; later updates return the window then the new columns."""
    layer = StateLayer(store(), 1)
    x = torch.arange(2 * 3 * 2, dtype=torch.float32).reshape(2, 3, 2)
    assert torch.equal(layer.update_conv_state(x), torch.nn.functional.pad(x, (2, 0)))
    assert layer.has_previous_state[0]
    held = layer.conv_states[0]
    assert held is not None and torch.equal(held[..., 2:], x)
    y = torch.ones(2, 3, 1)
    full = layer.update_conv_state(y)
    assert full.shape == (2, 3, 5) and torch.equal(full[..., -1:], y)
    assert torch.equal(layer.conv_states[0], full[..., -4:])  # type: ignore[arg-type]


@pytest.mark.parametrize("variant_id", DECLARED)
def test_paged_cache_holds_the_declared_state_and_sizes_it_as_the_planner(variant_id: str) -> None:
    model = tiny(variant_id)
    cache = PagedCache.from_model(model, max_batch_size=3, max_seq_len=16, page_size=4,
                                  free_bytes=1 << 30)  # fmt: skip
    arch = arch_for_model(model, page_size=4)
    declared = {spec.index for spec in arch.layers() if spec.state}
    assert cache.state is not None and set(cache.state.specs) == declared
    for i, layer in enumerate(cache.layers):
        assert not isinstance(layer, cache_utils.LinearAttentionLayer), f"layer {i}"
        assert isinstance(layer, StateLayer | PagedStateLayer) == (i in declared)
    assert cache.state.bytes_per_sequence == arch.state_bytes_per_sequence
    assert cache.plan is not None
    assert cache.plan.state_bytes_per_sequence_per_device == arch.state_bytes_per_sequence
    assert all(p.shape[0] == 3 for ps in cache.state.pools.values() for p in ps)
    if model.config.model_type == "minimax":  # its model accepts only its own cache class
        assert isinstance(cache, MiniMaxCache)


def test_a_reset_cache_serves_a_new_batch_with_fresh_state() -> None:
    model = tiny("jamba")
    ids = torch.randint(1, 100, (2, 7), generator=torch.Generator().manual_seed(3))
    mask = torch.ones_like(ids)
    mask[1, :3] = 0
    kw = dict(attention_mask=mask, max_new_tokens=4, do_sample=False, pad_token_id=0)
    want = model.generate(ids, **kw)
    cache = PagedCache.from_model(model, max_batch_size=2, max_seq_len=12, page_size=4,
                                  free_bytes=1 << 30)  # fmt: skip
    first = model.generate(ids, **kw, **cache.kwargs_for(model))
    cache.reset()
    assert cache.state is not None and cache.state.rows is None
    again = model.generate(ids, **kw, **cache.kwargs_for(model))
    assert torch.equal(first, want) and torch.equal(again, want)


def test_state_kept_on_modules_lives_in_the_store_between_forwards() -> None:
    """recurrent_gemma's blocks keep conv and RG-LRU state as module attributes: under a
    PagedCache it is loaded from and written back to the store's rows around each forward,
    and the modules hold nothing afterwards (module_state); tokens equal transformers'."""
    model = tiny("recurrent-gemma")
    ids = torch.randint(1, 100, (2, 7), generator=torch.Generator().manual_seed(5))
    kw = dict(attention_mask=torch.ones_like(ids), max_new_tokens=4, do_sample=False,
              pad_token_id=0)  # fmt: skip
    want = model.generate(ids, **kw)
    cache = PagedCache.from_model(model, max_batch_size=2, max_seq_len=12, page_size=4,
                                  free_bytes=1 << 30)  # fmt: skip
    got = model.generate(ids, **kw, **cache.kwargs_for(model))
    assert torch.equal(got, want)
    blocks = [m for m in model.modules() if type(m).__name__ == "RecurrentGemmaRecurrentBlock"]
    assert blocks and all(b.conv1d_state is None and b.rg_lru.recurrent_states is None
                          for b in blocks)  # fmt: skip
    assert cache.state is not None
    assert all(bool(p.abs().sum() > 0) for ps in cache.state.pools.values() for p in ps)
