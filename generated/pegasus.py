# generated from schemas/pegasus.yaml by `make generate`; do not edit.
# kvarch-digest: render=fe1cafd68c37f957 content=e28a3ea860dfb820
from typing import ClassVar

from generated.bart import BartConfig


class PegasusConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """Pegasus decoder (BART's cache: full self-attention per token, cross-attention K/V per
    sequence)."""

    SCHEMA: ClassVar[str] = "schemas/pegasus.yaml"
