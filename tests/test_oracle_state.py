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

STATE_FAMILIES = (
    "bamba",
    "falcon_h1",
    "granitemoehybrid",
    "jamba",
    "qwen3_next",
    "recurrent_gemma",
)
# Qwen3.5 (text, MoE and the VLMs' text) extends qwen3_next and inherits its declaration.
INHERITED = ("qwen3_5", "qwen3_5_moe", "qwen3_5_moe_text", "qwen3_5_text")
STATEFUL = [v for v in VARIANTS if v.model_type in STATE_FAMILIES + INHERITED]


def test_every_state_family_has_tiny_variants() -> None:
    assert sorted({v.model_type for v in STATEFUL}) == sorted(STATE_FAMILIES + INHERITED)


@pytest.mark.parametrize("variant", STATEFUL, ids=[v.id for v in STATEFUL])
def test_declared_state_equals_the_tensors_transformers_keeps(variant: Variant) -> None:
    truth = cache_truth(make_config(variant))
    layout = kvarch.inspect(make_config(variant))
    assert mismatches(truth, layout.layers) == []
    # every Mamba / linear-attention layer holds state (so the comparison above is not vacuous)
    mixers = [t for t in truth if t.kind == "none" or variant.model_type == "falcon_h1"]
    assert mixers and all(len(t.state) == 2 for t in mixers)  # conv, then SSM / recurrent
    elements = sum(_elements(t.state) for t in truth)
    assert layout.state_bytes_per_sequence == DType.bfloat16.nbytes(elements)


# Full-size class defaults, shapes only: (layers with state, elements per layer), by hand
DEFAULTS = {
    "jamba": (28, 2 * 4096 * 4 + 2 * 4096 * 16),  # expand 2 x hidden 4096; d_conv 4, d_state 16
    "falcon_h1": (32, (1024 + 2 * 256) * 4 + 128 * 8 * 256),  # d_ssm 1024 over 128 heads
    # lru_width = hidden 2560; conv window 4 - 1; block pattern R R A over 26 layers
    "recurrent_gemma": (18, 2560 * 3 + 2560),
    "qwen3_next": (36, (2 * 16 * 128 + 32 * 128) * 4 + 32 * 128 * 128),  # 48 layers, 1 in 4 full
}


@pytest.mark.parametrize("model_type", sorted(DEFAULTS))
def test_state_at_full_size_defaults(model_type: str) -> None:
    from transformers import AutoConfig

    layers, per_layer = DEFAULTS[model_type]
    config = AutoConfig.for_model(model_type)
    truth = cache_truth(config, device="meta")
    assert sum(1 for t in truth if t.state) == layers
    assert {_elements(t.state) for t in truth if t.state} == {per_layer}
    layout = kvarch.inspect(config, dtype=DType.bfloat16)
    assert mismatches(truth, layout.layers) == []
    assert layout.state_bytes_per_sequence == 2 * layers * per_layer


def _elements(shapes: tuple[tuple[int, ...], ...]) -> int:
    total = 0
    for shape in shapes:
        n = 1
        for d in shape:
            n *= d
        total += n
    return total
