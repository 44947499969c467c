# generated from schemas/cohere.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=97dd6841dcaa1367 content=9cc0765c35812dd7
"""CohereConfig: Cohere decoder (GQA, every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class CohereConfig(LlamaConfig, kw_only=True, dict=True):
    """Cohere decoder (GQA, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("cohere",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CohereForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/cohere.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=40,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=64, minimum=1
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=8192, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=8192, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 40
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Query heads."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 8192
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 8192
    """Longest sequence the positional encoding was trained for."""
