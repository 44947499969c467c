# generated from schemas/olmoe.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=a109e9d5bdd76336 content=5566b250020342d3
"""OlmoeConfig: OLMoE decoder (every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class OlmoeConfig(LlamaConfig, kw_only=True, dict=True):
    """OLMoE decoder (every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("olmoe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("OlmoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/olmoe.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=16,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=16, minimum=1
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=2048, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=4096, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 16
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 16
    """Query heads."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Longest sequence the positional encoding was trained for."""
