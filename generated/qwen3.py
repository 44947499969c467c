# generated from schemas/qwen3.yaml by `make generate`; do not edit.
# kvarch-digest: render=ca92c005f913ff72 content=8eec4d83afe0e41e
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Qwen3Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Qwen3 decoder (explicit head_dim; sliding window from max_window_layers on when enabled)."""

    SCHEMA: ClassVar[str] = "schemas/qwen3.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 32768
    use_sliding_window: bool = False
    """Whether layers from max_window_layers on use the sliding window."""
    sliding_window: rt.Positive | None = None
    """Tokens a sliding layer sees."""
    max_window_layers: rt.NonNegative = 28
    """First layer index that uses the sliding window."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    @rt.reads("use_sliding_window", "sliding_window", "max_window_layers")
    def _kind(self, i: int) -> str:
        return (
            "sliding"
            if self.use_sliding_window
            and self.sliding_window is not None
            and (i >= self.max_window_layers)
            else "full"
        )

    _window = rt.from_input("sliding_window")
