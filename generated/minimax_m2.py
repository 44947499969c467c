# generated from schemas/minimax_m2.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=a6242937ccd1f18f content=14226bcb0eb3d6ed
# ruff: noqa: E501
"""MiniMaxM2Config: MiniMax-M2 MoE decoder (Llama geometry, explicit head_dim, every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MiniMaxM2Config(LlamaConfig, kw_only=True, dict=True):
    """MiniMax-M2 MoE decoder (Llama geometry, explicit head_dim, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("minimax_m2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MiniMaxM2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/minimax_m2.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=62,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=48, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=8,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=3072, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=196608,
            minimum=1,
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 62
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 48
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 3072
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 196608
    """Longest sequence the positional encoding was trained for."""
