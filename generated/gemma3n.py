# generated from schemas/gemma3n.yaml by `make generate`; do not edit.
# kvarch-digest: render=0a54f6bfcfe4dfcb content=f607d44d4eeb181e
from typing import ClassVar

from generated.gemma3n_text import Gemma3nTextConfig


class Gemma3nVlmConfig(Gemma3nTextConfig, kw_only=True, dict=True):
    """Gemma3n multimodal model (the Gemma3n text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma3n",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma3nForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/gemma3n.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
