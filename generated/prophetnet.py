# generated from schemas/prophetnet.yaml by `make generate`; do not edit.
# kvarch-digest: render=1a8020f1d0dfffd2 content=1f38d473ff752722
from typing import ClassVar

from kvarch import schema_runtime as rt


class ProphetNetConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """ProphetNet decoder (main-stream self-attention per token; cross-attention K/V of the
    encoder's states per sequence)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("prophetnet",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = (
        "ProphetNetForCausalLM",
        "ProphetNetForConditionalGeneration",
    )
    SCHEMA: ClassVar[str] = "schemas/prophetnet.yaml"

    num_decoder_layers: rt.Positive = 12
    """Decoder layers."""
    num_decoder_attention_heads: rt.Positive = 16
    """Decoder attention heads, self and cross (each keeps its own K/V head)."""
    hidden_size: rt.Positive = 1024
    """Model width."""
    max_position_embeddings: rt.Positive = 512
    """Positions the learned embeddings cover (decoder and encoder alike)."""
    add_cross_attention: bool = True
    """Whether decoder layers attend to an encoder's states."""

    def _checks(self) -> rt.Checks:
        yield (
            "hidden_size",
            "a multiple of num_decoder_attention_heads",
            self.hidden_size % self.num_decoder_attention_heads == 0,
        )

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head."""
        return self.hidden_size // self.num_decoder_attention_heads

    _count = rt.from_input("num_decoder_layers")
    _num_kv_heads = rt.from_input("num_decoder_attention_heads")

    @rt.reads("hidden_size", "num_decoder_attention_heads")
    def _k_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return self.attn_head_dim

    @rt.reads("add_cross_attention", "num_decoder_attention_heads", "hidden_size")
    def _cross(self, i: int, kind: str, kinds: list[str]) -> rt.CrossKV | None:
        return rt.cross(
            self._n,
            i,
            self.num_decoder_attention_heads if self.add_cross_attention else 0,
            self.attn_head_dim,
            self.attn_head_dim,
        )

    _encoder_len = rt.from_input("max_position_embeddings")
    _max_length = rt.from_input("max_position_embeddings")
