# generated from schemas/deepseek_v2.yaml by `make generate`; do not edit.
# kvarch-digest: render=fc68e05d3e5f5202 content=3fe2b008be1131e9
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class DeepseekV2Config(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """DeepSeek-V2 decoder with multi-head latent attention (latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("deepseek_v2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("DeepseekV2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/deepseek_v2.yaml"

    num_hidden_layers: Annotated[int, rt.hf(ge=1)] = 32
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf(ge=1)] = 32
    """Query heads."""
    kv_lora_rank: Annotated[int, rt.hf(ge=1)] = 512
    """Width of the compressed KV latent."""
    qk_rope_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    """Width of the rotary key part shared by all heads."""
    qk_nope_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    """Width of the non-rotary key part per head."""
    v_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    """Value width per head."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 2048
    """Longest sequence (already the rope-extended length)."""
