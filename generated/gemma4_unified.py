# generated from schemas/gemma4_unified.yaml by `make generate`; do not edit.
# kvarch-digest: render=39be601de976096c content=f158652201b3758f
from typing import ClassVar

from generated.gemma4_unified_text import Gemma4UnifiedTextConfig


class Gemma4UnifiedVlmConfig(Gemma4UnifiedTextConfig, frozen=True, kw_only=True, dict=True):
    """Gemma4 Unified multimodal model (the Gemma4 Unified text decoder under text_config)."""

    SCHEMA: ClassVar[str] = "schemas/gemma4_unified.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
