# generated from schemas/gpt_neox_japanese.yaml by `make generate`; do not edit.
# kvarch-digest: render=cd027be376e24589 content=b374d9362a125436
"""GptNeoxJapaneseConfig: GPT-NeoX-Japanese decoder (multi-head attention, head_dim = hidden_size
/ heads)."""

from __future__ import annotations

from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig


class GptNeoxJapaneseConfig(GptNeoxConfig, kw_only=True, dict=True):
    """GPT-NeoX-Japanese decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gpt_neox_japanese",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GPTNeoXJapaneseForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gpt_neox_japanese.yaml"
