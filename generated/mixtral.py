# generated from schemas/mixtral.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=38a1742560e82a53 content=4aa68fbe8ed3bc21
# ruff: noqa: E501
"""MixtralConfig: Mixtral sparse-MoE decoder (GQA; every layer sliding when sliding_window is set)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class MixtralConfig(MistralConfig, kw_only=True, dict=True):
    """Mixtral sparse-MoE decoder (GQA; every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("mixtral",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MixtralForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/mixtral.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        MistralConfig.INPUTS,
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
            keep_null=True,
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
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = 8
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""
