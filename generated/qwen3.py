# generated from schemas/qwen3.yaml by `make generate`; do not edit.
# kvarch-digest: render=675bde1307b87eca content=700aa5fd1327d97e
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Qwen3Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Qwen3 decoder (explicit head_dim; sliding window from max_window_layers on when enabled)."""

    SCHEMA: ClassVar[str] = "schemas/qwen3.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_kv_heads: rt.KvHeadsOrNull | None = 32
    """KV heads (absent -> transformers' 32; null -> one per query head)."""
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 32768
    use_sliding_window: bool = False
    """Whether layers from max_window_layers on use the sliding window."""
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = 4096
    """Tokens a sliding layer sees (absent -> transformers' 4096; null -> no window)."""
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

    @rt.reads("use_sliding_window", "sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window if self.use_sliding_window else None
