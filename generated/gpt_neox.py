# generated from schemas/gpt_neox.yaml by `make generate`; do not edit.
# kvarch-digest: render=2da88fe03ba5be55 content=aed8e463e935229d
from typing import ClassVar

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt


class GptNeoxConfig(Gpt2Config, frozen=True, kw_only=True, dict=True):
    """GPT-NeoX decoder (multi-head attention, head_dim = hidden_size / heads)."""

    SCHEMA: ClassVar[str] = "schemas/gpt_neox.yaml"

    num_hidden_layers: rt.Positive
    num_attention_heads: rt.Positive
    hidden_size: rt.Positive
    max_position_embeddings: rt.Positive = 2048
