# generated from schemas/nanochat.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=61690ad8c97f6e87 content=b4202360c2515e52
"""NanoChatConfig: NanoChat decoder (Llama geometry, every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class NanoChatConfig(LlamaConfig, kw_only=True, dict=True):
    """NanoChat decoder (Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("nanochat",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("NanoChatForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/nanochat.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=12,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=6, minimum=1
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=768, minimum=1),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 12
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 6
    """Query heads."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 768
    """Model width."""
