# generated from schemas/doge.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=d64569b55c9913fa content=64fedea97fe78335
"""DogeConfig: Doge decoder (Llama geometry; every layer sliding when sliding_window is set)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class DogeConfig(MistralConfig, kw_only=True, dict=True):
    """Doge decoder (Llama geometry; every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("doge",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("DogeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/doge.yaml"
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
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=8, minimum=1
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=1024, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=2048, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """Query heads."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 1024
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Longest sequence the positional encoding was trained for."""
