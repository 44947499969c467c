# generated from schemas/blt.yaml by `make generate`; do not edit.
# kvarch-digest: render=a09821969ed9598b content=c9f77e17eaf2f7e7
from typing import Annotated, ClassVar

from kvarch import schema_runtime as rt


class BltConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """BLT byte-level decoder (local encoder and local decoder self-attention caches; the global
    transformer keeps none)."""

    SCHEMA: ClassVar[str] = "schemas/blt.yaml"

    encoder_layers: Annotated[int, rt.hf("encoder_config.num_hidden_layers", ge=1)] = 1
    """Local encoder layers."""
    encoder_heads: Annotated[int, rt.hf("encoder_config.num_attention_heads", ge=1)] = 16
    """Local encoder heads."""
    encoder_kv_heads: Annotated[int, rt.hf("encoder_config.num_key_value_heads", ge=1)] | None = (
        None
    )
    """Local encoder KV heads (null - one per head)."""
    encoder_width: Annotated[int, rt.hf("encoder_config.hidden_size", ge=1)] = 1024
    """Local encoder width."""
    decoder_layers: Annotated[int, rt.hf("decoder_config.num_hidden_layers", ge=1)] = 9
    """Local decoder layers."""
    decoder_heads: Annotated[int, rt.hf("decoder_config.num_attention_heads", ge=1)] = 16
    """Local decoder heads."""
    decoder_kv_heads: Annotated[int, rt.hf("decoder_config.num_key_value_heads", ge=1)] | None = (
        None
    )
    """Local decoder KV heads (null - one per head)."""
    decoder_width: Annotated[int, rt.hf("decoder_config.hidden_size", ge=1)] = 1024
    """Local decoder width."""
    max_position_embeddings: rt.Positive = 4096
    """Longest sequence."""

    def _let_encoder(self, i: int) -> bool:
        return i < self.encoder_layers

    @rt.reads("encoder_layers", "decoder_layers")
    def _count(self) -> int:
        return self.encoder_layers + self.decoder_layers

    @rt.reads(
        "encoder_layers", "encoder_kv_heads", "encoder_heads", "decoder_kv_heads", "decoder_heads"
    )
    def _num_kv_heads(self, i: int, kind: str, kinds: list[str]) -> int:
        return (
            rt.coalesce(self.encoder_kv_heads, self.encoder_heads)
            if self._let_encoder(i)
            else rt.coalesce(self.decoder_kv_heads, self.decoder_heads)
        )

    @rt.reads("encoder_layers", "encoder_width", "encoder_heads", "decoder_width", "decoder_heads")
    def _k_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return (
            self.encoder_width // self.encoder_heads
            if self._let_encoder(i)
            else self.decoder_width // self.decoder_heads
        )

    _max_length = rt.from_input("max_position_embeddings")
