"""Catalogue variants of the Llama relatives (Mistral, Qwen2, Gemma, Granite, Cohere, OLMo, GLM,
Phi-3, EXAONE): ≥ 2 per family, beyond those in ``variants.py``.

They exercise what each family's schema must get right: explicit head_dim (and families that
ignore it), MQA/GQA/MHA, per-layer patterns and their parameters, explicit nulls (a null
``num_key_value_heads`` / ``sliding_window`` / ``head_dim`` means something else than absent).
"""

from __future__ import annotations

from typing import Any

from tests.oracle.variants import SSSF, SW4, Variant, llama_like, moe

__all__ = ["VARIANTS_LLAMA_RELATIVES"]

SSSFSS = [*SSSF, "sliding_attention", "sliding_attention"]
FSSS = ["full_attention", *SSSF[:3]]


def _v(id: str, model_type: str, kwargs: dict[str, Any], note: str = "") -> Variant:
    return Variant(id=id, model_type=model_type, kwargs=kwargs, note=note)


def _experts(**overrides: Any) -> dict[str, Any]:
    """A llama-like MoE with 2 experts under both common field names."""
    return moe(num_local_experts=2, **overrides)


def _compass_rope(half: int) -> dict[str, Any]:
    """Cohere Compass's per-layer-type rope parameters (axial sections summing to head_dim/2)."""
    sections = [half, half // 2, half // 2]
    params = {"rope_type": "default", "rope_theta": 10000.0, "mrope_section": sections}
    return {t: dict(params) for t in ("full_attention", "sliding_attention")}


VARIANTS_LLAMA_RELATIVES: list[Variant] = [
    # --- mistral relatives ----------------------------------------------------------------
    _v(
        "mixtral-mqa-head-dim",
        "mixtral",
        _experts(num_key_value_heads=1, head_dim=24, sliding_window=5),
        "MQA, explicit head_dim, every layer sliding",
    ),
    _v(
        "ministral-mqa-types",
        "ministral",
        llama_like(sliding_window=6, layer_types=FSSS, num_key_value_heads=1, head_dim=32),
    ),
    _v("ministral3-window", "ministral3", llama_like(sliding_window=5, head_dim=16)),
    _v(
        "ministral3-default-head-dim",
        "ministral3",
        llama_like(num_key_value_heads=1),
        "head_dim absent → 128 ≠ hidden/heads",
    ),
    _v("phimoe-window-mqa", "phimoe", _experts(sliding_window=5, num_key_value_heads=1)),
    _v(
        "starcoder2-head-dim",
        "starcoder2",
        llama_like(sliding_window=5, head_dim=24, num_key_value_heads=1),
    ),
    # --- qwen -----------------------------------------------------------------------------
    _v(
        "qwen2-window-null",
        "qwen2",
        llama_like(use_sliding_window=True, sliding_window=None, max_window_layers=1),
        "use_sliding_window with a null window → full attention",
    ),
    _v(
        "qwen2-moe-window",
        "qwen2_moe",
        moe(
            num_experts=2,
            shared_expert_intermediate_size=32,
            use_sliding_window=True,
            sliding_window=5,
            max_window_layers=3,
        ),
        "even layers below max_window_layers slide",
    ),
    _v(
        "qwen2-moe-mqa-off",
        "qwen2_moe",
        moe(
            num_experts=2,
            shared_expert_intermediate_size=32,
            num_key_value_heads=1,
            use_sliding_window=False,
            sliding_window=5,
        ),
        "use_sliding_window false: saved window 0, every layer full",
    ),
    _v(
        "qwen3-moe-window",
        "qwen3_moe",
        moe(num_experts=2, head_dim=24, use_sliding_window=True, sliding_window=5),
        "every layer slides when use_sliding_window",
    ),
    # --- gemma, glm -----------------------------------------------------------------------
    _v("gemma-gqa", "gemma", llama_like(head_dim=24, hidden_activation="gelu_pytorch_tanh")),
    _v("glm4-mqa", "glm4", llama_like(head_dim=24, num_key_value_heads=1)),
    _v("glm-head-dim", "glm", llama_like(head_dim=32)),
    _v("glm-mha", "glm", llama_like(head_dim=16, num_key_value_heads=4)),
    _v(
        "glm4-moe-head-dim",
        "glm4_moe",
        llama_like(
            head_dim=24,
            n_routed_experts=2,
            num_experts_per_tok=1,
            moe_intermediate_size=32,
            first_k_dense_replace=1,
        ),
    ),
    _v(
        "glm4-moe-mqa",
        "glm4_moe",
        llama_like(
            num_key_value_heads=1,
            n_routed_experts=2,
            num_experts_per_tok=1,
            moe_intermediate_size=32,
        ),
        "head_dim absent → hidden/heads",
    ),
    # --- granite --------------------------------------------------------------------------
    _v("granitemoe-mqa", "granitemoe", _experts(num_key_value_heads=1)),
    _v(
        "granitemoeshared-mha",
        "granitemoeshared",
        _experts(shared_intermediate_size=32, num_key_value_heads=4),
    ),
    _v("granite-swa", "granite_swa", llama_like(sliding_window=5), "layer 0 and every 4th full"),
    _v(
        "granite-swa-types",
        "granite_swa",
        llama_like(sliding_window=5, layer_types=SSSF, num_key_value_heads=1),
    ),
    _v("granitemoe-swa", "granitemoe_swa", _experts(sliding_window=5, num_hidden_layers=6)),
    _v(
        "granitemoe-swa-types",
        "granitemoe_swa",
        _experts(sliding_window=6, layer_types=SW4, head_dim=24),
    ),
    # --- cohere ---------------------------------------------------------------------------
    _v("cohere-head-dim", "cohere", llama_like(head_dim=24, num_key_value_heads=1)),
    _v(
        "cohere2-pattern-kwarg",
        "cohere2",
        llama_like(sliding_window=5, sliding_window_pattern=2),
        "older configs: sliding_window_pattern instead of layer_types",
    ),
    _v(
        "cohere2-head-dim",
        "cohere2",
        llama_like(sliding_window=5, head_dim=8),
        "an explicit head_dim wins over the hidden / heads the config class sets",
    ),
    _v(
        "cohere-compass",
        "cohere_compass_text",
        llama_like(rope_parameters=_compass_rope(4)),
        "full attention by default",
    ),
    _v(
        "cohere-compass-types",
        "cohere_compass_text",
        llama_like(
            sliding_window=5, layer_types=SSSF, head_dim=8, rope_parameters=_compass_rope(2)
        ),
        "per-layer kinds; explicit head_dim",
    ),
    _v(
        "cohere2-moe",
        "cohere2_moe",
        llama_like(
            num_hidden_layers=6,
            sliding_window=5,
            sliding_window_pattern=3,
            prefix_dense_sliding_window_pattern=2,
            first_k_dense_replace=2,
            head_dim=16,
            num_experts=2,
            num_experts_per_tok=1,
            moe_intermediate_size=32,
        ),
        "dense prefix with its own period, then the MoE period",
    ),
    _v(
        "cohere2-moe-types",
        "cohere2_moe",
        llama_like(
            sliding_window=5,
            layer_types=FSSS,
            head_dim=24,
            num_key_value_heads=1,
            num_experts=2,
            num_experts_per_tok=1,
            moe_intermediate_size=32,
        ),
    ),
    # --- olmo -----------------------------------------------------------------------------
    _v("olmo-mqa", "olmo", llama_like(num_key_value_heads=1)),
    _v("olmo2-head-dim", "olmo2", llama_like(head_dim=24)),
    _v(
        "olmo3-default-pattern",
        "olmo3",
        llama_like(num_hidden_layers=6, sliding_window=5),
        "no layer_types: every 4th layer full",
    ),
    _v("olmoe-mha", "olmoe", moe(num_experts=2, num_key_value_heads=None)),
    _v("flex-olmo-mqa", "flex_olmo", moe(num_experts=2, num_key_value_heads=1)),
    # --- exaone ---------------------------------------------------------------------------
    _v(
        "exaone4-pattern-2",
        "exaone4",
        llama_like(sliding_window=5, sliding_window_pattern=2, head_dim=24),
    ),
    _v(
        "exaone-moe",
        "exaone_moe",
        moe(num_experts=2, sliding_window=5, sliding_window_pattern=4, first_k_dense_replace=1),
    ),
    _v(
        "exaone-moe-types",
        "exaone_moe",
        moe(num_experts=2, sliding_window=6, layer_types=SW4, num_key_value_heads=1),
    ),
    _v("exaone-mqa", "exaone", llama_like(num_key_value_heads=1, head_dim=24)),
    # --- other llama-likes ----------------------------------------------------------------
    _v("helium-mqa", "helium", llama_like(head_dim=16, num_key_value_heads=1)),
    _v(
        "stablelm-mqa",
        "stablelm",
        llama_like(num_key_value_heads=1),
    ),
    _v("nemotron-head-dim", "nemotron", llama_like(head_dim=24, num_key_value_heads=1)),
    _v("arcee-head-dim", "arcee", llama_like(head_dim=24, num_key_value_heads=1)),
    _v("apertus-mqa", "apertus", llama_like(num_key_value_heads=1, head_dim=24)),
    _v("apertus1p5", "apertus1p5_text", llama_like()),
    _v("apertus1p5-head-dim", "apertus1p5_text", llama_like(head_dim=24)),
]
VARIANTS_LLAMA_RELATIVES += [
    _v(
        "smollm3-no-rope-list",
        "smollm3",
        llama_like(use_sliding_window=True, sliding_window=5, no_rope_layers=[0, 1, 0, 1]),
        "the NoPE layers (no_rope_layers 0) slide",
    ),
    _v(
        "smollm3-window-off",
        "smollm3",
        llama_like(use_sliding_window=False, sliding_window=5, no_rope_layers=[0, 1, 0, 1]),
        "use_sliding_window false: every layer full",
    ),
]

QWEN4_EXP_TEXT = llama_like(
    head_dim=16,
    linear_key_head_dim=8,
    linear_value_head_dim=8,
    linear_num_key_heads=2,
    linear_num_value_heads=4,
    num_experts=2,
    num_experts_per_tok=1,
    moe_intermediate_size=32,
    shared_expert_intermediate_size=32,
    ngram_vocab_size_base=256,
    hc_lowrank=8,
    indexer_n_heads=2,
    indexer_kv_heads=1,
    indexer_head_dim=16,
    indexer_budget=4,
    indexer_compress_ratio=2,
)
"""A tiny Qwen4-Exp text model (transformers needs the QSA indexer fields to build one)."""
QWEN4_EXP_VISION = {
    "depth": 1,
    "hidden_size": 32,
    "intermediate_size": 32,
    "num_heads": 2,
    "out_hidden_size": 64,
    "num_position_embeddings": 16,
}

VARIANTS_LLAMA_RELATIVES += [
    _v(
        "qwen4-exp-text-interval",
        "qwen4_exp_text",
        {**QWEN4_EXP_TEXT, "full_attention_interval": 2},
        "linear-attention layers keep no KV; every 2nd layer indexed full attention",
    ),
    _v(
        "qwen4-exp-text-types",
        "qwen4_exp_text",
        {
            **QWEN4_EXP_TEXT,
            "num_key_value_heads": 1,
            "layer_types": ["indexed_attention", *["linear_attention"] * 2, "indexed_attention"],
        },
    ),
    _v(
        "qwen4-exp-text-ple",
        "qwen4_exp_text",
        {**QWEN4_EXP_TEXT, "ple_layer_ids": [2], "eos_token_id": 1},
        "layer 2 (one-indexed) also keeps its PLE convolution's window and n-gram token ids",
    ),
    _v(
        "qwen4-exp-vlm",
        "qwen4_exp",
        {
            "text_config": {**QWEN4_EXP_TEXT, "full_attention_interval": 2},
            "vision_config": QWEN4_EXP_VISION,
        },
        "VLM: geometry under text_config",
    ),
    _v(
        "qwen4-exp-vlm-types",
        "qwen4_exp",
        {
            "text_config": {
                **QWEN4_EXP_TEXT,
                "layer_types": ["linear_attention", *["indexed_attention"] * 2, "linear_attention"],
            },
            "vision_config": QWEN4_EXP_VISION,
        },
        "VLM with explicit text layer_types",
    ),
]
