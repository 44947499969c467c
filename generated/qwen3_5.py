# generated from schemas/qwen3_5.yaml by `make generate`; do not edit.
# kvarch-digest: render=547fffa954a6e7c9 content=c2c88e060cbb4efc
from typing import ClassVar

from generated.qwen3_5_text import Qwen35TextConfig


class Qwen35Config(Qwen35TextConfig, frozen=True, kw_only=True, dict=True):
    """Qwen3.5 VLM (the Qwen3.5 text decoder under text_config)."""

    SCHEMA: ClassVar[str] = "schemas/qwen3_5.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
