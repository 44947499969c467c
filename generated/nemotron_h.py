# generated from schemas/nemotron_h.yaml by `make generate`; do not edit.
# kvarch-digest: render=4b273a4d463f9477 content=a58077e90289fc19
from typing import Annotated, ClassVar

import msgspec

from generated.mamba2_hybrid import Mamba2HybridConfig
from kvarch import schema_runtime as rt


class NemotronHConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """Nemotron-H hybrid decoder (Mamba2/MoE/MLP blocks keep no KV; attention blocks do)."""

    SCHEMA: ClassVar[str] = "schemas/nemotron_h.yaml"
    KIND_LIST: ClassVar[str | None] = "layers_block_type"
    KIND_NAMES = rt.kind_names({"moe": "none", "mlp": "none"})

    num_hidden_layers: rt.Positive | None = None
    """Ignored by transformers (the block list's length rules); read for old configs only."""
    num_attention_heads: rt.Heads = 32
    """Query heads."""
    num_kv_heads: Annotated[int, rt.hf("num_key_value_heads", ge=1)] = 8
    """KV heads; null means one per query head (multi-head attention)."""
    hidden_size: rt.Width = 4096
    """Model width."""
    explicit_head_dim: rt.HeadDim = 128
    """Per-head width the config gives (else the default, if any; else hidden_size /
    num_attention_heads)."""
    max_position_embeddings: rt.Positive = 4096
    """Longest sequence the positional encoding was trained for."""
    mamba_n_heads: Annotated[int, rt.hf("mamba_num_heads", ge=1)] = 128
    """Mamba2 heads."""
    mamba_n_groups: Annotated[int, rt.hf("n_groups", ge=1)] = 8
    """Mamba2 B/C groups."""
    mamba_d_state: Annotated[int, rt.hf("ssm_state_size", ge=1)] = 128
    """Mamba2 SSM state size per head channel."""
    mamba_d_conv: Annotated[int, rt.hf("conv_kernel", ge=1)] = 4
    """Mamba2 convolution kernel width."""
    mamba_expand: Annotated[int, rt.hf("expand", ge=1)] = 2
    """Mamba2 expansion (unused; the inner width is heads x head width)."""
    layers_block_type: Annotated[list[str], rt.hf("layers_block_type", "layer_types")] | None = None
    """Per-layer block (linear_attention = Mamba2, moe, mlp, full_attention)."""
    block_list: Annotated[list[str], rt.hf("layers_block_type", "layer_types")] = msgspec.field(
        default_factory=list
    )
    """layers_block_type again, empty when absent (its length is the layer count)."""
    hybrid_override_pattern: str = "ME*-"
    """Without layers_block_type, one character per layer (M, E, *, -)."""
    mamba_head_dim: rt.Positive = 64
    """Mamba2 head width."""

    _checks = Mamba2HybridConfig._checks
    kv_heads = Mamba2HybridConfig.kv_heads
    attn_head_dim = Mamba2HybridConfig.attn_head_dim
    _num_kv_heads = Mamba2HybridConfig._num_kv_heads
    _k_head_dim = Mamba2HybridConfig._k_head_dim
    _state = Mamba2HybridConfig._state
    _max_length = Mamba2HybridConfig._max_length

    @property
    def mamba_inner(self) -> int:
        """Mamba2 inner width (its heads x head width)."""
        return self.mamba_n_heads * self.mamba_head_dim

    def _let_mamba(self, i: int, kinds: list[str]) -> bool:
        return (
            self.block_list[i] in ("linear_attention", "mamba")
            if len(self.block_list) > 0
            else self.hybrid_override_pattern[i] == "M"
        )

    @rt.reads("block_list", "hybrid_override_pattern")
    def _count(self) -> int:
        return (
            len(self.block_list) if len(self.block_list) > 0 else len(self.hybrid_override_pattern)
        )

    @rt.reads("hybrid_override_pattern")
    def _kind(self, i: int) -> str:
        return "full" if self.hybrid_override_pattern[i] == "*" else "none"
