# generated from schemas/mvp.yaml by `make generate`; do not edit.
# kvarch-digest: render=5fc4a5cfa7f30f80 content=3b9fe38eb72b27ae
from typing import ClassVar

from generated.bart import BartConfig


class MvpConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """MVP decoder (BART's cache: full self-attention per token, cross-attention K/V per
    sequence)."""

    SCHEMA: ClassVar[str] = "schemas/mvp.yaml"
