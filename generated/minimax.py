# generated from schemas/minimax.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=e24a77968e735d29 content=dfad4900f6167815
# ruff: noqa: E501
"""MiniMaxConfig: MiniMax hybrid decoder (lightning-attention layers keep no KV; even layers attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt

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


class MiniMaxConfig(LlamaConfig, kw_only=True, dict=True):
    """MiniMax hybrid decoder (lightning-attention layers keep no KV; even layers attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("minimax",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MiniMaxForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/minimax.yaml"
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
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=131072,
            minimum=1,
        ),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""

    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / full_attention)."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(self._n, "layers.kind", i, "full" if i % 2 == 0 else "none")
            for i in range(count)
        ]
