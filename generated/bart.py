# generated from schemas/bart.yaml by `make generate`; do not edit.
# kvarch-digest: render=a5d8b0c3ddc76e72 content=e8dbfc9c24cc0eb6
from typing import ClassVar

from kvarch import schema_runtime as rt


class BartConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """BART decoder (full self-attention per token; cross-attention K/V of the encoder's states
    per sequence)."""

    SCHEMA: ClassVar[str] = "schemas/bart.yaml"

    decoder_layers: rt.Positive = 12
    """Decoder layers."""
    decoder_attention_heads: rt.Positive = 16
    """Decoder attention heads, self and cross (each keeps its own K/V head)."""
    d_model: rt.Positive = 1024
    """Model width."""
    max_position_embeddings: rt.Positive = 1024
    """Positions the learned embeddings cover (decoder and encoder alike)."""

    def _checks(self) -> rt.Checks:
        yield (
            "d_model",
            "a multiple of decoder_attention_heads",
            self.d_model % self.decoder_attention_heads == 0,
        )

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head."""
        return self.d_model // self.decoder_attention_heads

    _count = rt.from_input("decoder_layers")
    _num_kv_heads = rt.from_input("decoder_attention_heads")
    _k_head_dim = rt.from_derived("attn_head_dim", "d_model", "decoder_attention_heads")

    @rt.reads("decoder_attention_heads", "d_model")
    def _cross(self, i: int, kind: str, kinds: list[str]) -> rt.CrossKV | None:
        return rt.cross(
            self._n, i, self.decoder_attention_heads, self.attn_head_dim, self.attn_head_dim
        )

    _encoder_len = rt.from_input("max_position_embeddings")
    _max_length = rt.from_input("max_position_embeddings")
