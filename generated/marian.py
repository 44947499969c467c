# generated from schemas/marian.yaml by `make generate`; do not edit.
# kvarch-digest: render=6b1a84c695c0ebc5 content=69e5f3c8dc5fb79f
from typing import ClassVar

from generated.bart import BartConfig


class MarianConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """Marian decoder (BART's cache: full self-attention per token, cross-attention K/V per
    sequence)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("marian",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MarianForCausalLM", "MarianMTModel")
    SCHEMA: ClassVar[str] = "schemas/marian.yaml"
