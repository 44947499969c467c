# generated from schemas/lfm3.yaml by `make generate`; do not edit.
# kvarch-digest: render=c469e1d8b62e2d39 content=a31b6df59c37a586
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Lfm3Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """LFM3 hybrid decoder (convolution layers keep no KV; full and sliding attention layers)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("lfm3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Lfm3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/lfm3.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 24
    num_attention_heads: rt.Heads = 16
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 2048
    explicit_head_dim: rt.HeadDim = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: rt.Positive = 128000
    sliding_window: rt.Positive = 256
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer block (conv, full_attention, sliding_attention)."""

    def _kind(self, i: int) -> str:
        return "full" if i % 4 == 2 else "sliding" if i % 4 == 0 and i > 0 else "none"

    _window = rt.from_input("sliding_window")
