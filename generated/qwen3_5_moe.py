# generated from schemas/qwen3_5_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=dcf32f815a9a081e content=b08a4979a41337a5
from typing import ClassVar

from generated.qwen3_5_moe_text import Qwen35MoeTextConfig


class Qwen35MoeConfig(Qwen35MoeTextConfig, kw_only=True, dict=True):
    """Qwen3.5-MoE VLM (the Qwen3.5-MoE text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen3_5_moe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen3_5MoeForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/qwen3_5_moe.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
