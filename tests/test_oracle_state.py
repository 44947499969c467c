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
#: layer (a mixer or short convolutions beside attention).
STATE_FAMILIES = {
    "bamba": (2, "none"),
    "falcon_h1": (2, "all"),
    "granitemoehybrid": (2, "none"),
    "inkling2_loop_text": (4, "all"),  # k, v, pre-attention and pre-MLP short convolutions
    "inkling2_text": (4, "all"),
    "inkling_text": (4, "all"),
    "jamba": (2, "none"),
    "minimax": (1, "none"),  # K^T V per head
    "qwen3_next": (2, "none"),
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
    mixers = [t for t in truth if where == "all" or t.kind == "none"]
    assert mixers and all(len(t.state) == tensors for t in mixers)
    assert all(not t.state for t in truth if t not in mixers)
    elements = sum(_elements(t.state) for t in truth)
    assert layout.state_bytes_per_sequence == DType.bfloat16.nbytes(elements)


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
    assert layout.state_bytes_per_sequence == 2 * elements


def _elements(shapes: tuple[tuple[int, ...], ...]) -> int:
    total = 0
    for shape in shapes:
        n = 1
        for d in shape:
            n *= d
        total += n
    return total
