# generated from schemas/gemma3.yaml by `make generate`; do not edit.
# kvarch-digest: render=9d46d5b0df856252 content=6eee793afeebff58
from typing import ClassVar

from generated.gemma3_text import Gemma3TextConfig


class Gemma3VlmConfig(Gemma3TextConfig, frozen=True, kw_only=True, dict=True):
    """Gemma3 vision-language model (the Gemma3 text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma3ForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/gemma3.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
