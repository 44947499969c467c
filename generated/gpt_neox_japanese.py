# generated from schemas/gpt_neox_japanese.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=86165485c69de4ad content=11844cae3ebcfa5e
# ruff: noqa: E501
"""GptNeoxJapaneseConfig: GPT-NeoX-Japanese decoder (multi-head attention, head_dim = hidden_size / heads)."""

from __future__ import annotations

from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig


class GptNeoxJapaneseConfig(GptNeoxConfig, kw_only=True, dict=True):
    """GPT-NeoX-Japanese decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gpt_neox_japanese",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GPTNeoXJapaneseForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gpt_neox_japanese.yaml"
