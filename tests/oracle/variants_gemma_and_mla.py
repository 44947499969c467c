"""Catalogue variants of Gemma3/3n/4 (sliding patterns, KV sharing, per-layer head
dims), MLA families (DeepSeek-V2 and relatives) and RecurrentGemma."""

from __future__ import annotations

from tests.oracle.variants import GEMMA, MLA, SW4, VISION, VOCAB, Variant, _v, llama_like

__all__ = ["VARIANTS_GEMMA_AND_MLA"]

VARIANTS_GEMMA_AND_MLA: list[Variant] = [
    # --- gemma3 -------------------------------------------------------------------------
    _v(
        "gemma3-text-pattern-3",
        "gemma3_text",
        llama_like(num_hidden_layers=6, sliding_window=5, sliding_window_pattern=3, **GEMMA),
        "legacy sliding_window_pattern: every 3rd layer full",
    ),
    _v(
        "gemma3-text-bidirectional",
        "gemma3_text",
        llama_like(sliding_window=8, use_bidirectional_attention=True, **GEMMA),
        "embedding variant: window narrowed to 8 // 2 + 1",
    ),
    _v(
        "gemma3-vlm-default-pattern",
        "gemma3",
        {
            "text_config": llama_like(num_hidden_layers=6, sliding_window=4, head_dim=24),
            "vision_config": VISION,
            "mm_tokens_per_image": 4,
        },
        "VLM without layer_types: the text model's default pattern",
    ),
]


def gemma3n_text(layers: int, **overrides: object) -> dict[str, object]:
    """A tiny Gemma3n text config of ``layers`` layers (per-layer lists sized to match)."""
    return llama_like(
        num_hidden_layers=layers,
        intermediate_size=[64] * layers,
        vocab_size_per_layer_input=VOCAB,
        hidden_size_per_layer_input=8,
        laurel_rank=4,
        activation_sparsity_pattern=[0.0] * layers,
        **{**GEMMA, **overrides},
    )


VARIANTS_GEMMA_AND_MLA += [
    # --- gemma3n: KV sharing --------------------------------------------------------------
    _v(
        "gemma3n-text-default-pattern",
        "gemma3n_text",
        gemma3n_text(7, sliding_window=4, num_kv_shared_layers=2),
        "no layer_types: every 5th layer full; layers 5, 6 reuse sliding layer 3",
    ),
    _v(
        "gemma3n-text-no-sharing",
        "gemma3n_text",
        gemma3n_text(5, sliding_window=4, num_kv_shared_layers=0, num_key_value_heads=1),
        "num_kv_shared_layers 0: every layer keeps its own KV (MQA)",
    ),
]

MLA_DIMS = {"kv_lora_rank": 16, "q_lora_rank": 24, "qk_rope_head_dim": 8, "qk_nope_head_dim": 16}
MHA = {"num_key_value_heads": 4}  # real MLA configs list kv heads = heads (K and V widths differ)

VARIANTS_GEMMA_AND_MLA += [
    # --- MLA: latent cache (K = kv_lora_rank, V = qk_rope_head_dim, one head) --------------
    _v(
        "deepseek-v2-lite",
        "deepseek_v2",
        llama_like(
            **{**MLA, "q_lora_rank": None, "kv_lora_rank": 32, "qk_rope_head_dim": 16}, **MHA
        ),
        "V2-Lite: no q compression, wider latent",
    ),
    _v("minicpm3", "minicpm3", llama_like(**MLA_DIMS, v_head_dim=24)),
    _v(
        "minicpm3-v-default",
        "minicpm3",
        llama_like(**{**MLA_DIMS, "q_lora_rank": None, "kv_lora_rank": 24, **MHA}),
        "v_head_dim absent → hidden / heads; no q compression",
    ),
    _v(
        "sarvam-mla-legacy",
        "sarvam_mla",
        llama_like(**{**MLA, "kv_lora_rank": 24, "head_dim": 40}),
        "deprecated head_dim key is ignored",
    ),
    _v("glm4-moe-lite-mla", "glm4_moe_lite", llama_like(**MLA, n_shared_experts=1)),
    _v(
        "glm4-moe-lite-wide",
        "glm4_moe_lite",
        llama_like(
            **{**MLA, "kv_lora_rank": 40, "qk_rope_head_dim": 12, **MHA}, n_shared_experts=1
        ),
    ),
]

DSA = {"index_topk": 4, "index_head_dim": 16, "index_n_heads": 2}

VARIANTS_GEMMA_AND_MLA += [
    # --- MLA with a sparse-attention indexer ("indexed_attention" layers) ------------------
    _v("deepseek-v32", "deepseek_v32", llama_like(**MLA, **DSA, **MHA)),
    _v(
        "deepseek-v32-layer-types",
        "deepseek_v32",
        llama_like(
            **{**MLA, "q_lora_rank": 16, "kv_lora_rank": 24},
            **DSA,
            **MHA,
            layer_types=["indexed_attention"] * 4,
        ),
    ),
    _v("glm-moe-dsa", "glm_moe_dsa", llama_like(**MLA, **DSA, **MHA)),
    _v(
        "glm-moe-dsa-pattern",
        "glm_moe_dsa",
        llama_like(**{**MLA, "kv_lora_rank": 32}, **DSA, **MHA, index_topk_pattern="FFSS"),
        "indexer shared on the last two layers: the MLA cache is unchanged",
    ),
]

VARIANTS_GEMMA_AND_MLA += [
    # --- recurrent_gemma: recurrent blocks keep no KV, attention blocks slide -------------
    _v(
        "recurrent-gemma",
        "recurrent_gemma",
        llama_like(
            num_hidden_layers=5,
            num_key_value_heads=1,
            attention_window_size=5,
            block_types=["recurrent", "recurrent", "attention"],
        ),
        "pattern R R A repeated over 5 layers; MQA local attention",
    ),
    _v(
        "recurrent-gemma-alternating",
        "recurrent_gemma",
        llama_like(
            num_key_value_heads=None,
            lru_width=32,
            attention_window_size=6,
            block_types=["attention", "recurrent"],
        ),
        "attention first, MHA (kv heads absent)",
    ),
    _v(
        "recurrent-gemma-head-dim",
        "recurrent_gemma",
        llama_like(
            num_hidden_layers=3,
            num_key_value_heads=1,
            head_dim=24,
            attention_window_size=5,
            block_types=["recurrent", "attention"],
        ),
        "explicit head_dim 24, not 64 / 4: the attention blocks cache 24-wide K/V",
    ),
]


def gemma4_text(**overrides: object) -> dict[str, object]:
    """A tiny Gemma4 text config (global_head_dim 32 on full layers unless overridden)."""
    return llama_like(
        vocab_size_per_layer_input=VOCAB,
        hidden_size_per_layer_input=8,
        **{**GEMMA, "global_head_dim": 32, **overrides},
    )


S, F = "sliding_attention", "full_attention"
GEMMA4_VISION = {
    "hidden_size": 32,
    "intermediate_size": 32,
    "num_hidden_layers": 1,
    "num_attention_heads": 2,
    "num_key_value_heads": 2,
    "head_dim": 16,
    "patch_size": 4,
    "pooling_kernel_size": 2,
    "position_embedding_size": 64,
}

VARIANTS_GEMMA_AND_MLA += [
    # --- gemma4: per-layer head dims, K=V full layers, per_layer_config ---------------------
    _v(
        "gemma4-text-k-eq-v",
        "gemma4_text",
        gemma4_text(sliding_window=5, attention_k_eq_v=True, num_global_key_value_heads=1),
        "default pattern (last layer forced full); full layer: 1 KV head of global_head_dim",
    ),
    _v(
        "gemma4-text-global-heads-ignored",
        "gemma4_text",
        gemma4_text(
            sliding_window=5, layer_types=SW4, num_global_key_value_heads=1, global_head_dim=24
        ),
        "num_global_key_value_heads counts only with attention_k_eq_v",
    ),
    _v(
        "gemma4-text-per-layer-config",
        "gemma4_text",
        gemma4_text(
            sliding_window=5,
            layer_types=SW4,
            per_layer_config={str(i): {"head_dim": 24, "num_key_value_heads": 1} for i in (1, 3)},
        ),
        "config.json saved by transformers >= 5.24: per-layer overrides, no global_head_dim",
    ),
    _v(
        "gemma4-text-bidirectional",
        "gemma4_text",
        gemma4_text(sliding_window=8, layer_types=SW4, use_bidirectional_attention="all"),
        'use_bidirectional_attention "all": window narrowed to 8 // 2 + 1',
    ),
    _v(
        "gemma4-vlm",
        "gemma4",
        {
            "text_config": gemma4_text(
                num_hidden_layers=6,
                sliding_window=4,
                layer_types=[S, F, S, S, S, F],
                num_kv_shared_layers=2,
            ),
            "vision_config": GEMMA4_VISION,
        },
        "VLM: shared tail (layer 4 reuses 3, layer 5 reuses 1) under text_config",
    ),
    _v(
        "gemma4-vlm-k-eq-v",
        "gemma4",
        {
            "text_config": gemma4_text(
                sliding_window=6, attention_k_eq_v=True, num_global_key_value_heads=1
            ),
            "vision_config": GEMMA4_VISION,
        },
        "VLM: default pattern, full layer with 1 KV head of global_head_dim",
    ),
]


UNIFIED_VISION = {
    "patch_size": 4,
    "pooling_kernel_size": 2,
    "mm_embed_dim": 32,
    "mm_posemb_size": 16,
    "output_proj_dims": 32,
}


def gemma4_unified_text(**overrides: object) -> dict[str, object]:
    """A tiny Gemma4 Unified text config (global_head_dim 32 on full layers)."""
    return llama_like(**{**GEMMA, "global_head_dim": 32, **overrides})


VARIANTS_GEMMA_AND_MLA += [
    _v(
        "gemma4-unified-text",
        "gemma4_unified_text",
        gemma4_unified_text(sliding_window=5, layer_types=SW4),
        "Gemma4 geometry; use_bidirectional_attention defaults to vision (window unchanged)",
    ),
    _v(
        "gemma4-unified-text-shared",
        "gemma4_unified_text",
        gemma4_unified_text(
            num_hidden_layers=5,
            sliding_window=4,
            layer_types=[S, S, F, S, F],
            num_kv_shared_layers=2,
            attention_k_eq_v=True,
            num_global_key_value_heads=1,
        ),
        "shared tail; full layers with 1 KV head",
    ),
    _v(
        "gemma4-unified-vlm",
        "gemma4_unified",
        {
            "text_config": gemma4_unified_text(sliding_window=4, layer_types=SW4),
            "vision_config": UNIFIED_VISION,
        },
        "VLM: Gemma4 Unified decoder under text_config",
    ),
    _v(
        "gemma4-unified-vlm-per-layer-config",
        "gemma4_unified",
        {
            "text_config": gemma4_unified_text(
                sliding_window=4,
                layer_types=SW4,
                global_head_dim=None,
                per_layer_config={"1": {"head_dim": 24}, "3": {"head_dim": 24}},
            ),
            "vision_config": UNIFIED_VISION,
        },
        "VLM saved by transformers >= 5.24: per_layer_config in text_config",
    ),
]
