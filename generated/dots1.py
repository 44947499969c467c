# generated from schemas/dots1.yaml by `make generate`; do not edit.
# kvarch-digest: render=8baa088eac223bf9 content=8aaac67c618ed695
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Dots1Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """dots.llm1 decoder (sliding window from max_window_layers on, or per layer_types)."""

    SCHEMA: ClassVar[str] = "schemas/dots1.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 62
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeads = 32
    hidden_size: rt.Width = 4608
    sliding_window: rt.Positive = 4096
    """Tokens a sliding layer sees."""
    max_window_layers: rt.NonNegative = 62
    """First layer index that uses the sliding window."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    @rt.reads("max_window_layers")
    def _kind(self, i: int) -> str:
        return "sliding" if i >= self.max_window_layers else "full"

    _window = rt.from_input("sliding_window")
