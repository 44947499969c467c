# generated from schemas/jetmoe.yaml by `make generate`; do not edit.
# kvarch-digest: render=0b4f2cfff54dfd34 content=e60deaef01338cf7
from typing import Annotated, ClassVar

from kvarch import schema_runtime as rt


class JetMoeConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """JetMoE decoder (mixture of attention heads; KV heads of width kv_channels)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("jetmoe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("JetMoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/jetmoe.yaml"

    num_hidden_layers: rt.Positive = 12
    """Decoder layers."""
    num_kv_heads: Annotated[int, rt.hf("num_key_value_heads", ge=1)] = 16
    """KV heads per layer (shared by the attention experts)."""
    kv_channels: Annotated[int, rt.hf("kv_channels", "head_dim", ge=1)] = 128
    """Elements per K and V head."""
    max_position_embeddings: rt.Positive = 4096
    """Longest sequence the positional encoding was trained for."""

    @rt.reads("num_hidden_layers")
    def _count(self) -> int:
        return self.num_hidden_layers

    @rt.reads("num_kv_heads")
    def _num_kv_heads(self, i: int, kind: str, kinds: list[str]) -> int:
        return self.num_kv_heads

    @rt.reads("kv_channels")
    def _k_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return self.kv_channels

    @rt.reads("max_position_embeddings")
    def _max_length(self) -> int | None:
        return self.max_position_embeddings
