# generated from schemas/sarvam_moe.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=a9208ff70774166b content=c3b615e46c4a696d
# ruff: noqa: E501
"""SarvamMoEConfig: Sarvam MoE decoder (GLM-4-MoE geometry, explicit head_dim, every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class SarvamMoEConfig(LlamaConfig, kw_only=True, dict=True):
    """Sarvam MoE decoder (GLM-4-MoE geometry, explicit head_dim, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("sarvam_moe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ()
    SCHEMA: ClassVar[str] = "schemas/sarvam_moe.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=19,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=64, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=4,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=4096, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=64, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=131072,
            minimum=1,
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 19
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 4
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Per-head width (transformers' default 64 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""
