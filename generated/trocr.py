# generated from schemas/trocr.yaml by `make generate`; do not edit.
# kvarch-digest: render=d67b1be59b1cc849 content=2a06dc8ad2483b87
from typing import ClassVar

from generated.bart import BartConfig
from kvarch import schema_runtime as rt


class TrOCRConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """TrOCR decoder (full self-attention per token, cross-attention K/V of the vision encoder's
    patches per sequence)."""

    SCHEMA: ClassVar[str] = "schemas/trocr.yaml"

    max_position_embeddings: rt.Positive = 512
