# generated from schemas/lara_mini.yaml by `make generate`; do not edit.
# kvarch-digest: render=c1d881f6685bb0d5 content=31279afa077b0717
from typing import ClassVar

from generated.gated_deltanet_hybrid import GatedDeltanetHybridConfig
from kvarch import schema_runtime as rt


class LaraMiniConfig(GatedDeltanetHybridConfig, frozen=True, kw_only=True, dict=True):
    """Lara-Mini decoder (linear-attention layers keep no KV; sliding and full layers do)."""

    SCHEMA: ClassVar[str] = "schemas/lara_mini.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 34
    num_attention_heads: rt.Heads = 16
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 1024
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 131072
    linear_num_key_heads: rt.Positive = 8
    linear_num_value_heads: rt.Positive = 16
    sliding_window: rt.Positive = 512
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer block kind, when the config lists it."""

    def _kind(self, i: int) -> str:
        return "none" if i % 5 in (0, 2) else "full" if i % 5 == 3 else "sliding"

    _window = rt.from_input("sliding_window")
