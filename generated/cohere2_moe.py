# generated from schemas/cohere2_moe.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=b483d836642b4df4 content=acc80ce889d109c5
# ruff: noqa: E501
"""Cohere2MoeConfig: Cohere2-MoE decoder (explicit head_dim; sliding layers with periodic full layers)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.ministral import MinistralConfig
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


class Cohere2MoeConfig(MinistralConfig, kw_only=True, dict=True):
    """Cohere2-MoE decoder (explicit head_dim; sliding layers with periodic full layers)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("cohere2_moe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Cohere2MoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/cohere2_moe.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        MinistralConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=40,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=64, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=None,
            keep_null=True,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=8192, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=128, keep_null=True, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=8192, minimum=1
        ),
        rt.Input(
            "sliding_window_pattern", ("sliding_window_pattern",), "int", default=4, minimum=1
        ),
        rt.Input(
            "prefix_dense_sliding_window_pattern",
            ("prefix_dense_sliding_window_pattern",),
            "int",
            default=1,
            minimum=1,
        ),
        rt.Input("first_k_dense_replace", ("first_k_dense_replace",), "int", default=0, minimum=0),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 40
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 8192
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] | None = 128
    """Per-head width (transformers' default 128 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 8192
    """Longest sequence the positional encoding was trained for."""

    sliding_window_pattern: Annotated[int, msgspec.Meta(ge=1)] = 4
    """In the MoE layers, every this-many-th layer is full attention."""

    prefix_dense_sliding_window_pattern: Annotated[int, msgspec.Meta(ge=1)] = 1
    """The same period for the first first_k_dense_replace (dense) layers."""

    first_k_dense_replace: Annotated[int, msgspec.Meta(ge=0)] = 0
    """Leading dense layers, which follow prefix_dense_sliding_window_pattern."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "first_k_dense_replace / prefix_dense_sliding_window_pattern / sliding_window_pattern",
                i,
                "sliding"
                if (
                    (i + 1) % self.prefix_dense_sliding_window_pattern != 0
                    if i < self.first_k_dense_replace
                    else (i - self.first_k_dense_replace + 1) % self.sliding_window_pattern != 0
                )
                else "full",
            )
            for i in range(count)
        ]
