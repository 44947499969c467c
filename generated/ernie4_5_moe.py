# generated from schemas/ernie4_5_moe.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=9a44dcc437eba8d5 content=85e6bded324c2988
"""Ernie45MoeConfig: ERNIE 4.5 MoE decoder (Llama geometry, every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Ernie45MoeConfig(LlamaConfig, kw_only=True, dict=True):
    """ERNIE 4.5 MoE decoder (Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("ernie4_5_moe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Ernie4_5_MoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/ernie4_5_moe.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=28,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=20, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=4,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=2560, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=131072,
            minimum=1,
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 28
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 20
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 4
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2560
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""
