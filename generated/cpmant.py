# generated from schemas/cpmant.yaml by `make generate`; do not edit.
# kvarch-digest: render=a69b34e4879fdda0 content=a930904fd84b34aa
from typing import ClassVar

from kvarch import schema_runtime as rt


class CpmantConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """CPM-Ant decoder (multi-head attention, head width dim_head)."""

    SCHEMA: ClassVar[str] = "schemas/cpmant.yaml"

    num_hidden_layers: rt.Positive
    """Decoder layers."""
    num_attention_heads: rt.Positive
    """Attention heads (each keeps its own K/V head)."""
    dim_head: rt.Positive = 128
    """Elements per K and V head."""
    position_bias_max_distance: rt.Positive = 2048
    """Distance where relative position buckets saturate (the length bound)."""

    _count = rt.from_input("num_hidden_layers")
    _num_kv_heads = rt.from_input("num_attention_heads")
    _k_head_dim = rt.from_input("dim_head")
    _max_length = rt.from_input("position_bias_max_distance")
