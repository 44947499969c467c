# generated from schemas/qwen3_5_moe_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=8ded4a24c986f9f3 content=f7f5bf1114050ec4
from typing import ClassVar

from generated.qwen3_next import Qwen3NextConfig
from kvarch import schema_runtime as rt


class Qwen35MoeTextConfig(Qwen3NextConfig, frozen=True, kw_only=True, dict=True):
    """Qwen3.5-MoE text decoder (linear-attention layers keep no KV; full attention every 4th)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen3_5_moe_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen3_5MoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/qwen3_5_moe_text.yaml"

    num_hidden_layers: rt.Layers = 40
