# generated from schemas/gemma4.yaml by `make generate`; do not edit.
# kvarch-digest: render=be2d09a646484f8e content=c6aacfc8a3db9243
from typing import ClassVar

from generated.gemma4_text import Gemma4TextConfig


class Gemma4VlmConfig(Gemma4TextConfig, frozen=True, kw_only=True, dict=True):
    """Gemma4 multimodal model (the Gemma4 text decoder under text_config)."""

    SCHEMA: ClassVar[str] = "schemas/gemma4.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
