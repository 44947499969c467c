# generated from schemas/deepseek_v2.yaml by `make generate`; do not edit.
# kvarch-digest: render=c8ce5fd18bca1f01 content=4353f55f7a8d30f6
from typing import ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class DeepseekV2Config(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """DeepSeek-V2 decoder with multi-head latent attention (latent KV cache)."""

    SCHEMA: ClassVar[str] = "schemas/deepseek_v2.yaml"

    num_hidden_layers: rt.Positive = 32
    num_attention_heads: rt.Positive = 32
    kv_lora_rank: rt.Positive = 512
    qk_rope_head_dim: rt.Positive = 64
    qk_nope_head_dim: rt.Positive = 128
    v_head_dim: rt.Positive = 128
    max_position_embeddings: rt.Positive = 2048
