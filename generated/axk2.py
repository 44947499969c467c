# generated from schemas/axk2.yaml by `make generate`; do not edit.
# kvarch-digest: render=9c1427fe836b5df0 content=3c55d0b8c3fd38c2
from typing import ClassVar

from generated.deepseek_v32 import DeepseekV32Config
from kvarch import schema_runtime as rt


class AXK2Config(DeepseekV32Config, frozen=True, kw_only=True, dict=True):
    """A.X-K2 decoder: MLA with a DSA indexer over every token (latent KV cache plus the indexer
    keys)."""

    SCHEMA: ClassVar[str] = "schemas/axk2.yaml"

    num_hidden_layers: rt.Positive = 48
    num_attention_heads: rt.Positive = 32
    kv_lora_rank: rt.Positive = 128
    qk_rope_head_dim: rt.Positive = 32
    qk_nope_head_dim: rt.Positive = 64
    v_head_dim: rt.Positive = 64
    max_position_embeddings: rt.Positive = 131072
    layer_types: list[str] | None = None
    """Per-layer attention kind (indexed_attention attends over every cached token)."""
