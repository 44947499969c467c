# generated from schemas/trocr.yaml by `make generate`; do not edit.
# kvarch-digest: render=80e3fee8f7622025 content=84d4df13cb93e3b6
from typing import ClassVar

from generated.bart import BartConfig
from kvarch import schema_runtime as rt


class TrOCRConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """TrOCR decoder (full self-attention per token, cross-attention K/V of the vision encoder's
    patches per sequence)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("trocr",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("TrOCRForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/trocr.yaml"

    max_position_embeddings: rt.Positive = 512
