# generated from schemas/sarvam_mla.yaml by `make generate`; do not edit.
# kvarch-digest: render=b8b818af82808327 content=3eca4292a18496df
from typing import ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class SarvamMLAConfig(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """Sarvam MLA decoder (DeepSeek-V3 architecture, latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("sarvam_mla",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ()
    SCHEMA: ClassVar[str] = "schemas/sarvam_mla.yaml"

    num_hidden_layers: rt.Positive = 32
    num_attention_heads: rt.Positive = 64
    kv_lora_rank: rt.Positive = 512
    qk_rope_head_dim: rt.Positive = 64
    qk_nope_head_dim: rt.Positive = 128
    v_head_dim: rt.Positive = 128
