# generated from schemas/gemma4_unified.yaml by `make generate`; do not edit.
# kvarch-digest: render=e7751869fe72b000 content=1fbcbb2419faa636
from typing import ClassVar

from generated.gemma4_unified_text import Gemma4UnifiedTextConfig


class Gemma4UnifiedVlmConfig(Gemma4UnifiedTextConfig, frozen=True, kw_only=True, dict=True):
    """Gemma4 Unified multimodal model (the Gemma4 Unified text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma4_unified",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma4UnifiedForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/gemma4_unified.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
