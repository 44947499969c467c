"""PagedCache in transformers' generate: greedy tokens identical to DynamicCache."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch
from transformers import (
    DeepseekV3Config,
    DeepseekV3ForCausalLM,
    Gemma2Config,
    Gemma2ForCausalLM,
    LlamaConfig,
    LlamaForCausalLM,
    MistralConfig,
    MistralForCausalLM,
    Qwen2Config,
    Qwen2ForCausalLM,
    Qwen3Config,
    Qwen3ForCausalLM,
)
from transformers.cache_utils import DynamicCache

from kvarch.runtime import ops
from kvarch.runtime.errors import ShapeError
from kvarch.runtime.hf import PagedCache, cache_keyword

SMALL = dict(
    hidden_size=64,
    intermediate_size=128,
    num_attention_heads=4,
    num_key_value_heads=2,
    vocab_size=256,
    max_position_embeddings=256,
)
PROMPT, NEW, PAGE = 11, 24, 4
# transformers 5.24 renames past_key_values to cache (5.17 knows only the old name): every call
# passes the cache under the keyword the installed release takes (cache_keyword / kwargs_for)
pytestmark = pytest.mark.filterwarnings("error:`past_key_values` is deprecated:FutureWarning")


def build(cls: Any, config: Any) -> Any:
    torch.manual_seed(0)
    return cls(config).eval()


MODELS = {
    "llama": lambda: build(LlamaForCausalLM, LlamaConfig(num_hidden_layers=2, **SMALL)),
    "mistral": lambda: build(
        MistralForCausalLM, MistralConfig(num_hidden_layers=2, sliding_window=7, **SMALL)
    ),
    "gemma2": lambda: build(
        Gemma2ForCausalLM,
        Gemma2Config(num_hidden_layers=4, sliding_window=6, head_dim=16, **SMALL),
    ),
    "qwen2": lambda: build(Qwen2ForCausalLM, Qwen2Config(num_hidden_layers=2, **SMALL)),
    # head_dim 32 != hidden / heads: the cache must follow the explicit head_dim.
    "qwen3": lambda: build(
        Qwen3ForCausalLM, Qwen3Config(num_hidden_layers=2, head_dim=32, **SMALL)
    ),
}


def greedy(model: Any, ids: torch.Tensor, cache: Any) -> torch.Tensor:
    """Greedy generation; leading 0s are left padding, masked out."""
    mask = torch.ones_like(ids)
    mask[:, :3] = ids[:, :3] != 0
    out = model.generate(
        ids,
        attention_mask=mask,
        **{cache_keyword(model): cache},
        max_new_tokens=NEW,
        do_sample=False,
        pad_token_id=0,
    )
    return out


@pytest.mark.parametrize("family", sorted(MODELS))
def test_greedy_generation_matches_dynamic_cache(family: str) -> None:
    model = MODELS[family]()
    ids = torch.randint(1, 256, (2, PROMPT), generator=torch.Generator().manual_seed(1))
    ids[0, :3] = 0  # a left-padded row beside a full one
    want = greedy(model, ids, DynamicCache(config=model.config))
    cache = PagedCache.from_model(
        model, max_batch_size=2, max_seq_len=PROMPT + NEW, page_size=PAGE, free_bytes=1 << 30
    )
    got = greedy(model, ids, cache)
    assert torch.equal(got, want)
    assert got.shape[1] == PROMPT + NEW
    assert cache.get_seq_length() == PROMPT + NEW - 1
    # left padding is neither written nor attended: row 0 holds 3 tokens fewer
    lengths = np.array([PROMPT + NEW - 1 - 3, PROMPT + NEW - 1])
    assert cache.manager.seq_lens[:2].tolist() == lengths.tolist()
    for g, grp in enumerate(cache.storage.groups):
        held = (cache.manager.tables[g][:2] >= 0).sum(axis=1)
        if grp.window is not None:  # pages outside the window went back to the pool
            assert (held <= -(-(grp.window - 1) // PAGE) + 1).all()
        else:
            assert (held == -(-lengths // PAGE)).all()


def test_generated_geometry_is_used_for_sliding_layers() -> None:
    model = MODELS["gemma2"]()
    cache = PagedCache.from_model(
        model, max_batch_size=1, max_seq_len=32, page_size=PAGE, free_bytes=1 << 30
    )
    assert cache.is_sliding == [True, False, True, False]
    assert cache.plan is not None and cache.plan.max_seq_len == 32


def test_mla_pages_hold_the_latent_then_the_rotary_key() -> None:
    """K (kv_lora_rank) and V (qk_rope_head_dim) side by side in one latent row per token."""
    rank, rope = 16, 8
    config = DeepseekV3Config(
        num_hidden_layers=2,
        kv_lora_rank=rank,
        qk_rope_head_dim=rope,
        qk_nope_head_dim=16,
        v_head_dim=16,
        q_lora_rank=None,
        n_routed_experts=2,
        num_experts_per_tok=1,
        moe_intermediate_size=32,
        first_k_dense_replace=2,
        n_group=1,
        topk_group=1,
        **{**SMALL, "num_key_value_heads": 4},
    )
    model = build(DeepseekV3ForCausalLM, config)
    ids = torch.randint(1, 256, (2, PROMPT), generator=torch.Generator().manual_seed(3))
    want = DynamicCache(config=config)
    model(ids, **{cache_keyword(model): want})
    cache = PagedCache.from_model(
        model, max_batch_size=2, max_seq_len=PROMPT, page_size=PAGE, free_bytes=1 << 30
    )
    model(ids, **cache.kwargs_for(model))
    (group,) = cache.storage.groups
    assert group.params.is_mla and group.params.head_dim == rank + rope
    for i in range(2):
        view = cache.storage.layer(i)
        assert view.v is None
        for row in range(2):
            table = torch.from_numpy(cache.manager.block_tables(0, slice(row, row + 1)))[0]
            latent = ops.gather_kv(view.k, table, PROMPT)  # [tokens, 1, rank + rope]
            assert torch.equal(latent[..., :rank], want.layers[i].keys[row].transpose(0, 1))
            assert torch.equal(latent[..., rank:], want.layers[i].values[row].transpose(0, 1))


def test_a_different_batch_is_refused() -> None:
    model = MODELS["llama"]()
    cache = PagedCache.from_model(
        model, max_batch_size=2, max_seq_len=32, page_size=PAGE, free_bytes=1 << 30
    )
    greedy(model, torch.ones(2, 3, dtype=torch.long), cache)
    with pytest.raises(ShapeError, match="batch"):
        model(torch.ones(1, 1, dtype=torch.long), **cache.kwargs_for(model))
    cache.reset()
    assert cache.get_seq_length() == 0 and not cache.manager.seqs
    greedy(model, torch.ones(1, 3, dtype=torch.long), cache)


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
@pytest.mark.parametrize("family", ["llama", "mistral", "gemma2"])
def test_greedy_generation_on_cuda_bf16(family: str) -> None:
    model = MODELS[family]().to("cuda", torch.bfloat16)
    ids = torch.randint(1, 256, (3, PROMPT), device="cuda")
    want = greedy(model, ids, DynamicCache(config=model.config))
    cache = PagedCache.from_model(model, max_batch_size=3, max_seq_len=PROMPT + NEW, page_size=PAGE)
    assert cache.storage.data[0].is_cuda
    assert torch.equal(greedy(model, ids, cache), want)
