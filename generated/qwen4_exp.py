# generated from schemas/qwen4_exp.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=b01e6cd65b296eee content=a1da92e9b8f51ea6
"""Qwen4ExpConfig: Qwen4-Exp vision-language model (text decoder under text_config)."""

from __future__ import annotations

from typing import ClassVar

from generated.qwen4_exp_text import Qwen4ExpTextConfig
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
    "indexed_attention": "full",
}


class Qwen4ExpConfig(Qwen4ExpTextConfig, kw_only=True, dict=True):
    """Qwen4-Exp vision-language model (text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen4_exp",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen4ExpForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/qwen4_exp.yaml"
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
        ok = self.explicit_head_dim is not None or self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "hidden_size (from text_config.hidden_size)",
                self.hidden_size,
                "a multiple of num_attention_heads (or set head_dim)",
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
                "text_config.full_attention_interval",
                i,
                "full" if (i + 1) % self.full_attention_interval == 0 else "none",
            )
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=None,
            num_kv_heads=self.kv_heads,
            k_head_dim=self.attn_head_dim,
            v_head_dim=self.attn_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "layers.window",
                "text_config.num_key_value_heads / text_config.num_attention_heads",
                "text_config.head_dim / text_config.hidden_size / text_config.num_attention_heads",
                "text_config.head_dim / text_config.hidden_size / text_config.num_attention_heads",
                "layers.kv_source",
            ),
        )
