# generated from schemas/gemma4_unified.yaml by `make generate`; do not edit.
# kvarch-digest: render=fb3815a75da285cc content=2065704a87b195bc
"""Gemma4UnifiedVlmConfig: Gemma4 Unified multimodal model (the Gemma4 Unified text decoder under
text_config)."""

from __future__ import annotations

from typing import ClassVar

from generated.gemma4_unified_text import Gemma4UnifiedTextConfig


class Gemma4UnifiedVlmConfig(Gemma4UnifiedTextConfig, kw_only=True, dict=True):
    """Gemma4 Unified multimodal model (the Gemma4 Unified text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma4_unified",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma4UnifiedForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/gemma4_unified.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
