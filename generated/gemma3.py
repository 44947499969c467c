# generated from schemas/gemma3.yaml by `make generate`; do not edit.
# kvarch-digest: render=e6bd432128335ae1 content=dae952e8c2f5abb4
from typing import ClassVar

from generated.gemma3_text import Gemma3TextConfig


class Gemma3VlmConfig(Gemma3TextConfig, frozen=True, kw_only=True, dict=True):
    """Gemma3 vision-language model (the Gemma3 text decoder under text_config)."""

    SCHEMA: ClassVar[str] = "schemas/gemma3.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
