# generated from schemas/gemma3n.yaml by `make generate`; do not edit.
# kvarch-digest: render=be08d79cc4ded077 content=4633489dcd95a853
from typing import ClassVar

from generated.gemma3n_text import Gemma3nTextConfig


class Gemma3nVlmConfig(Gemma3nTextConfig, frozen=True, kw_only=True, dict=True):
    """Gemma3n multimodal model (the Gemma3n text decoder under text_config)."""

    SCHEMA: ClassVar[str] = "schemas/gemma3n.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
