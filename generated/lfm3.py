# generated from schemas/lfm3.yaml by `make generate`; do not edit.
# kvarch-digest: render=58861b6c646516b5 content=bc610de9ccda23fa
from typing import Annotated, ClassVar

from generated.laguna import LagunaConfig
from kvarch import schema_runtime as rt


class Lfm3Config(LagunaConfig, frozen=True, kw_only=True, dict=True):
    """LFM3 hybrid decoder (convolution layers keep no KV; full and sliding attention layers)."""

    SCHEMA: ClassVar[str] = "schemas/lfm3.yaml"

    num_hidden_layers: rt.Layers = 24
    num_attention_heads: rt.Heads = 16
    num_kv_heads: rt.KvHeads = 4
    max_position_embeddings: rt.Positive = 128000
    sliding_window: rt.Positive = 256
    layer_types: list[str] | None = None
    """Per-layer block (conv, full_attention, sliding_attention)."""
    conv_l_cache: Annotated[int, rt.hf("conv_L_cache", ge=1)] = 7
    """Kernel width of a convolution layer's short convolution."""

    def _kind(self, i: int) -> str:
        return "full" if i % 4 == 2 else "sliding" if i % 4 == 0 and i > 0 else "none"

    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return rt.state(
            self._n, i, ("conv", (self.hidden_size if kind == "none" else 0, self.conv_l_cache))
        )
