# generated from schemas/glm4_moe_lite.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=79e6ce2f138afadf content=f88fc7609e7f4b2d
# ruff: noqa: E501
"""Glm4MoeLiteConfig: GLM-4 MoE Lite decoder with multi-head latent attention (latent KV cache)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class Glm4MoeLiteConfig(DeepseekV3Config, kw_only=True, dict=True):
    """GLM-4 MoE Lite decoder with multi-head latent attention (latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("glm4_moe_lite",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Glm4MoeLiteForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/glm4_moe_lite.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        DeepseekV3Config.INPUTS,
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=47, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=20, minimum=1),
        rt.Input("kv_lora_rank", ("kv_lora_rank",), "int", default=512, minimum=1),
        rt.Input("qk_rope_head_dim", ("qk_rope_head_dim",), "int", default=64, minimum=1),
        rt.Input("qk_nope_head_dim", ("qk_nope_head_dim",), "int", default=192, minimum=1),
        rt.Input("v_head_dim", ("v_head_dim",), "int", default=256, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=202752,
            minimum=1,
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 47
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 20
    """Query heads."""

    kv_lora_rank: Annotated[int, msgspec.Meta(ge=1)] = 512
    """Width of the compressed KV latent."""

    qk_rope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Width of the rotary key part shared by all heads."""

    qk_nope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 192
    """Width of the non-rotary key part per head."""

    v_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 256
    """Value width per head."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 202752
    """Longest sequence (already the rope-extended length)."""
