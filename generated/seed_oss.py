# generated from schemas/seed_oss.yaml by `make generate`; do not edit.
# kvarch-digest: render=1efdf7d6ac8627a7 content=9e872f7bfc8f3270
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class SeedOssConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Seed-OSS decoder (Llama geometry, explicit head_dim)."""

    SCHEMA: ClassVar[str] = "schemas/seed_oss.yaml"

    num_hidden_layers: rt.Layers = 64
    num_attention_heads: rt.Heads = 80
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 4096
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 524288
