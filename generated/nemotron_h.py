# generated from schemas/nemotron_h.yaml by `make generate`; do not edit.
# kvarch-digest: render=e1832cb46682d826 content=b768b2a8e0c6ea90
from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class NemotronHConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """Nemotron-H hybrid decoder (Mamba2/MoE/MLP blocks keep no KV; attention blocks do)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("nemotron_h",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("NemotronHForCausalLM",)
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
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: rt.Positive = 4096
    """Longest sequence the positional encoding was trained for."""
    layers_block_type: Annotated[list[str], rt.hf("layers_block_type", "layer_types")] | None = None
    """Per-layer block (linear_attention = Mamba2, moe, mlp, full_attention)."""
    block_list: Annotated[list[str], rt.hf("layers_block_type", "layer_types")] = msgspec.field(
        default_factory=list
    )
    """layers_block_type again, empty when absent (its length is the layer count)."""
    hybrid_override_pattern: str = "ME*-"
    """Without layers_block_type, one character per layer (M, E, *, -)."""

    _checks = LlamaConfig._checks
    kv_heads = LlamaConfig.kv_heads
    attn_head_dim = LlamaConfig.attn_head_dim
    _num_kv_heads = LlamaConfig._num_kv_heads
    _k_head_dim = LlamaConfig._k_head_dim
    _max_length = LlamaConfig._max_length

    @rt.reads("block_list", "hybrid_override_pattern")
    def _count(self) -> int:
        return (
            len(self.block_list) if len(self.block_list) > 0 else len(self.hybrid_override_pattern)
        )

    @rt.reads("hybrid_override_pattern")
    def _kind(self, i: int) -> str:
        return "full" if self.hybrid_override_pattern[i] == "*" else "none"
