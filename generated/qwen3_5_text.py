# generated from schemas/qwen3_5_text.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=ddbe908c8154475f content=663c19342c5c829c
# ruff: noqa: E501
"""Qwen35TextConfig: Qwen3.5 text decoder (linear-attention layers keep no KV; full attention every 4th)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.qwen3_next import Qwen3NextConfig
from kvarch import schema_runtime as rt


class Qwen35TextConfig(Qwen3NextConfig, kw_only=True, dict=True):
    """Qwen3.5 text decoder (linear-attention layers keep no KV; full attention every 4th)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen3_5_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen3_5ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/qwen3_5_text.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Qwen3NextConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=32,
            minimum=1,
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=4,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=4096, minimum=1),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 4
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""
