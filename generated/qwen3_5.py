# generated from schemas/qwen3_5.yaml by `make generate`; do not edit.
# kvarch-digest: render=14e84993eaa058a3 content=b0b7163e99c41698
from typing import ClassVar

from generated.qwen3_5_text import Qwen35TextConfig


class Qwen35Config(Qwen35TextConfig, kw_only=True, dict=True):
    """Qwen3.5 VLM (the Qwen3.5 text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen3_5",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen3_5ForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/qwen3_5.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
