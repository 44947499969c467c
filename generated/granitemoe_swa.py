# generated from schemas/granitemoe_swa.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=4368220e7017c3a9 content=da9268f0d0049ef3
# ruff: noqa: E501
"""GraniteMoeSwaConfig: Granite-MoE SWA decoder (every 4th layer full from layer 0, the rest sliding)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.granite_swa import GraniteSwaConfig
from kvarch import schema_runtime as rt


class GraniteMoeSwaConfig(GraniteSwaConfig, kw_only=True, dict=True):
    """Granite-MoE SWA decoder (every 4th layer full from layer 0, the rest sliding)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("granitemoe_swa",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GraniteMoeSWAForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/granitemoe_swa.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        GraniteSwaConfig.INPUTS,
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
            default=None,
            keep_null=True,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=4096, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=2048, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Longest sequence the positional encoding was trained for."""
