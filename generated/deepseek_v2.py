# generated from schemas/deepseek_v2.yaml by `make generate`; do not edit.
# kvarch-digest: render=ebcf9a6f1642bea9 content=6085e64033d80a9a
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class DeepseekV2Config(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """DeepSeek-V2 decoder with multi-head latent attention (latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("deepseek_v2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("DeepseekV2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/deepseek_v2.yaml"

    num_hidden_layers: Annotated[int, rt.hf(ge=1)] = 32
    num_attention_heads: Annotated[int, rt.hf(ge=1)] = 32
    kv_lora_rank: Annotated[int, rt.hf(ge=1)] = 512
    qk_rope_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    qk_nope_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    v_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 2048
