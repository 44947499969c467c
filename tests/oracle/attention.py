"""The second view: K/V as each layer's attention kernel receives them.

For most layers this equals the cache. For MLA it does not: transformers caches the latent
(``kv_lora_rank`` and ``qk_rope_head_dim``, one head) and expands it per head before attention
(K = ``qk_nope_head_dim + qk_rope_head_dim``, V = ``v_head_dim``). See docs/mla.md.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from tests.oracle.truth import SEED, build_model, probe_length, text_config

if TYPE_CHECKING:
    from transformers import PretrainedConfig

__all__ = ["AttentionSeen", "attention_seen"]


@dataclasses.dataclass(frozen=True)
class AttentionSeen:
    """K/V shapes one layer passed to its attention function."""

    index: int
    """Decoder layer index."""
    num_kv_heads: int
    """Heads of K (before any GQA repeat inside the kernel)."""
    k_head_dim: int
    """Last dim of K."""
    v_head_dim: int
    """Last dim of V."""


def attention_seen(config: PretrainedConfig) -> dict[int, AttentionSeen]:
    """Per layer index, the K/V the model's sdpa attention received in one forward pass
    (empty for a model that does not dispatch through transformers' sdpa function)."""
    import torch
    from transformers import modeling_utils

    functions = modeling_utils.ALL_ATTENTION_FUNCTIONS
    original = functions["sdpa"]
    had_local = "sdpa" in functions._local_mapping
    seen: dict[int, AttentionSeen] = {}
    model = build_model(config)
    if getattr(model.config, "_attn_implementation", None) != "sdpa":
        return seen

    def recording(module: Any, query: Any, key: Any, value: Any, *args: Any, **kwargs: Any) -> Any:
        idx = getattr(module, "layer_idx", None)
        if isinstance(idx, int) and idx not in seen:
            seen[idx] = AttentionSeen(
                index=idx,
                num_kv_heads=int(key.shape[1]),
                k_head_dim=int(key.shape[-1]),
                v_head_dim=int(value.shape[-1]),
            )
        return original(module, query, key, value, *args, **kwargs)

    functions["sdpa"] = recording
    try:
        vocab = int(getattr(text_config(config), "vocab_size", 128) or 128)
        ids = torch.randint(
            0,
            min(vocab, 100),
            (1, probe_length(config)),
            generator=torch.Generator().manual_seed(SEED),
        )
        with torch.no_grad():
            model(input_ids=ids, use_cache=False)
    finally:
        if had_local:
            functions["sdpa"] = original
        else:
            del functions["sdpa"]
    return seen
