# generated from schemas/ernie4_5.yaml by `make generate`; do not edit.
# kvarch-digest: render=0d46019fe498cce7 content=34afe675da681054
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Ernie45Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """ERNIE 4.5 dense decoder (Llama geometry, explicit head_dim)."""

    SCHEMA: ClassVar[str] = "schemas/ernie4_5.yaml"

    num_hidden_layers: rt.Layers = 18
    num_attention_heads: rt.Heads = 16
    num_kv_heads: rt.KvHeads = 2
    hidden_size: rt.Width = 1024
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 131072
