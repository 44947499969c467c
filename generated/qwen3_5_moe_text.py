# generated from schemas/qwen3_5_moe_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=b6f8b9902d3a499a content=5dbd9124ef2ff3b2
from typing import ClassVar

from generated.qwen3_next import Qwen3NextConfig
from kvarch import schema_runtime as rt


class Qwen35MoeTextConfig(Qwen3NextConfig, frozen=True, kw_only=True, dict=True):
    """Qwen3.5-MoE text decoder (linear-attention layers keep no KV; full attention every 4th)."""

    SCHEMA: ClassVar[str] = "schemas/qwen3_5_moe_text.yaml"

    num_hidden_layers: rt.Layers = 40
