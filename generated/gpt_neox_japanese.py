# generated from schemas/gpt_neox_japanese.yaml by `make generate`; do not edit.
# kvarch-digest: render=c8fae58095b39e86 content=664a408fdb9f588a
from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig


class GptNeoxJapaneseConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """GPT-NeoX-Japanese decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gpt_neox_japanese",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GPTNeoXJapaneseForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gpt_neox_japanese.yaml"
