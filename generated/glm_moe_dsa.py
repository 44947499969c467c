# generated from schemas/glm_moe_dsa.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=9b9334a52032607c content=fdcd54575a805ded
"""GlmMoeDsaConfig: GLM MoE DSA decoder (MLA latent KV cache; indexer key cache not counted)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.deepseek_v32 import DeepseekV32Config
from kvarch import schema_runtime as rt


class GlmMoeDsaConfig(DeepseekV32Config, kw_only=True, dict=True):
    """GLM MoE DSA decoder (MLA latent KV cache; indexer key cache not counted)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("glm_moe_dsa",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GlmMoeDsaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/glm_moe_dsa.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        DeepseekV32Config.INPUTS,
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=78, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=64, minimum=1),
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

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 78
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Query heads."""

    qk_nope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 192
    """Width of the non-rotary key part per head."""

    v_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 256
    """Value width per head."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 202752
    """Longest sequence (already the rope-extended length)."""
