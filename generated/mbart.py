# generated from schemas/mbart.yaml by `make generate`; do not edit.
# kvarch-digest: render=229543eecac826ea content=6fa63d347179536d
from typing import ClassVar

from generated.bart import BartConfig


class MBartConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """mBART decoder (BART's cache: full self-attention per token, cross-attention K/V per
    sequence)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("mbart",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MBartForCausalLM", "MBartForConditionalGeneration")
    SCHEMA: ClassVar[str] = "schemas/mbart.yaml"
