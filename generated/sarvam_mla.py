# generated from schemas/sarvam_mla.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=fee5007a8e8ce86f content=11099c44006a708e
"""SarvamMLAConfig: Sarvam MLA decoder (DeepSeek-V3 architecture, latent KV cache)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class SarvamMLAConfig(DeepseekV3Config, kw_only=True, dict=True):
    """Sarvam MLA decoder (DeepSeek-V3 architecture, latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("sarvam_mla",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ()
    SCHEMA: ClassVar[str] = "schemas/sarvam_mla.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        DeepseekV3Config.INPUTS,
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=32, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=64, minimum=1),
        rt.Input("kv_lora_rank", ("kv_lora_rank",), "int", default=512, minimum=1),
        rt.Input("qk_rope_head_dim", ("qk_rope_head_dim",), "int", default=64, minimum=1),
        rt.Input("qk_nope_head_dim", ("qk_nope_head_dim",), "int", default=128, minimum=1),
        rt.Input("v_head_dim", ("v_head_dim",), "int", default=128, minimum=1),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
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
