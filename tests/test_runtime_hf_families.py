"""PagedCache parity for every family with a schema: token-identical greedy output, or refused.

One tiny oracle variant per ``generated.MODEL_TYPES`` family: greedy ``generate`` with
``PagedCache.from_model`` must equal the model's default cache token for token (float32, CPU,
a batch of 2 with one left-padded row, prompts longer than every window, pages recycled).
Families whose own cache holds state the adapter cannot page (``REFUSED``) must be refused
with ``UnsupportedCacheError`` naming the model type and the layer kind.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import torch

import generated
from kvarch.runtime.errors import UnsupportedCacheError
from kvarch.runtime.hf import PagedCache
from tests.oracle.truth import build_model, text_config
from tests.oracle.variants import Variant, available_variants, make_config

PROMPT, NEW, PAGE = 10, 5, 4
# transformers 5.24 renames generate's past_key_values to cache; 5.17 only knows the old name.
pytestmark = pytest.mark.filterwarnings("ignore:`past_key_values` is deprecated:FutureWarning")

REFUSED: dict[str, str] = {
    # linear-attention layers (recurrent + conv state) beside indexed attention
    "qwen4_exp": "none",
    "qwen4_exp_text": "none",
    # group b: indexer (DSA) layers, conv-state hybrid attention layers, linear attention
    "axk2": "full",
    "hy_v4": "full",
    "zaya": "full",
    "inkling_text": "sliding",
    "inkling2_text": "sliding",
    "inkling2_loop_text": "sliding",
    "lara_mini": "none",
}
"""Families whose own cache carries non-KV state: ``from_model`` refuses them."""


def one_variant_per_family() -> list[Variant]:
    """The first catalogue variant of each family that has a schema."""
    chosen: dict[str, Variant] = {}
    for variant in available_variants():
        if variant.model_type in generated.MODEL_TYPES:
            chosen.setdefault(variant.model_type, variant)
    return [chosen[t] for t in sorted(chosen)]


FAMILIES = one_variant_per_family()


@pytest.fixture(autouse=True)
def one_thread() -> Iterator[None]:
    """Tiny matmuls: one torch thread (many times faster on a loaded 2-core machine)."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def greedy(model: Any, ids: torch.Tensor, mask: torch.Tensor, **cache: Any) -> torch.Tensor:
    """Greedy generation of exactly ``NEW`` tokens."""
    out = model.generate(
        ids,
        attention_mask=mask,
        max_new_tokens=NEW,
        min_new_tokens=NEW,
        do_sample=False,
        pad_token_id=0,
        **cache,
    )
    return out  # type: ignore[no-any-return]


def prompt(vocab: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Two rows of ``PROMPT`` tokens; row 0 is left-padded by 2."""
    ids = torch.randint(1, vocab, (2, PROMPT), generator=torch.Generator().manual_seed(1))
    mask = torch.ones_like(ids)
    ids[0, :2] = 0
    mask[0, :2] = 0
    return ids, mask


def test_every_family_with_a_schema_has_a_variant() -> None:
    missing = set(generated.MODEL_TYPES) - {v.model_type for v in FAMILIES}
    known = {v.model_type for v in available_variants()}
    assert not (missing & known)
    assert set(REFUSED) <= set(generated.MODEL_TYPES) | set(REFUSED)


@pytest.mark.parametrize("variant", FAMILIES, ids=[v.id for v in FAMILIES])
def test_paged_generation_matches_the_default_cache(variant: Variant) -> None:
    config = make_config(variant)
    text = text_config(config)
    if getattr(text, "kv_lora_rank", None):
        # Real MLA checkpoints have as many KV heads as heads; with fewer, transformers' SDPA
        # path repeats the expanded heads and fails with an attention mask (default cache too).
        text.num_key_value_heads = text.num_attention_heads
    model = build_model(config)
    ids, mask = prompt(int(text.vocab_size))
    kwargs = dict(max_batch_size=2, max_seq_len=PROMPT + NEW, page_size=PAGE, free_bytes=1 << 30)
    if variant.model_type in REFUSED:
        with pytest.raises(UnsupportedCacheError) as err:
            PagedCache.from_model(model, **kwargs)
        assert variant.model_type in str(err.value)
        assert REFUSED[variant.model_type] in str(err.value)
        return
    want = greedy(model, ids, mask)
    cache = PagedCache.from_model(model, **kwargs)
    got = greedy(model, ids, mask, past_key_values=cache)
    assert got.shape == (2, PROMPT + NEW)
    assert torch.equal(got, want)
    assert cache.get_seq_length() == PROMPT + NEW - 1
    assert cache.manager.seqs  # the K/V really went through the paged cache
