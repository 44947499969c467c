"""Group d's catalogue variants: Gemma3/3n/4 (sliding patterns, KV sharing, per-layer head
dims), MLA families (DeepSeek-V2 and relatives) and RecurrentGemma."""

from __future__ import annotations

from tests.oracle.variants import GEMMA, VISION, Variant, _v, llama_like

__all__ = ["VARIANTS_D"]

VARIANTS_D: list[Variant] = [
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
