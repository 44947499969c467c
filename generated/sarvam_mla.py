# generated from schemas/sarvam_mla.yaml by `make generate`; do not edit.
# kvarch-digest: render=6f691a6af01f7def content=a43f8a17798679b7
from typing import ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class SarvamMLAConfig(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """Sarvam MLA decoder (DeepSeek-V3 architecture, latent KV cache)."""

    SCHEMA: ClassVar[str] = "schemas/sarvam_mla.yaml"

    num_hidden_layers: rt.Positive = 32
    num_attention_heads: rt.Positive = 64
    kv_lora_rank: rt.Positive = 512
    qk_rope_head_dim: rt.Positive = 64
    qk_nope_head_dim: rt.Positive = 128
    v_head_dim: rt.Positive = 128
