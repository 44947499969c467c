# generated from schemas/phi3.yaml by `make generate`; do not edit.
# kvarch-digest: render=ab0a6374a32650a7 content=c9b9b60f1af5374d
from typing import ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Phi3Config(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Phi-3 decoder (every layer sliding when sliding_window is set)."""

    SCHEMA: ClassVar[str] = "schemas/phi3.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 3072
    max_position_embeddings: rt.Positive = 4096
