# generated from schemas/mvp.yaml by `make generate`; do not edit.
# kvarch-digest: render=bf35a13542fbea73 content=798e11384571bd6f
from typing import ClassVar

from generated.bart import BartConfig


class MvpConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """MVP decoder (BART's cache: full self-attention per token, cross-attention K/V per
    sequence)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("mvp",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MvpForCausalLM", "MvpForConditionalGeneration")
    SCHEMA: ClassVar[str] = "schemas/mvp.yaml"
