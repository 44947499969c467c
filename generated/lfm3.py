# generated from schemas/lfm3.yaml by `make generate`; do not edit.
# kvarch-digest: render=04e2e77131562e44 content=3b6248839b71051a
from typing import ClassVar

from generated.laguna import LagunaConfig
from kvarch import schema_runtime as rt


class Lfm3Config(LagunaConfig, frozen=True, kw_only=True, dict=True):
    """LFM3 hybrid decoder (convolution layers keep no KV; full and sliding attention layers)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("lfm3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Lfm3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/lfm3.yaml"

    num_hidden_layers: rt.Layers = 24
    num_attention_heads: rt.Heads = 16
    num_kv_heads: rt.KvHeads = 4
    max_position_embeddings: rt.Positive = 128000
    sliding_window: rt.Positive = 256
    layer_types: list[str] | None = None
    """Per-layer block (conv, full_attention, sliding_attention)."""

    def _kind(self, i: int) -> str:
        return "full" if i % 4 == 2 else "sliding" if i % 4 == 0 and i > 0 else "none"
