# generated from schemas/jais2.yaml by `make generate`; do not edit.
# kvarch-digest: render=9bad5f28902f1f45 content=28aa2adfe5091d8b
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Jais2Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Jais2 decoder (Llama geometry, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/jais2.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 26
    hidden_size: rt.Width = 3328
    max_position_embeddings: rt.Positive = 8192
