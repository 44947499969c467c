# generated from schemas/gemma.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=bb7eec6123e3190d content=047540998e1f9712
"""GemmaConfig: Gemma decoder (explicit head_dim, every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class GemmaConfig(LlamaConfig, kw_only=True, dict=True):
    """Gemma decoder (explicit head_dim, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GemmaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gemma.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=28,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=16, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=16,
            keep_null=True,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=3072, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=256, keep_null=True, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=8192, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 28
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 16
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = 16
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 3072
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] | None = 256
    """Per-head width (transformers' default 256 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 8192
    """Longest sequence the positional encoding was trained for."""
