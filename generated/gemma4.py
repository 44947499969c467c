# generated from schemas/gemma4.yaml by `make generate`; do not edit.
# kvarch-digest: render=7f9e85f8f87d886e content=ac9af4bb50d62832
from typing import ClassVar

from generated.gemma4_text import Gemma4TextConfig


class Gemma4VlmConfig(Gemma4TextConfig, frozen=True, kw_only=True, dict=True):
    """Gemma4 multimodal model (the Gemma4 text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma4",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma4ForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/gemma4.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
