# generated from schemas/hy_v3.yaml by `make generate`; do not edit.
# kvarch-digest: render=1b3615f35b02dfa4 content=3ad1571b1f52e2dc
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class HYV3Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """HY-V3 decoder (Llama geometry, explicit head_dim, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/hy_v3.yaml"

    num_hidden_layers: rt.Layers = 80
    num_attention_heads: rt.Heads = 64
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 4096
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 131072
