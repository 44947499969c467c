# generated from schemas/emu3.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=f7a2698d71dc8601 content=fcec0d0f1ab9f657
"""Emu3Config: Emu3 (VQ image tokens in a Llama-geometry decoder read from text_config)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class Emu3Config(LlamaConfig, kw_only=True, dict=True):
    """Emu3 (VQ image tokens in a Llama-geometry decoder read from text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("emu3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Emu3ForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/emu3.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=32,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=32, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=8,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=4096, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=9216, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 9216
    """Longest sequence the positional encoding was trained for."""

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
        return [rt.layer_kind(self._n, "layers.kind", i, "full") for i in range(count)]

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
