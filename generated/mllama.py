# generated from schemas/mllama.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=ccdd507956545afd content=883e0be05b0c6800
# ruff: noqa: E501
"""MllamaConfig: Llama 3.2 Vision (text decoder under text_config; cross-attention layers keep vision K/V)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class MllamaConfig(LlamaConfig, kw_only=True, dict=True):
    """Llama 3.2 Vision (text decoder under text_config; cross-attention layers keep vision K/V)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("mllama",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MllamaForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/mllama.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=8,
            minimum=1,
        ),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=131072,
            minimum=1,
        ),
        rt.Input(
            "cross_attention_layers",
            ("cross_attention_layers",),
            "list[int]",
            default=[3, 8, 13, 18, 23, 28, 33, 38],
        ),
    )

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """KV heads (transformers' default 8 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""

    cross_attention_layers: list[int] = msgspec.field(
        default_factory=lambda: [3, 8, 13, 18, 23, 28, 33, 38]
    )
    """Layers that attend to the vision states instead of the text."""

    def _check_rules(self) -> None:
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from text_config.num_key_value_heads)",
                self.num_kv_heads,
                "a divisor of num_attention_heads",
            )
        ok = self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "hidden_size (from text_config.hidden_size)",
                self.hidden_size,
                "a multiple of num_attention_heads",
            )

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head."""
        return self.hidden_size // self.num_attention_heads

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "text_config.num_hidden_layers", self.num_hidden_layers)
        return [
            rt.layer_kind(
                self._n,
                "text_config.cross_attention_layers",
                i,
                "cross" if i in self.cross_attention_layers else "full",
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
                "text_config.hidden_size / text_config.num_attention_heads",
                "text_config.hidden_size / text_config.num_attention_heads",
                "layers.kv_source",
            ),
        )
