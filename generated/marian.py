# generated from schemas/marian.yaml by `make generate`; do not edit.
# kvarch-digest: render=5b099c70c8860965 content=b20a5fe5494a02d7
from typing import ClassVar

from generated.bart import BartConfig


class MarianConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """Marian decoder (BART's cache: full self-attention per token, cross-attention K/V per
    sequence)."""

    SCHEMA: ClassVar[str] = "schemas/marian.yaml"
