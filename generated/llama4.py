# generated from schemas/llama4.yaml by `make generate`; do not edit.
# kvarch-digest: render=b1238aa1f63c462d content=f6ab373134c29e6a
from typing import ClassVar

from generated.llama4_text import Llama4TextConfig


class Llama4Config(Llama4TextConfig, frozen=True, kw_only=True, dict=True):
    """Llama 4 multimodal model (chunked-attention text decoder under text_config)."""

    SCHEMA: ClassVar[str] = "schemas/llama4.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
