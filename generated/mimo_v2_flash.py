# generated from schemas/mimo_v2_flash.yaml by `make generate`; do not edit.
# kvarch-digest: render=d9dc698524a3ca60 content=8b6d75e1b769846f
from typing import Annotated, ClassVar

from kvarch import schema_runtime as rt


class MiMoV2FlashConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """MiMo-V2-Flash decoder (sliding layers with doubled KV heads; K and V widths differ)."""

    SCHEMA: ClassVar[str] = "schemas/mimo_v2_flash.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Positive = 48
    """Decoder layers."""
    num_attention_heads: rt.Positive = 64
    """Query heads."""
    num_kv_heads: Annotated[int, rt.hf("num_key_value_heads", ge=1)] = 4
    """KV heads of a full-attention layer (sliding layers cache twice as many)."""
    hidden_size: rt.Positive = 4096
    """Model width."""
    explicit_head_dim: rt.HeadDim = 192
    """Query/key width per head (transformers' default 192)."""
    v_head_dim: rt.Positive = 128
    """Value width per head."""
    max_position_embeddings: rt.Positive = 131072
    """Longest sequence the positional encoding was trained for."""
    sliding_window: rt.Positive = 129
    """Tokens a sliding layer sees."""
    sliding_window_size: rt.NonNegative | None = None
    """Checkpoint spelling of the window without the current token (window = it + 1)."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _checks(self) -> rt.Checks:
        yield (
            "num_kv_heads",
            ("a divisor of num_attention_heads / 2 (sliding layers use twice the KV heads)"),
            self.num_attention_heads % (2 * self.kv_heads) == 0,
        )

    @property
    def kv_heads(self) -> int:
        """KV heads of a full-attention layer."""
        return self.num_kv_heads

    @property
    def attn_head_dim(self) -> int:
        """Elements per K head."""
        return rt.coalesce(self.explicit_head_dim, self.hidden_size // self.num_attention_heads)

    @property
    def window_tokens(self) -> int:
        """Tokens a sliding layer sees (sliding_window_size + 1 wins when given)."""
        return (
            self.sliding_window
            if self.sliding_window_size is None
            else rt.coalesce(self.sliding_window_size, 0) + 1
        )

    _count = rt.from_input("num_hidden_layers")

    def _kind(self, i: int) -> str:
        return "full" if i == 0 or (i + 1) % 6 == 0 else "sliding"

    _window = rt.from_derived("window_tokens", "sliding_window_size", "sliding_window")

    @rt.reads("num_kv_heads")
    def _num_kv_heads(self, i: int, kind: str, kinds: list[str]) -> int:
        return 2 * self.kv_heads if kind == "sliding" else self.kv_heads

    _k_head_dim = rt.from_derived(
        "attn_head_dim", "explicit_head_dim", "hidden_size", "num_attention_heads"
    )
    _v_head_dim = rt.from_input("v_head_dim")
    _max_length = rt.from_input("max_position_embeddings")
