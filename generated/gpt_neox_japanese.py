# generated from schemas/gpt_neox_japanese.yaml by `make generate`; do not edit.
# kvarch-digest: render=19f1cffe61271abd content=e63752b98cd3ff27
from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig


class GptNeoxJapaneseConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """GPT-NeoX-Japanese decoder (multi-head attention, head_dim = hidden_size / heads)."""

    SCHEMA: ClassVar[str] = "schemas/gpt_neox_japanese.yaml"
