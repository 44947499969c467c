# generated from schemas/mbart.yaml by `make generate`; do not edit.
# kvarch-digest: render=b77e47f004dca918 content=5bf8186f01d6b6b1
from typing import ClassVar

from generated.bart import BartConfig


class MBartConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """mBART decoder (BART's cache: full self-attention per token, cross-attention K/V per
    sequence)."""

    SCHEMA: ClassVar[str] = "schemas/mbart.yaml"
