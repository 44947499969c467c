# generated from schemas/ministral3.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=96f13e749f8d99c8 content=004ea8f77be2fa7b
# ruff: noqa: E501
"""Ministral3Config: Ministral3 decoder (GQA, explicit head_dim; every layer sliding when sliding_window is set)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Ministral3Config(MistralConfig, kw_only=True, dict=True):
    """Ministral3 decoder (GQA, explicit head_dim; every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("ministral3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Ministral3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/ministral3.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        MistralConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=34,
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
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=128, keep_null=True, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=262144,
            minimum=1,
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 34
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = 8
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] | None = 128
    """Per-head width when the config gives it (else hidden_size / num_attention_heads)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 262144
    """Longest sequence (already the YaRN-extended length; not multiplied again)."""
