# generated from schemas/llama4.yaml by `make generate`; do not edit.
# kvarch-digest: render=d7609f4770fa9814 content=11c6f25b6b740d22
from typing import ClassVar

from generated.llama4_text import Llama4TextConfig


class Llama4Config(Llama4TextConfig, frozen=True, kw_only=True, dict=True):
    """Llama 4 multimodal model (chunked-attention text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("llama4",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Llama4ForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/llama4.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
