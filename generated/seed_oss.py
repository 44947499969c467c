# generated from schemas/seed_oss.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=b10300581f8fe8ad content=29cf87213c1ae041
"""SeedOssConfig: Seed-OSS decoder (Llama geometry, explicit head_dim)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class SeedOssConfig(LlamaConfig, kw_only=True, dict=True):
    """Seed-OSS decoder (Llama geometry, explicit head_dim)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("seed_oss",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("SeedOssForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/seed_oss.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=64,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=80, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=8,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=4096, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=524288,
            minimum=1,
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 80
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 524288
    """Longest sequence the positional encoding was trained for."""
