# generated from schemas/cpmant.yaml by `make generate`; do not edit.
# kvarch-digest: render=d95a789d96453713 content=c35a44e3223dba97
from typing import ClassVar

from kvarch import schema_runtime as rt


class CpmantConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """CPM-Ant decoder (multi-head attention, head width dim_head)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("cpmant",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CpmAntForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/cpmant.yaml"

    num_hidden_layers: rt.Positive
    """Decoder layers."""
    num_attention_heads: rt.Positive
    """Attention heads (each keeps its own K/V head)."""
    dim_head: rt.Positive = 128
    """Elements per K and V head."""
    position_bias_max_distance: rt.Positive = 2048
    """Distance where relative position buckets saturate (the length bound)."""

    @rt.reads("num_hidden_layers")
    def _count(self) -> int:
        return self.num_hidden_layers

    @rt.reads("num_attention_heads")
    def _num_kv_heads(self, i: int, kind: str, kinds: list[str]) -> int:
        return self.num_attention_heads

    @rt.reads("dim_head")
    def _k_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return self.dim_head

    @rt.reads("position_bias_max_distance")
    def _max_length(self) -> int | None:
        return self.position_bias_max_distance
