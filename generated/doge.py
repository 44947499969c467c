# generated from schemas/doge.yaml by `make generate`; do not edit.
# kvarch-digest: render=954b416e2f4e3790 content=112323acfed4c957
from typing import ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class DogeConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Doge decoder (Llama geometry; every layer sliding when sliding_window is set)."""

    SCHEMA: ClassVar[str] = "schemas/doge.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 8
    hidden_size: rt.Width = 1024
    max_position_embeddings: rt.Positive = 2048
