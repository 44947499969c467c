# generated from schemas/qwen3_5_moe_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=07509943a84f851e content=4e9ad4ba553e2723
from typing import Annotated, ClassVar

from generated.qwen3_next import Qwen3NextConfig
from kvarch import schema_runtime as rt


class Qwen35MoeTextConfig(Qwen3NextConfig, frozen=True, kw_only=True, dict=True):
    """Qwen3.5-MoE text decoder (linear-attention layers keep no KV; full attention every 4th)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen3_5_moe_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen3_5MoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/qwen3_5_moe_text.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        40
    )
