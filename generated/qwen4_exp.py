# generated from schemas/qwen4_exp.yaml by `make generate`; do not edit.
# kvarch-digest: render=f88d8e15f726d4a2 content=36a76be9ef1f684f
"""Qwen4ExpConfig: Qwen4-Exp vision-language model (text decoder under text_config)."""

from __future__ import annotations

from typing import ClassVar

from generated.qwen4_exp_text import Qwen4ExpTextConfig


class Qwen4ExpConfig(Qwen4ExpTextConfig, kw_only=True, dict=True):
    """Qwen4-Exp vision-language model (text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen4_exp",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen4ExpForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/qwen4_exp.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
