"""PagedCache parity for every family with a schema: token-identical greedy output, or refused.

One tiny oracle variant per ``generated.MODEL_TYPES`` family: greedy ``generate`` with
``PagedCache.from_model`` must equal the model's default cache token for token (float32, CPU,
a batch of 2 with one left-padded row, prompts longer than every window, pages recycled).
Families whose own cache holds state the adapter cannot page (``REFUSED``) must be refused
with ``UnsupportedCacheError`` naming the model type and the layer kind.
"""

from __future__ import annotations

from typing import Any

import pytest
import torch
from transformers import DynamicCache

import generated
from kvarch import DeviceRef, DType, KVCacheGroup, KVCacheParams, MultiKVCacheParams
from kvarch.runtime.errors import ShapeError, UnsupportedCacheError
from kvarch.runtime.hf import PagedCache, PagedLayer, cache_keyword
from kvarch.runtime.hf_indexed import PagedIndexedLayer
from tests.oracle.truth import build_model, cache_truth, text_config
from tests.oracle.variants import (
    VARIANTS,
    Variant,
    available_variants,
    make_config,
)

PROMPT, NEW, PAGE = 10, 5, 4
# transformers 5.24 renames generate's past_key_values to cache; 5.17 only knows the old name.
pytestmark = [
    pytest.mark.usefixtures("one_thread"),
    pytest.mark.filterwarnings("ignore:`past_key_values` is deprecated:FutureWarning"),
]

REFUSED: dict[str, str] = {}
"""Families ``from_model`` refuses: their cache is not per-token K/V as the schema pages it
(recurrent state, indexer keys, compressed caches, per-loop slots and whole-kept windows are
held: none is refused today)."""


OWN_LOOP: dict[str, str] = {
    "whisper": "WhisperForCausalLM's generate sizes its default cache by encoder_layers "
    "(transformers 5.24), fewer than the tiny variant's decoder layers",
    "musicgen_decoder": "MusicgenForCausalLM.generate builds a codebook delay pattern from "
    "start and pad ids the tiny config leaves unset",
    "musicgen_melody_decoder": "as musicgen_decoder",
}
"""Families checked with a greedy forward loop (reference: a ``DynamicCache``) instead of
``generate``, and why; their rows are unpadded (``num_codebooks`` rows per sequence)."""

CACHE_EXTRA = {"xlm": 1}
"""Tokens a family's own cache holds beyond prompt + generated - 1: XLM's generate appends a
mask token to every step's input (transformers' DynamicCache ends one longer too)."""


NO_REFERENCE: dict[str, str] = {
    "blt": "BltModel builds DynamicCache(config=BltConfig), which names no layer count",
}
"""Families whose default-cache generate fails in the pinned transformers: no reference to
compare with (the test asserts it still fails, so a fixed release brings them back)."""


def one_variant_per_family() -> list[Variant]:
    """The first catalogue variant of each family that has a schema."""
    chosen: dict[str, Variant] = {}
    for variant in available_variants():
        if variant.model_type in generated.MODEL_TYPES:
            chosen.setdefault(variant.model_type, variant)
    return [chosen[t] for t in sorted(chosen)]


FAMILIES = one_variant_per_family()


Run = tuple[torch.Tensor, torch.Tensor]
"""Generated tokens and the logits of every step."""


def greedy(model: Any, ids: torch.Tensor, mask: torch.Tensor, **cache: Any) -> Run:
    """Greedy generation of exactly ``NEW`` tokens: (tokens, logits of every step)."""
    out = model.generate(
        ids,
        attention_mask=mask,
        max_new_tokens=NEW,
        min_new_tokens=NEW,
        do_sample=False,
        use_cache=True,  # some configs (mpt) default to False
        pad_token_id=0,
        output_logits=True,
        return_dict_in_generate=True,
        **cache,
    )
    return out.sequences, torch.stack(out.logits)


def greedy_loop(model: Any, ids: torch.Tensor, cache: Any) -> Run:
    """``NEW`` greedy tokens by calling the model step by step: (tokens, logits of every step)."""
    step, logits = ids, []
    with torch.no_grad():
        for _ in range(NEW):
            out = model(input_ids=step, use_cache=True, **{cache_keyword(model): cache})
            logits.append(out.logits[:, -1])
            step = logits[-1].argmax(-1, keepdim=True)
            ids = torch.cat([ids, step], dim=1)
    return ids, torch.stack(logits)


def assert_same(got: Run, want: Run) -> None:
    """Identical tokens; logits equal to float32 rounding (paged attention sums its own way)."""
    assert got[0].shape == (want[0].shape[0], PROMPT + NEW)
    assert torch.equal(got[0], want[0])
    torch.testing.assert_close(got[1], want[1], rtol=1e-4, atol=1e-4)


def prompt(vocab: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Two rows of ``PROMPT`` tokens; row 0 is left-padded by 2."""
    ids = torch.randint(1, vocab, (2, PROMPT), generator=torch.Generator().manual_seed(1))
    mask = torch.ones_like(ids)
    ids[0, :2] = 0
    mask[0, :2] = 0
    return ids, mask


PADDED_DECODE_UNMASKED = {"minimax"}
"""Families whose default cache attends to left padding while decoding: MiniMaxCache sizes the
decode mask from its first layer, a lightning-attention layer with no K/V, so the mask is
``[batch, 1, 1, 1]`` and masks nothing. The paged cache never attends to padding; each row is
compared with transformers generating that row alone, unpadded."""


def rows_alone(model: Any, ids: torch.Tensor, mask: torch.Tensor) -> Run:
    """``greedy`` of each row alone without its padding, left-padded back into one batch."""
    tokens, logits = [], []
    for row, keep in zip(ids, mask.bool(), strict=True):
        alone = row[keep][None]
        out = greedy(model, alone, torch.ones_like(alone))
        tokens.append(torch.cat([row[~keep], out[0][0]]))
        logits.append(out[1][:, 0])
    return torch.stack(tokens), torch.stack(logits, dim=1)


def test_the_refusal_lists_name_catalogue_families() -> None:
    """No stale or misspelt entries: each names a family the catalogue builds."""
    families = {v.model_type for v in VARIANTS}
    assert set(REFUSED) | set(OWN_LOOP) | set(CACHE_EXTRA) <= families


@pytest.mark.parametrize("variant", FAMILIES, ids=[v.id for v in FAMILIES])
def test_paged_generation_matches_the_default_cache(variant: Variant) -> None:
    config = make_config(variant)
    text = text_config(config)
    fields = text.to_dict()  # (Dots3Note's per-layer fields refuse getattr)
    if (
        fields.get("kv_lora_rank")
        and fields["num_key_value_heads"] != fields["num_attention_heads"]
    ):
        # Real MLA checkpoints have as many KV heads as heads; with fewer, transformers' SDPA
        # path repeats the expanded heads and fails with an attention mask (default cache too).
        text.num_key_value_heads = text.num_attention_heads
    if getattr(text, "index_topk", None):  # drops tokens at these lengths, without score ties
        text.index_topk, text.index_n_heads = 4, 32  # (see test_runtime_engine_families)
    model = build_model(config)
    ids, mask = prompt(int(text.vocab_size))
    prefix = int(getattr(text, "prompt_length", 0))  # cpmant caches learned prompt tokens too
    kwargs: dict[str, Any] = dict(
        max_batch_size=2, max_seq_len=PROMPT + NEW + prefix, page_size=PAGE, free_bytes=1 << 30
    )
    if variant.model_type in REFUSED:
        with pytest.raises(UnsupportedCacheError) as err:
            PagedCache.from_model(model, **kwargs)
        assert err.value.model_type == model.config.model_type  # a VLM's text model: its type
        assert repr(err.value.model_type) in str(err.value)
        assert err.value.kind == REFUSED[variant.model_type]
        assert f"{err.value.kind!r} layers" in str(err.value)
        return
    if variant.model_type in NO_REFERENCE:
        with pytest.raises(AttributeError, match="num_hidden_layers"):
            greedy(model, ids, mask)
        return
    if variant.model_type in OWN_LOOP:
        rows = 2 * int(getattr(text, "num_codebooks", 1))
        ids = torch.randint(1, int(text.vocab_size), (rows, PROMPT))
        kwargs["max_batch_size"] = rows
        want = greedy_loop(model, ids, DynamicCache())
        cache = PagedCache.from_model(model, **kwargs)
        assert_same(greedy_loop(model, ids, cache), want)
    else:
        want = greedy(model, ids, mask)
        cache = PagedCache.from_model(model, **kwargs)
        got = greedy(model, ids, mask, past_key_values=cache)
        if variant.model_type in PADDED_DECODE_UNMASKED:
            want = rows_alone(model, ids, mask)
        assert_same(got, want)
    extra = CACHE_EXTRA.get(variant.model_type, 0)
    assert prefix or cache.get_seq_length() == PROMPT + NEW - 1 + extra
    assert cache.manager.seqs  # the K/V really went through the paged cache
    for layer in cache.layers:  # indexer keys too, where transformers keeps them
        if isinstance(layer, PagedIndexedLayer) and layer.indexer_length:
            assert layer.indexer_length == PROMPT + NEW - 1
            view = cache.storage.layer(layer.index)
            assert view.extra is not None
            table = torch.from_numpy(cache.manager.block_tables(view.group, slice(0, 2)))
            for row, real in enumerate([PROMPT + NEW - 3, PROMPT + NEW - 1]):  # row 0: 2 pads
                keys = view.extra[table[row][table[row] >= 0].long()].flatten(0, 1)[:real]
                assert bool(keys.isfinite().all()) and float(keys.abs().sum()) > 0


MORE_VARIANTS = [
    "gpt-neo-local-first",  # local layers paged whole, the module masks its window
    "dory-last-loop",  # earlier loops read the last loop's past from the cache layers
    "dory-default-pattern",  # per_loop slots past the decoder layers
    "glm-moe-dsa-pattern",  # indexer keys on the first two layers only
    "hy-v4-wide-latent",  # indexer keys, sinks, eager attention
    "qwen4-exp-text-types",  # indexer keys on non-MLA layers beside linear attention
    "qwen4-exp-text-ple",
]
"""Variants beyond each family's first whose cache layout ``from_model`` adapts."""


@pytest.mark.parametrize("variant_id", MORE_VARIANTS)
def test_adapted_layouts_of_more_variants_match_the_default_cache(variant_id: str) -> None:
    variant = next(v for v in available_variants() if v.id == variant_id)
    test_paged_generation_matches_the_default_cache(variant)


# Layer kinds whose schemas are still on branches: the geometry is passed by hand, built from
# the oracle's reading of transformers' own cache (so the adapter, not a schema, is tested).
BY_HAND = [
    "llama4-text-chunked",
    "gemma3n-text-shared",
    "gemma4-text-shared",
    "mllama",
    "jamba",  # mamba layers: recurrent state stays in transformers' LinearAttentionLayer
    "qwen3-next",  # gated delta-net layers, likewise
]


def params_from_truth(config: Any) -> MultiKVCacheParams:
    """One cache group per (kind, window, heads, dim) of the per-token layers transformers fills."""
    groups: dict[tuple[str, int | None, int, int], list[int]] = {}
    for layer in cache_truth(config):
        if layer.kind in ("full", "sliding", "chunked"):
            key = (layer.kind, layer.window, layer.num_kv_heads, layer.k_head_dim)
            groups.setdefault(key, []).append(layer.index)
    return MultiKVCacheParams(
        groups=[
            KVCacheGroup(
                params=KVCacheParams(
                    dtype=DType.float32,
                    n_kv_heads=heads,
                    head_dim=dim,
                    num_layers=len(idx),
                    page_size=PAGE,
                    devices=[DeviceRef.CPU()],
                ),
                layer_indices=idx,
                attention=kind,  # type: ignore[arg-type]
                window=window,
            )
            for (kind, window, heads, dim), idx in groups.items()
        ]
    )


@pytest.mark.parametrize("variant_id", BY_HAND)
def test_chunked_shared_cross_and_ssm_layers_with_geometry_by_hand(variant_id: str) -> None:
    variant = next(v for v in available_variants() if v.id == variant_id)
    config = make_config(variant)
    model = build_model(config)
    text = text_config(config)
    ids, mask = prompt(int(text.vocab_size))
    cross: dict[str, Any] = {}
    if getattr(text, "cross_attention_layers", None):  # vision states for the cross layers
        states = torch.randn(2, 3, text.hidden_size, generator=torch.Generator().manual_seed(2))
        cross["cross_attention_states"] = states
    want = greedy(model, ids, mask, **cross)
    params = params_from_truth(config)
    cache = PagedCache.from_model(
        model, max_batch_size=2, max_seq_len=PROMPT + NEW, page_size=PAGE, params=params,
        free_bytes=1 << 30,
    )  # fmt: skip
    paged = {i for g in params.groups for i in g.layer_indices}
    assert {i for i, layer in enumerate(cache.layers) if isinstance(layer, PagedLayer)} == paged
    assert_same(greedy(model, ids, mask, past_key_values=cache, **cross), want)
    if cross:  # the delegated cross layer holds the vision K/V, the paged ones hold the text
        (layer,) = [cache.layers[i] for i in text.cross_attention_layers]
        assert not isinstance(layer, PagedLayer) and layer.keys.shape[-2] > 0
    windows = [g.window for g in params.groups if g.attention != "full"]
    assert all(w is not None and w < PROMPT for w in windows)  # the windows were overrun


def test_a_model_with_its_own_cache_class_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    variant = next(v for v in available_variants() if v.id == "llama-gqa")
    model = build_model(make_config(variant))
    monkeypatch.setattr(model, "_supports_default_dynamic_cache", lambda: False)
    with pytest.raises(UnsupportedCacheError, match="'llama'.*own cache class"):
        PagedCache.from_model(model, max_batch_size=1, max_seq_len=16, free_bytes=1 << 30)


def test_a_window_transformers_does_not_keep_is_refused() -> None:
    variant = next(v for v in available_variants() if v.id == "mistral-window")
    config = make_config(variant)
    model = build_model(config)
    params = params_from_truth(config)
    (group,) = params.groups
    full = MultiKVCacheParams(
        groups=[KVCacheGroup(params=group.params, layer_indices=[0, 1, 2, 3])]
    )
    with pytest.raises(
        UnsupportedCacheError, match="DynamicSlidingWindowLayer, not a DynamicLayer"
    ):
        PagedCache.from_model(model, max_batch_size=1, max_seq_len=16, params=full)


def test_attention_and_ssm_state_in_one_layer_object_is_refused() -> None:
    variant = next(v for v in available_variants() if v.id == "zamba2")
    config = make_config(variant)
    model = build_model(config)
    params = params_from_truth(config)
    with pytest.raises(UnsupportedCacheError, match="LinearAttentionAndFullAttentionLayer") as err:
        PagedCache.from_model(model, max_batch_size=1, max_seq_len=16, params=params)
    assert err.value.layers == [1, 3] and err.value.model_type == "zamba2"


def test_indexer_keys_missing_from_the_geometry_are_refused_not_dropped() -> None:
    """A geometry by hand without the indexer's keys: the first forward that writes them
    raises, typed, naming the layer (the pages have no room for them)."""
    import msgspec

    variant = next(v for v in available_variants() if v.id == "deepseek-v32")
    config = make_config(variant)
    text_config(config).num_key_value_heads = text_config(config).num_attention_heads
    model = build_model(config)
    arch = generated.from_hf_config(model.config, dtype=DType.float32, devices=[DeviceRef.CPU()])
    params = msgspec.structs.replace(arch.get_kv_params(), page_size=PAGE, extra_key_dim=0)
    cache = PagedCache.from_model(
        model, max_batch_size=1, max_seq_len=16, page_size=PAGE, params=params
    )
    with pytest.raises(ShapeError, match="layer 0 indexer keys"):
        model(torch.tensor([[1, 2, 3]]), past_key_values=cache)
