# generated from schemas/smollm3.yaml by `make generate`; do not edit.
# kvarch-digest: render=dea9733968c309be content=c2aae8f2ebb7f3b7
from typing import Annotated, ClassVar

import msgspec

from generated.ministral import MinistralConfig
from kvarch import schema_runtime as rt


class SmolLM3Config(MinistralConfig, frozen=True, kw_only=True, dict=True):
    """SmolLM3 decoder (GQA; with use_sliding_window, the no-rope layers use the window)."""

    SCHEMA: ClassVar[str] = "schemas/smollm3.yaml"

    num_hidden_layers: rt.Layers = 36
    num_attention_heads: rt.Heads = 16
    num_kv_heads: rt.KvHeadsOrNull | None = 4
    hidden_size: rt.Width = 2048
    max_position_embeddings: rt.Positive = 32768
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = None
    """Tokens a sliding layer sees; null means full attention."""
    use_sliding_window: bool = False
    """Whether the no-rope layers use the sliding window."""
    no_rope_layers: list[int] = msgspec.field(default_factory=list)
    """Per layer, 1 when it uses rope, 0 for a NoPE layer (empty -> by interval)."""
    no_rope_layer_interval: rt.Positive = 4
    """Without no_rope_layers, every this-many-th layer is a NoPE layer."""

    def _checks(self) -> rt.Checks:
        yield from super()._checks()
        yield (
            "no_rope_layers",
            "one entry per layer",
            len(self.no_rope_layers) == 0 or len(self.no_rope_layers) >= self.num_hidden_layers,
        )

    @rt.reads("use_sliding_window", "sliding_window", "no_rope_layers", "no_rope_layer_interval")
    def _kind(self, i: int) -> str:
        return (
            "sliding"
            if self.use_sliding_window
            and self.sliding_window is not None
            and (
                self.no_rope_layers[i] == 0
                if len(self.no_rope_layers) > 0
                else (i + 1) % self.no_rope_layer_interval == 0
            )
            else "full"
        )
