# generated from schemas/phimoe.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=73c77ecbc3a56b2a content=c5fa7f03bd848f30
"""PhimoeConfig: PhiMoE decoder (GQA; every layer sliding when sliding_window is set)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class PhimoeConfig(MistralConfig, kw_only=True, dict=True):
    """PhiMoE decoder (GQA; every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("phimoe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("PhimoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/phimoe.yaml"
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
