"""Per-sequence recurrent state: what kvarch declares per layer equals the conv and recurrent
tensors transformers' cache holds after a forward pass (tiny models on CPU, and the full-size
defaults as shapes only on meta), and the per-sequence bytes equal a hand count."""

from __future__ import annotations

import pytest

import kvarch
from kvarch.dtype import DType
from tests.oracle.compare import mismatches
from tests.oracle.truth import cache_truth
from tests.oracle.variants import VARIANTS, Variant, make_config

#: Family -> tensors each stateful layer keeps (conv windows, then recurrent states) and which
#: layers keep them: "none" the KV-less (Mamba, linear-attention, RG-LRU) layers, "all" every
#: layer (a mixer or short convolutions beside attention), "mamba" the layers whose block is
#: Mamba2 (linear_attention / M).
STATE_FAMILIES = {
    "bailing_hybrid": (2, "none"),  # KDA: conv window over q, k, v; a matrix per head
    "bamba": (2, "none"),
    "falcon_h1": (2, "all"),
    "granitemoehybrid": (2, "none"),
    "inkling2_loop_text": (4, "all"),  # k, v, pre-attention and pre-MLP short convolutions
    "inkling2_text": (4, "all"),
    "inkling_text": (4, "all"),
    "jamba": (2, "none"),
    "kimi_linear": (2, "none"),
    "lara_mini": (2, "none"),
    "lfm2": (1, "none"),  # a short convolution's window
    "lfm2_moe": (1, "none"),
    "lfm3": (1, "none"),
    "minimax": (1, "none"),  # K^T V per head
    "nemotron_h": (2, "mamba"),  # Mamba2 blocks only: MoE and MLP blocks keep nothing
    "olmo_hybrid": (2, "none"),
    "qwen3_next": (2, "none"),
    "qwen4_exp_text": (2, "none"),
    "recurrent_gemma": (2, "none"),
    "zamba": (2, "all"),  # hybrid layers run a Mamba mixer after the shared attention block
    "zamba2": (2, "all"),
    "zaya": (2, "all"),  # CCA: q/k conv window, the last token's delayed value
}
# Qwen3.5 (text, MoE and the VLMs' text) extends qwen3_next and inherits its declaration.
INHERITED = {
    t: STATE_FAMILIES["qwen3_next"]
    for t in ("qwen3_5", "qwen3_5_moe", "qwen3_5_moe_text", "qwen3_5_text")
}
TENSORS = {**STATE_FAMILIES, **INHERITED}
#: Variants whose layers at these indices keep more tensors, and how many of their elements are
#: int64 (8 bytes): Qwen4-Exp's PLE layer adds its dilated convolution's window and the
#: ngram_size - 1 token ids its n-gram hash reads next.
MORE_TENSORS = {"qwen4-exp-text-ple": ({1: 4}, 3 - 1)}
#: Variants with attention on every layer (LFM2 without full_attn_idxs): no state at all.
ALL_ATTENTION = {"lfm2"}
STATEFUL = [v for v in VARIANTS if v.model_type in TENSORS]


def test_every_state_family_has_tiny_variants() -> None:
    assert sorted({v.model_type for v in STATEFUL}) == sorted(TENSORS)


@pytest.mark.parametrize("variant", STATEFUL, ids=[v.id for v in STATEFUL])
def test_declared_state_equals_the_tensors_transformers_keeps(variant: Variant) -> None:
    truth = cache_truth(make_config(variant))
    layout = kvarch.inspect(make_config(variant))
    assert mismatches(truth, layout.layers) == []
    # the layers that hold state hold all of it (so the comparison above is not vacuous)
    tensors, where = TENSORS[variant.model_type]
    config = make_config(variant)
    blocks = getattr(config, "layers_block_type", None) or getattr(config, "layer_types", ())
    mamba = {i for i, b in enumerate(blocks) if b == "linear_attention"}
    keeps = {"all": lambda t: True, "none": lambda t: t.kind == "none"}.get(
        where, lambda t: t.index in mamba
    )
    mixers = [t for t in truth if keeps(t)]
    assert bool(mixers) != (variant.id in ALL_ATTENTION)
    more, int64 = MORE_TENSORS.get(variant.id, ({}, 0))
    assert all(len(t.state) == more.get(t.index, tensors) for t in mixers)
    assert all(not t.state for t in truth if t not in mixers)
    # the tiny models run in float32: every tensor is 4 bytes an element (int64 ids 8)
    as_run = kvarch.inspect(make_config(variant), dtype=DType.float32)
    assert as_run.state_bytes_per_sequence == sum(t.state_bytes for t in truth)
    elements = sum(_elements(t.state) for t in truth)
    assert sum(t.state_bytes for t in truth) == 4 * elements + 4 * int64


# Full-size class defaults, shapes only: (layers with state, elements per sequence), by hand
DEFAULTS = {
    "jamba": (
        28,
        28 * (2 * 4096 * 4 + 2 * 4096 * 16),
    ),  # expand 2 x hidden 4096; d_conv 4, d_state 16
    "falcon_h1": (32, 32 * ((1024 + 2 * 256) * 4 + 128 * 8 * 256)),  # d_ssm 1024 over 128 heads
    # lru_width = hidden 2560; conv window 4 - 1; block pattern R R A over 26 layers
    "recurrent_gemma": (18, 18 * (2560 * 3 + 2560)),
    "qwen3_next": (36, 36 * ((2 * 16 * 128 + 32 * 128) * 4 + 32 * 128 * 128)),  # 1 in 4 full
    # 76 layers; inner 2 x 3712 over 2 heads; d_conv 4, d_state 16
    "zamba": (76, 76 * (7424 * 4 + 2 * 3712 * 16)),
    # 54 layers; inner 2 x 2560 over 8 heads, one group, d_conv 4, d_state 64
    "zamba2": (54, 54 * ((5120 + 2 * 64) * 4 + 8 * 640 * 64)),
    # 40 layers; (8 + 2 heads) x 128 over a window of 2 + 2 - 2; half of 2 x 128 value widths
    "zaya": (40, 40 * (10 * 128 * 2 + 128)),
    # odd layers of 32 lightning: 32 heads of K^T V, 128 x 128
    "minimax": (16, 16 * 32 * 128 * 128),
    # one M block of M E * -: 128 heads x 64, 8 groups, d_state 128, d_conv 4
    "nemotron_h": (1, (128 * 64 + 2 * 8 * 128) * 4 + 128 * 64 * 128),
    # 21 of 27 KDA (MLA on 4, 8, ..., 24): 32 heads x 128, q/k/v conv window 4
    "kimi_linear": (21, 21 * (3 * 32 * 128 * 4 + 32 * 128 * 128)),
    "bailing_hybrid": (35, 35 * (3 * 32 * 128 * 4 + 32 * 128 * 128)),  # 1 in 6 of 42 MLA
    # 24 of 32; 30 heads, key width 0.75 x 3840 / 30 = 96, value width 192
    "olmo_hybrid": (24, 24 * ((2 * 30 * 96 + 30 * 192) * 4 + 30 * 96 * 192)),
    # 14 of 34 (i % 5 in 0, 2); 8 key heads, 16 value heads of 128
    "lara_mini": (14, 14 * ((2 * 8 * 128 + 16 * 128) * 4 + 16 * 128 * 128)),
    "lfm3": (13, 13 * 2048 * 7),  # 13 of 24 convolution layers; hidden 2048, L_cache 7
    # 66 layers, 1 in 6 full (KV 8 x 128) else sliding (16 x 128); k, v, attn, mlp convs of 4
    "inkling_text": (
        66,
        11 * (2 * 1024 + 2 * 6144) * 4 + 55 * (2 * 2048 + 2 * 6144) * 4,
    ),
}


@pytest.mark.parametrize("model_type", sorted(DEFAULTS))
def test_state_at_full_size_defaults(model_type: str) -> None:
    from transformers import AutoConfig

    layers, elements = DEFAULTS[model_type]
    config = AutoConfig.for_model(model_type)
    truth = cache_truth(config, device="meta")
    assert sum(1 for t in truth if t.state) == layers
    assert sum(_elements(t.state) for t in truth) == elements
    layout = kvarch.inspect(config, dtype=DType.bfloat16)
    assert mismatches(truth, layout.layers) == []  # layer by layer, every shape
    # and every layer's bytes: SSM / recurrent states in float32, conv windows in bfloat16
    # (Inkling's in float32 too), as transformers keeps them
    assert [s.state_bytes(DType.bfloat16) for s in layout.layers] == [t.state_bytes for t in truth]
    assert layout.state_bytes_per_sequence == sum(t.state_bytes for t in truth)


def _elements(shapes: tuple[tuple[int, ...], ...]) -> int:
    total = 0
    for shape in shapes:
        n = 1
        for d in shape:
            n *= d
        total += n
    return total
