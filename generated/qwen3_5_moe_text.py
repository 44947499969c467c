# generated from schemas/qwen3_5_moe_text.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=5fbfd97b9ede1903 content=c7e11f6c2b2b459f
# ruff: noqa: E501
"""Qwen35MoeTextConfig: Qwen3.5-MoE text decoder (linear-attention layers keep no KV; full attention every 4th)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated import _runtime as rt
from generated.qwen3_next import Qwen3NextConfig


class Qwen35MoeTextConfig(Qwen3NextConfig, kw_only=True, dict=True):
    """Qwen3.5-MoE text decoder (linear-attention layers keep no KV; full attention every 4th)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen3_5_moe_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen3_5MoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/qwen3_5_moe_text.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Qwen3NextConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=40,
            minimum=1,
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 40
    """Decoder layers."""
