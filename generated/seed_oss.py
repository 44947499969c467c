# generated from schemas/seed_oss.yaml by `make generate`; do not edit.
# kvarch-digest: render=574f9e26a0ebedce content=ae151b6f15feceae
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class SeedOssConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Seed-OSS decoder (Llama geometry, explicit head_dim)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("seed_oss",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("SeedOssForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/seed_oss.yaml"

    num_hidden_layers: rt.Layers = 64
    num_attention_heads: rt.Heads = 80
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 4096
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 524288
