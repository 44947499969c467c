# generated from schemas/jais2.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=5d812bd1a548427c content=4e5e0f5013f81e91
"""Jais2Config: Jais2 decoder (Llama geometry, every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Jais2Config(LlamaConfig, kw_only=True, dict=True):
    """Jais2 decoder (Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("jais2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Jais2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/jais2.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=32,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=26, minimum=1
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=3328, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=8192, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 26
    """Query heads."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 3328
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 8192
    """Longest sequence the positional encoding was trained for."""
