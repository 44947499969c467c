# generated from schemas/arcee.yaml by `make generate`; do not edit.
# kvarch-digest: render=559b9c860c27998e content=4572df5c6ba726a1
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class ArceeConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Arcee decoder (every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/arcee.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 2560
    max_position_embeddings: rt.Positive = 4096
