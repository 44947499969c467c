# generated from schemas/exaone.yaml by `make generate`; do not edit.
# kvarch-digest: render=fd9ecb962951be37 content=9d98c6749abddd25
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class ExaoneConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """EXAONE 3 decoder (GQA, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/exaone.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = 8
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 4096
