# generated from schemas/nemotron.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=f11d214ff8683234 content=0f6d9c1ed1751722
"""NemotronConfig: Nemotron decoder (every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class NemotronConfig(LlamaConfig, kw_only=True, dict=True):
    """Nemotron decoder (every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("nemotron",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("NemotronForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/nemotron.yaml"
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
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=48, minimum=1
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=6144, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=4096, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 48
    """Query heads."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 6144
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Longest sequence the positional encoding was trained for."""
