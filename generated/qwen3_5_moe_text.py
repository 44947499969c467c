# generated from schemas/qwen3_5_moe_text.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=919828787c133f04 content=442d5d591113300c
# ruff: noqa: E501
"""Qwen35MoeTextConfig: Qwen3.5-MoE text decoder (linear-attention layers keep no KV; full attention every 4th)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.qwen3_next import Qwen3NextConfig
from kvarch import schema_runtime as rt


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
