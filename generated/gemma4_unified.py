# generated from schemas/gemma4_unified.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=4c90fd295bc3669e content=86e82e97e5039287
# ruff: noqa: E501
"""Gemma4UnifiedVlmConfig: Gemma4 Unified multimodal model (the Gemma4 Unified text decoder under text_config)."""

from __future__ import annotations

from typing import ClassVar

from generated.gemma4_unified_text import Gemma4UnifiedTextConfig
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec

_KIND_NAMES: dict[str, str] = {
    "full_attention": "full",
    "attention": "full",
    "global": "full",
    "sliding_attention": "sliding",
    "local": "sliding",
    "chunked_attention": "chunked",
    "cross_attention": "cross",
    "mamba": "none",
    "mamba2": "none",
    "linear_attention": "none",
    "conv": "none",
}


class Gemma4UnifiedVlmConfig(Gemma4UnifiedTextConfig, kw_only=True, dict=True):
    """Gemma4 Unified multimodal model (the Gemma4 Unified text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma4_unified",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma4UnifiedForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/gemma4_unified.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)

    def _check_rules(self) -> None:
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from text_config.num_key_value_heads)",
                self.num_kv_heads,
                "a divisor of num_attention_heads",
            )
        ok = self.num_kv_shared_layers < self.num_hidden_layers
        if not ok:
            rt.fail(
                self._n,
                "num_kv_shared_layers (from text_config.num_kv_shared_layers)",
                self.num_kv_shared_layers,
                "fewer than num_hidden_layers (some layer must keep its own KV)",
            )

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "text_config.num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "text_config.layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "text_config.num_hidden_layers",
                i,
                "full" if (i + 1) % 6 == 0 or i == self.num_hidden_layers - 1 else "sliding",
            )
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=self.window if kind in ("sliding", "chunked") else None,
            num_kv_heads=rt.coalesce(rt.layer_value(self.layer_kv_heads, i), self.kv_heads)
            if self.has_overrides
            else self.full_kv_heads
            if kind == "full"
            else self.kv_heads,
            k_head_dim=rt.coalesce(rt.layer_value(self.layer_head_dim, i), self.explicit_head_dim)
            if self.has_overrides
            else self.global_head_dim
            if kind == "full"
            else self.explicit_head_dim,
            v_head_dim=rt.coalesce(rt.layer_value(self.layer_head_dim, i), self.explicit_head_dim)
            if self.has_overrides
            else self.global_head_dim
            if kind == "full"
            else self.explicit_head_dim,
            kv_source=rt.coalesce(rt.last_index(kinds, kind, self.first_shared), i)
            if i >= self.first_shared
            else None,
            kinds=kinds,
            fields=(
                "text_config.use_bidirectional_attention / text_config.sliding_window",
                "text_config.per_layer_config.*.head_dim / text_config.per_layer_config.*.num_key_value_heads / text_config.num_key_value_heads / text_config.num_attention_heads / text_config.attention_k_eq_v / text_config.num_global_key_value_heads",
                "text_config.per_layer_config.*.head_dim / text_config.head_dim / text_config.global_head_dim",
                "text_config.per_layer_config.*.head_dim / text_config.head_dim / text_config.global_head_dim",
                "text_config.num_hidden_layers / text_config.num_kv_shared_layers",
            ),
        )
