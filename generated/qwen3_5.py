# generated from schemas/qwen3_5.yaml by `make generate`; do not edit.
# kvarch-digest: render=8bcdcc89e5171d73 content=cba12189b820c700
from typing import ClassVar

from generated.qwen3_5_text import Qwen35TextConfig


class Qwen35Config(Qwen35TextConfig, frozen=True, kw_only=True, dict=True):
    """Qwen3.5 VLM (the Qwen3.5 text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen3_5",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen3_5ForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/qwen3_5.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
