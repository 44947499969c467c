# generated from schemas/deepseek_v2.yaml by `make generate`; do not edit.
# kvarch-digest: render=eb41d8815164be51 content=80210aba62a83137
from typing import ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class DeepseekV2Config(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """DeepSeek-V2 decoder with multi-head latent attention (latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("deepseek_v2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("DeepseekV2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/deepseek_v2.yaml"

    num_hidden_layers: rt.Positive = 32
    num_attention_heads: rt.Positive = 32
    kv_lora_rank: rt.Positive = 512
    qk_rope_head_dim: rt.Positive = 64
    qk_nope_head_dim: rt.Positive = 128
    v_head_dim: rt.Positive = 128
    max_position_embeddings: rt.Positive = 2048
