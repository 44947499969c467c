# generated from schemas/gemma3n.yaml by `make generate`; do not edit.
# kvarch-digest: render=3edd01b9277e6d70 content=d0d2cdd78e6dbe40
from typing import ClassVar

from generated.gemma3n_text import Gemma3nTextConfig


class Gemma3nVlmConfig(Gemma3nTextConfig, frozen=True, kw_only=True, dict=True):
    """Gemma3n multimodal model (the Gemma3n text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma3n",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma3nForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/gemma3n.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
