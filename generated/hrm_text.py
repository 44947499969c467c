# generated from schemas/hrm_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=ed631230bfec73ee content=60ba1514f3c1da13
from typing import Annotated, ClassVar

from kvarch import schema_runtime as rt


class HrmTextConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """HRM text decoder (one multi-head cache slot per attention invocation of the H/L cycles)."""

    SCHEMA: ClassVar[str] = "schemas/hrm_text.yaml"

    num_hidden_layers: rt.Positive = 16
    """Layers per stack (fresh config) or cache slots in all (saved config)."""
    num_layers_per_stack: rt.Positive | None = None
    """Layers per stack, present once transformers has inflated num_hidden_layers."""
    h_cycles: Annotated[int, rt.hf("H_cycles", ge=1)] = 2
    """High-level cycles."""
    l_cycles: Annotated[int, rt.hf("L_cycles", ge=1)] = 3
    """Low-level cycles per high-level cycle."""
    num_attention_heads: rt.Positive = 12
    """Attention heads (K and V keep all of them)."""
    hidden_size: rt.Positive = 1536
    """Model width."""
    explicit_head_dim: rt.HeadDim = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: rt.Positive = 2048
    """Longest sequence the positional encoding was trained for."""

    def _checks(self) -> rt.Checks:
        yield (
            "num_hidden_layers",
            ("num_layers_per_stack * H_cycles * (L_cycles + 1) when num_layers_per_stack is set"),
            self.num_layers_per_stack is None
            or self.num_hidden_layers
            == rt.coalesce(self.num_layers_per_stack, 0) * self.slots_per_stack_layer,
        )

    @property
    def slots_per_stack_layer(self) -> int:
        """Attention invocations of one stack layer per forward pass."""
        return self.h_cycles * (self.l_cycles + 1)

    @property
    def cache_slots(self) -> int:
        """Cache slots (layers keeping KV)."""
        return (
            self.num_hidden_layers
            if self.num_layers_per_stack is not None
            else self.num_hidden_layers * self.slots_per_stack_layer
        )

    _count = rt.from_derived(
        "cache_slots", "num_layers_per_stack", "num_hidden_layers", "h_cycles", "l_cycles"
    )
    _num_kv_heads = rt.from_input("num_attention_heads")
    _k_head_dim = rt.from_input("explicit_head_dim")
    _max_length = rt.from_input("max_position_embeddings")
