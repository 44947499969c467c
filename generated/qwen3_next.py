# generated from schemas/qwen3_next.yaml by `make generate`; do not edit.
# kvarch-digest: render=bff9b86bbc9880fb content=0f3c282dbf828277
from typing import ClassVar

from generated.gated_deltanet_hybrid import GatedDeltanetHybridConfig
from kvarch import schema_runtime as rt


class Qwen3NextConfig(GatedDeltanetHybridConfig, frozen=True, kw_only=True, dict=True):
    """Qwen3-Next hybrid decoder (linear-attention layers keep a per-sequence state, no KV; full
    attention every 4th)."""

    SCHEMA: ClassVar[str] = "schemas/qwen3_next.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 48
    num_attention_heads: rt.Heads = 16
    num_kv_heads: rt.KvHeads = 2
    hidden_size: rt.Width = 2048
    explicit_head_dim: rt.HeadDim = 256
    """Per-head width (transformers' default 256 when the config omits it)."""
    max_position_embeddings: rt.Positive = 32768
    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / full_attention)."""
    full_attention_interval: rt.Positive = 4
    """Without layer_types, every this-many-th layer is full attention."""

    @rt.reads("full_attention_interval")
    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % self.full_attention_interval == 0 else "none"
