# generated from schemas/minimax_m2.yaml by `make generate`; do not edit.
# kvarch-digest: render=50fb6c0c031955b9 content=6f14d44a5db2e3e4
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MiniMaxM2Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """MiniMax-M2 MoE decoder (Llama geometry, explicit head_dim, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/minimax_m2.yaml"

    num_hidden_layers: rt.Layers = 62
    num_attention_heads: rt.Heads = 48
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 3072
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 196608
