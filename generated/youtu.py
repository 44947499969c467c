# generated from schemas/youtu.yaml by `make generate`; do not edit.
# kvarch-digest: render=cb7fe6db76f4c7c5 content=51b796a5236b02af
from typing import ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class YoutuConfig(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """Youtu-LLM decoder with multi-head latent attention (DeepSeek-V3 latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("youtu",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("YoutuForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/youtu.yaml"

    num_hidden_layers: rt.Positive = 32
    num_attention_heads: rt.Positive = 16
    kv_lora_rank: rt.Positive = 512
    qk_rope_head_dim: rt.Positive = 64
    qk_nope_head_dim: rt.Positive = 128
    v_head_dim: rt.Positive = 128
    max_position_embeddings: rt.Positive = 131072
