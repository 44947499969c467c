# generated from schemas/glm_moe_dsa.yaml by `make generate`; do not edit.
# kvarch-digest: render=e2a58399f4e82ee4 content=a57293dd866712ae
from typing import Annotated, ClassVar

from generated.deepseek_v32 import DeepseekV32Config
from kvarch import schema_runtime as rt


class GlmMoeDsaConfig(DeepseekV32Config, frozen=True, kw_only=True, dict=True):
    """GLM MoE DSA decoder (MLA latent KV cache; indexer key cache not counted)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("glm_moe_dsa",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GlmMoeDsaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/glm_moe_dsa.yaml"

    num_hidden_layers: Annotated[int, rt.hf(ge=1)] = 78
    num_attention_heads: Annotated[int, rt.hf(ge=1)] = 64
    qk_nope_head_dim: Annotated[int, rt.hf(ge=1)] = 192
    v_head_dim: Annotated[int, rt.hf(ge=1)] = 256
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 202752
