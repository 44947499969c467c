# generated from schemas/gemma3.yaml by `make generate`; do not edit.
# kvarch-digest: render=d5b6deb089aa8c04 content=c17a5356ee0dd33e
"""Gemma3VlmConfig: Gemma3 vision-language model (the Gemma3 text decoder under text_config)."""

from __future__ import annotations

from typing import ClassVar

from generated.gemma3_text import Gemma3TextConfig


class Gemma3VlmConfig(Gemma3TextConfig, kw_only=True, dict=True):
    """Gemma3 vision-language model (the Gemma3 text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma3ForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/gemma3.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
