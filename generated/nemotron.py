# generated from schemas/nemotron.yaml by `make generate`; do not edit.
# kvarch-digest: render=5ee299b393d642db content=e74d501230093b97
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class NemotronConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Nemotron decoder (every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/nemotron.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 48
    hidden_size: rt.Width = 6144
    max_position_embeddings: rt.Positive = 4096
