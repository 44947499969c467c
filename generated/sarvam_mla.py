# generated from schemas/sarvam_mla.yaml by `make generate`; do not edit.
# kvarch-digest: render=7679c9fdc57be658 content=67eb57e806f53102
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class SarvamMLAConfig(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """Sarvam MLA decoder (DeepSeek-V3 architecture, latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("sarvam_mla",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ()
    SCHEMA: ClassVar[str] = "schemas/sarvam_mla.yaml"

    num_hidden_layers: Annotated[int, rt.hf(ge=1)] = 32
    num_attention_heads: Annotated[int, rt.hf(ge=1)] = 64
    kv_lora_rank: Annotated[int, rt.hf(ge=1)] = 512
    qk_rope_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    qk_nope_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    v_head_dim: Annotated[int, rt.hf(ge=1)] = 128
