# generated from schemas/glm4_moe_lite.yaml by `make generate`; do not edit.
# kvarch-digest: render=dace4f6f24910f97 content=c5a9e0918c925b90
from typing import ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class Glm4MoeLiteConfig(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """GLM-4 MoE Lite decoder with multi-head latent attention (latent KV cache)."""

    SCHEMA: ClassVar[str] = "schemas/glm4_moe_lite.yaml"

    num_hidden_layers: rt.Positive = 47
    num_attention_heads: rt.Positive = 20
    kv_lora_rank: rt.Positive = 512
    qk_rope_head_dim: rt.Positive = 64
    qk_nope_head_dim: rt.Positive = 192
    v_head_dim: rt.Positive = 256
    max_position_embeddings: rt.Positive = 202752
