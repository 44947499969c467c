# generated from schemas/ernie4_5.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=b8cf9856ce39523b content=8f45384f85a1806f
"""Ernie45Config: ERNIE 4.5 dense decoder (Llama geometry, explicit head_dim)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Ernie45Config(LlamaConfig, kw_only=True, dict=True):
    """ERNIE 4.5 dense decoder (Llama geometry, explicit head_dim)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("ernie4_5",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Ernie4_5ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/ernie4_5.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=18,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=16, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=2,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=1024, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=131072,
            minimum=1,
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 18
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 16
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 2
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 1024
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""
