# generated from schemas/youtu.yaml by `make generate`; do not edit.
# kvarch-digest: render=232bfb6bc921f61c content=8965cd8526773d64
from typing import ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class YoutuConfig(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """Youtu-LLM decoder with multi-head latent attention (DeepSeek-V3 latent KV cache)."""

    SCHEMA: ClassVar[str] = "schemas/youtu.yaml"

    num_hidden_layers: rt.Positive = 32
    num_attention_heads: rt.Positive = 16
    kv_lora_rank: rt.Positive = 512
    qk_rope_head_dim: rt.Positive = 64
    qk_nope_head_dim: rt.Positive = 128
    v_head_dim: rt.Positive = 128
    max_position_embeddings: rt.Positive = 131072
