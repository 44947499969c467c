"""Catalogue variants of hybrids, where only some layers keep KV.

SSM (Mamba), convolution and linear-attention layers keep a fixed-size state, no per-token KV:
kvarch reports them as ``none``. Each variant moves the attention layers around (periods,
offsets, index lists, layer_types, patterns) and varies the attention geometry (MQA, explicit
head_dim, MLA), so a schema that sizes every layer or reads the wrong field fails.
"""

from __future__ import annotations

from typing import Any

from tests.oracle.variants import MLA, VISION, Variant, _v, llama_like, moe

__all__ = ["VARIANTS_HYBRIDS"]

LIN, FULL, SLIDE = "linear_attention", "full_attention", "sliding_attention"
MAMBA2 = {"mamba_n_heads": 4, "mamba_d_head": 16, "mamba_d_state": 4, "mamba_expand": 1}
MAMBA2_CHUNK = {**MAMBA2, "mamba_chunk_size": 8}
LINEAR = {
    "linear_num_key_heads": 2,
    "linear_num_value_heads": 4,
    "linear_key_head_dim": 8,
    "linear_value_head_dim": 8,
}
QWEN_VISION = {**VISION, "depth": 1, "num_heads": 2, "out_hidden_size": 64}
# Variants' MLA fields, full query projection (q_lora_rank null) and 2 experts.
MLA_E = {**{k: v for k, v in MLA.items() if k != "q_lora_rank"}, "num_experts": 2}


def _jamba(**overrides: Any) -> dict[str, Any]:
    return llama_like(
        num_experts=2,
        expert_layer_period=2,
        expert_layer_offset=1,
        mamba_d_state=4,
        mamba_expand=1,
        mamba_dt_rank=8,
        **overrides,
    )


def _zamba2(**overrides: Any) -> dict[str, Any]:
    return llama_like(**{"mamba_d_state": 4, "n_mamba_heads": 8, "num_mem_blocks": 1, **overrides})


def _qwen_next(**overrides: Any) -> dict[str, Any]:
    return moe(
        num_experts=2, shared_expert_intermediate_size=32, head_dim=16, **LINEAR, **overrides
    )


VARIANTS_HYBRIDS: list[Variant] = [
    # --- jamba: attention every attn_layer_period-th layer from attn_layer_offset ---------
    _v(
        "jamba-mqa-head-dim",
        "jamba",
        _jamba(
            num_hidden_layers=6,
            attn_layer_period=3,
            attn_layer_offset=0,
            num_key_value_heads=1,
            head_dim=24,
        ),
        "attention on layers 0 and 3, MQA, explicit head_dim",
    ),
    _v(
        "jamba-period-4",
        "jamba",
        _jamba(num_hidden_layers=5, attn_layer_period=4, attn_layer_offset=3),
        "one attention layer (3) of 5",
    ),
    # --- bamba: attention on attn_layer_indices ------------------------------------------
    _v(
        "bamba-mqa-head-dim",
        "bamba",
        llama_like(attn_layer_indices=[0], num_key_value_heads=1, head_dim=24, **MAMBA2_CHUNK),
    ),
    _v(
        "bamba-null-kv-heads",
        "bamba",
        llama_like(attn_layer_indices=[1, 2], num_key_value_heads=None, **MAMBA2_CHUNK),
        "explicit null kv heads: one per query head (absent: 8)",
    ),
    # --- zamba2: shared attention blocks on "hybrid" layers ------------------------------
    _v(
        "zamba2-mqa",
        "zamba2",
        _zamba2(
            num_hidden_layers=5,
            layers_block_type=["hybrid", "mamba", "mamba", "hybrid", "mamba"],
            num_key_value_heads=1,
            head_dim=8,
        ),
        "legacy 'mamba' names; an explicit head_dim beats 2 * hidden / heads",
    ),
    _v(
        "zamba2-two-blocks",
        "zamba2",
        _zamba2(layers_block_type=[LIN, "hybrid", "hybrid", LIN], num_mem_blocks=2),
        "two shared blocks alternate over hybrid layers",
    ),
    # --- zamba: hybrid layers at 2, then every attn_layer_period-th after layer 3 -------
    _v(
        "zamba",
        "zamba",
        llama_like(
            num_hidden_layers=7,
            attn_layer_period=2,
            attn_layer_offset=1,
            n_mamba_heads=2,
            mamba_d_state=4,
            mamba_dt_rank=8,
        ),
        "hybrid layers 2, 4, 6",
    ),
    _v(
        "zamba-head-dim-types",
        "zamba",
        llama_like(
            layers_block_type=["mamba", "hybrid", "mamba", "hybrid"],
            attention_head_dim=24,
            num_key_value_heads=4,
            n_mamba_heads=2,
            mamba_d_state=4,
            mamba_dt_rank=8,
        ),
        "explicit layers_block_type and attention_head_dim",
    ),
    # --- falcon_h1: attention and Mamba side by side in every layer ----------------------
    _v(
        "falcon-h1-mqa-head-dim",
        "falcon_h1",
        llama_like(num_key_value_heads=1, head_dim=24, mamba_d_ssm=64, **MAMBA2_CHUNK),
    ),
    _v(
        "falcon-h1-null-kv-heads",
        "falcon_h1",
        llama_like(num_key_value_heads=None, mamba_d_ssm=64, **MAMBA2_CHUNK),
        "explicit null kv heads: one per query head (absent: 8)",
    ),
    # --- granitemoehybrid: layer_types (alias layers_block_type) -------------------------
    _v(
        "granitemoehybrid-mqa",
        "granitemoehybrid",
        moe(
            num_local_experts=2,
            shared_intermediate_size=32,
            layers_block_type=[FULL, LIN, LIN, LIN],
            num_key_value_heads=1,
            position_embedding_type="nope",
            **MAMBA2_CHUNK,
        ),
        "layers_block_type alias; MQA; no rope",
    ),
    # --- lfm2 / lfm2_moe / lfm3: short convolutions keep no KV ---------------------------
    _v(
        "lfm2-full-attn-idxs",
        "lfm2",
        llama_like(full_attn_idxs=[1, 3], num_key_value_heads=1, head_dim=24),
        "attention on full_attn_idxs, MQA, explicit head_dim",
    ),
    _v("lfm2-layer-types", "lfm2", llama_like(layer_types=["conv", "conv", FULL, "conv"])),
    _v(
        "lfm2-moe-mqa-head-dim",
        "lfm2_moe",
        moe(
            num_experts=2,
            num_dense_layers=1,
            num_key_value_heads=1,
            head_dim=24,
            layer_types=[FULL, "conv", "conv", "conv"],
        ),
    ),
    _v(
        "lfm3-pattern",
        "lfm3",
        llama_like(num_hidden_layers=6, sliding_window=5, head_dim=16),
        "default pattern: conv, conv, full, conv, sliding, conv",
    ),
    _v(
        "lfm3-layer-types",
        "lfm3",
        llama_like(
            sliding_window=4,
            num_key_value_heads=1,
            layer_types=[SLIDE, "conv", FULL, SLIDE],
            head_dim=24,
        ),
    ),
    # --- Qwen3-Next / Qwen3.5: gated-DeltaNet layers, full attention every 4th ------------
    _v(
        "qwen3-next-interval",
        "qwen3_next",
        _qwen_next(num_hidden_layers=6, full_attention_interval=2),
        "full_attention_interval 2 (popped by the config, read from config.json)",
    ),
    _v(
        "qwen3-next-layer-types",
        "qwen3_next",
        _qwen_next(layer_types=[FULL, LIN, LIN, FULL], num_key_value_heads=1),
    ),
    _v(
        "qwen3-5-text-interval",
        "qwen3_5_text",
        llama_like(num_hidden_layers=6, full_attention_interval=3, head_dim=24, **LINEAR),
    ),
    _v(
        "qwen3-5-vlm",
        "qwen3_5",
        {
            "text_config": llama_like(layer_types=[LIN, FULL, LIN, FULL], head_dim=16, **LINEAR),
            "vision_config": QWEN_VISION,
        },
        "VLM: geometry under text_config",
    ),
    _v(
        "qwen3-5-vlm-interval-mqa",
        "qwen3_5",
        {
            "text_config": llama_like(
                num_hidden_layers=6,
                full_attention_interval=3,
                num_key_value_heads=1,
                head_dim=24,
                **LINEAR,
            ),
            "vision_config": QWEN_VISION,
        },
        "text_config without layer_types: its full_attention_interval rules",
    ),
    _v(
        "qwen3-5-moe-text-mqa",
        "qwen3_5_moe_text",
        _qwen_next(num_hidden_layers=5, num_key_value_heads=1),
        "default interval 4: layer 3 full, layer 4 linear",
    ),
    _v(
        "qwen3-5-moe-vlm",
        "qwen3_5_moe",
        {
            "text_config": _qwen_next(full_attention_interval=2),
            "vision_config": QWEN_VISION,
        },
    ),
    _v(
        "qwen3-5-moe-vlm-layer-types",
        "qwen3_5_moe",
        {
            "text_config": _qwen_next(layer_types=[FULL, LIN, LIN, LIN], num_key_value_heads=1),
            "vision_config": QWEN_VISION,
        },
    ),
    # --- olmo_hybrid: every 4th layer full attention (the last one when fewer than 4) ------
    _v("olmo-hybrid-short", "olmo_hybrid", llama_like(num_hidden_layers=3, num_key_value_heads=1)),
    _v(
        "olmo-hybrid-layer-types",
        "olmo_hybrid",
        llama_like(layer_types=[FULL, LIN, FULL, LIN], head_dim=24),
    ),
    # --- minimax: lightning (linear) attention on odd layers ------------------------------
    _v("minimax-default-pattern", "minimax", moe(num_local_experts=2, block_size=4)),
    _v(
        "minimax-layer-types-head-dim",
        "minimax",
        moe(
            num_local_experts=2,
            block_size=4,
            head_dim=24,
            num_key_value_heads=1,
            layer_types=[LIN, LIN, FULL, FULL],
        ),
    ),
    # --- nemotron_h: the block list (or the pattern string) is the layer count -----------
    _v(
        "nemotron-h-pattern",
        "nemotron_h",
        moe(
            n_routed_experts=2,
            moe_shared_expert_intermediate_size=32,
            hybrid_override_pattern="M*-*E",
            num_hidden_layers=5,
            num_key_value_heads=1,
            head_dim=24,
        ),
        "legacy pattern string: attention on layers 1 and 3; MQA",
    ),
    _v(
        "nemotron-h-block-types",
        "nemotron_h",
        moe(
            n_routed_experts=2,
            moe_shared_expert_intermediate_size=32,
            layers_block_type=[FULL, LIN, "mlp", LIN, "moe", FULL],
            head_dim=16,
        ),
        "six blocks while num_hidden_layers says 4 (ignored)",
    ),
    # --- kimi_linear: MLA on the layers linear_attn_config lists (1-based) ---------------
    _v(
        "kimi-linear-default-pattern",
        "kimi_linear",
        llama_like(num_hidden_layers=6, linear_head_dim=16, linear_num_heads=4, **MLA_E),
        "no lists: MLA on layer 4 only (every 4th from 4)",
    ),
    _v(
        "kimi-linear-layer-types",
        "kimi_linear",
        llama_like(
            layer_types=[FULL, LIN, FULL, LIN],
            linear_head_dim=16,
            linear_num_heads=4,
            q_lora_rank=24,
            **MLA_E,
        ),
    ),
    # --- bailing_hybrid: MLA on every layer_group_size-th layer --------------------------
    _v(
        "bailing-hybrid",
        "bailing_hybrid",
        llama_like(num_hidden_layers=4, layer_group_size=2, **MLA_E),
    ),
    _v(
        "bailing-hybrid-layer-types",
        "bailing_hybrid",
        llama_like(layer_types=[FULL, LIN, LIN, LIN], q_lora_rank=24, **MLA_E),
    ),
]
