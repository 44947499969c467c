# generated from schemas/sarvam_mla.yaml by `make generate`; do not edit.
# kvarch-digest: render=254ea2ae7ff128d9 content=c4f577ada3f2d566
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class SarvamMLAConfig(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """Sarvam MLA decoder (DeepSeek-V3 architecture, latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("sarvam_mla",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ()
    SCHEMA: ClassVar[str] = "schemas/sarvam_mla.yaml"

    num_hidden_layers: Annotated[int, rt.hf(ge=1)] = 32
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf(ge=1)] = 64
    """Query heads."""
    kv_lora_rank: Annotated[int, rt.hf(ge=1)] = 512
    """Width of the compressed KV latent."""
    qk_rope_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    """Width of the rotary key part shared by all heads."""
    qk_nope_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    """Width of the non-rotary key part per head."""
    v_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    """Value width per head."""
