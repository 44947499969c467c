# generated from schemas/gemma3.yaml by `make generate`; do not edit.
# kvarch-digest: render=945edf52c47e2714 content=3f218f3ccd461b57
from typing import ClassVar

from generated.gemma3_text import Gemma3TextConfig


class Gemma3VlmConfig(Gemma3TextConfig, kw_only=True, dict=True):
    """Gemma3 vision-language model (the Gemma3 text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma3ForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/gemma3.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
