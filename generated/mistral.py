# generated from schemas/mistral.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=976846f1fa050bd9 content=7525fb2f0e1955d0
# ruff: noqa: E501
"""MistralConfig: Mistral decoder (Llama geometry; every layer sliding when sliding_window is set)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class MistralConfig(LlamaConfig, kw_only=True, dict=True):
    """Mistral decoder (Llama geometry; every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("mistral",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MistralForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/mistral.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=32768, minimum=1
        ),
        rt.Input("sliding_window", ("sliding_window",), "int", default=None, minimum=1),
    )

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 32768
    """Longest sequence the positional encoding was trained for."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """Tokens each layer sees; null means full attention."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        return [
            rt.layer_kind(
                self._n, "sliding_window", i, "full" if self.sliding_window is None else "sliding"
            )
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=self.sliding_window if kind in ("sliding", "chunked") else None,
            num_kv_heads=self.kv_heads,
            k_head_dim=self.attn_head_dim,
            v_head_dim=self.attn_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "sliding_window",
                "num_key_value_heads / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "layers.kv_source",
            ),
        )
