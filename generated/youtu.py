# generated from schemas/youtu.yaml by `make generate`; do not edit.
# kvarch-digest: render=c870421c17de3b99 content=518f540393215b2d
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class YoutuConfig(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """Youtu-LLM decoder with multi-head latent attention (DeepSeek-V3 latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("youtu",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("YoutuForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/youtu.yaml"

    num_hidden_layers: Annotated[int, rt.hf(ge=1)] = 32
    num_attention_heads: Annotated[int, rt.hf(ge=1)] = 16
    kv_lora_rank: Annotated[int, rt.hf(ge=1)] = 512
    qk_rope_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    qk_nope_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    v_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
