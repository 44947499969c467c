# generated from schemas/inkling2_loop_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=397b2174590f9e07 content=3a8edc3be7aeda5e
from typing import Annotated, ClassVar

import msgspec

from generated.inkling_hybrid import InklingHybridConfig
from kvarch import schema_runtime as rt


class Inkling2LoopTextConfig(InklingHybridConfig, frozen=True, kw_only=True, dict=True):
    """Inkling 2 Loop text decoder (hybrid layers; looped section keeps a cache copy per pass)."""

    SCHEMA: ClassVar[str] = "schemas/inkling2_loop_text.yaml"

    num_hidden_layers: rt.Positive = 24
    swa_num_kv_heads: Annotated[int, rt.hf("swa_num_key_value_heads", ge=1)] = 8
    sliding_window_size: Annotated[int, rt.hf("sliding_window_size", "sliding_window", ge=1)] = 1024
    hidden_size: rt.Positive = 2304
    max_position_embeddings: Annotated[
        int, rt.hf("max_position_embeddings", "model_max_length", ge=1)
    ] = 1048576
    layer_types: list[str] = msgspec.field(default_factory=list)
    """Per-layer block kind, hybrid or hybrid_sliding."""
    loop_start: Annotated[int, rt.hf("loop_config.core_start", "loop_layer_index_start", ge=1)] = 6
    """First looped layer."""
    loop_end: Annotated[int, rt.hf("loop_config.core_end", "loop_layer_index_end", ge=1)] = 18
    """One past the last looped layer."""
    loop_passes: Annotated[int, rt.hf("loop_config.num_passes", "loop_num_passes", ge=1)] = 3
    """Passes through the looped layers."""

    def _checks(self) -> rt.Checks:
        yield (
            "layer_types",
            "one entry per decoder layer (num_hidden_layers entries)",
            len(self.layer_types) == 0 or len(self.layer_types) == self.num_hidden_layers,
        )
        yield (
            "loop_start",
            ("a looped section loop_start < loop_end <= num_hidden_layers"),
            self.loop_start < self.loop_end and self.loop_end <= self.num_hidden_layers,
        )

    @property
    def looped_layers(self) -> int:
        """Layers in the looped section."""
        return self.loop_end - self.loop_start

    def _let_decoder_layer(self, i: int) -> int:
        return (
            i
            if i < self.num_hidden_layers
            else self.loop_start + (i - self.num_hidden_layers) % self.looped_layers
        )

    @rt.reads("num_hidden_layers", "loop_passes", "loop_end", "loop_start")
    def _count(self) -> int:
        return self.num_hidden_layers + (self.loop_passes - 1) * self.looped_layers

    @rt.reads("layer_types", "num_hidden_layers", "loop_start", "loop_end")
    def _kind(self, i: int) -> str:
        return (
            ("full" if self.layer_types[self._let_decoder_layer(i)] == "hybrid" else "sliding")
            if len(self.layer_types) > 0
            else "full"
            if (self._let_decoder_layer(i) + 1) % 6 == 0
            else "sliding"
        )
