# generated from schemas/gpt_neox_japanese.yaml by `make generate`; do not edit.
# kvarch-digest: render=2e1bbd18eea8a82e content=c722dd46ca5a3876
from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig


class GptNeoxJapaneseConfig(GptNeoxConfig, kw_only=True, dict=True):
    """GPT-NeoX-Japanese decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gpt_neox_japanese",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GPTNeoXJapaneseForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gpt_neox_japanese.yaml"
