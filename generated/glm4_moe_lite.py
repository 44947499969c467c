# generated from schemas/glm4_moe_lite.yaml by `make generate`; do not edit.
# kvarch-digest: render=dc21c6203c313db2 content=a350f62d3c1c5928
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class Glm4MoeLiteConfig(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """GLM-4 MoE Lite decoder with multi-head latent attention (latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("glm4_moe_lite",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Glm4MoeLiteForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/glm4_moe_lite.yaml"

    num_hidden_layers: Annotated[int, rt.hf(ge=1)] = 47
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf(ge=1)] = 20
    """Query heads."""
    kv_lora_rank: Annotated[int, rt.hf(ge=1)] = 512
    """Width of the compressed KV latent."""
    qk_rope_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    """Width of the rotary key part shared by all heads."""
    qk_nope_head_dim: Annotated[int, rt.hf(ge=1)] = 192
    """Width of the non-rotary key part per head."""
    v_head_dim: Annotated[int, rt.hf(ge=1)] = 256
    """Value width per head."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 202752
    """Longest sequence (already the rope-extended length)."""
