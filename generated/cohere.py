# generated from schemas/cohere.yaml by `make generate`; do not edit.
# kvarch-digest: render=a87ad263c81e159a content=97a82a0f41ebe69f
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class CohereConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Cohere decoder (GQA, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/cohere.yaml"

    num_hidden_layers: rt.Layers = 40
    num_attention_heads: rt.Heads = 64
    hidden_size: rt.Width = 8192
    max_position_embeddings: rt.Positive = 8192
