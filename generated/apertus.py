# generated from schemas/apertus.yaml by `make generate`; do not edit.
# kvarch-digest: render=fa89d31341060efd content=7cbf6653465d9137
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class ApertusConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Apertus decoder (every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/apertus.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 65536
