# generated from schemas/flint.yaml by `make generate`; do not edit.
# kvarch-digest: render=aa607ca7ac8d6646 content=248fbd6e7129f7d6
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class FlintConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Flint decoder (full attention on the first two, every 4th and the last layer; sliding
    elsewhere)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("flint",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("FlintForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/flint.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 49
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 2048
    explicit_head_dim: rt.HeadDim = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: rt.Positive = 262144
    sliding_window: rt.Positive = 513
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    @rt.reads("num_hidden_layers")
    def _kind(self, i: int) -> str:
        return "full" if i < 2 or i % 4 == 1 or i == self.num_hidden_layers - 1 else "sliding"

    _window = rt.from_input("sliding_window")
