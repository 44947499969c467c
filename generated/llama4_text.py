# generated from schemas/llama4_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=fdd5ef8a6969a084 content=7b233be29461aa45
from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Llama4TextConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Llama 4 text decoder (chunked attention on rope layers, full attention on no-rope layers)."""

    SCHEMA: ClassVar[str] = "schemas/llama4_text.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_kv_heads: rt.KvHeads = 8
    """KV heads (transformers' default 8 when the config omits it)."""
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 131072
    attention_chunk_size: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = 8192
    """Tokens per attention chunk on chunked layers (null - no chunking)."""
    no_rope_layers: list[int] = msgspec.field(default_factory=list)
    """Per layer, 1 = rope + chunked attention, 0 = no rope + full attention."""
    no_rope_layer_interval: rt.Positive = 4
    """Without no_rope_layers, every this-many-th layer has no rope (full attention)."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _checks(self) -> rt.Checks:
        yield from rt.first_checks(super()._checks(), 1)
        yield (
            "no_rope_layers",
            "one 0/1 entry per layer",
            len(self.no_rope_layers) == 0 or len(self.no_rope_layers) >= self.num_hidden_layers,
        )

    @rt.reads("attention_chunk_size", "no_rope_layers", "no_rope_layer_interval")
    def _kind(self, i: int) -> str:
        return (
            "chunked"
            if self.attention_chunk_size is not None
            and (
                self.no_rope_layers[i] != 0
                if len(self.no_rope_layers) > 0
                else (i + 1) % self.no_rope_layer_interval != 0
            )
            else "full"
        )

    _window = rt.from_input("attention_chunk_size")
