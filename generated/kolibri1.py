# generated from schemas/kolibri1.yaml by `make generate`; do not edit.
# kvarch-digest: render=55d5cf5089efb565 content=8061575d048b0f54
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Kolibri1Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Kolibri1 decoder (every 5th layer full attention, the others sliding-window)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("kolibri1",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Kolibri1ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/kolibri1.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 50
    num_attention_heads: rt.Heads = 48
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 2560
    explicit_head_dim: rt.HeadDim = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: rt.Positive = 262144
    sliding_window: rt.Positive = 513
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % 5 == 0 else "sliding"

    _window = rt.from_input("sliding_window")
