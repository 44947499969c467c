# generated from schemas/granite.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=fe60aae2f0310124 content=1e7b30a6d4d953b4
"""GraniteConfig: Granite decoder, dense or MoE (GQA, every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class GraniteConfig(LlamaConfig, kw_only=True, dict=True):
    """Granite decoder, dense or MoE (GQA, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("granite", "granitemoe", "granitemoeshared")
    ARCHITECTURES: ClassVar[tuple[str, ...]] = (
        "GraniteForCausalLM",
        "GraniteMoeForCausalLM",
        "GraniteMoeSharedForCausalLM",
    )
    SCHEMA: ClassVar[str] = "schemas/granite.yaml"
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
