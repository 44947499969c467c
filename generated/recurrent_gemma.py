# generated from schemas/recurrent_gemma.yaml by `make generate`; do not edit.
# kvarch-digest: render=a1759d947f270c56 content=03c226ee2620f90a
from typing import Annotated, ClassVar

from kvarch import schema_runtime as rt


class RecurrentGemmaConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """RecurrentGemma decoder (recurrent blocks keep a per-sequence state, no KV; local-attention
    blocks slide)."""

    SCHEMA: ClassVar[str] = "schemas/recurrent_gemma.yaml"

    num_hidden_layers: rt.Positive = 26
    """Decoder layers."""
    num_attention_heads: rt.Positive = 10
    """Query heads."""
    num_kv_heads: Annotated[int, rt.hf("num_key_value_heads", ge=1)] | None = None
    """KV heads of the attention blocks; null means one per query head."""
    hidden_size: rt.Positive = 2560
    """Model width."""
    explicit_head_dim: rt.HeadDim | None = None
    """K/V width of the attention blocks, when it is not hidden_size / num_attention_heads."""
    attention_window_size: Annotated[
        int, rt.hf("attention_window_size", "sliding_window", ge=1)
    ] = 2048
    """Tokens a local-attention block sees."""
    lru_width: rt.Positive | None = None
    """Width of the recurrent blocks' RG-LRU; null means hidden_size."""
    conv1d_width: rt.Positive = 4
    """Kernel width of the recurrent blocks' temporal convolution."""
    block_types: list[str]
    """Block pattern repeated over the layers (\"recurrent\" or \"attention\"); required because
    the language has no list defaults (transformers' is recurrent, recurrent, attention)."""
    max_position_embeddings: rt.Positive = 8192
    """Longest sequence; configs have no such key (transformers does not bound it), so the
    8192-token training length of the published checkpoints is the default."""

    def _checks(self) -> rt.Checks:
        yield "block_types", "a non-empty list of block types", len(self.block_types) > 0
        yield (
            "num_kv_heads",
            "a divisor of num_attention_heads",
            self.num_attention_heads % self.kv_heads == 0,
        )
        yield (
            "hidden_size",
            ("a multiple of num_attention_heads (or an explicit head_dim)"),
            self.explicit_head_dim is not None or self.hidden_size % self.num_attention_heads == 0,
        )

    @property
    def kv_heads(self) -> int:
        """KV heads of the attention blocks."""
        return rt.coalesce(self.num_kv_heads, self.num_attention_heads)

    def _let_recurrent(self, kind: str) -> bool:
        return kind == "none"

    _count = rt.from_input("num_hidden_layers")

    @rt.reads("block_types")
    def _kind(self, i: int) -> str:
        return (
            "sliding"
            if self.block_types[i % len(self.block_types)] == "attention"
            else "none"
            if self.block_types[i % len(self.block_types)] == "recurrent"
            else self.block_types[i % len(self.block_types)]
        )

    _window = rt.from_input("attention_window_size")
    _num_kv_heads = rt.from_derived("kv_heads", "num_kv_heads", "num_attention_heads")

    @rt.reads("explicit_head_dim", "hidden_size", "num_attention_heads")
    def _k_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return rt.coalesce(self.explicit_head_dim, self.hidden_size // self.num_attention_heads)

    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return rt.state(
            self._n,
            i,
            (
                "conv",
                (
                    rt.coalesce(self.lru_width, self.hidden_size)
                    if self._let_recurrent(kind)
                    else 0,
                    self.conv1d_width - 1,
                ),
            ),
            (
                "rg_lru",
                (
                    rt.coalesce(self.lru_width, self.hidden_size)
                    if self._let_recurrent(kind)
                    else 0,
                ),
                "float32",
            ),
        )

    _max_length = rt.from_input("max_position_embeddings")
