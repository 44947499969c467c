# generated from schemas/qwen3_5_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=e03ef2e5bb7624db content=8dbc2b6f6c1232b0
from typing import ClassVar

from generated.qwen3_5_moe_text import Qwen35MoeTextConfig


class Qwen35MoeConfig(Qwen35MoeTextConfig, frozen=True, kw_only=True, dict=True):
    """Qwen3.5-MoE VLM (the Qwen3.5-MoE text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen3_5_moe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen3_5MoeForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/qwen3_5_moe.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
