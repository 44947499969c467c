# generated from schemas/musicgen.yaml by `make generate`; do not edit.
# kvarch-digest: render=928821c92643932c content=eb53ea9765a40ffd
from typing import ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class MusicgenConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """MusicGen decoder (full self-attention per token; cross-attention K/V of the text encoder's
    states per sequence)."""

    SCHEMA: ClassVar[str] = "schemas/musicgen.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("decoder",)

    num_hidden_layers: rt.Positive = 24
    """Decoder layers."""
    num_attention_heads: rt.Positive = 16
    """Attention heads, self and cross (each keeps its own K/V head)."""
    hidden_size: rt.Positive = 1024
    """Model width."""
    max_position_embeddings: rt.Positive = 2048
    """Positions the sinusoidal embeddings cover."""
    add_cross_attention: bool = False
    """Not read by MusicGen: every decoder layer attends to the text encoder's states."""

    _checks = BertConfig._checks
    attn_head_dim = BertConfig.attn_head_dim
    _count = BertConfig._count
    _num_kv_heads = BertConfig._num_kv_heads
    _k_head_dim = BertConfig._k_head_dim
    _encoder_len = BertConfig._encoder_len
    _max_length = BertConfig._max_length

    @rt.reads("num_attention_heads", "hidden_size")
    def _cross(self, i: int, kind: str, kinds: list[str]) -> rt.CrossKV | None:
        return rt.cross(
            self._n,
            i,
            self.num_attention_heads,
            self.hidden_size // self.num_attention_heads,
            self.hidden_size // self.num_attention_heads,
        )
