# generated from schemas/llama.yaml by `make generate`; do not edit.
# kvarch-digest: render=9959f8d30d804a26 content=9b81fb5c3895049b
from typing import ClassVar

from kvarch import schema_runtime as rt


class LlamaConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """Llama decoder (grouped-query attention, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/llama.yaml"

    num_hidden_layers: rt.Layers
    """Decoder layers."""
    num_attention_heads: rt.Heads
    """Query heads."""
    num_kv_heads: rt.KvHeads | None = None
    """KV heads; null means one per query head (multi-head attention)."""
    hidden_size: rt.Width
    """Model width."""
    explicit_head_dim: rt.HeadDim | None = None
    """Per-head width the config gives (else the default, if any; else hidden_size /
    num_attention_heads)."""
    max_position_embeddings: rt.Positive = 2048
    """Longest sequence the positional encoding was trained for."""

    def _checks(self) -> rt.Checks:
        yield (
            "num_kv_heads",
            "a divisor of num_attention_heads",
            self.num_attention_heads % self.kv_heads == 0,
        )
        yield (
            "hidden_size",
            "a multiple of num_attention_heads (or set head_dim)",
            self.explicit_head_dim is not None or self.hidden_size % self.num_attention_heads == 0,
        )

    @property
    def kv_heads(self) -> int:
        """KV heads per layer."""
        return rt.coalesce(self.num_kv_heads, self.num_attention_heads)

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head."""
        return rt.coalesce(self.explicit_head_dim, self.hidden_size // self.num_attention_heads)

    _count = rt.from_input("num_hidden_layers")
    _num_kv_heads = rt.from_derived("kv_heads", "num_kv_heads", "num_attention_heads")
    _k_head_dim = rt.from_derived(
        "attn_head_dim", "explicit_head_dim", "hidden_size", "num_attention_heads"
    )
    _max_length = rt.from_input("max_position_embeddings")
