# generated from schemas/glm4_moe_lite.yaml by `make generate`; do not edit.
# kvarch-digest: render=8666a6a7e59d0a0b content=5a64fb93818f975c
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class Glm4MoeLiteConfig(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """GLM-4 MoE Lite decoder with multi-head latent attention (latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("glm4_moe_lite",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Glm4MoeLiteForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/glm4_moe_lite.yaml"

    num_hidden_layers: Annotated[int, rt.hf(ge=1)] = 47
    num_attention_heads: Annotated[int, rt.hf(ge=1)] = 20
    kv_lora_rank: Annotated[int, rt.hf(ge=1)] = 512
    qk_rope_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    qk_nope_head_dim: Annotated[int, rt.hf(ge=1)] = 192
    v_head_dim: Annotated[int, rt.hf(ge=1)] = 256
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 202752
