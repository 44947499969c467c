# generated from schemas/inkling_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=afbfecb0f986986c content=7eb2c5bc5507f265
from typing import Annotated, ClassVar

import msgspec

from kvarch import schema_runtime as rt


class InklingTextConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """Inkling text decoder (hybrid conv+attention layers; sliding layers have their own KV
    geometry)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("inkling_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("InklingForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/inkling_text.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"hybrid": "full", "hybrid_sliding": "sliding"})

    num_hidden_layers: rt.Positive = 66
    """Decoder layers."""
    num_kv_heads: Annotated[int, rt.hf("num_key_value_heads", ge=1)] = 8
    """KV heads of a full (hybrid) layer."""
    explicit_head_dim: rt.HeadDim = 128
    """Per-head width of a full (hybrid) layer."""
    swa_num_kv_heads: Annotated[int, rt.hf("swa_num_key_value_heads", ge=1)] = 16
    """KV heads of a sliding (hybrid_sliding) layer."""
    swa_head_dim: rt.Positive = 128
    """Per-head width of a sliding (hybrid_sliding) layer."""
    sliding_window_size: Annotated[int, rt.hf("sliding_window_size", "sliding_window", ge=1)] = 512
    """Tokens a sliding layer sees."""
    local_layer_ids: list[int] = msgspec.field(default_factory=list)
    """Indices of the sliding layers, when the config lists them instead of layer_types."""
    layer_types: list[str] | None = None
    """Per-layer block kind, hybrid or hybrid_sliding."""
    max_position_embeddings: Annotated[
        int, rt.hf("max_position_embeddings", "model_max_length", ge=1)
    ] = 131072
    """Longest sequence the positional encoding was trained for."""

    _count = rt.from_input("num_hidden_layers")

    @rt.reads("local_layer_ids")
    def _kind(self, i: int) -> str:
        return (
            ("sliding" if i in self.local_layer_ids else "full")
            if len(self.local_layer_ids) > 0
            else "full"
            if (i + 1) % 6 == 0
            else "sliding"
        )

    _window = rt.from_input("sliding_window_size")

    @rt.reads("swa_num_kv_heads", "num_kv_heads")
    def _num_kv_heads(self, i: int, kind: str, kinds: list[str]) -> int:
        return self.swa_num_kv_heads if kind == "sliding" else self.num_kv_heads

    @rt.reads("swa_head_dim", "explicit_head_dim")
    def _k_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return self.swa_head_dim if kind == "sliding" else self.explicit_head_dim

    _max_length = rt.from_input("max_position_embeddings")
