# generated from schemas/internlm3.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=db7c4b6a0440fca5 content=476d863f01414a50
"""InternLM3Config: InternLM3 decoder (Llama geometry, explicit head_dim)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class InternLM3Config(LlamaConfig, kw_only=True, dict=True):
    """InternLM3 decoder (Llama geometry, explicit head_dim)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("internlm3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("InternLM3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/internlm3.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=48,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=32, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=2,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=4096, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=32768, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 48
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 2
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 32768
    """Longest sequence the positional encoding was trained for."""
