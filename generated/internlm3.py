# generated from schemas/internlm3.yaml by `make generate`; do not edit.
# kvarch-digest: render=50a2722cdfa3e3bf content=c5b90e2dcb197881
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class InternLM3Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """InternLM3 decoder (Llama geometry, explicit head_dim)."""

    SCHEMA: ClassVar[str] = "schemas/internlm3.yaml"

    num_hidden_layers: rt.Layers = 48
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeads = 2
    hidden_size: rt.Width = 4096
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 32768
