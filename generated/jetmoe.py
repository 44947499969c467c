# generated from schemas/jetmoe.yaml by `make generate`; do not edit.
# kvarch-digest: render=034c36db21eb4d15 content=8238344fddf68b31
from typing import Annotated, ClassVar

from kvarch import schema_runtime as rt


class JetMoeConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """JetMoE decoder (mixture of attention heads; KV heads of width kv_channels)."""

    SCHEMA: ClassVar[str] = "schemas/jetmoe.yaml"

    num_hidden_layers: rt.Positive = 12
    """Decoder layers."""
    num_kv_heads: Annotated[int, rt.hf("num_key_value_heads", ge=1)] = 16
    """KV heads per layer (shared by the attention experts)."""
    kv_channels: Annotated[int, rt.hf("kv_channels", "head_dim", ge=1)] = 128
    """Elements per K and V head."""
    max_position_embeddings: rt.Positive = 4096
    """Longest sequence the positional encoding was trained for."""

    _count = rt.from_input("num_hidden_layers")
    _num_kv_heads = rt.from_input("num_kv_heads")
    _k_head_dim = rt.from_input("kv_channels")
    _max_length = rt.from_input("max_position_embeddings")
