# generated from schemas/axk1.yaml by `make generate`; do not edit.
# kvarch-digest: render=f8d1d11842ab6524 content=3ec17a5e793dcd3d
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class AXK1Config(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """A.X-K1 decoder with multi-head latent attention (DeepSeek-V3 latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("axk1",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("AXK1ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/axk1.yaml"

    num_hidden_layers: Annotated[int, rt.hf(ge=1)] = 61
    num_attention_heads: Annotated[int, rt.hf(ge=1)] = 64
    kv_lora_rank: Annotated[int, rt.hf(ge=1)] = 512
    qk_rope_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    qk_nope_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    v_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 32768
