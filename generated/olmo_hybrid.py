# generated from schemas/olmo_hybrid.yaml by `make generate`; do not edit.
# kvarch-digest: render=9ed06f7702dac921 content=a6082b45b98fe972
from typing import ClassVar

from generated.gated_deltanet_hybrid import GatedDeltanetHybridConfig
from kvarch import schema_runtime as rt


class OlmoHybridConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """OLMo-Hybrid decoder (linear-attention layers keep no KV; full attention every 4th)."""

    SCHEMA: ClassVar[str] = "schemas/olmo_hybrid.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 32
    """Decoder layers."""
    num_attention_heads: rt.Heads = 30
    """Query heads."""
    num_kv_heads: rt.KvHeads | None = None
    """KV heads; null means one per query head (multi-head attention)."""
    hidden_size: rt.Width = 3840
    """Model width."""
    explicit_head_dim: rt.HeadDim | None = None
    """Per-head width the config gives (else the default, if any; else hidden_size /
    num_attention_heads)."""
    max_position_embeddings: rt.Positive = 65536
    """Longest sequence the positional encoding was trained for."""
    linear_num_key_heads: rt.Positive | None = None
    """Gated-DeltaNet key heads (null - num_attention_heads)."""
    linear_num_value_heads: rt.Positive | None = None
    """Gated-DeltaNet value heads (null - num_attention_heads)."""
    linear_key_head_dim: rt.Positive | None = None
    """Gated-DeltaNet key head width (null - 0.75 hidden_size per key head)."""
    linear_value_head_dim: rt.Positive | None = None
    """Gated-DeltaNet value head width (null - twice the key head width)."""
    linear_conv_kernel_dim: rt.Positive = 4
    """Gated-DeltaNet convolution kernel width."""
    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / full_attention)."""

    _checks = GatedDeltanetHybridConfig._checks
    kv_heads = GatedDeltanetHybridConfig.kv_heads
    attn_head_dim = GatedDeltanetHybridConfig.attn_head_dim
    _let_linear = GatedDeltanetHybridConfig._let_linear
    _count = GatedDeltanetHybridConfig._count
    _num_kv_heads = GatedDeltanetHybridConfig._num_kv_heads
    _k_head_dim = GatedDeltanetHybridConfig._k_head_dim
    _state = GatedDeltanetHybridConfig._state
    _max_length = GatedDeltanetHybridConfig._max_length

    @property
    def linear_k_heads(self) -> int:
        return rt.coalesce(self.linear_num_key_heads, self.num_attention_heads)

    @property
    def linear_v_heads(self) -> int:
        return rt.coalesce(self.linear_num_value_heads, self.num_attention_heads)

    @property
    def linear_k_dim(self) -> int:
        return rt.coalesce(
            self.linear_key_head_dim, int(0.75 * self.hidden_size / self.linear_k_heads)
        )

    @property
    def linear_v_dim(self) -> int:
        return rt.coalesce(self.linear_value_head_dim, 2 * self.linear_k_dim)

    @rt.reads("num_hidden_layers")
    def _kind(self, i: int) -> str:
        return (
            "full"
            if i % 4 == 3 or (self.num_hidden_layers < 4 and i == self.num_hidden_layers - 1)
            else "none"
        )
