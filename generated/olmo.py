# generated from schemas/olmo.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=51aa7300979302b7 content=66e865f4458631a0
"""OlmoConfig: OLMo / OLMo2 decoder (every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class OlmoConfig(LlamaConfig, kw_only=True, dict=True):
    """OLMo / OLMo2 decoder (every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("olmo", "olmo2")
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("OlmoForCausalLM", "Olmo2ForCausalLM")
    SCHEMA: ClassVar[str] = "schemas/olmo.yaml"
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
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""
