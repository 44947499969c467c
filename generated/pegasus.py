# generated from schemas/pegasus.yaml by `make generate`; do not edit.
# kvarch-digest: render=9361066f26168cef content=c2a74a86cb39bcdd
from typing import ClassVar

from generated.bart import BartConfig


class PegasusConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """Pegasus decoder (BART's cache: full self-attention per token, cross-attention K/V per
    sequence)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("pegasus",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = (
        "PegasusForCausalLM",
        "PegasusForConditionalGeneration",
    )
    SCHEMA: ClassVar[str] = "schemas/pegasus.yaml"
