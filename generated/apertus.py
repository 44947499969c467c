# generated from schemas/apertus.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=2c1910d8a3080ffd content=a46470c9216048c8
"""ApertusConfig: Apertus decoder (every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class ApertusConfig(LlamaConfig, kw_only=True, dict=True):
    """Apertus decoder (every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("apertus", "apertus1p5_text")
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ApertusForCausalLM", "Apertus1p5TextForCausalLM")
    SCHEMA: ClassVar[str] = "schemas/apertus.yaml"
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
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=32, minimum=1
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=4096, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=65536, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 65536
    """Longest sequence the positional encoding was trained for."""
