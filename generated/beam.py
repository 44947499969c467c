# generated from schemas/beam.yaml by `make generate`; do not edit.
# kvarch-digest: render=6e6f94907815e490 content=00539555a71e8287
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class BeamConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Beam decoder (every 6th and the last layer full attention, the others sliding-window)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("beam",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BeamForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/beam.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 52
    num_attention_heads: rt.Heads = 48
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 5120
    explicit_head_dim: rt.HeadDim = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: rt.Positive = 8192
    sliding_window: rt.Positive = 512
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    @rt.reads("num_hidden_layers")
    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % 6 == 0 or i == self.num_hidden_layers - 1 else "sliding"

    _window = rt.from_input("sliding_window")
