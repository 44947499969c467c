# generated from schemas/axk1.yaml by `make generate`; do not edit.
# kvarch-digest: render=62abdb6f457396c0 content=3a51c49a2f495d7d
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class AXK1Config(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """A.X-K1 decoder with multi-head latent attention (DeepSeek-V3 latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("axk1",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("AXK1ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/axk1.yaml"

    num_hidden_layers: Annotated[int, rt.hf(ge=1)] = 61
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
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 32768
    """Longest sequence (already the rope-extended length)."""
