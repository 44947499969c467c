# generated from schemas/gemma2.yaml by `make generate`; do not edit.
# kvarch-digest: render=d3aaa9c7cce203e0 content=724f6b91f151555b
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Gemma2Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Gemma2 decoder (sliding-window and full-attention layers alternate)."""

    SCHEMA: ClassVar[str] = "schemas/gemma2.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    explicit_head_dim: rt.HeadDim = 256
    """Per-head width (transformers' default 256 when the config omits it)."""
    max_position_embeddings: rt.Positive = 8192
    sliding_window: Annotated[int, rt.hf("sliding_window", "sliding_window_size", ge=1)] = 4096
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _kind(self, i: int) -> str:
        return "sliding" if (i + 1) % 2 == 1 else "full"

    _window = rt.from_input("sliding_window")
