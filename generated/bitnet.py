# generated from schemas/bitnet.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=b81df3bb7597c341 content=1ee7144b7a28b53c
"""BitNetConfig: BitNet decoder (ternary weights; Llama geometry, every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class BitNetConfig(LlamaConfig, kw_only=True, dict=True):
    """BitNet decoder (ternary weights; Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("bitnet",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BitNetForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/bitnet.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=30,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=20, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=5,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=2560, minimum=1),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 30
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 20
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 5
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2560
    """Model width."""
