# generated from schemas/llama4.yaml by `make generate`; do not edit.
# kvarch-digest: render=1f49ff669f189077 content=16d18c85102bd964
from typing import ClassVar

from generated.llama4_text import Llama4TextConfig


class Llama4Config(Llama4TextConfig, kw_only=True, dict=True):
    """Llama 4 multimodal model (chunked-attention text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("llama4",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Llama4ForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/llama4.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
