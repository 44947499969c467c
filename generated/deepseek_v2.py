# generated from schemas/deepseek_v2.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=d22be7bdcefcb65d content=c658805a123a5837
"""DeepseekV2Config: DeepSeek-V2 decoder with multi-head latent attention (latent KV cache)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class DeepseekV2Config(DeepseekV3Config, kw_only=True, dict=True):
    """DeepSeek-V2 decoder with multi-head latent attention (latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("deepseek_v2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("DeepseekV2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/deepseek_v2.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        DeepseekV3Config.INPUTS,
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=32, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=32, minimum=1),
        rt.Input("kv_lora_rank", ("kv_lora_rank",), "int", default=512, minimum=1),
        rt.Input("qk_rope_head_dim", ("qk_rope_head_dim",), "int", default=64, minimum=1),
        rt.Input("qk_nope_head_dim", ("qk_nope_head_dim",), "int", default=128, minimum=1),
        rt.Input("v_head_dim", ("v_head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=2048, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    kv_lora_rank: Annotated[int, msgspec.Meta(ge=1)] = 512
    """Width of the compressed KV latent."""

    qk_rope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Width of the rotary key part shared by all heads."""

    qk_nope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Width of the non-rotary key part per head."""

    v_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Value width per head."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Longest sequence (already the rope-extended length)."""
