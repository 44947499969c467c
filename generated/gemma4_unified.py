# generated from schemas/gemma4_unified.yaml by `make generate`; do not edit.
# kvarch-digest: render=7a5d57950f1d9b29 content=cc62b98fc3bdb857
from typing import ClassVar

from generated.gemma4_unified_text import Gemma4UnifiedTextConfig


class Gemma4UnifiedVlmConfig(Gemma4UnifiedTextConfig, kw_only=True, dict=True):
    """Gemma4 Unified multimodal model (the Gemma4 Unified text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma4_unified",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma4UnifiedForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/gemma4_unified.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
