# generated from schemas/youtu.yaml by `make generate`; do not edit.
# kvarch-digest: render=6f97a632bdc456d9 content=c70a7db7700bb61f
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class YoutuConfig(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """Youtu-LLM decoder with multi-head latent attention (DeepSeek-V3 latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("youtu",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("YoutuForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/youtu.yaml"

    num_hidden_layers: Annotated[int, rt.hf(ge=1)] = 32
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf(ge=1)] = 16
    """Query heads."""
    kv_lora_rank: Annotated[int, rt.hf(ge=1)] = 512
    """Width of the compressed KV latent."""
    qk_rope_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    """Width of the rotary key part shared by all heads."""
    qk_nope_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    """Width of the non-rotary key part per head."""
    v_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    """Value width per head."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
    """Longest sequence (already the rope-extended length)."""
