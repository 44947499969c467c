# generated from schemas/bert.yaml by `make generate`; do not edit.
# kvarch-digest: render=a4c68a98f05f1582 content=6fd8394b1c725d39
from typing import ClassVar

from kvarch import schema_runtime as rt


class BertConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """BERT as a decoder (full self-attention per token; with add_cross_attention, cross-
    attention K/V of an encoder's states per sequence)."""

    SCHEMA: ClassVar[str] = "schemas/bert.yaml"

    num_hidden_layers: rt.Positive = 12
    """Layers."""
    num_attention_heads: rt.Positive = 12
    """Attention heads, self and cross (each keeps its own K/V head)."""
    hidden_size: rt.Positive = 768
    """Model width."""
    max_position_embeddings: rt.Positive = 512
    """Positions the learned embeddings cover."""
    add_cross_attention: bool = False
    """Whether layers attend to an encoder's states."""

    def _checks(self) -> rt.Checks:
        yield (
            "hidden_size",
            "a multiple of num_attention_heads",
            self.hidden_size % self.num_attention_heads == 0,
        )

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head."""
        return self.hidden_size // self.num_attention_heads

    _count = rt.from_input("num_hidden_layers")
    _num_kv_heads = rt.from_input("num_attention_heads")
    _k_head_dim = rt.from_derived("attn_head_dim", "hidden_size", "num_attention_heads")

    @rt.reads("add_cross_attention", "num_attention_heads", "hidden_size")
    def _cross(self, i: int, kind: str, kinds: list[str]) -> rt.CrossKV | None:
        return rt.cross(
            self._n,
            i,
            self.num_attention_heads if self.add_cross_attention else 0,
            self.attn_head_dim,
            self.attn_head_dim,
        )

    _encoder_len = rt.from_input("max_position_embeddings")
    _max_length = rt.from_input("max_position_embeddings")
