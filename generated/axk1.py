# generated from schemas/axk1.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=ffbff4855736d30f content=c04a97a73263a222
"""AXK1Config: A.X-K1 decoder with multi-head latent attention (DeepSeek-V3 latent KV cache)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class AXK1Config(DeepseekV3Config, kw_only=True, dict=True):
    """A.X-K1 decoder with multi-head latent attention (DeepSeek-V3 latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("axk1",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("AXK1ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/axk1.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        DeepseekV3Config.INPUTS,
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=61, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=64, minimum=1),
        rt.Input("kv_lora_rank", ("kv_lora_rank",), "int", default=512, minimum=1),
        rt.Input("qk_rope_head_dim", ("qk_rope_head_dim",), "int", default=64, minimum=1),
        rt.Input("qk_nope_head_dim", ("qk_nope_head_dim",), "int", default=128, minimum=1),
        rt.Input("v_head_dim", ("v_head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=32768, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 61
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Query heads."""

    kv_lora_rank: Annotated[int, msgspec.Meta(ge=1)] = 512
    """Width of the compressed KV latent."""

    qk_rope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Width of the rotary key part shared by all heads."""

    qk_nope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Width of the non-rotary key part per head."""

    v_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Value width per head."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 32768
    """Longest sequence (already the rope-extended length)."""
