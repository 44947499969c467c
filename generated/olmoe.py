# generated from schemas/olmoe.yaml by `make generate`; do not edit.
# kvarch-digest: render=32aac7709a672063 content=054f298e27c9e71d
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class OlmoeConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """OLMoE decoder (every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/olmoe.yaml"

    num_hidden_layers: rt.Layers = 16
    num_attention_heads: rt.Heads = 16
    hidden_size: rt.Width = 2048
    max_position_embeddings: rt.Positive = 4096
