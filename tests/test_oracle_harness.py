"""The oracle harness: it reads transformers' real caches correctly, and kvarch matches them.

The first part pins the harness against hand-computed geometry; the second compares every
catalogue variant with kvarch's generated schemas, field by field.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
from pathlib import Path
from typing import Any

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

import kvarch
from kvarch.coverage import (
    ENCODER_DECODER,
    EXCLUDED,
    causal_lm_model_types,
    decoder_families_with_kv_cache,
    encoder_decoder_decoders,
)
from kvarch.dtype import DType
from kvarch.kv_cache import KVCacheParams
from kvarch.layers import LayerSpec
from tests.oracle.attention import attention_seen
from tests.oracle.compare import mismatches
from tests.oracle.published import COMPRESSED, CROSS, PUBLISHED, STATE
from tests.oracle.standins import STAND_INS, meta_stand_ins
from tests.oracle.truth import (
    LayerTruth,
    OracleError,
    _distinct_heads,
    _layer_truth,
    _mask_window,
    _read_truth,
    build_model,
    cache_truth,
    probe_length,
    text_config,
)
from tests.oracle.variants import (
    ISSUE4_FAMILIES,
    UNBUILDABLE,
    VARIANTS,
    Variant,
    available_variants,
    llama_like,
    make_config,
)

BY_ID = {v.id: v for v in VARIANTS}
S, F = "sliding_attention", "full_attention"


def truth_of(variant_id: str) -> list[LayerTruth]:
    return cache_truth(make_config(BY_ID[variant_id]))


def geometry(truth: list[LayerTruth]) -> list[tuple[Any, ...]]:
    return [(t.kind, t.window, t.num_kv_heads, t.k_head_dim, t.v_head_dim) for t in truth]


# --- the harness reads caches right (hand-computed expectations) -------------------------


def test_llama_gqa_heads_and_dims() -> None:
    truth = truth_of("llama-gqa")  # hidden 64, 4 heads, 2 KV heads → head_dim 16
    assert geometry(truth) == [("full", None, 2, 16, 16)] * 4
    fed = probe_length(make_config(BY_ID["llama-gqa"]))
    assert fed >= 8
    assert [t.cached_tokens for t in truth] == [fed] * 4


def test_explicit_head_dim_beats_hidden_over_heads() -> None:
    assert geometry(truth_of("llama-head-dim")) == [("full", None, 2, 24, 24)] * 4
    assert geometry(truth_of("qwen3")) == [("full", None, 2, 32, 32)] * 4


def test_gemma2_alternates_sliding_and_full() -> None:
    truth = truth_of("gemma2")  # window 5, layer 0 sliding
    assert geometry(truth) == [("sliding", 5, 2, 16, 16), ("full", None, 2, 16, 16)] * 2
    assert truth[0].cached_tokens == 4  # a sliding layer keeps window - 1 past tokens
    assert truth[1].cached_tokens == probe_length(make_config(BY_ID["gemma2"]))


def test_gpt_bigcode_multi_query_caches_one_head() -> None:
    assert geometry(truth_of("gpt-bigcode-mqa")) == [("full", None, 1, 16, 16)] * 3
    assert geometry(truth_of("gpt-bigcode-mha")) == [("full", None, 4, 16, 16)] * 3


def test_falcon_new_architecture_counts_distinct_heads() -> None:
    """Falcon-40B style: transformers caches each of the 2 KV heads twice (4 cached heads)."""
    truth = truth_of("falcon-new-arch")
    assert geometry(truth) == [("full", None, 2, 16, 16)] * 4
    assert {t.cached_heads for t in truth} == {4}
    assert geometry(truth_of("falcon-mqa")) == [("full", None, 1, 16, 16)] * 4


def test_deepseek_v3_cache_is_the_latent() -> None:
    """transformers caches MLA compressed: K = kv_lora_rank, V = the rope part, one head."""
    truth = truth_of("deepseek-v3")  # kv_lora_rank 16, qk_rope_head_dim 8
    assert geometry(truth) == [("full", None, 1, 16, 8)] * 4


def test_deepseek_v3_attention_sees_expanded_heads() -> None:
    """The other MLA view: K = nope + rope (16 + 8), V = v_head_dim (24), per attention head."""
    seen = attention_seen(make_config(BY_ID["deepseek-v3"]))
    assert sorted(seen) == [0, 1, 2, 3]
    assert {(s.num_kv_heads, s.k_head_dim, s.v_head_dim) for s in seen.values()} == {(4, 24, 24)}


def test_jamba_only_attention_layers_cache() -> None:
    kinds = [t.kind for t in truth_of("jamba")]  # attn_layer_period 2, offset 1
    assert kinds == ["none", "full", "none", "full"]
    # a Mamba layer keeps its conv window and SSM state per sequence (expand 1 x hidden 64)
    # (the tiny model runs in float32: 4 bytes an element)
    state = ((64, 4), (64, 4))
    assert truth_of("jamba")[0] == LayerTruth(
        index=0, kind="none", state=state, state_bytes=4 * (64 * 4 + 64 * 4)
    )
    assert truth_of("jamba")[1].state == ()


def test_minimax_trailing_linear_layer_keeps_no_kv() -> None:
    """MiniMax's cache has KV slots up to the last attention layer only; it counts the
    trailing linear-attention layer in its own state list."""
    truth = truth_of("minimax-default-pattern")  # layer_types: full, linear, full, linear
    assert geometry(truth) == [("full", None, 2, 16, 16), ("none", None, 0, 0, 0)] * 2


@pytest.mark.parametrize("variant_id", ["minimax-default-pattern", "minimax-layer-types-head-dim"])
def test_minimax_reports_exactly_the_cache_layers_its_model_keeps(variant_id: str) -> None:
    """Every MiniMax layer keeps one thing: KV (attention) or a lightning-attention state
    (``linear_cache``); kvarch's layers are exactly those, and its KV layers exactly the first."""
    import generated
    from tests.oracle.truth import build_model

    variant = BY_ID[variant_id]
    model = build_model(make_config(variant))
    with torch.no_grad():
        cache = model(input_ids=torch.arange(1, 9)[None], use_cache=True).past_key_values
    kv = [i for i, lay in enumerate(cache.layers) if lay.is_initialized and lay.keys.numel()]
    state = [i for i, s in enumerate(cache.linear_cache) if isinstance(s, torch.Tensor)]
    arch = generated.from_hf_config({"model_type": "minimax", **variant.kwargs})
    layers = arch.layers()
    assert len(cache) == len(layers)  # max(KV slots, state slots): each list stops at its last
    assert kv == [s.index for s in layers if s.kind == "full"]
    assert state == [s.index for s in layers if s.kind == "none"]
    assert arch.get_kv_params().num_layers == len(kv)


def test_qwen2_use_sliding_window_false_disables_the_window() -> None:
    assert {t.kind for t in truth_of("qwen2-window-off")} == {"full"}
    assert [t.kind for t in truth_of("qwen2-max-window-layers")] == ["full"] * 2 + ["sliding"] * 2


def test_llama4_chunked_layers() -> None:
    truth = truth_of("llama4-text-chunked")  # no_rope_layers [1, 1, 1, 0]
    assert geometry(truth) == [("chunked", 5, 2, 16, 16)] * 3 + [("full", None, 2, 16, 16)]


def test_gemma3n_shared_layers_point_at_their_source() -> None:
    truth = truth_of("gemma3n-text-shared")  # S S F | S F shared
    assert [t.kind for t in truth] == ["sliding", "sliding", "full", "shared", "shared"]
    assert [t.kv_source for t in truth[3:]] == [1, 2]
    assert (truth[3].num_kv_heads, truth[3].k_head_dim, truth[3].window) == (0, 0, None)


def test_mllama_cross_layer_caches_vision_states() -> None:
    truth = truth_of("mllama")
    assert [t.kind for t in truth] == ["full", "cross", "full", "full"]
    assert truth[1].cached_tokens == 3


def test_gemma3_vlm_reads_text_config() -> None:
    truth = truth_of("gemma3-vlm")
    assert geometry(truth) == [("sliding", 5, 2, 16, 16)] * 3 + [("full", None, 2, 16, 16)]


def test_gpt_neo_local_layers_slide_by_their_mask() -> None:
    """GPT-Neo masks local layers to window_size tokens while its cache keeps every token."""
    truth = truth_of("gpt-neo")  # attention_types [[global, local], 2], window_size 5
    assert geometry(truth) == [("full", None, 4, 16, 16), ("sliding", 5, 4, 16, 16)] * 2
    fed = probe_length(make_config(BY_ID["gpt-neo"]))
    assert [t.cached_tokens for t in truth] == [fed] * 4


def test_cpmant_caches_its_prompt_tokens_ahead_of_the_text() -> None:
    truth = truth_of("cpmant")  # prompt_length 4, dim_head 24 != hidden / heads
    fed = probe_length(make_config(BY_ID["cpmant"]))
    assert geometry(truth) == [("full", None, 4, 24, 24)] * 3
    assert [t.cached_tokens for t in truth] == [fed + 4] * 3


def test_openai_gpt_is_excluded_because_it_keeps_no_cache() -> None:
    from transformers import AutoConfig

    assert "openai-gpt" in EXCLUDED
    config = AutoConfig.for_model("openai-gpt", vocab_size=128, n_embd=32, n_layer=1, n_head=2)
    with pytest.raises(OracleError, match="returned no cache"):
        cache_truth(config)


def test_mask_window_reads_only_local_masks() -> None:
    causal = torch.tril(torch.ones(6, 6, dtype=torch.bool)).view(1, 1, 6, 6)
    local = torch.bitwise_xor(causal, torch.tril(causal, -3))

    class Attn(torch.nn.Module):
        def __init__(self, mask: torch.Tensor) -> None:
            super().__init__()
            self.bias = torch.nn.Buffer(mask, persistent=False)

    assert _mask_window(Attn(local)) == 3
    assert _mask_window(Attn(causal)) is None
    assert _mask_window(Attn(causal.float())) is None  # an additive bias, not a mask
    assert _mask_window(None) is None
    with pytest.raises(OracleError, match="on meta"):
        _mask_window(Attn(local.to("meta")))


def test_recurrent_gemma_cache_is_read_from_a_cache_handed_in() -> None:
    """RecurrentGemma returns no cache: the harness passes its own and reads that."""
    truth = truth_of("recurrent-gemma")  # blocks R R A repeated over 5 layers, window 5, MQA
    none = ("none", None, 0, 0, 0)
    assert geometry(truth) == [none, none, ("sliding", 5, 1, 16, 16), none, none]
    assert truth[2].cached_tokens == 4


def test_recurrent_gemma_caches_its_explicit_head_dim() -> None:
    """A config's head_dim replaces the hidden_size / heads that transformers computes."""
    truth = truth_of("recurrent-gemma-head-dim")  # hidden 64, 4 heads, head_dim 24
    none = ("none", None, 0, 0, 0)
    assert geometry(truth) == [none, ("sliding", 5, 1, 24, 24), none]
    config = {"model_type": "recurrent_gemma", **BY_ID["recurrent-gemma-head-dim"].kwargs}
    kv = kvarch.inspect(config)
    assert [(s.k_head_dim, s.v_head_dim) for s in kv.layers if s.kind == "sliding"] == [(24, 24)]


def test_exaone4_string_pattern_beside_layer_types() -> None:
    """EXAONE-4.0-32B writes "sliding_window_pattern": "LLLG"; transformers takes layer_types."""
    truth = truth_of("exaone4-string-pattern")
    assert [t.kind for t in truth] == ["sliding"] * 3 + ["full"]
    config = {"model_type": "exaone4", **BY_ID["exaone4-string-pattern"].kwargs}
    assert [s.kind for s in kvarch.inspect(config).layers] == [t.kind for t in truth]


def test_distinct_heads_detects_broadcast_copies() -> None:
    g = torch.Generator().manual_seed(1)
    base = torch.randn(1, 2, 5, 8, generator=g)
    assert _distinct_heads(0, base, base) == 2
    broadcast = base.repeat_interleave(3, dim=1)  # [h0 h0 h0 h1 h1 h1]
    assert _distinct_heads(0, broadcast, broadcast) == 2
    tiled = base.repeat(1, 3, 1, 1)  # [h0 h1 h0 h1 h0 h1] is not a GQA broadcast
    assert _distinct_heads(0, tiled, tiled) == 6
    zeros = torch.zeros(1, 4, 5, 8)  # e.g. zero-initialised projections: no evidence
    with pytest.raises(OracleError, match="constant keys"):
        _distinct_heads(0, zeros, zeros)


class _FakeLayer:
    """A cache layer as transformers shapes it: keys/values ``[batch, heads, seq, dim]``."""

    def __init__(self, tokens: int, sliding_window: int | None = None) -> None:
        self.keys = torch.randn(1, 2, tokens, 8)
        self.values = torch.randn(1, 2, tokens, 8)
        if sliding_window is not None:
            self.sliding_window = sliding_window


def _read(layer: _FakeLayer, fed: int) -> LayerTruth:
    entry = (layer, layer.keys, layer.values)
    return _layer_truth(0, entry, None, [None], make_config(BY_ID["llama-gqa"]), fed, False, False)


def test_harness_refuses_caches_it_cannot_explain() -> None:
    assert _read(_FakeLayer(8), fed=8).kind == "full"
    assert _read(_FakeLayer(4, sliding_window=5), fed=8).window == 5
    with pytest.raises(OracleError, match="full layer holds 5 of 8"):
        _read(_FakeLayer(5), fed=8)
    with pytest.raises(OracleError, match="window 5 but 8 of 8"):
        _read(_FakeLayer(8, sliding_window=5), fed=8)
    assert issubclass(OracleError, AssertionError)


def test_cache_and_attention_agree_outside_mla() -> None:
    """Second witness: for non-MLA models, what attention receives is what the cache holds
    (the first variant of each issue-4 family, to keep the run short)."""
    checked, families = 0, set()
    for variant in available_variants():
        if variant.model_type not in ISSUE4_FAMILIES or variant.model_type in families:
            continue
        config = make_config(variant)
        if getattr(text_config(config), "kv_lora_rank", None):
            continue
        families.add(variant.model_type)
        seen = attention_seen(config)
        for t in cache_truth(config):
            if t.index in seen and t.kind in ("full", "sliding", "chunked"):
                s = seen[t.index]
                assert (s.k_head_dim, s.v_head_dim) == (t.k_head_dim, t.v_head_dim), variant.id
                if s.num_kv_heads != t.cached_heads:  # sdpa may get heads pre-broadcast
                    assert s.num_kv_heads == t.num_kv_heads, variant.id
                checked += 1
    assert checked > 50


# --- the comparison itself can fail ---------------------------------------------------------


def test_mismatches_names_the_layer_and_field() -> None:
    truth = truth_of("gemma2")
    good = [LayerSpec(**t.geometry()) for t in truth]
    assert mismatches(truth, good) == []
    capped = [LayerSpec(**{**t.geometry(), "kind": "sliding", "window": 5}) for t in truth]
    assert mismatches(truth, capped) == [
        "layer 1 kind: kvarch 'sliding', transformers 'full'",
        "layer 1 window: kvarch 5, transformers None",
        "layer 3 kind: kvarch 'sliding', transformers 'full'",
        "layer 3 window: kvarch 5, transformers None",
    ]
    assert mismatches(truth, good[:3]) == ["layer count: kvarch 3, transformers 4"]


# --- the catalogue ---------------------------------------------------------------------------


def test_catalogue_ids_are_unique() -> None:
    assert len({v.id for v in VARIANTS}) == len(VARIANTS)


def test_every_issue4_family_has_a_variant_or_a_reason() -> None:
    have = {v.model_type for v in VARIANTS}
    missing = [f for f in ISSUE4_FAMILIES if f not in have and f not in UNBUILDABLE]
    assert missing == []


def test_every_decoder_family_is_catalogued_or_explained() -> None:
    have = {v.model_type for v in VARIANTS}
    families = decoder_families_with_kv_cache() + encoder_decoder_decoders()
    assert [f for f in families if f not in have and f not in UNBUILDABLE] == []
    assert not have & set(UNBUILDABLE)


def test_issue4_variants_exist_in_installed_transformers() -> None:
    """The core families exist in every supported transformers (newer families may not)."""
    available = available_variants()
    assert [v.id for v in VARIANTS if v.model_type in ISSUE4_FAMILIES and v not in available] == []


def test_coverage_denominator() -> None:
    families = decoder_families_with_kv_cache()
    causal = causal_lm_model_types()
    assert set(families) <= set(causal)
    assert not set(families) & set(EXCLUDED)
    assert {"llama", "gemma2", "deepseek_v3", "jamba", "gpt_bigcode"} <= set(families)
    assert {"mamba", "rwkv", "bert", "bart"}.isdisjoint(families)
    encdec = encoder_decoder_decoders()
    assert set(encdec) == ENCODER_DECODER <= set(causal) and not ENCODER_DECODER & set(EXCLUDED)
    assert {"bert", "bart", "whisper"} <= set(encdec)
    # besides the families: sub-configs whose *ForCausalLM has no auto-mapping entry
    sub_configs = {"mllama_text_model", "musicgen_decoder", "musicgen_melody_decoder"}
    assert {v.model_type for v in available_variants()} <= set(families + encdec) | sub_configs


# --- published checkpoints, full size, shapes only ------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures" / "configs"
FULL, SLIDING = "full", "sliding"

# file -> (layers as (kind, window, heads, K, V) runs, KV bytes per token in bf16), by hand
CHECKPOINTS: dict[str, tuple[list[tuple[Any, ...]], int]] = {
    "llama-3-8b": ([(FULL, None, 8, 128, 128)] * 32, 131072),
    "mistral-7b-v0.1": ([(SLIDING, 4096, 8, 128, 128)] * 32, 131072),
    "mixtral-8x7b-v0.1": ([(FULL, None, 8, 128, 128)] * 32, 131072),
    "qwen3-0.6b": ([(FULL, None, 8, 128, 128)] * 28, 114688),
    "qwen2.5-7b": ([(FULL, None, 4, 128, 128)] * 28, 57344),
    "gemma-2-9b": ([(SLIDING, 4096, 8, 256, 256), (FULL, None, 8, 256, 256)] * 21, 344064),
    "gemma-3-4b-it": (
        ([(SLIDING, 1024, 4, 256, 256)] * 5 + [(FULL, None, 4, 256, 256)]) * 5
        + [(SLIDING, 1024, 4, 256, 256)] * 4,
        139264,
    ),
    "deepseek-v3": ([(FULL, None, 1, 512, 64)] * 61, 70272),
    "deepseek-v3.2-exp": ([(FULL, None, 1, 512, 64)] * 61, 70272 + 61 * 128 * 2),  # + indexer
    "phi-3-mini-4k-instruct": ([(SLIDING, 2047, 32, 96, 96)] * 32, 393216),
    "falcon-7b": ([(FULL, None, 1, 64, 64)] * 32, 8192),
    "falcon-40b": ([(FULL, None, 8, 64, 64)] * 60, 122880),
    "gpt2": ([(FULL, None, 12, 64, 64)] * 12, 36864),
    "starcoder": ([(FULL, None, 1, 128, 128)] * 40, 20480),
    "mpt-7b": ([(FULL, None, 32, 128, 128)] * 32, 524288),
    "jamba-v0.1": (
        (
            [("none", None, 0, 0, 0)] * 4
            + [(FULL, None, 8, 128, 128)]
            + [("none", None, 0, 0, 0)] * 3
        )
        * 4,
        16384,
    ),
    "llama-4-scout-17b-16e-text": (
        ([("chunked", 8192, 8, 128, 128)] * 3 + [(FULL, None, 8, 128, 128)]) * 12,
        196608,
    ),
    "gpt-oss-20b": ([(SLIDING, 128, 8, 64, 64), (FULL, None, 8, 64, 64)] * 12, 49152),
    "exaone-4.0-32b": (  # "sliding_window_pattern": "LLLG" beside layer_types
        ([(SLIDING, 4096, 8, 128, 128)] * 3 + [(FULL, None, 8, 128, 128)]) * 16,
        262144,
    ),
    "qwen3-next-80b-a3b-instruct": (
        ([("none", None, 0, 0, 0)] * 3 + [(FULL, None, 2, 256, 256)]) * 12,
        24576,
    ),
}
CHECKPOINTS |= PUBLISHED  # the later fixtures, one or more per family (tests/oracle/published.py)
BROADCAST_ON_META = {"falcon-40b": 128}  # heads transformers caches; meta cannot dedupe them
#: file -> per-token keys each layer caches beside K/V, as (name, heads, dim), by hand
INDEXER = (("indexer", 1, 128),)  # DSA: one 128-wide key head
EXTRA_KEYS = {
    "deepseek-v3.2-exp": [INDEXER] * 61,
    # GLM-5.3: layers 0-2, then every 4th (index_topk_freq 4 from index_skip_topk_offset 3)
    # run their own indexer; the 57 others reuse the previous one's top-k and cache no key
    "glm-5.3": [INDEXER] * 3 + [(), (), (), INDEXER] * 18 + [()] * 3,
    # dots3-note: its 13 indexed (legacy "full_attention") layers, 0, 1, 5, ..., 45
    "dots3-note-prev-text": [INDEXER if i in {0, *range(1, 46, 4)} else () for i in range(46)],
    # Hy4: the "full" indexer_types (layers 0, 1, then every 4th) cache a key, "shared" ones not
    "hy4-preview": [INDEXER] * 2 + [(), (), (), INDEXER] * 8,
    # Qwen3.8-Flash-Next: the QSA indexer's one 128-wide key head on every attention layer
    "qwen3.8-flash-next-text": [(), (), (), INDEXER] * 12,
}


def fixture_dict(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text())
    return data


#: families whose default (SDPA) mask calls ``.item()`` on meta; eager attention caches the same
EAGER_ON_META = {"biogpt", "musicgen_decoder", "musicgen_melody_decoder", *ENCODER_DECODER}
#: families that look for padding in ``input_ids`` (``.item()`` on meta) when a pad token is set
#: and no mask is given; the pad token only marks an embedding row, not what is cached
PAD_CHECK_ON_META = {"rembert", "roformer", "megatron-bert", "big_bird"}
#: fixtures run on the CPU at full size: GPT-Neo's local window is read from its mask buffer,
#: which meta leaves without data (125M parameters, ~10 s); XLM checks its input lengths with
#: ``.item()`` (667M parameters, ~20 s); X-MOD picks each token's language adapter by a mask
#: (data-dependent indexing; 117M parameters)
ON_CPU = {"gpt-neo-125m": "cpu", "xlm-mlm-en-2048": "cpu", "xmod-base": "cpu"}


def fixture_config(name: str) -> Any:
    """transformers' config for a fixture, as the meta device can run it: settings that call
    ``.item()`` on meta and leave the cache as it is are swapped out, and an encoder-decoder
    family's file builds its decoder (``is_decoder``), as kvarch reads it."""
    from transformers import AutoConfig

    data = fixture_dict(name)
    model_type = data.pop("model_type")
    if model_type in EAGER_ON_META:
        data["attn_implementation"] = "eager"
    if model_type in ENCODER_DECODER:  # the decoder of the pair, or the encoder run as one
        data["is_decoder"] = True
        # transformers sizes the decoder's cache by encoder_layers (num_hidden_layers), which
        # Blenderbot-400M-distill has fewer of (2, beside 12); the encoder is not built here
        if data.get("encoder_layers", 0) < data.get("decoder_layers", 0):
            data["encoder_layers"] = data["num_hidden_layers"] = data["decoder_layers"]
    if model_type in ("musicgen_decoder", "musicgen_melody_decoder"):  # the probe feeds one
        data["num_codebooks"] = 1  # row of ids: one codebook's (tables and heads; not the cache)
    if model_type in PAD_CHECK_ON_META:
        data["pad_token_id"] = None
    if model_type == "xmod" and not data.get("default_language"):  # forward needs an adapter's
        data["default_language"] = data["languages"][0]  # language; the adapter caches nothing
    rope = data.get("rope_scaling")
    if isinstance(rope, dict) and rope.get("rope_type", rope.get("type")) == "dynamic":
        del data["rope_scaling"]  # dynamic NTK reads max(position_ids) (InternLM3)
    return AutoConfig.for_model(model_type, **data)


def fixture_truth(name: str) -> list[LayerTruth]:
    """transformers' cache for a fixture at full size: on meta (or ``ON_CPU``), with the expert
    routing meta cannot run (DBRX, JetMoE) swapped for a shape-preserving stand-in."""
    device = ON_CPU.get(name, "meta")
    model_type = fixture_dict(name)["model_type"] if device == "meta" else ""
    with meta_stand_ins(model_type):
        return cache_truth(fixture_config(name), device=device)


def test_every_fixture_has_hand_computed_geometry() -> None:
    assert sorted(p.stem for p in FIXTURES.glob("*.json")) == sorted(CHECKPOINTS)


@pytest.mark.parametrize("name", sorted(CHECKPOINTS))
def test_checkpoint_cache_matches_hand_computed(name: str) -> None:
    layers, bytes_bf16 = CHECKPOINTS[name]
    truth = fixture_truth(name)
    heads = BROADCAST_ON_META.get(name)
    if heads is not None:
        assert {t.num_kv_heads for t in truth} == {heads}
        truth = [dataclasses.replace(t, num_kv_heads=layers[0][2]) for t in truth]
    assert geometry(truth) == layers
    assert [t.extra_keys for t in truth] == EXTRA_KEYS.get(name, [()] * len(truth))
    extra = sum(h * d for t in truth for _, h, d in t.extra_keys)
    # cross-attention K/V is per sequence (the encoder's or image's states), not per token
    kv = sum(t.num_kv_heads * (t.k_head_dim + t.v_head_dim) for t in truth if t.kind != "cross")
    # compressed caches (DeepSeek-V4): an entry's bytes over its N tokens, rounded up
    assert [t.compressed for t in truth] == COMPRESSED.get(name, [()] * len(truth))
    entries = sum(-(-2 * h * d // every) for t in truth for _, every, h, d in t.compressed)
    assert 2 * (kv + extra) + entries == bytes_bf16
    assert sum(t.state_bytes for t in truth) == STATE.get(name, 0)  # per sequence, by hand
    cross = CROSS[name][0] if name in CROSS else None  # encoder-decoders: on every layer
    assert [t.cross for t in truth] == [cross] * len(truth)


STAND_IN_VARIANTS = {
    "dbrx": "dbrx-default-kv-heads",
    "jetmoe": "jetmoe-moa",
    "longcat_flash": "longcat-flash",
    "qwen4_exp_text": "qwen4-exp-text-ple",  # indexer keys and PLE state beside K/V
}


@pytest.mark.parametrize("model_type", sorted(STAND_INS))
def test_meta_stand_in_is_needed_and_leaves_the_cache_as_it_is(model_type: str) -> None:
    """On the CPU, where the real routing runs, the stand-in caches the same geometry; on meta
    the real routing fails (so the swap is needed); the class gets its forward back after."""
    module, name, _ = STAND_INS[model_type]
    cls = getattr(importlib.import_module(module), name)
    original = cls.forward
    config = make_config(BY_ID[STAND_IN_VARIANTS[model_type]])
    real = _read_truth(build_model(config), config, "cpu")
    with meta_stand_ins(model_type):
        assert cls.forward is not original
        stood_in = _read_truth(build_model(config), config, "cpu")
    assert cls.forward is original
    assert geometry(stood_in) == geometry(real) and len(real) == config.num_hidden_layers
    # what else the cache holds (indexer keys, per-sequence state) is left as it is too
    assert [(t.extra_keys, t.state) for t in stood_in] == [(t.extra_keys, t.state) for t in real]
    with pytest.raises(NotImplementedError):
        _read_truth(build_model(config, device="meta"), config, "meta")


# Sparse-attention (DSA) families at their full-size defaults: layers whose indexer runs, by hand
INDEXED_DEFAULTS = {
    "deepseek_v32": (61, list(range(61))),
    "glm_moe_dsa": (78, list(range(78))),  # index_topk_freq 1: every layer runs it
    "axk2": (48, list(range(48))),
    "hy_v4": (34, [0, *range(1, 34, 4)]),  # layer 0, then every 4th from layer 1
}


@pytest.mark.parametrize("model_type", sorted(INDEXED_DEFAULTS))
def test_indexer_keys_at_full_size_defaults(model_type: str) -> None:
    """transformers' full-size default model (shapes only) caches one 128-wide indexer key head
    on exactly the layers that run the indexer; kvarch says the same and counts its bytes."""
    from transformers import AutoConfig

    count, indexed = INDEXED_DEFAULTS[model_type]
    truth = cache_truth(AutoConfig.for_model(model_type), device="meta")
    assert [t.index for t in truth if t.extra_keys] == indexed
    assert {t.extra_keys for t in truth if t.extra_keys} == {(("indexer", 1, 128),)}
    layout = kvarch.inspect({"model_type": model_type}, dtype=DType.bfloat16)
    assert mismatches(truth, layout.layers) == []
    kv = sum(t.num_kv_heads * (t.k_head_dim + t.v_head_dim) for t in truth)
    assert layout.bytes_per_token == 2 * (kv + 128 * len(indexed)) and len(truth) == count


# MiniMax-M3's text tower as its serving tests quote it (tests/fixtures/configs/README.md, row
# minimax_m3_vl_text, ids 70502175328 and 65867163177): 6144 wide, 60 layers of 64 heads of 128
# (4 KV heads), 3 dense layers then MoE, and the indexer in the checkpoint's form: one 128-wide
# key per token on the layers sparse_attention_freq marks (the MoE layers in the M3 quote).
M3_FREQ = [0] * 3 + [1] * 57
MINIMAX_M3_TEXT = {
    "hidden_size": 6144,
    "num_hidden_layers": 60,
    "num_attention_heads": 64,
    "num_key_value_heads": 4,
    "head_dim": 128,
    "moe_layer_freq": M3_FREQ,
    "sparse_attention_config": {
        "use_sparse_attention": True,
        "sparse_index_dim": 128,
        "sparse_num_index_heads": 4,
        "sparse_topk_blocks": 16,
        "sparse_block_size": 128,
        "sparse_attention_freq": M3_FREQ,
        "sparse_local_block": 1,
    },
}


def test_minimax_m3_indexer_keys_at_full_size_in_the_checkpoint_form() -> None:
    """transformers' full-size MiniMax-M3 text model (shapes only) caches a 128-wide indexer
    key on its 57 sparse layers; kvarch reads them from ``sparse_attention_config`` and counts
    them: 137,472 bytes per token in bf16 against the K/V's 122,880 (+11.9 %)."""
    from transformers import AutoConfig

    config = AutoConfig.for_model("minimax_m3_vl_text", **MINIMAX_M3_TEXT)
    truth = cache_truth(config, device="meta")
    assert [t.index for t in truth if t.extra_keys] == list(range(3, 60))
    assert {t.extra_keys for t in truth if t.extra_keys} == {(("indexer", 1, 128),)}
    for source in (config, {"model_type": "minimax_m3_vl_text", **MINIMAX_M3_TEXT}):
        layout = kvarch.inspect(source, dtype=DType.bfloat16)
        assert mismatches(truth, layout.layers) == []
        assert layout.bytes_per_token == 60 * 2 * 4 * 128 * 2 + 57 * 128 * 2 == 137472
    dense = {k: v for k, v in MINIMAX_M3_TEXT.items() if k != "sparse_attention_config"}
    plain = kvarch.inspect({"model_type": "minimax_m3_vl_text", **dense}, dtype=DType.bfloat16)
    assert plain.bytes_per_token == 122880  # no indexer: every layer full attention only


# --- kvarch's schemas against the truth ------------------------------------------------------


def _schema_partition() -> tuple[list[Variant], list[Variant], str | None]:
    """(variants a schema serves, variants none serves, why generated cannot say)."""
    try:
        import generated

        resolve, unknown = generated.resolve, generated.UnknownArchitectureError
    except (ImportError, AttributeError) as exc:
        return [], [], f"generated cannot resolve configs yet: {exc!r}"
    covered, uncovered = [], []
    for variant in available_variants():
        try:  # the config.json form: collecting must not build configs (they may fail)
            resolve({"model_type": variant.model_type, **variant.kwargs})
        except unknown:
            uncovered.append(variant)
        else:
            covered.append(variant)
    return covered, uncovered, None


COVERED, UNCOVERED, GENERATED_MISSING = _schema_partition()


def _sources(variant: Variant) -> list[tuple[str, Any]]:
    """The same model as a PretrainedConfig and as the minimal config.json a user writes."""
    return [
        ("config", make_config(variant)),
        ("config.json", {"model_type": variant.model_type, **variant.kwargs}),
    ]


@pytest.mark.parametrize(
    "variant",
    COVERED or [None],
    ids=[v.id for v in COVERED] or ["no-generated-schemas"],
)
def test_schema_matches_transformers_cache(variant: Variant | None) -> None:
    if variant is None:
        pytest.fail(GENERATED_MISSING or "no generated schema serves any catalogue variant")
    truth = cache_truth(make_config(variant))
    for source, config in _sources(variant):
        specs = kvarch.inspect(config).layers
        diff = mismatches(truth, specs)
        assert diff == [], f"{variant.id} from {source}:\n" + "\n".join(diff)


def test_schema_coverage_report(capsys: pytest.CaptureFixture[str]) -> None:
    """Prints the catalogue families no schema serves yet (they are not compared above)."""
    families = sorted({v.model_type for v in UNCOVERED})
    with capsys.disabled():
        print(
            f"\noracle coverage: {len({v.model_type for v in COVERED})} families with schemas, "
            f"{len(families)} without: {', '.join(families) or '-'}"
        )
    assert len(COVERED) + len(UNCOVERED) == len(available_variants()) or GENERATED_MISSING


def _covered_fixtures() -> list[str]:
    try:
        import generated

        resolve, unknown = generated.resolve, generated.UnknownArchitectureError
    except (ImportError, AttributeError):
        return []
    names = []
    for name in sorted(CHECKPOINTS):
        try:
            resolve(fixture_dict(name))
        except unknown:
            continue
        names.append(name)
    return names


@pytest.mark.parametrize("name", _covered_fixtures() or ["no-generated-schemas"])
def test_schema_matches_checkpoint(name: str) -> None:
    """kvarch on a published config.json equals transformers' full-size cache."""
    if name not in CHECKPOINTS:
        pytest.fail(GENERATED_MISSING or "no generated schema serves any checkpoint fixture")
    truth = fixture_truth(name)
    heads = BROADCAST_ON_META.get(name)
    if heads is not None:
        truth = [dataclasses.replace(t, num_kv_heads=CHECKPOINTS[name][0][0][2]) for t in truth]
    layout = kvarch.inspect(fixture_dict(name), dtype=DType.bfloat16)
    diff = mismatches(truth, layout.layers)
    assert diff == [], f"{name}:\n" + "\n".join(diff)
    assert layout.bytes_per_token == CHECKPOINTS[name][1]  # e.g. Llama-3-8B: 131072
    # per-sequence state, layer by layer in the dtype transformers keeps it, and by hand
    assert [s.state_bytes(DType.bfloat16) for s in layout.layers] == [t.state_bytes for t in truth]
    assert layout.state_bytes_per_sequence == STATE.get(name, 0)  # Jamba-v0.1: 15.75 MiB
    # cross-attention K/V per sequence at the encoder length, by hand (Whisper-tiny: 8.8 MiB)
    (heads, k, v), encoder_len = CROSS.get(name, ((0, 0, 0), 0))
    assert layout.encoder_len == encoder_len
    assert layout.cross_bytes_per_sequence == 2 * len(truth) * heads * (k + v) * encoder_len


def test_mla_serving_latent_holds_what_transformers_caches() -> None:
    """docs/mla.md: KVCacheParams' latent (kv_dim 1, one head of K + V dims) is view 1."""
    import generated

    truth = cache_truth(fixture_config("deepseek-v3"), device="meta")
    arch = generated.from_hf_config(fixture_dict("deepseek-v3"), dtype=DType.bfloat16)
    params = arch.get_kv_params()
    assert isinstance(params, KVCacheParams)  # one group: every layer is the same latent
    assert params.is_mla and params.kv_dim == 1 and params.n_kv_heads == 1
    assert params.head_dim == truth[0].k_head_dim + truth[0].v_head_dim == 576
    assert params.num_layers == len(truth) == 61
    assert params.bytes_per_token == CHECKPOINTS["deepseek-v3"][1] == 70272


# --- random llama-style geometries against the schemas ---------------------------------------

# Families whose configs take llama-style fields plus an optional sliding window.
RANDOM_FAMILIES = ("llama", "mistral", "qwen2", "qwen3", "gemma2", "phi3", "starcoder2", "olmo3")
RANDOM_COVERED = [
    f for f in RANDOM_FAMILIES if not GENERATED_MISSING and f in {v.model_type for v in COVERED}
]


@st.composite
def llama_geometry(draw: st.DrawFn) -> dict[str, Any]:
    """Heads, KV heads dividing them, an explicit head_dim or none, 1-5 layers, a window."""
    kv_heads = draw(st.sampled_from([1, 2, 4]))
    heads = kv_heads * draw(st.sampled_from([1, 2, 3]))
    fields: dict[str, Any] = {
        "num_hidden_layers": draw(st.integers(1, 5)),
        "num_attention_heads": heads,
        "num_key_value_heads": kv_heads,
        "hidden_size": heads * 8,
    }
    if draw(st.booleans()):
        fields["head_dim"] = draw(st.sampled_from([8, 12, 16]))
    fields["sliding_window"] = draw(st.sampled_from([None, 3, 6]))
    return fields


@pytest.mark.parametrize("family", RANDOM_COVERED or ["no-generated-schemas"])
@settings(max_examples=8, deadline=None, derandomize=True, database=None)
@given(fields=llama_geometry())
def test_random_geometry_matches_transformers(family: str, fields: dict[str, Any]) -> None:
    """kvarch equals transformers' cache on randomly drawn head/layer/window geometries."""
    if family not in RANDOM_FAMILIES:
        pytest.fail(GENERATED_MISSING or "no generated schema serves a llama-style family")
    from transformers import AutoConfig

    if family == "llama":  # no window field (transformers would still slide its cache)
        del fields["sliding_window"]
    elif family in ("qwen2", "qwen3"):
        fields["use_sliding_window"] = fields["sliding_window"] is not None
        fields["max_window_layers"] = 1
    if family in ("gemma2", "olmo3") and fields.get("sliding_window", 0) is None:
        fields["sliding_window"] = 4  # these families always have a window
    if family == "gemma2":
        fields.setdefault("head_dim", 16)  # gemma2's default head_dim (256) is not tiny
    kwargs = llama_like(**fields)
    config = AutoConfig.for_model(family, **kwargs)
    truth = cache_truth(config)
    for source, cfg in (("config", config), ("config.json", {"model_type": family, **kwargs})):
        diff = mismatches(truth, kvarch.inspect(cfg).layers)
        assert diff == [], f"{family} {fields} from {source}:\n" + "\n".join(diff)


def test_looped_layers_keep_a_cache_slot_per_pass() -> None:
    """Dory per_loop: passes 2 and 3 through recurrent layers 1-3 write slots 5-10."""
    s, f = ("sliding", 5, 2, 16, 16), ("full", None, 2, 16, 16)
    assert geometry(truth_of("dory-per-loop")) == [s, s, s, f, s] + [s, s, f] * 2
    assert len(truth_of("dory-last-loop")) == 5


def test_zero_initialised_key_scale_is_drawn_at_random() -> None:
    """ZAYA's per-head key scale starts at 0 (constant keys): the harness redraws zero weights."""
    full, sliding = ("full", None, 2, 24, 24), ("sliding", 5, 2, 24, 24)
    assert geometry(truth_of("zaya-sliding")) == [full, sliding] * 2


def test_xmod_adapter_languages_change_the_count_not_the_cache() -> None:
    """xmod-base.json keeps XmodConfig's one language (README: the checkpoint has 81); with 81
    adapters per layer transformers caches the same K/V and kvarch says the same, while the
    count grows by 80 adapters a layer (the codes here are placeholders, not the checkpoint's)."""
    from kvarch.params import count_params

    many = {**fixture_dict("xmod-base"), "languages": [f"l{i}" for i in range(81)]}
    config = fixture_config("xmod-base")
    config.languages, config.default_language = many["languages"], "l0"
    assert geometry(cache_truth(config, device="cpu")) == geometry(fixture_truth("xmod-base"))
    assert kvarch.inspect(many).layers == kvarch.inspect(fixture_dict("xmod-base")).layers
    adapter = 2 * 768 * 384 + 384 + 768  # dense1, dense2 and their biases
    grown = count_params(many).total - count_params(fixture_dict("xmod-base")).total
    assert grown == 80 * 12 * adapter
