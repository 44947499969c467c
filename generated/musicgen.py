# generated from schemas/musicgen.yaml by `make generate`; do not edit.
# kvarch-digest: render=863e40c4158d2cfc content=600b41ce349777f4
from typing import ClassVar

from kvarch import schema_runtime as rt


class MusicgenConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """MusicGen decoder (full self-attention per token; cross-attention K/V of the text encoder's
    states per sequence)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("musicgen",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MusicgenForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/musicgen.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("decoder",)

    num_hidden_layers: rt.Positive = 24
    """Decoder layers."""
    num_attention_heads: rt.Positive = 16
    """Decoder attention heads, self and cross (each keeps its own K/V head)."""
    hidden_size: rt.Positive = 1024
    """Model width."""
    max_position_embeddings: rt.Positive = 2048
    """Positions the sinusoidal embeddings cover."""

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

    @rt.reads("hidden_size", "num_attention_heads")
    def _k_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return self.attn_head_dim

    @rt.reads("num_attention_heads", "hidden_size")
    def _cross(self, i: int, kind: str, kinds: list[str]) -> rt.CrossKV | None:
        return rt.cross(
            self._n, i, self.num_attention_heads, self.attn_head_dim, self.attn_head_dim
        )

    _encoder_len = rt.from_input("max_position_embeddings")
    _max_length = rt.from_input("max_position_embeddings")
