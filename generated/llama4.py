# generated from schemas/llama4.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=288c98c802e1c41e content=8c704cae9250acc4
# ruff: noqa: E501
"""Llama4Config: Llama 4 multimodal model (chunked-attention text decoder under text_config)."""

from __future__ import annotations

from typing import ClassVar

from generated.llama4_text import Llama4TextConfig
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


class Llama4Config(Llama4TextConfig, kw_only=True, dict=True):
    """Llama 4 multimodal model (chunked-attention text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("llama4",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Llama4ForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/llama4.yaml"
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
        ok = len(self.no_rope_layers) == 0 or len(self.no_rope_layers) >= self.num_hidden_layers
        if not ok:
            rt.fail(
                self._n,
                "no_rope_layers (from text_config.no_rope_layers)",
                self.no_rope_layers,
                "one 0/1 entry per layer",
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
                "text_config.attention_chunk_size / text_config.no_rope_layers / text_config.no_rope_layer_interval",
                i,
                "chunked"
                if self.attention_chunk_size is not None
                and (
                    self.no_rope_layers[i] != 0
                    if len(self.no_rope_layers) > 0
                    else (i + 1) % self.no_rope_layer_interval != 0
                )
                else "full",
            )
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=self.attention_chunk_size if kind in ("sliding", "chunked") else None,
            num_kv_heads=self.kv_heads,
            k_head_dim=self.attn_head_dim,
            v_head_dim=self.attn_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "text_config.attention_chunk_size",
                "text_config.num_key_value_heads / text_config.num_attention_heads",
                "text_config.head_dim / text_config.hidden_size / text_config.num_attention_heads",
                "text_config.head_dim / text_config.hidden_size / text_config.num_attention_heads",
                "layers.kv_source",
            ),
        )
