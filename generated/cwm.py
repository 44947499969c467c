# generated from schemas/cwm.yaml by `make generate`; do not edit.
# kvarch-digest: render=8cb5ac8fe63243fe content=784180d77f9de00b
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class CwmConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """CWM decoder (layer 0 and every 4th after it full attention, the rest sliding)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("cwm",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CwmForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/cwm.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 64
    num_attention_heads: rt.Heads = 48
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 6144
    explicit_head_dim: rt.HeadDim = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: rt.Positive = 131072
    sliding_window: rt.Positive = 8192
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _kind(self, i: int) -> str:
        return "full" if i % 4 == 0 else "sliding"

    _window = rt.from_input("sliding_window")
