# generated from schemas/phi3.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=111d2e2beb2c98d2 content=371854d27fb36e7e
"""Phi3Config: Phi-3 decoder (every layer sliding when sliding_window is set)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Phi3Config(MistralConfig, kw_only=True, dict=True):
    """Phi-3 decoder (every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("phi3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Phi3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/phi3.yaml"
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
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=3072, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=4096, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 3072
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Longest sequence the positional encoding was trained for."""
